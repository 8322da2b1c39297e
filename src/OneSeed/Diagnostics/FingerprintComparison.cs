using System.Collections.ObjectModel;

namespace OneSeed.Diagnostics;

/// <summary>The differences between a saved <see cref="EnvironmentFingerprint"/> and another (usually this machine's).</summary>
/// <remarks>
/// Rules: an entry whose values differ gets the entry's severity (core entries are classified by OneSeed, see
/// docs/cli.md; contributed entries carry their own, and the more serious of the two sides counts). A value that
/// one side could not observe (unknown), a loaded assembly or a contributed entry that only one process has, is
/// <see cref="DifferenceSeverity.Informational"/>: it cannot be compared. An environment variable set on one side
/// only is a real difference with the variable's severity, except <c>ONESEED_SEED</c> (the seed is chosen per run: informational unless both sides set it). Immutable. Reproducibility tier: <b>stable within a major version</b>.
/// </remarks>
public sealed class FingerprintComparison
{
    private FingerprintComparison(List<FingerprintDifference> differences)
    {
        Differences = differences.AsReadOnly();
    }

    /// <summary>The differences, most serious first, then in the saved fingerprint's order.</summary>
    public ReadOnlyCollection<FingerprintDifference> Differences { get; }

    /// <summary>Whether no difference at all was found.</summary>
    public bool IsIdentical => Differences.Count == 0;

    /// <summary>Whether some difference breaks bit-exactness.</summary>
    public bool HasBreakingDifference => Differences.Any(d => d.Severity == DifferenceSeverity.BreaksBitExactness);

    /// <summary>The most serious severity found, or <see langword="null"/> when identical.</summary>
    public DifferenceSeverity? MaxSeverity => Differences.Count == 0 ? null : Differences.Max(d => d.Severity);

    /// <summary>Compares <paramref name="saved"/> (the record of a result) with <paramref name="current"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static FingerprintComparison Compare(EnvironmentFingerprint saved, EnvironmentFingerprint current)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(current);
        var currentByKey = current.Entries.ToDictionary(e => e.Key, StringComparer.Ordinal);
        var savedKeys = new HashSet<string>(StringComparer.Ordinal);
        var differences = new List<FingerprintDifference>();
        foreach (FingerprintEntry s in saved.Entries)
        {
            savedKeys.Add(s.Key);
            currentByKey.TryGetValue(s.Key, out FingerprintEntry? c);
            Add(differences, s, c);
        }

        foreach (FingerprintEntry c in current.Entries)
        {
            if (!savedKeys.Contains(c.Key))
            {
                Add(differences, null, c);
            }
        }

        // Stable sort: most serious first, otherwise the saved order.
        var ordered = differences.Select((d, i) => (d, i)).OrderByDescending(p => p.d.Severity).ThenBy(p => p.i).Select(p => p.d).ToList();
        return new FingerprintComparison(ordered);
    }

    private static void Add(List<FingerprintDifference> differences, FingerprintEntry? saved, FingerprintEntry? current)
    {
        FingerprintEntry any = saved ?? current!;
        if (saved is not null && current is not null && string.Equals(saved.Value, current.Value, StringComparison.Ordinal))
        {
            return;
        }

        bool core = FingerprintRules.CoreSections.Contains(any.Section);
        (DifferenceSeverity severity, string reason) = core
            ? FingerprintRules.Classify(any.Section, any.Name)
            : (Max(saved?.Severity, current?.Severity), saved?.Reason ?? current?.Reason ?? "Reported by a fingerprint contributor.");

        if (saved is null || current is null)
        {
            if (any.Key == "environment.ONESEED_SEED")
            {
                (severity, reason) = (DifferenceSeverity.Informational, "The seed is chosen per run, not by the machine; set ONESEED_SEED on both sides to compare it.");
            }
            else if (any.Section != "environment")
            {
                (severity, reason) = (DifferenceSeverity.Informational, "Present on one side only (not loaded or not observed in the other process), so it cannot be compared.");
            }
        }
        else if (saved.Value is null || current.Value is null)
        {
            (severity, reason) = (DifferenceSeverity.Informational, "Unknown on one side, so it cannot be compared.");
        }

        differences.Add(new FingerprintDifference(any.Key, saved?.Value, current?.Value, saved is not null, current is not null, severity, reason));
    }

    private static DifferenceSeverity Max(DifferenceSeverity? a, DifferenceSeverity? b) =>
        (DifferenceSeverity)Math.Max((int)(a ?? DifferenceSeverity.Informational), (int)(b ?? DifferenceSeverity.Informational));
}

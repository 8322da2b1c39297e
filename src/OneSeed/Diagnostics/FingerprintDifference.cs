namespace OneSeed.Diagnostics;

/// <summary>One difference between a saved fingerprint and another one.</summary>
/// <remarks>Immutable. Reproducibility tier: <b>stable within a major version</b>.</remarks>
public sealed class FingerprintDifference
{
    internal FingerprintDifference(string key, string? expected, string? actual, bool expectedPresent, bool actualPresent, DifferenceSeverity severity, string reason)
    {
        Key = key;
        Expected = expected;
        Actual = actual;
        ExpectedPresent = expectedPresent;
        ActualPresent = actualPresent;
        Severity = severity;
        Reason = reason;
    }

    /// <summary>The entry's key, <c>section.name</c>.</summary>
    public string Key { get; }

    /// <summary>The saved value (<see langword="null"/> when absent or unknown).</summary>
    public string? Expected { get; }

    /// <summary>The other side's value (<see langword="null"/> when absent or unknown).</summary>
    public string? Actual { get; }

    /// <summary>Whether the saved fingerprint has the entry at all.</summary>
    public bool ExpectedPresent { get; }

    /// <summary>Whether the other fingerprint has the entry at all.</summary>
    public bool ActualPresent { get; }

    /// <summary>How much the difference matters.</summary>
    public DifferenceSeverity Severity { get; }

    /// <summary>Why it matters, in one sentence.</summary>
    public string Reason { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Key}: {Show(Expected, ExpectedPresent)} -> {Show(Actual, ActualPresent)} ({Severity})";

    internal static string Show(string? value, bool present) => !present ? "(absent)" : value ?? "(unknown)";
}

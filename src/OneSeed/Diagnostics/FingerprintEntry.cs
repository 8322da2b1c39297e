namespace OneSeed.Diagnostics;

/// <summary>One observed fact of an <see cref="EnvironmentFingerprint"/>: a named value in a section, and how much a difference in it matters.</summary>
/// <remarks>Immutable. Reproducibility tier: <b>stable within a major version</b>.</remarks>
public sealed class FingerprintEntry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="section">The section (lower-case letters, digits, '_' or '-'; e.g. <c>runtime</c>, <c>torchsharp</c>).</param>
    /// <param name="name">The name within the section (not empty).</param>
    /// <param name="value">The observed value; <see langword="null"/> means it could not be observed (unknown).</param>
    /// <param name="severity">How much a difference in this entry matters.</param>
    /// <param name="reason">Why a difference matters (one short sentence), or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="section"/> or <paramref name="name"/> is empty or malformed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="severity"/> is not a defined value.</exception>
    public FingerprintEntry(string section, string name, string? value, DifferenceSeverity severity, string? reason = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(section);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        foreach (char c in section)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-'))
            {
                throw new ArgumentException($"Section '{section}' may contain only lower-case ASCII letters, digits, '_' and '-'.", nameof(section));
            }
        }

        if (!Enum.IsDefined(severity))
        {
            throw new ArgumentOutOfRangeException(nameof(severity), severity, "Not a defined DifferenceSeverity.");
        }

        Section = section;
        Name = name;
        Value = value;
        Severity = severity;
        Reason = reason;
    }

    /// <summary>The section, e.g. <c>runtime</c>.</summary>
    public string Section { get; }

    /// <summary>The name within the section, e.g. <c>version</c>.</summary>
    public string Name { get; }

    /// <summary><c>section.name</c>, the key that comparisons report.</summary>
    public string Key => Section + "." + Name;

    /// <summary>The observed value, or <see langword="null"/> when it could not be observed.</summary>
    public string? Value { get; }

    /// <summary>How much a difference in this entry matters.</summary>
    public DifferenceSeverity Severity { get; }

    /// <summary>Why a difference matters, or <see langword="null"/>.</summary>
    public string? Reason { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Key} = {Value ?? "(unknown)"}";
}

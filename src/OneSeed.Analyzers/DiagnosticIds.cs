namespace OneSeed.Analyzers;

/// <summary>
/// The IDs of the OneSeed diagnostics, as they appear in build output, in <c>.editorconfig</c>
/// (<c>dotnet_diagnostic.ONESEED001.severity = none</c>) and in <c>#pragma warning disable</c>.
/// </summary>
public static class DiagnosticIds
{
    /// <summary><c>new Random()</c> without a seed, or seeded from the clock, a GUID, a process id or a hash code.</summary>
    public const string NondeterministicRandomSeed = "ONESEED001";

    /// <summary><c>Random.Shared</c>, seeded differently in every process.</summary>
    public const string SharedRandom = "ONESEED002";
}

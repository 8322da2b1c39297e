namespace OneSeed.Diagnostics;

/// <summary>How much a difference between two environment fingerprints matters for reproducing a result.</summary>
/// <remarks>
/// The values are ordered: a larger value is more serious, so the most serious difference of a comparison is
/// the maximum. Reproducibility tier: <b>stable within a major version</b> (the numeric values are persisted only
/// through their names).
/// </remarks>
public enum DifferenceSeverity
{
    /// <summary>Recorded for the reader; cannot change any number (host name, time zone, a value one side could not observe).</summary>
    Informational = 0,

    /// <summary>May change results, depending on what the program does (CPU model, thread counts, library versions, code revision).</summary>
    MayChangeResults = 1,

    /// <summary>Known to change floating-point or random results (runtime version, SIMD sets, seed, determinism switches).</summary>
    BreaksBitExactness = 2,
}

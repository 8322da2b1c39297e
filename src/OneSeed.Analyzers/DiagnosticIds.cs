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

    /// <summary>A per-process randomised hash (<c>string.GetHashCode()</c>, <c>HashCode</c>, string comparers) that
    /// reaches a seed, a <c>%</c> bucket, an ordering or a write.</summary>
    public const string RandomizedHash = "ONESEED003";

    /// <summary>A collection whose enumeration order depends on hash codes, thread timing or .NET's slot reuse
    /// (<c>ConcurrentDictionary</c>, <c>ConcurrentBag</c>, <c>ImmutableHashSet</c>, <c>ImmutableDictionary</c>,
    /// <c>Hashtable</c>, and <c>Dictionary</c>/<c>HashSet</c> with removals) enumerated into something order-sensitive.</summary>
    public const string HashOrderedEnumeration = "ONESEED004";

    /// <summary>A floating-point reduction whose result depends on thread timing: a shared accumulator updated from
    /// <c>Parallel.For</c>/<c>ForEach</c>, or PLINQ's <c>Sum</c>/<c>Average</c>/<c>Aggregate</c> after an unordered <c>AsParallel()</c>.</summary>
    public const string ParallelFloatingPointReduction = "ONESEED005";

    /// <summary>A clock- or identity-derived value passed to a parameter, or assigned to a property or field, named like a seed.</summary>
    public const string NondeterministicSeedArgument = "ONESEED006";

    /// <summary>TorchSharp randomness OneSeed's seeding does not reach: <c>torch.manual_seed</c>, torchvision's
    /// <c>RandomResizedCrop</c>/<c>RandomRotation</c>/<c>RandomPerspective</c>/<c>RandomOrder</c>, and TorchSharp's <c>DataLoader</c> with <c>shuffle: true</c>.</summary>
    public const string TorchSharpRandomness = "ONESEED007";
}

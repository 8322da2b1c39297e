using System.Numerics;
using OneSeed.Seeding;

namespace OneSeed.Engines;

/// <summary>
/// The engines by their NumPy names (<c>"MT19937"</c>, <c>"PCG64"</c>, <c>"PCG64DXSM"</c>, <c>"Philox"</c>, <c>"SFC64"</c>),
/// for configuration-driven code and for restoring a saved state without knowing its engine in advance.
/// </summary>
/// <remarks>Reproducibility tier: <b>stable</b> (each name always means the same engine and seeding).</remarks>
public static class BitGenerators
{
    /// <summary>The names <see cref="Create(string, SeedSequence)"/> accepts, as NumPy spells them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["MT19937", "PCG64", "PCG64DXSM", "Philox", "SFC64"];

    /// <summary>The engine named <paramref name="name"/> seeded from <paramref name="seedSequence"/>, as <c>getattr(np.random, name)(seed_sequence)</c>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not one of <see cref="Names"/>.</exception>
    public static BitGenerator Create(string name, SeedSequence seedSequence)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(seedSequence);
        return name switch
        {
            "MT19937" => new Mt19937(seedSequence),
            "PCG64" => new Pcg64(seedSequence),
            "PCG64DXSM" => new Pcg64Dxsm(seedSequence),
            "Philox" => new Philox(seedSequence),
            "SFC64" => new Sfc64(seedSequence),
            _ => throw UnknownName(name, nameof(name)),
        };
    }

    /// <summary>The engine named <paramref name="name"/> seeded from a non-negative integer through <see cref="SeedSequence"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is unknown.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seed"/> is negative.</exception>
    public static BitGenerator Create(string name, BigInteger seed) => Create(name, new SeedSequence(seed));

    /// <summary>
    /// A new engine of the kind a state JSON names (its <c>bit_generator</c> entry), in that state: restores what
    /// <see cref="BitGenerator.GetStateJson"/> or NumPy (via <c>tools/state_json.py</c>) saved.
    /// </summary>
    /// <exception cref="FormatException">The JSON is malformed, names an unknown engine, or holds an invalid state.</exception>
    public static BitGenerator FromStateJson(string json) => StateJson.ReadName(json) switch
    {
        "MT19937" => new Mt19937(Mt19937State.FromJson(json)),
        "PCG64" => new Pcg64(Pcg64State.FromJson(json, "PCG64")),
        "PCG64DXSM" => new Pcg64Dxsm(Pcg64State.FromJson(json, "PCG64DXSM")),
        "Philox" => new Philox(PhiloxState.FromJson(json)),
        "SFC64" => new Sfc64(Sfc64State.FromJson(json)),
        var other => throw new FormatException($"Unknown bit_generator '{other}'; expected one of {string.Join(", ", Names)}."),
    };

    private static ArgumentException UnknownName(string name, string paramName) =>
        new($"Unknown bit generator '{name}'; expected one of {string.Join(", ", Names)} (NumPy's spelling).", paramName);
}

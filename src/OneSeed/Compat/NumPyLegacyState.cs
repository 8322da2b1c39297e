using System.Globalization;
using System.Text.Json;
using OneSeed.Engines;

namespace OneSeed.Compat;

/// <summary>
/// The complete state of a <see cref="NumPyRandomState"/>: its MT19937 engine state plus the legacy Gaussian
/// cache, as NumPy's <c>RandomState.get_state(legacy=False)</c> dictionary
/// (<c>{"bit_generator": "MT19937", "state": {"key": [...], "pos": n}, "has_gauss": 0|1, "gauss": x}</c>).
/// </summary>
/// <remarks>
/// Immutable; <see cref="Version"/> identifies the layout. The cached Gaussian is part of the stream: the next
/// <c>standard_normal</c> returns it without drawing when <see cref="HasGauss"/> is set.
/// Reproducibility tier: <b>stable</b>.
/// </remarks>
public sealed class NumPyLegacyState
{
    /// <summary>Creates a state.</summary>
    /// <param name="bitGeneratorState">The MT19937 key and position.</param>
    /// <param name="hasGauss">Whether a second polar Box–Muller value is cached (NumPy's <c>has_gauss</c>).</param>
    /// <param name="cachedGaussian">The cached value (NumPy's <c>gauss</c>); kept even when <paramref name="hasGauss"/> is false, as NumPy does.</param>
    /// <exception cref="ArgumentNullException"><paramref name="bitGeneratorState"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cachedGaussian"/> is NaN or infinite (JSON cannot carry it, and no draw produces it).</exception>
    public NumPyLegacyState(Mt19937State bitGeneratorState, bool hasGauss, double cachedGaussian)
    {
        ArgumentNullException.ThrowIfNull(bitGeneratorState);
        if (!double.IsFinite(cachedGaussian))
        {
            throw new ArgumentOutOfRangeException(nameof(cachedGaussian), cachedGaussian, "The cached Gaussian must be a finite number.");
        }

        BitGeneratorState = bitGeneratorState;
        HasGauss = hasGauss;
        CachedGaussian = cachedGaussian;
    }

    /// <summary>The layout version (currently 1).</summary>
    public int Version { get; } = StateJson.CurrentVersion;

    /// <summary>The state of the underlying MT19937 engine.</summary>
    public Mt19937State BitGeneratorState { get; }

    /// <summary>Whether a Gaussian value is cached for the next normal draw (NumPy's <c>has_gauss</c>).</summary>
    public bool HasGauss { get; }

    /// <summary>The cached Gaussian value (NumPy's <c>gauss</c>).</summary>
    public double CachedGaussian { get; }

    /// <summary>
    /// Reads a state in NumPy's <c>get_state(legacy=False)</c> layout. As in NumPy's <c>set_state</c>, a plain MT19937
    /// bit-generator state (without <c>has_gauss</c>/<c>gauss</c>) is accepted and means an empty cache.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">The JSON is malformed, for another bit generator, or describes an invalid state.</exception>
    public static NumPyLegacyState FromJson(string json) => StateJson.Read(json, "MT19937", root =>
    {
        JsonElement state = StateJson.GetProperty(root, "state");
        uint[] key = StateJson.GetUInt32Array(state, "key", Mt19937.StateLength);
        int pos = (int)StateJson.GetInteger(state, "pos", 0, Mt19937.StateLength);
        bool hasGauss = root.TryGetProperty("has_gauss", out _) && StateJson.GetFlag(root, "has_gauss");
        double gauss = 0.0;
        if (root.TryGetProperty("gauss", out JsonElement g))
        {
            if (g.ValueKind != JsonValueKind.Number || !g.TryGetDouble(out gauss) || !double.IsFinite(gauss))
            {
                throw new FormatException($"State entry 'gauss' is {g.GetRawText()}; it must be a finite number.");
            }
        }

        return new NumPyLegacyState(new Mt19937State(key, pos), hasGauss, gauss);
    });

    /// <summary>Writes the state in NumPy's <c>get_state(legacy=False)</c> layout (see <see cref="FromJson"/>); the cached value round-trips exactly.</summary>
    public string ToJson() => StateJson.Write("MT19937", w =>
    {
        w.WriteStartObject("state");
        w.WriteStartArray("key");
        foreach (uint word in BitGeneratorState.Key)
        {
            w.WriteNumberValue(word);
        }

        w.WriteEndArray();
        w.WriteNumber("pos", BitGeneratorState.Position);
        w.WriteEndObject();
        w.WriteNumber("has_gauss", HasGauss ? 1 : 0);
        w.WritePropertyName("gauss");
        w.WriteRawValue(FormatDouble(CachedGaussian), skipInputValidation: true);
    });

    /// <inheritdoc />
    public override string ToString() => $"{nameof(NumPyLegacyState)}(MT19937, version {Version})";

    // Shortest round-trip text, always with a '.' or exponent so that Python's json reads a float (and -0.0 keeps its sign).
    private static string FormatDouble(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}

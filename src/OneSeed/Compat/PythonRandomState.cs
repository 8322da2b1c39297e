using System.Collections.ObjectModel;
using System.Globalization;
using System.Text.Json;
using OneSeed.Engines;

namespace OneSeed.Compat;

/// <summary>
/// The complete state of a <see cref="PythonRandom"/>, as CPython's <c>random.Random.getstate()</c>: version 3, the
/// Mersenne Twister's 624 key words and index, and the cached second normal deviate of <c>gauss()</c>.
/// </summary>
/// <remarks>
/// Immutable. JSON layout (what <c>tools/state_json.py</c> reads and writes):
/// <c>{"bit_generator": "CPython.random", "oneseed_state_version": 1, "version": 3, "internalstate": [624 words, index], "gauss_next": null or a float}</c>.
/// Reproducibility tier: <b>stable</b>.
/// </remarks>
public sealed class PythonRandomState
{
    /// <summary>The name under <c>"bit_generator"</c> in the JSON layout.</summary>
    public const string BitGeneratorName = "CPython.random";

    /// <summary>The only <c>random.Random</c> state version this type holds (CPython 3's <c>Random.VERSION</c>).</summary>
    public const int CurrentVersion = 3;

    private readonly uint[] _key;

    /// <summary>Creates a state from a copy of <paramref name="key"/>, the twister's <paramref name="index"/> and the cached normal.</summary>
    /// <param name="key">The 624 key words (the first 624 items of CPython's internal state tuple).</param>
    /// <param name="index">The twister index, in [0, 624] (the tuple's last item); 624 means the next draw twists first.</param>
    /// <param name="gaussNext">CPython's <c>gauss_next</c>: null, or the finite value <c>gauss()</c> returns next.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is not 624 words or is all zero in its 19937 significant bits, the index is outside [0, 624], or <paramref name="gaussNext"/> is not finite.</exception>
    public PythonRandomState(IReadOnlyList<uint> key, int index, double? gaussNext)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = [.. key];
        Index = index;
        GaussNext = gaussNext;
        Validate();
    }

    /// <summary>The state version: always <see cref="CurrentVersion"/> (3).</summary>
    public int Version { get; } = CurrentVersion;

    /// <summary>The 624 key words of the Mersenne Twister.</summary>
    public ReadOnlyCollection<uint> Key => Array.AsReadOnly(_key);

    /// <summary>The index of the next key word to use, in [0, 624].</summary>
    public int Index { get; }

    /// <summary>The value the next <see cref="PythonRandom.Gauss"/> call returns (scaled), or null if none is cached.</summary>
    public double? GaussNext { get; }

    /// <summary>Reads the JSON layout described in the remarks.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">The JSON is malformed, is not a CPython.random state, has a version other than 3, or the state is invalid.</exception>
    public static PythonRandomState FromJson(string json) => StateJson.Read(json, BitGeneratorName, root =>
    {
        var version = StateJson.GetInteger(root, "version");
        if (version != CurrentVersion)
        {
            throw new FormatException($"State entry 'version' is {version}; only random.Random state version {CurrentVersion} (CPython 3) is supported.");
        }

        uint[] words = StateJson.GetUInt32Array(root, "internalstate", Mt19937.StateLength + 1);
        if (words[Mt19937.StateLength] > Mt19937.StateLength)
        {
            throw new FormatException($"State entry 'internalstate[{Mt19937.StateLength}]' (the index) is {words[Mt19937.StateLength]}; it must be in [0, {Mt19937.StateLength}].");
        }

        JsonElement gauss = StateJson.GetProperty(root, "gauss_next");
        double? gaussNext = gauss.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Number when gauss.TryGetDouble(out double value) => value,
            _ => throw new FormatException($"State entry 'gauss_next' is {gauss.GetRawText()}; it must be null or a finite number."),
        };
        return new PythonRandomState(words.AsSpan(0, Mt19937.StateLength).ToArray(), (int)words[Mt19937.StateLength], gaussNext);
    });

    /// <summary>Writes the JSON layout described in the remarks; <c>gauss_next</c> is written so that it reads back to the same bits.</summary>
    public string ToJson() => StateJson.Write(BitGeneratorName, w =>
    {
        w.WriteNumber("version", CurrentVersion);
        w.WriteStartArray("internalstate");
        foreach (uint word in _key)
        {
            w.WriteNumberValue(word);
        }

        w.WriteNumberValue(Index);
        w.WriteEndArray();
        w.WritePropertyName("gauss_next");
        if (GaussNext is double g)
        {
            w.WriteRawValue(StateJson.FormatDouble(g), skipInputValidation: true);
        }
        else
        {
            w.WriteNullValue();
        }
    });

    /// <summary>The twister state (key and index) as an <see cref="Mt19937State"/>.</summary>
    internal Mt19937State ToEngineState() => new(_key, Index);

    private void Validate()
    {
        if (GaussNext is double g && !double.IsFinite(g))
        {
            throw new ArgumentOutOfRangeException("gaussNext", g, "gauss_next must be null or finite (CPython's gauss() only caches finite values).");
        }

        try
        {
            _ = ToEngineState();
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName == "position")
        {
            throw new ArgumentOutOfRangeException("index", Index, string.Create(CultureInfo.InvariantCulture, $"The index must be in [0, {Mt19937.StateLength}]."));
        }
    }
}

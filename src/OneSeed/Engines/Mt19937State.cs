using System.Collections.ObjectModel;

namespace OneSeed.Engines;

/// <summary>
/// The complete state of an <see cref="Mt19937"/>: 624 key words and the read position, as NumPy's
/// <c>MT19937.state['state']</c> (<c>key</c>, <c>pos</c>).
/// </summary>
/// <remarks>
/// Immutable; <see cref="Version"/> identifies the layout. Reproducibility tier: <b>stable</b>.
/// </remarks>
public sealed class Mt19937State
{
    private readonly uint[] _key;

    /// <summary>Creates a state from a copy of <paramref name="key"/> and <paramref name="position"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is not 624 words, the position is outside 0..624, or the key's 19937 significant bits are all zero.</exception>
    public Mt19937State(IReadOnlyList<uint> key, int position)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = [.. key];
        Position = position;
        Validate();
    }

    /// <summary>The layout version (currently 1).</summary>
    public int Version { get; } = StateJson.CurrentVersion;

    /// <summary>The 624 key words.</summary>
    public ReadOnlyCollection<uint> Key => Array.AsReadOnly(_key);

    /// <summary>The index of the next key word to temper; 624 means the next draw twists first.</summary>
    public int Position { get; }

    /// <summary>Reads a state in NumPy's layout: <c>{"bit_generator": "MT19937", "state": {"key": [...], "pos": n}}</c>.</summary>
    /// <exception cref="FormatException">The JSON is malformed or the state is invalid.</exception>
    public static Mt19937State FromJson(string json) => StateJson.Read(json, "MT19937", root =>
    {
        var state = StateJson.GetProperty(root, "state");
        uint[] key = StateJson.GetUInt32Array(state, "key", Mt19937.StateLength);
        int pos = (int)StateJson.GetInteger(state, "pos", 0, Mt19937.StateLength);
        return new Mt19937State(key, pos);
    });

    /// <summary>Writes the state in NumPy's layout (see <see cref="FromJson"/>).</summary>
    public string ToJson() => StateJson.Write("MT19937", w =>
    {
        w.WriteStartObject("state");
        w.WriteStartArray("key");
        foreach (uint word in _key)
        {
            w.WriteNumberValue(word);
        }

        w.WriteEndArray();
        w.WriteNumber("pos", Position);
        w.WriteEndObject();
    });

    /// <summary>Copies the key into <paramref name="destination"/>.</summary>
    internal void CopyTo(uint[] destination) => _key.CopyTo(destination, 0);

    internal void Validate()
    {
        if (_key.Length != Mt19937.StateLength)
        {
            throw new ArgumentException($"An MT19937 key has exactly {Mt19937.StateLength} words; got {_key.Length}.", "key");
        }

        if (Position is < 0 or > Mt19937.StateLength)
        {
            throw new ArgumentOutOfRangeException("position", Position, $"The position must be in [0, {Mt19937.StateLength}].");
        }

        // Only the top bit of key[0] is part of the 19937-bit state; if it and all other words are zero
        // the generator would output zeros forever.
        bool degenerate = (_key[0] & 0x80000000) == 0;
        for (int i = 1; degenerate && i < _key.Length; i++)
        {
            degenerate = _key[i] == 0;
        }

        if (degenerate)
        {
            throw new ArgumentException("The MT19937 key is all zero in its 19937 significant bits; such a generator outputs only zeros.", "key");
        }
    }
}

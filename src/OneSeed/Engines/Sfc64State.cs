using System.Numerics;

namespace OneSeed.Engines;

/// <summary>
/// The complete state of an <see cref="Sfc64"/>: the words a, b, c and the counter w, and the buffered 32-bit
/// half-draw, as NumPy's <c>SFC64.state</c> dictionary (<c>state.state</c> = [a, b, c, w], <c>has_uint32</c>, <c>uinteger</c>).
/// </summary>
/// <remarks>
/// Immutable; <see cref="Version"/> identifies the layout. Every value is a valid state: the counter w alone
/// guarantees a period of at least 2^64. Reproducibility tier: <b>stable</b>.
/// </remarks>
public sealed class Sfc64State
{
    private const string Name = "SFC64";

    /// <summary>Creates a state.</summary>
    /// <param name="a">The first chaotic word.</param>
    /// <param name="b">The second chaotic word.</param>
    /// <param name="c">The third chaotic word.</param>
    /// <param name="counter">The counter w, incremented by every draw.</param>
    /// <param name="hasUInt32">Whether <paramref name="bufferedUInt32"/> is a buffered half-draw.</param>
    /// <param name="bufferedUInt32">The buffered upper half of the last 64-bit draw split for 32-bit output (NumPy's <c>uinteger</c>).</param>
    public Sfc64State(ulong a, ulong b, ulong c, ulong counter, bool hasUInt32 = false, uint bufferedUInt32 = 0)
    {
        A = a;
        B = b;
        C = c;
        Counter = counter;
        HasUInt32 = hasUInt32;
        BufferedUInt32 = bufferedUInt32;
    }

    /// <summary>The layout version (currently 1).</summary>
    public int Version { get; } = StateJson.CurrentVersion;

    /// <summary>The first chaotic word (NumPy's <c>state[0]</c>).</summary>
    public ulong A { get; }

    /// <summary>The second chaotic word (<c>state[1]</c>).</summary>
    public ulong B { get; }

    /// <summary>The third chaotic word (<c>state[2]</c>).</summary>
    public ulong C { get; }

    /// <summary>The counter w (<c>state[3]</c>).</summary>
    public ulong Counter { get; }

    /// <summary>Whether a 32-bit half-draw is buffered (NumPy's <c>has_uint32</c>).</summary>
    public bool HasUInt32 { get; }

    /// <summary>The buffered upper half (NumPy's <c>uinteger</c>).</summary>
    public uint BufferedUInt32 { get; }

    /// <summary>Reads a state in NumPy's layout: <c>{"bit_generator": "SFC64", "state": {"state": [a, b, c, w]}, "has_uint32": 0|1, "uinteger": n}</c>.</summary>
    /// <exception cref="FormatException">The JSON is malformed, is for another bit generator, or holds an invalid state.</exception>
    public static Sfc64State FromJson(string json) => StateJson.Read(json, Name, root =>
    {
        ulong[] s = StateJson.GetUInt64Array(StateJson.GetProperty(root, "state"), "state", 4);
        bool has = StateJson.GetFlag(root, "has_uint32");
        uint half = (uint)StateJson.GetInteger(root, "uinteger", BigInteger.Zero, uint.MaxValue);
        return new Sfc64State(s[0], s[1], s[2], s[3], has, half);
    });

    /// <summary>Writes the state in NumPy's layout (see <see cref="FromJson"/>).</summary>
    public string ToJson() => StateJson.Write(Name, w =>
    {
        w.WriteStartObject("state");
        StateJson.WriteUInt64Array(w, "state", [A, B, C, Counter]);
        w.WriteEndObject();
        w.WriteNumber("has_uint32", HasUInt32 ? 1 : 0);
        w.WriteNumber("uinteger", BufferedUInt32);
    });

    /// <inheritdoc />
    public override string ToString() => nameof(Sfc64State);
}

using System.Numerics;

namespace OneSeed.Engines;

/// <summary>
/// The complete state of a <see cref="Pcg64"/> or <see cref="Pcg64Dxsm"/>: the 128-bit LCG state and increment and
/// the buffered upper half of a 64-bit draw, as NumPy's <c>PCG64.state</c> / <c>PCG64DXSM.state</c> dictionaries
/// (<c>state</c>, <c>inc</c>, <c>has_uint32</c>, <c>bufferedUInt32</c>), which differ only in the <c>bit_generator</c> name.
/// </summary>
/// <remarks>
/// Immutable; <see cref="Version"/> identifies the layout. The increment must be odd: NumPy's seeding always
/// makes it odd (an even increment shortens the period, and increment 0 with state 0 outputs zeros forever),
/// so a state with an even increment is refused although NumPy's setter would take it.
/// Reproducibility tier: <b>stable</b>.
/// </remarks>
public sealed class Pcg64State
{
    private const string Pcg64Name = "PCG64";
    private const string DxsmName = "PCG64DXSM";
    private static readonly BigInteger Max128 = (BigInteger.One << 128) - 1;

    /// <summary>Creates a state.</summary>
    /// <param name="state">The 128-bit LCG state.</param>
    /// <param name="increment">The LCG increment; must be odd.</param>
    /// <param name="hasUInt32">Whether <paramref name="bufferedUInt32"/> is a buffered half-draw that the next 32-bit draw returns.</param>
    /// <param name="bufferedUInt32">The buffered upper half (kept, as NumPy does, even when <paramref name="hasUInt32"/> is false).</param>
    /// <exception cref="ArgumentException"><paramref name="increment"/> is even.</exception>
    public Pcg64State(UInt128 state, UInt128 increment, bool hasUInt32 = false, uint bufferedUInt32 = 0)
    {
        if ((increment & UInt128.One) == UInt128.Zero)
        {
            throw new ArgumentException($"The PCG increment must be odd; got {increment}.", nameof(increment));
        }

        State = state;
        Increment = increment;
        HasUInt32 = hasUInt32;
        BufferedUInt32 = bufferedUInt32;
    }

    /// <summary>The layout version (currently 1).</summary>
    public int Version { get; } = StateJson.CurrentVersion;

    /// <summary>The 128-bit LCG state.</summary>
    public UInt128 State { get; }

    /// <summary>The (odd) LCG increment, which selects the stream.</summary>
    public UInt128 Increment { get; }

    /// <summary>Whether a 32-bit half-draw is buffered (NumPy's <c>has_uint32</c>).</summary>
    public bool HasUInt32 { get; }

    /// <summary>The buffered upper half of the last 64-bit draw split for 32-bit output (NumPy's <c>bufferedUInt32</c>).</summary>
    public uint BufferedUInt32 { get; }

    /// <summary>Reads a <c>PCG64</c> state in NumPy's layout: <c>{"bit_generator": "PCG64", "state": {"state": n, "inc": n}, "has_uint32": 0|1, "uinteger": n}</c>.</summary>
    /// <exception cref="FormatException">The JSON is malformed, is for another bit generator, or holds an invalid state.</exception>
    public static Pcg64State FromJson(string json) => FromJson(json, Pcg64Name);

    /// <summary>Reads a state written for <paramref name="bitGenerator"/> (<c>"PCG64"</c> or <c>"PCG64DXSM"</c>) in NumPy's layout.</summary>
    /// <exception cref="ArgumentException"><paramref name="bitGenerator"/> is neither name.</exception>
    /// <exception cref="FormatException">The JSON is malformed, is for another bit generator, or holds an invalid state.</exception>
    public static Pcg64State FromJson(string json, string bitGenerator) => StateJson.Read(json, CheckName(bitGenerator), root =>
    {
        var inner = StateJson.GetProperty(root, "state");
        var state = (UInt128)StateJson.GetInteger(inner, "state", BigInteger.Zero, Max128);
        var inc = (UInt128)StateJson.GetInteger(inner, "inc", BigInteger.Zero, Max128);
        if ((inc & UInt128.One) == UInt128.Zero)
        {
            throw new FormatException($"State entry 'inc' is {inc}; the PCG increment must be odd.");
        }

        bool has = StateJson.GetFlag(root, "has_uint32");
        uint bufferedUInt32 = (uint)StateJson.GetInteger(root, "uinteger", BigInteger.Zero, uint.MaxValue);
        return new Pcg64State(state, inc, has, bufferedUInt32);
    });

    /// <summary>Writes the state in NumPy's <c>PCG64</c> layout (see <see cref="FromJson(string)"/>).</summary>
    public string ToJson() => ToJson(Pcg64Name);

    /// <summary>Writes the state in NumPy's layout under the name <paramref name="bitGenerator"/> (<c>"PCG64"</c> or <c>"PCG64DXSM"</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="bitGenerator"/> is neither name.</exception>
    public string ToJson(string bitGenerator) => StateJson.Write(CheckName(bitGenerator), w =>
    {
        w.WriteStartObject("state");
        StateJson.WriteInteger(w, "state", State);
        StateJson.WriteInteger(w, "inc", Increment);
        w.WriteEndObject();
        w.WriteNumber("has_uint32", HasUInt32 ? 1 : 0);
        w.WriteNumber("uinteger", BufferedUInt32);
    });

    /// <inheritdoc />
    public override string ToString() => nameof(Pcg64State);

    private static string CheckName(string bitGenerator) => bitGenerator is Pcg64Name or DxsmName
        ? bitGenerator
        : throw new ArgumentException($"The bit generator must be \"{Pcg64Name}\" or \"{DxsmName}\"; got \"{bitGenerator}\".", nameof(bitGenerator));
}

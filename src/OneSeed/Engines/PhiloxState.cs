using System.Collections.ObjectModel;
using System.Numerics;

namespace OneSeed.Engines;

/// <summary>
/// The complete state of a <see cref="Philox"/>: the 256-bit counter (four 64-bit words, least significant first),
/// the 128-bit key (two words), the buffer of the last block's four outputs with the read position, and the
/// buffered 32-bit half-draw, as NumPy's <c>Philox.state</c> dictionary
/// (<c>state.counter</c>, <c>state.key</c>, <c>buffer</c>, <c>buffer_pos</c>, <c>has_uint32</c>, <c>uinteger</c>).
/// </summary>
/// <remarks>Immutable; <see cref="Version"/> identifies the layout. Every counter and key is valid. Reproducibility tier: <b>stable</b>.</remarks>
public sealed class PhiloxState
{
    /// <summary>The number of outputs per Philox block (NumPy's <c>PHILOX_BUFFER_SIZE</c>).</summary>
    public const int BufferSize = 4;

    private const string Name = "Philox";
    private readonly ulong[] _counter;
    private readonly ulong[] _key;
    private readonly ulong[] _buffer;

    /// <summary>Creates a state from copies of the given words.</summary>
    /// <param name="counter">Four counter words, least significant first.</param>
    /// <param name="key">Two key words.</param>
    /// <param name="buffer">The four outputs of the last block.</param>
    /// <param name="bufferPosition">The index of the next buffered output; 4 means the next draw computes a new block.</param>
    /// <param name="hasUInt32">Whether <paramref name="bufferedUInt32"/> is a buffered half-draw.</param>
    /// <param name="bufferedUInt32">The buffered upper half of the last 64-bit draw split for 32-bit output (NumPy's <c>uinteger</c>).</param>
    /// <exception cref="ArgumentNullException">An array is null.</exception>
    /// <exception cref="ArgumentException">An array has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bufferPosition"/> is outside [0, 4].</exception>
    public PhiloxState(IReadOnlyList<ulong> counter, IReadOnlyList<ulong> key, IReadOnlyList<ulong> buffer, int bufferPosition, bool hasUInt32 = false, uint bufferedUInt32 = 0)
    {
        ArgumentNullException.ThrowIfNull(counter);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(buffer);
        _counter = Copy(counter, 4, nameof(counter));
        _key = Copy(key, 2, nameof(key));
        _buffer = Copy(buffer, BufferSize, nameof(buffer));
        if (bufferPosition is < 0 or > BufferSize)
        {
            throw new ArgumentOutOfRangeException(nameof(bufferPosition), bufferPosition, $"The buffer position must be in [0, {BufferSize}].");
        }

        BufferPosition = bufferPosition;
        HasUInt32 = hasUInt32;
        BufferedUInt32 = bufferedUInt32;
    }

    /// <summary>The layout version (currently 1).</summary>
    public int Version { get; } = StateJson.CurrentVersion;

    /// <summary>The four counter words, least significant first.</summary>
    public ReadOnlyCollection<ulong> Counter => Array.AsReadOnly(_counter);

    /// <summary>The two key words.</summary>
    public ReadOnlyCollection<ulong> Key => Array.AsReadOnly(_key);

    /// <summary>The four outputs of the last block computed.</summary>
    public ReadOnlyCollection<ulong> Buffer => Array.AsReadOnly(_buffer);

    /// <summary>The index of the next buffered output; 4 means the next draw increments the counter and computes a new block.</summary>
    public int BufferPosition { get; }

    /// <summary>Whether a 32-bit half-draw is buffered (NumPy's <c>has_uint32</c>).</summary>
    public bool HasUInt32 { get; }

    /// <summary>The buffered upper half (NumPy's <c>uinteger</c>).</summary>
    public uint BufferedUInt32 { get; }

    /// <summary>
    /// Reads a state in NumPy's layout: <c>{"bit_generator": "Philox", "state": {"counter": [4 words], "key": [2 words]},
    /// "buffer": [4 words], "buffer_pos": n, "has_uint32": 0|1, "uinteger": n}</c>.
    /// </summary>
    /// <exception cref="FormatException">The JSON is malformed, is for another bit generator, or holds an invalid state.</exception>
    public static PhiloxState FromJson(string json) => StateJson.Read(json, Name, root =>
    {
        var inner = StateJson.GetProperty(root, "state");
        ulong[] counter = StateJson.GetUInt64Array(inner, "counter", 4);
        ulong[] key = StateJson.GetUInt64Array(inner, "key", 2);
        ulong[] buffer = StateJson.GetUInt64Array(root, "buffer", BufferSize);
        int pos = (int)StateJson.GetInteger(root, "buffer_pos", 0, BufferSize);
        bool has = StateJson.GetFlag(root, "has_uint32");
        uint half = (uint)StateJson.GetInteger(root, "uinteger", BigInteger.Zero, uint.MaxValue);
        return new PhiloxState(counter, key, buffer, pos, has, half);
    });

    /// <summary>Writes the state in NumPy's layout (see <see cref="FromJson"/>).</summary>
    public string ToJson() => StateJson.Write(Name, w =>
    {
        w.WriteStartObject("state");
        StateJson.WriteUInt64Array(w, "counter", _counter);
        StateJson.WriteUInt64Array(w, "key", _key);
        w.WriteEndObject();
        StateJson.WriteUInt64Array(w, "buffer", _buffer);
        w.WriteNumber("buffer_pos", BufferPosition);
        w.WriteNumber("has_uint32", HasUInt32 ? 1 : 0);
        w.WriteNumber("uinteger", BufferedUInt32);
    });

    /// <inheritdoc />
    public override string ToString() => nameof(PhiloxState);

    internal ReadOnlySpan<ulong> CounterSpan => _counter;

    internal ReadOnlySpan<ulong> KeySpan => _key;

    internal ReadOnlySpan<ulong> BufferSpan => _buffer;

    private static ulong[] Copy(IReadOnlyList<ulong> words, int length, string name) => words.Count == length
        ? [.. words]
        : throw new ArgumentException($"The Philox {name} has exactly {length} 64-bit words; got {words.Count}.", name);
}

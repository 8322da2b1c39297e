using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// An engine's 64-bit draws with a chunk of them already taken into a buffer through its bulk path: the buffered words
/// first, then the engine. Callers refill with no more words than values still to produce, each value taking at least
/// one word, so the engine never runs ahead of the scalar path. A pointer to stack memory, because an
/// <see cref="IRawSource"/> is a plain struct and cannot hold a span on .NET 8.
/// </summary>
internal unsafe struct UInt64DrawCursor(BitGenerator engine, ulong* buffer) : IRawSource
{
    /// <summary>Words per chunk: 4 KB of stack, large enough to amortise the engine call, small enough to stay in L1.</summary>
    public const int Capacity = 512;

    // MT19937's doubles take 27 + 26 bits of a word's two halves; the other engines CanBuffer admits take its top 53
    // bits (BitGenerator's NextDoubleFromRaw). Decided once here: a virtual call per double measured in the samplers
    // that draw several uniforms a value (Poisson, binomial).
    private readonly bool _twoHalves = engine is Mt19937;
    private int _position;
    private int _length;

    /// <summary>
    /// Whether buffering gives the scalar path's draws for <paramref name="engine"/>: only this library's engines,
    /// whose bulk fill and <see cref="BitGenerator.NextDoubleFromRaw(ulong)"/> are known to match their per-draw
    /// methods; a subclass elsewhere may define <see cref="BitGenerator.NextDouble"/> or
    /// <see cref="BitGenerator.Fill(Span{ulong})"/> differently, so it keeps the per-value loop.
    /// </summary>
    public static bool CanBuffer(BitGenerator engine) => engine.GetType().Assembly == typeof(BitGenerator).Assembly;

    /// <summary>
    /// Fills <paramref name="destination"/> through <paramref name="sampler"/>, chunk by chunk: each chunk holds no
    /// more words than values still to produce, and each value takes at least one word, so the chunk runs dry before
    /// the values do and the engine ends in exactly the scalar path's state.
    /// </summary>
    public static void Fill<TSampler, T>(BitGenerator engine, Span<T> destination, ref TSampler sampler)
        where TSampler : struct, IBufferedSampler<T>
    {
        ulong* buffer = stackalloc ulong[Capacity];
        FillThrough(engine, destination, ref sampler, buffer);
    }

    // Apart from the stackalloc: the runtime compiles a method with one once, fully optimised but without tiering (it
    // cannot replace it mid-loop), so it never learns that the samplers' static readonly switches are constants, and
    // the samplers inlined into this loop kept their checks. This loop tiers up as any other.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void FillThrough<TSampler, T>(BitGenerator engine, Span<T> destination, ref TSampler sampler, ulong* buffer)
        where TSampler : struct, IBufferedSampler<T>
    {
        var draws = new UInt64DrawCursor(engine, buffer);
        ref T first = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        while (i < destination.Length)
        {
            i = sampler.Refill(ref draws, Math.Min(destination.Length - i, Capacity), ref first, i);
            i = sampler.Fast(ref draws, ref first, i);
            while (draws.Buffered > 0 && i < destination.Length)
            {
                Unsafe.Add(ref first, i++) = sampler.Next(ref draws);
            }
        }

        if (draws.Buffered > 0)
        {
            // A value took no word, so the engine ran ahead of the values: a sampler broke the contract.
            throw new UnreachableException("A buffered sampler produced a value without drawing a word.");
        }
    }

    /// <summary>
    /// Whether the engine can run a sampler's vector pass over each group of words while it generates the next ones
    /// (<see cref="Refill{TSink}(int, ref TSink)"/>): SFC64, whose serial step leaves the vector units idle. The
    /// other engines generate with vectors themselves, and a pass after their bulk fill measured as fast.
    /// </summary>
    public readonly bool Interleaves => engine is Sfc64;

    /// <summary>Whether a double takes 27 + 26 bits of a word's two halves (MT19937) rather than its top 53 bits.</summary>
    public readonly bool DoublesFromTwoHalves => _twoHalves;

    /// <summary>The buffer's first word (the chunk's, after a refill).</summary>
    public readonly ulong* Buffer => buffer;

    /// <summary>Words still buffered.</summary>
    public readonly int Buffered => _length - _position;

    /// <summary>The next buffered word.</summary>
    public readonly ulong* Cursor => buffer + _position;

    /// <summary>Draws <paramref name="count"/> words into the (used-up) buffer.</summary>
    public void Refill(int count)
    {
        Debug.Assert(_position == _length, "Refilling would drop buffered words.");
        engine.Fill(new Span<ulong>(buffer, count));
        _position = 0;
        _length = count;
    }

    /// <summary>
    /// <see cref="Refill(int)"/>, with <paramref name="sink"/> taking every whole group of eight words of the chunk
    /// (buffer offsets) during the engine's generation; only where the engine interleaves them (<see cref="Interleaves"/>).
    /// </summary>
    public void Refill<TSink>(int count, ref TSink sink)
        where TSink : struct, IWordGroupSink
    {
        Debug.Assert(_position == _length, "Refilling would drop buffered words.");
        Debug.Assert(Interleaves, "Only SFC64 interleaves a pass with its generation.");
        ((Sfc64)engine).Fill(new Span<ulong>(buffer, count), ref sink);
        _position = 0;
        _length = count;
    }

    /// <summary>Consumes <paramref name="count"/> buffered words.</summary>
    public void Skip(int count) => _position += count;

    public ulong NextUInt64() => _position < _length ? buffer[_position++] : engine.NextUInt64();

    public double NextDouble() => DoubleFromRaw(NextUInt64());

    /// <summary>The engine's <c>next_double</c> of one of its raw words (a buffered one, read ahead by a batch).</summary>
    public readonly double DoubleFromRaw(ulong raw) => UnitDoubles.FromUInt53(_twoHalves ? Mt19937.DoubleMantissa(raw) : raw >> 11);

    // The 64-bit samplers draw only 64-bit words and doubles; a 32-bit draw would need the engine's half-word buffering.
    public readonly uint NextUInt32() => throw new UnreachableException();
}

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OneSeed.Seeding;

namespace OneSeed.Engines;

/// <summary>
/// NumPy's <c>Philox</c> bit generator: the counter-based Philox 4x64-10 of Salmon et al. (2011), a 256-bit counter
/// encrypted under a 128-bit key by 10 rounds, handing out the four 64-bit words of each block in turn.
/// </summary>
/// <remarks>
/// <para>
/// <c>new Philox(seed)</c> gives the same stream as <c>np.random.Philox(seed)</c>: the key is
/// <see cref="SeedSequence"/>'s <c>generate_state(2, uint64)</c> and the counter starts at 0;
/// <see cref="FromKey(ulong, ulong)"/> and its overloads mirror <c>Philox(key=..., counter=...)</c>.
/// As in NumPy, each new block first increments the counter, so the first block is computed from counter + 1.
/// 32-bit draws hand out the low then the high half of one 64-bit draw; doubles are <c>(next_uint64 &gt;&gt; 11) * 2^-53</c>.
/// </para>
/// <para>Reproducibility tier: <b>stable</b>.</para>
/// </remarks>
public sealed partial class Philox : BitGenerator
{
    private const ulong RoundMultiplier0 = 0xD2E7470EE14C6C93UL;
    private const ulong RoundMultiplier1 = 0xCA5A826395121157UL;
    private const ulong KeyBump0 = 0x9E3779B97F4A7C15UL;
    private const ulong KeyBump1 = 0xBB67AE8584CAA73BUL;
    private const int BufferSize = PhiloxState.BufferSize;

    private static readonly BigInteger Mask128 = (BigInteger.One << 128) - 1;
    private static readonly BigInteger Mask256 = (BigInteger.One << 256) - 1;

    private readonly ulong[] _buffer = new ulong[BufferSize];
    private ulong _c0;
    private ulong _c1;
    private ulong _c2;
    private ulong _c3;
    private ulong _k0;
    private ulong _k1;
    private int _bufferPos = BufferSize;
    private bool _hasUInt32;
    private uint _uinteger;

    /// <summary>Seeds from a non-negative integer through <see cref="SeedSequence"/>, as <c>np.random.Philox(seed)</c> (counter 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seed"/> is negative.</exception>
    public Philox(BigInteger seed)
        : this(new SeedSequence(seed))
    {
    }

    /// <summary>Seeds from <paramref name="seedSequence"/>, as <c>np.random.Philox(seed_sequence)</c>: key = <c>generate_state(2, uint64)</c>, counter 0.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="seedSequence"/> is null.</exception>
    public Philox(SeedSequence seedSequence)
    {
        ArgumentNullException.ThrowIfNull(seedSequence);
        ulong[] key = seedSequence.GenerateState64(2);
        (_k0, _k1) = (key[0], key[1]);
    }

    /// <summary>Creates an engine with the given state.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    public Philox(PhiloxState state)
    {
        SetState(state);
    }

    private Philox(ulong key0, ulong key1, ulong c0, ulong c1, ulong c2, ulong c3)
    {
        (_k0, _k1, _c0, _c1, _c2, _c3) = (key0, key1, c0, c1, c2, c3);
    }

    /// <summary>An engine with an explicit key and counter 0, as <c>np.random.Philox(key=[key0, key1])</c>.</summary>
    public static Philox FromKey(ulong key0, ulong key1) => new(key0, key1, 0, 0, 0, 0);

    /// <summary>An engine with an explicit key and counter, as <c>np.random.Philox(key=[key0, key1], counter=[c0, c1, c2, c3])</c>.</summary>
    /// <param name="key0">The first key word.</param>
    /// <param name="key1">The second key word.</param>
    /// <param name="counter">Four counter words, least significant first.</param>
    /// <exception cref="ArgumentException"><paramref name="counter"/> does not hold exactly 4 words.</exception>
    public static Philox FromKey(ulong key0, ulong key1, ReadOnlySpan<ulong> counter)
    {
        if (counter.Length != 4)
        {
            throw new ArgumentException($"The Philox counter has exactly 4 64-bit words; got {counter.Length}.", nameof(counter));
        }

        return new(key0, key1, counter[0], counter[1], counter[2], counter[3]);
    }

    /// <summary>
    /// An engine with an explicit key and counter given as integers, as <c>np.random.Philox(key=key, counter=counter)</c>
    /// (words taken least significant first).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="key"/> is outside [0, 2^128) or <paramref name="counter"/> outside [0, 2^256).</exception>
    public static Philox FromKey(BigInteger key, BigInteger counter)
    {
        if (key.Sign < 0 || key > Mask128)
        {
            throw new ArgumentOutOfRangeException(nameof(key), key, "The Philox key must be in [0, 2^128).");
        }

        if (counter.Sign < 0 || counter > Mask256)
        {
            throw new ArgumentOutOfRangeException(nameof(counter), counter, "The Philox counter must be in [0, 2^256).");
        }

        Span<ulong> k = stackalloc ulong[2];
        Span<ulong> c = stackalloc ulong[4];
        ToWords(key, k);
        ToWords(counter, c);
        return new(k[0], k[1], c[0], c[1], c[2], c[3]);
    }

    /// <inheritdoc />
    public override ulong NextUInt64() => Next();

    /// <inheritdoc />
    public override uint NextUInt32()
    {
        if (_hasUInt32)
        {
            _hasUInt32 = false;
            return _uinteger;
        }

        ulong next = Next();
        _hasUInt32 = true;
        _uinteger = (uint)(next >> 32);
        return (uint)next;
    }

    /// <inheritdoc />
    /// <remarks>Whole blocks are encrypted straight into <paramref name="destination"/>; the buffer and counter end as after the same scalar draws.</remarks>
    public override void Fill(Span<ulong> destination) => FillWords<RawWords>(destination);

    /// <inheritdoc />
    public override void Fill(Span<double> destination) => FillWords<UnitDoubleBits>(MemoryMarshal.Cast<double, ulong>(destination));

    /// <inheritdoc />
    public override void Fill(Span<uint> destination) => HalfWords.Fill(this, destination, ref _hasUInt32, ref _uinteger);

    /// <summary>
    /// The buffered words first, then whole blocks straight into <paramref name="destination"/> (vectorised where the
    /// hardware allows), then the rest through <see cref="Next"/>; counter and buffer end as after the same scalar draws.
    /// </summary>
    private void FillWords<TOut>(Span<ulong> destination)
        where TOut : struct, IWordOutput
    {
        int i = 0;
        while (i < destination.Length && _bufferPos < BufferSize)
        {
            destination[i++] = TOut.Convert(_buffer[_bufferPos++]);
        }

        int whole = (destination.Length - i) / BufferSize * BufferSize;
        if (whole > 0)
        {
            var counter = new Counter(_c0, _c1, _c2, _c3);
            GenerateBlocks<TOut>(ref counter, _k0, _k1, destination.Slice(i, whole));
            (_c0, _c1, _c2, _c3) = (counter.C0, counter.C1, counter.C2, counter.C3);
            i += whole;

            // The scalar path would leave the last block in the buffer, fully read. Doubles have lost its low bits, so
            // encrypt it once more (one block per call) rather than copy it back.
            Block(_c0, _c1, _c2, _c3, _k0, _k1, out _buffer[0], out _buffer[1], out _buffer[2], out _buffer[3]);
            _bufferPos = BufferSize;
        }

        while (i < destination.Length)
        {
            destination[i++] = TOut.Convert(Next());
        }
    }

    /// <summary>Returns the complete state.</summary>
    public PhiloxState GetState() => new([_c0, _c1, _c2, _c3], [_k0, _k1], _buffer, _bufferPos, _hasUInt32, _uinteger);

    /// <summary>Replaces the state.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    public void SetState(PhiloxState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        ReadOnlySpan<ulong> c = state.CounterSpan;
        ReadOnlySpan<ulong> k = state.KeySpan;
        (_c0, _c1, _c2, _c3, _k0, _k1) = (c[0], c[1], c[2], c[3], k[0], k[1]);
        state.BufferSpan.CopyTo(_buffer);
        _bufferPos = state.BufferPosition;
        _hasUInt32 = state.HasUInt32;
        _uinteger = state.BufferedUInt32;
    }

    /// <inheritdoc />
    internal override void FillSampled<TSampler, T>(Span<T> destination, ref TSampler sampler)
    {
        var source = new Source(this);
        FillSampled(ref source, destination, ref sampler);
    }

    /// <inheritdoc />
    public override string GetStateJson() => GetState().ToJson();

    /// <inheritdoc />
    public override void SetStateJson(string json) => SetState(PhiloxState.FromJson(json));

    /// <summary>
    /// Adds <paramref name="delta"/> (taken modulo 2^256, so negative values step back) to the 256-bit counter and
    /// discards the buffered block and half-draw, as NumPy's <c>advance(delta)</c>. One counter step is one block of
    /// four 64-bit outputs.
    /// </summary>
    public void Advance(BigInteger delta)
    {
        Span<ulong> step = stackalloc ulong[4];
        ToWords(delta & Mask256, step);
        ulong carry = 0;
        _c0 = AddWithCarry(_c0, step[0], ref carry);
        _c1 = AddWithCarry(_c1, step[1], ref carry);
        _c2 = AddWithCarry(_c2, step[2], ref carry);
        _c3 = AddWithCarry(_c3, step[3], ref carry);
        Array.Clear(_buffer);
        _bufferPos = BufferSize;
        _hasUInt32 = false;
        _uinteger = 0;
    }

    /// <summary>
    /// Returns a new engine whose counter is this one's plus <paramref name="jumps"/> * 2^128 (NumPy's <c>jumped</c>),
    /// with an empty buffer. This engine is unchanged.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="jumps"/> is negative.</exception>
    public Philox Jumped(int jumps = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(jumps);
        var copy = new Philox(GetState());
        copy.Advance(new BigInteger(jumps) << 128);
        return copy;
    }

    private ulong Next()
    {
        if (_bufferPos < BufferSize)
        {
            return _buffer[_bufferPos++];
        }

        Increment(ref _c0, ref _c1, ref _c2, ref _c3);
        Block(_c0, _c1, _c2, _c3, _k0, _k1, out _buffer[0], out _buffer[1], out _buffer[2], out _buffer[3]);
        _bufferPos = 1;
        return _buffer[0];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Increment(ref ulong c0, ref ulong c1, ref ulong c2, ref ulong c3)
    {
        if (++c0 == 0 && ++c1 == 0 && ++c2 == 0)
        {
            c3++;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block(ulong c0, ulong c1, ulong c2, ulong c3, ulong k0, ulong k1, out ulong o0, out ulong o1, out ulong o2, out ulong o3)
    {
        // Ten rounds, unrolled by hand (the JIT does not unroll loops), with the key bumped between rounds.
        Round(ref c0, ref c1, ref c2, ref c3, k0, k1);
        Round(ref c0, ref c1, ref c2, ref c3, k0 += KeyBump0, k1 += KeyBump1);
        Round(ref c0, ref c1, ref c2, ref c3, k0 += KeyBump0, k1 += KeyBump1);
        Round(ref c0, ref c1, ref c2, ref c3, k0 += KeyBump0, k1 += KeyBump1);
        Round(ref c0, ref c1, ref c2, ref c3, k0 += KeyBump0, k1 += KeyBump1);
        Round(ref c0, ref c1, ref c2, ref c3, k0 += KeyBump0, k1 += KeyBump1);
        Round(ref c0, ref c1, ref c2, ref c3, k0 += KeyBump0, k1 += KeyBump1);
        Round(ref c0, ref c1, ref c2, ref c3, k0 += KeyBump0, k1 += KeyBump1);
        Round(ref c0, ref c1, ref c2, ref c3, k0 += KeyBump0, k1 += KeyBump1);
        Round(ref c0, ref c1, ref c2, ref c3, k0 + KeyBump0, k1 + KeyBump1);
        (o0, o1, o2, o3) = (c0, c1, c2, c3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(ref ulong c0, ref ulong c1, ref ulong c2, ref ulong c3, ulong k0, ulong k1)
    {
        ulong hi0 = MulHi(RoundMultiplier0, c0, out ulong lo0);
        ulong hi1 = MulHi(RoundMultiplier1, c2, out ulong lo1);
        (c0, c1, c2, c3) = (hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong AddWithCarry(ulong a, ulong b, ref ulong carry)
    {
        ulong sum = a + b;
        ulong result = sum + carry;
        carry = (sum < a ? 1UL : 0UL) | (result < sum ? 1UL : 0UL);
        return result;
    }

    private static void ToWords(BigInteger value, Span<ulong> words)
    {
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = (ulong)(value & ulong.MaxValue);
            value >>= 64;
        }
    }

    /// <summary>This engine's draws as direct, inlinable calls (the engine type is sealed), for <see cref="FillSampled{TSampler, T}"/>.</summary>
    private readonly struct Source(Philox engine) : IRawSource
    {
        public ulong NextUInt64() => engine.NextUInt64();

        public uint NextUInt32() => engine.NextUInt32();

        public double NextDouble() => UnitDoubles.FromUInt53(engine.NextUInt64() >> 11);
    }
}

using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.Intrinsics;
using OneSeed.Seeding;

namespace OneSeed.Engines;

/// <summary>
/// The 32-bit Mersenne Twister (Matsumoto and Nishimura, 1998) as NumPy's <c>MT19937</c> bit generator,
/// which is also the engine under CPython's <c>random</c>, NumPy's legacy <c>RandomState</c> and PyTorch's CPU generator.
/// </summary>
/// <remarks>
/// <para>
/// <c>new Mt19937(seed)</c> seeds through <see cref="SeedSequence"/> exactly as <c>np.random.MT19937(seed)</c>;
/// <see cref="CreateLegacy(uint)"/> and <see cref="CreateLegacy(ReadOnlySpan{uint})"/> are the reference
/// <c>init_genrand</c>/<c>init_by_array</c> initialisations that <c>RandomState(seed)</c> and CPython use.
/// 64-bit draws are two 32-bit draws, the first in the high half; doubles take 27 + 26 bits of two draws
/// (NumPy's <c>mt19937_next_double</c>, the same as CPython's <c>random()</c>).
/// </para>
/// <para>Reproducibility tier: <b>stable</b>.</para>
/// </remarks>
public sealed class Mt19937 : BitGenerator
{
    /// <summary>The number of 32-bit words of state.</summary>
    public const int StateLength = 624;

    private const int M = 397;
    private const uint MatrixA = 0x9908b0df;
    private const uint UpperMask = 0x80000000;
    private const uint LowerMask = 0x7fffffff;

    private readonly uint[] _key = new uint[StateLength];
    private int _pos;

    /// <summary>Seeds from a non-negative integer through <see cref="SeedSequence"/>, as <c>np.random.MT19937(seed)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seed"/> is negative.</exception>
    public Mt19937(BigInteger seed)
        : this(new SeedSequence(seed))
    {
    }

    /// <summary>Seeds from <paramref name="seedSequence"/>, as <c>np.random.MT19937(seed_sequence)</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="seedSequence"/> is null.</exception>
    public Mt19937(SeedSequence seedSequence)
    {
        ArgumentNullException.ThrowIfNull(seedSequence);
        uint[] words = seedSequence.GenerateState(StateLength);

        // NumPy forces the MSB of key[0] so the state can never be all zero, and leaves pos at 623, so the
        // first draw tempers key[623] before the first twist; both quirks are part of its stream.
        _key[0] = 0x80000000;
        Array.Copy(words, 1, _key, 1, StateLength - 1);
        _pos = StateLength - 1;
    }

    /// <summary>Creates an engine with the given state (see <see cref="SetState"/>).</summary>
    /// <exception cref="ArgumentException">The state is invalid.</exception>
    public Mt19937(Mt19937State state)
    {
        SetState(state);
    }

    private Mt19937()
    {
    }

    /// <summary>
    /// The reference <c>init_genrand(seed)</c>, as NumPy's <c>RandomState(seed)</c> and <c>MT19937._legacy_seeding(seed)</c>
    /// for an integer seed (the next draw twists first).
    /// </summary>
    public static Mt19937 CreateLegacy(uint seed)
    {
        var engine = new Mt19937();
        engine.InitGenrand(seed);
        engine._pos = StateLength;
        return engine;
    }

    /// <summary>
    /// The reference <c>init_by_array(key)</c>, as CPython's <c>random.seed(n)</c> (with the 32-bit words of |n|)
    /// and NumPy's <c>RandomState(array)</c>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="initKey"/> is empty.</exception>
    public static Mt19937 CreateLegacy(ReadOnlySpan<uint> initKey)
    {
        if (initKey.IsEmpty)
        {
            throw new ArgumentException("The initialisation key must hold at least one 32-bit word.", nameof(initKey));
        }

        var engine = new Mt19937();
        engine.InitByArray(initKey);
        engine._pos = StateLength;
        return engine;
    }

    /// <inheritdoc />
    public override uint NextUInt32()
    {
        if (_pos >= StateLength)
        {
            Twist();
        }

        // _pos < 624 here (states are validated to 0..624), so the key read needs no bounds check; every per-draw
        // sampler (RandomState's polar normals, masked randint) runs through this.
        return Temper(Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_key), _pos++));
    }

    /// <inheritdoc />
    public override ulong NextUInt64()
    {
        ulong high = NextUInt32();
        return (high << 32) | NextUInt32();
    }

    /// <inheritdoc />
    public override double NextDouble() => NextDoubleFromRaw(NextUInt64());

    /// <inheritdoc />
    /// <remarks>NextUInt64 is the words a, b as a &lt;&lt; 32 | b: these are the two words <see cref="NextDouble"/> would draw.</remarks>
    internal override double NextDoubleFromRaw(ulong raw) => UnitDoubles.FromUInt53(DoubleBits.Mantissa(raw));

    /// <summary>The 53 bits <see cref="NextDouble"/> takes from the two words of one <see cref="NextUInt64"/> value (27 of the first, 26 of the second).</summary>
    internal static ulong DoubleMantissa(ulong raw) => DoubleBits.Mantissa(raw);

    /// <inheritdoc />
    public override void Fill(Span<ulong> destination) => FillPairs<RawWords>(destination);

    /// <inheritdoc />
    public override void Fill(Span<double> destination) => FillPairs<DoubleBits>(MemoryMarshal.Cast<double, ulong>(destination));

    /// <summary>
    /// NumPy's next64 values (first word &lt;&lt; 32 | second word), or a value computed from each of them. Within one
    /// twist block the pairs are tempered eight words at a time straight from the key; a pair that straddles a twist
    /// (odd position) and the tail are drawn word by word, so nothing is drawn ahead of the scalar path.
    /// </summary>
    private void FillPairs<TOut>(Span<ulong> destination)
        where TOut : struct, IWordOutput
    {
        int pos = _pos;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref ulong dst = ref MemoryMarshal.GetReference(destination);
            while (destination.Length - i >= Vector256<ulong>.Count)
            {
                if (pos >= StateLength)
                {
                    Twist();
                    pos = 0;
                }

                int pairs = Math.Min((StateLength - pos) / 2, destination.Length - i) & ~(Vector256<ulong>.Count - 1);
                if (pairs == 0)
                {
                    // Fewer than eight words left before the twist: finish this block (and any straddling pair) scalar.
                    ulong high = NextWord(ref pos);
                    Unsafe.Add(ref dst, i++) = TOut.Convert((high << 32) | NextWord(ref pos));
                    continue;
                }

                ref uint src = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_key), pos);
                for (int j = 0; j < pairs; j += Vector256<ulong>.Count)
                {
                    // Little-endian, a pair (first, second) read as one u64 is second << 32 | first: swap the halves.
                    Vector256<ulong> v = Temper(Vector256.LoadUnsafe(ref src, (nuint)(2 * j))).AsUInt64();
                    TOut.Convert((v << 32) | (v >>> 32)).StoreUnsafe(ref dst, (nuint)(i + j));
                }

                pos += 2 * pairs;
                i += pairs;
            }
        }

        for (; i < destination.Length; i++)
        {
            ulong high = NextWord(ref pos);
            destination[i] = TOut.Convert((high << 32) | NextWord(ref pos));
        }

        _pos = pos;
    }

    /// <inheritdoc />
    public override void Fill(Span<uint> destination)
    {
        int i = 0;
        while (i < destination.Length)
        {
            if (_pos >= StateLength)
            {
                Twist();
            }

            int n = Math.Min(StateLength - _pos, destination.Length - i);
            ref uint src = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_key), _pos);
            ref uint dst = ref Unsafe.Add(ref MemoryMarshal.GetReference(destination), i);
            int j = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                // Tempering is word-wise, so eight words go straight from the key to the destination at once.
                for (; j <= n - Vector256<uint>.Count; j += Vector256<uint>.Count)
                {
                    Temper(Vector256.LoadUnsafe(ref src, (nuint)j)).StoreUnsafe(ref dst, (nuint)j);
                }
            }

            for (; j < n; j++)
            {
                Unsafe.Add(ref dst, j) = Temper(Unsafe.Add(ref src, j));
            }

            _pos += n;
            i += n;
        }
    }

    /// <summary>
    /// Returns a new engine whose state is this one's jumped ahead <paramref name="jumps"/> times by 2^128 steps,
    /// bit-identical to NumPy's <c>MT19937.jumped(jumps)</c>; this engine is not changed.
    /// </summary>
    /// <param name="jumps">The number of 2^128-step jumps, in [0, <see cref="int.MaxValue"/>]; 0 returns a copy.</param>
    /// <remarks>
    /// As NumPy, each jump first treats a position of 624 ("twist before the next draw") as 0 without twisting,
    /// then applies the jump polynomial to the 624-word window starting at the position, leaving the position
    /// wherever Horner's method ends. The resulting stream is NumPy's, which is what matters for compatibility;
    /// it is a stream 2^128 steps away only up to that position convention. A jump takes a few milliseconds (about as long as NumPy's).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="jumps"/> is negative.</exception>
    public Mt19937 Jumped(int jumps = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(jumps);
        var result = new Mt19937();
        _key.CopyTo(result._key, 0);
        result._pos = _pos;
        if (jumps > 0)
        {
            uint[] scratch = new uint[StateLength];
            for (int i = 0; i < jumps; i++)
            {
                result.JumpOnce(scratch);
            }
        }

        return result;
    }

    /// <summary>Returns a copy of the complete state.</summary>
    public Mt19937State GetState() => new((uint[])_key.Clone(), _pos);

    /// <summary>Replaces the state; an invalid state is refused and the engine is left unchanged.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is not 624 words, the position is outside 0..624, or the key is all zero in its significant bits.</exception>
    public void SetState(Mt19937State state)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Validate();
        state.CopyTo(_key);
        _pos = state.Position;
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
    public override void SetStateJson(string json) => SetState(Mt19937State.FromJson(json));

    internal void InitGenrand(uint seed)
    {
        _key[0] = seed;
        for (uint i = 1; i < StateLength; i++)
        {
            _key[i] = (1812433253u * (_key[i - 1] ^ (_key[i - 1] >> 30))) + i;
        }
    }

    private void InitByArray(ReadOnlySpan<uint> initKey)
    {
        InitGenrand(19650218u);
        int i = 1;
        int j = 0;
        for (int k = Math.Max(StateLength, initKey.Length); k > 0; k--)
        {
            _key[i] = (_key[i] ^ ((_key[i - 1] ^ (_key[i - 1] >> 30)) * 1664525u)) + initKey[j] + (uint)j;
            i++;
            j++;
            if (i >= StateLength)
            {
                _key[0] = _key[StateLength - 1];
                i = 1;
            }

            if (j >= initKey.Length)
            {
                j = 0;
            }
        }

        for (int k = StateLength - 1; k > 0; k--)
        {
            _key[i] = (_key[i] ^ ((_key[i - 1] ^ (_key[i - 1] >> 30)) * 1566083941u)) - (uint)i;
            i++;
            if (i >= StateLength)
            {
                _key[0] = _key[StateLength - 1];
                i = 1;
            }
        }

        _key[0] = 0x80000000;
    }

    /// <summary>Regenerates all 624 words (the reference <c>genrand</c> block step).</summary>
    internal void Twist()
    {
        if (Vector256.IsHardwareAccelerated)
        {
            TwistVectorised(_key);
        }
        else
        {
            TwistScalar(_key);
        }

        _pos = 0;
    }

    /// <summary>The reference twist, one word at a time; the vectorised one must give the same words.</summary>
    internal static void TwistScalar(uint[] key)
    {
        // Unchecked refs: every index below is provably inside the 624-word key, and the bounds checks were a third of the cost.
        ref uint mt = ref MemoryMarshal.GetArrayDataReference(key);
        int k = 0;
        for (; k < StateLength - M; k++)
        {
            Unsafe.Add(ref mt, k) = TwistWord(Unsafe.Add(ref mt, k), Unsafe.Add(ref mt, k + 1), Unsafe.Add(ref mt, k + M));
        }

        for (; k < StateLength - 1; k++)
        {
            Unsafe.Add(ref mt, k) = TwistWord(Unsafe.Add(ref mt, k), Unsafe.Add(ref mt, k + 1), Unsafe.Add(ref mt, k + (M - StateLength)));
        }

        Unsafe.Add(ref mt, StateLength - 1) = TwistWord(Unsafe.Add(ref mt, StateLength - 1), mt, Unsafe.Add(ref mt, M - 1));
    }

    /// <summary>
    /// The twist eight words at a time. Word k depends on the old words k and k + 1 and on word k + 397 (old) for
    /// k &lt; 227, or word k - 227 (already new) after that. A block k..k+7 writes only its own words, so the old
    /// k + 8 it reads is still there, and the new words it reads from 227 back were all written by earlier blocks
    /// (227 &gt;= 8). Only the blocks that would mix the two regions, the region tails and the last word (which wraps
    /// to word 0) are left to the scalar step.
    /// </summary>
    internal static void TwistVectorised(uint[] key)
    {
        const int Lanes = 8;
        ref uint mt = ref MemoryMarshal.GetArrayDataReference(key);
        int k = 0;
        for (; k <= StateLength - M - Lanes; k += Lanes)
        {
            TwistBlock(ref mt, k, k + M);
        }

        for (; k < StateLength - M; k++)
        {
            Unsafe.Add(ref mt, k) = TwistWord(Unsafe.Add(ref mt, k), Unsafe.Add(ref mt, k + 1), Unsafe.Add(ref mt, k + M));
        }

        // Reads k + 1 up to k + 8, which must stay below the last word's index (623) plus one.
        for (; k <= StateLength - 1 - Lanes; k += Lanes)
        {
            TwistBlock(ref mt, k, k + (M - StateLength));
        }

        for (; k < StateLength - 1; k++)
        {
            Unsafe.Add(ref mt, k) = TwistWord(Unsafe.Add(ref mt, k), Unsafe.Add(ref mt, k + 1), Unsafe.Add(ref mt, k + (M - StateLength)));
        }

        Unsafe.Add(ref mt, StateLength - 1) = TwistWord(Unsafe.Add(ref mt, StateLength - 1), mt, Unsafe.Add(ref mt, M - 1));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint TwistWord(uint current, uint next, uint far)
    {
        uint y = (current & UpperMask) | (next & LowerMask);
        return far ^ (y >> 1) ^ ((0u - (y & 1u)) & MatrixA);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TwistBlock(ref uint mt, int k, int far)
    {
        Vector256<uint> current = Vector256.LoadUnsafe(ref mt, (nuint)k);
        Vector256<uint> next = Vector256.LoadUnsafe(ref mt, (nuint)(k + 1));
        Vector256<uint> farWords = Vector256.LoadUnsafe(ref mt, (nuint)far);
        Vector256<uint> y = (current & Vector256.Create(UpperMask)) | (next & Vector256.Create(LowerMask));
        Vector256<uint> odd = Vector256<uint>.Zero - (y & Vector256<uint>.One);
        (farWords ^ (y >>> 1) ^ (odd & Vector256.Create(MatrixA))).StoreUnsafe(ref mt, (nuint)k);
    }

    // NumPy's mt19937_jump_state: Horner's method on the polynomial, where "multiply by x" is one step of the
    // word-at-a-time recurrence (GenNext) and "add" XORs two windows aligned at their positions (AddWindow).
    private void JumpOnce(uint[] scratch)
    {
        if (_pos >= StateLength)
        {
            _pos = 0;
        }

        ReadOnlySpan<uint> poly = Mt19937JumpPolynomial.Words;
        int degree = Mt19937JumpPolynomial.Degree - 1;
        while (degree >= 0 && !Coefficient(poly, degree))
        {
            degree--;
        }

        if (degree <= 0)
        {
            // The constant polynomial 1 (never the case for the shipped table) leaves the state as it is.
            return;
        }

        _key.CopyTo(scratch, 0);
        int tempPos = GenNext(scratch, _pos);
        for (int i = degree - 1; i > 0; i--)
        {
            if (Coefficient(poly, i))
            {
                AddWindow(scratch, tempPos, _key, _pos);
            }

            tempPos = GenNext(scratch, tempPos);
        }

        if (Coefficient(poly, 0))
        {
            AddWindow(scratch, tempPos, _key, _pos);
        }

        scratch.CopyTo(_key, 0);
        _pos = tempPos;
    }

    private static bool Coefficient(ReadOnlySpan<uint> poly, int degree) => ((poly[degree >> 5] >> (degree & 31)) & 1) != 0;

    /// <summary>Replaces the oldest word of the window at <paramref name="pos"/> with the next one; returns the new position.</summary>
    private static int GenNext(uint[] mt, int pos)
    {
        if (pos < StateLength - M)
        {
            uint y = (mt[pos] & UpperMask) | (mt[pos + 1] & LowerMask);
            mt[pos] = mt[pos + M] ^ (y >> 1) ^ ((0u - (y & 1u)) & MatrixA);
            return pos + 1;
        }

        if (pos < StateLength - 1)
        {
            uint y = (mt[pos] & UpperMask) | (mt[pos + 1] & LowerMask);
            mt[pos] = mt[pos + M - StateLength] ^ (y >> 1) ^ ((0u - (y & 1u)) & MatrixA);
            return pos + 1;
        }

        uint last = (mt[StateLength - 1] & UpperMask) | (mt[0] & LowerMask);
        mt[StateLength - 1] = mt[M - 1] ^ (last >> 1) ^ ((0u - (last & 1u)) & MatrixA);
        return 0;
    }

    /// <summary>XORs the window of <paramref name="source"/> starting at <paramref name="sourcePos"/> into that of <paramref name="target"/> starting at <paramref name="targetPos"/>.</summary>
    private static void AddWindow(uint[] target, int targetPos, uint[] source, int sourcePos)
    {
        // Walk both circular windows in at most three contiguous runs, each XORed with SIMD.
        int done = 0;
        while (done < StateLength)
        {
            int t = (targetPos + done) % StateLength;
            int s = (sourcePos + done) % StateLength;
            int run = Math.Min(StateLength - done, Math.Min(StateLength - t, StateLength - s));
            Xor(target.AsSpan(t, run), source.AsSpan(s, run));
            done += run;
        }
    }

    private static void Xor(Span<uint> target, ReadOnlySpan<uint> source)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= target.Length - Vector<uint>.Count; i += Vector<uint>.Count)
            {
                (new Vector<uint>(target[i..]) ^ new Vector<uint>(source[i..])).CopyTo(target[i..]);
            }
        }

        for (; i < target.Length; i++)
        {
            target[i] ^= source[i];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint NextWord(ref int pos)
    {
        if (pos >= StateLength)
        {
            Twist();
            pos = 0;
        }

        // pos < 624 here, and the key is always 624 words.
        return Temper(Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_key), pos++));
    }

    /// <summary>The tempering of eight words at once (word-wise shifts, masks and XORs, so the lanes give the scalar bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Temper(Vector256<uint> y)
    {
        y ^= y >>> 11;
        y ^= (y << 7) & Vector256.Create(0x9d2c5680u);
        y ^= (y << 15) & Vector256.Create(0xefc60000u);
        y ^= y >>> 18;
        return y;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Temper(uint y)
    {
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        return y;
    }

    /// <summary>This engine's draws as direct, inlinable calls (the engine type is sealed), for <see cref="FillSampled{TSampler, T}"/>.</summary>
    private readonly struct Source(Mt19937 engine) : IRawSource
    {
        public ulong NextUInt64() => engine.NextUInt64();

        public uint NextUInt32() => engine.NextUInt32();

        public double NextDouble() => engine.NextDouble();
    }

    /// <summary>
    /// NumPy's mt19937_next_double from a next64 value x = first &lt;&lt; 32 | second: (a * 2^26 + b) / 2^53 with
    /// a = first &gt;&gt; 5 and b = second &gt;&gt; 6 is the exact 53-bit integer a &lt;&lt; 26 | b times 2^-53.
    /// </summary>
    private readonly struct DoubleBits : IWordOutput
    {
        public static ulong Mantissa(ulong x) => ((x >> 37) << 26) | ((x & 0xFFFFFFFFUL) >> 6);

        public static ulong Convert(ulong word) => BitConverter.DoubleToUInt64Bits(UnitDoubles.FromUInt53(Mantissa(word)));

        public static Vector256<ulong> Convert(Vector256<ulong> words) =>
            UnitDoubles.FromUInt53(((words >>> 37) << 26) | ((words & Vector256.Create(0xFFFFFFFFUL)) >>> 6)).AsUInt64();

        public static Vector512<ulong> Convert(Vector512<ulong> words) =>
            UnitDoubles.FromUInt53(((words >>> 37) << 26) | ((words & Vector512.Create(0xFFFFFFFFUL)) >>> 6)).AsUInt64();
    }
}

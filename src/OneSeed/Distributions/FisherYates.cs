using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// NumPy's in-place shuffle (<c>_shuffle_raw</c>, used by <c>Generator.shuffle</c>/<c>permutation</c> and legacy
/// <c>RandomState.shuffle</c>/<c>permutation</c>): Fisher–Yates from the last element down, each swap partner
/// drawn by <see cref="BoundedIntegers.Interval"/> (masked rejection, 32-bit draws while i fits).
/// </summary>
/// <remarks>Reproducibility tier: <b>stable</b> (bit-exact with NumPy 1.17+).</remarks>
public static class FisherYates
{

    /// <summary>Shuffles <paramref name="items"/> in place.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    public static void Shuffle<T>(BitGenerator engine, Span<T> items)
    {
        ArgumentNullException.ThrowIfNull(engine);
#if NET9_0_OR_GREATER
        if (Avx512F.IsSupported)
        {
            ShuffleInGroups<T, SixteenDraws>(engine, items);
            return;
        }
#endif
        if (Avx2.IsSupported)
        {
            ShuffleInGroups<T, EightDraws>(engine, items);
            return;
        }

        ShuffleInGroups<T, OneDraw>(engine, items);
    }

    /// <summary>
    /// The swap partners depend only on the position, never on the data, so they are drawn ahead in chunks (the same
    /// draws in the same order, through the engine's bulk path) and applied afterwards. For position p the scalar
    /// path draws until (draw &amp; mask(p)) &lt;= p. Across a group of n draws the bound drops by one per accepted
    /// lane, so a lane whose masked value is at most p - (n - 1) is accepted whatever came before it, and one above p
    /// is rejected. While no lane falls between (and the mask is the same down to p - (n - 1)), the accepted lanes are
    /// exactly the scalar partners, in order, and <typeparamref name="TGroup"/> packs them; any other group goes draw
    /// by draw. (NumPy's masked interval rejects up to half its draws, so a fast path that needed a whole group
    /// accepted would stop at almost every group.)
    /// </summary>
    private static unsafe void ShuffleInGroups<T, TGroup>(BitGenerator engine, Span<T> items)
        where TGroup : struct, IDrawGroup
    {
        const int PartnerChunk = 512;
        uint[] draws = ArrayPool<uint>.Shared.Rent(512);
        var cursor = new UInt32DrawCursor(engine, draws);
        uint* partners = stackalloc uint[PartnerChunk + Vector512<uint>.Count];
        int i = items.Length - 1;
        while (i > 0)
        {
            int count = 0;
            uint p = (uint)i;
            while (count < PartnerChunk && p > 0)
            {
                if (cursor.Available == 0)
                {
                    // Positions p..1 are left, each taking at least one draw: the chunk never runs ahead of the scalar path.
                    cursor.Refill((int)p);
                }

                uint mask = (uint)BoundedIntegers.Mask(p);
                if (TGroup.Count > 1 && p > 2 * TGroup.Count && cursor.Available >= TGroup.Count
                    && (uint)BoundedIntegers.Mask(p - (uint)(TGroup.Count - 1)) == mask
                    && TGroup.TryPack(ref MemoryMarshal.GetReference(cursor.Waiting), mask, p, partners + count, out int accepted))
                {
                    count += accepted;
                    p -= (uint)accepted;
                    cursor.Skip(TGroup.Count);
                    continue;
                }

                partners[count++] = (uint)BoundedIntegers.Interval(ref cursor, p--);
            }

            Swap(items, ref i, new ReadOnlySpan<uint>(partners, count));
        }

        ArrayPool<uint>.Shared.Return(draws);
    }

    /// <summary>
    /// Swaps items[i] with items[partners[0]], then items[i - 1] with items[partners[1]], and so on. The partners are
    /// random positions in what is usually a large array: fetching them ahead hides most of the cache misses that
    /// otherwise bound the shuffle (the swaps themselves stay in the scalar order).
    /// </summary>
    private static void Swap<T>(Span<T> items, ref int i, ReadOnlySpan<uint> partners)
    {
        ref T first = ref MemoryMarshal.GetReference(items);
        for (int k = 0; k < Math.Min(CacheHints.PrefetchDistance, partners.Length); k++)
        {
            CacheHints.Prefetch(ref Unsafe.Add(ref first, partners[k]));
        }

        for (int k = 0; k < partners.Length; k++)
        {
            if (k + CacheHints.PrefetchDistance < partners.Length)
            {
                CacheHints.Prefetch(ref Unsafe.Add(ref first, partners[k + CacheHints.PrefetchDistance]));
            }

            int j = (int)partners[k];
            (items[i], items[j]) = (items[j], items[i]);
            i--;
        }
    }

    /// <summary>A group of draws decided at once by <see cref="ShuffleInGroups{T, TGroup}"/>.</summary>
    private unsafe interface IDrawGroup
    {
        /// <summary>Draws per group (1: every draw goes through the scalar interval).</summary>
        static abstract int Count { get; }

        /// <summary>
        /// When every one of the <see cref="Count"/> draws at <paramref name="draws"/>, masked, is either at most
        /// <paramref name="p"/> - (Count - 1) or above <paramref name="p"/>: writes the first ones (Count values
        /// are written, <paramref name="accepted"/> of them count) to <paramref name="partners"/> and returns true.
        /// Positions p &lt; 2^31, so masked values and bounds compare the same signed as unsigned.
        /// </summary>
        static abstract bool TryPack(ref uint draws, uint mask, uint p, uint* partners, out int accepted);
    }

    private readonly unsafe struct OneDraw : IDrawGroup
    {
        public static int Count => 1;

        public static bool TryPack(ref uint draws, uint mask, uint p, uint* partners, out int accepted)
        {
            accepted = 0;
            return false;
        }
    }

    /// <summary>Eight draws in AVX2: the accepted lanes are packed by <see cref="LanePacking"/>.</summary>
    private readonly unsafe struct EightDraws : IDrawGroup
    {
        public static int Count => Vector256<uint>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool TryPack(ref uint draws, uint mask, uint p, uint* partners, out int accepted)
        {
            Vector256<int> values = (Vector256.LoadUnsafe(ref draws) & Vector256.Create(mask)).AsInt32();
            uint rejected = Vector256.GreaterThan(values, Vector256.Create((int)p)).ExtractMostSignificantBits();
            if (rejected != Vector256.GreaterThan(values, Vector256.Create((int)p - (Count - 1))).ExtractMostSignificantBits())
            {
                accepted = 0;
                return false;
            }

            uint acceptedLanes = ~rejected & 0xFF;
            LanePacking.Pack(values.AsUInt32(), acceptedLanes).Store(partners);
            accepted = BitOperations.PopCount(acceptedLanes);
            return true;
        }
    }

#if NET9_0_OR_GREATER
    /// <summary>Sixteen draws in AVX-512: the accepted lanes are packed by <c>vpcompressd</c>.</summary>
    private readonly unsafe struct SixteenDraws : IDrawGroup
    {
        public static int Count => Vector512<uint>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool TryPack(ref uint draws, uint mask, uint p, uint* partners, out int accepted)
        {
            Vector512<uint> values = Vector512.LoadUnsafe(ref draws) & Vector512.Create(mask);
            Vector512<uint> sure = Vector512.LessThanOrEqual(values, Vector512.Create(p - (uint)(Count - 1)));
            if (sure != Vector512.LessThanOrEqual(values, Vector512.Create(p)))
            {
                accepted = 0;
                return false;
            }

            Avx512F.Compress(Vector512<uint>.Zero, sure, values).Store(partners);
            accepted = BitOperations.PopCount(sure.ExtractMostSignificantBits());
            return true;
        }
    }
#endif

    /// <summary>Shuffles <paramref name="items"/> in place (arrays take the <see cref="Span{T}"/> path; the draws are the same).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Shuffle<T>(BitGenerator engine, IList<T> items)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(items);
        if (items is T[] array)
        {
            Shuffle(engine, array.AsSpan());
            return;
        }

        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = (int)BoundedIntegers.Interval(engine, (ulong)i);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>0 … <paramref name="n"/> − 1 shuffled (NumPy's <c>permutation(n)</c>: a shuffled <c>arange(n)</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative (NumPy returns an empty array; refused here as a likely bug) or larger than an array can hold.</exception>
    public static long[] Permutation(BitGenerator engine, long n)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, Array.MaxLength);
        if (n < NarrowFrom)
        {
            long[] result = Arange((int)n);
            Shuffle(engine, result.AsSpan());
            return result;
        }

        return ShuffledPositions((int)n, positions => Shuffle(engine, positions));
    }

    /// <summary>A shuffle of positions 0 … n − 1 in place (<see cref="ShuffledPositions(Span{long}, PositionShuffle)"/>).</summary>
    internal delegate void PositionShuffle(Span<uint> positions);

    /// <summary>
    /// From this many elements the permutations (NumPy's and torch's) shuffle 32-bit positions and widen them into the
    /// 64-bit result afterwards. A shuffle of a large array is bound by its swaps' cache misses, and half the bytes
    /// halve the lines they touch: 1e6 elements measured 1.4–1.7x faster, 1e5 about 1.4x; at 1e4, where the 64-bit
    /// array fits in L2 anyway, the extra pass made it slower. The values are the same (positions are below 2^31). The
    /// cost is a pooled array of 4 bytes per element beside the result while the shuffle runs.
    /// </summary>
    internal const int NarrowFrom = 1 << 16;

    /// <summary>0 … <paramref name="n"/> − 1 shuffled by <paramref name="shuffle"/> in a pooled 32-bit array, widened into a new 64-bit result.</summary>
    internal static long[] ShuffledPositions(int n, PositionShuffle shuffle)
    {
        long[] result = ResultArrays.Uninitialized<long>(n);
        ShuffledPositions(result, shuffle);
        return result;
    }

    /// <summary>0 … n − 1 (n = <paramref name="result"/>.Length) shuffled by <paramref name="shuffle"/> in a pooled 32-bit array, widened into <paramref name="result"/>.</summary>
    internal static void ShuffledPositions(Span<long> result, PositionShuffle shuffle)
    {
        int n = result.Length;
        uint[] pooled = ArrayPool<uint>.Shared.Rent(n);
        Span<uint> positions = pooled.AsSpan(0, n);
        ArangeInto(positions);
        shuffle(positions);

        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<uint>.Count; i += Vector256<uint>.Count)
            {
                (Vector256<ulong> low, Vector256<ulong> high) = Vector256.Widen(Vector256.LoadUnsafe(ref positions[i]));
                low.AsInt64().StoreUnsafe(ref result[i]);
                high.AsInt64().StoreUnsafe(ref result[i], (nuint)Vector256<long>.Count);
            }
        }

        for (; i < n; i++)
        {
            result[i] = positions[i];
        }

        ArrayPool<uint>.Shared.Return(pooled);
    }

    /// <summary>0, 1, …, <paramref name="n"/> − 1 (the start of NumPy's and torch's permutations).</summary>
    internal static long[] Arange(int n)
    {
        long[] result = ResultArrays.Uninitialized<long>(n);
        ArangeInto<long>(result);
        return result;
    }

    /// <summary>Writes 0, 1, … into <paramref name="result"/>.</summary>
    internal static void ArangeInto<T>(Span<T> result)
        where T : unmanaged, IBinaryInteger<T>
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            Span<T> first = stackalloc T[Vector256<T>.Count];
            for (int k = 0; k < first.Length; k++)
            {
                first[k] = T.CreateTruncating(k);
            }

            Vector256<T> values = Vector256.Create<T>(first), step = Vector256.Create(T.CreateTruncating(Vector256<T>.Count));
            for (; i <= result.Length - Vector256<T>.Count; i += Vector256<T>.Count, values += step)
            {
                values.StoreUnsafe(ref result[i]);
            }
        }

        for (; i < result.Length; i++)
        {
            result[i] = T.CreateTruncating(i);
        }
    }
}

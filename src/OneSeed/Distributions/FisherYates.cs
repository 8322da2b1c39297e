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
            ShuffleAvx512(engine, items);
            return;
        }
#endif

        // The swap partners depend only on the position, never on the data, so they are drawn in chunks through the
        // engine's specialised bulk path (the same draws in the same order) and applied afterwards.
        Span<ulong> partners = stackalloc ulong[256];
        var kernel = new DescendingInterval((uint)Math.Max(items.Length - 1, 0));
        int i = items.Length - 1;
        while (i > 0)
        {
            Span<ulong> chunk = partners[..Math.Min(partners.Length, i)];
            BoundedIntegers.Fill32(engine, 0, chunk, ref kernel);
            Swap(items, ref i, chunk);
        }
    }

    /// <summary>
    /// Swaps items[i] with items[partners[0]], then items[i - 1] with items[partners[1]], and so on. The partners are
    /// random positions in what is usually a large array: fetching them ahead hides most of the cache misses that
    /// otherwise bound the shuffle (the swaps themselves stay in the scalar order).
    /// </summary>
    private static void Swap<T, TIndex>(Span<T> items, ref int i, ReadOnlySpan<TIndex> partners)
        where TIndex : IBinaryInteger<TIndex>
    {
        ref T first = ref MemoryMarshal.GetReference(items);
        for (int k = 0; k < Math.Min(CacheHints.PrefetchDistance, partners.Length); k++)
        {
            CacheHints.Prefetch(ref Unsafe.Add(ref first, int.CreateTruncating(partners[k])));
        }

        for (int k = 0; k < partners.Length; k++)
        {
            if (k + CacheHints.PrefetchDistance < partners.Length)
            {
                CacheHints.Prefetch(ref Unsafe.Add(ref first, int.CreateTruncating(partners[k + CacheHints.PrefetchDistance])));
            }

            int j = int.CreateTruncating(partners[k]);
            (items[i], items[j]) = (items[j], items[i]);
            i--;
        }
    }

#if NET9_0_OR_GREATER
    /// <summary>
    /// The partners of sixteen draws at a time, with the rejections compacted away. For position p the scalar path
    /// draws until (draw &amp; mask(p)) &lt;= p; across sixteen draws the bound drops by one per accepted lane, so a
    /// lane whose masked value is at most p - 15 is accepted whatever came before it, and one above p is rejected.
    /// While no lane falls between (and the mask is the same down to p - 15), the accepted lanes are exactly the
    /// scalar partners, in order: <c>vpcompressd</c> packs them. Any other group goes through the scalar draw.
    /// </summary>
    private static void ShuffleAvx512<T>(BitGenerator engine, Span<T> items)
    {
        const int PartnerChunk = 512;
        uint[] draws = ArrayPool<uint>.Shared.Rent(512);
        var cursor = new UInt32DrawCursor(engine, draws);
        Span<uint> partners = stackalloc uint[PartnerChunk + Vector512<uint>.Count];
        ref uint partner = ref MemoryMarshal.GetReference(partners);
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
                if (p > 2 * Vector512<uint>.Count && cursor.Available >= Vector512<uint>.Count && (uint)BoundedIntegers.Mask(p - 15) == mask)
                {
                    Vector512<uint> values = Vector512.Create(cursor.Waiting) & Vector512.Create(mask);
                    Vector512<uint> sure = Vector512.LessThanOrEqual(values, Vector512.Create(p - 15));
                    if (sure == Vector512.LessThanOrEqual(values, Vector512.Create(p)))
                    {
                        Avx512F.Compress(Vector512<uint>.Zero, sure, values).StoreUnsafe(ref partner, (nuint)count);
                        int accepted = BitOperations.PopCount(sure.ExtractMostSignificantBits());
                        count += accepted;
                        p -= (uint)accepted;
                        cursor.Skip(Vector512<uint>.Count);
                        continue;
                    }
                }

                partners[count++] = (uint)BoundedIntegers.Interval(ref cursor, p--);
            }

            Swap(items, ref i, partners[..count]);
        }

        ArrayPool<uint>.Shared.Return(draws);
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
        long[] result = GC.AllocateUninitializedArray<long>((int)n);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<long> values = Vector256.Create(0L, 1, 2, 3), step = Vector256.Create((long)Vector256<long>.Count);
            for (; i <= result.Length - Vector256<long>.Count; i += Vector256<long>.Count, values += step)
            {
                values.StoreUnsafe(ref result[i]);
            }
        }

        for (; i < result.Length; i++)
        {
            result[i] = i;
        }

        Shuffle(engine, result.AsSpan());
        return result;
    }

    /// <summary>
    /// NumPy's random_interval(i, ...) for i = n-1, n-2, ..., 1 (span lengths keep i below 2^31, so always the masked
    /// 32-bit branch). Eight consecutive positions share one mask unless a power of two lies between them; then the
    /// lanes go through the scalar path.
    /// </summary>
    private struct DescendingInterval(uint first) : BoundedIntegers.IBounded32Kernel
    {
        private static readonly Vector256<uint> LaneOffsets = Vector256.Create(0u, 1, 2, 3, 4, 5, 6, 7);

        private uint _next = first;

        public readonly Vector256<uint> Fast(Vector256<uint> draws, out uint slowLanes)
        {
            uint mask = (uint)BoundedIntegers.Mask(_next);
            if (_next < 8 || (uint)BoundedIntegers.Mask(_next - 7) != mask)
            {
                slowLanes = 1;
                return draws;
            }

            Vector256<uint> values = draws & Vector256.Create(mask);
            slowLanes = Vector256.GreaterThan(values, Vector256.Create(_next) - LaneOffsets).ExtractMostSignificantBits();
            return values;
        }

        public void Advance(int count) => _next -= (uint)count;

        public uint Next(ref UInt32DrawCursor cursor) => (uint)BoundedIntegers.Interval(ref cursor, _next--);
    }
}

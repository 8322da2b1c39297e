using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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

        // The swap partners depend only on the position, never on the data, so they are drawn in chunks through the
        // engine's specialised bulk path (the same draws in the same order) and applied afterwards.
        Span<ulong> partners = stackalloc ulong[256];
        var kernel = new DescendingInterval((uint)Math.Max(items.Length - 1, 0));
        int i = items.Length - 1;
        while (i > 0)
        {
            Span<ulong> chunk = partners[..Math.Min(partners.Length, i)];
            BoundedIntegers.Fill32(engine, 0, chunk, ref kernel);
            // The partners are random positions in what is usually a large array: fetching them ahead hides most of
            // the cache misses that otherwise bound the shuffle (the swaps themselves stay in the scalar order).
            ref T first = ref MemoryMarshal.GetReference(items);
            for (int k = 0; k < Math.Min(CacheHints.PrefetchDistance, chunk.Length); k++)
            {
                CacheHints.Prefetch(ref Unsafe.Add(ref first, (nint)chunk[k]));
            }

            for (int k = 0; k < chunk.Length; k++)
            {
                if (k + CacheHints.PrefetchDistance < chunk.Length)
                {
                    CacheHints.Prefetch(ref Unsafe.Add(ref first, (nint)chunk[k + CacheHints.PrefetchDistance]));
                }

                int j = (int)chunk[k];
                (items[i], items[j]) = (items[j], items[i]);
                i--;
            }
        }
    }

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
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = i;
        }

        Shuffle(engine, result.AsSpan());
        return result;
    }

    /// <summary>Draws the swap partner of position i, then of i − 1, and so on.</summary>
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

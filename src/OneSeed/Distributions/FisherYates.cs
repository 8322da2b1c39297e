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
        var sampler = new DescendingInterval(items.Length - 1);
        int i = items.Length - 1;
        while (i > 0)
        {
            Span<ulong> chunk = partners[..Math.Min(partners.Length, i)];
            engine.FillSampled(chunk, ref sampler);
            foreach (ulong partner in chunk)
            {
                int j = (int)partner;
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
        long[] result = new long[n];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = i;
        }

        Shuffle(engine, result.AsSpan());
        return result;
    }

    /// <summary>Draws the swap partner of position i, then of i − 1, and so on.</summary>
    private struct DescendingInterval(long first) : ISampler<ulong>
    {
        private ulong _next = (ulong)first;

        public ulong Sample<TSource>(ref TSource source)
            where TSource : struct, IRawSource => BoundedIntegers.Interval(ref source, _next--);
    }
}

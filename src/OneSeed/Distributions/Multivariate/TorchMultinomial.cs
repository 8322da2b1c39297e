using System.Numerics;

namespace OneSeed.Distributions;

/// <summary>
/// The two CPU algorithms of <c>torch.multinomial</c> in torch 1.13, one row at a time (the caller draws the
/// randomness and checks the weights first):
/// <list type="bullet">
/// <item>with replacement (<c>multinomial_with_replacement_apply</c> in <c>cpu/MultinomialKernel.cpp</c>): the running
/// sum of the weights in their own dtype, divided by the total in that dtype, the last entry set to 1, and for each
/// sample a binary search for the first entry not below a 53-bit double uniform;</item>
/// <item>without replacement, or one sample (<c>multinomial_out</c> in <c>Distributions.cpp</c>): the exponential trick
/// <c>p / q</c> with <c>q ~ Exp(1)</c> in the weights' dtype, then the index of the largest (<c>argmax</c>: the first
/// NaN, else the first maximum) or the <c>numSamples</c> largest in <c>topk</c>'s order (<c>topk_impl_loop</c> in
/// <c>TopKImpl.h</c>: libstdc++'s <c>partial_sort</c> when 64·k ≤ n, else <c>nth_element</c> then <c>sort</c> of the first
/// k − 1, NaN counted largest), ties left where those algorithms leave them.</item>
/// </list>
/// </summary>
internal static class TorchMultinomial
{
    /// <summary>
    /// Overwrites <paramref name="cumulative"/> with the normalised running sums of <paramref name="probs"/> (finite,
    /// non-negative, positive total), as the with-replacement kernel builds them before drawing.
    /// </summary>
    public static void NormalizedCumulative<T>(ReadOnlySpan<T> probs, Span<T> cumulative)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        for (int j = 0; j < probs.Length; j++)
        {
            sum += probs[j];
            cumulative[j] = sum;
        }

        for (int j = 0; j < cumulative.Length; j++)
        {
            cumulative[j] /= sum;
        }

        // torch sets it before every search; once is the same.
        cumulative[^1] = T.One;
    }

    /// <summary>The category of one uniform: the first index whose cumulative weight is not below it (torch's bisection).</summary>
    public static long Search<T>(ReadOnlySpan<T> cumulative, double uniform)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int left = 0;
        int right = cumulative.Length;
        while (right - left > 0)
        {
            int mid = left + ((right - left) / 2);
            if (double.CreateTruncating(cumulative[mid]) < uniform)
            {
                left = mid + 1;
            }
            else
            {
                right = mid;
            }
        }

        return left;
    }

    /// <summary>
    /// The without-replacement selection on one row: <paramref name="keys"/> holds <c>p / q</c>; writes the indices
    /// of the <paramref name="result"/>.Length largest, in torch's order. <paramref name="scratch"/> has one entry per key.
    /// </summary>
    public static void SelectLargest<T>(ReadOnlySpan<T> keys, Span<TopKEntry<T>> scratch, Span<long> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = result.Length;
        int n = keys.Length;
        if (k == 1)
        {
            result[0] = ArgMax(keys);
            return;
        }

        for (int j = 0; j < n; j++)
        {
            scratch[j] = new TopKEntry<T>(keys[j], j);
        }

        Span<TopKEntry<T>> queue = scratch[..n];
        if ((long)k * 64 <= n)
        {
            LibstdcxxSorting<TopKEntry<T>, LargestFirst<T>>.PartialSort(queue, k);
        }
        else
        {
            LibstdcxxSorting<TopKEntry<T>, LargestFirst<T>>.NthElement(queue, k - 1);
            LibstdcxxSorting<TopKEntry<T>, LargestFirst<T>>.Sort(queue[..(k - 1)]);
        }

        for (int j = 0; j < k; j++)
        {
            result[j] = queue[j].Index;
        }
    }

    // argmax over the last dimension (ArgMaxOps, GreaterOrNan): the first NaN, else the first of the largest values.
    private static long ArgMax<T>(ReadOnlySpan<T> keys)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int best = 0;
        for (int j = 0; j < keys.Length; j++)
        {
            if (T.IsNaN(keys[j]))
            {
                return j;
            }

            if (keys[j] > keys[best])
            {
                best = j;
            }
        }

        return best;
    }

    /// <summary>topk's comparator for <c>largest = true</c>: NaN before numbers, then larger before smaller.</summary>
    private readonly struct LargestFirst<T> : IStrictWeakOrder<TopKEntry<T>>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public bool Less(in TopKEntry<T> a, in TopKEntry<T> b) => (T.IsNaN(a.Value) && !T.IsNaN(b.Value)) || a.Value > b.Value;
    }
}

/// <summary>One element of <c>topk</c>'s queue: a value and its index (torch's <c>std::pair&lt;scalar_t, int64_t&gt;</c>).</summary>
internal readonly record struct TopKEntry<T>(T Value, int Index);

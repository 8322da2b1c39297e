using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
    /// <returns>
    /// Whether the sums are sorted, as they are unless the total overflowed to +∞ (then they are 0 up to the overflow,
    /// NaN after it and 1 at the end, and only torch's own probe order gives torch's categories).
    /// </returns>
    public static bool NormalizedCumulative<T>(ReadOnlySpan<T> probs, Span<T> cumulative)
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
        return T.IsFinite(sum);
    }

    /// <summary>
    /// The key <see cref="SearchAll"/> compares for a cumulative weight or a uniform: its bits as an integer. For the
    /// non-negative doubles met here the integer order is the numeric order; -0 becomes +0 and a NaN (a row whose total
    /// overflowed) becomes +∞, which keeps every comparison's outcome (a NaN, like +∞, is never below a uniform).
    /// </summary>
    public static long OrderKey(double value) => double.IsNaN(value) ? BitConverter.DoubleToInt64Bits(double.PositiveInfinity) : BitConverter.DoubleToInt64Bits(value + 0.0);

    /// <summary>
    /// torch's bisection for every uniform, on <see cref="OrderKey"/> keys: for each, the first index whose cumulative
    /// weight is not below it. On sorted keys a bisection's result does not depend on its probe order, so this runs the branch-free form (a length halved
    /// in common, one subtract-shift-and per step) for eight searches in lockstep: no mispredicted branches, and eight
    /// independent memory reads in flight, where torch's search waits on each probe and mispredicts half its branches.
    /// </summary>
    /// <param name="cumulativeKeys">The keys of the cumulative weights.</param>
    /// <param name="uniformKeys">The keys of the uniforms.</param>
    /// <param name="categories">One category per uniform.</param>
    /// <param name="sorted">Whether the keys are sorted (<see cref="NormalizedCumulative"/>'s answer); if not, each search is torch's own.</param>
    public static void SearchAll(ReadOnlySpan<long> cumulativeKeys, ReadOnlySpan<long> uniformKeys, Span<long> categories, bool sorted)
    {
        if (!sorted)
        {
            for (int k = 0; k < uniformKeys.Length; k++)
            {
                categories[k] = Bisect(cumulativeKeys, uniformKeys[k]);
            }

            return;
        }

        const int Lanes = 8;
        int n = cumulativeKeys.Length;
        ref long c = ref MemoryMarshal.GetReference(cumulativeKeys);
        int i = 0;
        for (; i <= uniformKeys.Length - Lanes; i += Lanes)
        {
            ReadOnlySpan<long> u = uniformKeys.Slice(i, Lanes);
            long u0 = u[0], u1 = u[1], u2 = u[2], u3 = u[3], u4 = u[4], u5 = u[5], u6 = u[6], u7 = u[7];
            long b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0, b7 = 0;
            for (int length = n; length > 1; length -= length / 2)
            {
                // base + half < base + length <= n: every probe is inside the array. (key - u) >> 63 is -1 when key < u.
                long half = length / 2;
                b0 += half & ((Unsafe.Add(ref c, (nint)(b0 + half)) - u0) >> 63);
                b1 += half & ((Unsafe.Add(ref c, (nint)(b1 + half)) - u1) >> 63);
                b2 += half & ((Unsafe.Add(ref c, (nint)(b2 + half)) - u2) >> 63);
                b3 += half & ((Unsafe.Add(ref c, (nint)(b3 + half)) - u3) >> 63);
                b4 += half & ((Unsafe.Add(ref c, (nint)(b4 + half)) - u4) >> 63);
                b5 += half & ((Unsafe.Add(ref c, (nint)(b5 + half)) - u5) >> 63);
                b6 += half & ((Unsafe.Add(ref c, (nint)(b6 + half)) - u6) >> 63);
                b7 += half & ((Unsafe.Add(ref c, (nint)(b7 + half)) - u7) >> 63);
            }

            Span<long> out8 = categories.Slice(i, Lanes);
            out8[0] = b0 + ((cumulativeKeys[(int)b0] - u0) >>> 63);
            out8[1] = b1 + ((cumulativeKeys[(int)b1] - u1) >>> 63);
            out8[2] = b2 + ((cumulativeKeys[(int)b2] - u2) >>> 63);
            out8[3] = b3 + ((cumulativeKeys[(int)b3] - u3) >>> 63);
            out8[4] = b4 + ((cumulativeKeys[(int)b4] - u4) >>> 63);
            out8[5] = b5 + ((cumulativeKeys[(int)b5] - u5) >>> 63);
            out8[6] = b6 + ((cumulativeKeys[(int)b6] - u6) >>> 63);
            out8[7] = b7 + ((cumulativeKeys[(int)b7] - u7) >>> 63);
        }

        for (; i < uniformKeys.Length; i++)
        {
            long b = 0;
            for (int length = n; length > 1; length -= length / 2)
            {
                long half = length / 2;
                b += half & ((cumulativeKeys[(int)(b + half)] - uniformKeys[i]) >> 63);
            }

            categories[i] = b + ((cumulativeKeys[(int)b] - uniformKeys[i]) >>> 63);
        }
    }

    // torch's bisection as it probes: left = mid + 1 while the key at mid is below the uniform, else right = mid.
    private static long Bisect(ReadOnlySpan<long> keys, long uniform)
    {
        int left = 0;
        int right = keys.Length;
        while (right - left > 0)
        {
            int mid = left + ((right - left) / 2);
            if (keys[mid] < uniform)
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

        if ((long)k * 64 > n && n >= 256 && TrySelectAmongCandidates(keys, scratch, result))
        {
            return;
        }

        SelectLargestAsTorch(keys, scratch, result);
    }

    /// <summary>torch's <c>topk</c> on every key, step for step (k ≥ 2): the answer where ties decide it.</summary>
    internal static void SelectLargestAsTorch<T>(ReadOnlySpan<T> keys, Span<TopKEntry<T>> scratch, Span<long> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = result.Length;
        int n = keys.Length;
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

    /// <summary>
    /// torch's answer for the <c>nth_element</c> regime when it does not depend on how ties are broken: no NaN, the k
    /// largest keys distinct, and every other key below the k-th. Then any correct selection gives it, so this one
    /// runs libstdc++'s algorithms on a few candidates only: the keys above a threshold picked (by <c>nth_element</c>) from a sample of every
    /// sixteenth key, placed so that k keys clear it with a wide margin (mean k/16 sampled keys above it, plus three
    /// standard deviations). Returns false, with nothing in <paramref name="result"/> that matters, when the answer is
    /// not unique or too few keys cleared the threshold; the caller then runs torch's algorithms on every key.
    /// </summary>
    private static bool TrySelectAmongCandidates<T>(ReadOnlySpan<T> keys, Span<TopKEntry<T>> scratch, Span<long> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int Stride = 16;
        int n = keys.Length;
        int k = result.Length;
        int sampled = n / Stride;
        int above = (int)Math.Ceiling((k / (double)Stride) + (3 * Math.Sqrt(k / (double)Stride)) + 2);
        if (above >= sampled)
        {
            return false;
        }

        T[] sample = ArrayPool<T>.Shared.Rent(sampled);
        for (int j = 0; j < sampled; j++)
        {
            sample[j] = keys[j * Stride];
        }

        // A NaN compares false both ways and may land anywhere; the scan below refuses it anyway.
        LibstdcxxSorting<T, Ascending<T>>.NthElement(sample.AsSpan(0, sampled), sampled - 1 - above);
        T threshold = sample[sampled - 1 - above];
        ArrayPool<T>.Shared.Return(sample);

        int count = 0;
        for (int j = 0; j < n; j++)
        {
            T key = keys[j];
            if (T.IsNaN(key))
            {
                return false;
            }

            if (key > threshold)
            {
                scratch[count++] = new TopKEntry<T>(key, j);
            }
        }

        if (count < k)
        {
            return false;
        }

        Span<TopKEntry<T>> candidates = scratch[..count];
        LibstdcxxSorting<TopKEntry<T>, LargestFirst<T>>.NthElement(candidates, k - 1);
        LibstdcxxSorting<TopKEntry<T>, LargestFirst<T>>.Sort(candidates[..(k - 1)]);

        // Unique: strictly decreasing down to the k-th, and every later candidate (and so every key left out, which is
        // at most the threshold, below every candidate) strictly below it.
        T kth = candidates[k - 1].Value;
        for (int j = 1; j < k; j++)
        {
            if (!(candidates[j - 1].Value > candidates[j].Value))
            {
                return false;
            }
        }

        for (int j = k; j < count; j++)
        {
            if (!(candidates[j].Value < kth))
            {
                return false;
            }
        }

        for (int j = 0; j < k; j++)
        {
            result[j] = candidates[j].Index;
        }

        return true;
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
    private readonly struct Ascending<T> : IStrictWeakOrder<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public bool Less(in T a, in T b) => a < b;
    }

    private readonly struct LargestFirst<T> : IStrictWeakOrder<TopKEntry<T>>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public bool Less(in TopKEntry<T> a, in TopKEntry<T> b) => (T.IsNaN(a.Value) && !T.IsNaN(b.Value)) || a.Value > b.Value;
    }
}

/// <summary>One element of <c>topk</c>'s queue: a value and its index (torch's <c>std::pair&lt;scalar_t, int64_t&gt;</c>).</summary>
internal readonly record struct TopKEntry<T>(T Value, int Index);

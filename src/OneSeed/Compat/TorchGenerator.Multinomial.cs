using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using OneSeed.Distributions;

namespace OneSeed.Compat;

// torch.multinomial on the CPU (aten/src/ATen/native/Distributions.cpp multinomial_out, cpu/MultinomialKernel.cpp).
public sealed partial class TorchGenerator
{
    // torch's limit: the categories are indexed through float32 on some devices, so at most 2^24 of them.
    private const int MaxMultinomialCategories = 1 << 24;

    /// <summary>
    /// <c>torch.multinomial(probs, num_samples, replacement, generator=g)</c> for a one-dimensional float64 tensor of
    /// (unnormalised) weights: the indices of <paramref name="numSamples"/> categories.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Without replacement torch 1.13 draws one exponential per category (<c>q = exponential_(1)</c>, 53-bit uniforms,
    /// <c>-log(1 - u)</c>) and returns the category of the largest <c>p / q</c> (<c>argmax</c>) for one sample, else
    /// the <paramref name="numSamples"/> largest in <c>topk</c>'s order. Torch 1.13 on the CPU does not refuse more
    /// samples than categories of non-zero weight: the rest are zero-weight categories, in the order libstdc++'s
    /// selection leaves those ties, which this reproduces.
    /// </para>
    /// <para>
    /// With replacement (also for one sample) it draws one 53-bit uniform per sample and bisects the normalised
    /// running sums of the weights.
    /// </para>
    /// <para>
    /// Every argument is checked before anything is drawn (torch checks the weights of each row only when it reaches the
    /// row, after drawing for the rows before it). The exponentials use the platform's <c>log</c>, as torch uses the C
    /// library's: tier <b>stable</b> on Linux.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="numSamples"/> ≤ 0, or greater than the number of categories without replacement; more than 2^24
    /// categories; a weight negative, infinite or NaN; or all weights zero. The messages are torch's.
    /// </exception>
    public long[] Multinomial(ReadOnlySpan<double> probs, int numSamples, bool replacement = false) => MultinomialVector(probs, numSamples, replacement);

    /// <summary>
    /// <c>torch.multinomial(probs, result.Length, replacement, generator=g, out=result)</c> for float64 weights: the
    /// indices of <see cref="Multinomial(ReadOnlySpan{double}, int, bool)"/>, written into the caller's memory.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="Multinomial(ReadOnlySpan{double}, int, bool)"/>, with <paramref name="result"/>.Length as the number of samples.</exception>
    public void Multinomial(ReadOnlySpan<double> probs, Span<long> result, bool replacement = false) => MultinomialVector(probs, result, replacement);

    /// <summary>
    /// <c>torch.multinomial(probs, num_samples, replacement, generator=g)</c> for a float32 tensor of weights. Without
    /// replacement the exponentials are rounded to float32 and <c>p / q</c> is a float32 division; with replacement the
    /// running sums and their normalisation are float32 (as torch keeps them in the weights' dtype) and the uniforms
    /// double.
    /// </summary>
    /// <remarks>See <see cref="Multinomial(ReadOnlySpan{double}, int, bool)"/>.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="Multinomial(ReadOnlySpan{double}, int, bool)"/>.</exception>
    public long[] Multinomial(ReadOnlySpan<float> probs, int numSamples, bool replacement = false) => MultinomialVector(probs, numSamples, replacement);

    /// <summary><c>torch.multinomial(probs, result.Length, replacement, generator=g, out=result)</c> for float32 weights, written into the caller's memory.</summary>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="Multinomial(ReadOnlySpan{double}, int, bool)"/>, with <paramref name="result"/>.Length as the number of samples.</exception>
    public void Multinomial(ReadOnlySpan<float> probs, Span<long> result, bool replacement = false) => MultinomialVector(probs, result, replacement);

    /// <summary>
    /// <c>torch.multinomial(probs, num_samples, replacement, generator=g)</c> for a float64 tensor of shape
    /// [rows, categories]: <paramref name="numSamples"/> indices per row, the rows drawn one after the other (without
    /// replacement torch draws the exponentials of all rows first, row by row, which is the same sequence).
    /// </summary>
    /// <remarks>See <see cref="Multinomial(ReadOnlySpan{double}, int, bool)"/>. With no rows nothing is checked but the shape, as in torch.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="probs"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="Multinomial(ReadOnlySpan{double}, int, bool)"/>, for any row.</exception>
    public long[,] Multinomial(double[,] probs, int numSamples, bool replacement = false) => MultinomialMatrix(probs, numSamples, replacement);

    /// <summary><c>torch.multinomial(probs, num_samples, replacement, generator=g)</c> for a float32 tensor of shape [rows, categories].</summary>
    /// <remarks>See <see cref="Multinomial(ReadOnlySpan{float}, int, bool)"/> and <see cref="Multinomial(double[,], int, bool)"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="probs"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="Multinomial(ReadOnlySpan{double}, int, bool)"/>, for any row.</exception>
    public long[,] Multinomial(float[,] probs, int numSamples, bool replacement = false) => MultinomialMatrix(probs, numSamples, replacement);

    private long[] MultinomialVector<T>(ReadOnlySpan<T> probs, int numSamples, bool replacement)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckMultinomialShape(probs.Length, numSamples, replacement);
        long[] result = new long[numSamples];
        MultinomialRows(probs, 1, probs.Length, result, replacement);
        return result;
    }

    private void MultinomialVector<T>(ReadOnlySpan<T> probs, Span<long> result, bool replacement)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckMultinomialShape(probs.Length, result.Length, replacement);
        MultinomialRows(probs, 1, probs.Length, result, replacement);
    }

    private long[,] MultinomialMatrix<T>(T[,] probs, int numSamples, bool replacement)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(probs);
        CheckMultinomialShape(probs.GetLength(1), numSamples, replacement);
        long[,] result = new long[probs.GetLength(0), numSamples];
        MultinomialRows<T>(NumPyGenerator.Flat<T>(probs), probs.GetLength(0), probs.GetLength(1), NumPyGenerator.Flat<long>(result), replacement);
        return result;
    }

    // torch's checks on the arguments, in its order: the sample count, then the number of categories.
    private static void CheckMultinomialShape(int categories, int numSamples, bool replacement)
    {
        if (numSamples <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numSamples), numSamples, "cannot sample n_sample <= 0 samples.");
        }

        if (!replacement && numSamples > categories)
        {
            throw new ArgumentOutOfRangeException(nameof(numSamples), numSamples, $"cannot sample n_sample > prob_dist.size(-1) samples without replacement (there are {categories} categories).");
        }

        if (categories > MaxMultinomialCategories)
        {
            throw new ArgumentOutOfRangeException(nameof(categories), categories, "number of categories cannot exceed 2^24 (probs.size(-1)).");
        }
    }

    // torch's checks on the weights, all before any draw (torch checks each row of the with-replacement kernel only
    // when it reaches the row, after drawing for the rows before it).
    private static void CheckMultinomialWeights<T>(ReadOnlySpan<T> probs, int rows, int categories, bool replacement)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!replacement)
        {
            // (max < inf) & (min >= 0) over the whole tensor first, then the rows' sums.
            for (int i = 0; i < probs.Length; i++)
            {
                if (!(probs[i] >= T.Zero && probs[i] < T.PositiveInfinity))
                {
                    throw new ArgumentOutOfRangeException(nameof(probs), probs[i], $"probability tensor contains either `inf`, `nan` or element < 0 (probs[{i}] = {probs[i]}).");
                }
            }
        }

        for (int row = 0; row < rows; row++)
        {
            ReadOnlySpan<T> weights = probs.Slice(row * categories, categories);
            bool positive = false;
            for (int j = 0; j < weights.Length; j++)
            {
                T p = weights[j];
                if (!(p >= T.Zero))
                {
                    throw new ArgumentOutOfRangeException(nameof(probs), p, $"invalid multinomial distribution (encountering probability entry < 0) (probs[{(row * categories) + j}] = {p}).");
                }

                if (!T.IsFinite(p))
                {
                    throw new ArgumentOutOfRangeException(nameof(probs), p, $"invalid multinomial distribution (encountering probability entry = infinity or NaN) (probs[{(row * categories) + j}] = {p}).");
                }

                positive |= p > T.Zero;
            }

            // A sum of finite non-negative weights is zero exactly when every weight is (an empty row sums to 0 too).
            if (!positive)
            {
                throw new ArgumentOutOfRangeException(nameof(probs), $"invalid multinomial distribution (sum of probabilities <= 0) (row {row}).");
            }
        }
    }

    private void MultinomialRows<T>(ReadOnlySpan<T> probs, int rows, int categories, Span<long> result, bool replacement)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (rows == 0)
        {
            // torch returns the empty result before looking at the weights.
            return;
        }

        CheckMultinomialWeights(probs, rows, categories, replacement);
        int numSamples = result.Length / rows;
        if (replacement)
        {
            MultinomialWithReplacement(probs, rows, categories, result, numSamples);
        }
        else
        {
            MultinomialWithoutReplacement(probs, rows, categories, result, numSamples);
        }
    }

    private void MultinomialWithReplacement<T>(ReadOnlySpan<T> probs, int rows, int categories, Span<long> result, int numSamples)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] cumulative = ArrayPool<T>.Shared.Rent(categories);
        long[] cumulativeKeys = ArrayPool<long>.Shared.Rent(categories);
        Span<double> uniforms = stackalloc double[Math.Min(UniformChunk, numSamples)];
        for (int row = 0; row < rows; row++)
        {
            Span<T> cum = cumulative.AsSpan(0, categories);
            bool sorted = TorchMultinomial.NormalizedCumulative(probs.Slice(row * categories, categories), cum);

            // The search compares in double (torch's uniform is a double), on integer keys: once per row, not per probe.
            Span<long> keys = cumulativeKeys.AsSpan(0, categories);
            for (int j = 0; j < categories; j++)
            {
                keys[j] = TorchMultinomial.OrderKey(double.CreateTruncating(cum[j]));
            }

            Span<long> samples = result.Slice(row * numSamples, numSamples);
            for (int start = 0; start < numSamples; start += uniforms.Length)
            {
                Span<double> chunk = uniforms[..Math.Min(uniforms.Length, numSamples - start)];
                FillUniformDouble(chunk);
                Span<long> uniformKeys = MemoryMarshal.Cast<double, long>(chunk);
                for (int j = 0; j < uniformKeys.Length; j++)
                {
                    uniformKeys[j] = TorchMultinomial.OrderKey(chunk[j]);
                }

                TorchMultinomial.SearchAll(keys, uniformKeys, samples.Slice(start, chunk.Length), sorted);
            }
        }

        ArrayPool<T>.Shared.Return(cumulative);
        ArrayPool<long>.Shared.Return(cumulativeKeys);
    }

    private void MultinomialWithoutReplacement<T>(ReadOnlySpan<T> probs, int rows, int categories, Span<long> result, int numSamples)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double[] exponentials = ArrayPool<double>.Shared.Rent(categories);
        T[] keys = ArrayPool<T>.Shared.Rent(categories);
        TopKEntry<T>[] scratch = numSamples > 1 ? ArrayPool<TopKEntry<T>>.Shared.Rent(categories) : [];
        for (int row = 0; row < rows; row++)
        {
            // q = empty_like(probs).exponential_(1) (row-major, so row by row is torch's sequence), then p / q in T.
            Span<double> q = exponentials.AsSpan(0, categories);
            FillExponentialDouble(q, 1.0);
            ReadOnlySpan<T> p = probs.Slice(row * categories, categories);
            Span<T> key = keys.AsSpan(0, categories);
            for (int j = 0; j < categories; j++)
            {
                key[j] = p[j] / T.CreateTruncating(q[j]);
            }

            TorchMultinomial.SelectLargest<T>(key, scratch, result.Slice(row * numSamples, numSamples));
        }

        ArrayPool<double>.Shared.Return(exponentials);
        ArrayPool<T>.Shared.Return(keys);
        if (scratch.Length > 0)
        {
            ArrayPool<TopKEntry<T>>.Shared.Return(scratch);
        }
    }
}

using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Multivariate hypergeometric counts as NumPy's <c>Generator.multivariate_hypergeometric</c> draws them:
/// <c>count</c> (<c>random_multivariate_hypergeometric_count</c>: a partial Fisher–Yates shuffle of every item) and
/// <c>marginals</c> (<c>random_multivariate_hypergeometric_marginals</c>: one univariate hypergeometric per colour).
/// Both sample the complement when more than half the items are taken.
/// </summary>
internal static class MultivariateHypergeometric
{
    /// <summary>Fills the rows of <paramref name="variates"/> (zeroed, length a multiple of the colours') by the <c>count</c> method.</summary>
    public static void Count<TSource>(ref TSource source, ReadOnlySpan<long> colors, long total, long nsample, Span<long> variates)
        where TSource : struct, IRawSource
    {
        int numColors = colors.Length;
        if (total == 0 || nsample == 0 || variates.IsEmpty)
        {
            return;
        }

        // For colours [3 2 5]: [0 0 0 1 1 2 2 2 2 2].
        int[] choices = new int[total];
        for (int i = 0, k = 0; i < numColors; i++)
        {
            for (long j = 0; j < colors[i]; j++)
            {
                choices[k++] = i;
            }
        }

        bool moreThanHalf = nsample > total / 2;
        if (moreThanHalf)
        {
            nsample = total - nsample;
        }

        for (int i = 0; i < variates.Length; i += numColors)
        {
            Span<long> row = variates.Slice(i, numColors);
            for (long j = 0; j < nsample; j++)
            {
                long k = j + (long)BoundedIntegers.Interval(ref source, (ulong)(total - j - 1));
                (choices[k], choices[j]) = (choices[j], choices[k]);
            }

            for (long j = 0; j < nsample; j++)
            {
                row[choices[j]]++;
            }

            Complement(row, colors, moreThanHalf);
        }
    }

    /// <summary>Fills the rows of <paramref name="variates"/> (zeroed) by the <c>marginals</c> method.</summary>
    public static void Marginals<TSource>(ref TSource source, ReadOnlySpan<long> colors, long total, long nsample, Span<long> variates)
        where TSource : struct, IRawSource
    {
        int numColors = colors.Length;
        if (total == 0 || nsample == 0 || variates.IsEmpty)
        {
            return;
        }

        bool moreThanHalf = nsample > total / 2;
        if (moreThanHalf)
        {
            nsample = total - nsample;
        }

        for (int i = 0; i < variates.Length; i += numColors)
        {
            Span<long> row = variates.Slice(i, numColors);
            long toSample = nsample;
            long remaining = total;
            for (int j = 0; toSample > 0 && j + 1 < numColors; j++)
            {
                remaining -= colors[j];
                long r = Hypergeometric.Sample(ref source, colors[j], remaining, toSample);
                row[j] = r;
                toSample -= r;
            }

            if (toSample > 0)
            {
                row[numColors - 1] = toSample;
            }

            Complement(row, colors, moreThanHalf);
        }
    }

    private static void Complement(Span<long> row, ReadOnlySpan<long> colors, bool moreThanHalf)
    {
        if (moreThanHalf)
        {
            for (int k = 0; k < row.Length; k++)
            {
                row[k] = colors[k] - row[k];
            }
        }
    }
}

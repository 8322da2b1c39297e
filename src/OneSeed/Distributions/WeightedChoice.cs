using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// NumPy's <c>choice(a, size, replace, p)</c> over explicit probabilities — the same algorithm in
/// <c>Generator.choice</c> and legacy <c>RandomState.choice</c> (NumPy 1.17–1.24): Kahan-sum validation,
/// <c>cdf = p.cumsum(); cdf /= cdf[-1]</c>, <c>searchsorted(uniforms, side='right')</c>, and, without replacement,
/// the redraw-and-zero loop. Uniforms are the engine's <see cref="BitGenerator.NextDouble"/>, which is what both
/// <c>Generator.random</c> and <c>RandomState.random_sample</c> draw.
/// </summary>
/// <remarks>Reproducibility tier: <b>stable</b> (bit-exact with NumPy 1.17–1.24).</remarks>
internal static class WeightedChoice
{
    /// <summary>NumPy's tolerance on the sum of p: <c>sqrt(finfo(float64).eps)</c> = 2^-26.</summary>
    public const double Tolerance = 1.0 / 67108864.0;

    /// <summary>NumPy's checks on p, in NumPy's order; throws <see cref="ArgumentException"/> for the first that fails.</summary>
    public static void Validate(long a, double[] p)
    {
        if (p.Length != a)
        {
            throw new ArgumentException($"'a' and 'p' must have the same size: a is {a}, p has {p.Length} entries.", nameof(p));
        }

        // NumPy compares the Kahan-compensated sum with 1.
        double sum = Multinomial.KahanSum(p);

        if (double.IsNaN(sum))
        {
            throw new ArgumentException("The probabilities contain NaN.", nameof(p));
        }

        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] < 0)
            {
                throw new ArgumentException($"The probabilities must be non-negative; p[{i}] is {p[i]:R}.", nameof(p));
            }
        }

        if (Math.Abs(sum - 1.0) > Tolerance)
        {
            throw new ArgumentException($"The probabilities must sum to 1 (within 2^-26); they sum to {sum:R}.", nameof(p));
        }
    }

    /// <summary><paramref name="size"/> indices drawn with replacement (p already validated).</summary>
    public static long[] WithReplacement(BitGenerator engine, double[] p, int size)
    {
        if (size == 0)
        {
            return [];
        }

        double[] cdf = NormalisedCdf(p);
        double[] uniforms = new double[size];
        engine.Fill(uniforms);
        long[] picked = new long[size];
        for (int i = 0; i < size; i++)
        {
            picked[i] = SearchSortedRight(cdf, uniforms[i]);
        }

        return picked;
    }

    /// <summary><paramref name="size"/> distinct indices (p already validated; <paramref name="size"/> ≤ p's length).</summary>
    /// <exception cref="ArgumentException">Fewer than <paramref name="size"/> entries of p are positive.</exception>
    public static long[] WithoutReplacement(BitGenerator engine, double[] p, int size)
    {
        int positive = p.Count(x => x > 0);
        if (positive < size)
        {
            throw new ArgumentException($"Fewer non-zero entries in p ({positive}) than size ({size}) when replace is false.", nameof(p));
        }

        double[] weights = (double[])p.Clone();
        long[] found = new long[size];
        bool[] seen = new bool[p.Length];
        int unique = 0;
        while (unique < size)
        {
            double[] x = new double[size - unique];
            engine.Fill(x);
            for (int i = 0; i < unique; i++)
            {
                weights[found[i]] = 0.0;
            }

            double[] cdf = NormalisedCdf(weights);

            // np.unique(new, return_index=True) then sorting the indices keeps each new value's first occurrence,
            // in draw order; values found in earlier rounds have zero weight and cannot be drawn again.
            int start = unique;
            foreach (double u in x)
            {
                long index = SearchSortedRight(cdf, u);
                if (!seen[index])
                {
                    seen[index] = true;
                    found[unique++] = index;
                }
            }

            for (int i = start; i < unique; i++)
            {
                seen[found[i]] = false;
            }
        }

        return found;
    }

    // NumPy's cdf = p.cumsum(); cdf /= cdf[-1]: a sequential running sum, then every entry divided by the last.
    private static double[] NormalisedCdf(double[] p)
    {
        double[] cdf = new double[p.Length];
        double running = 0.0;
        for (int i = 0; i < p.Length; i++)
        {
            running += p[i];
            cdf[i] = running;
        }

        double last = cdf[^1];
        for (int i = 0; i < cdf.Length; i++)
        {
            cdf[i] /= last;
        }

        return cdf;
    }

    // searchsorted(cdf, u, side='right'): the number of entries <= u.
    private static long SearchSortedRight(double[] cdf, double u)
    {
        int lo = 0;
        int hi = cdf.Length;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (cdf[mid] <= u)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}

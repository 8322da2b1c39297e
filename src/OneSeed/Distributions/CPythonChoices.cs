using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// CPython's <c>random.choices</c> (3.11): without weights <c>population[floor(random() * n)]</c>; with weights the
/// running sums of <c>itertools.accumulate</c> (left-to-right double additions) and
/// <c>bisect_right(cum_weights, random() * total, 0, n - 1)</c>, where total is the last running sum.
/// </summary>
/// <remarks>
/// CPython checks only the total (greater than zero, finite), never the individual weights: negative weights and a NaN
/// inside explicit cumulative weights are used as given (the bisection then runs on unsorted values, as CPython's).
/// Reproducibility tier: <b>stable</b> (exact arithmetic only).
/// </remarks>
internal static class CPythonChoices
{
    /// <summary>
    /// CPython's checks, in its order, before anything is drawn; returns the cumulative weights to bisect (null
    /// without weights). Throws <see cref="ArgumentException"/> where CPython raises TypeError, ValueError or IndexError.
    /// </summary>
    public static double[]? CumulativeWeights<T>(IReadOnlyList<T> population, IReadOnlyList<double>? weights, IReadOnlyList<double>? cumWeights, int k)
    {
        int n = population.Count;
        if (weights is null && cumWeights is null)
        {
            if (n == 0 && k > 0)
            {
                // CPython draws once, then population[0] raises IndexError; refused before the draw here.
                throw new ArgumentException("Cannot choose from an empty population (CPython raises IndexError).", nameof(population));
            }

            return null;
        }

        if (weights is not null && cumWeights is not null)
        {
            throw new ArgumentException("Cannot specify both weights and cumulative weights (CPython raises TypeError).", nameof(cumWeights));
        }

        string name = weights is not null ? nameof(weights) : nameof(cumWeights);
        double[] cum = weights is not null ? Accumulate(weights) : [.. cumWeights!];
        if (cum.Length != n)
        {
            throw new ArgumentException($"The number of weights does not match the population: {cum.Length} weights for {n} elements.", name);
        }

        if (n == 0)
        {
            // CPython's cum_weights[-1] raises IndexError on the empty list.
            throw new ArgumentException("Cannot choose from an empty population (CPython raises IndexError).", nameof(population));
        }

        double total = cum[^1] + 0.0;
        if (total <= 0.0)
        {
            throw new ArgumentException($"Total of weights must be greater than zero; it is {total:R}.", name);
        }

        if (!double.IsFinite(total))
        {
            throw new ArgumentException($"Total of weights must be finite; it is {total:R}.", name);
        }

        return cum;
    }

    /// <summary>One unweighted choice: <c>floor(random() * n)</c> (below n: random() &lt; 1 and n &lt; 2^31).</summary>
    public static int UniformIndex<TSource>(ref TSource source, double n)
        where TSource : struct, IRawSource => (int)(source.NextDouble() * n);

    /// <summary>One weighted choice: <c>bisect_right(cum, random() * total, 0, len(cum) - 1)</c>.</summary>
    public static int WeightedIndex<TSource>(ref TSource source, double[] cum, double total)
        where TSource : struct, IRawSource => BisectRight(cum, source.NextDouble() * total, cum.Length - 1);

    /// <summary><c>bisect.bisect_right(a, x, 0, hi)</c>: CPython's binary search, comparing <c>x &lt; a[mid]</c> (false for NaN).</summary>
    public static int BisectRight(double[] a, double x, int hi)
    {
        int lo = 0;
        while (lo < hi)
        {
            int mid = (int)(((uint)lo + (uint)hi) / 2);
            if (x < a[mid])
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    // itertools.accumulate(weights): running sums, left to right.
    private static double[] Accumulate(IReadOnlyList<double> weights)
    {
        double[] cum = new double[weights.Count];
        double sum = 0.0;
        for (int i = 0; i < cum.Length; i++)
        {
            sum = i == 0 ? weights[0] : sum + weights[i];
            cum[i] = sum;
        }

        return cum;
    }
}

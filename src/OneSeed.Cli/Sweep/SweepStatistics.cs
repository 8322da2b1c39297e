namespace OneSeed.Cli.Sweep;

/// <summary>
/// Summary statistics of a metric over seeds.
/// Standard deviation: the sample standard deviation (divisor n−1; 0 for a single value).
/// Quantiles: NumPy's default (<c>np.quantile(..., method="linear")</c>, Hyndman–Fan type 7): for probability p over
/// the sorted values x[0..n−1], h = (n−1)·p, result = x[⌊h⌋] + (h−⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
/// Outliers: Tukey's rule, values below Q1 − 1.5·IQR or above Q3 + 1.5·IQR (IQR = Q3 − Q1, quantiles as above).
/// </summary>
internal sealed record SweepStatistics(
    int Count, double Mean, double StandardDeviation, double Min, long MinSeed, double Max, long MaxSeed,
    IReadOnlyList<(double P, double Value)> Quantiles, double LowerFence, double UpperFence,
    IReadOnlyList<(long Seed, double Value)> Outliers)
{
    public static readonly double[] Probabilities = [0.05, 0.25, 0.5, 0.75, 0.95];

    public double Q1 => Quantile(0.25);

    public double Median => Quantile(0.5);

    public double Q3 => Quantile(0.75);

    public double Quantile(double p) => Quantiles.First(q => q.P == p).Value;

    public static SweepStatistics? Compute(IReadOnlyList<(long Seed, double Value)> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        double[] sorted = values.Select(v => v.Value).Order().ToArray();
        int n = sorted.Length;
        double mean = 0;
        foreach (double v in sorted)
        {
            mean += v;
        }

        mean /= n;
        double ss = 0;
        foreach (double v in sorted)
        {
            ss += (v - mean) * (v - mean);
        }

        double std = n > 1 ? Math.Sqrt(ss / (n - 1)) : 0;
        var quantiles = Probabilities.Select(p => (p, LinearQuantile(sorted, p))).ToList();
        double q1 = LinearQuantile(sorted, 0.25), q3 = LinearQuantile(sorted, 0.75);
        double iqr = q3 - q1;
        double lower = q1 - (1.5 * iqr), upper = q3 + (1.5 * iqr);
        (long minSeed, double min) = values.OrderBy(v => v.Value).ThenBy(v => v.Seed).Select(v => (v.Seed, v.Value)).First();
        (long maxSeed, double max) = values.OrderByDescending(v => v.Value).ThenBy(v => v.Seed).Select(v => (v.Seed, v.Value)).First();
        var outliers = values.Where(v => v.Value < lower || v.Value > upper).OrderBy(v => v.Seed).ToList();
        return new SweepStatistics(n, mean, std, min, minSeed, max, maxSeed, quantiles, lower, upper, outliers);
    }

    /// <summary>NumPy's default quantile (linear interpolation, type 7) of ascending <paramref name="sorted"/>.</summary>
    public static double LinearQuantile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1.0);
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        double h = (sorted.Count - 1) * p;
        int lo = (int)Math.Floor(h);
        if (lo >= sorted.Count - 1)
        {
            return sorted[^1];
        }

        double frac = h - lo;
        // NumPy's _lerp: a + (b - a) * t, switched to b - (b - a) * (1 - t) for t >= 0.5 to stay exact at the ends.
        double a = sorted[lo], b = sorted[lo + 1], diff = b - a;
        return frac >= 0.5 ? b - (diff * (1 - frac)) : a + (diff * frac);
    }
}

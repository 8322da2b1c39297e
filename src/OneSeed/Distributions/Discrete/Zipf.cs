using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Zipf variates as NumPy draws them (<c>random_zipf</c>, Devroye's rejection method, shared by <c>Generator</c> and
/// <c>RandomState</c>): values that would not fit in an int64 are rejected, so the distribution is truncated there.
/// </summary>
internal static class Zipf
{
    // (double)INT64_MAX, as NumPy compares against it.
    private const double Int64MaxAsDouble = 9223372036854775807.0;

    /// <summary>NumPy's <c>random_zipf(a)</c>.</summary>
    public static long Sample<TSource>(ref TSource source, double a)
        where TSource : struct, IRawSource
    {
        double am1 = a - 1.0;
        double b = Math.Pow(2.0, am1);
        while (true)
        {
            double u = 1.0 - source.NextDouble();
            double v = source.NextDouble();
            double x = Math.Floor(Math.Pow(u, -1.0 / am1));
            if (x > Int64MaxAsDouble || x < 1.0)
            {
                continue;
            }

            double t = Math.Pow(1.0 + (1.0 / x), am1);
            if (v * x * (t - 1.0) / (b - 1.0) <= t / b)
            {
                return CConversions.TruncateToInt64(x);
            }
        }
    }
}

/// <summary><c>zipf(a)</c> of either façade, for bulk fills.</summary>
internal readonly struct ZipfSampler(double a) : ISampler<long>
{
    public bool DrawsWords => true;

    public long Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => Zipf.Sample(ref source, a);
}

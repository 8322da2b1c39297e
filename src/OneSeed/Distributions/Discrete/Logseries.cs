using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Logarithmic-series variates as NumPy draws them (Kemp's method): <c>Generator</c>'s <c>random_logseries</c> with
/// <c>log1p</c> and <c>expm1</c>, <c>RandomState</c>'s <c>legacy_logseries</c> with <c>log(1 - p)</c> and
/// <c>1 - exp(x)</c>.
/// </summary>
internal static class Logseries
{
    /// <summary>NumPy's <c>random_logseries(p)</c>.</summary>
    public static long Sample<TSource>(ref TSource source, double p)
        where TSource : struct, IRawSource
    {
        double r = FdlibmMath.Log1p(-p);
        while (true)
        {
            double v = source.NextDouble();
            if (v >= p)
            {
                return 1;
            }

            double u = source.NextDouble();
            double q = -FdlibmMath.Expm1(r * u);
            if (Tail(v, q, out long result))
            {
                return result;
            }
        }
    }

    /// <summary>NumPy's <c>legacy_logseries(p)</c>.</summary>
    public static long Legacy<TSource>(ref TSource source, double p)
        where TSource : struct, IRawSource
    {
        double r = Math.Log(1.0 - p);
        while (true)
        {
            double v = source.NextDouble();
            if (v >= p)
            {
                return 1;
            }

            double u = source.NextDouble();
            double q = 1.0 - Math.Exp(r * u);
            if (Tail(v, q, out long result))
            {
                return result;
            }
        }
    }

    // The end of an attempt with uniform v and q = 1 - (1 - p)^u: false where NumPy draws again.
    private static bool Tail(double v, double q, out long result)
    {
        if (v <= q * q)
        {
            result = CConversions.TruncateToInt64(Math.Floor(1 + (Math.Log(v) / Math.Log(q))));
            return result >= 1 && v != 0.0;
        }

        result = v >= q ? 1 : 2;
        return true;
    }
}

/// <summary><c>logseries(p)</c> of either façade, for bulk fills.</summary>
internal readonly struct LogseriesSampler(double p, bool legacy) : ISampler<long>
{
    public bool DrawsWords => true;

    public long Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => legacy ? Logseries.Legacy(ref source, p) : Logseries.Sample(ref source, p);
}

using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Geometric variates (trials to the first success) as NumPy draws them: a sequential search for p ≥ 1/3 (both
/// façades), else inversion: <c>Generator</c>'s <c>ceil(-E / log1p(-p))</c> over the ziggurat exponential,
/// <c>RandomState</c>'s <c>ceil(log1p(-U) / log(1 - p))</c>.
/// </summary>
internal static class Geometric
{
    private const double SearchFrom = 0.333333333333333333333333;

    /// <summary>NumPy's <c>random_geometric(p)</c>.</summary>
    public static long Sample<TSource>(ref TSource source, double p)
        where TSource : struct, IRawSource =>
        p >= SearchFrom ? Search(ref source, p) : CConversions.TruncateToInt64(Math.Ceiling(-StandardExponential.Sample(ref source) / FdlibmMath.Log1p(-p)));

    /// <summary>NumPy's <c>legacy_random_geometric(p)</c>.</summary>
    public static long Legacy<TSource>(ref TSource source, double p)
        where TSource : struct, IRawSource =>
        p >= SearchFrom ? Search(ref source, p) : CConversions.TruncateToInt64(Math.Ceiling(FdlibmMath.Log1p(-source.NextDouble()) / Math.Log(1 - p)));

    private static long Search<TSource>(ref TSource source, double p)
        where TSource : struct, IRawSource
    {
        long x = 1;
        double sum = p, product = p;
        double q = 1.0 - p;
        double u = source.NextDouble();
        while (u > sum)
        {
            product *= q;
            sum += product;
            x++;
        }

        return x;
    }
}

/// <summary><c>geometric(p)</c> of either façade, for bulk fills.</summary>
internal readonly struct GeometricSampler(double p, bool legacy) : ISampler<long>
{
    public bool DrawsWords => true;

    public long Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => legacy ? Geometric.Legacy(ref source, p) : Geometric.Sample(ref source, p);
}

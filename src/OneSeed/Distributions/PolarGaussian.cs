using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// NumPy's legacy <c>legacy_gauss</c> (what <c>RandomState.standard_normal</c> uses): Marsaglia's polar method, which
/// makes two normals per accepted pair and caches the second (<c>has_gauss</c>, <c>gauss</c>: part of the state).
/// </summary>
/// <remarks>
/// A mutable struct held by its owner and passed by reference, so the cache is never copied by accident.
/// <c>log</c> is the platform's (<see cref="Math.Log(double)"/>), as in NumPy: glibc's on Linux.
/// </remarks>
internal struct PolarGaussian : ISampler<double>
{
    public bool HasCached;

    public double Cached;

    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource
    {
        if (HasCached)
        {
            double cached = Cached;
            HasCached = false;
            Cached = 0.0;
            return cached;
        }

        double x1, x2, r2;
        do
        {
            x1 = (2.0 * source.NextDouble()) - 1.0;
            x2 = (2.0 * source.NextDouble()) - 1.0;
            r2 = (x1 * x1) + (x2 * x2);
        }
        while (r2 >= 1.0 || r2 == 0.0);

        double f = Math.Sqrt(-2.0 * Math.Log(r2) / r2);
        Cached = f * x1;
        HasCached = true;
        return f * x2;
    }
}

namespace OneSeed.Distributions;

/// <summary>
/// Poisson variates as torch's CPU <c>_s_poisson_cpu</c> draws them (<c>sample_poisson</c> in
/// <c>aten/src/ATen/native/Distributions.cpp</c>, adapted from NumPy's): Hörmann's transformed rejection (PTRS) for
/// rates from 10 on, the multiplication method below, and 0 without a draw for a rate of 0. Unlike NumPy's, its
/// acceptance test calls the C library's <c>lgamma</c> (<see cref="GlibcLogGamma"/>), and every uniform is torch's
/// 53-bit double.
/// </summary>
internal static class TorchPoisson
{
    /// <summary>
    /// One variate for a rate λ ≥ 0 (or +∞) as torch's <c>int64_t</c>. A rate whose variate does not fit an
    /// <c>int64_t</c> (+∞, or beyond about 9.2e18) gives <see cref="long.MinValue"/>, which is what x86-64's
    /// conversion makes of torch's <c>(int64_t)std::floor(...)</c> there (<see cref="CConversions.TruncateToInt64"/>).
    /// </summary>
    public static long Sample<TSource>(ref TSource source, double lambda)
        where TSource : struct, ITorchVariates
    {
        if (lambda >= 10)
        {
            double slam = Math.Sqrt(lambda);
            double loglam = Math.Log(lambda);
            double b = 0.931 + (2.53 * slam);
            double a = -0.059 + (0.02483 * b);
            double invalpha = 1.1239 + (1.1328 / (b - 3.4));
            double vr = 0.9277 - (3.6224 / (b - 2));
            while (true)
            {
                double u = source.NextDouble() - 0.5;
                double v = source.NextDouble();
                double us = 0.5 - Math.Abs(u);
                long k = CConversions.TruncateToInt64(Math.Floor((((2 * a / us) + b) * u) + lambda + 0.43));
                if (us >= 0.07 && v <= vr)
                {
                    return k;
                }

                if (k < 0 || (us < 0.013 && v > us))
                {
                    continue;
                }

                if (Math.Log(v) + Math.Log(invalpha) - Math.Log((a / (us * us)) + b) <= -lambda + (k * loglam) - GlibcLogGamma.Lgamma((double)k + 1))
                {
                    return k;
                }
            }
        }

        if (lambda == 0)
        {
            return 0;
        }

        double enlam = Math.Exp(-lambda);
        long x = 0;
        double prod = 1.0;
        while (true)
        {
            prod *= source.NextDouble();
            if (prod > enlam)
            {
                x++;
            }
            else
            {
                return x;
            }
        }
    }
}

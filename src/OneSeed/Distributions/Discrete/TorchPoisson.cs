namespace OneSeed.Distributions;

/// <summary>
/// Poisson variates as torch's CPU <c>_s_poisson_cpu</c> draws them (<c>sample_poisson</c> in
/// <c>aten/src/ATen/native/Distributions.cpp</c>, adapted from NumPy's): Hörmann's transformed rejection (PTRS) for
/// rates from 10 on, the multiplication method below, and 0 without a draw for a rate of 0. Unlike NumPy's, its
/// acceptance test calls the C library's <c>lgamma</c> (<see cref="GlibcLogGamma"/>), and every uniform is torch's
/// 53-bit double.
/// </summary>
internal readonly struct TorchPoisson
{
    private readonly double _lambda;
    private readonly double _slam;
    private readonly double _loglam;
    private readonly double _b;
    private readonly double _a;
    private readonly double _invalpha;
    private readonly double _vr;
    private readonly double _logInvalpha;
    private readonly double _enlam;

    /// <summary>
    /// The constants of a rate λ ≥ 0 (or +∞), computed once: a tensor of equal rates (the usual case) pays for them
    /// once, not once per value. Each is the value torch computes per value, by the same operations.
    /// </summary>
    public TorchPoisson(double lambda)
    {
        _lambda = lambda;
        if (lambda >= 10)
        {
            _slam = Math.Sqrt(lambda);
            _loglam = Math.Log(lambda);
            _b = 0.931 + (2.53 * _slam);
            _a = -0.059 + (0.02483 * _b);
            _invalpha = 1.1239 + (1.1328 / (_b - 3.4));
            _vr = 0.9277 - (3.6224 / (_b - 2));

            // torch takes log(invalpha) inside its loop, the same value every time.
            _logInvalpha = Math.Log(_invalpha);
        }
        else if (lambda != 0)
        {
            _enlam = Math.Exp(-lambda);
        }
    }

    /// <summary>The rate these constants are for.</summary>
    public double Lambda => _lambda;

    /// <summary>
    /// One variate as torch's <c>int64_t</c>. A rate whose variate does not fit an <c>int64_t</c> (+∞, or beyond about
    /// 9.2e18) gives <see cref="long.MinValue"/>, which is what x86-64's conversion makes of torch's
    /// <c>(int64_t)std::floor(...)</c> there (<see cref="CConversions.TruncateToInt64"/>).
    /// </summary>
    public long Sample<TSource>(ref TSource source)
        where TSource : struct, ITorchVariates
    {
        double lambda = _lambda;
        if (lambda >= 10)
        {
            while (true)
            {
                double u = source.NextDouble() - 0.5;
                double v = source.NextDouble();
                double us = 0.5 - Math.Abs(u);
                long k = CConversions.TruncateToInt64(Math.Floor((((2 * _a / us) + _b) * u) + lambda + 0.43));
                if (us >= 0.07 && v <= _vr)
                {
                    return k;
                }

                if (k < 0 || (us < 0.013 && v > us))
                {
                    continue;
                }

                if (Math.Log(v) + _logInvalpha - Math.Log((_a / (us * us)) + _b) <= -lambda + (k * _loglam) - GlibcLogGamma.Lgamma((double)k + 1))
                {
                    return k;
                }
            }
        }

        if (lambda == 0)
        {
            return 0;
        }

        long x = 0;
        double prod = 1.0;
        while (true)
        {
            prod *= source.NextDouble();
            if (prod > _enlam)
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

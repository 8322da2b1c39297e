using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Poisson variates as NumPy draws them (<c>random_poisson</c>, shared by <c>Generator</c> and <c>RandomState</c>):
/// the multiplication method below λ = 10, Hörmann's transformed rejection (PTRS) from 10 on, and 0 without a draw
/// for λ = 0. Also the negative binomial, a Poisson with a gamma-distributed rate.
/// </summary>
internal readonly struct Poisson
{
    private readonly double _lam;

    // The multiplication method's exp(-lam); PTRS's constants (Hörmann's b, a, 1/alpha and v_r, and log(lam), sqrt(lam)).
    private readonly double _enlam;
    private readonly double _slam;
    private readonly double _loglam;
    private readonly double _b;
    private readonly double _a;
    private readonly double _logInvalpha;
    private readonly double _vr;

    /// <summary>The sampler of rate <paramref name="lam"/>: NumPy computes these constants for every value, a sampler once (the same values).</summary>
    public Poisson(double lam)
    {
        _lam = lam;
        if (lam >= 10)
        {
            _slam = Math.Sqrt(lam);
            _loglam = Math.Log(lam);
            _b = 0.931 + (2.53 * _slam);
            _a = -0.059 + (0.02483 * _b);
            _logInvalpha = Math.Log(1.1239 + (1.1328 / (_b - 3.4)));
            _vr = 0.9277 - (3.6224 / (_b - 2));
        }
        else
        {
            _enlam = Math.Exp(-lam);
        }
    }

    /// <summary>NumPy's <c>random_poisson(lam)</c> for a rate used once (the negative binomial's, say).</summary>
    public static long Sample<TSource>(ref TSource source, double lam)
        where TSource : struct, IRawSource => new Poisson(lam).Sample(ref source);

    /// <summary>One value of <c>random_poisson</c> for this rate.</summary>
    public long Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource
    {
        if (_lam >= 10)
        {
            return Ptrs(ref source);
        }

        return _lam == 0 ? 0 : Multiplication(ref source);
    }

    private long Multiplication<TSource>(ref TSource source)
        where TSource : struct, IRawSource
    {
        long x = 0;
        double product = 1.0;
        while (true)
        {
            product *= source.NextDouble();
            if (product > _enlam)
            {
                x += 1;
            }
            else
            {
                return x;
            }
        }
    }

    // W. Hörmann, "The transformed rejection method for generating Poisson random variables" (1993), as NumPy writes it.
    private long Ptrs<TSource>(ref TSource source)
        where TSource : struct, IRawSource
    {
        double lam = _lam, a = _a, b = _b;
        while (true)
        {
            double u = source.NextDouble() - 0.5;
            double v = source.NextDouble();
            double us = 0.5 - Math.Abs(u);
            long k = CConversions.TruncateToInt64(Math.Floor((((2 * a / us) + b) * u) + lam + 0.43));
            if (us >= 0.07 && v <= _vr)
            {
                return k;
            }

            if (k < 0 || (us < 0.013 && v > us))
            {
                continue;
            }

            // log(v) = log(0) is fine: it accepts.
            if (Math.Log(v) + _logInvalpha - Math.Log((a / (us * us)) + b) <= -lam + (k * _loglam) - LogGamma.RandomLoggam(k + 1))
            {
                return k;
            }
        }
    }
}

/// <summary><c>poisson(lam)</c> of either façade (one function serves both), for bulk fills.</summary>
internal readonly struct PoissonSampler(double lam) : ISampler<long>
{
    private readonly Poisson _poisson = new(lam);

    public bool DrawsWords => lam != 0;

    public long Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => _poisson.Sample(ref source);
}

/// <summary><c>Generator.negative_binomial(n, p)</c>.</summary>
/// <remarks>NumPy's <c>random_negative_binomial(n, p)</c>: a Poisson whose rate is <c>gamma(n, (1 - p) / p)</c>.</remarks>
internal readonly struct NegativeBinomialSampler(double n, double p) : ISampler<long>
{
    public bool DrawsWords => true;

    private readonly Gamma _gamma = new(n);

    public long Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => Poisson.Sample(ref source, (1 - p) / p * _gamma.Sample(ref source));
}

/// <summary><c>RandomState.negative_binomial(n, p)</c>.</summary>
/// <remarks>NumPy's <c>legacy_negative_binomial(n, p)</c>: the same over a legacy gamma.</remarks>
internal struct LegacyNegativeBinomialSampler(double n, double p) : ILegacySampler<long>
{
    public bool DrawsWords => true;

    private readonly Gamma _gamma = new(n);
    private PolarGaussian _gauss;

    public PolarGaussian Gauss { readonly get => _gauss; set => _gauss = value; }

    public long Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => Poisson.Sample(ref source, (1 - p) / p * _gamma.SampleLegacy(ref source, ref _gauss));
}

using System.Runtime.Intrinsics;
using OneSeed.Distributions;
using OneSeed.Engines;

namespace OneSeed.Compat;

// NumPy's legacy univariate distributions (numpy/random/mtrand.pyx over numpy/random/src/legacy): the polar normal with
// its cache, -log(1 - U) exponentials and NumPy 1.16's algorithms where Generator changed them. Each draws as NumPy's C
// function, value by value, so a size-n call draws exactly what n scalar calls draw (and what NumPy's broadcasting
// over parameter arrays draws for those values), Gaussian cache included.
public sealed partial class NumPyRandomState
{
    /// <summary>A beta variate (Jöhnk's algorithm when both parameters are at most 1, else a ratio of legacy gammas), as NumPy's <c>RandomState.beta(a, b)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">a or b is ≤ 0.</exception>
    public double Beta(double a, double b)
    {
        NumPyConstraints.Positive(a, nameof(a));
        NumPyConstraints.Positive(b, nameof(b));
        return SampleWithGauss(new LegacyBetaSampler(a, b));
    }

    /// <summary><paramref name="size"/> values of <see cref="Beta(double, double)"/>, as NumPy's <c>RandomState.beta(a, b, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">a or b is ≤ 0, or <paramref name="size"/> is negative.</exception>
    public double[] Beta(double a, double b, int size)
    {
        NumPyConstraints.Positive(a, nameof(a));
        NumPyConstraints.Positive(b, nameof(b));
        if (a <= 1 && b <= 1 && RejectionBatches.IsSupported(_engine))
        {
            // Jöhnk's method draws no normal: the Gaussian cache stays as it is.
            return SamplerCalls.Filled(size, result => RejectionBatches.Fill(_engine, result, new RejectionBatches.JohnkKernel(a, b, legacy: true)));
        }

        if (a > 1 && b > 1 && GlibcExactLogSinCos.IsSupported && UInt64DrawCursor.CanBuffer(_engine))
        {
            return SamplerCalls.Filled(size, result => LegacyPairBlocks<LegacyBetaPairKernel>.Fill(_engine, ref _gauss, new LegacyBetaPairKernel(a, b), result));
        }

        return SamplesWithGauss(new LegacyBetaSampler(a, b), size);
    }

    /// <summary>A chi-square variate with <paramref name="df"/> degrees of freedom, as NumPy's <c>RandomState.chisquare(df)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">df is ≤ 0.</exception>
    public double Chisquare(double df)
    {
        NumPyConstraints.Positive(df, nameof(df));
        return SampleWithGauss(new LegacyGammaSampler(df / 2.0, 2.0));
    }

    /// <summary><paramref name="size"/> values of <see cref="Chisquare(double)"/>, as NumPy's <c>RandomState.chisquare(df, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">df is ≤ 0, or <paramref name="size"/> is negative.</exception>
    public double[] Chisquare(double df, int size)
    {
        NumPyConstraints.Positive(df, nameof(df));
        return SamplerCalls.Filled(size, result => Distributions.Gamma.FillLegacy(_engine, ref _gauss, df / 2.0, 2.0, result));
    }

    /// <summary>An exponential variate with mean <paramref name="scale"/>: <c>scale * -log(1 - U)</c>, as NumPy's <c>RandomState.exponential(scale)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">scale is negative.</exception>
    public double Exponential(double scale = 1.0)
    {
        NumPyConstraints.NonNegative(scale, nameof(scale));
        return Sample(new LegacyExponentialSampler(scale));
    }

    /// <summary><paramref name="size"/> values of <see cref="Exponential(double)"/>, as NumPy's <c>RandomState.exponential(scale, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">scale is negative, or <paramref name="size"/> is negative.</exception>
    public double[] Exponential(double scale, int size)
    {
        NumPyConstraints.NonNegative(scale, nameof(scale));
        return SamplerCalls.Filled(size, result => FillExponential(scale, result));
    }

    /// <summary>An F variate, as NumPy's <c>RandomState.f(dfnum, dfden)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">dfnum or dfden is ≤ 0.</exception>
    public double F(double dfnum, double dfden)
    {
        NumPyConstraints.Positive(dfnum, nameof(dfnum));
        NumPyConstraints.Positive(dfden, nameof(dfden));
        return SampleWithGauss(new LegacyFSampler(dfnum, dfden));
    }

    /// <summary><paramref name="size"/> values of <see cref="F(double, double)"/>, as NumPy's <c>RandomState.f(dfnum, dfden, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">dfnum or dfden is ≤ 0, or <paramref name="size"/> is negative.</exception>
    public double[] F(double dfnum, double dfden, int size)
    {
        NumPyConstraints.Positive(dfnum, nameof(dfnum));
        NumPyConstraints.Positive(dfden, nameof(dfden));
        return SamplesWithGauss(new LegacyFSampler(dfnum, dfden), size);
    }

    /// <summary>A gamma variate: <c>scale * standard_gamma(shape)</c>, as NumPy's <c>RandomState.gamma(shape, scale)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">shape or scale is negative (−0.0 included; NaN is accepted, as in NumPy).</exception>
    public double Gamma(double shape, double scale = 1.0)
    {
        NumPyConstraints.NonNegative(shape, nameof(shape));
        NumPyConstraints.NonNegative(scale, nameof(scale));
        return SampleWithGauss(new LegacyGammaSampler(shape, scale));
    }

    /// <summary><paramref name="size"/> values of <see cref="Gamma(double, double)"/>, as NumPy's <c>RandomState.gamma(shape, scale, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">shape or scale is negative (−0.0 included; NaN is accepted, as in NumPy), or <paramref name="size"/> is negative.</exception>
    public double[] Gamma(double shape, double scale, int size)
    {
        NumPyConstraints.NonNegative(shape, nameof(shape));
        NumPyConstraints.NonNegative(scale, nameof(scale));
        return SamplerCalls.Filled(size, result => Distributions.Gamma.FillLegacy(_engine, ref _gauss, shape, scale, result));
    }

    /// <summary>A Gumbel variate, as NumPy's <c>RandomState.gumbel(loc, scale)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">scale is negative.</exception>
    public double Gumbel(double loc = 0.0, double scale = 1.0)
    {
        NumPyConstraints.NonNegative(scale, nameof(scale));
        return Sample(new UniformTransformSampler(UniformTransform.Gumbel, loc, scale));
    }

    /// <summary><paramref name="size"/> values of <see cref="Gumbel(double, double)"/>, as NumPy's <c>RandomState.gumbel(loc, scale, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">scale is negative, or <paramref name="size"/> is negative.</exception>
    public double[] Gumbel(double loc, double scale, int size)
    {
        NumPyConstraints.NonNegative(scale, nameof(scale));
        return SamplerCalls.Filled(size, result => UniformTransforms.Fill(_engine, UniformTransform.Gumbel, loc, scale, result));
    }

    /// <summary>A Laplace (double exponential) variate, as NumPy's <c>RandomState.laplace(loc, scale)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">scale is negative.</exception>
    public double Laplace(double loc = 0.0, double scale = 1.0)
    {
        NumPyConstraints.NonNegative(scale, nameof(scale));
        return Sample(new UniformTransformSampler(UniformTransform.Laplace, loc, scale));
    }

    /// <summary><paramref name="size"/> values of <see cref="Laplace(double, double)"/>, as NumPy's <c>RandomState.laplace(loc, scale, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">scale is negative, or <paramref name="size"/> is negative.</exception>
    public double[] Laplace(double loc, double scale, int size)
    {
        NumPyConstraints.NonNegative(scale, nameof(scale));
        return SamplerCalls.Filled(size, result => UniformTransforms.Fill(_engine, UniformTransform.Laplace, loc, scale, result));
    }

    /// <summary>A logistic variate, as NumPy's <c>RandomState.logistic(loc, scale)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">scale is negative.</exception>
    public double Logistic(double loc = 0.0, double scale = 1.0)
    {
        NumPyConstraints.NonNegative(scale, nameof(scale));
        return Sample(new UniformTransformSampler(UniformTransform.Logistic, loc, scale));
    }

    /// <summary><paramref name="size"/> values of <see cref="Logistic(double, double)"/>, as NumPy's <c>RandomState.logistic(loc, scale, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">scale is negative, or <paramref name="size"/> is negative.</exception>
    public double[] Logistic(double loc, double scale, int size)
    {
        NumPyConstraints.NonNegative(scale, nameof(scale));
        return SamplerCalls.Filled(size, result => UniformTransforms.Fill(_engine, UniformTransform.Logistic, loc, scale, result));
    }

    /// <summary>A log-normal variate: <c>exp(mean + sigma * standard_normal())</c> over the polar normal, as NumPy's <c>RandomState.lognormal(mean, sigma)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">sigma is negative.</exception>
    public double Lognormal(double mean = 0.0, double sigma = 1.0)
    {
        NumPyConstraints.NonNegative(sigma, nameof(sigma));
        return SampleWithGauss(new LegacyNormalTransformSampler(NormalTransform.Lognormal, mean, sigma));
    }

    /// <summary><paramref name="size"/> values of <see cref="Lognormal(double, double)"/>, as NumPy's <c>RandomState.lognormal(mean, sigma, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">sigma is negative, or <paramref name="size"/> is negative.</exception>
    public double[] Lognormal(double mean, double sigma, int size)
    {
        NumPyConstraints.NonNegative(sigma, nameof(sigma));
        return SamplerCalls.Filled(size, result => NormalTransforms.FillLegacy(_engine, ref _gauss, NormalTransform.Lognormal, mean, sigma, result));
    }

    /// <summary>A noncentral chi-square variate, as NumPy's <c>RandomState.noncentral_chisquare(df, nonc)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">df is ≤ 0 or nonc is negative.</exception>
    public double NoncentralChisquare(double df, double nonc)
    {
        NumPyConstraints.Positive(df, nameof(df));
        NumPyConstraints.NonNegative(nonc, nameof(nonc));
        return SampleWithGauss(new LegacyNoncentralChisquareSampler(df, nonc));
    }

    /// <summary><paramref name="size"/> values of <see cref="NoncentralChisquare(double, double)"/>, as NumPy's <c>RandomState.noncentral_chisquare(df, nonc, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">df is ≤ 0 or nonc is negative, or <paramref name="size"/> is negative.</exception>
    public double[] NoncentralChisquare(double df, double nonc, int size)
    {
        NumPyConstraints.Positive(df, nameof(df));
        NumPyConstraints.NonNegative(nonc, nameof(nonc));
        return SamplesWithGauss(new LegacyNoncentralChisquareSampler(df, nonc), size);
    }

    /// <summary>A noncentral F variate, as NumPy's <c>RandomState.noncentral_f(dfnum, dfden, nonc)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">dfnum or dfden is ≤ 0, or nonc is negative.</exception>
    public double NoncentralF(double dfnum, double dfden, double nonc)
    {
        NumPyConstraints.Positive(dfnum, nameof(dfnum));
        NumPyConstraints.Positive(dfden, nameof(dfden));
        NumPyConstraints.NonNegative(nonc, nameof(nonc));
        return SampleWithGauss(new LegacyNoncentralFSampler(dfnum, dfden, nonc));
    }

    /// <summary><paramref name="size"/> values of <see cref="NoncentralF(double, double, double)"/>, as NumPy's <c>RandomState.noncentral_f(dfnum, dfden, nonc, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">dfnum or dfden is ≤ 0, or nonc is negative, or <paramref name="size"/> is negative.</exception>
    public double[] NoncentralF(double dfnum, double dfden, double nonc, int size)
    {
        NumPyConstraints.Positive(dfnum, nameof(dfnum));
        NumPyConstraints.Positive(dfden, nameof(dfden));
        NumPyConstraints.NonNegative(nonc, nameof(nonc));
        return SamplesWithGauss(new LegacyNoncentralFSampler(dfnum, dfden, nonc), size);
    }

    /// <summary>A Pareto II (Lomax) variate: <c>exp(E / a) - 1</c>, as NumPy's <c>RandomState.pareto(a)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">a is ≤ 0.</exception>
    public double Pareto(double a)
    {
        NumPyConstraints.Positive(a, nameof(a));
        return Sample(new ExponentialTransformSampler(ExponentialTransform.LegacyPareto, a));
    }

    /// <summary><paramref name="size"/> values of <see cref="Pareto(double)"/>, as NumPy's <c>RandomState.pareto(a, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">a is ≤ 0, or <paramref name="size"/> is negative.</exception>
    public double[] Pareto(double a, int size)
    {
        NumPyConstraints.Positive(a, nameof(a));
        return SamplerCalls.Filled(size, result => ExponentialTransforms.Fill(_engine, ExponentialTransform.LegacyPareto, a, result));
    }

    /// <summary>A power-function variate on [0, 1]: <c>(1 - exp(-E))^(1/a)</c>, as NumPy's <c>RandomState.power(a)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">a is ≤ 0.</exception>
    public double Power(double a)
    {
        NumPyConstraints.Positive(a, nameof(a));
        return Sample(new ExponentialTransformSampler(ExponentialTransform.LegacyPower, a));
    }

    /// <summary><paramref name="size"/> values of <see cref="Power(double)"/>, as NumPy's <c>RandomState.power(a, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">a is ≤ 0, or <paramref name="size"/> is negative.</exception>
    public double[] Power(double a, int size)
    {
        NumPyConstraints.Positive(a, nameof(a));
        return SamplerCalls.Filled(size, result => ExponentialTransforms.Fill(_engine, ExponentialTransform.LegacyPower, a, result));
    }

    /// <summary>A Rayleigh variate: <c>scale * sqrt(-2 log1p(-U))</c>, as NumPy's <c>RandomState.rayleigh(scale)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">scale is negative.</exception>
    public double Rayleigh(double scale = 1.0)
    {
        NumPyConstraints.NonNegative(scale, nameof(scale));
        return Sample(new ExponentialTransformSampler(ExponentialTransform.LegacyRayleigh, scale));
    }

    /// <summary><paramref name="size"/> values of <see cref="Rayleigh(double)"/>, as NumPy's <c>RandomState.rayleigh(scale, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">scale is negative, or <paramref name="size"/> is negative.</exception>
    public double[] Rayleigh(double scale, int size)
    {
        NumPyConstraints.NonNegative(scale, nameof(scale));
        return SamplerCalls.Filled(size, result => ExponentialTransforms.Fill(_engine, ExponentialTransform.LegacyRayleigh, scale, result));
    }

    /// <summary>A standard Cauchy variate: the ratio of two polar normals, as NumPy's <c>RandomState.standard_cauchy()</c>.</summary>
    public double StandardCauchy()
    {
        return SampleWithGauss(new LegacyNormalTransformSampler(NormalTransform.StandardCauchy, 0, 0));
    }

    /// <summary><paramref name="size"/> values of <see cref="StandardCauchy()"/>, as NumPy's <c>RandomState.standard_cauchy(size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    public double[] StandardCauchy(int size)
    {
        return SamplerCalls.Filled(size, result => NormalTransforms.FillLegacy(_engine, ref _gauss, NormalTransform.StandardCauchy, 0, 0, result));
    }

    /// <summary>A standard exponential variate: <c>-log(1 - U)</c>, as NumPy's <c>RandomState.standard_exponential()</c>.</summary>
    public double StandardExponential()
    {
        return Sample(new LegacyExponentialSampler(1.0));
    }

    /// <summary><paramref name="size"/> values of <see cref="StandardExponential()"/>, as NumPy's <c>RandomState.standard_exponential(size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    public double[] StandardExponential(int size)
    {
        return SamplerCalls.Filled(size, result => FillExponential(1.0, result));
    }

    /// <summary>A standard gamma variate (Marsaglia and Tsang over the polar normal; for shape &lt; 1 a rejection method), as NumPy's <c>RandomState.standard_gamma(shape)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">shape is negative.</exception>
    public double StandardGamma(double shape)
    {
        NumPyConstraints.NonNegative(shape, nameof(shape));
        return SampleWithGauss(new LegacyGammaSampler(shape, 1.0));
    }

    /// <summary><paramref name="size"/> values of <see cref="StandardGamma(double)"/>, as NumPy's <c>RandomState.standard_gamma(shape, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">shape is negative, or <paramref name="size"/> is negative.</exception>
    public double[] StandardGamma(double shape, int size)
    {
        NumPyConstraints.NonNegative(shape, nameof(shape));
        return SamplerCalls.Filled(size, result => Distributions.Gamma.FillLegacy(_engine, ref _gauss, shape, 1.0, result));
    }

    /// <summary>A Student's t variate, as NumPy's <c>RandomState.standard_t(df)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">df is ≤ 0.</exception>
    public double StandardT(double df)
    {
        NumPyConstraints.Positive(df, nameof(df));
        return SampleWithGauss(new LegacyStandardTSampler(df));
    }

    /// <summary><paramref name="size"/> values of <see cref="StandardT(double)"/>, as NumPy's <c>RandomState.standard_t(df, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">df is ≤ 0, or <paramref name="size"/> is negative.</exception>
    public double[] StandardT(double df, int size)
    {
        NumPyConstraints.Positive(df, nameof(df));
        if (df > 2 && GlibcExactLogSinCos.IsSupported && UInt64DrawCursor.CanBuffer(_engine))
        {
            return SamplerCalls.Filled(size, result => LegacyPairBlocks<LegacyStudentTPairKernel>.Fill(_engine, ref _gauss, new LegacyStudentTPairKernel(df), result));
        }

        return SamplesWithGauss(new LegacyStandardTSampler(df), size);
    }

    /// <summary>A triangular variate on [<paramref name="left"/>, <paramref name="right"/>] with its peak at <paramref name="mode"/>, as NumPy's <c>RandomState.triangular(left, mode, right)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">left &gt; mode, mode &gt; right, or left = right.</exception>
    public double Triangular(double left, double mode, double right)
    {
        NumPyConstraints.Triangular(left, mode, right);
        return Sample(new TriangularSampler(left, mode, right));
    }

    /// <summary><paramref name="size"/> values of <see cref="Triangular(double, double, double)"/>, as NumPy's <c>RandomState.triangular(left, mode, right, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">left &gt; mode, mode &gt; right, or left = right, or <paramref name="size"/> is negative.</exception>
    public double[] Triangular(double left, double mode, double right, int size)
    {
        NumPyConstraints.Triangular(left, mode, right);
        return SamplerCalls.Filled(size, result => UniformTransforms.FillTriangular(_engine, left, mode, right, result));
    }

    /// <summary>A von Mises (circular normal) variate in [−π, π], as NumPy's <c>RandomState.vonmises(mu, kappa)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">kappa is negative.</exception>
    public double Vonmises(double mu, double kappa)
    {
        NumPyConstraints.NonNegative(kappa, nameof(kappa));
        return Sample(new VonMisesSampler(mu, kappa, legacy: true));
    }

    /// <summary><paramref name="size"/> values of <see cref="Vonmises(double, double)"/>, as NumPy's <c>RandomState.vonmises(mu, kappa, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">kappa is negative, or <paramref name="size"/> is negative.</exception>
    public double[] Vonmises(double mu, double kappa, int size)
    {
        NumPyConstraints.NonNegative(kappa, nameof(kappa));
        return Samples(new VonMisesSampler(mu, kappa, legacy: true), size);
    }

    /// <summary>A Wald (inverse Gaussian) variate, as NumPy's <c>RandomState.wald(mean, scale)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">mean or scale is ≤ 0.</exception>
    public double Wald(double mean, double scale)
    {
        NumPyConstraints.Positive(mean, nameof(mean));
        NumPyConstraints.Positive(scale, nameof(scale));
        return SampleWithGauss(new LegacyNormalTransformSampler(NormalTransform.Wald, mean, scale));
    }

    /// <summary><paramref name="size"/> values of <see cref="Wald(double, double)"/>, as NumPy's <c>RandomState.wald(mean, scale, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">mean or scale is ≤ 0, or <paramref name="size"/> is negative.</exception>
    public double[] Wald(double mean, double scale, int size)
    {
        NumPyConstraints.Positive(mean, nameof(mean));
        NumPyConstraints.Positive(scale, nameof(scale));
        return SamplesWithGauss(new LegacyNormalTransformSampler(NormalTransform.Wald, mean, scale), size);
    }

    /// <summary>A Weibull variate: <c>E^(1/a)</c>, and 0 without a draw for a = 0, as NumPy's <c>RandomState.weibull(a)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">a is negative.</exception>
    public double Weibull(double a)
    {
        NumPyConstraints.NonNegative(a, nameof(a));
        return Sample(new ExponentialTransformSampler(ExponentialTransform.LegacyWeibull, a));
    }

    /// <summary><paramref name="size"/> values of <see cref="Weibull(double)"/>, as NumPy's <c>RandomState.weibull(a, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">a is negative, or <paramref name="size"/> is negative.</exception>
    public double[] Weibull(double a, int size)
    {
        NumPyConstraints.NonNegative(a, nameof(a));
        return SamplerCalls.Filled(size, result => ExponentialTransforms.Fill(_engine, ExponentialTransform.LegacyWeibull, a, result));
    }

    /// <summary>The number of Bernoulli(<paramref name="p"/>) trials to the first success (a search for p ≥ 1/3, else inversion), as NumPy's <c>RandomState.geometric(p)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">p is not in (0, 1].</exception>
    public long Geometric(double p)
    {
        NumPyConstraints.BoundedAbove0To1(p, nameof(p));
        return SampleInt64(new GeometricSampler(p, legacy: true));
    }

    /// <summary><paramref name="size"/> values of <see cref="Geometric(double)"/>, as NumPy's <c>RandomState.geometric(p, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">p is not in (0, 1], or <paramref name="size"/> is negative.</exception>
    public long[] Geometric(double p, int size)
    {
        NumPyConstraints.BoundedAbove0To1(p, nameof(p));
        if (p >= Distributions.Geometric.SearchFrom && Vector256.IsHardwareAccelerated && UInt64DrawCursor.CanBuffer(_engine))
        {
            return SamplerCalls.Filled<long>(size, result => Distributions.Geometric.FillSearch(_engine, result, p));
        }

        return SamplesInt64(new GeometricSampler(p, legacy: true), size);
    }

    /// <summary>A logarithmic-series variate, as NumPy's <c>RandomState.logseries(p)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">p is not in [0, 1).</exception>
    public long Logseries(double p)
    {
        NumPyConstraints.Bounded0ToBelow1(p, nameof(p));
        return SampleInt64(new LogseriesSampler(p, legacy: true));
    }

    /// <summary><paramref name="size"/> values of <see cref="Logseries(double)"/>, as NumPy's <c>RandomState.logseries(p, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">p is not in [0, 1), or <paramref name="size"/> is negative.</exception>
    public long[] Logseries(double p, int size)
    {
        NumPyConstraints.Bounded0ToBelow1(p, nameof(p));
        return SamplesInt64(new LogseriesSampler(p, legacy: true), size);
    }

    /// <summary>A Poisson variate with rate <paramref name="lam"/>, as NumPy's <c>RandomState.poisson(lam)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">lam is negative, NaN or too large.</exception>
    public long Poisson(double lam = 1.0)
    {
        NumPyConstraints.Poisson(lam, nameof(lam));
        return SampleInt64(new PoissonSampler(lam));
    }

    /// <summary><paramref name="size"/> values of <see cref="Poisson(double)"/>, as NumPy's <c>RandomState.poisson(lam, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">lam is negative, NaN or too large, or <paramref name="size"/> is negative.</exception>
    public long[] Poisson(double lam, int size)
    {
        NumPyConstraints.Poisson(lam, nameof(lam));
        return SamplerCalls.Filled<long>(size, result => new Distributions.Poisson(lam).Fill(_engine, result));
    }

    /// <summary>A Zipf variate with exponent <paramref name="a"/>, as NumPy's <c>RandomState.zipf(a)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">a is not greater than 1.</exception>
    public long Zipf(double a)
    {
        NumPyConstraints.GreaterThan1(a, nameof(a));
        return SampleInt64(new ZipfSampler(a));
    }

    /// <summary><paramref name="size"/> values of <see cref="Zipf(double)"/>, as NumPy's <c>RandomState.zipf(a, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">a is not greater than 1, or <paramref name="size"/> is negative.</exception>
    public long[] Zipf(double a, int size)
    {
        NumPyConstraints.GreaterThan1(a, nameof(a));
        return SamplesInt64(new ZipfSampler(a), size);
    }

    /// <summary>A negative binomial variate (a Poisson with a legacy-gamma rate; <paramref name="n"/> may be fractional), as NumPy's <c>RandomState.negative_binomial(n, p)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">n is ≤ 0 or p is not in [0, 1].</exception>
    public long NegativeBinomial(double n, double p)
    {
        NumPyConstraints.Positive(n, nameof(n));
        NumPyConstraints.Bounded0To1(p, nameof(p));
        return SampleInt64WithGauss(new LegacyNegativeBinomialSampler(n, p));
    }

    /// <summary><paramref name="size"/> values of <see cref="NegativeBinomial(double, double)"/>, as NumPy's <c>RandomState.negative_binomial(n, p, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">n is ≤ 0 or p is not in [0, 1], or <paramref name="size"/> is negative.</exception>
    public long[] NegativeBinomial(double n, double p, int size)
    {
        NumPyConstraints.Positive(n, nameof(n));
        NumPyConstraints.Bounded0To1(p, nameof(p));
        return SamplesInt64WithGauss(new LegacyNegativeBinomialSampler(n, p), size);
    }
    /// <summary>
    /// A binomial variate: successes in <paramref name="n"/> trials of probability <paramref name="p"/>, as NumPy's
    /// <c>RandomState.binomial(n, p)</c> (<c>legacy_random_binomial</c>: unlike <c>Generator</c>'s, it draws once even for n = 0 or p = 0).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not in [0, 1] (NaN included), or <paramref name="n"/> is negative.</exception>
    public long Binomial(long n, double p)
    {
        NumPyConstraints.Binomial(n, p);
        return SampleInt64(new BinomialSampler(n, p, legacy: true));
    }

    /// <summary><paramref name="size"/> values of <see cref="Binomial(long, double)"/>, as NumPy's <c>RandomState.binomial(n, p, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">See <see cref="Binomial(long, double)"/>; or <paramref name="size"/> is negative.</exception>
    public long[] Binomial(long n, double p, int size)
    {
        NumPyConstraints.Binomial(n, p);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        long[] result = ResultArrays.Uninitialized<long>(size);
        new BinomialSampler(n, p, legacy: true).Fill(_engine, result);
        return result;
    }

    /// <summary>
    /// A hypergeometric variate, as NumPy's <c>RandomState.hypergeometric(ngood, nbad, nsample)</c> (NumPy 1.16's HRUA
    /// for nsample &gt; 10, else its inversion).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ngood"/> or <paramref name="nbad"/> is negative; <paramref name="nsample"/> is below 1 or exceeds ngood + nbad.</exception>
    public long Hypergeometric(long ngood, long nbad, long nsample)
    {
        CheckHypergeometric(ngood, nbad, nsample);
        return SampleInt64(new HypergeometricSampler(ngood, nbad, nsample, legacy: true));
    }

    /// <summary><paramref name="size"/> values of <see cref="Hypergeometric(long, long, long)"/>, as NumPy's <c>RandomState.hypergeometric(ngood, nbad, nsample, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">See <see cref="Hypergeometric(long, long, long)"/>; or <paramref name="size"/> is negative.</exception>
    public long[] Hypergeometric(long ngood, long nbad, long nsample, int size)
    {
        CheckHypergeometric(ngood, nbad, nsample);
        return SamplesInt64(new HypergeometricSampler(ngood, nbad, nsample, legacy: true), size);
    }

    /// <summary>A non-negative integer from 63 random bits (<c>next_uint64 &gt;&gt; 1</c>), as NumPy's <c>RandomState.tomaxint()</c> on 64-bit Linux.</summary>
    public long Tomaxint() => (long)(_engine.NextUInt64() >> 1);

    /// <summary><paramref name="size"/> values of <see cref="Tomaxint()"/>, as NumPy's <c>RandomState.tomaxint(size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    public long[] Tomaxint(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        long[] result = ResultArrays.Uninitialized<long>(size);
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = Tomaxint();
        }

        return result;
    }

    /// <summary>
    /// <paramref name="length"/> random bytes, as NumPy's <c>RandomState.bytes(length)</c>: ⌈length/4⌉ 32-bit draws,
    /// little-endian, truncated (and, as in NumPy, one draw for a length of 0).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public byte[] Bytes(int length) => NumPyGenerator.Bytes(_engine, length);

    /// <summary>One double in [0, 1), as <c>random()</c> (NumPy's alias of <see cref="RandomSample()"/>).</summary>
    public double Random() => RandomSample();

    /// <summary><paramref name="size"/> doubles in [0, 1), as <c>random(size)</c> (NumPy's alias of <see cref="RandomSample(int)"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    public double[] Random(int size) => RandomSample(size);

    private static void CheckHypergeometric(long ngood, long nbad, long nsample)
    {
        if (ngood + nbad < nsample)
        {
            throw new ArgumentOutOfRangeException(nameof(nsample), nsample, $"ngood + nbad < nsample (ngood = {ngood}, nbad = {nbad}): nsample must not exceed ngood + nbad.");
        }

        NumPyConstraints.NonNegative(ngood, nameof(ngood));
        NumPyConstraints.NonNegative(nbad, nameof(nbad));
        NumPyConstraints.AtLeast1(nsample, nameof(nsample));
    }

    private double Sample<TSampler>(TSampler sampler)
        where TSampler : struct, ISampler<double> => SamplerCalls.Double(_engine, ref sampler);

    private long SampleInt64<TSampler>(TSampler sampler)
        where TSampler : struct, ISampler<long> => SamplerCalls.Int64(_engine, ref sampler);

    private double[] Samples<TSampler>(TSampler sampler, int size)
        where TSampler : struct, ISampler<double> => SamplerCalls.Doubles(_engine, ref sampler, size);

    private long[] SamplesInt64<TSampler>(TSampler sampler, int size)
        where TSampler : struct, ISampler<long> => SamplerCalls.Int64s(_engine, ref sampler, size);

    private void FillExponential(double scale, Span<double> destination)
    {
        Distributions.Exponential.FillLegacy(_engine, destination);
        foreach (ref double e in destination)
        {
            e = scale * e;
        }
    }

    // The legacy samplers that draw normals take the Gaussian cache in and hand it back: it is part of the stream.
    private double SampleWithGauss<TSampler>(TSampler sampler)
        where TSampler : struct, ILegacySampler<double>
    {
        sampler.Gauss = _gauss;
        double value = SamplerCalls.Double(_engine, ref sampler);
        _gauss = sampler.Gauss;
        return value;
    }

    private long SampleInt64WithGauss<TSampler>(TSampler sampler)
        where TSampler : struct, ILegacySampler<long>
    {
        sampler.Gauss = _gauss;
        long value = SamplerCalls.Int64(_engine, ref sampler);
        _gauss = sampler.Gauss;
        return value;
    }

    private double[] SamplesWithGauss<TSampler>(TSampler sampler, int size)
        where TSampler : struct, ILegacySampler<double>
    {
        sampler.Gauss = _gauss;
        double[] values = SamplerCalls.Doubles(_engine, ref sampler, size);
        _gauss = sampler.Gauss;
        return values;
    }

    private long[] SamplesInt64WithGauss<TSampler>(TSampler sampler, int size)
        where TSampler : struct, ILegacySampler<long>
    {
        sampler.Gauss = _gauss;
        long[] values = SamplerCalls.Int64s(_engine, ref sampler, size);
        _gauss = sampler.Gauss;
        return values;
    }
}

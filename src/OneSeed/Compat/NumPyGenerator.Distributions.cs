using System.Runtime.Intrinsics;
using OneSeed.Distributions;
using OneSeed.Engines;

namespace OneSeed.Compat;

// NumPy's univariate distributions (numpy/random/_generator.pyx over numpy/random/src/distributions): each with a scalar
// form (size=None) and a size form; every one draws as NumPy's C function, value by value, so a size-n call draws
// exactly what n scalar calls draw, and exactly what NumPy's broadcasting over parameter arrays draws for those values.
public sealed partial class NumPyGenerator
{
    /// <summary>A beta variate with shape parameters <paramref name="a"/> and <paramref name="b"/> (Jöhnk's algorithm when both are at most 1, else a ratio of gammas), as NumPy's <c>Generator.beta(a, b)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">a or b is ≤ 0.</exception>
    public double Beta(double a, double b)
    {
        NumPyConstraints.Positive(a, nameof(a));
        NumPyConstraints.Positive(b, nameof(b));
        return Sample(new BetaSampler(a, b));
    }

    /// <summary><paramref name="size"/> values of <see cref="Beta(double, double)"/>, as NumPy's <c>Generator.beta(a, b, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">a or b is ≤ 0, or <paramref name="size"/> is negative.</exception>
    public double[] Beta(double a, double b, int size)
    {
        NumPyConstraints.Positive(a, nameof(a));
        NumPyConstraints.Positive(b, nameof(b));
        if (a > 1 && b > 1 && MarsagliaTsangBatches.IsSupported(BitGenerator))
        {
            var kernel = new MarsagliaTsangBatches.BetaKernel(a, b);
            return SamplerCalls.Filled(size, result => MarsagliaTsangBatches.Fill(BitGenerator, result, ref kernel));
        }

        if (a <= 1 && b <= 1 && RejectionBatches.IsSupported(BitGenerator))
        {
            return SamplerCalls.Filled(size, result => RejectionBatches.Fill(BitGenerator, result, new RejectionBatches.JohnkKernel(a, b, legacy: false)));
        }

        return Samples(new BetaSampler(a, b), size);
    }

    /// <summary>A chi-square variate with <paramref name="df"/> degrees of freedom (<c>2 * standard_gamma(df / 2)</c>), as NumPy's <c>Generator.chisquare(df)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">df is ≤ 0.</exception>
    public double Chisquare(double df)
    {
        NumPyConstraints.Positive(df, nameof(df));
        return Sample(new GammaSampler(df / 2.0, 2.0));
    }

    /// <summary><paramref name="size"/> values of <see cref="Chisquare(double)"/>, as NumPy's <c>Generator.chisquare(df, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">df is ≤ 0, or <paramref name="size"/> is negative.</exception>
    public double[] Chisquare(double df, int size)
    {
        NumPyConstraints.Positive(df, nameof(df));
        return SamplerCalls.Filled(size, result => Distributions.Gamma.Fill(BitGenerator, df / 2.0, 2.0, result));
    }

    /// <summary>An F variate (the ratio of two chi-squares, each divided by its degrees of freedom), as NumPy's <c>Generator.f(dfnum, dfden)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">dfnum or dfden is ≤ 0.</exception>
    public double F(double dfnum, double dfden)
    {
        NumPyConstraints.Positive(dfnum, nameof(dfnum));
        NumPyConstraints.Positive(dfden, nameof(dfden));
        return Sample(new FSampler(dfnum, dfden));
    }

    /// <summary><paramref name="size"/> values of <see cref="F(double, double)"/>, as NumPy's <c>Generator.f(dfnum, dfden, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">dfnum or dfden is ≤ 0, or <paramref name="size"/> is negative.</exception>
    public double[] F(double dfnum, double dfden, int size)
    {
        NumPyConstraints.Positive(dfnum, nameof(dfnum));
        NumPyConstraints.Positive(dfden, nameof(dfden));
        return Samples(new FSampler(dfnum, dfden), size);
    }

    /// <summary>A gamma variate: <c>scale * standard_gamma(shape)</c>, as NumPy's <c>Generator.gamma(shape, scale)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">shape or scale is negative (−0.0 included; NaN is accepted, as in NumPy).</exception>
    public double Gamma(double shape, double scale = 1.0)
    {
        NumPyConstraints.NonNegative(shape, nameof(shape));
        NumPyConstraints.NonNegative(scale, nameof(scale));
        return Sample(new GammaSampler(shape, scale));
    }

    /// <summary><paramref name="size"/> values of <see cref="Gamma(double, double)"/>, as NumPy's <c>Generator.gamma(shape, scale, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">shape or scale is negative (−0.0 included; NaN is accepted, as in NumPy), or <paramref name="size"/> is negative.</exception>
    public double[] Gamma(double shape, double scale, int size)
    {
        NumPyConstraints.NonNegative(shape, nameof(shape));
        NumPyConstraints.NonNegative(scale, nameof(scale));
        return SamplerCalls.Filled(size, result => Distributions.Gamma.Fill(BitGenerator, shape, scale, result));
    }

    /// <summary>A Gumbel variate: <c>loc - scale * log(-log(1 - U))</c>, as NumPy's <c>Generator.gumbel(loc, scale)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">scale is negative.</exception>
    public double Gumbel(double loc = 0.0, double scale = 1.0)
    {
        NumPyConstraints.NonNegative(scale, nameof(scale));
        return Sample(new UniformTransformSampler(UniformTransform.Gumbel, loc, scale));
    }

    /// <summary><paramref name="size"/> values of <see cref="Gumbel(double, double)"/>, as NumPy's <c>Generator.gumbel(loc, scale, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">scale is negative, or <paramref name="size"/> is negative.</exception>
    public double[] Gumbel(double loc, double scale, int size)
    {
        NumPyConstraints.NonNegative(scale, nameof(scale));
        return SamplerCalls.Filled(size, result => UniformTransforms.Fill(BitGenerator, UniformTransform.Gumbel, loc, scale, result));
    }

    /// <summary>A Laplace (double exponential) variate, as NumPy's <c>Generator.laplace(loc, scale)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">scale is negative.</exception>
    public double Laplace(double loc = 0.0, double scale = 1.0)
    {
        NumPyConstraints.NonNegative(scale, nameof(scale));
        return Sample(new UniformTransformSampler(UniformTransform.Laplace, loc, scale));
    }

    /// <summary><paramref name="size"/> values of <see cref="Laplace(double, double)"/>, as NumPy's <c>Generator.laplace(loc, scale, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">scale is negative, or <paramref name="size"/> is negative.</exception>
    public double[] Laplace(double loc, double scale, int size)
    {
        NumPyConstraints.NonNegative(scale, nameof(scale));
        return SamplerCalls.Filled(size, result => UniformTransforms.Fill(BitGenerator, UniformTransform.Laplace, loc, scale, result));
    }

    /// <summary>A logistic variate: <c>loc + scale * log(U / (1 - U))</c>, as NumPy's <c>Generator.logistic(loc, scale)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">scale is negative.</exception>
    public double Logistic(double loc = 0.0, double scale = 1.0)
    {
        NumPyConstraints.NonNegative(scale, nameof(scale));
        return Sample(new UniformTransformSampler(UniformTransform.Logistic, loc, scale));
    }

    /// <summary><paramref name="size"/> values of <see cref="Logistic(double, double)"/>, as NumPy's <c>Generator.logistic(loc, scale, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">scale is negative, or <paramref name="size"/> is negative.</exception>
    public double[] Logistic(double loc, double scale, int size)
    {
        NumPyConstraints.NonNegative(scale, nameof(scale));
        return SamplerCalls.Filled(size, result => UniformTransforms.Fill(BitGenerator, UniformTransform.Logistic, loc, scale, result));
    }

    /// <summary>A log-normal variate: <c>exp(mean + sigma * standard_normal())</c>, as NumPy's <c>Generator.lognormal(mean, sigma)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">sigma is negative.</exception>
    public double Lognormal(double mean = 0.0, double sigma = 1.0)
    {
        NumPyConstraints.NonNegative(sigma, nameof(sigma));
        return Sample(new NormalTransformSampler(NormalTransform.Lognormal, mean, sigma));
    }

    /// <summary><paramref name="size"/> values of <see cref="Lognormal(double, double)"/>, as NumPy's <c>Generator.lognormal(mean, sigma, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">sigma is negative, or <paramref name="size"/> is negative.</exception>
    public double[] Lognormal(double mean, double sigma, int size)
    {
        NumPyConstraints.NonNegative(sigma, nameof(sigma));
        return SamplerCalls.Filled(size, result => NormalTransforms.Fill(BitGenerator, NormalTransform.Lognormal, mean, sigma, result));
    }

    /// <summary>A noncentral chi-square variate (a NaN <paramref name="nonc"/> gives NaN without a draw), as NumPy's <c>Generator.noncentral_chisquare(df, nonc)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">df is ≤ 0 or nonc is negative.</exception>
    public double NoncentralChisquare(double df, double nonc)
    {
        NumPyConstraints.Positive(df, nameof(df));
        NumPyConstraints.NonNegative(nonc, nameof(nonc));
        return Sample(new NoncentralChisquareSampler(df, nonc));
    }

    /// <summary><paramref name="size"/> values of <see cref="NoncentralChisquare(double, double)"/>, as NumPy's <c>Generator.noncentral_chisquare(df, nonc, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">df is ≤ 0 or nonc is negative, or <paramref name="size"/> is negative.</exception>
    public double[] NoncentralChisquare(double df, double nonc, int size)
    {
        NumPyConstraints.Positive(df, nameof(df));
        NumPyConstraints.NonNegative(nonc, nameof(nonc));
        return Samples(new NoncentralChisquareSampler(df, nonc), size);
    }

    /// <summary>A noncentral F variate, as NumPy's <c>Generator.noncentral_f(dfnum, dfden, nonc)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">dfnum or dfden is ≤ 0, or nonc is negative.</exception>
    public double NoncentralF(double dfnum, double dfden, double nonc)
    {
        NumPyConstraints.Positive(dfnum, nameof(dfnum));
        NumPyConstraints.Positive(dfden, nameof(dfden));
        NumPyConstraints.NonNegative(nonc, nameof(nonc));
        return Sample(new NoncentralFSampler(dfnum, dfden, nonc));
    }

    /// <summary><paramref name="size"/> values of <see cref="NoncentralF(double, double, double)"/>, as NumPy's <c>Generator.noncentral_f(dfnum, dfden, nonc, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">dfnum or dfden is ≤ 0, or nonc is negative, or <paramref name="size"/> is negative.</exception>
    public double[] NoncentralF(double dfnum, double dfden, double nonc, int size)
    {
        NumPyConstraints.Positive(dfnum, nameof(dfnum));
        NumPyConstraints.Positive(dfden, nameof(dfden));
        NumPyConstraints.NonNegative(nonc, nameof(nonc));
        return Samples(new NoncentralFSampler(dfnum, dfden, nonc), size);
    }

    /// <summary>A Pareto II (Lomax) variate: <c>expm1(standard_exponential() / a)</c>, as NumPy's <c>Generator.pareto(a)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">a is ≤ 0.</exception>
    public double Pareto(double a)
    {
        NumPyConstraints.Positive(a, nameof(a));
        return Sample(new ExponentialTransformSampler(ExponentialTransform.Pareto, a));
    }

    /// <summary><paramref name="size"/> values of <see cref="Pareto(double)"/>, as NumPy's <c>Generator.pareto(a, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">a is ≤ 0, or <paramref name="size"/> is negative.</exception>
    public double[] Pareto(double a, int size)
    {
        NumPyConstraints.Positive(a, nameof(a));
        return SamplerCalls.Filled(size, result => ExponentialTransforms.Fill(BitGenerator, ExponentialTransform.Pareto, a, result));
    }

    /// <summary>A power-function variate on [0, 1]: <c>(-expm1(-standard_exponential()))^(1/a)</c>, as NumPy's <c>Generator.power(a)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">a is ≤ 0.</exception>
    public double Power(double a)
    {
        NumPyConstraints.Positive(a, nameof(a));
        return Sample(new ExponentialTransformSampler(ExponentialTransform.Power, a));
    }

    /// <summary><paramref name="size"/> values of <see cref="Power(double)"/>, as NumPy's <c>Generator.power(a, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">a is ≤ 0, or <paramref name="size"/> is negative.</exception>
    public double[] Power(double a, int size)
    {
        NumPyConstraints.Positive(a, nameof(a));
        return SamplerCalls.Filled(size, result => ExponentialTransforms.Fill(BitGenerator, ExponentialTransform.Power, a, result));
    }

    /// <summary>A Rayleigh variate: <c>scale * sqrt(2 * standard_exponential())</c>, as NumPy's <c>Generator.rayleigh(scale)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">scale is negative.</exception>
    public double Rayleigh(double scale = 1.0)
    {
        NumPyConstraints.NonNegative(scale, nameof(scale));
        return Sample(new ExponentialTransformSampler(ExponentialTransform.Rayleigh, scale));
    }

    /// <summary><paramref name="size"/> values of <see cref="Rayleigh(double)"/>, as NumPy's <c>Generator.rayleigh(scale, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">scale is negative, or <paramref name="size"/> is negative.</exception>
    public double[] Rayleigh(double scale, int size)
    {
        NumPyConstraints.NonNegative(scale, nameof(scale));
        return SamplerCalls.Filled(size, result => ExponentialTransforms.Fill(BitGenerator, ExponentialTransform.Rayleigh, scale, result));
    }

    /// <summary>A standard Cauchy variate: the ratio of two standard normals, as NumPy's <c>Generator.standard_cauchy()</c>.</summary>
    public double StandardCauchy()
    {
        return Sample(new NormalTransformSampler(NormalTransform.StandardCauchy, 0, 0));
    }

    /// <summary><paramref name="size"/> values of <see cref="StandardCauchy()"/>, as NumPy's <c>Generator.standard_cauchy(size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    public double[] StandardCauchy(int size)
    {
        return SamplerCalls.Filled(size, result => NormalTransforms.Fill(BitGenerator, NormalTransform.StandardCauchy, 0, 0, result));
    }

    /// <summary>A standard gamma variate (Marsaglia and Tsang over the ziggurat normal; for shape &lt; 1 a rejection method over the ziggurat exponential), as NumPy's <c>Generator.standard_gamma(shape)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">shape is negative.</exception>
    public double StandardGamma(double shape)
    {
        NumPyConstraints.NonNegative(shape, nameof(shape));
        return Sample(new GammaSampler(shape, 1.0));
    }

    /// <summary><paramref name="size"/> values of <see cref="StandardGamma(double)"/>, as NumPy's <c>Generator.standard_gamma(shape, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">shape is negative, or <paramref name="size"/> is negative.</exception>
    public double[] StandardGamma(double shape, int size)
    {
        NumPyConstraints.NonNegative(shape, nameof(shape));
        return SamplerCalls.Filled(size, result => Distributions.Gamma.Fill(BitGenerator, shape, 1.0, result));
    }

    /// <summary>A Student's t variate with <paramref name="df"/> degrees of freedom, as NumPy's <c>Generator.standard_t(df)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">df is ≤ 0.</exception>
    public double StandardT(double df)
    {
        NumPyConstraints.Positive(df, nameof(df));
        return Sample(new StandardTSampler(df));
    }

    /// <summary><paramref name="size"/> values of <see cref="StandardT(double)"/>, as NumPy's <c>Generator.standard_t(df, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">df is ≤ 0, or <paramref name="size"/> is negative.</exception>
    public double[] StandardT(double df, int size)
    {
        NumPyConstraints.Positive(df, nameof(df));
        if (df / 2 > 1 && MarsagliaTsangBatches.IsSupported(BitGenerator))
        {
            var kernel = new MarsagliaTsangBatches.StudentTKernel(df);
            return SamplerCalls.Filled(size, result => MarsagliaTsangBatches.Fill(BitGenerator, result, ref kernel));
        }

        return Samples(new StandardTSampler(df), size);
    }

    /// <summary>A triangular variate on [<paramref name="left"/>, <paramref name="right"/>] with its peak at <paramref name="mode"/>, as NumPy's <c>Generator.triangular(left, mode, right)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">left &gt; mode, mode &gt; right, or left = right.</exception>
    public double Triangular(double left, double mode, double right)
    {
        NumPyConstraints.Triangular(left, mode, right);
        return Sample(new TriangularSampler(left, mode, right));
    }

    /// <summary><paramref name="size"/> values of <see cref="Triangular(double, double, double)"/>, as NumPy's <c>Generator.triangular(left, mode, right, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">left &gt; mode, mode &gt; right, or left = right, or <paramref name="size"/> is negative.</exception>
    public double[] Triangular(double left, double mode, double right, int size)
    {
        NumPyConstraints.Triangular(left, mode, right);
        return SamplerCalls.Filled(size, result => UniformTransforms.FillTriangular(BitGenerator, left, mode, right, result));
    }

    /// <summary>A von Mises (circular normal) variate in [−π, π] (a wrapped normal for kappa &gt; 10⁶), as NumPy's <c>Generator.vonmises(mu, kappa)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">kappa is negative.</exception>
    public double Vonmises(double mu, double kappa)
    {
        NumPyConstraints.NonNegative(kappa, nameof(kappa));
        return Sample(new VonMisesSampler(mu, kappa, legacy: false));
    }

    /// <summary><paramref name="size"/> values of <see cref="Vonmises(double, double)"/>, as NumPy's <c>Generator.vonmises(mu, kappa, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">kappa is negative, or <paramref name="size"/> is negative.</exception>
    public double[] Vonmises(double mu, double kappa, int size)
    {
        NumPyConstraints.NonNegative(kappa, nameof(kappa));
        return Samples(new VonMisesSampler(mu, kappa, legacy: false), size);
    }

    /// <summary>A Wald (inverse Gaussian) variate, as NumPy's <c>Generator.wald(mean, scale)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">mean or scale is ≤ 0.</exception>
    public double Wald(double mean, double scale)
    {
        NumPyConstraints.Positive(mean, nameof(mean));
        NumPyConstraints.Positive(scale, nameof(scale));
        return Sample(new NormalTransformSampler(NormalTransform.Wald, mean, scale));
    }

    /// <summary><paramref name="size"/> values of <see cref="Wald(double, double)"/>, as NumPy's <c>Generator.wald(mean, scale, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">mean or scale is ≤ 0, or <paramref name="size"/> is negative.</exception>
    public double[] Wald(double mean, double scale, int size)
    {
        NumPyConstraints.Positive(mean, nameof(mean));
        NumPyConstraints.Positive(scale, nameof(scale));
        return Samples(new NormalTransformSampler(NormalTransform.Wald, mean, scale), size);
    }

    /// <summary>A Weibull variate: <c>standard_exponential()^(1/a)</c>, and 0 without a draw for a = 0, as NumPy's <c>Generator.weibull(a)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">a is negative.</exception>
    public double Weibull(double a)
    {
        NumPyConstraints.NonNegative(a, nameof(a));
        return Sample(new ExponentialTransformSampler(ExponentialTransform.Weibull, a));
    }

    /// <summary><paramref name="size"/> values of <see cref="Weibull(double)"/>, as NumPy's <c>Generator.weibull(a, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">a is negative, or <paramref name="size"/> is negative.</exception>
    public double[] Weibull(double a, int size)
    {
        NumPyConstraints.NonNegative(a, nameof(a));
        return SamplerCalls.Filled(size, result => ExponentialTransforms.Fill(BitGenerator, ExponentialTransform.Weibull, a, result));
    }

    /// <summary>The number of Bernoulli(<paramref name="p"/>) trials to the first success (a search for p ≥ 1/3, else inversion), as NumPy's <c>Generator.geometric(p)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">p is not in (0, 1].</exception>
    public long Geometric(double p)
    {
        NumPyConstraints.BoundedAbove0To1(p, nameof(p));
        return SampleInt64(new GeometricSampler(p, legacy: false));
    }

    /// <summary><paramref name="size"/> values of <see cref="Geometric(double)"/>, as NumPy's <c>Generator.geometric(p, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">p is not in (0, 1], or <paramref name="size"/> is negative.</exception>
    public long[] Geometric(double p, int size)
    {
        NumPyConstraints.BoundedAbove0To1(p, nameof(p));
        if (p >= Distributions.Geometric.SearchFrom && Vector256.IsHardwareAccelerated && UInt64DrawCursor.CanBuffer(BitGenerator))
        {
            return SamplerCalls.Filled<long>(size, result => Distributions.Geometric.FillSearch(BitGenerator, result, p));
        }

        return SamplesInt64(new GeometricSampler(p, legacy: false), size);
    }

    /// <summary>A logarithmic-series variate (Kemp's method), as NumPy's <c>Generator.logseries(p)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">p is not in [0, 1).</exception>
    public long Logseries(double p)
    {
        NumPyConstraints.Bounded0ToBelow1(p, nameof(p));
        return SampleInt64(new LogseriesSampler(p, legacy: false));
    }

    /// <summary><paramref name="size"/> values of <see cref="Logseries(double)"/>, as NumPy's <c>Generator.logseries(p, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">p is not in [0, 1), or <paramref name="size"/> is negative.</exception>
    public long[] Logseries(double p, int size)
    {
        NumPyConstraints.Bounded0ToBelow1(p, nameof(p));
        return SamplesInt64(new LogseriesSampler(p, legacy: false), size);
    }

    /// <summary>A Poisson variate with rate <paramref name="lam"/> (multiplication below 10, PTRS from 10), as NumPy's <c>Generator.poisson(lam)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">lam is negative, NaN or above int64's maximum less ten standard deviations.</exception>
    public long Poisson(double lam = 1.0)
    {
        NumPyConstraints.Poisson(lam, nameof(lam));
        return SampleInt64(new PoissonSampler(lam));
    }

    /// <summary><paramref name="size"/> values of <see cref="Poisson(double)"/>, as NumPy's <c>Generator.poisson(lam, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">lam is negative, NaN or above int64's maximum less ten standard deviations, or <paramref name="size"/> is negative.</exception>
    public long[] Poisson(double lam, int size)
    {
        NumPyConstraints.Poisson(lam, nameof(lam));
        return SamplerCalls.Filled<long>(size, result => new Distributions.Poisson(lam).Fill(BitGenerator, result));
    }

    /// <summary>A Zipf variate with exponent <paramref name="a"/> (rejection; truncated at int64's maximum), as NumPy's <c>Generator.zipf(a)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">a is not greater than 1.</exception>
    public long Zipf(double a)
    {
        NumPyConstraints.GreaterThan1(a, nameof(a));
        return SampleInt64(new ZipfSampler(a));
    }

    /// <summary><paramref name="size"/> values of <see cref="Zipf(double)"/>, as NumPy's <c>Generator.zipf(a, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">a is not greater than 1, or <paramref name="size"/> is negative.</exception>
    public long[] Zipf(double a, int size)
    {
        NumPyConstraints.GreaterThan1(a, nameof(a));
        return SamplesInt64(new ZipfSampler(a), size);
    }
    /// <summary>
    /// A standard exponential double drawn by <paramref name="method"/>, as NumPy's
    /// <c>Generator.standard_exponential(method=method)</c>: <c>"zig"</c> (the ziggurat, <see cref="StandardExponential()"/>)
    /// or <c>"inv"</c> (inversion, <c>-log1p(-random())</c>).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="method"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="method"/> is neither "zig" nor "inv" (NumPy takes any other string as "inv"; OneSeed refuses it as a likely mistake).</exception>
    public double StandardExponential(string method) =>
        IsInversion(method) ? -FdlibmMath.Log1p(-BitGenerator.NextDouble()) : StandardExponential();

    /// <summary><paramref name="size"/> standard exponential doubles drawn by <paramref name="method"/> (see <see cref="StandardExponential(string)"/>), as NumPy's <c>standard_exponential(size, method=method)</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="method"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="method"/> is neither "zig" nor "inv".</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    public double[] StandardExponential(int size, string method)
    {
        if (!IsInversion(method))
        {
            return StandardExponential(size);
        }

        double[] result = NewArray<double>(size);
        BitGenerator.Fill(result.AsSpan());
        foreach (ref double u in result.AsSpan())
        {
            u = -FdlibmMath.Log1p(-u);
        }

        return result;
    }

    /// <summary>
    /// A binomial variate: successes in <paramref name="n"/> trials of probability <paramref name="p"/> (inversion when
    /// min(p, 1 − p)·n ≤ 30, else BTPE), as NumPy's <c>Generator.binomial(n, p)</c>; 0 without a draw for n = 0 or p = 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not in [0, 1] (NaN included), or <paramref name="n"/> is negative.</exception>
    public long Binomial(long n, double p)
    {
        NumPyConstraints.Binomial(n, p);
        return SampleInt64(new BinomialSampler(n, p, legacy: false));
    }

    /// <summary><paramref name="size"/> values of <see cref="Binomial(long, double)"/>, as NumPy's <c>Generator.binomial(n, p, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">See <see cref="Binomial(long, double)"/>; or <paramref name="size"/> is negative.</exception>
    public long[] Binomial(long n, double p, int size)
    {
        NumPyConstraints.Binomial(n, p);
        long[] result = NewArray<long>(size);
        new BinomialSampler(n, p, legacy: false).Fill(BitGenerator, result);
        return result;
    }

    /// <summary>
    /// A negative binomial variate: failures before the <paramref name="n"/>-th success in trials of probability
    /// <paramref name="p"/> (a Poisson with a gamma rate; <paramref name="n"/> may be fractional), as NumPy's
    /// <c>Generator.negative_binomial(n, p)</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is ≤ 0 or NaN; <paramref name="p"/> is not in (0, 1]; or the Poisson rate could exceed int64 (NumPy's "n too large or p too small").</exception>
    public long NegativeBinomial(double n, double p)
    {
        CheckNegativeBinomial(n, p);
        return SampleInt64(new NegativeBinomialSampler(n, p));
    }

    /// <summary><paramref name="size"/> values of <see cref="NegativeBinomial(double, double)"/>, as NumPy's <c>Generator.negative_binomial(n, p, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">See <see cref="NegativeBinomial(double, double)"/>; or <paramref name="size"/> is negative.</exception>
    public long[] NegativeBinomial(double n, double p, int size)
    {
        CheckNegativeBinomial(n, p);
        return SamplesInt64(new NegativeBinomialSampler(n, p), size);
    }

    /// <summary>
    /// A hypergeometric variate: good items among <paramref name="nsample"/> drawn without replacement from
    /// <paramref name="ngood"/> good and <paramref name="nbad"/> bad ones, as NumPy's
    /// <c>Generator.hypergeometric(ngood, nbad, nsample)</c> (HRUA for 10 ≤ nsample ≤ ngood + nbad − 10, else simulation).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ngood"/> or <paramref name="nbad"/> is 10⁹ or more, or negative; <paramref name="nsample"/> is negative or exceeds ngood + nbad.</exception>
    public long Hypergeometric(long ngood, long nbad, long nsample)
    {
        CheckHypergeometric(ngood, nbad, nsample);
        return SampleInt64(new HypergeometricSampler(ngood, nbad, nsample, legacy: false));
    }

    /// <summary><paramref name="size"/> values of <see cref="Hypergeometric(long, long, long)"/>, as NumPy's <c>Generator.hypergeometric(ngood, nbad, nsample, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">See <see cref="Hypergeometric(long, long, long)"/>; or <paramref name="size"/> is negative.</exception>
    public long[] Hypergeometric(long ngood, long nbad, long nsample, int size)
    {
        CheckHypergeometric(ngood, nbad, nsample);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        long[] result = ResultArrays.Uninitialized<long>(size);
        if (!Distributions.Hypergeometric.TryFillSimulated(BitGenerator, result, ngood, nbad, nsample))
        {
            var sampler = new HypergeometricSampler(ngood, nbad, nsample, legacy: false);
            BufferedSampler<HypergeometricSampler, long>.Fill(BitGenerator, result, ref sampler);
        }

        return result;
    }

    private static bool IsInversion(string method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method switch
        {
            "zig" => false,
            "inv" => true,
            _ => throw new ArgumentException($"method must be \"zig\" or \"inv\" (it is \"{method}\").", nameof(method)),
        };
    }

    private static void CheckNegativeBinomial(double n, double p)
    {
        NumPyConstraints.PositiveNotNaN(n, nameof(n));
        NumPyConstraints.BoundedAbove0To1(p, nameof(p));

        // The Poisson rate is a gamma variate: NumPy bounds its mean plus ten standard deviations.
        double maxLam = (1 - p) / p * (n + (10 * Math.Sqrt(n)));
        if (maxLam > NumPyConstraints.PoissonLamMax)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"n too large or p too small (n = {n:R}, p = {p:R}): (1 - p) / p * (n + 10 sqrt(n)) = {maxLam:R} must not exceed {NumPyConstraints.PoissonLamMax:R}.");
        }
    }

    private static void CheckHypergeometric(long ngood, long nbad, long nsample)
    {
        const long HypergeometricMax = 1_000_000_000;
        if (ngood >= HypergeometricMax || nbad >= HypergeometricMax)
        {
            throw new ArgumentOutOfRangeException(ngood >= HypergeometricMax ? nameof(ngood) : nameof(nbad), ngood >= HypergeometricMax ? ngood : nbad, $"both ngood and nbad must be less than {HypergeometricMax} (ngood = {ngood}, nbad = {nbad}).");
        }

        if (ngood + nbad < nsample)
        {
            throw new ArgumentOutOfRangeException(nameof(nsample), nsample, $"ngood + nbad < nsample (ngood = {ngood}, nbad = {nbad}): nsample must not exceed ngood + nbad.");
        }

        NumPyConstraints.NonNegative(ngood, nameof(ngood));
        NumPyConstraints.NonNegative(nbad, nameof(nbad));
        NumPyConstraints.NonNegative(nsample, nameof(nsample));
    }

    private double Sample<TSampler>(TSampler sampler)
        where TSampler : struct, ISampler<double> => SamplerCalls.Double(BitGenerator, ref sampler);

    private long SampleInt64<TSampler>(TSampler sampler)
        where TSampler : struct, ISampler<long> => SamplerCalls.Int64(BitGenerator, ref sampler);

    private double[] Samples<TSampler>(TSampler sampler, int size)
        where TSampler : struct, ISampler<double> => SamplerCalls.Doubles(BitGenerator, ref sampler, size);

    private long[] SamplesInt64<TSampler>(TSampler sampler, int size)
        where TSampler : struct, ISampler<long> => SamplerCalls.Int64s(BitGenerator, ref sampler, size);
}

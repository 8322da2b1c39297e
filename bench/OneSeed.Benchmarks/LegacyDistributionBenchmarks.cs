using BenchmarkDotNet.Attributes;
using OneSeed.Compat;

namespace OneSeed.Benchmarks;

/// <summary>
/// NumPy's legacy <c>RandomState</c> (MT19937) distributions in bulk, the same calls as <see cref="DistributionBenchmarks"/>
/// through the legacy algorithms (bench/numpy_bench.py --distributions times <c>np.random.RandomState(12345)</c>).
/// </summary>
public class LegacyDistributionBenchmarks
{
    private const int N = DistributionBenchmarks.N;
    private const int Rows = DistributionBenchmarks.Rows;
    private static readonly double[] DirichletAlpha = [0.5, 1.0, 2.0];
    private static readonly double[] MultinomialP = [0.2, 0.3, 0.5];
    private static readonly double[] Mean3 = [0.0, 1.0, -1.0];
    private static readonly double[,] Cov3 = { { 2.0, 0.3, 0.1 }, { 0.3, 1.0, 0.2 }, { 0.1, 0.2, 0.5 } };
    private readonly NumPyRandomState _random = new(12345);

    [Benchmark]
    public double[] Gamma05() => _random.Gamma(0.5, 1.0, N);

    [Benchmark]
    public double[] Gamma1() => _random.Gamma(1.0, 1.0, N);

    [Benchmark]
    public double[] Gamma3() => _random.Gamma(3.0, 1.0, N);

    [Benchmark]
    public double[] StandardGamma3() => _random.StandardGamma(3.0, N);

    [Benchmark]
    public double[] Beta05() => _random.Beta(0.5, 0.5, N);

    [Benchmark]
    public double[] Beta2_3() => _random.Beta(2.0, 3.0, N);

    [Benchmark]
    public long[] BinomialInversion() => _random.Binomial(20, 0.5, N);

    [Benchmark]
    public long[] BinomialBtpe() => _random.Binomial(1000, 0.3, N);

    [Benchmark]
    public long[] Poisson3() => _random.Poisson(3.0, N);

    [Benchmark]
    public long[] Poisson50() => _random.Poisson(50.0, N);

    /// <summary>nsample ≤ 10: the legacy simple loop.</summary>
    [Benchmark]
    public long[] HypergeometricSimple() => _random.Hypergeometric(1000, 1000, 5, N);

    /// <summary>nsample &gt; 10: the legacy HRUA.</summary>
    [Benchmark]
    public long[] HypergeometricHrua() => _random.Hypergeometric(1000, 1000, 200, N);

    [Benchmark]
    public double[] Lognormal() => _random.Lognormal(0.0, 1.0, N);

    [Benchmark]
    public double[] Laplace() => _random.Laplace(0.0, 1.0, N);

    [Benchmark]
    public double[] Gumbel() => _random.Gumbel(0.0, 1.0, N);

    [Benchmark]
    public double[] Logistic() => _random.Logistic(0.0, 1.0, N);

    [Benchmark]
    public double[] Weibull() => _random.Weibull(1.5, N);

    [Benchmark]
    public double[] Pareto() => _random.Pareto(3.0, N);

    [Benchmark]
    public double[] Power() => _random.Power(3.0, N);

    [Benchmark]
    public double[] Rayleigh() => _random.Rayleigh(1.0, N);

    [Benchmark]
    public double[] StandardCauchy() => _random.StandardCauchy(N);

    [Benchmark]
    public double[] StandardT() => _random.StandardT(5.0, N);

    [Benchmark]
    public double[] Chisquare() => _random.Chisquare(5.0, N);

    [Benchmark]
    public double[] F() => _random.F(5.0, 10.0, N);

    [Benchmark]
    public double[] NoncentralChisquare() => _random.NoncentralChisquare(3.0, 2.0, N);

    [Benchmark]
    public double[] NoncentralF() => _random.NoncentralF(5.0, 10.0, 2.0, N);

    [Benchmark]
    public long[] NegativeBinomial() => _random.NegativeBinomial(5.0, 0.5, N);

    [Benchmark]
    public long[] Geometric05() => _random.Geometric(0.5, N);

    [Benchmark]
    public long[] Geometric001() => _random.Geometric(0.01, N);

    [Benchmark]
    public long[] Zipf2() => _random.Zipf(2.0, N);

    [Benchmark]
    public long[] Logseries() => _random.Logseries(0.6, N);

    [Benchmark]
    public double[] Vonmises() => _random.Vonmises(0.0, 4.0, N);

    [Benchmark]
    public double[] Wald() => _random.Wald(1.0, 1.0, N);

    [Benchmark]
    public double[] Triangular() => _random.Triangular(0.0, 0.5, 1.0, N);

    [Benchmark]
    public double[,] Dirichlet() => _random.Dirichlet(DirichletAlpha, Rows);

    [Benchmark]
    public long[,] Multinomial() => _random.Multinomial(100, MultinomialP, Rows);

    [Benchmark]
    public double[,] MultivariateNormal3() => _random.MultivariateNormal(Mean3, Cov3, Rows);
}

using BenchmarkDotNet.Attributes;
using OneSeed.Compat;
using OneSeed.Engines;

namespace OneSeed.Benchmarks;

/// <summary>
/// NumPy's <c>Generator</c> distributions in bulk: one call makes 1,000,000 values through the allocating
/// <c>size</c> overload, as NumPy's <c>size=</c> call allocates its result. bench/numpy_bench.py --distributions times
/// the same calls (bench/distribution_workloads.py lists them, with the labels bench/compare.py prints); the
/// parameters pick the regimes whose algorithms differ (gamma's shape below, at and above 1; binomial's inversion
/// and BTPE; Poisson's multiplication and PTRS; hypergeometric's simple loop and HRUA; geometric's search and
/// inversion). The multivariate rows make <see cref="Rows"/> rows of three.
/// </summary>
public class DistributionBenchmarks
{
    private NumPyGenerator _generator = null!;

    /// <summary>Values per call.</summary>
    public const int N = BulkFillBenchmarks.N;

    /// <summary>Rows per call of the three-column multivariate distributions.</summary>
    public const int Rows = N / 3;

    private static readonly double[] DirichletAlpha = [0.5, 1.0, 2.0];
    private static readonly double[] Mean3 = [0.0, 1.0, -1.0];
    private static readonly double[,] Cov3 = { { 2.0, 0.3, 0.1 }, { 0.3, 1.0, 0.2 }, { 0.1, 0.2, 0.5 } };
    private readonly float[] _singles = new float[N];
    private static readonly double[] MultinomialP = [0.2, 0.3, 0.5];

    [ParamsSource(nameof(Engines))]
    public string Engine { get; set; } = string.Empty;

    /// <summary>
    /// The engines of these rows: DIST_ENGINES (comma-separated NumPy names, or "all"), else PCG64 and MT19937;
    /// bench/distribution_workloads.py reads the same variable for the NumPy side.
    /// </summary>
    public static IEnumerable<string> Engines
    {
        get
        {
            string? value = Environment.GetEnvironmentVariable("DIST_ENGINES")?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                return ["PCG64", "MT19937"];
            }

            return string.Equals(value, "all", StringComparison.OrdinalIgnoreCase)
                ? BitGenerators.Names
                : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
    }

    [GlobalSetup]
    public void Setup() => _generator = new NumPyGenerator(BitGenerators.Create(Engine, new Seeding.SeedSequence(12345)));

    [Benchmark]
    public double[] Gamma05() => _generator.Gamma(0.5, 1.0, N);

    [Benchmark]
    public double[] Gamma1() => _generator.Gamma(1.0, 1.0, N);

    [Benchmark]
    public double[] Gamma3() => _generator.Gamma(3.0, 1.0, N);

    [Benchmark]
    public double[] StandardGamma3() => _generator.StandardGamma(3.0, N);

    [Benchmark]
    public double[] Beta05() => _generator.Beta(0.5, 0.5, N);

    [Benchmark]
    public double[] Beta2_3() => _generator.Beta(2.0, 3.0, N);

    /// <summary>n·p = 10 &lt; 30: inversion.</summary>
    [Benchmark]
    public long[] BinomialInversion() => _generator.Binomial(20, 0.5, N);

    /// <summary>n·p = 300 ≥ 30: BTPE.</summary>
    [Benchmark]
    public long[] BinomialBtpe() => _generator.Binomial(1000, 0.3, N);

    /// <summary>lam &lt; 10: multiplication of uniforms.</summary>
    [Benchmark]
    public long[] Poisson3() => _generator.Poisson(3.0, N);

    /// <summary>lam ≥ 10: PTRS.</summary>
    [Benchmark]
    public long[] Poisson50() => _generator.Poisson(50.0, N);

    /// <summary>nsample &lt; 10: the simple loop.</summary>
    [Benchmark]
    public long[] HypergeometricSimple() => _generator.Hypergeometric(1000, 1000, 5, N);

    /// <summary>nsample ≥ 10: HRUA.</summary>
    [Benchmark]
    public long[] HypergeometricHrua() => _generator.Hypergeometric(1000, 1000, 200, N);

    [Benchmark]
    public double[] Lognormal() => _generator.Lognormal(0.0, 1.0, N);

    [Benchmark]
    public double[] Laplace() => _generator.Laplace(0.0, 1.0, N);

    [Benchmark]
    public double[] Gumbel() => _generator.Gumbel(0.0, 1.0, N);

    [Benchmark]
    public double[] Logistic() => _generator.Logistic(0.0, 1.0, N);

    [Benchmark]
    public double[] Weibull() => _generator.Weibull(1.5, N);

    [Benchmark]
    public double[] Pareto() => _generator.Pareto(3.0, N);

    [Benchmark]
    public double[] Power() => _generator.Power(3.0, N);

    [Benchmark]
    public double[] Rayleigh() => _generator.Rayleigh(1.0, N);

    [Benchmark]
    public double[] StandardCauchy() => _generator.StandardCauchy(N);

    [Benchmark]
    public double[] StandardT() => _generator.StandardT(5.0, N);

    [Benchmark]
    public double[] Chisquare() => _generator.Chisquare(5.0, N);

    [Benchmark]
    public double[] F() => _generator.F(5.0, 10.0, N);

    [Benchmark]
    public double[] NoncentralChisquare() => _generator.NoncentralChisquare(3.0, 2.0, N);

    [Benchmark]
    public double[] NoncentralF() => _generator.NoncentralF(5.0, 10.0, 2.0, N);

    [Benchmark]
    public long[] NegativeBinomial() => _generator.NegativeBinomial(5.0, 0.5, N);

    /// <summary>p ≥ 1/3: the search.</summary>
    [Benchmark]
    public long[] Geometric05() => _generator.Geometric(0.5, N);

    /// <summary>p &lt; 1/3: inversion.</summary>
    [Benchmark]
    public long[] Geometric001() => _generator.Geometric(0.01, N);

    [Benchmark]
    public long[] Zipf2() => _generator.Zipf(2.0, N);

    [Benchmark]
    public long[] Logseries() => _generator.Logseries(0.6, N);

    [Benchmark]
    public double[] Vonmises() => _generator.Vonmises(0.0, 4.0, N);

    [Benchmark]
    public double[] Wald() => _generator.Wald(1.0, 1.0, N);

    [Benchmark]
    public double[] Triangular() => _generator.Triangular(0.0, 0.5, 1.0, N);

    [Benchmark]
    public double[,] Dirichlet() => _generator.Dirichlet(DirichletAlpha, Rows);

    [Benchmark]
    public long[,] Multinomial() => _generator.Multinomial(100, MultinomialP, Rows);

    [Benchmark]
    public double[,] MultivariateNormal3() => _generator.MultivariateNormal(Mean3, Cov3, Rows);

    /// <summary>float32 into a caller's buffer, as NumPy's <c>random(dtype=np.float32, out=...)</c>.</summary>
    [Benchmark]
    public float[] RandomFloat32()
    {
        _generator.Random(_singles.AsSpan());
        return _singles;
    }

    [Benchmark]
    public float[] StandardNormalFloat32()
    {
        _generator.StandardNormal(_singles.AsSpan());
        return _singles;
    }

    [Benchmark]
    public float[] StandardExponentialFloat32()
    {
        _generator.StandardExponential(_singles.AsSpan());
        return _singles;
    }

    /// <summary>Narrow integers into a fresh array, as NumPy's <c>integers(..., dtype=...)</c> allocates its result.</summary>
    [Benchmark]
    public int[] IntegersInt32()
    {
        int[] result = new int[N];
        _generator.Integers(0, 1000, result.AsSpan());
        return result;
    }

    [Benchmark]
    public sbyte[] IntegersInt8()
    {
        sbyte[] result = new sbyte[N];
        _generator.Integers(0, 100, result.AsSpan());
        return result;
    }

    [Benchmark]
    public bool[] IntegersBool()
    {
        bool[] result = new bool[N];
        _generator.Integers(0, 2, result.AsSpan());
        return result;
    }
}

using OneSeed.Compat;
using OneSeed.Distributions;
using OneSeed.Engines;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Distributions;

/// <summary>
/// The bulk forms of NumPy's distributions (chunked fills, four-lane transforms, batched Marsaglia–Tsang, four-lane
/// binomial searches) against a loop of the scalar forms on a copy of the same engine: the same values, bit for bit,
/// and the same engine state after, for every engine and for sizes around the chunk and lane boundaries.
/// </summary>
public sealed class BulkDistributionParityTests
{
    private static readonly int[] Sizes = [0, 1, 3, 4, 5, 7, 8, 9, 15, 16, 17, 63, 255, 256, 257, 511, 512, 513, 1023, 1025, 2500];

    public static TheoryData<string> Cases() =>
    [
        "gamma 3", "gamma 1.0001", "gamma 1", "gamma 0.4", "gamma 0.97", "gamma 0.03", "gamma 1e4", "chisquare 5", "standard_gamma 2", "laplace", "gumbel",
        "logistic", "triangular", "standard_t 5", "standard_t 2.2", "standard_t 1.5", "beta 2 3", "beta 1.2 40", "beta 0.7 3", "beta 0.7 0.3", "beta 1 1", "beta 0.04 0.02", "lognormal", "standard_cauchy", "rayleigh", "weibull", "weibull 0.03", "pareto", "power", "power 0.02", "binomial 20 0.5",
        "binomial 7 0.9", "binomial 3000 0.004", "binomial 100 0.4", "binomial 1000 0.3", "binomial 61 0.5", "binomial 100000 0.8", "binomial 40000000000 0.02", "binomial 10000000000000000 1e-15", "dirichlet", "dirichlet small", "multinomial",
        "legacy gamma 3", "legacy gamma 1.01", "legacy gamma 1.3", "legacy gamma 250", "legacy gamma 1", "legacy gamma 0.4", "legacy gamma 0.03", "legacy beta 0.5 0.5", "legacy beta 0.04 0.9", "legacy beta 2 3", "legacy beta 1.2 40", "legacy standard_t 5", "legacy standard_t 2.2", "legacy standard_t 80", "legacy exponential", "legacy lognormal", "legacy standard_cauchy", "legacy pareto",
        "legacy laplace", "legacy binomial 20 0.5", "legacy binomial 1000 0.7", "legacy triangular", "legacy weibull", "legacy weibull 0.03", "legacy power",
        "legacy power 0.02", "legacy rayleigh", "poisson 3", "poisson 0.01", "poisson 9.99", "poisson 10", "poisson 50", "poisson 1e7", "poisson 0",
        "legacy poisson 3", "legacy poisson 50", "geometric 0.5", "geometric 0.3333333333333333", "geometric 0.9", "geometric 1",
        "legacy geometric 0.5", "legacy geometric 0.34",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bulk_forms_draw_exactly_what_scalar_calls_draw(string name)
    {
        var seeds = new LiveSeeds();
        bool legacy = name.StartsWith("legacy ", StringComparison.Ordinal);
        string[] engines = legacy ? ["MT19937"] : [.. BitGenerators.Names];
        foreach (string engineName in engines)
        {
            foreach (int size in Sizes)
            {
                ulong seed = (ulong)seeds.Int64(0, long.MaxValue);
                (object bulk, BitGenerator bulkEngine) = Create(engineName, seed, legacy);
                (object scalar, BitGenerator scalarEngine) = Create(engineName, seed, legacy);
                double[] expected = Enumerable.Range(0, size).SelectMany(_ => Draw(scalar, name, null)).ToArray();
                double[] actual = Draw(bulk, name, size);
                string context = $"{name} on {engineName}, size {size}, seed {seed} {seeds.Replay}";
                JsonAssert.Equal(expected.Select(BitConverter.DoubleToUInt64Bits).ToArray(), actual.Select(BitConverter.DoubleToUInt64Bits).ToArray(), context);
                Assert.True(State(bulk) == State(scalar), $"{context}: the engine states differ after the calls.");
                Assert.Equal(scalarEngine.NextUInt64(), bulkEngine.NextUInt64());
            }
        }
    }

    /// <summary>
    /// The distributions whose bulk forms take glibc's pow, exp or log four lanes at a time, with the transcriptions
    /// switched off: the path a machine without AVX2 and FMA (or another glibc) runs, bit for bit the scalar one too
    /// (the Poisson's logarithms then come from the certified path, which leaves about one lane in eight to the scalar attempt).
    /// </summary>
    [Theory]
    [InlineData("weibull 0.03")]
    [InlineData("power 0.02")]
    [InlineData("lognormal")]
    [InlineData("gamma 0.4")]
    [InlineData("beta 0.7 0.3")]
    [InlineData("legacy power 0.02")]
    [InlineData("legacy pareto")]
    [InlineData("legacy gamma 0.4")]
    [InlineData("legacy beta 0.5 0.5")]
    [InlineData("poisson 50")]
    [InlineData("legacy poisson 10")]
    [InlineData("binomial 1000 0.3")]
    public void Bulk_forms_without_the_transcriptions_draw_what_scalar_calls_draw(string name)
    {
        bool saved = GlibcVectorMath.TranscriptionsEnabled;
        try
        {
            GlibcVectorMath.TranscriptionsEnabled = false;
            Assert.False(GlibcVectorMath.PowServes || GlibcVectorMath.ExpServes);
            Bulk_forms_draw_exactly_what_scalar_calls_draw(name);
        }
        finally
        {
            GlibcVectorMath.TranscriptionsEnabled = saved;
        }
    }

    private static (object Facade, BitGenerator Engine) Create(string engine, ulong seed, bool legacy)
    {
        if (legacy)
        {
            var rs = new NumPyRandomState((uint)seed);
            if (seed % 2 == 0)
            {
                // Half the runs start with a normal in the polar Gaussian's cache, which the next normal takes.
                rs.StandardNormal();
            }

            return (rs, rs.BitGenerator);
        }

        var g = new NumPyGenerator(BitGenerators.Create(engine, seed));
        return (g, g.BitGenerator);
    }

    private static string State(object facade) => facade is NumPyRandomState rs ? rs.GetStateJson() : ((NumPyGenerator)facade).BitGenerator.GetStateJson();

    // One call: the scalar form (size null) or the size form, as doubles (integers converted exactly: all are small).
    private static double[] Draw(object facade, string name, int? size)
    {
        string[] parts = name.Replace("legacy ", string.Empty, StringComparison.Ordinal).Split(' ');
        double P(int i) => double.Parse(parts[i], System.Globalization.CultureInfo.InvariantCulture);
        double Parameter(double otherwise) => parts.Length > 1 ? P(1) : otherwise;
        if (facade is NumPyRandomState rs)
        {
            return parts[0] switch
            {
                "gamma" => size is int n ? rs.Gamma(P(1), 1.5, n) : [rs.Gamma(P(1), 1.5)],
                "exponential" => size is int n ? rs.Exponential(2.0, n) : [rs.Exponential(2.0)],
                "beta" => size is int n ? rs.Beta(P(1), P(2), n) : [rs.Beta(P(1), P(2))],
                "lognormal" => size is int n ? rs.Lognormal(0.3, 0.7, n) : [rs.Lognormal(0.3, 0.7)],
                "standard_cauchy" => size is int n ? rs.StandardCauchy(n) : [rs.StandardCauchy()],
                "pareto" => size is int n ? rs.Pareto(2.5, n) : [rs.Pareto(2.5)],
                "weibull" => size is int n ? rs.Weibull(Parameter(1.7), n) : [rs.Weibull(Parameter(1.7))],
                "power" => size is int n ? rs.Power(Parameter(0.6), n) : [rs.Power(Parameter(0.6))],
                "laplace" => size is int n ? rs.Laplace(1, 2, n) : [rs.Laplace(1, 2)],
                "triangular" => size is int n ? rs.Triangular(-1, 0.2, 4, n) : [rs.Triangular(-1, 0.2, 4)],
                "rayleigh" => size is int n ? rs.Rayleigh(2, n) : [rs.Rayleigh(2)],
                "geometric" => (size is int n ? rs.Geometric(P(1), n) : [rs.Geometric(P(1))]).Select(v => (double)v).ToArray(),
                "standard_t" => size is int n ? rs.StandardT(P(1), n) : [rs.StandardT(P(1))],
                "poisson" => (size is int n ? rs.Poisson(P(1), n) : [rs.Poisson(P(1))]).Select(v => (double)v).ToArray(),
                _ => (size is int n ? rs.Binomial((long)P(1), P(2), n) : [rs.Binomial((long)P(1), P(2))]).Select(v => (double)v).ToArray(),
            };
        }

        var g = (NumPyGenerator)facade;
        return parts[0] switch
        {
            "gamma" => size is int n ? g.Gamma(P(1), 1.5, n) : [g.Gamma(P(1), 1.5)],
            "chisquare" => size is int n ? g.Chisquare(P(1), n) : [g.Chisquare(P(1))],
            "standard_gamma" => size is int n ? g.StandardGamma(P(1), n) : [g.StandardGamma(P(1))],
            "standard_t" => size is int n ? g.StandardT(P(1), n) : [g.StandardT(P(1))],
            "beta" => size is int n ? g.Beta(P(1), P(2), n) : [g.Beta(P(1), P(2))],
            "laplace" => size is int n ? g.Laplace(1, 2, n) : [g.Laplace(1, 2)],
            "gumbel" => size is int n ? g.Gumbel(1, 2, n) : [g.Gumbel(1, 2)],
            "logistic" => size is int n ? g.Logistic(1, 2, n) : [g.Logistic(1, 2)],
            "triangular" => size is int n ? g.Triangular(-1, 0.2, 4, n) : [g.Triangular(-1, 0.2, 4)],
            "lognormal" => size is int n ? g.Lognormal(0.3, 0.7, n) : [g.Lognormal(0.3, 0.7)],
            "standard_cauchy" => size is int n ? g.StandardCauchy(n) : [g.StandardCauchy()],
            "rayleigh" => size is int n ? g.Rayleigh(2, n) : [g.Rayleigh(2)],
            "weibull" => size is int n ? g.Weibull(Parameter(1.7), n) : [g.Weibull(Parameter(1.7))],
            "pareto" => size is int n ? g.Pareto(2.5, n) : [g.Pareto(2.5)],
            "power" => size is int n ? g.Power(Parameter(0.6), n) : [g.Power(Parameter(0.6))],
            "dirichlet" => (size is int n ? Flatten(g.Dirichlet(Alphas(parts), n)) : g.Dirichlet(Alphas(parts))),
            "poisson" => (size is int n ? g.Poisson(P(1), n) : [g.Poisson(P(1))]).Select(v => (double)v).ToArray(),
            "geometric" => (size is int n ? g.Geometric(P(1), n) : [g.Geometric(P(1))]).Select(v => (double)v).ToArray(),
            "multinomial" => (size is int n ? Flatten(g.Multinomial(50, [0.2, 0.5, 0.3], n)) : g.Multinomial(50, [0.2, 0.5, 0.3]).Select(v => (double)v).ToArray()),
            _ => (size is int n ? g.Binomial((long)P(1), P(2), n) : [g.Binomial((long)P(1), P(2))]).Select(v => (double)v).ToArray(),
        };
    }

    private static double[] Alphas(string[] parts) => parts.Length > 1 ? [0.05, 0.02, 0.08] : [0.5, 2.0, 1.0];

    private static double[] Flatten(double[,] rows) => rows.Cast<double>().ToArray();

    private static double[] Flatten(long[,] rows) => rows.Cast<long>().Select(v => (double)v).ToArray();
}

using System.Text.Json.Nodes;
using OneSeed.Tests.Infrastructure;
using static OneSeed.Tests.Compat.NumPyDistributionCalls;

namespace OneSeed.Tests.Compat;

/// <summary>
/// Every NumPy distribution of <see cref="OneSeed.Compat.NumPyGenerator"/> and <see cref="OneSeed.Compat.NumPyRandomState"/>
/// against Debian's NumPy, with fresh seeds and parameters every run: values compared by their bits, refusals by
/// NumPy's conditions (and the state left unchanged), and the engine (and Gaussian cache) after the calls.
/// </summary>
public sealed class NumPyDistributionsTests
{
    private static readonly Distribution[] Distributions =
    [
        new("beta", Both, (s, _) => [F(Shape(s)), F(Shape(s))], (s, _) => s.Bool() ? [F(0), F(1)] : [F(1), F(-s.Double())]),
        new("binomial", Both, (s, _) => [I(Trials(s)), F(Probability(s))], (s, _) => s.Bool() ? [I(5), F(s.Pick(new[] { -0.1, 1.1, double.NaN }))] : [I(-1), F(0.5)]),
        new("chisquare", Both, (s, _) => [F(Shape(s) * 2)], (s, _) => [F(-s.Double())]),
        new("dirichlet", Both, (s, _) => [FA(Alphas(s))], (s, _) => [FA([1.0, s.Bool() ? 0.0 : -1.0])]),
        new("exponential", Both, (s, _) => [F(Scale(s))], (s, _) => [F(-1)]),
        new("f", Both, (s, _) => [F(Shape(s) * 3), F(Shape(s) * 3)], (s, _) => [F(s.Bool() ? 0 : 2), F(s.Bool() ? -1 : 1)]),
        new("gamma", Both, (s, _) => s.Bool() ? [F(GammaShape(s))] : [F(GammaShape(s)), F(Scale(s))], (s, _) => s.Bool() ? [F(-1)] : [F(1), F(-0.0)]),
        new("geometric", Both, (s, _) => [F(GeometricP(s))], (s, _) => [F(s.Pick(new[] { 0.0, 1.5, -0.5, double.NaN }))]),
        new("gumbel", Both, LocScale, (s, _) => [F(0), F(-1)]),
        new("hypergeometric", Both, HypergeometricArgs, (s, legacy) => s.Int(0, 3) switch
        {
            0 => [I(5), I(5), I(11)],
            1 => [I(-1), I(5), I(2)],
            _ => legacy ? [I(5), I(5), I(0)] : [I(1_000_000_000), I(5), I(2)],
        }),
        new("laplace", Both, LocScale, (s, _) => [F(0), F(-2)]),
        new("logistic", Both, LocScale, (s, _) => [F(0), F(-0.0)]),
        new("lognormal", Both, (s, _) => [F((s.Double() - 0.5) * 4), F(Scale(s) / 4)], (s, _) => [F(0), F(-1)]),
        new("logseries", Both, (s, _) => [F(LogseriesP(s))], (s, _) => [F(s.Pick(new[] { 1.0, -0.1, double.NaN, 2.0 }))]),
        new("multinomial", Both, (s, _) => [I(s.Bool() ? s.Int(0, 20) : s.Int(0, 1_000_000)), FA(Probabilities(s))], (s, _) => s.Int(0, 3) switch
        {
            0 => [I(5), FA([0.6, 0.6, 0.1])],
            1 => [I(5), FA([0.5, double.NaN])],
            _ => [I(-1), FA([0.5, 0.5])],
        }),
        new("multivariate_hypergeometric", GeneratorOnly, MultivariateHypergeometricArgs, (s, _) => s.Int(0, 3) switch
        {
            0 => [IA([3, 4]), I(8)],
            1 => [IA([3, -4]), I(1)],
            _ => [IA([3, 4]), I(-1)],
        }, Keywords: s => s.Bool() ? new JsonObject { ["method"] = S(s.Bool() ? "count" : "marginals") } : null),
        new("negative_binomial", Both, (s, _) => [F(Shape(s) * 5), F(s.Bool() ? 1 : 0.01 + (0.99 * s.Double()))], (s, legacy) => s.Int(0, 3) switch
        {
            0 => [F(0), F(0.5)],
            1 => [F(1), F(legacy ? 1.5 : 0.0)],
            _ => legacy ? [F(-2), F(0.5)] : [F(1e18), F(1e-10)],
        }),
        new("noncentral_chisquare", Both, (s, _) => [F(s.Bool() ? 0.05 + s.Double() : 1 + (s.Double() * 30)), F(Noncentrality(s))], (s, _) => s.Bool() ? [F(0), F(1)] : [F(1), F(-1)]),
        new("noncentral_f", Both, (s, _) => [F(s.Bool() ? 0.1 + s.Double() : 1 + (s.Double() * 20)), F(0.5 + (s.Double() * 20)), F(Noncentrality(s))], (s, _) => [F(1), F(0), F(1)]),
        new("pareto", Both, (s, _) => [F(Shape(s))], (s, _) => [F(0)]),
        new("poisson", Both, (s, _) => s.Int(0, 8) == 0 ? [] : [F(Rate(s))], (s, _) => [F(s.Pick(new[] { -1.0, double.NaN, 1e19 }))]),
        new("power", Both, (s, _) => [F(Shape(s))], (s, _) => [F(-1)]),
        new("rayleigh", Both, (s, _) => s.Int(0, 6) == 0 ? [] : [F(Scale(s))], (s, _) => [F(-1)]),
        new("standard_cauchy", Both, (_, _) => [], null),
        new("standard_exponential", Both, (_, _) => [], null),
        new("standard_exponential", GeneratorOnly, (_, _) => [], null, Keywords: s => new JsonObject { ["method"] = S(s.Bool() ? "inv" : "zig") }),
        new("standard_gamma", Both, (s, _) => [F(GammaShape(s))], (s, _) => [F(-0.5)]),
        new("standard_t", Both, (s, _) => [F(Shape(s) * 4)], (s, _) => [F(0)]),
        new("triangular", Both, TriangularArgs, (s, _) => s.Int(0, 3) switch
        {
            0 => [F(2), F(1), F(3)],
            1 => [F(0), F(4), F(3)],
            _ => [F(1), F(1), F(1)],
        }),
        new("vonmises", Both, (s, _) => [F((s.Double() - 0.5) * 8), F(Kappa(s))], (s, _) => [F(0), F(-1)]),
        new("wald", Both, (s, _) => [F(0.05 + (s.Double() * 10)), F(0.05 + (s.Double() * 10))], (s, _) => [F(0), F(1)]),
        new("weibull", Both, (s, _) => [F(s.Int(0, 8) == 0 ? 0 : Shape(s))], (s, _) => [F(-1)]),
        new("zipf", Both, (s, _) => [F(ZipfA(s))], (s, _) => [F(s.Pick(new[] { 1.0, 0.5, double.NaN }))]),
        new("tomaxint", RandomStateOnly, (_, _) => [], null),
        new("random", Both, (_, _) => [], null),
        new("bytes", Both, (s, _) => [I(s.Int(0, 4) == 0 ? s.Int(0, 9) : s.Int(0, 200))], null, NoSize: true),
    ];

    private const int Both = 3;
    private const int GeneratorOnly = 1;
    private const int RandomStateOnly = 2;

    [Fact]
    public void Golden_vectors_match_numpy()
    {
        JsonArray cases = PythonOracle.LoadGolden("numpy_distributions.json")["cases"]!.AsArray();
        Assert.True(cases.Count >= 60);
        foreach (JsonNode? c in cases)
        {
            NumPyDistributionCalls.Check(c!, c!, $"golden {c!["facade"]} {c["bitgen"]} {c["label"]}");
        }
    }

    [Fact]
    public void Live_generator_distributions_match_numpy_bit_for_bit() => RunLive(legacy: false, cases: 400);

    [Fact]
    public void Live_random_state_distributions_match_numpy_bit_for_bit() => RunLive(legacy: true, cases: 400);

    [Fact]
    public void Live_branch_regimes_draw_long_runs_as_numpy()
    {
        // Long single-distribution runs, so that every branch of the rejection samplers (gamma's small-shape method,
        // BTPE's four regions and its Stirling test, PTRS's slow test, HRUA's tests, the tails of the log-series
        // and Zipf) is taken many times per run.
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        string[] heavy = ["gamma", "beta", "binomial", "poisson", "hypergeometric", "zipf", "logseries", "vonmises", "negative_binomial", "noncentral_chisquare", "standard_t", "geometric"];
        for (int i = 0; i < 60; i++)
        {
            bool legacy = seeds.Bool();
            string name = seeds.Pick(heavy);
            Distribution d = Distributions.Single(x => x.Name == name);
            cases.Add(Case(seeds, legacy, [d.Call(seeds, legacy, seeds.Int(2000, 6000))]));
        }

        Check(seeds, cases, "long runs");
    }

    [Fact]
    public void Every_numpy_method_has_its_pascal_case_counterpart()
    {
        JsonNode methods = PythonOracle.Run("numpy_distributions.py", new JsonObject { ["op"] = "methods", ["cases"] = new JsonArray(new JsonObject()) })["results"]![0]!;
        foreach ((string facade, Type type) in new[] { ("Generator", typeof(OneSeed.Compat.NumPyGenerator)), ("RandomState", typeof(OneSeed.Compat.NumPyRandomState)) })
        {
            string[] ours = type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Select(m => m.Name).ToArray();
            // RandInt and RandN predate this test and split NumPy's words (rand + int, rand + n), as NumPy's docs read them.
            string[] missing = methods[facade]!.AsArray().Select(n => (string)n!)
                .Where(n => !ours.Contains(n switch { "randint" => "RandInt", "randn" => "RandN", _ => Pascal(n) })).ToArray();
            Assert.True(missing.Length == 0, $"NumPy's {facade} methods without a PascalCase counterpart on {type.Name}: {string.Join(", ", missing)}.");
        }
    }

    private static void RunLive(bool legacy, int cases)
    {
        var seeds = new LiveSeeds();
        var requests = new JsonArray();
        Distribution[] mine = Distributions.Where(d => (d.Facades & (legacy ? RandomStateOnly : GeneratorOnly)) != 0).ToArray();
        for (int i = 0; i < cases; i++)
        {
            var calls = new List<JsonObject>();
            for (int k = seeds.Int(1, 5); k > 0; k--)
            {
                Distribution d = seeds.Pick(mine);
                calls.Add(d.Invalid is not null && seeds.Int(0, 10) == 0 ? d.InvalidCall(seeds, legacy) : d.Call(seeds, legacy, null));
            }

            requests.Add(Case(seeds, legacy, calls));
        }

        Check(seeds, requests, legacy ? "RandomState" : "Generator");
    }

    private static JsonObject Case(LiveSeeds seeds, bool legacy, List<JsonObject> calls) => new()
    {
        ["facade"] = legacy ? "RandomState" : "Generator",
        ["bitgen"] = legacy ? "MT19937" : seeds.Pick(NumPyGeneratorCalls.Engines),
        ["seed"] = legacy ? (long)seeds.UInt32() : JsonAssert.Big(seeds.BigSeed()),
        ["calls"] = new JsonArray([.. calls]),
    };

    private static void Check(LiveSeeds seeds, JsonArray requests, string family)
    {
        JsonArray results = PythonOracle.Run("numpy_distributions.py", new JsonObject { ["op"] = "run", ["cases"] = requests.DeepClone() })["results"]!.AsArray();
        for (int i = 0; i < requests.Count; i++)
        {
            NumPyDistributionCalls.Check(requests[i]!, results[i]!, $"{family} case {i} {requests[i]!["bitgen"]} seed {requests[i]!["seed"]} {seeds.Replay}");
        }
    }

    // Parameter regimes, biased to the boundaries between NumPy's code paths.
    private static double Shape(LiveSeeds s) => s.Int(0, 5) switch
    {
        0 => 0.001 + (s.Double() * 0.099),
        1 => 0.1 + (s.Double() * 0.9),
        2 => 1.0,
        3 => 1 + (s.Double() * 9),
        _ => 10 + (s.Double() * 1000),
    };

    private static double GammaShape(LiveSeeds s) => s.Int(0, 8) switch
    {
        0 => 0.0,
        1 => 1.0,
        2 => 1e-3 * s.Double(),
        3 => 1e4 * (1 + s.Double()),
        _ => Shape(s),
    };

    private static double Scale(LiveSeeds s) => s.Int(0, 10) == 0 ? 0.0 : s.Double() * 10;

    private static JsonArray LocScale(LiveSeeds s, bool legacy) => s.Int(0, 6) switch
    {
        0 => [],
        1 => [F((s.Double() - 0.5) * 20)],
        _ => [F((s.Double() - 0.5) * 20), F(Scale(s))],
    };

    private static long Trials(LiveSeeds s) => s.Int(0, 6) switch
    {
        0 => 0,
        1 => s.Int(1, 10),
        2 => s.Int(10, 1000),
        3 => s.Int64(1000, 1_000_000_000),
        _ => s.Int(30, 200),
    };

    private static double Probability(LiveSeeds s) => s.Int(0, 8) switch
    {
        0 => 0.0,
        1 => 1.0,
        2 => 0.5,
        3 => 1e-6 + (s.Double() * 1e-3),
        4 => 1 - (1e-6 + (s.Double() * 1e-3)),
        _ => s.Double(),
    };

    private static double GeometricP(LiveSeeds s) => s.Int(0, 5) switch
    {
        0 => 1.0,
        1 => 1.0 / 3 + (s.Double() * 2 / 3),
        2 => 1e-12 + (s.Double() * 1e-6),
        _ => s.Double() / 3,
    };

    private static double LogseriesP(LiveSeeds s) => s.Int(0, 5) switch
    {
        0 => 0.0,
        1 => 1e-10 + (s.Double() * 1e-3),
        2 => 1 - (1e-10 + (s.Double() * 1e-3)),
        _ => s.Double(),
    };

    private static double Rate(LiveSeeds s) => s.Int(0, 6) switch
    {
        0 => 0.0,
        1 => s.Double() * 10,
        2 => 10.0,
        3 => 10 + (s.Double() * 1000),
        4 => 1e3 + (s.Double() * 1e12),
        _ => s.Double() * 30,
    };

    private static double Noncentrality(LiveSeeds s) => s.Int(0, 12) switch
    {
        0 => 0.0,
        1 => double.NaN,
        _ => s.Double() * 40,
    };

    private static double Kappa(LiveSeeds s) => s.Int(0, 6) switch
    {
        0 => 0.0,
        1 => 1e-10 + (s.Double() * 1e-8),
        2 => 1e-8 + (s.Double() * 1e-5),
        3 => 1e6 + (s.Double() * 1e9),
        _ => 1e-5 + (s.Double() * 50),
    };

    private static double ZipfA(LiveSeeds s) => s.Int(0, 3) switch
    {
        0 => 1.0001 + (s.Double() * 0.1),
        1 => 1.1 + (s.Double() * 4),
        _ => 5 + (s.Double() * 50),
    };

    private static double[] Alphas(LiveSeeds s)
    {
        int k = s.Int(1, 7);
        bool small = s.Int(0, 3) == 0;
        return Enumerable.Range(0, k).Select(_ => small ? 0.001 + (s.Double() * 0.098) : 0.05 + (s.Double() * 10)).ToArray();
    }

    private static double[] Probabilities(LiveSeeds s)
    {
        int k = s.Int(1, 9);
        double[] w = Enumerable.Range(0, k).Select(_ => s.Int(0, 5) == 0 ? 0.0 : s.Double()).ToArray();
        double sum = w.Sum();
        // Sometimes the probabilities fall short of 1: NumPy's last category takes the rest.
        double total = s.Int(0, 4) == 0 ? s.Double() : 1.0;
        return sum == 0 ? w : w.Select(v => v / sum * total).ToArray();
    }

    private static JsonArray HypergeometricArgs(LiveSeeds s, bool legacy)
    {
        long good, bad;
        switch (s.Int(0, 3))
        {
            case 0:
                good = s.Int(0, 15);
                bad = s.Int(0, 15);
                break;
            case 1:
                good = s.Int(0, 2000);
                bad = s.Int(0, 2000);
                break;
            default:
                good = s.Int64(0, 100_000_000);
                bad = s.Int64(0, 100_000_000);
                break;
        }

        if (legacy && good + bad == 0)
        {
            // RandomState refuses nsample < 1, so its population must not be empty.
            good = 1;
        }

        long total = good + bad;
        long[] edges = [9, 10, 11, total - 11, total - 10, total - 9, total / 2, total];
        long sample = s.Bool() ? s.Pick(edges) : s.Int64(0, total + 1);
        sample = Math.Clamp(sample, legacy ? 1 : 0, total);

        return [I(good), I(bad), I(sample)];
    }

    private static JsonArray MultivariateHypergeometricArgs(LiveSeeds s, bool legacy)
    {
        int k = s.Int(0, 7);
        long[] colors = Enumerable.Range(0, k).Select(_ => (long)(s.Bool() ? s.Int(0, 20) : s.Int(0, 100_000))).ToArray();
        long total = colors.Sum();
        return [IA(colors), I(s.Int64(0, total + 1))];
    }

    private static JsonArray TriangularArgs(LiveSeeds s, bool legacy)
    {
        double left = (s.Double() - 0.5) * 10;
        double right = left + 0.01 + (s.Double() * 10);
        double mode = s.Int(0, 4) switch
        {
            0 => left,
            1 => right,
            _ => left + ((right - left) * s.Double()),
        };
        return [F(left), F(mode), F(right)];
    }

    /// <summary>A NumPy distribution method, how to draw valid and invalid arguments for it, and which façades have it.</summary>
    private sealed record Distribution(
        string Name,
        int Facades,
        Func<LiveSeeds, bool, JsonArray> Args,
        Func<LiveSeeds, bool, JsonArray>? Invalid,
        Func<LiveSeeds, JsonObject?>? Keywords = null,
        bool NoSize = false)
    {
        // NumPy's defaults of the trailing parameters: the size overloads take every parameter, as a port writes them.
        private static readonly Dictionary<string, double[]> Defaults = new()
        {
            ["gamma"] = [double.NaN, 1.0],
            ["gumbel"] = [0.0, 1.0],
            ["laplace"] = [0.0, 1.0],
            ["logistic"] = [0.0, 1.0],
            ["lognormal"] = [0.0, 1.0],
            ["poisson"] = [1.0],
            ["rayleigh"] = [1.0],
            ["exponential"] = [1.0],
        };

        public JsonObject Call(LiveSeeds s, bool legacy, int? size)
        {
            var call = new JsonObject { ["m"] = Name };
            if (!NoSize)
            {
                call["size"] = size ?? (s.Int(0, 4) == 0 ? null : s.Int(0, 5) == 0 ? s.Int(0, 3) : s.Int(0, 300));
            }

            SetArgs(call, Args(s, legacy));

            if (Keywords?.Invoke(s) is JsonObject kw)
            {
                call["kw"] = kw;
            }

            return call;
        }

        public JsonObject InvalidCall(LiveSeeds s, bool legacy)
        {
            JsonObject call = Call(s, legacy, null);
            SetArgs(call, Invalid!(s, legacy));
            return call;
        }

        private void SetArgs(JsonObject call, JsonArray args)
        {
            if (call["size"] is not null && Defaults.TryGetValue(Name, out double[]? defaults))
            {
                for (int i = args.Count; i < defaults.Length; i++)
                {
                    args.Add(F(defaults[i]));
                }
            }

            call["args"] = args;
        }
    }
}

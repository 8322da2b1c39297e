using System.Reflection;
using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Tests.Infrastructure;
using static OneSeed.Tests.Compat.PythonVariateCalls;

namespace OneSeed.Tests.Compat;

/// <summary>
/// PythonRandom's gamma, beta, log-normal, Pareto, von Mises and Weibull variates against CPython 3.11, live with fresh
/// seeds and parameters each run (values by bits, the complete state afterwards, CPython's draw-dependent errors),
/// plus crafted states that force the extreme draws, CPython's float semantics on their own, the refusals, the golden
/// file and the API coverage of random.Random.
/// </summary>
public sealed class PythonRandomVariatesTests
{
    private const double Tau = 6.283185307179586;
    private const double TwoTo53 = 9007199254740992.0;
    private const double GammaShapeLimit = 8.98846567431158e307; // 2^1023: CPython's gammavariate never returns from here on

    // CPython's snake_case names whose PascalCase splits words; all others are one word, capitalised.
    private static readonly Dictionary<string, string> SplitNames = new()
    {
        ["getrandbits"] = "GetRandBits",
        ["randbytes"] = "RandBytes",
        ["randrange"] = "RandRange",
        ["randint"] = "RandInt",
        ["getstate"] = "GetState",
        ["setstate"] = "SetState",
        ["normalvariate"] = "NormalVariate",
        ["lognormvariate"] = "LogNormVariate",
        ["expovariate"] = "ExpoVariate",
        ["vonmisesvariate"] = "VonMisesVariate",
        ["gammavariate"] = "GammaVariate",
        ["betavariate"] = "BetaVariate",
        ["paretovariate"] = "ParetoVariate",
        ["weibullvariate"] = "WeibullVariate",
    };

    [Fact]
    public void Every_public_method_of_cpython_random_has_a_counterpart()
    {
        JsonArray names = PythonOracle.Run(Oracle, new JsonObject { ["op"] = "names", ["cases"] = new JsonArray(new JsonObject()) })["results"]![0]!.AsArray();
        Assert.True(names.Count >= 23, $"CPython listed only {names.Count} methods");
        HashSet<string> ours = [.. typeof(PythonRandom).GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => m.Name)];
        string[] missing = [.. names.Select(n => (string)n!).Where(n => !ours.Contains(SplitNames.TryGetValue(n, out string? p) ? p : char.ToUpperInvariant(n[0]) + n[1..]))];
        Assert.True(missing.Length == 0, $"random.Random methods without a PythonRandom counterpart: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Live_gamma_matches_cpython_in_all_three_regimes() =>
        _ = RunLive(300, s => ["gammavariate", F(GammaShape(s)), F(GammaScale(s))]);

    [Fact]
    public void Live_beta_matches_cpython() => _ = RunLive(300, s => ["betavariate", F(GammaShape(s)), F(GammaShape(s))]);

    [Fact]
    public void Live_lognormal_pareto_and_weibull_match_cpython_including_overflow_errors()
    {
        JsonArray results = RunLive(300, s => s.Int(0, 3) switch
        {
            0 => LogNormalOp(s),
            1 => ["paretovariate", F(ParetoShape(s))],
            _ => ["weibullvariate", F(WeibullScale(s)), F(WeibullShape(s))],
        });
        Assert.True(CountErrors(results, "OverflowError") > 0, "no draw overflowed: the OverflowError path went untested");
    }

    [Fact]
    public void Live_von_mises_matches_cpython_on_both_sides_of_the_kappa_threshold() =>
        _ = RunLive(300, s => ["vonmisesvariate", F(VonMisesMean(s)), F(VonMisesKappa(s))]);

    [Fact]
    public void Live_mixed_sequences_with_the_older_methods_match_cpython() =>
        _ = RunLive(200, s => s.Int(0, 10) switch
        {
            0 => ["gammavariate", F(GammaShape(s)), F(GammaScale(s))],
            1 => ["betavariate", F(GammaShape(s)), F(GammaShape(s))],
            2 => LogNormalOp(s),
            3 => ["paretovariate", F(ParetoShape(s))],
            4 => ["weibullvariate", F(WeibullScale(s)), F(WeibullShape(s))],
            5 => ["vonmisesvariate", F(VonMisesMean(s)), F(VonMisesKappa(s))],
            6 => ["gauss", F(s.Double() * 4), F(s.Double() * 3)],
            7 => ["normalvariate", F(s.Double() * 4), F(s.Double() * 3)],
            8 => ["expovariate", F(0.1 + s.Double())],
            _ => ["random", s.Int(1, 5)],
        });

    [Fact]
    public void Live_forced_extreme_draws_match_cpython()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        for (int i = 0; i < 200; i++)
        {
            (ulong[] forced, JsonArray op) = ForcedScenario(seeds, i % 12);
            cases.Add(new JsonObject { ["state"] = ForcedState(seeds, forced), ["ops"] = new JsonArray(op, new JsonArray("random", 2)) });
        }

        JsonArray results = RunAndCompare(cases, seeds);
        Assert.True(CountErrors(results, "ZeroDivisionError") > 0, "no forced draw met a zero division (von Mises r + z = 0, Weibull (-0.0) ** negative)");
    }

    [Fact]
    public void Cpython_float_semantics_match_on_special_and_random_values()
    {
        var seeds = new LiveSeeds();
        double[] special =
        [
            0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, -3.0, 2.5, -2.5, double.PositiveInfinity, double.NegativeInfinity,
            double.NaN, double.Epsilon, -double.Epsilon, double.MaxValue, -double.MaxValue, Math.BitIncrement(1.0),
            Math.BitDecrement(1.0), -Math.BitIncrement(1.0), 709.782712893384, 709.7827128933841, -745.1332191019411,
            -745.2, 1e-300, 9007199254740993.0 - 1, 4503599627370497.0, -4503599627370497.0, 1e16, 1074.5, -1074.5, 1e308,
            Tau, -Tau, 1e-7, 0.9999999,
        ];
        var ops = new JsonArray();
        foreach (double x in special)
        {
            foreach (string f in new[] { "exp", "log", "acos" })
            {
                ops.Add(new JsonArray("float_op", f, F(x), F(0.0)));
            }

            foreach (double y in special)
            {
                ops.Add(new JsonArray("float_op", "pow", F(x), F(y)));
                ops.Add(new JsonArray("float_op", "div", F(x), F(y)));
                if (y != 0.0)
                {
                    ops.Add(new JsonArray("float_op", "mod", F(x), F(y)));
                }
            }
        }

        for (int i = 0; i < 3000; i++)
        {
            double x = RandomWide(seeds), y = RandomWide(seeds);
            ops.Add(new JsonArray("float_op", seeds.Pick(["exp", "log", "acos", "pow", "mod", "div"]), F(x), F(y == 0.0 ? 1.5 : y)));
            ops.Add(new JsonArray("float_op", "pow", F(Math.Abs(x)), F(seeds.Bool() ? y : Math.Round(y))));
            ops.Add(new JsonArray("float_op", "mod", F(x * 1e3), F(seeds.Bool() ? Tau : -Tau)));
        }

        _ = RunAndCompare(new JsonArray(new JsonObject { ["seed"] = new JsonObject { ["kind"] = "int", ["value"] = 1 }, ["ops"] = ops }), seeds);
    }

    [Fact]
    public void Golden_vectors_match_cpython()
    {
        JsonArray cases = PythonOracle.LoadGolden("python_variates.json")["cases"]!.AsArray();
        Assert.True(cases.Count > 20);
        foreach (JsonNode? c in cases)
        {
            CheckOps(Create(c!), c!["ops"]!.AsArray(), c["results"]!.AsArray(), $"golden {c["label"]}");
        }
    }

    [Fact]
    public void Refused_arguments_throw_before_any_draw_where_cpython_raises_or_never_returns()
    {
        double inf = double.PositiveInfinity, nan = double.NaN;
        var refusals = new (JsonArray Op, string CPython, bool CPythonDraws, Type Exception, string Parameter)[]
        {
            (["gammavariate", F(0.0), F(1.0)], "ValueError", false, typeof(ArgumentOutOfRangeException), "alpha"),
            (["gammavariate", F(-2.0), F(1.0)], "ValueError", false, typeof(ArgumentOutOfRangeException), "alpha"),
            (["gammavariate", F(double.NegativeInfinity), F(1.0)], "ValueError", false, typeof(ArgumentOutOfRangeException), "alpha"),
            (["gammavariate", F(2.0), F(0.0)], "ValueError", false, typeof(ArgumentOutOfRangeException), "beta"),
            (["gammavariate", F(0.5), F(-0.0)], "ValueError", false, typeof(ArgumentOutOfRangeException), "beta"),
            (["gammavariate", F(1.0), F(-3.0)], "ValueError", false, typeof(ArgumentOutOfRangeException), "beta"),
            (["gammavariate", F(nan), F(1.0)], "Timeout", true, typeof(ArgumentOutOfRangeException), "alpha"),
            (["gammavariate", F(inf), F(1.0)], "Timeout", true, typeof(ArgumentOutOfRangeException), "alpha"),
            (["gammavariate", F(GammaShapeLimit), F(1.0)], "Timeout", true, typeof(ArgumentOutOfRangeException), "alpha"),
            (["gammavariate", F(double.MaxValue), F(2.0)], "Timeout", true, typeof(ArgumentOutOfRangeException), "alpha"),
            (["betavariate", F(0.0), F(1.0)], "ValueError", false, typeof(ArgumentOutOfRangeException), "alpha"),
            (["betavariate", F(nan), F(1.0)], "Timeout", true, typeof(ArgumentOutOfRangeException), "alpha"),
            (["betavariate", F(2.0), F(-1.0)], "ValueError", true, typeof(ArgumentOutOfRangeException), "beta"),
            (["betavariate", F(1.0), F(inf)], "Timeout", true, typeof(ArgumentOutOfRangeException), "beta"),

            // CPython returns 0.0 here without looking at beta (gammavariate(1e-300, 1) is 0).
            (["betavariate", F(1e-300), F(-1.0)], "value", true, typeof(ArgumentOutOfRangeException), "beta"),
            (["lognormvariate", F(710.0), F(0.0)], "OverflowError", true, typeof(ArgumentOutOfRangeException), "mu"),
            (["lognormvariate", F(1e300), F(-0.0)], "OverflowError", true, typeof(ArgumentOutOfRangeException), "mu"),
            (["paretovariate", F(0.0)], "ZeroDivisionError", true, typeof(ArgumentOutOfRangeException), "alpha"),
            (["paretovariate", F(-0.0)], "ZeroDivisionError", true, typeof(ArgumentOutOfRangeException), "alpha"),
            (["weibullvariate", F(1.0), F(0.0)], "ZeroDivisionError", true, typeof(ArgumentOutOfRangeException), "beta"),
            (["weibullvariate", F(nan), F(-0.0)], "ZeroDivisionError", true, typeof(ArgumentOutOfRangeException), "beta"),
            (["vonmisesvariate", F(1.0), F(nan)], "Timeout", true, typeof(ArgumentOutOfRangeException), "kappa"),
        };
        CheckRefusals(refusals);
    }

    /// <summary>
    /// Sends each refused op to CPython on a fresh seed (under a timer: some never return there) and checks what CPython
    /// does, and whether it draws first; C# must throw the given exception naming the parameter, with nothing drawn.
    /// </summary>
    internal static void CheckRefusals((JsonArray Op, string CPython, bool CPythonDraws, Type Exception, string Parameter)[] refusals)
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        foreach (var refusal in refusals)
        {
            cases.Add(new JsonObject { ["seed"] = RandomSeed(seeds), ["ops"] = new JsonArray(new JsonArray("within", 300, refusal.Op.DeepClone())) });
        }

        JsonArray results = PythonOracle.Run(Oracle, new JsonObject { ["op"] = "run", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        for (int i = 0; i < refusals.Length; i++)
        {
            var (op, cpython, cpythonDraws, exceptionType, parameter) = refusals[i];
            string context = $"{op.ToJsonString()} {seeds.Replay}";
            JsonNode got = results[i]!["results"]![0]!;
            string outcome = got is JsonObject o ? (string)o["error"]! : "value";
            Assert.True(outcome == cpython, $"{context}: CPython gave {got.ToJsonString()}, expected {cpython}");
            PythonRandom r = Create(cases[i]!);
            string before = r.GetStateJson();
            bool pythonDrew = JsonNode.Parse((string)results[i]!["state"]!)!["internalstate"]!.ToJsonString() != JsonNode.Parse(before)!["internalstate"]!.ToJsonString();
            Assert.True(pythonDrew == cpythonDraws, $"{context}: CPython drew: {pythonDrew}");
            var e = Assert.Throws(exceptionType, () => { Apply(r, op); });
            Assert.Equal(parameter, ((ArgumentException)e).ParamName);
            Assert.Equal(before, r.GetStateJson());
        }
    }

    private static JsonArray RunLive(int count, Func<LiveSeeds, JsonArray> makeOp)
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        for (int i = 0; i < count; i++)
        {
            var ops = new JsonArray();
            for (int j = seeds.Int(1, 9); j > 0; j--)
            {
                ops.Add(makeOp(seeds));
            }

            cases.Add(new JsonObject { ["seed"] = RandomSeed(seeds), ["ops"] = ops });
        }

        return RunAndCompare(cases, seeds);
    }

    /// <summary>The extreme draws, one scenario per kind: the forced random() mantissas and the op that meets them.</summary>
    private static (ulong[] Forced, JsonArray Op) ForcedScenario(LiveSeeds s, int kind)
    {
        const ulong Top = (1UL << 53) - 1;
        ulong Near(double u) => (ulong)(long)Math.Round(u * TwoTo53) + (ulong)s.Int(-2, 3);
        ulong Any() => (ulong)s.Int64(0, 1L << 53);
        switch (kind)
        {
            case 0:
                // random() = 0: 1 - u is 1, so log gives 0 and -log gives -0.0, the base of Weibull's power.
                return ([0], ["weibullvariate", F(WeibullScale(s)), F(s.Pick([1.0, 3.0, -1.0, -2.5, 1.0 / 3.0, double.Epsilon, -double.Epsilon, double.PositiveInfinity, double.NegativeInfinity, double.NaN, WeibullShape(s)]))]);
            case 1:
                return ([s.Pick([0UL, Top, Top - 1, 1UL])], ["paretovariate", F(ParetoShape(s))]);
            case 2:
                // cos(pi u) = -1 for u above about 1 - 3.4e-9; with r = 1 (kappa above ~4.5e15), r + z = 0.
                return ([Top - (ulong)s.Int(0, 1 << 25), Any()], ["vonmisesvariate", F(VonMisesMean(s)), F(s.Pick([double.PositiveInfinity, 1e16, 1e300, 4.6e15, 4.4e15, VonMisesKappa(s)]))]);
            case 3:
                // u2 = 0 accepts, then u3 = 0.5 exactly takes the mu - acos(f) side.
                return ([Any(), 0, 1UL << 52], ["vonmisesvariate", F(VonMisesMean(s)), F(0.001 + (s.Double() * 100))]);
            case 4:
                // Cheng's window 1e-7 < u1 < 0.9999999, at both edges.
                return ([Near(s.Bool() ? 1e-7 : 0.9999999), Any(), Any()], ["gammavariate", F(1.0 + (s.Double() * 20)), F(GammaScale(s))]);
            case 5:
            {
                // ALGORITHM GS at p = b * u = 1 exactly (or next to it).
                double alpha = s.Pick([0.5, 0.3, 0.9, 1e-5, s.Double()]);
                double b = (Math.E + alpha) / Math.E;
                ulong m = (ulong)Math.Round(TwoTo53 / b);
                for (ulong c = m - 4; c <= m + 4; c++)
                {
                    if (b * (c / TwoTo53) == 1.0)
                    {
                        m = c;
                        break;
                    }
                }

                return ([m + (ulong)s.Int(0, 2), Any()], ["gammavariate", F(alpha), F(GammaScale(s))]);
            }

            case 6:
                // random() = 0 in ALGORITHM GS: p = 0 and x = 0 ** (1 / alpha).
                return ([0, Any()], ["gammavariate", F(s.Pick([0.5, 1.0 / 3.0, 0.2, s.Double()])), F(GammaScale(s))]);
            case 7:
                // gammavariate(1, beta) of random() = 0 is -0.0 * beta; betavariate then returns 0.0 without a second gamma.
                return ([0], s.Bool() ? ["gammavariate", F(1.0), F(GammaScale(s))] : ["betavariate", F(1.0), F(GammaShape(s))]);
            case 8:
                // normalvariate's u2 = 1 - random() at its smallest (rejected) and the log-normal of u1 = 0.
                return ([s.Pick([0UL, Top]), s.Pick([Top, 0UL, Any()])], LogNormalOp(s));
            case 9:
            {
                // random() * total landing exactly on a cumulative weight: bisect_right goes past it.
                int n = s.Int(2, 9);
                var cum = new JsonArray([.. Enumerable.Range(1, n).Select(v => (JsonNode)v)]);
                ulong m = (ulong)(s.Int(0, n) * (TwoTo53 / n));
                return ([m, Top], ["choices", n, null, new JsonObject { ["ints"] = cum }, 2]);
            }

            case 10:
                return ([s.Pick([0UL, Top])], ["choices", s.Int(1, 100), null, null, 1]);
            default:
                return ([s.Pick([0UL, Top, 1UL << 52])], ["vonmisesvariate", F(VonMisesMean(s)), F(VonMisesKappa(s))]);
        }
    }

    private static double Positive(double x) => x > 0.0 ? x : double.Epsilon;

    private static double NonZero(double x) => x != 0.0 ? x : 1.5;

    private static double GammaShape(LiveSeeds s) => s.Int(0, 16) switch
    {
        0 => 1.0,
        1 => Math.BitIncrement(1.0),
        2 => Math.BitDecrement(1.0),
        3 => 1.0 + (s.Double() * 1e-9),
        4 => 1.0 + (s.Double() * 3),
        5 => Math.Pow(10, s.Double() * 3),
        6 => Math.Pow(10, 3 + (s.Double() * 304.9)),
        7 => Math.BitDecrement(GammaShapeLimit),
        8 => Positive(s.Double()),
        9 => 1.0 - (s.Double() * 1e-9),
        10 => Math.Pow(10, -10 * s.Double()),
        11 => Positive(Math.Pow(10, -300 - (s.Double() * 23))),
        12 => double.Epsilon * s.Int(1, 10),
        13 => s.Pick([0.5, 1.0 / 3.0, 0.25, 0.2, 2.0, 3.0, 1.5]),
        _ => Positive(s.Double() * 10),
    };

    private static double GammaScale(LiveSeeds s) => s.Int(0, 9) switch
    {
        0 => 1.0,
        1 => Positive(s.Double() * 10),
        2 => Math.Pow(10, (s.Double() * 600) - 300),
        3 => double.PositiveInfinity,
        4 => double.NaN,
        5 => double.Epsilon,
        6 => double.MaxValue,
        _ => 0.1 + (s.Double() * 5),
    };

    private static JsonArray LogNormalOp(LiveSeeds s)
    {
        double mu = s.Int(0, 9) switch
        {
            0 => 700 + (s.Double() * 20),
            1 => -1e308,
            2 => double.PositiveInfinity,
            3 => double.NegativeInfinity,
            4 => double.NaN,
            5 => 0.0,
            _ => (s.Double() * 20) - 10,
        };
        double sigma = s.Int(0, 10) switch
        {
            0 => -3 * s.Double(),
            1 => 0.0,
            2 => 1e-300,
            3 => 1e300,
            4 => s.Bool() ? double.PositiveInfinity : double.NegativeInfinity,
            5 => double.NaN,
            6 => 100 * s.Double(),
            _ => 3 * s.Double(),
        };

        // lognormvariate(mu, 0) with exp(mu) overflowing is refused (CPython always raises after its draw).
        return ["lognormvariate", F(mu), F(sigma == 0.0 && mu > 709 && double.IsFinite(mu) ? 1.0 : sigma)];
    }

    private static double ParetoShape(LiveSeeds s) => NonZero(s.Int(0, 10) switch
    {
        0 => Math.Pow(10, -4 * s.Double()),
        1 => -10 * s.Double(),
        2 => s.Bool() ? double.PositiveInfinity : double.NegativeInfinity,
        3 => double.NaN,
        4 => s.Bool() ? double.Epsilon : -double.Epsilon,
        5 => s.Bool() ? 1e308 : -1e-3,
        6 => 0.01 + (s.Double() * 0.1),
        _ => 0.5 + (s.Double() * 10),
    });

    private static double WeibullScale(LiveSeeds s) => s.Int(0, 8) switch
    {
        0 => 0.0,
        1 => double.PositiveInfinity,
        2 => double.NaN,
        3 => double.NegativeInfinity,
        _ => (s.Double() * 10) - 5,
    };

    private static double WeibullShape(LiveSeeds s) => NonZero(s.Int(0, 11) switch
    {
        0 => Math.Pow(10, -4 * s.Double()),
        1 => -10 * s.Double(),
        2 => -Math.Pow(10, -4 * s.Double()),
        3 => s.Bool() ? double.PositiveInfinity : double.NegativeInfinity,
        4 => double.NaN,
        5 => s.Bool() ? double.Epsilon : -double.Epsilon,
        6 => 0.01 + (s.Double() * 0.1),
        _ => 0.2 + (s.Double() * 10),
    });

    private static double VonMisesMean(LiveSeeds s) => s.Int(0, 12) switch
    {
        0 => (s.Double() * 200) - 100,
        1 => -0.0,
        2 => 1e300,
        3 => -1e17,
        4 => double.PositiveInfinity,
        5 => double.NaN,
        6 => Tau,
        7 => -Tau,
        8 => Math.PI,
        _ => s.Double() * Tau,
    };

    private static double VonMisesKappa(LiveSeeds s) => s.Int(0, 16) switch
    {
        0 => 1e-6,
        1 => Math.BitDecrement(1e-6),
        2 => Math.BitIncrement(1e-6),
        3 => -10 * s.Double(),
        4 => double.NegativeInfinity,
        5 => 0.0,
        6 => -0.0,
        7 => Math.Pow(10, -12 + (6 * s.Double())),
        8 => Math.Pow(10, -6 + (26 * s.Double())),
        9 => 4.5e15 * (1 + ((s.Double() - 0.5) * 0.1)),
        10 => 1e300,
        11 => double.PositiveInfinity,
        _ => s.Double() * 10,
    };

    private static double RandomWide(LiveSeeds s) => s.Int(0, 5) switch
    {
        0 => (s.Double() - 0.5) * Math.Pow(10, s.Int(-320, 309)),
        1 => (s.Double() * 1500) - 750,
        2 => (s.Double() * 4) - 2,
        3 => Math.Round((s.Double() - 0.5) * 40),
        _ => (s.Double() - 0.5) * 1e6,
    };
}

using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Tests.Infrastructure;
using static OneSeed.Tests.Compat.PythonVariateCalls;

namespace OneSeed.Tests.Compat;

/// <summary>
/// PythonRandom.Choices against CPython 3.11's random.choices, live with fresh seeds, populations, weights and k each
/// run (the indices chosen and the complete state afterwards), and its refusals.
/// </summary>
public sealed class PythonRandomChoicesTests
{
    [Fact]
    public void Live_choices_match_cpython_with_and_without_weights()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        for (int i = 0; i < 300; i++)
        {
            var ops = new JsonArray();
            for (int j = seeds.Int(1, 6); j > 0; j--)
            {
                ops.Add(RandomChoicesOp(seeds));
            }

            if (seeds.Bool())
            {
                ops.Add(new JsonArray("gauss", F(0.0), F(1.0)));
            }

            cases.Add(new JsonObject { ["seed"] = RandomSeed(seeds), ["ops"] = ops });
        }

        _ = RunAndCompare(cases, seeds);
    }

    [Fact]
    public void Refused_choices_throw_before_any_draw_as_cpython_raises()
    {
        JsonObject Ints(params int[] v) => new() { ["ints"] = new JsonArray([.. v.Select(x => (JsonNode)x)]) };
        JsonObject Bits(params double[] v) => new() { ["bits"] = new JsonArray([.. v.Select(F)]) };
        Type argument = typeof(ArgumentException);
        var refusals = new (JsonArray Op, string CPython, bool CPythonDraws, Type Exception, string Parameter)[]
        {
            (["choices", 3, Ints(1, 1, 1), Ints(1, 2, 3), 1], "TypeError", false, argument, "cumWeights"),
            (["choices", 3, Ints(1, 1), null, 1], "ValueError", false, argument, "weights"),
            (["choices", 3, Ints(1, 1, 1, 1), null, 0], "ValueError", false, argument, "weights"),
            (["choices", 2, null, Bits(1, 2, 3), 1], "ValueError", false, argument, "cumWeights"),
            (["choices", 3, Ints(0, 0, 0), null, 1], "ValueError", false, argument, "weights"),
            (["choices", 2, Bits(-1.0, 0.5), null, 4], "ValueError", false, argument, "weights"),
            (["choices", 2, null, Bits(1.0, -1.0), 1], "ValueError", false, argument, "cumWeights"),
            (["choices", 2, Bits(1.0, double.NaN), null, 1], "ValueError", false, argument, "weights"),
            (["choices", 2, Bits(1.0, double.PositiveInfinity), null, 1], "ValueError", false, argument, "weights"),
            (["choices", 2, Bits(double.PositiveInfinity, double.NegativeInfinity), null, 1], "ValueError", false, argument, "weights"),
            (["choices", 2, null, Bits(1.0, double.NegativeInfinity), -3], "ValueError", false, argument, "cumWeights"),
            (["choices", 2, Bits(1e308, 1e308), null, 1], "ValueError", false, argument, "weights"),
            (["choices", 0, null, null, 1], "IndexError", true, argument, "population"),
            (["choices", 0, null, null, 50], "IndexError", true, argument, "population"),
            (["choices", 0, Ints(), null, 3], "IndexError", false, argument, "population"),
            (["choices", 0, null, Ints(), 0], "IndexError", false, argument, "population"),
            (["choices", 0, Ints(), null, -1], "IndexError", false, argument, "population"),
        };
        PythonRandomVariatesTests.CheckRefusals(refusals);

        var r = new PythonRandom(3);
        string before = r.GetStateJson();
        Assert.Equal("population", Assert.Throws<ArgumentNullException>(() => r.Choices<int>(null!)).ParamName);
        Assert.Empty(r.Choices(Array.Empty<int>(), k: 0));
        Assert.Empty(r.Choices(new[] { 1, 2 }, k: -4));
        Assert.Equal(before, r.GetStateJson());
    }

    [Fact]
    public void Weights_and_cumulative_weights_give_the_same_choices_and_k_counts_the_draws()
    {
        var a = new PythonRandom(77);
        var b = new PythonRandom(77);
        string[] population = ["a", "b", "c", "d"];
        Assert.Equal(a.Choices(population, weights: [1, 0, 2, 5], k: 40), b.Choices(population, cumWeights: [1, 1, 3, 8], k: 40));
        Assert.Equal(a.GetStateJson(), b.GetStateJson());
        Assert.DoesNotContain("b", a.Choices(population, weights: [1, 0, 2, 5], k: 200));
        var c = new PythonRandom(77);
        c.Choices(population, k: 40);
        Assert.Equal(b.GetStateJson(), c.GetStateJson());
    }

    private static JsonArray RandomChoicesOp(LiveSeeds s)
    {
        int k = s.Int(0, 10) switch
        {
            0 => 0,
            1 => -s.Int(1, 5),
            2 => s.Int(1000, 5000),
            _ => s.Int(1, 30),
        };
        int kind = s.Int(0, 10);
        int n = s.Int(0, 4) switch
        {
            0 => s.Int(1, 5),
            1 => s.Int(50, 3000),
            _ => s.Int(1, 40),
        };
        if (kind == 0)
        {
            return ["choices", k <= 0 && s.Bool() ? 0 : n, null, null, k];
        }

        double[] w = new double[n];
        switch (kind)
        {
            case 1:
                // Python integer weights, zeros among them, now and then large.
                for (int i = 0; i < n; i++)
                {
                    w[i] = s.Int(0, 3) == 0 ? 0 : s.Int(0, 4) == 0 ? s.Int64(0, 1L << 40) : s.Int(1, 11);
                }

                w[s.Int(0, n)] = 1;
                return ["choices", n, IntSpec(w), null, k];
            case 2:
            {
                // Integer cumulative weights (repeats are zero weights).
                long sum = 0;
                for (int i = 0; i < n; i++)
                {
                    sum += s.Int(0, 3) == 0 ? 0 : s.Int(1, 100);
                    w[i] = sum;
                }

                w[^1] += 1;
                return ["choices", n, null, IntSpec(w), k];
            }

            case 3:
            {
                // Float cumulative weights, with a NaN inside now and then (CPython checks only the last).
                double sum = 0;
                for (int i = 0; i < n; i++)
                {
                    sum += s.Double();
                    w[i] = sum;
                }

                if (n > 2 && s.Bool())
                {
                    w[s.Int(0, n - 1)] = double.NaN;
                }

                w[^1] = Math.Max(w[^1], 0.5);
                return ["choices", n, null, BitSpec(w), k];
            }

            case 4:
            {
                // Negative weights, with a positive total.
                double sum = 0;
                for (int i = 0; i < n; i++)
                {
                    w[i] = (s.Double() * 4) - 2;
                    sum += w[i];
                }

                if (!(sum > 0))
                {
                    w[^1] += 1 - sum;
                }

                return ["choices", n, BitSpec(w), null, k];
            }

            case 5:
                // Extreme magnitudes: subnormal, tiny and huge weights.
                for (int i = 0; i < n; i++)
                {
                    w[i] = s.Pick([double.Epsilon, 1e-300, 1e300 / n, 0.0, s.Double() * 1e-200]);
                }

                w[^1] = 1e-300;
                return ["choices", n, BitSpec(w), null, k];
            case 6:
                // All the weight on the last element, or on one random element.
                w[s.Bool() ? n - 1 : s.Int(0, n)] = s.Double() + 0.1;
                return ["choices", n, BitSpec(w), null, k];
            default:
                for (int i = 0; i < n; i++)
                {
                    w[i] = s.Int(0, 5) == 0 ? 0.0 : s.Double();
                }

                w[s.Int(0, n)] = 0.25;
                return ["choices", n, BitSpec(w), null, k];
        }
    }

    private static JsonObject IntSpec(double[] w) => new() { ["ints"] = new JsonArray([.. w.Select(v => (JsonNode)(long)v)]) };

    private static JsonObject BitSpec(double[] w) => new() { ["bits"] = new JsonArray([.. w.Select(F)]) };
}

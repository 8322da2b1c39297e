using System.Numerics;
using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Engines;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Compat;

public sealed class NumPyGeneratorTests
{
    private static readonly string[] Families = ["integers", "floats", "ziggurat", "shuffles", "choice", "bytes"];

    [Fact]
    public void Golden_vectors_match_numpy()
    {
        JsonArray cases = PythonOracle.LoadGolden("numpy_generator.json")["cases"]!.AsArray();
        Assert.True(cases.Count >= 9);
        foreach (JsonNode? c in cases)
        {
            NumPyGeneratorCalls.Check(c!, c!, $"golden {c!["label"]}");
        }
    }

    [Fact]
    public void Live_integers_match_numpy() => RunLive("integers", 300);

    [Fact]
    public void Live_random_uniform_normal_exponential_match_numpy() => RunLive("floats", 200);

    [Fact]
    public void Live_ziggurat_tails_and_wedges_match_numpy() => RunLive("ziggurat", 120);

    [Fact]
    public void Live_permutation_and_shuffle_match_numpy() => RunLive("shuffles", 200);

    [Fact]
    public void Live_choice_every_branch_matches_numpy() => RunLive("choice", 250);

    [Fact]
    public void Live_mixed_call_sequences_and_bytes_match_numpy() => RunLive("mixed", 200);

    [Fact]
    public void Live_state_round_trips_through_numpy_mid_stream()
    {
        var seeds = new LiveSeeds();
        var requests = new JsonArray();
        var generators = new List<NumPyGenerator>();
        for (int i = 0; i < 60; i++)
        {
            string bitgen = seeds.Pick(NumPyGeneratorCalls.Engines);
            var g = new NumPyGenerator(NumPyGeneratorCalls.CreateEngine(bitgen, seeds.BigSeed()));
            for (int k = seeds.Int(0, 5); k > 0; k--)
            {
                NumPyGeneratorCalls.Apply(g, RandomCall(seeds, "mixed"));
            }

            generators.Add(g);
            requests.Add(new JsonObject { ["bitgen"] = bitgen, ["state"] = g.BitGenerator.GetStateJson(), ["calls"] = Calls(seeds, "mixed", seeds.Int(1, 6)) });
        }

        JsonArray results = PythonOracle.Run("numpy_generator.py", new JsonObject { ["op"] = "generator", ["cases"] = requests.DeepClone() })["results"]!.AsArray();
        for (int i = 0; i < requests.Count; i++)
        {
            string context = $"state case {i} {seeds.Replay}";
            NumPyGenerator g = generators[i];
            NumPyGeneratorCalls.CheckCalls(g, requests[i]!["calls"]!.AsArray(), results[i]!["results"]!.AsArray(), context);

            // NumPy's state after its calls, loaded back into a fresh engine, continues exactly as ours.
            var back = NumPyGeneratorCalls.CreateEngine((string)requests[i]!["bitgen"]!, 0);
            back.SetStateJson((string)results[i]!["state"]!);
            ulong[] tail = JsonAssert.UInt64s(results[i]!["tail_u64"]);
            JsonAssert.Equal(tail, tail.Select(_ => g.BitGenerator.NextUInt64()).ToArray(), context + " tail");
            JsonAssert.Equal(tail, tail.Select(_ => back.NextUInt64()).ToArray(), context + " tail from NumPy's state");
        }
    }

    [Fact]
    public void Invalid_arguments_throw_and_leave_the_engine_unchanged()
    {
        var g = new NumPyGenerator(new Mt19937(7));
        string before = g.BitGenerator.GetStateJson();
        Assert.Throws<ArgumentNullException>(() => new NumPyGenerator(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Random(-1));
        Assert.Throws<ArgumentException>(() => g.Integers(5, 5));
        Assert.Throws<ArgumentException>(() => g.Integers(5, 4, endpoint: true));
        Assert.Throws<ArgumentException>(() => g.Integers(long.MinValue, long.MinValue, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Integers(0, 5, -2));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Normal(0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Normal(0, -0.0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Exponential(-2.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Uniform(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Uniform(-double.MaxValue, double.MaxValue, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Uniform(0, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Permutation(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Bytes(-1));
        Assert.Throws<ArgumentException>(() => g.Choice(0, 1));
        Assert.Throws<ArgumentException>(() => g.Choice(3, 4, replace: false));
        Assert.Throws<ArgumentException>(() => g.Choice(3, 1, p: [0.5, 0.5]));
        Assert.Throws<ArgumentException>(() => g.Choice(2, 1, p: [0.5, double.NaN]));
        Assert.Throws<ArgumentException>(() => g.Choice(2, 1, p: [1.5, -0.5]));
        Assert.Throws<ArgumentException>(() => g.Choice(2, 1, p: [0.5, 0.6]));
        Assert.Throws<ArgumentException>(() => g.Choice(3, 2, replace: false, p: [1.0, 0.0, 0.0]));
        Assert.Throws<ArgumentNullException>(() => g.Shuffle((IList<int>)null!));
        Assert.Equal(before, g.BitGenerator.GetStateJson());

        // NumPy returns an empty array for an empty request without checking the bounds; so do we.
        Assert.Empty(g.Integers(5, 5, 0));
        Assert.Empty(g.Choice(0, 0));
        Assert.Equal(before, g.BitGenerator.GetStateJson());
        Assert.DoesNotContain("key", g.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Shuffle_of_a_list_and_of_a_span_draw_the_same()
    {
        var a = new NumPyGenerator(new Mt19937(11));
        var b = new NumPyGenerator(new Mt19937(11));
        var list = Enumerable.Range(0, 777).ToList();
        int[] array = Enumerable.Range(0, 777).ToArray();
        a.Shuffle(list);
        b.Shuffle(array.AsSpan());
        Assert.Equal(array, list);
        Assert.Equal(a.BitGenerator.NextUInt64(), b.BitGenerator.NextUInt64());
    }

    private static void RunLive(string family, int count)
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        for (int i = 0; i < count; i++)
        {
            string f = family == "mixed" ? seeds.Pick(Families) : family;
            int calls = family == "mixed" ? seeds.Int(1, 8) : seeds.Int(1, 4);
            cases.Add(new JsonObject
            {
                ["bitgen"] = seeds.Pick(NumPyGeneratorCalls.Engines),
                ["seed"] = JsonAssert.Big(seeds.BigSeed()),
                ["calls"] = family == "mixed" ? Calls(seeds, "mixed", calls) : Calls(seeds, f, calls),
            });
        }

        JsonArray results = PythonOracle.Run("numpy_generator.py", new JsonObject { ["op"] = "generator", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        for (int i = 0; i < cases.Count; i++)
        {
            NumPyGeneratorCalls.Check(results[i]!, cases[i]!, $"{family} case {i} seed {cases[i]!["seed"]} {seeds.Replay}");
        }
    }

    private static JsonArray Calls(LiveSeeds seeds, string family, int count)
    {
        var calls = new JsonArray();
        for (int k = 0; k < count; k++)
        {
            calls.Add(RandomCall(seeds, family == "mixed" ? seeds.Pick(Families) : family));
        }

        return calls;
    }

    private static JsonNode? Size(LiveSeeds seeds, int max) => seeds.Int(0, 6) == 0 ? null : seeds.Int(0, 4) == 0 ? seeds.Int(0, 4) : seeds.Int(0, max);

    private static JsonNode Bits(double d) => BitConverter.DoubleToUInt64Bits(d);

    private static double EdgeDouble(LiveSeeds seeds) => seeds.Int(0, 8) switch
    {
        0 => 0.0,
        1 => 1.0,
        2 => seeds.Double() * 1e-300,
        3 => (seeds.Double() - 0.5) * 1e6,
        4 => -seeds.Double() * 10,
        _ => seeds.Double() * 10,
    };

    internal static JsonNode RandomCall(LiveSeeds seeds, string family)
    {
        switch (family)
        {
            case "integers":
                return IntegersCall(seeds);
            case "floats":
                return seeds.Int(0, 4) switch
                {
                    0 => new JsonObject { ["m"] = "random", ["size"] = Size(seeds, 700) },
                    1 => UniformCall(seeds),
                    2 => new JsonObject { ["m"] = "normal", ["loc_bits"] = Bits(EdgeDouble(seeds)), ["scale_bits"] = Bits(ScaleValue(seeds)), ["size"] = Size(seeds, 700) },
                    _ => new JsonObject { ["m"] = "exponential", ["scale_bits"] = Bits(ScaleValue(seeds)), ["size"] = Size(seeds, 700) },
                };
            case "ziggurat":
                // Enough draws per call that the tail (layer 0) and the wedges are hit many times per run.
                return new JsonObject { ["m"] = seeds.Bool() ? "standard_normal" : "standard_exponential", ["size"] = seeds.Int(0, 8) == 0 ? null : seeds.Int(0, 4000) };
            case "shuffles":
                // Now and then past FisherYates.NarrowFrom, where permutations shuffle a 32-bit copy.
                int n = seeds.Int(0, 40) == 0 ? seeds.Int(65_536, 100_000) : seeds.Int(0, 4) == 0 ? seeds.Int(0, 5) : seeds.Int(0, 3000);
                return seeds.Int(0, 3) switch
                {
                    0 => new JsonObject { ["m"] = "permutation", ["n"] = n },
                    1 => new JsonObject { ["m"] = "shuffle", ["n"] = n, ["kind"] = "list" },
                    _ => new JsonObject { ["m"] = "shuffle", ["n"] = n, ["kind"] = "array" },
                };
            case "choice":
                return ChoiceCall(seeds);
            default:
                return new JsonObject { ["m"] = "bytes", ["length"] = seeds.Int(0, 4) == 0 ? seeds.Int(0, 9) : seeds.Int(0, 300) };
        }
    }

    private static double ScaleValue(LiveSeeds seeds) => seeds.Int(0, 30) switch
    {
        0 => -1.0,
        1 => -0.0,
        2 => double.NaN,
        _ => Math.Abs(EdgeDouble(seeds)),
    };

    private static JsonObject UniformCall(LiveSeeds seeds)
    {
        double low = EdgeDouble(seeds);
        double high = seeds.Int(0, 20) switch
        {
            0 => low,
            1 => low - 1,
            2 => double.PositiveInfinity,
            3 => -0.0,
            _ => low + Math.Abs(EdgeDouble(seeds)),
        };
        return new JsonObject { ["m"] = "uniform", ["low_bits"] = Bits(low), ["high_bits"] = Bits(high), ["size"] = Size(seeds, 700) };
    }

    private static JsonObject IntegersCall(LiveSeeds seeds)
    {
        // rng = high - low (inclusive), biased to the boundaries between NumPy's code paths.
        int k = seeds.Int(1, 64);
        BigInteger rng = seeds.Int(0, 14) switch
        {
            0 => 0,
            1 => 1,
            2 => (BigInteger.One << k) - 1,
            3 => BigInteger.One << k,
            4 => (BigInteger.One << k) - 2,
            5 => uint.MaxValue - 1,
            6 => uint.MaxValue,
            7 => (BigInteger)uint.MaxValue + 1,
            8 => ulong.MaxValue,
            9 => ulong.MaxValue - 1,
            10 => (BigInteger.One << 62) + seeds.Int64(0, long.MaxValue >> 1),
            11 => seeds.Int64(0, 1000),
            12 => -1, // an empty range: NumPy's error
            _ => seeds.BigSeed(64),
        };
        bool endpoint = seeds.Bool();
        BigInteger span = rng + (endpoint ? 0 : 1); // high - low
        if (span > ulong.MaxValue)
        {
            endpoint = true;
            span = rng;
        }

        BigInteger maxLow = long.MaxValue - BigInteger.Max(span, 0);
        BigInteger low = seeds.Int(0, 4) switch
        {
            0 => 0,
            1 => long.MinValue,
            2 => -seeds.Int64(0, 1L << 40),
            _ => seeds.Int64(long.MinValue, long.MaxValue),
        };
        if (low > maxLow)
        {
            low = maxLow;
        }

        if (low + span < long.MinValue)
        {
            low = long.MinValue - span;
        }

        BigInteger high = low + span;
        return new JsonObject { ["m"] = "integers", ["low"] = (long)low, ["high"] = (long)high, ["endpoint"] = endpoint, ["size"] = Size(seeds, 600) };
    }

    private static JsonObject ChoiceCall(LiveSeeds seeds)
    {
        bool replace = seeds.Bool();
        bool shuffle = seeds.Int(0, 3) != 0;
        long a;
        int? size;
        switch (seeds.Int(0, 6))
        {
            case 0:
                a = seeds.Int(0, 8);
                size = seeds.Int(0, 4) == 0 ? null : seeds.Int(0, 10);
                break;
            case 1:
                // The tail-shuffle branch without replacement: a > 10000 and size > a // 50 (a // 20 without shuffle).
                a = seeds.Int(10001, 60000);
                size = (int)(a / (shuffle ? 50 : 20)) + seeds.Int(-3, 1500);
                break;
            case 2:
                a = seeds.Int(10, 10002);
                size = seeds.Int(0, (int)Math.Min(a, 600));
                break;
            case 3:
                // Floyd and integers over 64-bit ranges.
                a = seeds.Int64(1L << 32, long.MaxValue);
                size = seeds.Int(0, 300);
                break;
            default:
                a = seeds.Int(1, 300);
                size = seeds.Int(0, 4) == 0 ? null : seeds.Int(0, (int)a + 2);
                break;
        }

        var call = new JsonObject { ["m"] = "choice", ["a"] = a, ["size"] = size, ["replace"] = replace, ["shuffle"] = shuffle };
        if (a <= 3000 && seeds.Int(0, 2) == 0)
        {
            var p = new double[Math.Max(a, 0)];
            for (int i = 0; i < p.Length; i++)
            {
                p[i] = seeds.Int(0, 4) == 0 ? 0.0 : seeds.Double();
            }

            double sum = p.Sum();
            if (sum > 0)
            {
                for (int i = 0; i < p.Length; i++)
                {
                    p[i] /= sum;
                }
            }

            switch (seeds.Int(0, 25))
            {
                case 0 when p.Length > 0:
                    p[0] = double.NaN;
                    break;
                case 1 when p.Length > 1:
                    p[1] = -p[1] - 0.01;
                    break;
                case 2 when p.Length > 0:
                    p[0] += 0.01;
                    break;
                case 3:
                    p = [.. p, 0.0];
                    break;
            }

            call["p_bits"] = new JsonArray(p.Select(v => Bits(v)).ToArray());
        }

        return call;
    }
}

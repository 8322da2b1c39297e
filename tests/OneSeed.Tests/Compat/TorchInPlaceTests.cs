using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Distributions;
using OneSeed.Tests.Infrastructure;
using Xunit;

namespace OneSeed.Tests.Compat;

/// <summary>
/// TorchGenerator's in-place samplers (<c>geometric_</c>, <c>log_normal_</c>, <c>cauchy_</c>, <c>uniform_</c>,
/// <c>random_</c>, <c>bernoulli</c>) and <c>torch.normal</c> with tensors, against torch 1.13 (tests/oracles/torch_inplace.py)
/// with fresh seeds, parameters and sizes every run: the values bit for bit, the refusals, and the state afterwards.
/// </summary>
public sealed class TorchInPlaceTests
{
    private const string Oracle = "torch_inplace.py";
    private static readonly int[] Sizes = [0, 1, 2, 3, 5, 7, 8, 15, 16, 17, 31, 32, 33, 100, 511, 512, 513, 1000, 2047, 2048, 2049, 5003];
    private static readonly string[] FloatDtypes = ["float32", "float64"];
    private static readonly string[] AllDtypes = ["float32", "float64", "int64"];
    private static readonly string[] Samplers = ["geometric", "log_normal", "cauchy", "uniform", "random_from_to", "random_", "bernoulli_tensor", "bernoulli_scalar"];
    private static readonly string[] NormalForms = ["normal_tt", "normal_ts", "normal_st"];

    [Fact]
    public void LiveInPlaceSamplersInterleavedWithSmallRandn()
    {
        var seeds = new LiveSeeds();
        CompareLive(seeds, RandomCases(seeds, 300, Samplers));
    }

    [Fact]
    public void LiveNormalWithTensorsOnBothPathsAndTheCachedNormal()
    {
        var seeds = new LiveSeeds();
        CompareLive(seeds, RandomCases(seeds, 250, NormalForms));
    }

    [Fact]
    public void LiveRandomFromToAtTheEdgesOfEachDtype()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        for (int k = 0; k < 150; k++)
        {
            var calls = new JsonArray();
            for (int c = seeds.Int(1, 6); c > 0; c--)
            {
                calls.Add(RandomFromTo(seeds, seeds.Pick(AllDtypes), edge: true));
            }

            cases.Add(new JsonObject { ["seed"] = seeds.UInt32(), ["calls"] = calls });
        }

        CompareLive(seeds, cases);
    }

    [Fact]
    public void LiveRefusalsAreTorchsAndChangeNothing()
    {
        // Each of these is refused by torch before it draws (the oracle asserts that) and by TorchGenerator before it
        // draws (the runner asserts that); the comparison holds both sides to the same list.
        var seeds = new LiveSeeds();
        double nan = double.NaN;
        JsonArray[] refused =
        [
            ["geometric", S(1.0), 5, "float32"], ["geometric", S(0.0), 5, "float64"], ["geometric", S(-0.5), 5, "int64"],
            ["geometric", S(nan), 5, "float32"], ["geometric", S(1.5), 0, "float64"],
            ["log_normal", S(0), S(0), 5, "float32"], ["log_normal", S(0), S(-1), 5, "float64"], ["log_normal", S(1), S(nan), 3, "float32"],
            ["uniform", S(2), S(1), 5, "float32"], ["uniform", S(-3e38), S(3e38), 5, "float32"], ["uniform", S(0), S(1e39), 5, "float32"],
            ["uniform", S(-1.7e308), S(1.7e308), 5, "float64"], ["uniform", S(0), S(double.PositiveInfinity), 5, "float64"],
            ["random_from_to", 5, 5, 3, "int64"], ["random_from_to", 5, 4, 3, "float32"], ["random_from_to", 0, long.MinValue, 3, "float64"],
            ["random_from_to", (1L << 24) + 1, null, 3, "float32"], ["random_from_to", (1L << 53) + 1, null, 3, "float64"],
            ["random_from_to", (1L << 25) + 1, (1L << 25) + 2, 3, "float32"], ["random_from_to", (1L << 54) + 1, (1L << 54) + 3, 3, "float64"],
            ["bernoulli_scalar", S(1.5), 4, "float32"], ["bernoulli_scalar", S(-0.1), 4, "float64"], ["bernoulli_scalar", S(nan), 4, "float32"],
            ["normal_tt", T32([0, 0]), T32([1, 1, 1])], ["normal_tt", T64([0, 0, 0]), T64([1, -1, 1])], ["normal_tt", T32([1]), T32([1, nan])],
            ["normal_ts", T64([1, 2]), S(-1)], ["normal_ts", T32([1, 2]), S(nan)],
            ["normal_st", S(0), T64([1, 2, -0.5])], ["normal_st", S(0), T32([nan])], ["normal_st", S(3.402823466385289e+38), T32([1])],
        ];
        var cases = new JsonArray();
        foreach (JsonArray call in refused)
        {
            // Between two ordinary calls, so a refusal that drew anything would shift what follows.
            cases.Add(new JsonObject { ["seed"] = seeds.UInt32(), ["calls"] = new JsonArray(new JsonArray("randn", 3, "float64"), call, new JsonArray("randn", 5, "float32")) });
        }

        JsonArray results = CompareLive(seeds, cases);
        for (int k = 0; k < refused.Length; k++)
        {
            Assert.Equal("error", (string?)results[k]!["outputs"]![1]);
        }
    }

    [Fact]
    public void GoldenVectors()
    {
        JsonNode golden = PythonOracle.LoadGolden("torch_inplace.json");
        foreach (JsonNode? testCase in golden["cases"]!.AsArray())
        {
            var g = new TorchGenerator(TorchInPlaceCalls.Int64(testCase!["seed"]));
            JsonArray calls = testCase["calls"]!.AsArray();
            JsonArray expected = testCase["outputs"]!.AsArray();
            for (int i = 0; i < calls.Count; i++)
            {
                JsonNode? actual = TorchInPlaceCalls.Run(g, calls[i]!.AsArray());
                Assert.True(JsonNode.DeepEquals(expected[i], actual), $"seed {testCase["seed"]}, call {i} {calls[i]!.ToJsonString()}");
            }

            Assert.Equal((string)testCase["state"]!, Convert.ToBase64String(g.GetState()));
        }
    }

    [Fact]
    public void SpanFormsGiveTheAllocatingFormsValuesAndState()
    {
        var seeds = new LiveSeeds();
        foreach (int n in new[] { 0, 1, 7, 15, 16, 17, 511, 512, 513, 2049, 5003 })
        {
            ulong seed = seeds.UInt32();
            var a = new TorchGenerator(seed);
            var b = new TorchGenerator(seed);
            a.RandnDouble(1);
            b.RandnDouble(1);
            float[] f = new float[n];
            double[] d = new double[n];
            long[] l = new long[n];
            float[] p32 = [.. Enumerable.Range(0, n).Select(_ => (float)seeds.Double())];
            double[] p64 = [.. Enumerable.Range(0, n).Select(_ => seeds.Double())];

            a.Uniform(-2, 3, f);
            Assert.Equal(b.Uniform(-2, 3, n), f);
            a.UniformDouble(-2, 3, d);
            Assert.Equal(b.UniformDouble(-2, 3, n), d);
            a.Geometric(0.3, f);
            Assert.Equal(b.Geometric(0.3, n), f);
            a.GeometricDouble(0.3, d);
            Assert.Equal(b.GeometricDouble(0.3, n), d);
            a.GeometricInt64(1e-3, l);
            Assert.Equal(b.GeometricInt64(1e-3, n), l);
            a.LogNormal(0.5, 2, f);
            Assert.Equal(b.LogNormal(0.5, 2, n), f);
            a.LogNormalDouble(0.5, 2, d);
            Assert.Equal(b.LogNormalDouble(0.5, 2, n), d);
            a.Cauchy(1, 2, f);
            Assert.Equal(b.Cauchy(1, 2, n), f);
            a.CauchyDouble(1, 2, d);
            Assert.Equal(b.CauchyDouble(1, 2, n), d);
            a.RandomFromTo(-7, 1L << 40, l);
            Assert.Equal(b.RandomFromTo(-7, 1L << 40, n), l);
            a.Random(l);
            Assert.Equal(b.Random(n), l);
            a.Bernoulli(p32, f);
            Assert.Equal(b.Bernoulli(p32), f);
            a.Bernoulli(p64, d);
            Assert.Equal(b.Bernoulli(p64), d);
            a.Normal(p32, p32, f);
            Assert.Equal(b.Normal(p32, p32), f);
            a.Normal(p64, 3.0, d);
            Assert.Equal(b.Normal(p64, 3.0), d);
            a.Normal(-1.0, p64, d);
            Assert.Equal(b.Normal(-1.0, p64), d);
            Assert.True(a.GetState().AsSpan().SequenceEqual(b.GetState()), $"n = {n}: different final state {seeds.Replay}");
        }
    }

    [Fact]
    public void BernoulliIntoItsOwnProbabilitiesReadsEachBeforeWritingIt()
    {
        var seeds = new LiveSeeds();
        ulong seed = seeds.UInt32();
        double[] p = [.. Enumerable.Range(0, 3000).Select(_ => seeds.Double())];
        double[] expected = new TorchGenerator(seed).Bernoulli(p);
        new TorchGenerator(seed).Bernoulli(p, p);
        Assert.Equal(expected, p);
    }

    [Fact]
    public void SpanFormsRefuseWrongLengthsAndOverlapsBeforeDrawing()
    {
        var g = new TorchGenerator(11);
        g.RandnDouble(1);
        byte[] before = g.GetState();
        float[] p = [0.5f, 0.5f, 0.5f];
        double[] mean = [0, 1, 2, 3];
        Assert.Throws<ArgumentException>(() => g.Bernoulli(p, new float[2]));
        Assert.Throws<ArgumentException>(() => g.Normal(mean, mean, new double[3]));
        Assert.Throws<ArgumentException>(() => g.Normal(mean, mean, mean));
        Assert.Throws<ArgumentException>(() => g.Normal(mean.AsSpan(0, 2), 1.0, mean.AsSpan(1, 2)));
        Assert.Throws<ArgumentException>(() => g.Normal(0.0, p, new float[4]));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Geometric(0.5, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.RandomFromTo(0, 5, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.RandomFromTo(long.MaxValue, null, new float[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Bernoulli([0.5, 1.0000001]));
        Assert.Equal(before, g.GetState());
    }

    [Fact]
    public void BoxMullerPairsVectorPathGivesTheScalarBitsOnBothLibmPaths()
    {
        if (!GlibcExactLogSinCos.IsSupported)
        {
            return;
        }

        var random = new Random(new LiveSeeds().RunSeed);
        double[] u = new double[4096];
        for (int i = 0; i < u.Length; i++)
        {
            u[i] = (i % 97) switch
            {
                0 => 0.0,
                1 => 1.0 - Math.Pow(2, -53),
                2 => Math.Pow(2, -53) * random.Next(1, 64),
                3 => 1.0 - (Math.Pow(2, -53) * random.Next(1, 64)),
                _ => (random.NextInt64(1L << 53) * Math.Pow(2, -53)),
            };
        }

        bool saved = GlibcVectorMath.TranscriptionsEnabled;
        try
        {
            foreach (bool transcriptions in new[] { true, false })
            {
                GlibcVectorMath.TranscriptionsEnabled = transcriptions;
                double[] scalar = (double[])u.Clone();
                double[] vector = (double[])u.Clone();
                TorchBoxMuller.PairsScalar(scalar);
                int done = TorchBoxMuller.PairsVector(vector);
                Assert.Equal(u.Length, done);
                Assert.Equal(scalar.Select(BitConverter.DoubleToUInt64Bits), vector.Select(BitConverter.DoubleToUInt64Bits));
            }
        }
        finally
        {
            GlibcVectorMath.TranscriptionsEnabled = saved;
        }
    }

    private static JsonNode S(double value) => TorchInPlaceCalls.Scalar(value);

    private static JsonObject T32(double[] values) => TorchInPlaceCalls.Tensor([.. values.Select(v => (float)v)]);

    private static JsonObject T64(double[] values) => TorchInPlaceCalls.Tensor(values);

    private static JsonArray CompareLive(LiveSeeds seeds, JsonArray cases)
    {
        JsonArray results = PythonOracle.Run(Oracle, new JsonObject { ["op"] = "calls", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        for (int k = 0; k < cases.Count; k++)
        {
            JsonNode testCase = cases[k]!;
            var g = new TorchGenerator(TorchInPlaceCalls.UInt64(testCase["seed"]));
            JsonArray calls = testCase["calls"]!.AsArray();
            JsonArray expected = results[k]!["outputs"]!.AsArray();
            for (int i = 0; i < calls.Count; i++)
            {
                JsonNode? actual = TorchInPlaceCalls.Run(g, calls[i]!.AsArray());
                if (!JsonNode.DeepEquals(expected[i], actual))
                {
                    Assert.Fail($"case {k} (seed {testCase["seed"]}), call {i} {Shorten(calls[i]!)}: torch gave {Shorten(expected[i])}, TorchGenerator gave {Shorten(actual)} {seeds.Replay}");
                }
            }

            Assert.True((string)results[k]!["state"]! == Convert.ToBase64String(g.GetState()), $"case {k}: different final state {seeds.Replay}");
        }

        return results;
    }

    private static string Shorten(JsonNode? node)
    {
        string text = node?.ToJsonString() ?? "null";
        return text.Length > 400 ? text[..400] + "…" : text;
    }

    private static JsonArray RandomCases(LiveSeeds seeds, int count, string[] family)
    {
        var cases = new JsonArray();
        for (int k = 0; k < count; k++)
        {
            var calls = new JsonArray();
            for (int c = seeds.Int(1, 7); c > 0; c--)
            {
                // Small randn calls between the samplers: the cached double normal and float normal carry across.
                calls.Add(seeds.Int(0, 4) == 0 ? new JsonArray("randn", seeds.Int(0, 16), seeds.Pick(FloatDtypes)) : RandomCall(seeds, seeds.Pick(family)));
            }

            if (seeds.Int(0, 8) == 0)
            {
                calls.Insert(seeds.Int(0, calls.Count + 1), new JsonArray("get_state"));
            }

            cases.Add(new JsonObject { ["seed"] = seeds.UInt32(), ["calls"] = calls });
        }

        return cases;
    }

    private static int Size(LiveSeeds seeds) => seeds.Int(0, 3) == 0 ? seeds.Int(0, 3000) : seeds.Pick(Sizes);

    private static double Pick(LiveSeeds seeds, params Func<double>[] choices) => seeds.Pick(choices)();

    private static JsonArray RandomCall(LiveSeeds seeds, string name)
    {
        int n = Size(seeds);
        string dtype = seeds.Pick(FloatDtypes);
        switch (name)
        {
            case "geometric":
                double p = Pick(
                    seeds,
                    seeds.Double,
                    seeds.Double,
                    () => Math.Pow(10, -seeds.Int(1, 300) - seeds.Double()),
                    () => 1e-17,
                    () => Math.Pow(2, -53),
                    () => 1 - Math.Pow(2, -53),
                    () => 1 - (seeds.Double() * 1e-9),
                    () => 0.5);
                return ["geometric", S(p), n, seeds.Pick(AllDtypes)];
            case "log_normal":
                double mean = Pick(seeds, () => (seeds.Double() * 20) - 10, () => 700, () => -800, () => double.NaN, () => 0);
                double std = Pick(seeds, () => seeds.Double() * 3, () => 1e-300, () => double.Epsilon, () => 100, () => double.PositiveInfinity, () => 1);
                return ["log_normal", S(mean), S(std), n, dtype];
            case "cauchy":
                double median = Pick(seeds, () => (seeds.Double() * 2000) - 1000, () => 0, () => double.NegativeInfinity, () => double.NaN, () => -1e308);
                double sigma = Pick(seeds, () => seeds.Double() * 10, () => 1e-300, () => double.Epsilon, () => 0, () => -2, () => double.PositiveInfinity, () => double.NaN, () => 1e308);
                return ["cauchy", S(median), S(sigma), n, dtype];
            case "uniform":
                double a = (seeds.Double() * 2000) - 1000;
                double b = Pick(seeds, () => a + (seeds.Double() * 100), () => a, () => a + 1e-30);
                return seeds.Int(0, 10) == 0 ? ["uniform", S(-3.4e38), S(0), n, "float32"] : ["uniform", S(a), S(b), n, dtype];
            case "random_from_to":
                return RandomFromTo(seeds, seeds.Pick(AllDtypes), edge: seeds.Int(0, 3) == 0);
            case "random_":
                return ["random_", n, seeds.Pick(AllDtypes)];
            case "bernoulli_tensor":
                {
                    double[] probabilities = Probabilities(seeds, n);
                    return ["bernoulli_tensor", dtype == "float32" ? T32(probabilities) : T64(probabilities)];
                }

            case "bernoulli_scalar":
                return ["bernoulli_scalar", S(Pick(seeds, seeds.Double, () => 0, () => 1, () => 1e-300)), n, dtype];
            case "normal_tt":
                {
                    (int meanLength, int stdLength) = seeds.Int(0, 6) switch
                    {
                        0 => (1, n),
                        1 => (n, 1),
                        2 => (1, 1),
                        _ => (n, n),
                    };
                    return ["normal_tt", Tensor(dtype, Means(seeds, meanLength)), Tensor(dtype, Deviations(seeds, stdLength))];
                }

            case "normal_ts":
                return ["normal_ts", Tensor(dtype, Means(seeds, n)), S(Pick(seeds, () => seeds.Double() * 5, () => 0, () => 1e-300, () => 1e30, () => 1e300, () => double.PositiveInfinity))];
            case "normal_st":
                return ["normal_st", S(Pick(seeds, () => (seeds.Double() * 200) - 100, () => 0, () => 1e300, () => double.NaN, () => 0.1)), Tensor(dtype, Deviations(seeds, n))];
            default:
                throw new InvalidOperationException(name);
        }
    }

    private static JsonObject Tensor(string dtype, double[] values) => dtype == "float32" ? T32(values) : T64(values);

    private static double[] Probabilities(LiveSeeds seeds, int n) =>
        [.. Enumerable.Range(0, n).Select(_ => Pick(seeds, seeds.Double, seeds.Double, seeds.Double, () => 0, () => 1, () => 1e-40, () => 1 - 1e-9))];

    private static double[] Means(LiveSeeds seeds, int n) =>
        [.. Enumerable.Range(0, n).Select(_ => Pick(seeds, () => (seeds.Double() * 200) - 100, () => (seeds.Double() * 2) - 1, () => 0, () => -0.0, () => 1e30, () => double.NegativeInfinity))];

    private static double[] Deviations(LiveSeeds seeds, int n) =>
        [.. Enumerable.Range(0, n).Select(_ => Pick(seeds, () => seeds.Double() * 5, () => seeds.Double(), () => 0, () => 1e-40, () => 1e30, () => double.PositiveInfinity))];

    /// <summary>A random_(from, to) call; with <paramref name="edge"/>, bounds near 2^24, 2^32, 2^53 and 2^63, and to = None.</summary>
    private static JsonArray RandomFromTo(LiveSeeds seeds, string dtype, bool edge)
    {
        int n = Size(seeds);
        if (!edge)
        {
            long low = seeds.Int64(-1000, 1000);
            return ["random_from_to", low, low + seeds.Int64(1, 1L << seeds.Int(1, 40)), n, dtype];
        }

        long Near(long x) => unchecked(x + seeds.Int64(-3, 4));
        long big = 1L << seeds.Int(20, 63);
        (long from, long? to) = seeds.Int(0, 12) switch
        {
            0 => (long.MinValue, (long?)long.MaxValue),
            1 => (long.MinValue, null),
            2 => (seeds.Int64(-(1L << 40), 1L << 24), null),
            3 => (Near(1L << 24), null),
            4 => (Near(1L << 53), null),
            5 => (seeds.Int64(-1000, 1000), Near(1L << 32)),
            6 => (-seeds.Int64(0, 1L << 32), Near(1L << 32)),
            7 => (Near(-big), Near(big)),
            8 => (Near(big), Near(big) + seeds.Int64(1, 1L << 20)),
            9 => (Near(long.MaxValue - (1L << 38)), long.MaxValue),
            10 => (Near(long.MinValue + 5), Near(long.MinValue + (1L << 32))),
            _ => (seeds.Int64(long.MinValue / 2, 0), seeds.Int64(1, long.MaxValue)),
        };
        return ["random_from_to", from, to, n, dtype];
    }
}

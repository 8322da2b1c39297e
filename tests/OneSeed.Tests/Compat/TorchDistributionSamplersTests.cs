using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Tests.Infrastructure;
using Xunit;

namespace OneSeed.Tests.Compat;

/// <summary>
/// <see cref="TorchGenerator"/>'s distribution samplers (multinomial, Poisson, binomial, standard gamma, Dirichlet,
/// exponential) against Debian's torch 1.13, live, with fresh seeds, parameters and sizes every run: the values bit
/// for bit and the generator's state afterwards, with small <c>randn</c> calls between them so torch's cached double
/// normal carries across samplers.
/// </summary>
public sealed class TorchDistributionSamplersTests
{
    private const string Oracle = "torch_distribution_samplers.py";
    private static readonly string[] Dtypes = ["float32", "float64"];

    [Fact]
    public void LiveMultinomialWithAndWithoutReplacement()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        for (int c = 0; c < 300; c++)
        {
            cases.Add(Case(seeds, () => Multinomial(seeds)));
        }

        CompareLive(seeds, cases);
    }

    [Fact]
    public void LiveMultinomialWithMoreSamplesThanNonZeroCategoriesReturnsTorchsTieOrder()
    {
        // Torch 1.13 on the CPU does not refuse this without replacement: topk over p / q puts the zero-weight
        // categories last, in the order libstdc++'s partial_sort / nth_element + sort leave equal keys.
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        for (int c = 0; c < 200; c++)
        {
            bool f32 = seeds.Bool();
            int rows = seeds.Int(0, 4);
            int k = seeds.Int(0, 4) == 0 ? seeds.Int(64, 2000) : seeds.Int(2, 40);
            int nonZero = seeds.Int(1, Math.Min(k, 6));
            double[] p = new double[Math.Max(rows, 1) * k];
            for (int r = 0; r < Math.Max(rows, 1); r++)
            {
                for (int j = 0; j < nonZero; j++)
                {
                    p[(r * k) + seeds.Int(0, k)] = seeds.Int(0, 3) == 0 ? 1.0 : seeds.Double() + 0.01;
                }

                p[(r * k) + seeds.Int(0, k)] = 0.5;
            }

            int numSamples = seeds.Int(0, 3) == 0 ? k : seeds.Int(1, k + 1);
            var call = new JsonArray("multinomial", f32 ? "float32" : "float64", rows, k, TorchDistributionCalls.Bits(f32, p), numSamples, false);
            cases.Add(new JsonObject { ["seed"] = seeds.UInt32(), ["calls"] = new JsonArray(call) });
        }

        CompareLive(seeds, cases);
    }

    [Fact]
    public void LivePoissonBinomialGammaDirichletAndExponential()
    {
        var seeds = new LiveSeeds();
        Func<JsonArray>[] makers = [() => Poisson(seeds), () => Binomial(seeds), () => StandardGamma(seeds), () => Dirichlet(seeds), () => Exponential(seeds)];
        var cases = new JsonArray();
        for (int c = 0; c < 400; c++)
        {
            cases.Add(Case(seeds, () => seeds.Pick(makers)()));
        }

        CompareLive(seeds, cases);
    }

    [Fact]
    public void LiveLongRowsAndArrays()
    {
        // The long paths: Dirichlet rows whose sums cascade through several levels, exponentials over several
        // chunks, multinomial rows of many categories both ways.
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        for (int c = 0; c < 12; c++)
        {
            bool f32 = seeds.Bool();
            string dtype = f32 ? "float32" : "float64";
            int k = seeds.Int(4000, 40000);
            double[] alpha = [.. Enumerable.Range(0, k).Select(_ => Alpha(seeds, positiveOnly: true))];
            double[] weights = Weights(seeds, k);
            var calls = new JsonArray(
                new JsonArray("dirichlet", dtype, seeds.Int(0, 2), k, TorchDistributionCalls.Bits(f32, alpha)),
                new JsonArray("exponential", dtype, BitConverter.DoubleToUInt64Bits(seeds.Double() * 4), seeds.Int(2040, 9000)),
                new JsonArray("multinomial", dtype, 0, k, TorchDistributionCalls.Bits(f32, weights), seeds.Int(1, 200), seeds.Bool()),
                new JsonArray("multinomial", dtype, 0, k, TorchDistributionCalls.Bits(f32, weights), seeds.Int(k / 64, k / 8), false));
            cases.Add(new JsonObject { ["seed"] = seeds.UInt32(), ["calls"] = calls });
        }

        CompareLive(seeds, cases);
    }

    [Fact]
    public void LiveRefusalsMatchTorchsAndLeaveTheStateUnchanged()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        for (int c = 0; c < 120; c++)
        {
            cases.Add(new JsonObject { ["seed"] = seeds.UInt32(), ["calls"] = new JsonArray(Refused(seeds)) });
        }

        JsonArray results = PythonOracle.Run(Oracle, new JsonObject { ["op"] = "calls", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        for (int i = 0; i < cases.Count; i++)
        {
            JsonArray call = cases[i]!["calls"]![0]!.AsArray();
            string context = $"case {i} {call.ToJsonString()[..Math.Min(300, call.ToJsonString().Length)]} {seeds.Replay}";
            Assert.True(results[i]!["outputs"]![0] is JsonObject o && o.ContainsKey("error"), "torch accepted: " + context);
            var g = TorchCalls.Create(cases[i]!);
            g.RandnDouble(1);
            byte[] before = g.GetState();
            Assert.True(TorchDistributionCalls.Run(g, call) is JsonObject mine && mine.ContainsKey("error"), "OneSeed accepted: " + context);
            Assert.Equal(before, g.GetState());
        }
    }

    [Fact]
    public void RefusalsTorchWouldHangOnOrCannotBeSentLeaveTheStateUnchanged()
    {
        var g = new TorchGenerator(7);
        g.Randn(3);
        byte[] before = g.GetState();
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Binomial([5.0, double.NaN], [0.3, 0.3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Binomial([float.NaN], [0.9f]));
        Assert.Throws<ArgumentException>(() => g.Binomial([5.0, 6.0], [0.3]));
        Assert.Throws<ArgumentException>(() => g.Poisson([1.0, 2.0], new double[1]));
        Assert.Throws<ArgumentException>(() => g.StandardGamma([1.0f], new float[2]));
        Assert.Throws<ArgumentException>(() => g.Dirichlet([1.0, 2.0], new double[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Multinomial(new float[(1 << 24) + 1], 1, true));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Multinomial([1.0, 2.0], Span<long>.Empty));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Multinomial(ReadOnlySpan<double>.Empty, 3, true));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Multinomial(new float[2, 0], 3, true));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Exponential(-0.5, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.ExponentialDouble(1, -1));
        Assert.Throws<ArgumentNullException>(() => g.Multinomial((double[,])null!, 1));
        Assert.Throws<ArgumentNullException>(() => g.Dirichlet((float[,])null!));
        Assert.Equal(before, g.GetState());

        // No rows: an empty result, the weights unchecked (as torch), nothing drawn.
        Assert.Empty(g.Multinomial(new double[0, 3], 2));
        Assert.Empty(g.Multinomial(new float[0, 3], 5, true));
        Assert.Equal(before, g.GetState());
    }

    [Fact]
    public void SpanFormsGiveTheAllocatingFormsValuesAndState()
    {
        var seeds = new LiveSeeds();
        for (int round = 0; round < 20; round++)
        {
            ulong seed = seeds.UInt32();
            var a = new TorchGenerator(seed);
            var b = new TorchGenerator(seed);
            int n = seeds.Int(1, 3000);
            double[] d = [.. Enumerable.Range(0, n).Select(_ => seeds.Double() * 30)];
            float[] f = [.. d.Select(x => (float)x)];
            double[] pd = [.. Enumerable.Range(0, n).Select(_ => seeds.Double())];
            float[] pf = [.. pd.Select(x => (float)x)];

            double[] rd = new double[n];
            float[] rf = new float[n];
            a.Poisson(d, rd);
            Assert.Equal(b.Poisson(d), rd);
            a.Poisson(f, rf);
            Assert.Equal(b.Poisson(f), rf);
            a.Binomial(d, pd, rd);
            Assert.Equal(b.Binomial(d, pd), rd);
            a.Binomial(f, pf, rf);
            Assert.Equal(b.Binomial(f, pf), rf);
            a.StandardGamma(d, rd);
            Assert.Equal(b.StandardGamma(d), rd);
            a.StandardGamma(f, rf);
            Assert.Equal(b.StandardGamma(f), rf);
            a.Exponential(2.5, rf);
            Assert.Equal(b.Exponential(2.5, n), rf);
            a.ExponentialDouble(0.5, rd);
            Assert.Equal(b.ExponentialDouble(0.5, n), rd);
            a.Dirichlet(d, rd);
            Assert.Equal(Row(b.Dirichlet(ToRow(d))), rd);
            a.Dirichlet(f, rf);
            Assert.Equal(Row(b.Dirichlet(ToRow(f))), rf);
            long[] samples = new long[seeds.Int(1, n + 1)];
            bool replacement = seeds.Bool();
            a.Multinomial(pd, samples, replacement);
            Assert.Equal(b.Multinomial(pd, samples.Length, replacement), samples);
            a.Multinomial(pf, samples, replacement);
            Assert.Equal(b.Multinomial(pf, samples.Length, replacement), samples);
            Assert.Equal(b.GetState(), a.GetState());
        }
    }

    [Fact]
    public void GoldenVectors()
    {
        JsonNode golden = PythonOracle.LoadGolden("torch_distribution_samplers.json");
        int count = 0;
        foreach (JsonNode? testCase in golden["cases"]!.AsArray())
        {
            TorchGenerator g = TorchCalls.Create(testCase!);
            JsonArray calls = testCase!["calls"]!.AsArray();
            JsonArray expected = testCase["outputs"]!.AsArray();
            for (int i = 0; i < calls.Count; i++)
            {
                JsonNode? actual = TorchDistributionCalls.Run(g, calls[i]!.AsArray());
                Assert.True(JsonNode.DeepEquals(expected[i], actual), $"seed {testCase["seed"]}, call {i} {calls[i]!.ToJsonString()}");
                count++;
            }

            Assert.Equal((string)testCase["state"]!, Convert.ToBase64String(g.GetState()));
        }

        Assert.True(count >= 30, $"only {count} golden calls");
    }

    // ------------------------------------------------------------------ cases

    private static JsonObject Case(LiveSeeds seeds, Func<JsonArray> sampler)
    {
        var calls = new JsonArray();
        int count = seeds.Int(1, 5);
        for (int c = 0; c < count; c++)
        {
            if (seeds.Int(0, 3) == 0)
            {
                // Fewer than 16 normals: Box–Muller deviates sharing the cached double normal with the gamma sampler.
                calls.Add(new JsonArray(seeds.Bool() ? "randn" : "randn_double", seeds.Int(1, 16)));
            }

            calls.Add(sampler());
        }

        return new JsonObject { ["seed"] = seeds.UInt32(), ["calls"] = calls };
    }

    private static JsonArray Multinomial(LiveSeeds seeds)
    {
        bool f32 = seeds.Bool();
        int rows = seeds.Int(0, 5);
        int k = seeds.Int(0, 6) == 0 ? seeds.Int(20, 3000) : seeds.Int(1, 20);
        bool replacement = seeds.Bool();
        double[] p = new double[Math.Max(rows, 1) * k];
        int minNonZero = k;
        for (int r = 0; r < Math.Max(rows, 1); r++)
        {
            double[] w = Weights(seeds, k);
            w.CopyTo(p, r * k);
            minNonZero = Math.Min(minNonZero, w.Count(x => x > 0));
        }

        int numSamples = seeds.Int(0, 6) switch
        {
            0 => 1,
            1 => replacement ? seeds.Int(k, (3 * k) + 5) : k,
            2 => minNonZero,
            3 => Math.Min(k, minNonZero + 1),
            _ => seeds.Int(1, k + 1),
        };
        return new JsonArray("multinomial", f32 ? "float32" : "float64", rows, k, TorchDistributionCalls.Bits(f32, p), numSamples, replacement);
    }

    // Weights of one row, at least one positive: uniform, small integers (ties and zeros), a wide dynamic range,
    // mostly zeros, or all equal.
    private static double[] Weights(LiveSeeds seeds, int k)
    {
        int mode = seeds.Int(0, 5);
        double[] w = new double[k];
        for (int j = 0; j < k; j++)
        {
            w[j] = mode switch
            {
                0 => seeds.Double(),
                1 => seeds.Int(0, 4),
                2 => Math.Pow(10, (seeds.Double() * 40) - 20),
                3 => seeds.Int(0, 8) == 0 ? seeds.Double() : 0,
                _ => 1,
            };
            if (mode is 0 or 2 && seeds.Int(0, 4) == 0)
            {
                w[j] = 0;
            }
        }

        if (!w.Any(x => x > 0))
        {
            w[seeds.Int(0, k)] = 0.25;
        }

        return w;
    }

    private static JsonArray Poisson(LiveSeeds seeds)
    {
        bool f32 = seeds.Bool();
        double[] rates = [.. Enumerable.Range(0, seeds.Int(0, 60)).Select(_ => seeds.Int(0, 12) switch
        {
            0 => 0.0,
            1 => 10.0,
            2 => Math.BitDecrement(10.0),
            3 => seeds.Double() * 10,
            4 => 10 + (seeds.Double() * 90),
            5 => Math.Pow(10, 2 + (seeds.Double() * 5)),
            6 => Math.Pow(10, 7 + (seeds.Double() * 11)),
            7 => seeds.Bool() ? double.PositiveInfinity : 1e19 * (1 + seeds.Double()),
            8 => seeds.Double() * 1e-3,
            _ => seeds.Double() * 30,
        })];
        return new JsonArray("poisson", f32 ? "float32" : "float64", TorchDistributionCalls.Bits(f32, rates));
    }

    private static JsonArray Binomial(LiveSeeds seeds)
    {
        bool f32 = seeds.Bool();
        int n = seeds.Int(0, 50);
        double[] counts = new double[n];
        double[] probs = new double[n];
        for (int i = 0; i < n; i++)
        {
            counts[i] = seeds.Int(0, 10) switch
            {
                0 => 0,
                1 => -seeds.Int(1, 5),
                2 => seeds.Int(1, 20),
                3 => seeds.Int(20, 1000),
                4 => Math.Floor(Math.Pow(10, 3 + (seeds.Double() * 6))),
                5 => seeds.Int(1, 100) + 0.5,
                6 => double.PositiveInfinity,
                _ => seeds.Int(1, 300),
            };
            probs[i] = seeds.Int(0, 12) switch
            {
                0 => 0,
                1 => 1,
                2 => seeds.Bool() ? -0.25 : 1.5,
                3 => double.NaN,
                4 => 0.5,
                5 => 0.5 + ((seeds.Double() - 0.5) * 1e-6),
                6 => Math.Pow(10, -1 - (seeds.Double() * 9)),
                7 => 1 - Math.Pow(10, -1 - (seeds.Double() * 6)),
                _ => seeds.Double(),
            };
        }

        return new JsonArray("binomial", f32 ? "float32" : "float64", TorchDistributionCalls.Bits(f32, counts), TorchDistributionCalls.Bits(f32, probs));
    }

    private static double Alpha(LiveSeeds seeds, bool positiveOnly) => seeds.Int(0, positiveOnly ? 9 : 12) switch
    {
        0 => 0,
        1 => Math.Pow(10, -(seeds.Double() * 300)),
        2 => seeds.Double(),
        3 => 1,
        4 => 1 + (seeds.Double() * 9),
        5 => Math.Pow(10, 1 + (seeds.Double() * 8)),
        6 => seeds.Double() * 1e-3,
        7 => double.Epsilon * seeds.Int(1, 100),
        8 => seeds.Double() * 3,
        9 => double.PositiveInfinity,
        10 => double.NaN,
        _ => -seeds.Double() * 3,
    };

    private static JsonArray StandardGamma(LiveSeeds seeds)
    {
        bool f32 = seeds.Bool();
        double[] alpha = [.. Enumerable.Range(0, seeds.Int(0, 60)).Select(_ => Alpha(seeds, positiveOnly: false))];
        return new JsonArray("standard_gamma", f32 ? "float32" : "float64", TorchDistributionCalls.Bits(f32, alpha));
    }

    private static JsonArray Dirichlet(LiveSeeds seeds)
    {
        bool f32 = seeds.Bool();
        int rows = seeds.Int(0, 5);
        int[] widths = [1, 2, 3, 4, 5, 7, 8, 15, 16, 17, 31, 63, 64, 65, 255, 256, 257, 300];
        int k = seeds.Int(0, 3) == 0 ? seeds.Int(1, 700) : seeds.Pick(widths);
        bool wide = seeds.Int(0, 3) == 0;
        double[] alpha = [.. Enumerable.Range(0, Math.Max(rows, 1) * k).Select(_ => wide ? Alpha(seeds, positiveOnly: seeds.Int(0, 20) != 0) : 0.05 + (seeds.Double() * 5))];
        return new JsonArray("dirichlet", f32 ? "float32" : "float64", rows, k, TorchDistributionCalls.Bits(f32, alpha));
    }

    private static JsonArray Exponential(LiveSeeds seeds)
    {
        double lambd = seeds.Int(0, 9) switch
        {
            0 => 0,
            1 => 1,
            2 => double.PositiveInfinity,
            3 => 1e-3,
            4 => 1e10,
            _ => seeds.Double() * 10,
        };
        int n = seeds.Int(0, 4) == 0 ? seeds.Int(2040, 4200) : seeds.Int(0, 40);
        return new JsonArray("exponential", seeds.Pick(Dtypes), BitConverter.DoubleToUInt64Bits(lambd), n);
    }

    private static JsonArray Refused(LiveSeeds seeds)
    {
        bool f32 = seeds.Bool();
        string dtype = f32 ? "float32" : "float64";
        int k = seeds.Int(1, 12);
        int rows = seeds.Int(0, 4);
        double[] p = [.. Enumerable.Range(0, Math.Max(rows, 1) * k).Select(_ => seeds.Double() + 0.1)];
        bool replacement = seeds.Bool();
        switch (seeds.Int(0, 8))
        {
            case 0:
                return new JsonArray("multinomial", dtype, rows, k, TorchDistributionCalls.Bits(f32, p), -seeds.Int(0, 3), replacement);
            case 1:
                return new JsonArray("multinomial", dtype, rows, k, TorchDistributionCalls.Bits(f32, p), k + seeds.Int(1, 4), false);
            case 2:
                p[seeds.Int(0, p.Length)] = seeds.Pick([-0.5, double.NaN, double.PositiveInfinity, double.NegativeInfinity]);
                return new JsonArray("multinomial", dtype, rows, k, TorchDistributionCalls.Bits(f32, p), seeds.Int(1, k + 1), replacement);
            case 3:
                int row = seeds.Int(0, Math.Max(rows, 1));
                Array.Clear(p, row * k, k);
                return new JsonArray("multinomial", dtype, rows, k, TorchDistributionCalls.Bits(f32, p), seeds.Int(1, k + 1), replacement);
            case 4:
                p[seeds.Int(0, p.Length)] = seeds.Bool() ? -1e-3 : double.NaN;
                return new JsonArray("poisson", dtype, TorchDistributionCalls.Bits(f32, p));
            default:
                double lambd = seeds.Bool() ? double.NaN : -seeds.Double() - 1e-9;
                return new JsonArray("exponential", dtype, BitConverter.DoubleToUInt64Bits(lambd), seeds.Int(0, 20));
        }
    }

    private static void CompareLive(LiveSeeds seeds, JsonArray cases)
    {
        JsonArray results = PythonOracle.Run(Oracle, new JsonObject { ["op"] = "calls", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        for (int i = 0; i < cases.Count; i++)
        {
            var g = TorchCalls.Create(cases[i]!);
            JsonArray calls = cases[i]!["calls"]!.AsArray();
            JsonArray expected = results[i]!["outputs"]!.AsArray();
            for (int c = 0; c < calls.Count; c++)
            {
                JsonNode? actual = TorchDistributionCalls.Run(g, calls[c]!.AsArray());
                if (!JsonNode.DeepEquals(expected[c], actual))
                {
                    string call = calls[c]!.ToJsonString();
                    Assert.Fail($"case {i} (seed {cases[i]!["seed"]}), call {c} {call[..Math.Min(400, call.Length)]}: expected {Show(expected[c])}, got {Show(actual)} {seeds.Replay}");
                }
            }

            Assert.True((string)results[i]!["state"]! == Convert.ToBase64String(g.GetState()), $"case {i} (seed {cases[i]!["seed"]}): different state afterwards {seeds.Replay}");
        }
    }

    private static string Show(JsonNode? node)
    {
        string s = node?.ToJsonString() ?? "null";
        return s[..Math.Min(400, s.Length)];
    }

    private static double[,] ToRow(double[] values)
    {
        var m = new double[1, values.Length];
        for (int j = 0; j < values.Length; j++)
        {
            m[0, j] = values[j];
        }

        return m;
    }

    private static float[,] ToRow(float[] values)
    {
        var m = new float[1, values.Length];
        for (int j = 0; j < values.Length; j++)
        {
            m[0, j] = values[j];
        }

        return m;
    }

    private static T[] Row<T>(T[,] m) => [.. m.Cast<T>()];
}

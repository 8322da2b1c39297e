using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Compat;

/// <summary>
/// <see cref="TorchInit"/> against torch 1.13's <c>nn.init</c> and real <c>nn.Linear</c>/<c>nn.Conv2d</c> modules built
/// after <c>torch.manual_seed(s)</c>, live with fresh seeds, shapes and parameters each run: values by their bits and
/// the default generator's state afterwards; torch's refusals refused alike with the generator unchanged; the golden
/// file replayed without Python.
/// </summary>
public sealed class TorchInitTests
{
    private const string Oracle = "torch_init.py";
    private static readonly string[] Nonlinearities = ["linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "sigmoid", "tanh", "relu", "leaky_relu", "selu"];
    private static readonly string[] Modes = ["fan_in", "fan_out", "FAN_IN", "Fan_Out"];
    private static readonly string[] Functions = ["uniform", "normal", "trunc_normal", "xavier_uniform", "xavier_normal", "kaiming_uniform", "kaiming_normal"];

    [Fact]
    public void Live_initialisers_match_torch()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        for (int k = 0; k < 420; k++)
        {
            string fn = Functions[k % Functions.Length];
            bool fanBased = fn.StartsWith("xavier", StringComparison.Ordinal) || fn.StartsWith("kaiming", StringComparison.Ordinal);
            cases.Add(new JsonObject
            {
                ["seed"] = RandomSeed(seeds),
                ["dtype"] = seeds.Bool() ? "float32" : "float64",
                ["shape"] = RandomShape(seeds, fanBased ? 2 : 0, k % 10 == 0 ? 40_000 : 3_000),
                ["fn"] = fn,
                ["args"] = RandomArgs(seeds, fn),
            });
        }

        Compare(seeds, "init", cases);
    }

    [Fact]
    public void Live_trunc_normal_over_its_parameter_ranges()
    {
        // Bounds inside, around and far from the mean, infinite bounds, bounds that meet after rounding, tiny and huge
        // deviations: the CDF saturating at 0 or 1 sends ±1 (and erfinv's infinities) through mul_, add_ and clamp_.
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        for (int k = 0; k < 200; k++)
        {
            double mean = seeds.Int(0, 4) == 0 ? 0 : (seeds.Double() - 0.5) * 20;
            double std = Math.Pow(10, (seeds.Double() * 6) - 3);
            double a = seeds.Int(0, 8) == 0 ? double.NegativeInfinity : mean + ((seeds.Double() - 0.7) * 8 * std);
            double b = seeds.Int(0, 8) == 0 ? double.PositiveInfinity : a + (seeds.Double() * 8 * std);
            if (k % 17 == 0)
            {
                // Far outside the bounds: torch warns, the CDF bounds meet.
                mean = a - (100 * std);
            }

            cases.Add(new JsonObject
            {
                ["seed"] = RandomSeed(seeds),
                ["dtype"] = seeds.Bool() ? "float32" : "float64",
                ["shape"] = RandomShape(seeds, 0, 3_000),
                ["fn"] = "trunc_normal",
                ["args"] = new JsonObject { ["mean"] = Bits(mean), ["std"] = Bits(std), ["a"] = Bits(a), ["b"] = Bits(b) },
            });
        }

        Compare(seeds, "init", cases);
    }

    [Fact]
    public void Live_gains_and_fans_match_torch()
    {
        var seeds = new LiveSeeds();
        var gains = new JsonArray();
        foreach (string nonlinearity in Nonlinearities)
        {
            gains.Add(new JsonObject { ["nonlinearity"] = nonlinearity, ["param"] = null });
            for (int k = 0; k < 12; k++)
            {
                gains.Add(new JsonObject { ["nonlinearity"] = nonlinearity, ["param"] = Bits(RandomSlope(seeds)) });
            }
        }

        foreach (double slope in new[] { 0.0, -0.0, 1.0, -1.0, Math.Sqrt(5), 0.01, 0.2, 1e-200, 1e150, -1e154, 1.3407807929942596e154, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1e200, -1e300 })
        {
            gains.Add(new JsonObject { ["nonlinearity"] = "leaky_relu", ["param"] = Bits(slope) });
        }

        gains.Add(new JsonObject { ["nonlinearity"] = "Relu", ["param"] = null });
        gains.Add(new JsonObject { ["nonlinearity"] = "softmax", ["param"] = null });
        Compare(seeds, "gain", gains);

        var fans = new JsonArray();
        for (int k = 0; k < 120; k++)
        {
            fans.Add(new JsonObject { ["shape"] = RandomShape(seeds, 0, 100_000, maxDims: 6) });
        }

        Compare(seeds, "fans", fans);
    }

    [Fact]
    public void Live_linear_and_conv2d_defaults_match_real_modules()
    {
        var seeds = new LiveSeeds();
        var linear = new JsonArray();
        for (int k = 0; k < 150; k++)
        {
            int inFeatures = k % 25 == 0 ? 0 : seeds.Int(1, k % 7 == 0 ? 600 : 80);
            int outFeatures = k % 31 == 0 ? 0 : seeds.Int(1, 70);
            linear.Add(new JsonObject { ["seed"] = RandomSeed(seeds), ["in"] = inFeatures, ["out"] = outFeatures, ["bias"] = k % 5 != 0 });
        }

        Compare(seeds, "linear", linear);

        var conv = new JsonArray();
        for (int k = 0; k < 150; k++)
        {
            int groups = k % 3 == 0 ? seeds.Int(1, 5) : 1;
            int inChannels = groups * (k % 29 == 0 ? 0 : seeds.Int(1, 9));
            int outChannels = groups * seeds.Int(k % 37 == 0 ? 0 : 1, 9);
            conv.Add(new JsonObject
            {
                ["seed"] = RandomSeed(seeds),
                ["in"] = inChannels,
                ["out"] = outChannels,
                ["kh"] = k % 41 == 0 ? 0 : seeds.Int(1, 8),
                ["kw"] = seeds.Int(1, 8),
                ["bias"] = k % 6 != 0,
                ["groups"] = groups,
            });
        }

        Compare(seeds, "conv2d", conv);
    }

    [Fact]
    public void Refused_inputs_are_refused_by_torch_too_and_leave_the_generator_unchanged()
    {
        var seeds = new LiveSeeds();
        JsonObject Init(string fn, JsonArray shape, JsonObject args, string dtype = "float32") =>
            new() { ["seed"] = RandomSeed(seeds), ["dtype"] = dtype, ["shape"] = shape, ["fn"] = fn, ["args"] = args };
        var cases = new JsonArray
        {
            Init("uniform", [5], new JsonObject { ["a"] = Bits(2), ["b"] = Bits(1) }),
            Init("uniform", [5], new JsonObject { ["a"] = Bits(-1e39), ["b"] = Bits(1) }),
            Init("uniform", [5], new JsonObject { ["a"] = Bits(double.NaN) }),
            Init("uniform", [5], new JsonObject { ["a"] = Bits(-3e38), ["b"] = Bits(3e38) }),
            Init("uniform", [5], new JsonObject { ["b"] = Bits(double.PositiveInfinity) }, "float64"),
            Init("normal", [5], new JsonObject { ["std"] = Bits(-1) }),
            Init("normal", [20], new JsonObject { ["std"] = Bits(double.NaN) }, "float64"),
            Init("trunc_normal", [5], new JsonObject { ["std"] = Bits(0) }),
            Init("trunc_normal", [5], new JsonObject { ["std"] = Bits(-1) }),
            Init("trunc_normal", [5], new JsonObject { ["a"] = Bits(3), ["b"] = Bits(-3) }, "float64"),
            Init("trunc_normal", [5], new JsonObject { ["mean"] = Bits(double.NaN) }),
            Init("trunc_normal", [5], new JsonObject { ["b"] = Bits(double.NaN) }, "float64"),
            Init("xavier_uniform", [5], []),
            Init("xavier_normal", [], []),
            Init("xavier_uniform", [0, 0, 3], []),
            Init("xavier_uniform", [4, 3], new JsonObject { ["gain"] = Bits(-1) }),
            Init("xavier_normal", [4, 3], new JsonObject { ["gain"] = Bits(-1) }, "float64"),
            Init("kaiming_uniform", [5], []),
            Init("kaiming_normal", [], []),
            Init("kaiming_uniform", [4, 3], new JsonObject { ["mode"] = "fan_avg" }),
            Init("kaiming_normal", [4, 3], new JsonObject { ["nonlinearity"] = "gelu" }),
            Init("kaiming_uniform", [4, 3], new JsonObject { ["a"] = Bits(1e200) }),
            Init("kaiming_uniform", [4, 3], new JsonObject { ["a"] = Bits(double.NaN) }, "float64"),
        };
        Compare(seeds, "init", cases);
        Compare(seeds, "linear", [new JsonObject { ["seed"] = 1, ["in"] = -1, ["out"] = 3, ["bias"] = true }, new JsonObject { ["seed"] = 1, ["in"] = 3, ["out"] = -2, ["bias"] = false }]);
        Compare(seeds, "conv2d",
        [
            new JsonObject { ["seed"] = 1, ["in"] = 4, ["out"] = 6, ["kh"] = 3, ["kw"] = 3, ["bias"] = true, ["groups"] = 0 },
            new JsonObject { ["seed"] = 1, ["in"] = 4, ["out"] = 6, ["kh"] = 3, ["kw"] = 3, ["bias"] = true, ["groups"] = 3 },
            new JsonObject { ["seed"] = 1, ["in"] = 6, ["out"] = 4, ["kh"] = 3, ["kw"] = 3, ["bias"] = true, ["groups"] = 3 },
            new JsonObject { ["seed"] = 1, ["in"] = 2, ["out"] = 2, ["kh"] = -1, ["kw"] = 3, ["bias"] = true, ["groups"] = 1 },
        ]);
        Compare(seeds, "fans", [new JsonObject { ["shape"] = new JsonArray() }, new JsonObject { ["shape"] = new JsonArray(7) }]);
    }

    [Fact]
    public void A_float32_clamp_bound_beyond_float_range_is_refused_before_drawing()
    {
        // torch refuses it in clamp_, after uniform_ has drawn (its generator moves); OneSeed refuses it up front.
        var seeds = new LiveSeeds();
        var c = new JsonObject { ["seed"] = 5, ["dtype"] = "float32", ["shape"] = new JsonArray(4), ["fn"] = "trunc_normal", ["args"] = new JsonObject { ["a"] = Bits(-1e39) } };
        JsonNode expected = PythonOracle.Run(Oracle, new JsonObject { ["op"] = "init", ["cases"] = new JsonArray(c.DeepClone()) })["results"]![0]!;
        Assert.Equal("RuntimeError", (string)expected["error"]!);
        Assert.True((bool)expected["state_changed"]!);
        JsonObject actual = TorchInitCalls.Run("init", c);
        Assert.Equal("ArgumentOutOfRangeException", (string)actual["error"]!);
        Assert.False((bool)actual["state_changed"]!, seeds.Replay);
    }

    [Fact]
    public void Strings_map_as_torch_reads_them()
    {
        Assert.Equal(TorchFanMode.FanOut, TorchInit.ParseFanMode("FAN_out"));
        Assert.Equal(TorchFanMode.FanIn, TorchInit.ParseFanMode("fan_in"));
        Assert.Throws<ArgumentException>(() => TorchInit.ParseFanMode("fan_avg"));
        for (int i = 0; i < Nonlinearities.Length; i++)
        {
            Assert.Equal((TorchNonlinearity)i, TorchInit.ParseNonlinearity(Nonlinearities[i]));
        }

        Assert.Throws<ArgumentException>(() => TorchInit.ParseNonlinearity("Tanh"));
        Assert.Throws<ArgumentOutOfRangeException>(() => TorchInit.CalculateGain((TorchNonlinearity)99));
        var g = new TorchGenerator(3);
        Assert.Throws<ArgumentOutOfRangeException>(() => TorchInit.KaimingUniform(g, new float[6], [2, 3], mode: (TorchFanMode)7));
        Assert.Throws<ArgumentException>(() => TorchInit.KaimingUniform(g, new float[5], [2, 3]));
        Assert.Throws<ArgumentException>(() => TorchInit.XavierNormal(g, new float[6], [2, -3]));
        Assert.Throws<ArgumentNullException>(() => TorchInit.Uniform(null!, new float[1]));
        Assert.Equal(new TorchGenerator(3).GetState(), g.GetState());
    }

    [Fact]
    public void Span_and_double_forms_agree_with_a_fresh_generator_replay()
    {
        // The chunked fills (2048 values a chunk) give one pass's values whatever the length.
        foreach (int n in new[] { 1, 7, 8, 2047, 2048, 2049, 6000 })
        {
            var a = new TorchGenerator(n);
            var b = new TorchGenerator(n);
            float[] mine = new float[n];
            TorchInit.Uniform(a, mine, -0.5, 2);
            float[] reference = b.Uniform(-0.5, 2, n);
            Assert.Equal(reference, mine);
            Assert.Equal(b.GetState(), a.GetState());
            double[] mineDouble = new double[n];
            TorchInit.Uniform(a, mineDouble, -3, 1e10);
            Assert.Equal(b.UniformDouble(-3, 1e10, n), mineDouble);
            Assert.Equal(b.GetState(), a.GetState());
        }
    }

    [Fact]
    public void GoldenVectors()
    {
        JsonNode golden = PythonOracle.LoadGolden("torch_init.json");
        int count = 0;
        foreach (string op in new[] { "init", "gain", "fans", "linear", "conv2d", "dropout" })
        {
            foreach (JsonNode? c in golden[op]!.AsArray())
            {
                TorchInitCalls.AssertSame(c!["expected"]!, TorchInitCalls.Run(op, c), $"golden {op} {c.ToJsonString()[..Math.Min(200, c.ToJsonString().Length)]}");
                count++;
            }
        }

        Assert.True(count > 100, $"only {count} golden cases");
    }

    internal static void Compare(LiveSeeds seeds, string op, JsonArray cases)
    {
        JsonArray results = PythonOracle.Run(Oracle, new JsonObject { ["op"] = op, ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        Assert.Equal(cases.Count, results.Count);
        for (int k = 0; k < cases.Count; k++)
        {
            string text = cases[k]!.ToJsonString();
            string context = $"{op} case {k} {(text.Length > 300 ? text[..300] + "..." : text)} {seeds.Replay}";
            TorchInitCalls.AssertSame(results[k]!, TorchInitCalls.Run(op, cases[k]!), context);
        }
    }

    internal static JsonNode RandomSeed(LiveSeeds seeds) => seeds.Int(0, 5) == 0 ? JsonValue.Create(seeds.Int64(0, long.MaxValue)) : JsonValue.Create(seeds.UInt32());

    internal static JsonNode Bits(double value) => JsonValue.Create(BitConverter.DoubleToUInt64Bits(value));

    private static JsonArray RandomShape(LiveSeeds seeds, int minDims, int maxCount, int maxDims = 5)
    {
        int dims = seeds.Int(minDims, maxDims + 1);
        var shape = new JsonArray();
        long count = 1;
        for (int d = 0; d < dims; d++)
        {
            // Mostly small sizes so 5 dimensions stay small; now and then a zero.
            int size = seeds.Int(0, 40) == 0 ? 0 : seeds.Int(1, d < 2 ? 70 : 6);
            if (count * size > maxCount)
            {
                size = (int)Math.Max(1, maxCount / Math.Max(1, count));
            }

            count *= size;
            shape.Add(size);
        }

        return shape;
    }

    private static double RandomSlope(LiveSeeds seeds) => seeds.Int(0, 4) switch
    {
        0 => seeds.Double(),
        1 => -seeds.Double() * 3,
        2 => Math.Pow(10, (seeds.Double() * 20) - 10),
        _ => seeds.Int(0, 10),
    };

    private static JsonObject RandomArgs(LiveSeeds seeds, string fn)
    {
        var args = new JsonObject();
        bool Maybe() => seeds.Int(0, 4) != 0;
        switch (fn)
        {
            case "uniform":
                if (Maybe())
                {
                    double a = (seeds.Double() - 0.5) * Math.Pow(10, seeds.Int(-3, 6));
                    args["a"] = Bits(a);
                    args["b"] = Bits(a + (seeds.Double() * Math.Pow(10, seeds.Int(-3, 6))));
                }

                break;
            case "normal":
                if (Maybe())
                {
                    args["mean"] = Bits((seeds.Double() - 0.5) * 10);
                    args["std"] = Bits(seeds.Int(0, 10) == 0 ? 0 : seeds.Double() * 5);
                }

                break;
            case "trunc_normal":
                if (Maybe())
                {
                    double mean = (seeds.Double() - 0.5) * 4, std = 0.01 + (seeds.Double() * 3);
                    double a = mean - (seeds.Double() * 3 * std);
                    args["mean"] = Bits(mean);
                    args["std"] = Bits(std);
                    args["a"] = Bits(a);
                    args["b"] = Bits(a + (seeds.Double() * 5 * std));
                }

                break;
            case "xavier_uniform":
            case "xavier_normal":
                if (Maybe())
                {
                    args["gain"] = Bits(seeds.Bool() ? TorchInit.CalculateGain(seeds.Pick(Nonlinearities), seeds.Double()) : seeds.Double() * 3);
                }

                break;
            default:
                if (Maybe())
                {
                    args["a"] = Bits(seeds.Int(0, 3) == 0 ? Math.Sqrt(5) : RandomSlope(seeds));
                }

                if (Maybe())
                {
                    args["mode"] = seeds.Pick(Modes);
                }

                if (Maybe())
                {
                    args["nonlinearity"] = seeds.Pick(Nonlinearities);
                }

                break;
        }

        return args;
    }
}

using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Compat;

/// <summary>
/// Runs the cases of tests/oracles/torch_init.py on <see cref="TorchInit"/> and <see cref="TorchGenerator.Dropout(ReadOnlySpan{float}, double)"/>,
/// with results in the oracle's JSON shape, and compares them with the oracle's.
/// </summary>
internal static class TorchInitCalls
{
    public static JsonObject Run(string op, JsonNode c) => op switch
    {
        "init" => Guarded(c, g => Init(g, c)),
        "linear" => Guarded(c, g => Layer(g, TorchInit.LinearDefault(g, (int)c["in"]!, (int)c["out"]!, (bool)c["bias"]!))),
        "conv2d" => Guarded(c, g => Layer(g, TorchInit.Conv2dDefault(g, (int)c["in"]!, (int)c["out"]!, (int)c["kh"]!, (int)c["kw"]!, (bool)c["bias"]!, (int)c["groups"]!), ConvBiasDefined(c))),
        "dropout" => Guarded(c, g => Dropout(g, c)),
        "gain" => Guarded(c, _ => new JsonObject { ["gain"] = BitConverter.DoubleToUInt64Bits(TorchInit.CalculateGain((string)c["nonlinearity"]!, c["param"] is JsonNode p ? F64(p) : null)) }),
        "fans" => Guarded(c, _ => Fans(c)),
        _ => throw new InvalidOperationException("unknown op " + op),
    };

    /// <summary>Asserts that <paramref name="actual"/> (from <see cref="Run"/>) is what the oracle answered.</summary>
    public static void AssertSame(JsonNode expected, JsonObject actual, string context)
    {
        if (expected["error"] is JsonNode error)
        {
            Assert.True(actual["error"] is not null, $"{context}: torch refused it ({error}: {expected["message"]}), OneSeed did not.");
            Assert.False((bool)actual["state_changed"]!, $"{context}: OneSeed refused it ({actual["error"]}) after drawing.");
            return;
        }

        Assert.True(actual["error"] is null, $"{context}: OneSeed refused it ({actual["error"]}: {actual["message"]}), torch did not.");
        foreach ((string key, JsonNode? value) in expected.AsObject())
        {
            if (key == "state_sha256")
            {
                string hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Convert.FromBase64String((string)actual["state"]!)));
                Assert.True((string)value! == hash, $"{context}: different generator state afterwards");
            }
            else if (value is JsonArray array && key != "shape")
            {
                JsonAssert.Equal(JsonAssert.UInt64s(array), JsonAssert.UInt64s(actual[key]), $"{context}, {key}");
            }
            else
            {
                Assert.True(JsonNode.DeepEquals(value, actual[key]), $"{context}, {key}: expected {value?.ToJsonString()}, got {actual[key]?.ToJsonString()}");
            }
        }
    }

    public static double F64(JsonNode node) => BitConverter.UInt64BitsToDouble((ulong)node);

    public static BigInteger Seed(JsonNode c) => JsonAssert.ToBig(c["seed"]);

    private static JsonObject Guarded(JsonNode c, Func<TorchGenerator, JsonObject> body)
    {
        TorchGenerator g = c["seed"] is null ? new TorchGenerator() : TorchCalls.Seeded(Seed(c));
        string before = Convert.ToBase64String(g.GetState());
        try
        {
            return body(g);
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            return new JsonObject { ["error"] = e.GetType().Name, ["message"] = e.Message, ["state_changed"] = before != Convert.ToBase64String(g.GetState()) };
        }
    }

    private static JsonObject Init(TorchGenerator g, JsonNode c)
    {
        int[] shape = [.. c["shape"]!.AsArray().Select(n => (int)n!)];
        JsonObject args = c["args"]?.AsObject() ?? [];
        double Arg(string name, double fallback) => args[name] is JsonNode v ? F64(v) : fallback;
        TorchFanMode Mode() => args["mode"] is JsonNode v ? TorchInit.ParseFanMode((string)v!) : TorchFanMode.FanIn;
        TorchNonlinearity Nonlinearity() => args["nonlinearity"] is JsonNode v ? TorchInit.ParseNonlinearity((string)v!) : TorchNonlinearity.LeakyRelu;
        long count = shape.Aggregate(1L, (p, s) => p * s);
        string fn = (string)c["fn"]!;
        JsonArray values;
        if ((string)c["dtype"]! == "float32")
        {
            float[] t = new float[count];
            Span<float> s = t;
            switch (fn)
            {
                case "uniform": TorchInit.Uniform(g, s, Arg("a", 0), Arg("b", 1)); break;
                case "normal": TorchInit.Normal(g, s, Arg("mean", 0), Arg("std", 1)); break;
                case "trunc_normal": TorchInit.TruncNormal(g, s, Arg("mean", 0), Arg("std", 1), Arg("a", -2), Arg("b", 2)); break;
                case "xavier_uniform": TorchInit.XavierUniform(g, s, shape, Arg("gain", 1)); break;
                case "xavier_normal": TorchInit.XavierNormal(g, s, shape, Arg("gain", 1)); break;
                case "kaiming_uniform": TorchInit.KaimingUniform(g, s, shape, Arg("a", 0), Mode(), Nonlinearity()); break;
                case "kaiming_normal": TorchInit.KaimingNormal(g, s, shape, Arg("a", 0), Mode(), Nonlinearity()); break;
                default: throw new InvalidOperationException("unknown fn " + fn);
            }

            values = Bits(t);
        }
        else
        {
            double[] t = new double[count];
            Span<double> s = t;
            switch (fn)
            {
                case "uniform": TorchInit.Uniform(g, s, Arg("a", 0), Arg("b", 1)); break;
                case "normal": TorchInit.Normal(g, s, Arg("mean", 0), Arg("std", 1)); break;
                case "trunc_normal": TorchInit.TruncNormal(g, s, Arg("mean", 0), Arg("std", 1), Arg("a", -2), Arg("b", 2)); break;
                case "xavier_uniform": TorchInit.XavierUniform(g, s, shape, Arg("gain", 1)); break;
                case "xavier_normal": TorchInit.XavierNormal(g, s, shape, Arg("gain", 1)); break;
                case "kaiming_uniform": TorchInit.KaimingUniform(g, s, shape, Arg("a", 0), Mode(), Nonlinearity()); break;
                case "kaiming_normal": TorchInit.KaimingNormal(g, s, shape, Arg("a", 0), Mode(), Nonlinearity()); break;
                default: throw new InvalidOperationException("unknown fn " + fn);
            }

            values = Bits(t);
        }

        return new JsonObject { ["values"] = values, ["state"] = Convert.ToBase64String(g.GetState()) };
    }

    private static JsonObject Layer(TorchGenerator g, TorchLayerParameters p, bool biasDefined = true) => new()
    {
        ["weight"] = Bits(p.Weight),
        ["shape"] = new JsonArray([.. p.WeightShape.Select(s => (JsonNode)s)]),
        ["bias"] = p.Bias is null || !biasDefined ? null : Bits(p.Bias),
        ["state"] = Convert.ToBase64String(g.GetState()),
    };

    private static bool ConvBiasDefined(JsonNode c) => (int)c["groups"]! > 0 && (int)c["in"]! / (int)c["groups"]! * (int)c["kh"]! * (int)c["kw"]! != 0;

    private static JsonObject Dropout(TorchGenerator g, JsonNode c)
    {
        ulong[] bits = JsonAssert.UInt64s(c["input"]);
        double p = F64(c["p"]!);
        JsonArray values = (string)c["dtype"]! == "float32"
            ? Bits(g.Dropout([.. bits.Select(b => BitConverter.UInt32BitsToSingle((uint)b))], p))
            : Bits(g.Dropout([.. bits.Select(BitConverter.UInt64BitsToDouble)], p));
        return new JsonObject { ["values"] = values, ["state"] = Convert.ToBase64String(g.GetState()) };
    }

    private static JsonObject Fans(JsonNode c)
    {
        (long fanIn, long fanOut) = TorchInit.CalculateFanInAndFanOut([.. c["shape"]!.AsArray().Select(n => (int)n!)]);
        return new JsonObject { ["fan_in"] = fanIn, ["fan_out"] = fanOut };
    }

    public static JsonArray Bits(ReadOnlySpan<float> values) => new([.. MemoryMarshal.Cast<float, uint>(values).ToArray().Select(b => (JsonNode)(ulong)b)]);

    public static JsonArray Bits(ReadOnlySpan<double> values) => new([.. MemoryMarshal.Cast<double, ulong>(values).ToArray().Select(b => (JsonNode)b)]);
}

using System.Text.Json.Nodes;
using OneSeed.Compat;
using Xunit;

namespace OneSeed.Tests.Compat;

/// <summary>
/// Runs the call sequences of tests/oracles/torch_inplace.py ("calls") on a <see cref="TorchGenerator"/>, with
/// outputs in the oracle's JSON shape: float tensors as bit patterns, int64 tensors as numbers, and "error" where
/// the call is refused (after checking that the refusal left the generator's state as it was).
/// </summary>
internal static class TorchInPlaceCalls
{
    public static JsonArray RunAll(TorchGenerator g, JsonArray calls) => new([.. calls.Select(c => Run(g, c!.AsArray()))]);

    public static JsonNode? Run(TorchGenerator g, JsonArray call)
    {
        byte[] before = g.GetState();
        try
        {
            return RunUnguarded(g, call);
        }
        catch (ArgumentException)
        {
            Assert.True(before.AsSpan().SequenceEqual(g.GetState()), $"a refused call changed the state: {call.ToJsonString()}");
            return "error";
        }
    }

    /// <summary>A scalar argument: its float64 bits as a JSON number.</summary>
    public static JsonNode Scalar(double value) => BitConverter.DoubleToUInt64Bits(value);

    /// <summary>A tensor argument of float32 values.</summary>
    public static JsonObject Tensor(float[] values) =>
        new() { ["dtype"] = "float32", ["bits"] = new JsonArray([.. values.Select(v => (JsonNode)BitConverter.SingleToUInt32Bits(v))]) };

    /// <summary>A tensor argument of float64 values.</summary>
    public static JsonObject Tensor(double[] values) =>
        new() { ["dtype"] = "float64", ["bits"] = new JsonArray([.. values.Select(v => (JsonNode)BitConverter.DoubleToUInt64Bits(v))]) };

    private static JsonNode? RunUnguarded(TorchGenerator g, JsonArray call)
    {
        string name = (string)call[0]!;
        double D(int i) => BitConverter.UInt64BitsToDouble(UInt64(call[i]));
        int N(int i) => (int)Int64(call[i]);
        string Dtype(int i) => (string)call[i]!;
        switch (name)
        {
            case "geometric":
                return Dtype(3) switch
                {
                    "float32" => Out(g.Geometric(D(1), N(2))),
                    "float64" => Out(g.GeometricDouble(D(1), N(2))),
                    _ => Out(g.GeometricInt64(D(1), N(2))),
                };
            case "log_normal":
                return Dtype(4) == "float32" ? Out(g.LogNormal(D(1), D(2), N(3))) : Out(g.LogNormalDouble(D(1), D(2), N(3)));
            case "cauchy":
                return Dtype(4) == "float32" ? Out(g.Cauchy(D(1), D(2), N(3))) : Out(g.CauchyDouble(D(1), D(2), N(3)));
            case "uniform":
                return Dtype(4) == "float32" ? Into<float>(N(3), r => g.Uniform(D(1), D(2), r)) : Into<double>(N(3), r => g.UniformDouble(D(1), D(2), r));
            case "random_from_to":
                {
                    long from = Int64(call[1]);
                    long? to = call[2] is null ? null : Int64(call[2]);
                    return Dtype(4) switch
                    {
                        "int64" => Out(g.RandomFromTo(from, to, N(3))),
                        "float32" => Into<float>(N(3), r => g.RandomFromTo(from, to, r)),
                        _ => Into<double>(N(3), r => g.RandomFromTo(from, to, r)),
                    };
                }

            case "random_":
                return Dtype(2) switch
                {
                    "int64" => Out(g.Random(N(1))),
                    "float32" => Into<float>(N(1), r => g.Random(r)),
                    _ => Into<double>(N(1), r => g.Random(r)),
                };
            case "bernoulli_tensor":
                return IsSingle(call[1]) ? Out(g.Bernoulli(Singles(call[1]))) : Out(g.Bernoulli(Doubles(call[1])));
            case "bernoulli_scalar":
                return Dtype(3) == "float32" ? Into<float>(N(2), r => g.Bernoulli(D(1), r)) : Into<double>(N(2), r => g.BernoulliDouble(D(1), r));
            case "normal_tt":
                return IsSingle(call[1]) ? Out(g.Normal(Singles(call[1]), Singles(call[2]))) : Out(g.Normal(Doubles(call[1]), Doubles(call[2])));
            case "normal_ts":
                return IsSingle(call[1]) ? Out(g.Normal(Singles(call[1]), D(2))) : Out(g.Normal(Doubles(call[1]), D(2)));
            case "normal_st":
                return IsSingle(call[2]) ? Out(g.Normal(D(1), Singles(call[2]))) : Out(g.Normal(D(1), Doubles(call[2])));
            case "randn":
                return Dtype(2) == "float32" ? Out(g.Randn(N(1))) : Out(g.RandnDouble(N(1)));
            case "get_state":
                return Convert.ToBase64String(g.GetState());
            default:
                throw new InvalidOperationException("unknown call " + name);
        }
    }

    private delegate void SpanFill<T>(Span<T> result);

    private static JsonArray Into<T>(int n, SpanFill<T> fill)
    {
        var result = new T[n];
        fill(result);
        return result switch
        {
            float[] f => Out(f),
            double[] d => Out(d),
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>A JSON integer however it was built (the live cases hold .NET values, the golden file parsed text).</summary>
    public static long Int64(JsonNode? node) => long.Parse(node!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    public static ulong UInt64(JsonNode? node) => ulong.Parse(node!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsSingle(JsonNode? tensor) => (string)tensor!["dtype"]! == "float32";

    private static float[] Singles(JsonNode? tensor) => [.. tensor!["bits"]!.AsArray().Select(b => BitConverter.UInt32BitsToSingle((uint)UInt64(b)))];

    private static double[] Doubles(JsonNode? tensor) => [.. tensor!["bits"]!.AsArray().Select(b => BitConverter.UInt64BitsToDouble(UInt64(b)))];

    private static JsonArray Out(float[] values) => new([.. values.Select(v => (JsonNode)BitConverter.SingleToUInt32Bits(v))]);

    private static JsonArray Out(double[] values) => new([.. values.Select(v => (JsonNode)BitConverter.DoubleToUInt64Bits(v))]);

    private static JsonArray Out(long[] values) => new([.. values.Select(v => (JsonNode)v)]);
}

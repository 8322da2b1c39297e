using System.Numerics;
using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Compat;

/// <summary>Runs the call sequences of tests/oracles/torch_generator.py ("calls") on a <see cref="TorchGenerator"/>, with outputs in the oracle's JSON shape.</summary>
internal static class TorchCalls
{
    public static TorchGenerator Create(JsonNode testCase)
    {
        if (testCase["seed"] is null && testCase["state"] is JsonNode state)
        {
            var g = new TorchGenerator();
            g.SetState(Convert.FromBase64String((string)state!));
            return g;
        }

        return Seeded(JsonAssert.ToBig(testCase["seed"]));
    }

    public static TorchGenerator Seeded(BigInteger seed) => seed < 0 ? new TorchGenerator((long)seed) : new TorchGenerator((ulong)seed);

    public static JsonNode? Run(TorchGenerator g, JsonArray call)
    {
        string name = (string)call[0]!;
        string T(int i) => call[i]!.ToJsonString();
        double D(int i) => double.Parse(T(i), System.Globalization.CultureInfo.InvariantCulture);
        int N(int i) => int.Parse(T(i), System.Globalization.CultureInfo.InvariantCulture);
        long L(int i) => long.Parse(T(i), System.Globalization.CultureInfo.InvariantCulture);
        return name switch
        {
            "rand" => F32(g.Rand(N(1))),
            "rand_double" => F64(g.RandDouble(N(1))),
            "randn" => F32(g.Randn(N(1))),
            "randn_double" => F64(g.RandnDouble(N(1))),
            "uniform" => F32(g.Uniform(D(1), D(2), N(3))),
            "uniform_double" => F64(g.UniformDouble(D(1), D(2), N(3))),
            "normal" => F32(g.Normal(D(1), D(2), N(3))),
            "normal_double" => F64(g.NormalDouble(D(1), D(2), N(3))),
            "randint" => new JsonArray([.. g.RandInt(L(1), L(2), N(3)).Select(v => (JsonNode)v)]),
            "randperm" => new JsonArray([.. g.RandPerm(L(1)).Select(v => (JsonNode)v)]),
            "random_" => g.Random(),
            "bernoulli" => new JsonArray([.. g.Bernoulli(D(1), N(2)).Select(v => (JsonNode)(v ? 1 : 0))]),
            "manual_seed" => Seed(g, JsonAssert.ToBig(call[1])),
            "get_state" => Convert.ToBase64String(g.GetState()),
            "set_state" => SetState(g, (string)call[1]!),
            "initial_seed" => JsonAssert.Big(g.InitialSeed),
            _ => throw new InvalidOperationException("unknown call " + name),
        };
    }

    public static JsonArray RunAll(TorchGenerator g, JsonArray calls) => new([.. calls.Select(c => Run(g, c!.AsArray()))]);

    private static JsonNode? Seed(TorchGenerator g, BigInteger seed)
    {
        if (seed < 0)
        {
            g.ManualSeed((long)seed);
        }
        else
        {
            g.ManualSeed((ulong)seed);
        }

        return null;
    }

    private static JsonNode? SetState(TorchGenerator g, string base64)
    {
        g.SetState(Convert.FromBase64String(base64));
        return null;
    }

    private static JsonArray F32(float[] values) => new([.. values.Select(v => (JsonNode)BitConverter.SingleToUInt32Bits(v))]);

    private static JsonArray F64(double[] values) => new([.. values.Select(v => (JsonNode)BitConverter.DoubleToUInt64Bits(v))]);
}

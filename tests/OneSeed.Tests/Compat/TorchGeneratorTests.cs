using System.Numerics;
using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Tests.Infrastructure;
using Xunit;

namespace OneSeed.Tests.Compat;

public sealed class TorchGeneratorTests
{
    private static readonly int[] Lengths = [0, 1, 2, 7, 15, 16, 17, 31, 32, 33, 47, 100, 623, 624, 625, 1000, 1249];

    [Fact]
    public void Diagnose()
    {
        var seeds = new LiveSeeds();
        string[] names = ["rand", "rand_double", "randn", "randn_double", "uniform", "uniform_double", "normal", "normal_double", "randint", "randperm", "random_", "bernoulli"];
        var cases = new JsonArray();
        foreach (string name in names)
        {
            for (int k = 0; k < 20; k++)
            {
                cases.Add(new JsonObject { ["seed"] = seeds.Int(0, int.MaxValue), ["calls"] = new JsonArray(Call(seeds, name)) });
            }
        }

        JsonArray results = PythonOracle.Run("torch_generator.py", new JsonObject { ["op"] = "calls", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        var bad = new List<string>();
        for (int i = 0; i < cases.Count; i++)
        {
            var g = TorchCalls.Create(cases[i]!);
            JsonArray actual = TorchCalls.RunAll(g, cases[i]!["calls"]!.AsArray());
            JsonNode expected = results[i]!["outputs"]!;
            if (!JsonNode.DeepEquals(actual, expected))
            {
                var e = expected[0]!.AsArray();
                var a = actual[0]!.AsArray();
                int diff = Enumerable.Range(0, e.Count).Count(j => !JsonNode.DeepEquals(e[j], a[j]));
                bad.Add($"{cases[i]!["calls"]!.ToJsonString()} : {diff}/{e.Count} differ; first e={e.FirstOrDefault(x => !a.Any(y => JsonNode.DeepEquals(x, y)))}");
            }
        }

        Assert.True(bad.Count == 0, string.Join("\n", bad));
    }

    internal static JsonArray Call(LiveSeeds seeds, string name)
    {
        int n = seeds.Pick(Lengths);
        return name switch
        {
            "uniform" or "uniform_double" => new JsonArray(name, Math.Round(seeds.Double() * 20 - 10, 3), Math.Round(seeds.Double() * 20 + 10, 3), n),
            "normal" or "normal_double" => new JsonArray(name, Math.Round(seeds.Double() * 20 - 10, 3), Math.Round(seeds.Double() * 5, 3), n),
            "randint" => RandIntCall(seeds, n),
            "randperm" => new JsonArray(name, seeds.Pick(new[] { 0, 1, 2, 3, 10, 100, 1000, 5000 })),
            "random_" => new JsonArray(name),
            "bernoulli" => new JsonArray(name, seeds.Pick(new[] { 0.0, 1.0, 0.5, seeds.Double() }), n),
            _ => new JsonArray(name, n),
        };
    }

    private static JsonArray RandIntCall(LiveSeeds seeds, int n)
    {
        long low = seeds.Pick(new[] { 0L, -5L, long.MinValue / 2, seeds.Int64(-1000, 1000) });
        long span = seeds.Pick(new[] { 1L, 2L, 10L, 1L << 31, (1L << 32) - 1, 1L << 32, (1L << 32) + 1, 1L << 40, long.MaxValue, seeds.Int64(1, long.MaxValue) });
        return new JsonArray("randint", low, low + span, n);
    }
}

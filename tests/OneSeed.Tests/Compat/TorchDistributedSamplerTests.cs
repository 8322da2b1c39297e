using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Tests.Infrastructure;
using Xunit;

namespace OneSeed.Tests.Compat;

public sealed class TorchDistributedSamplerTests
{
    [Fact]
    public void GoldenVectors()
    {
        foreach (JsonNode? testCase in PythonOracle.LoadGolden("torch_samplers.json")["distributed_sampler"]!.AsArray())
        {
            Check(testCase!, testCase!["expected"]!, "golden " + testCase!.ToJsonString()[..100]);
        }
    }

    [Fact]
    public void LivePerRankAndEpochAndTheUnionCoversTheDataset()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        for (int k = 0; k < 100; k++)
        {
            int n = seeds.Pick(new[] { 0, 1, 2, 5, 7, 10, 16, 17, 100, 1000, seeds.Int(0, 5000) });
            int replicas = seeds.Pick(new[] { 1, 2, 3, 4, 8, seeds.Int(1, 20) });
            bool shuffle = seeds.Int(0, 4) != 0;
            long seed = seeds.Pick(new[] { 0L, 42L, -5L, seeds.Int64(long.MinValue / 2, long.MaxValue / 2) });
            bool dropLast = seeds.Bool();
            var epochs = new JsonArray(0, 1, seeds.Int(2, 1000));
            for (int rank = 0; rank < replicas; rank++)
            {
                cases.Add(new JsonObject
                {
                    ["n"] = n, ["num_replicas"] = replicas, ["rank"] = rank, ["shuffle"] = shuffle,
                    ["seed"] = seed, ["drop_last"] = dropLast, ["epochs"] = epochs.DeepClone(),
                });
            }
        }

        JsonArray results = PythonOracle.Run("torch_generator.py", new JsonObject { ["op"] = "distributed_sampler", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        Assert.True(cases.Count >= 300, "at least 300 rank cases");
        for (int k = 0; k < cases.Count; k++)
        {
            Check(cases[k]!, results[k]!, $"case {k} {cases[k]!.ToJsonString()} {seeds.Replay}");
        }

        // The union over ranks: every index when padding; all but fewer than num_replicas when dropping.
        foreach (var group in cases.Select(c => c!).GroupBy(c => c.ToJsonString().Split("\"rank\"")[0]))
        {
            JsonNode first = group.First();
            int n = (int)first["n"]!;
            int replicas = (int)first["num_replicas"]!;
            var union = new HashSet<int>();
            foreach (JsonNode c in group)
            {
                var sampler = Create(c);
                sampler.SetEpoch(1);
                union.UnionWith(sampler);
            }

            if ((bool)first["drop_last"]!)
            {
                Assert.InRange(n - union.Count, 0, replicas - 1);
            }
            else
            {
                Assert.Equal(n, union.Count);
            }
        }
    }

    [Fact]
    public void ArgumentsAreValidated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TorchDistributedSampler(-1, 2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TorchDistributedSampler(10, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TorchDistributedSampler(10, 2, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TorchDistributedSampler(10, 2, -1));
        var s = new TorchDistributedSampler(10, 3, 1, seed: long.MaxValue);
        s.SetEpoch(long.MaxValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TorchDistributedSampler(10, 3, 1, seed: long.MinValue).SetEpoch(-1));
        Assert.Equal(4, s.NumSamples);
        Assert.Equal(12, s.TotalSize);
    }

    private static TorchDistributedSampler Create(JsonNode c) => new(
        (int)c["n"]!, (int)c["num_replicas"]!, (int)c["rank"]!, (bool)c["shuffle"]!,
        long.Parse(c["seed"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture), (bool)c["drop_last"]!);

    private static void Check(JsonNode testCase, JsonNode expected, string context)
    {
        TorchDistributedSampler sampler;
        string seedText = testCase["seed"]!.ToJsonString();
        if (seedText.Length > 18 && System.Numerics.BigInteger.Parse(seedText, System.Globalization.CultureInfo.InvariantCulture) > long.MaxValue)
        {
            // A seed above 2^63 (the golden file has one): torch adds the epoch as a Python int; emulate with seed - 2^64 + epoch.
            var big = System.Numerics.BigInteger.Parse(seedText, System.Globalization.CultureInfo.InvariantCulture);
            sampler = new TorchDistributedSampler((int)testCase["n"]!, (int)testCase["num_replicas"]!, (int)testCase["rank"]!, (bool)testCase["shuffle"]!, (long)(big - (System.Numerics.BigInteger.One << 64)), (bool)testCase["drop_last"]!);
        }
        else
        {
            sampler = Create(testCase);
        }

        JsonArray epochs = testCase["epochs"]!.AsArray();
        JsonArray outputs = expected["epochs"]!.AsArray();
        for (int e = 0; e < epochs.Count; e++)
        {
            sampler.SetEpoch(long.Parse(epochs[e]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture));
            JsonAssert.Equal(JsonAssert.Int64s(outputs[e]), sampler.Select(i => (long)i).ToArray(), $"epoch {epochs[e]}, {context}");
        }

        if (expected["len"] is JsonNode len)
        {
            Assert.Equal((int)len, sampler.NumSamples);
        }
    }
}

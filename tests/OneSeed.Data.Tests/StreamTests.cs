using System.Globalization;
using System.Text.Json.Nodes;
using OneSeed.Data;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Data.Tests;

/// <summary>The documented Python equivalents of the loader's keyed streams, checked live against NumPy.</summary>
public sealed class StreamTests
{
    [Fact]
    public void Shuffle_order_is_numpy_permutation_of_the_derived_seed_sequence()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        var expected = new List<int[]>();
        for (int i = 0; i < 200; i++)
        {
            ulong seed = seeds.Pick(new[] { 0UL, 1UL, ulong.MaxValue, (ulong)seeds.Int64(0, long.MaxValue), (ulong)seeds.UInt32() });
            int epoch = seeds.Pick(new[] { 0, 1, seeds.Int(0, 1000), int.MaxValue });
            int n = seeds.Pick(new[] { 0, 1, 2, seeds.Int(3, 100), seeds.Int(100, 5000) });
            cases.Add(new JsonObject { ["seed"] = seed, ["epoch"] = epoch, ["n"] = n });
            expected.Add([.. new RandomSampler().BeginEpoch(new SamplerContext(seed, epoch, n)).Indices]);
        }

        JsonArray results = PythonOracle.Run("data_loader.py", new JsonObject { ["op"] = "shuffle", ["cases"] = cases })["results"]!.AsArray();
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(results[i]!.AsArray().Select(x => (int)x!).SequenceEqual(expected[i]), $"case {i}: {cases[i]!.ToJsonString()} {seeds.Replay}");
        }
    }

    [Fact]
    public void Sample_rng_is_numpy_generator_over_pcg64_of_the_derived_seed_sequence()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        var expected = new List<(ulong[] Random, long[] Integers)>();
        for (int i = 0; i < 300; i++)
        {
            ulong seed = seeds.Pick(new[] { 0UL, ulong.MaxValue, (ulong)seeds.Int64(0, long.MaxValue) });
            int epoch = seeds.Pick(new[] { 0, seeds.Int(0, 100), int.MaxValue });
            int index = seeds.Pick(new[] { 0, seeds.Int(0, 1_000_000), int.MaxValue });
            int n = seeds.Int(1, 8);
            cases.Add(new JsonObject { ["seed"] = seed, ["epoch"] = epoch, ["index"] = index, ["n"] = n });
            var context = new SampleContext(seed, epoch, index, workerId: seeds.Int(-1, 8));
            ulong[] random = [.. context.Rng.Random(n).Select(d => (ulong)BitConverter.DoubleToInt64Bits(d))];
            expected.Add((random, context.Rng.Integers(0, 1000, n)));
        }

        JsonArray results = PythonOracle.Run("data_loader.py", new JsonObject { ["op"] = "sample_rng", ["cases"] = cases })["results"]!.AsArray();
        for (int i = 0; i < expected.Count; i++)
        {
            string context = $"case {i}: {cases[i]!.ToJsonString()} {seeds.Replay}";
            Assert.True(results[i]!["random"]!.AsArray().Select(x => ulong.Parse(x!.ToJsonString(), CultureInfo.InvariantCulture)).SequenceEqual(expected[i].Random), context);
            Assert.True(results[i]!["integers"]!.AsArray().Select(x => (long)x!).SequenceEqual(expected[i].Integers), context);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_batches_in_a_fresh_process()
    {
        var seeds = new LiveSeeds();
        ulong seed = (ulong)seeds.Int64(0, long.MaxValue);
        int count = seeds.Int(1, 200);
        int workers = seeds.Pick(new[] { 0, 1, 2, 3 });
        string child = TestData.RunChild("batches", seed.ToString(CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture), "5", "2", "true", "0", "1", "2");

        using var loader = new DataLoader<Sample>(TestData.Augmented(count), new DataLoaderOptions { Seed = seed, BatchSize = 5, Shuffle = true, Workers = workers });
        string here = string.Concat(TestData.Collect(loader, 2).Select(e => string.Concat(e.Select(b => b + "\n")) + "--\n"));
        Assert.True(here == child.Replace("\r\n", "\n", StringComparison.Ordinal), $"seed {seed}, count {count}, {workers} workers here vs 2 in the child {seeds.Replay}");
    }
}

using System.Text.Json.Nodes;
using OneSeed.Data;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Data.Tests;

public sealed class DistributedTests
{
    [Fact]
    public void Shards_are_disjoint_except_torch_padding_and_cover_the_dataset()
    {
        var seeds = new LiveSeeds();
        for (int trial = 0; trial < 60; trial++)
        {
            int world = seeds.Int(1, 9);
            int count = seeds.Pick(new[] { 0, 1, world - 1, world, world + 1, 2 * world }) + (seeds.Bool() ? seeds.Int(0, 200) : 0);
            bool dropLast = seeds.Bool();
            bool shuffle = seeds.Bool();
            ulong seed = (ulong)seeds.Int64(0, long.MaxValue);
            int epoch = seeds.Int(0, 5);
            string context = $"trial {trial}: world {world}, count {count}, dropLast {dropLast}, shuffle {shuffle}, seed {seed} {seeds.Replay}";

            ISampler order = shuffle ? new RandomSampler() : new SequentialSampler();
            var shards = Enumerable.Range(0, world)
                .Select(rank => new DistributedSampler(order, rank, world, dropLast).BeginEpoch(new SamplerContext(seed, epoch, count)).Indices.ToArray())
                .ToArray();
            int share = dropLast ? count / world : (count + world - 1) / world;
            Assert.All(shards, s => Assert.Equal(share, s.Length));
            int[] union = [.. shards.SelectMany(s => s)];
            if (dropLast)
            {
                Assert.True(union.Distinct().Count() == union.Length, $"overlap: {context}");
                Assert.Equal(count - (count % world), union.Length);
            }
            else
            {
                Assert.True(union.Distinct().Count() == count, $"coverage: {context}");
                Assert.Equal(share * world - count, union.Length - count);
            }

            // Interleaving the shards gives back the (padded or truncated) order, as in PyTorch.
            int[] full = order.BeginEpoch(new SamplerContext(seed, epoch, count)).Indices.ToArray();
            for (int p = 0; p < union.Length; p++)
            {
                Assert.Equal(full[p % count], shards[p % world][p / world]);
            }
        }
    }

    [Fact]
    public void Sharding_matches_torch_DistributedSampler_live()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        var expected = new List<(int N, int World, int Rank, bool DropLast, int[] Indices)>();
        for (int i = 0; i < 200; i++)
        {
            int world = seeds.Int(1, 9);
            int n = seeds.Int(1, 40) * (seeds.Bool() ? 1 : seeds.Int(1, 10));
            int rank = seeds.Int(0, world);
            bool dropLast = seeds.Bool();
            cases.Add(new JsonObject { ["n"] = n, ["world"] = world, ["rank"] = rank, ["drop_last"] = dropLast });
            expected.Add((n, world, rank, dropLast, new DistributedSampler(new SequentialSampler(), rank, world, dropLast).BeginEpoch(new SamplerContext(0, 0, n)).Indices.ToArray()));
        }

        JsonArray results = PythonOracle.Run("data_loader.py", new JsonObject { ["op"] = "distributed", ["cases"] = cases })["results"]!.AsArray();
        for (int i = 0; i < expected.Count; i++)
        {
            var c = expected[i];
            Assert.True(results[i]!.AsArray().Select(x => (int)x!).SequenceEqual(c.Indices), $"case {i}: n {c.N}, world {c.World}, rank {c.Rank}, dropLast {c.DropLast} {seeds.Replay}");
        }
    }

    [Fact]
    public async Task Loader_ranks_in_separate_processes_cover_the_dataset()
    {
        var seeds = new LiveSeeds();
        int world = 3;
        int count = seeds.Int(10, 100);
        ulong seed = (ulong)seeds.Int64(0, long.MaxValue);
        var processes = Enumerable.Range(0, world)
            .Select(rank => Task.Run(() => TestData.RunChild("batches", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), count.ToString(System.Globalization.CultureInfo.InvariantCulture), "4", rank.ToString(System.Globalization.CultureInfo.InvariantCulture), "true", rank.ToString(System.Globalization.CultureInfo.InvariantCulture), world.ToString(System.Globalization.CultureInfo.InvariantCulture), "1")))
            .ToArray();
        string[] outputs = await Task.WhenAll(processes);
        var indices = outputs
            .Select(p => p.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l != "--")
                .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(s => int.Parse(s[..s.IndexOf('@', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        int share = (count + world - 1) / world;
        Assert.All(indices, s => Assert.Equal(share, s.Length));
        Assert.Equal(Enumerable.Range(0, count), indices.SelectMany(s => s).Distinct().Order());

        // And each rank's batches are those of an in-process loader with that rank (whatever the process's worker count).
        using var rank1 = new DataLoader<Sample>(TestData.Augmented(count), new DataLoaderOptions { Seed = seed, BatchSize = 4, Shuffle = true, Rank = 1, WorldSize = world });
        Assert.Equal(outputs[1].Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l != "--"), rank1.Select(TestData.Describe));
    }
}

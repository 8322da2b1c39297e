using System.Text.Json.Nodes;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Data.Tests;

/// <summary>
/// <see cref="ShardAwareSampler"/>: its order is its documented definition (checked against a Python transcription over
/// NumPy), every global step is the same for every world size and worker count, a state taken on any rank resumes on
/// another world size at the next step, ranks read few shards, and what cannot be honoured is refused.
/// </summary>
public sealed class ShardAwareSamplerTests
{
    // Global batch sizes with many divisors, so several world sizes apply to each.
    private static readonly int[] GlobalBatches = [12, 24, 36, 48, 60];

    [Fact]
    public void Order_is_its_documented_definition_as_numpy_computes_it()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        var expected = new List<int[]>();
        for (int i = 0; i < 60; i++)
        {
            Layout layout = RandomLayout(seeds);
            ulong seed = (ulong)seeds.Int64(0, long.MaxValue);
            int epoch = seeds.Int(0, 50);
            var sampler = new ShardAwareSampler(layout.Counts, layout.Global, layout.Partitions, layout.Block, layout.DropLast);
            cases.Add(new JsonObject
            {
                ["counts"] = new JsonArray([.. layout.Counts.Select(c => (JsonNode)c)]),
                ["seed"] = seed, ["epoch"] = epoch, ["global"] = layout.Global, ["partitions"] = layout.Partitions,
                ["block"] = layout.Block, ["drop_last"] = layout.DropLast,
            });
            expected.Add([.. sampler.BeginEpoch(new SamplerContext(seed, epoch, sampler.SampleCount)).Indices]);
        }

        JsonArray results = PythonOracle.Run("data_loader.py", new JsonObject { ["op"] = "shard_aware", ["cases"] = cases })["results"]!.AsArray();
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(results[i]!.AsArray().Select(x => (int)x!).SequenceEqual(expected[i]), $"case {i}: {cases[i]!.ToJsonString()} {seeds.Replay}");
        }
    }

    [Fact]
    public void An_epoch_visits_each_sample_at_most_once_and_every_sample_when_nothing_is_dropped()
    {
        var seeds = new LiveSeeds();
        for (int i = 0; i < 200; i++)
        {
            Layout layout = RandomLayout(seeds);
            var sampler = new ShardAwareSampler(layout.Counts, layout.Global, layout.Partitions, layout.Block, layout.DropLast);
            int[] order = [.. sampler.BeginEpoch(new SamplerContext((ulong)seeds.Int64(0, long.MaxValue), seeds.Int(0, 9), sampler.SampleCount)).Indices];
            int n = sampler.SampleCount;
            Assert.Equal(sampler.StepsPerEpoch * layout.Global, order.Length);
            Assert.All(order, index => Assert.InRange(index, 0, n - 1));
            if (layout.DropLast)
            {
                Assert.Equal(order.Length, order.Distinct().Count());
                // At most one step per part is left out.
                Assert.True(n - order.Length < layout.Global + layout.Partitions, $"{n - order.Length} of {n} dropped, {layout} {seeds.Replay}");
            }
            else
            {
                Assert.Equal(n, order.Distinct().Count());
            }
        }
    }

    [Fact]
    public void Every_global_step_is_the_same_for_every_world_size_and_worker_count()
    {
        var seeds = new LiveSeeds();
        for (int trial = 0; trial < 4; trial++)
        {
            Layout layout = RandomLayout(seeds, dropLast: true);
            ulong seed = (ulong)seeds.Int64(0, long.MaxValue);
            List<List<string>>? reference = null;
            foreach (int world in Divisors(layout.Global).Where(w => w <= 6))
            {
                int workers = seeds.Int(0, 4);
                List<List<string>> steps = GlobalSteps(layout, seed, world, workers, epochs: 2);
                reference ??= steps;
                Assert.True(reference.SequenceEqual(steps, ListComparer.Instance), $"world {world}, {workers} workers differ from world 1; {layout} {seeds.Replay}");
            }

            // And each step is the sampler's global step, samples carrying their own per-sample augmentations.
            var sampler = new ShardAwareSampler(layout.Counts, layout.Global, layout.Partitions, layout.Block);
            int[] order = [.. sampler.BeginEpoch(new SamplerContext(seed, 0, sampler.SampleCount)).Indices];
            Assert.Equal(order.Chunk(layout.Global).Select(step => string.Join(",", step)), reference![0].Select(IndicesOf));
        }
    }

    [Fact]
    public void A_state_taken_on_any_rank_resumes_on_another_world_size_at_the_next_step()
    {
        var seeds = new LiveSeeds();
        for (int trial = 0; trial < 6; trial++)
        {
            Layout layout = RandomLayout(seeds, dropLast: true);
            ulong seed = (ulong)seeds.Int64(0, long.MaxValue);
            int[] worlds = [.. Divisors(layout.Global).Where(w => w <= 6)];
            List<List<string>> uninterrupted = GlobalSteps(layout, seed, world: 1, workers: 0, epochs: 2);
            int stepsPerEpoch = uninterrupted[0].Count;

            int before = seeds.Pick(worlds);
            int stopAt = seeds.Int(0, stepsPerEpoch);
            var states = new List<string>();
            for (int rank = 0; rank < before; rank++)
            {
                using DataLoader<Sample> loader = Loader(layout, seed, rank, before, seeds.Int(0, 4));
                using IEnumerator<IReadOnlyList<Sample>> run = loader.GetEnumerator();
                for (int step = 0; step < stopAt; step++)
                {
                    Assert.True(run.MoveNext());
                }

                states.Add(loader.GetState().ToJson());
            }

            Assert.All(states, s => Assert.Equal(states[0], s));
            DataLoaderState state = DataLoaderState.FromJson(seeds.Pick(states));

            int after = seeds.Pick(worlds);
            int workers = seeds.Int(0, 4);
            var resumed = new List<List<string>> { new(), new() };
            var loaders = Enumerable.Range(0, after).Select(rank => Loader(layout, seed: null, rank, after, workers)).ToList();
            try
            {
                foreach (DataLoader<Sample> loader in loaders)
                {
                    loader.LoadState(state);
                }

                for (int epoch = 0; epoch < 2; epoch++)
                {
                    List<List<string>> perRank = [.. loaders.Select(l => l.Select(TestData.Describe).ToList())];
                    for (int step = 0; step < perRank[0].Count; step++)
                    {
                        resumed[epoch].Add(string.Concat(perRank.Select(r => r[step])));
                    }
                }
            }
            finally
            {
                loaders.ForEach(l => l.Dispose());
            }

            string context = $"stopped at step {stopAt} of {stepsPerEpoch} on world {before}, resumed on world {after} with {workers} workers; {layout} {seeds.Replay}";
            Assert.True(uninterrupted[0].Skip(stopAt).SequenceEqual(resumed[0]), "rest of the epoch: " + context);
            Assert.True(uninterrupted[1].SequenceEqual(resumed[1]), "next epoch: " + context);
        }
    }

    [Fact]
    public void When_the_world_size_divides_the_partitions_each_rank_reads_only_its_parts_shards()
    {
        var seeds = new LiveSeeds();
        for (int trial = 0; trial < 20; trial++)
        {
            int shards = seeds.Int(16, 64);
            int[] counts = [.. Enumerable.Range(0, shards).Select(_ => seeds.Int(30, 51))];
            int partitions = seeds.Pick(new[] { 4, 8 });
            int global = partitions * seeds.Int(1, 4);
            int world = seeds.Pick(Divisors(partitions).Where(w => w > 1).ToArray());
            var sampler = new ShardAwareSampler(counts, global, partitions, blockShards: seeds.Int(1, 5));
            int[] order = [.. sampler.BeginEpoch(new SamplerContext((ulong)seeds.Int64(0, long.MaxValue), 0, sampler.SampleCount)).Indices];
            int[] shardOf = ShardOf(counts);
            int share = global / world;
            for (int rank = 0; rank < world; rank++)
            {
                int touched = order.Where((_, i) => (i % global) / share == rank).Select(i => shardOf[i]).Distinct().Count();
                // Its parts are one contiguous run of about N / world samples of the shuffled shards: with shard sizes within
                // [30, 50], at most 50/30 of the average share of shards, plus the two cut at its ends. Without
                // locality a rank would read nearly every shard.
                int bound = (int)Math.Ceiling(5.0 * shards / (3.0 * world)) + 2;
                Assert.True(touched <= bound, $"rank {rank} of {world} read {touched} shards (bound {bound}), {shards} shards, {partitions} partitions {seeds.Replay}");
            }
        }
    }

    [Fact]
    public void Orders_differ_between_epochs_and_seeds_and_repeat_for_the_same_ones()
    {
        int[] counts = [.. Enumerable.Repeat(50, 40)];
        var sampler = new ShardAwareSampler(counts, globalBatchSize: 32, canonicalPartitions: 4, blockShards: 4);
        int[] Order(ulong seed, int epoch) => [.. sampler.BeginEpoch(new SamplerContext(seed, epoch, 2000)).Indices];
        Assert.Equal(Order(7, 3), Order(7, 3));
        Assert.NotEqual(Order(7, 3), Order(7, 4));
        Assert.NotEqual(Order(7, 3), Order(8, 3));
    }

    [Fact]
    public void What_cannot_be_honoured_is_refused_with_the_reason()
    {
        int[] counts = [100, 100, 100];
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ShardAwareSampler(counts, globalBatchSize: 12, canonicalPartitions: 5));
        Assert.Contains("divisor of globalBatchSize 12", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShardAwareSampler(counts, globalBatchSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShardAwareSampler(counts, globalBatchSize: 12, blockShards: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShardAwareSampler([5, -1], globalBatchSize: 12));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShardAwareSampler([3], globalBatchSize: 8, canonicalPartitions: 4, dropLast: false));

        var sampler = new ShardAwareSampler(counts, globalBatchSize: 12, canonicalPartitions: 4);
        IDataset<Sample> data = TestData.Augmented(300);
        var world5 = Assert.Throws<ArgumentException>(() => new DataLoader<Sample>(data, new DataLoaderOptions { Sampler = sampler, BatchSize = 2, Rank = 0, WorldSize = 5, Seed = 1 }));
        Assert.Contains("not divisible by the world size 5", world5.Message, StringComparison.Ordinal);
        Assert.Contains("1, 2, 3, 4, 6, 12", world5.Message, StringComparison.Ordinal);
        var batch = Assert.Throws<ArgumentException>(() => new DataLoader<Sample>(data, new DataLoaderOptions { Sampler = sampler, BatchSize = 12, Rank = 1, WorldSize = 3, Seed = 1 }));
        Assert.Contains("set BatchSize = 4", batch.Message, StringComparison.Ordinal);
        var count = Assert.Throws<ArgumentException>(() => new DataLoader<Sample>(TestData.Augmented(299), new DataLoaderOptions { Sampler = sampler, BatchSize = 12, Seed = 1 }));
        Assert.Contains("has 300", count.Message, StringComparison.Ordinal);

        // A state of another configuration is refused, and the loader is left as it was.
        using var taken = new DataLoader<Sample>(data, new DataLoaderOptions { Sampler = sampler, BatchSize = 12, Seed = 1 });
        using (IEnumerator<IReadOnlyList<Sample>> run = taken.GetEnumerator())
        {
            run.MoveNext();
        }

        DataLoaderState state = taken.GetState();
        var otherBlocks = new ShardAwareSampler(counts, globalBatchSize: 12, canonicalPartitions: 4, blockShards: 2);
        using var other = new DataLoader<Sample>(data, new DataLoaderOptions { Sampler = otherBlocks, BatchSize = 12, Seed = 1 });
        string before = other.GetState().ToJson();
        var refused = Assert.Throws<FormatException>(() => other.LoadState(state));
        Assert.Contains("block_shards = 16", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, other.GetState().ToJson());
        var otherGlobal = new ShardAwareSampler(counts, globalBatchSize: 24, canonicalPartitions: 4);
        using var wider = new DataLoader<Sample>(data, new DataLoaderOptions { Sampler = otherGlobal, BatchSize = 24, Seed = 1 });
        Assert.Contains("global batch size 12", Assert.Throws<ArgumentException>(() => wider.LoadState(state)).Message, StringComparison.Ordinal);
    }

    private static DataLoader<Sample> Loader(Layout layout, ulong? seed, int rank, int world, int workers) =>
        new(TestData.Augmented(layout.Counts.Sum()), new DataLoaderOptions
        {
            Sampler = new ShardAwareSampler(layout.Counts, layout.Global, layout.Partitions, layout.Block, layout.DropLast),
            BatchSize = layout.Global / world, Rank = rank, WorldSize = world, Workers = workers, Seed = seed,
        });

    // Each epoch's global steps: the ranks' batches of each step, rank after rank, described with their augmentations.
    private static List<List<string>> GlobalSteps(Layout layout, ulong seed, int world, int workers, int epochs)
    {
        var loaders = Enumerable.Range(0, world).Select(rank => Loader(layout, seed, rank, world, workers)).ToList();
        try
        {
            var result = new List<List<string>>();
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                List<List<string>> perRank = [.. loaders.Select(l => l.Select(TestData.Describe).ToList())];
                result.Add([.. Enumerable.Range(0, perRank[0].Count).Select(step => string.Concat(perRank.Select(r => r[step])))]);
            }

            return result;
        }
        finally
        {
            loaders.ForEach(l => l.Dispose());
        }
    }

    private static string IndicesOf(string described) =>
        string.Join(",", described.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => s[..s.IndexOf('@', StringComparison.Ordinal)]));

    private static Layout RandomLayout(LiveSeeds seeds, bool? dropLast = null)
    {
        int global = seeds.Pick(GlobalBatches);
        int[] partitionChoices = [.. Divisors(global)];
        int partitions = seeds.Pick(partitionChoices);
        int shards = seeds.Int(1, 40);
        int[] counts = [.. Enumerable.Range(0, shards).Select(_ => seeds.Pick(new[] { 0, seeds.Int(1, 10), seeds.Int(10, 80) }))];
        if (counts.Sum() < global)
        {
            // At least one global step, so that stopping and resuming have something to cut.
            counts[0] += global;
        }

        return new Layout(counts, global, partitions, seeds.Int(1, 6), dropLast ?? seeds.Bool());
    }

    private static IEnumerable<int> Divisors(int n) => Enumerable.Range(1, n).Where(d => n % d == 0);

    private static int[] ShardOf(int[] counts)
    {
        int[] shardOf = new int[counts.Sum()];
        for (int s = 0, position = 0; s < counts.Length; s++)
        {
            for (int i = 0; i < counts[s]; i++)
            {
                shardOf[position++] = s;
            }
        }

        return shardOf;
    }

    private sealed record Layout(int[] Counts, int Global, int Partitions, int Block, bool DropLast)
    {
        public override string ToString() =>
            $"layout [{string.Join(",", Counts)}], global {Global}, partitions {Partitions}, blocks of {Block}, dropLast {DropLast}";
    }

    private sealed class ListComparer : IEqualityComparer<List<string>>
    {
        public static readonly ListComparer Instance = new();

        public bool Equals(List<string>? x, List<string>? y) => x is not null && y is not null && x.SequenceEqual(y);

        public int GetHashCode(List<string> obj) => obj.Count;
    }
}

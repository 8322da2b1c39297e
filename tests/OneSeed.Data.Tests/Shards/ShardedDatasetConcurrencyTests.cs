using OneSeed.Data.Shards;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Data.Tests.Shards;

public sealed class ShardedDatasetConcurrencyTests
{
    [Fact]
    public void The_loader_with_0_to_3_workers_over_fewer_open_shards_than_shards_gives_the_batches_of_the_same_rows_in_memory()
    {
        var seeds = new LiveSeeds();
        (ShardSchema schema, List<object[]> samples) = ShardTestData.Generate(seeds.Int(0, int.MaxValue), seeds.Int(60, 400));
        using var dir = new TempDirectory("oneseed-shards-");
        ShardIndex index = ShardTestData.Write(dir.Path, schema, samples, new ShardWriterOptions { MaxSamplesPerShard = seeds.Int(5, 20) });
        List<string> rows = [.. samples.Select(s => ShardTestData.Line(ShardTestData.Describe(schema, s)))];
        ulong seed = (ulong)seeds.Int64(0, long.MaxValue);
        int batchSize = seeds.Int(1, 40);
        int maxOpen = seeds.Int(1, index.Shards.Count);
        string context = $"{samples.Count} samples in {index.Shards.Count} shards, {maxOpen} open, batch {batchSize} {seeds.Replay}";

        static string Join(IReadOnlyList<string> batch) => string.Join("\n", batch);
        List<string> Epochs<T>(IDataset<T> dataset, Func<T, string> describe, int workers)
        {
            var result = new List<string>();
            TestData.WithTimeout(120, () =>
            {
                using var loader = new DataLoader<T, string>(dataset, batch => Join([.. batch.Select(describe)]), new DataLoaderOptions
                {
                    Seed = seed, BatchSize = batchSize, Shuffle = true, Workers = workers,
                });
                for (int epoch = 0; epoch < 2; epoch++)
                {
                    result.AddRange(loader);
                }
            });
            return result;
        }

        List<string> expected = Epochs(Dataset.FromList(rows), r => r, workers: 0);
        for (int workers = 0; workers <= 3; workers++)
        {
            ShardedDataset sharded = ShardedDataset.Open(dir.Path, new ShardedDatasetOptions { MaxOpenShards = maxOpen });
            List<string> actual = Epochs<ShardRow>(sharded, r => ShardTestData.Line(ShardTestData.Describe(r)), workers);
            Assert.True(expected.SequenceEqual(actual), $"{workers} workers: the batches differ from the in-memory dataset's ({context})");
            Assert.InRange(sharded.OpenShardCount, 1, maxOpen);
        }
    }

    [Fact]
    public void Concurrent_reads_are_correct_keep_the_cache_bounded_and_load_a_shard_once_when_it_fits()
    {
        var seeds = new LiveSeeds();
        (ShardSchema schema, List<object[]> samples) = ShardTestData.Generate(seeds.Int(0, int.MaxValue), seeds.Int(100, 300));
        using var dir = new TempDirectory("oneseed-shards-");
        ShardIndex index = ShardTestData.Write(dir.Path, schema, samples, new ShardWriterOptions { MaxSamplesPerShard = seeds.Int(5, 15) });
        List<string> rows = [.. samples.Select(s => ShardTestData.Line(ShardTestData.Describe(schema, s)))];
        int shards = index.Shards.Count;

        foreach (int maxOpen in new[] { 1, Math.Max(1, shards / 3), shards })
        {
            ShardedDataset dataset = ShardedDataset.Open(dir.Path, new ShardedDatasetOptions { MaxOpenShards = maxOpen });
            int runSeed = seeds.Int(0, int.MaxValue);
            int peak = 0;
            Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
            {
                var random = new Random(runSeed + thread);
                for (int k = 0; k < 400; k++)
                {
                    int i = random.Next(rows.Count);
                    string actual = ShardTestData.Line(ShardTestData.Describe(dataset[i]));
                    Assert.True(rows[i] == actual, $"sample {i} read concurrently differs (max open {maxOpen}) {seeds.Replay}");
                    int open = dataset.OpenShardCount;
                    int seen;
                    while ((seen = Volatile.Read(ref peak)) < open && Interlocked.CompareExchange(ref peak, open, seen) != seen)
                    {
                    }
                }
            });

            Assert.InRange(peak, 1, maxOpen);
            if (maxOpen == shards)
            {
                Assert.Equal(shards, dataset.ShardLoads); // no shard read twice, however many threads asked at once
            }
        }
    }
}

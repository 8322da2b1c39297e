using OneSeed.Data;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Data.Tests;

public sealed class DeterminismTests
{
    private static readonly int[] WorkerCounts = [0, 1, 2, 3, 8];

    [Fact]
    public void Batches_including_augmentations_are_identical_for_0_1_2_3_and_8_workers()
    {
        var seeds = new LiveSeeds();
        for (int trial = 0; trial < 12; trial++)
        {
            ulong seed = (ulong)seeds.Int64(0, long.MaxValue) * (seeds.Bool() ? 2UL : 1UL);
            int count = seeds.Pick(new[] { 0, 1, 2, 7, 64, 65, 127, 128, 129 }) + (seeds.Bool() ? seeds.Int(0, 300) : 0);
            int batchSize = seeds.Pick(new[] { 1, 2, 3, 8, 16, 64, 500 });
            bool shuffle = seeds.Bool();
            bool dropLast = seeds.Bool() && count >= batchSize;
            int prefetch = seeds.Int(1, 4);
            string context = $"trial {trial}: seed {seed}, count {count}, batch {batchSize}, shuffle {shuffle}, dropLast {dropLast}, prefetch {prefetch} {seeds.Replay}";

            List<List<string>>? reference = null;
            foreach (int workers in WorkerCounts)
            {
                List<List<string>> epochs = null!;
                TestData.WithTimeout(60, () =>
                {
                    using var loader = new DataLoader<Sample>(TestData.Augmented(count), new DataLoaderOptions
                    {
                        Seed = seed, BatchSize = batchSize, Shuffle = shuffle, DropLast = dropLast, Workers = workers, PrefetchFactor = prefetch,
                    });
                    epochs = TestData.Collect(loader, 2);
                });
                if (reference is null)
                {
                    reference = epochs;
                    int expectedBatches = dropLast ? count / batchSize : (count + batchSize - 1) / batchSize;
                    Assert.True(epochs.All(e => e.Count == expectedBatches), $"batch count, {context}");
                    continue;
                }

                for (int e = 0; e < 2; e++)
                {
                    Assert.True(reference[e].SequenceEqual(epochs[e]), $"{workers} workers differ from 0 workers in epoch {e}; {context}");
                }
            }
        }
    }

    [Fact]
    public void Async_enumeration_gives_the_same_batches()
    {
        var seeds = new LiveSeeds();
        ulong seed = (ulong)seeds.Int64(0, long.MaxValue);
        int count = seeds.Int(1, 200);
        var options = new DataLoaderOptions { Seed = seed, BatchSize = 7, Shuffle = true };
        using var sync = new DataLoader<Sample>(TestData.Augmented(count), options);
        List<string> expected = [.. sync.Select(TestData.Describe)];

        TestData.WithTimeout(30, () =>
        {
            using var loader = new DataLoader<Sample>(TestData.Augmented(count), new DataLoaderOptions { Seed = seed, BatchSize = 7, Shuffle = true, Workers = 3 });
            var actual = new List<string>();
            IAsyncEnumerator<IReadOnlyList<Sample>> e = loader.EnumerateAsync().GetAsyncEnumerator();
            try
            {
                while (e.MoveNextAsync().AsTask().GetAwaiter().GetResult())
                {
                    actual.Add(TestData.Describe(e.Current));
                }
            }
            finally
            {
                e.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            Assert.Equal(expected, actual);
        });
    }

    [Fact]
    public void Each_enumeration_is_a_new_epoch_with_a_new_order_and_new_augmentations()
    {
        var seeds = new LiveSeeds();
        int count = seeds.Int(50, 400);
        using var loader = new DataLoader<Sample>(TestData.Augmented(count), new DataLoaderOptions { Seed = (ulong)seeds.Int64(0, long.MaxValue), BatchSize = 10, Shuffle = true, Workers = 2 });
        Assert.Equal(0, loader.Epoch);
        Sample[] first = [.. loader.SelectMany(b => b)];
        Assert.Equal(1, loader.Epoch);
        Sample[] second = [.. loader.SelectMany(b => b)];

        Assert.All(first, s => Assert.Equal(0, s.Epoch));
        Assert.All(second, s => Assert.Equal(1, s.Epoch));
        Assert.Equal(Enumerable.Range(0, count), first.Select(s => s.Index).Order());
        Assert.Equal(Enumerable.Range(0, count), second.Select(s => s.Index).Order());
        Assert.NotEqual(first.Select(s => s.Index), second.Select(s => s.Index));
        var noise0 = first.ToDictionary(s => s.Index, s => s.Noise);
        Assert.All(second, s => Assert.NotEqual(noise0[s.Index], s.Noise));
        Assert.Equal(count, first.Select(s => s.Noise).Distinct().Count());
    }

    [Fact]
    public void Without_shuffle_the_order_is_sequential_and_the_same_seed_repeats_everything()
    {
        var seeds = new LiveSeeds();
        ulong seed = (ulong)seeds.Int64(0, long.MaxValue);
        var options = new DataLoaderOptions { Seed = seed, BatchSize = 4 };
        using var a = new DataLoader<Sample>(TestData.Augmented(30), options);
        using var b = new DataLoader<Sample>(TestData.Augmented(30), options);
        List<List<string>> ea = TestData.Collect(a, 2);
        Assert.Equal(ea, TestData.Collect(b, 2));
        using var c = new DataLoader<Sample>(TestData.Augmented(30), options);
        Assert.Equal(Enumerable.Range(0, 30), c.SelectMany(x => x).Select(s => s.Index));
    }

    [Fact]
    public void Sample_context_matches_a_standalone_context_and_is_lazy()
    {
        var seeds = new LiveSeeds();
        ulong seed = (ulong)seeds.Int64(0, long.MaxValue);
        using var loader = new DataLoader<Sample>(TestData.Augmented(20), new DataLoaderOptions { Seed = seed, BatchSize = 20, Workers = 2 });
        Assert.Single(loader);
        IReadOnlyList<Sample> epoch1 = loader.First();
        foreach (Sample s in epoch1)
        {
            var context = new SampleContext(seed, 1, s.Index);
            Assert.Equal(s.Noise, context.Rng.Random());
            Assert.Equal(s.Crop, context.Rng.Integers(0, 1000));
        }

        int touched = 0;
        using var plain = new DataLoader<int>(Dataset.Create(10, (i, c) => { Interlocked.Increment(ref touched); return i * i; }), new DataLoaderOptions { BatchSize = 3 });
        Assert.Equal([[0, 1, 4], [9, 16, 25], [36, 49, 64], [81]], plain.Select(b => b.ToArray()).ToArray());
        Assert.Equal(10, touched);
    }

    [Fact]
    public void Collate_runs_per_batch_and_the_default_seed_is_fresh_and_reported()
    {
        using var loader = new DataLoader<int, int>(Dataset.FromList(Enumerable.Range(1, 10).ToArray()), items => items.Sum(), new DataLoaderOptions { BatchSize = 4, Workers = 2 });
        Assert.Equal([10, 26, 19], loader.ToArray());
        using var other = new DataLoader<int>(Dataset.FromList(new[] { 1 }));
        Assert.NotEqual(loader.Seed, other.Seed);
        Assert.Equal(loader.Seed, loader.GetState().Seed);
    }

    [Fact]
    public void Workers_keep_at_most_workers_times_prefetch_batches_in_flight()
    {
        TestData.WithTimeout(30, () =>
        {
            int computed = 0;
            var dataset = Dataset.Create(1000, (i, c) => { Interlocked.Increment(ref computed); return i; });
            using var loader = new DataLoader<int>(dataset, new DataLoaderOptions { BatchSize = 5, Workers = 3, PrefetchFactor = 2 });
            using IEnumerator<IReadOnlyList<int>> e = loader.GetEnumerator();
            Assert.True(e.MoveNext());
            Thread.Sleep(300);
            // Batch 0 was taken; batches 1..6 may be in flight (3 workers x 2), nothing beyond.
            Assert.InRange(Volatile.Read(ref computed), 5, (1 + 6) * 5);
        });
    }

    [Fact]
    public void A_second_enumeration_while_one_is_active_is_refused()
    {
        using var loader = new DataLoader<int>(Dataset.FromList(Enumerable.Range(0, 10).ToArray()), new DataLoaderOptions { BatchSize = 2, Workers = 1 });
        using IEnumerator<IReadOnlyList<int>> first = loader.GetEnumerator();
        Assert.True(first.MoveNext());
        using IEnumerator<IReadOnlyList<int>> second = loader.GetEnumerator();
        Assert.Throws<InvalidOperationException>(() => second.MoveNext());
        first.Dispose();
        Assert.Equal(5, loader.Count());
    }
}

using System.Collections.Concurrent;
using OneSeed.Compat;
using OneSeed.Data;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Data.Tests;

public sealed class WorkerSeedingTests
{
    [ThreadStatic]
    private static NumPyRandomState? _naive;

    /// <summary>
    /// The seed documents' experiment: a worker generator reseeded from the same value at every epoch start (what a
    /// fork-inherited NumPy state amounts to) repeats its numbers in every epoch and in every worker; the per-sample
    /// generator does not.
    /// </summary>
    [Fact]
    public void Naive_worker_seeding_repeats_augmentations_across_epochs_and_workers_sample_rng_does_not()
    {
        var seeds = new LiveSeeds();
        int count = seeds.Int(40, 200);
        ulong seed = (ulong)seeds.Int64(0, long.MaxValue);
        var dataset = Dataset.Create(count, static (i, context) => (Index: i, Naive: _naive!.RandomSample(), Keyed: context.Rng.Random()));
        var options = new DataLoaderOptions { Seed = seed, BatchSize = 4, Shuffle = true, Workers = 2, WorkerInit = _ => _naive = new NumPyRandomState(1234) };
        using var loader = new DataLoader<(int Index, double Naive, double Keyed)>(dataset, options);

        var epochs = Enumerable.Range(0, 3).Select(_ => loader.SelectMany(b => b).ToArray()).ToArray();

        // Naive: epoch after epoch the same sequence of numbers, and both workers produce the same numbers.
        Assert.Equal(epochs[0].Select(s => s.Naive), epochs[1].Select(s => s.Naive));
        Assert.Equal(epochs[0].Select(s => s.Naive), epochs[2].Select(s => s.Naive));
        Assert.True(epochs[0].Select(s => s.Naive).Distinct().Count() <= ((loader.BatchesPerEpoch + 1) / 2) * 4, $"workers share a stream {seeds.Replay}");

        // Keyed per-sample streams: every (epoch, sample) draws fresh numbers.
        double[] keyed = [.. epochs.SelectMany(e => e).Select(s => s.Keyed)];
        Assert.Equal(keyed.Length, keyed.Distinct().Count());
    }

    [Fact]
    public void Worker_init_gets_id_count_and_torch_style_seeds_that_change_every_epoch()
    {
        var infos = new ConcurrentBag<(WorkerInfo Info, WorkerInfo? Current, string? Thread)>();
        var options = new DataLoaderOptions { Seed = 99, BatchSize = 2, Workers = 3, WorkerInit = w => infos.Add((w, WorkerInfo.Current, Thread.CurrentThread.Name)) };
        using var loader = new DataLoader<int>(Dataset.Create(12, (i, c) => WorkerInfo.Current!.Id == c.WorkerId ? i : -1), options);
        Assert.Equal(Enumerable.Range(0, 12), loader.SelectMany(b => b));
        Assert.Equal(Enumerable.Range(0, 12), loader.SelectMany(b => b));

        Assert.Equal(6, infos.Count);
        foreach (var group in infos.GroupBy(x => x.Info.Epoch))
        {
            var workers = group.OrderBy(x => x.Info.Id).ToArray();
            Assert.Equal([0, 1, 2], workers.Select(x => x.Info.Id));
            Assert.All(workers, x => Assert.Equal(3, x.Info.Count));
            Assert.All(workers, x => Assert.Same(x.Info, x.Current));
            Assert.All(workers, x => Assert.Contains("OneSeed.Data worker", x.Thread, StringComparison.Ordinal));
            long baseSeed = workers[0].Info.Seed;
            Assert.True(baseSeed >= 0);
            Assert.Equal([baseSeed, baseSeed + 1, baseSeed + 2], workers.Select(x => x.Info.Seed));
        }

        Assert.NotEqual(infos.Single(x => x.Info.Epoch == 0 && x.Info.Id == 0).Info.Seed, infos.Single(x => x.Info.Epoch == 1 && x.Info.Id == 0).Info.Seed);
        Assert.Null(WorkerInfo.Current);

        // Same seed, same worker seeds (they are keyed on (seed, epoch) too).
        var again = new ConcurrentBag<long>();
        using var other = new DataLoader<int>(Dataset.Create(12, (i, c) => i), new DataLoaderOptions { Seed = 99, BatchSize = 2, Workers = 3, WorkerInit = w => again.Add(w.Seed) });
        Assert.Equal(6, other.Count());
        Assert.Equal(infos.Where(x => x.Info.Epoch == 0).Select(x => x.Info.Seed).Order(), again.Order());
    }

    [Fact]
    public void A_sampler_chosen_base_seed_is_used_for_the_workers()
    {
        var seen = new ConcurrentBag<long>();
        using var loader = new DataLoader<int>(Dataset.Create(6, (i, c) => i), new DataLoaderOptions { BatchSize = 1, Workers = 2, Sampler = new FixedBaseSeedSampler(), WorkerInit = w => seen.Add(w.Seed) });
        Assert.Equal(6, loader.Count());
        Assert.Equal([long.MaxValue, long.MinValue], seen.Order().Reverse());
    }

    private sealed class FixedBaseSeedSampler : ISampler
    {
        public int GetLength(int datasetCount) => datasetCount;

        public SamplerEpoch BeginEpoch(SamplerContext context) => new([.. Enumerable.Range(0, context.DatasetCount)], workerBaseSeed: long.MaxValue);

        public string? GetState() => null;

        public void SetState(string? state)
        {
        }
    }
}

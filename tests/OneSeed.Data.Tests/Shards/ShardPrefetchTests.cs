using OneSeed.Data.Shards;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Data.Tests.Shards;

/// <summary>
/// <see cref="ShardedDataset.Prefetch"/>, which the loader calls with each batch's indices: it opens the batch's shards
/// (up to the cache's size) without changing a value, refuses indices outside the dataset, and leaves a shard that
/// cannot be read for the read of its sample to report.
/// </summary>
public sealed class ShardPrefetchTests
{
    [Fact]
    public void Prefetch_opens_the_shards_of_the_indices_within_the_cache_and_changes_no_value()
    {
        var seeds = new LiveSeeds();
        (ShardSchema schema, List<object[]> samples) = ShardTestData.Generate(seeds.Int(0, int.MaxValue), seeds.Int(60, 200));
        using var dir = new TempDirectory("oneseed-shards-");
        ShardIndex index = ShardTestData.Write(dir.Path, schema, samples, new ShardWriterOptions { MaxSamplesPerShard = seeds.Int(3, 12) });
        int maxOpen = seeds.Int(1, index.Shards.Count + 2);
        ShardedDataset dataset = ShardedDataset.Open(dir.Path, new ShardedDatasetOptions { MaxOpenShards = maxOpen, VerificationRecordDirectory = null });
        int[] batch = [.. Enumerable.Range(0, seeds.Int(1, 64)).Select(_ => seeds.Int(0, samples.Count))];
        int shards = batch.Select(index.ShardOf).Distinct().Count();

        dataset.Prefetch(batch);
        Assert.True(dataset.ShardLoads == Math.Min(shards, maxOpen), $"{dataset.ShardLoads} loads for {shards} shards, cache of {maxOpen} {seeds.Replay}");
        Assert.True(dataset.OpenShardCount == Math.Min(shards, maxOpen), $"{dataset.OpenShardCount} open {seeds.Replay}");
        foreach (int i in batch)
        {
            Assert.Equal(ShardTestData.Line(ShardTestData.Describe(schema, samples[i])), ShardTestData.Line(ShardTestData.Describe(dataset[i])));
        }

        long loads = dataset.ShardLoads;
        dataset.Prefetch(batch.Where(i => index.ShardOf(i) == index.ShardOf(batch[^1])).ToArray());
        Assert.Equal(loads, dataset.ShardLoads); // open shards are not opened again

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => dataset.Prefetch([0, samples.Count]));
        Assert.Contains($"[0, {samples.Count})", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shard_that_cannot_be_read_is_left_for_the_read_of_its_sample_to_report()
    {
        var seeds = new LiveSeeds();
        (ShardSchema schema, List<object[]> samples) = ShardTestData.Generate(seeds.Int(0, int.MaxValue), seeds.Int(40, 120));
        using var dir = new TempDirectory("oneseed-shards-");
        ShardIndex index = ShardTestData.Write(dir.Path, schema, samples, new ShardWriterOptions { MaxSamplesPerShard = seeds.Int(3, 12) });
        ShardInfo bad = seeds.Pick(index.Shards);
        File.Delete(dir.File(bad.Name));
        ShardedDataset dataset = ShardedDataset.Open(dir.Path, new ShardedDatasetOptions { VerificationRecordDirectory = null });
        int sample = bad.FirstIndex + seeds.Int(0, bad.SampleCount);
        int other = Enumerable.Range(0, samples.Count).First(i => index.ShardOf(i) != bad.Position);

        dataset.Prefetch([other, sample]);
        var e = Assert.Throws<ShardedDatasetException>(() => dataset[sample]);
        Assert.Contains($"sample {sample}", e.Message, StringComparison.Ordinal);
        Assert.Contains("is missing", e.Message, StringComparison.Ordinal);
        Assert.Equal(ShardTestData.Line(ShardTestData.Describe(schema, samples[other])), ShardTestData.Line(ShardTestData.Describe(dataset[other])));
    }
}

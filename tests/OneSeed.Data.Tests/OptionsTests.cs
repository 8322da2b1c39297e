using OneSeed.Data;

namespace OneSeed.Data.Tests;

public sealed class OptionsTests
{
    private static readonly IDataset<int> Ten = Dataset.FromList(Enumerable.Range(0, 10).ToArray());

    [Theory]
    [InlineData(0, 0, 2, 0, 1, "BatchSize")]
    [InlineData(-3, 0, 2, 0, 1, "BatchSize")]
    [InlineData(1, -1, 2, 0, 1, "Workers")]
    [InlineData(1, 2, 0, 0, 1, "PrefetchFactor")]
    [InlineData(1, 0, 1, 0, 0, "WorldSize")]
    [InlineData(1, 0, 1, 2, 2, "Rank")]
    [InlineData(1, 0, 1, -1, 2, "Rank")]
    public void Out_of_range_options_are_refused_naming_the_option(int batchSize, int workers, int prefetch, int rank, int worldSize, string name)
    {
        var options = new DataLoaderOptions { BatchSize = batchSize, Workers = workers, PrefetchFactor = prefetch, Rank = rank, WorldSize = worldSize };
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader<int>(Ten, options));
        Assert.Equal(name, error.ParamName);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Contradictory_options_are_refused()
    {
        Assert.Contains("mutually exclusive", Assert.Throws<ArgumentException>(() => new DataLoader<int>(Ten, new DataLoaderOptions { Shuffle = true, Sampler = new SequentialSampler() })).Message, StringComparison.Ordinal);
        Assert.Contains("DistributedSampler", Assert.Throws<ArgumentException>(() => new DataLoader<int>(Ten, new DataLoaderOptions { WorldSize = 2, Sampler = new DistributedSampler(new SequentialSampler(), 0, 2) })).Message, StringComparison.Ordinal);
        Assert.Contains("no batch", Assert.Throws<ArgumentException>(() => new DataLoader<int>(Dataset.FromList(Array.Empty<int>()), new DataLoaderOptions { DropLast = true })).Message, StringComparison.Ordinal);
        Assert.Contains("no batch", Assert.Throws<ArgumentException>(() => new DataLoader<int>(Ten, new DataLoaderOptions { DropLast = true, BatchSize = 11 })).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader<int>(Ten, new DataLoaderOptions { Workers = 1 << 12, PrefetchFactor = 1 << 12 }));
        Assert.Throws<ArgumentNullException>(() => new DataLoader<int>(null!));
        Assert.Throws<ArgumentNullException>(() => new DataLoader<int, int>(Ten, null!));
        Assert.Throws<ArgumentNullException>(() => Dataset.FromList<int>(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => Dataset.Create<int>(-1, (i, c) => i));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DistributedSampler(new SequentialSampler(), 3, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchSampler(0, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SampleContext(1, -1, 0));
    }

    [Fact]
    public void Empty_datasets_give_empty_epochs_and_valid_edge_options_work()
    {
        using var empty = new DataLoader<int>(Dataset.FromList(Array.Empty<int>()), new DataLoaderOptions { Workers = 2, Shuffle = true });
        Assert.Empty(empty);
        Assert.Empty(empty);
        Assert.Equal(2, empty.Epoch);
        using var big = new DataLoader<int>(Ten, new DataLoaderOptions { BatchSize = int.MaxValue, Workers = 1, PrefetchFactor = 1 });
        Assert.Equal(Enumerable.Range(0, 10), Assert.Single(big));
    }

    [Fact]
    public void A_sampler_producing_out_of_range_indices_is_refused_at_epoch_start()
    {
        using var loader = new DataLoader<int>(Ten, new DataLoaderOptions { Sampler = new BadSampler() });
        Assert.Contains("index 10", Assert.Throws<InvalidOperationException>(() => loader.Count()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stateless_samplers_refuse_foreign_state_and_batch_sampler_groups_like_torch()
    {
        Assert.Throws<FormatException>(() => new RandomSampler().SetState("{\"a\":1}"));
        new SequentialSampler().SetState(null);
        new RandomSampler().SetState("null");
        var batches = new BatchSampler(3, dropLast: false);
        Assert.Equal([[0, 1, 2], [3, 4, 5], [6]], batches.GetBatches([0, 1, 2, 3, 4, 5, 6]));
        Assert.Equal([[0, 1, 2], [3, 4, 5]], new BatchSampler(3, dropLast: true).GetBatches([0, 1, 2, 3, 4, 5, 6]));
        Assert.Equal(0, batches.GetBatchCount(0));
    }

    private sealed class BadSampler : ISampler
    {
        public int GetLength(int datasetCount) => datasetCount;

        public SamplerEpoch BeginEpoch(SamplerContext context) => new([.. Enumerable.Range(1, context.DatasetCount)]);

        public string? GetState() => null;

        public void SetState(string? state)
        {
        }
    }
}

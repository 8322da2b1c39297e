namespace OneSeed.Data.Shards;

/// <summary>How <see cref="ShardedDataset.Open(string, ShardedDatasetOptions?)"/> reads shards.</summary>
/// <remarks>Reproducibility tier: <b>stable</b> (settings of memory and checking only; they never change a sample).</remarks>
public sealed class ShardedDatasetOptions
{
    /// <summary>
    /// The most shards held in memory at once (default 4); the least recently used one is dropped when another is
    /// needed. Memory is about this many shards' sizes, plus one shard per thread that is loading one at that moment.
    /// </summary>
    public int MaxOpenShards { get; init; } = 4;

    /// <summary>Whether each shard's SHA-256 is checked against the index at its first load by the dataset (default true; about 1 to 2 GB/s per core); reloads check the size.</summary>
    public bool VerifyHashes { get; init; } = true;
}

namespace OneSeed.Data.Shards;

/// <summary>Where <see cref="ShardWriter"/> cuts shards.</summary>
/// <remarks>
/// A shard is closed before the sample that would take its data past <see cref="MaxShardBytes"/> or its sample count
/// past <see cref="MaxSamplesPerShard"/>, so every shard respects both limits, except that a single sample larger than
/// <see cref="MaxShardBytes"/> gets a shard of its own. Reproducibility tier: <b>stable</b> (the same samples and
/// options give the same shard boundaries).
/// </remarks>
public sealed class ShardWriterOptions
{
    /// <summary>The largest value of <see cref="MaxShardBytes"/>: 1 GiB (Arrow's 32-bit offsets address 2 GiB per column and shard).</summary>
    public const long MaxShardBytesLimit = 1L << 30;

    /// <summary>
    /// The most data bytes per shard (default 64 MiB, MosaicML Streaming's default <c>size_limit</c>): the sum of the
    /// samples' values (bytes and UTF-8 strings with a 4-byte offset each, numbers and tensors at their size, booleans
    /// one byte). The file adds a few hundred bytes of Arrow metadata. A reader holds whole shards in memory, so this and
    /// <see cref="ShardedDatasetOptions.MaxOpenShards"/> set its memory use.
    /// </summary>
    public long MaxShardBytes { get; init; } = 64L << 20;

    /// <summary>The most samples per shard (default: no limit but <see cref="MaxShardBytes"/>).</summary>
    public int MaxSamplesPerShard { get; init; } = int.MaxValue;
}

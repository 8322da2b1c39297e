namespace OneSeed.Data.Shards;

/// <summary>How <see cref="ShardedDataset.Open(string, ShardedDatasetOptions?)"/> reads shards.</summary>
/// <remarks>Reproducibility tier: <b>stable</b> (settings of memory and checking only; they never change a sample).</remarks>
public sealed class ShardedDatasetOptions
{
    /// <summary>
    /// The most shards the dataset keeps open at once (default 4); the least recently used one is dropped when another
    /// is needed. A shard from a local file is memory-mapped: an open shard costs address space and the pages of it
    /// that were read (page cache, which the kernel reclaims under pressure), not managed memory. A shard from a source
    /// without local files is held in managed memory: about this many shards' sizes, plus one per thread loading one.
    /// </summary>
    public int MaxOpenShards { get; init; } = 4;

    /// <summary>
    /// Whether each shard's SHA-256 is checked against the index (default true; about 1 to 2 GB/s per core): at the
    /// shard's first load by the dataset, unless <see cref="VerificationRecordDirectory"/> holds a record that this
    /// very file, unchanged since, was checked before. Reloads check the size.
    /// </summary>
    public bool VerifyHashes { get; init; } = true;

    /// <summary>
    /// Where records of checked shard files are kept, so that a later process (a resumed run) skips the hash of a file
    /// that has not changed since it was checked; null keeps no records and hashes every shard in every process. Default:
    /// <c>$XDG_CACHE_HOME/oneseed/verified-shards</c> (<c>~/.cache/oneseed/verified-shards</c>). A record holds the
    /// file's path, device, inode, size, modification and change times, and the hash: any write, truncation or
    /// replacement of the file changes the change time or the inode, and the hash is computed again. What a record
    /// cannot see is damage below the file system (a failing disk): <see cref="ShardedDataset.Verify"/> hashes every
    /// shard regardless of records. Records are made on Linux only; elsewhere every process hashes.
    /// </summary>
    public string? VerificationRecordDirectory { get; init; } = ShardVerificationRecords.DefaultDirectory;
}

namespace OneSeed.Data.Shards;

/// <summary>The shards of a local directory: <c>index.json</c> and the shard files beside it, which <see cref="ShardedDataset"/> memory-maps.</summary>
/// <remarks>Reproducibility tier: <b>stable</b> (reads the files as they are).</remarks>
public sealed class DirectoryShardSource : IShardSource
{
    /// <summary>A source over <paramref name="directory"/> (made absolute; it need not exist yet).</summary>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is null or empty.</exception>
    public DirectoryShardSource(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Location = Path.GetFullPath(directory);
    }

    /// <summary>The directory's absolute path.</summary>
    public string Location { get; }

    /// <inheritdoc />
    public string Describe(ShardInfo shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        return Path.Combine(Location, shard.Name);
    }

    /// <inheritdoc />
    public byte[] ReadIndex() => File.ReadAllBytes(Path.Combine(Location, ShardIndex.FileName));

    /// <inheritdoc />
    public byte[] ReadShard(ShardInfo shard) => File.ReadAllBytes(Describe(shard));

    /// <inheritdoc />
    /// <remarks>The shard's file in the directory, opened for reading (others may read, rename or delete it meanwhile); not verified here.</remarks>
    public ShardFile OpenShardFile(ShardInfo shard)
    {
        string path = Describe(shard);
        return new ShardFile(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete), path, hashVerified: false);
    }
}

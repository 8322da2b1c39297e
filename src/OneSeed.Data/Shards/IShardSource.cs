namespace OneSeed.Data.Shards;

/// <summary>
/// Where a sharded dataset's bytes come from: its <c>index.json</c> and its shard files. <see cref="DirectoryShardSource"/>
/// reads a local directory; a remote source (HTTP with a local cache) implements the same members.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="ShardedDataset"/> checks what a source returns (size, SHA-256, Arrow structure, sample count) against the
/// index, so a source need not verify anything; one that downloads may verify before it caches. Methods may be called
/// from several threads at once, for different shards or the same one.
/// </para>
/// <para>
/// A source whose shards are local files (or are downloaded into local files) also implements
/// <see cref="OpenShardFile(ShardInfo)"/>: the dataset then memory-maps the file instead of calling
/// <see cref="ReadShard(ShardInfo)"/>, so a sample touches only its own pages and nothing is copied.
/// </para>
/// <para>Reproducibility tier: an interface; the bytes decide.</para>
/// </remarks>
public interface IShardSource
{
    /// <summary>Where the dataset lives, for messages: a directory path or a base URL.</summary>
    string Location { get; }

    /// <summary>Where <paramref name="shard"/> lives, for messages: a file path or a URL.</summary>
    string Describe(ShardInfo shard);

    /// <summary>Reads the whole <c>index.json</c>.</summary>
    /// <exception cref="IOException">It cannot be read (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    byte[] ReadIndex();

    /// <summary>Reads the whole shard file.</summary>
    /// <exception cref="IOException">It cannot be read (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    byte[] ReadShard(ShardInfo shard);

    /// <summary>
    /// Opens the local file that holds <paramref name="shard"/>'s bytes, for the dataset to memory-map, or returns null
    /// when the source has no such file (the default; the dataset then calls <see cref="ReadShard(ShardInfo)"/>).
    /// </summary>
    /// <returns>The open file, which the caller disposes; or null.</returns>
    /// <exception cref="IOException">The shard cannot be provided (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    ShardFile? OpenShardFile(ShardInfo shard) => null;
}

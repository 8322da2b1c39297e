namespace OneSeed.Data.Shards;

/// <summary>
/// A sharded dataset cannot be read: its index is missing or invalid, or a shard is missing, truncated, corrupted
/// (SHA-256 mismatch), not an Arrow file, or disagrees with the index. The message names the shard file (path or URL)
/// and, when a sample was being read, the sample.
/// </summary>
/// <remarks>Reproducibility tier: <b>stable</b>.</remarks>
public sealed class ShardedDatasetException : IOException
{
    /// <summary>Creates an exception with a default message.</summary>
    public ShardedDatasetException()
        : base("The sharded dataset cannot be read.")
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    public ShardedDatasetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    public ShardedDatasetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal ShardedDatasetException(string message, string location, string? shard, int? sampleIndex, Exception? innerException = null)
        : base(message, innerException)
    {
        Location = location;
        Shard = shard;
        SampleIndex = sampleIndex;
    }

    /// <summary>The file (path or URL) that could not be read: a shard, or the index.</summary>
    public string? Location { get; }

    /// <summary>The shard's name as the index gives it, or null when the index itself is at fault.</summary>
    public string? Shard { get; }

    /// <summary>The global index of the sample being read, or null when no sample was (opening the dataset, verifying it).</summary>
    public int? SampleIndex { get; }
}

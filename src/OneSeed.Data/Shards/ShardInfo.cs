namespace OneSeed.Data.Shards;

/// <summary>One shard as <c>index.json</c> describes it: its file name, samples, size, SHA-256, and where its samples start.</summary>
/// <remarks>Reproducibility tier: <b>stable</b> (part of the on-disk format).</remarks>
public sealed class ShardInfo
{
    internal ShardInfo(int position, string name, int sampleCount, long byteCount, string sha256, int firstIndex)
    {
        Position = position;
        Name = name;
        SampleCount = sampleCount;
        ByteCount = byteCount;
        Sha256 = sha256;
        FirstIndex = firstIndex;
    }

    /// <summary>The shard's position in the index (0 for the first shard).</summary>
    public int Position { get; }

    /// <summary>The shard's file name, relative to the dataset's directory (or URL).</summary>
    public string Name { get; }

    /// <summary>The number of samples in the shard (at least 1).</summary>
    public int SampleCount { get; }

    /// <summary>The size of the shard file in bytes.</summary>
    public long ByteCount { get; }

    /// <summary>The SHA-256 of the shard file, 64 lower-case hexadecimal digits.</summary>
    public string Sha256 { get; }

    /// <summary>The global index of the shard's first sample: the samples of earlier shards come first.</summary>
    public int FirstIndex { get; }

    /// <summary>The shard as <c>name (samples a … b, n bytes)</c>.</summary>
    public override string ToString() => $"{Name} (samples {FirstIndex} … {FirstIndex + SampleCount - 1}, {ByteCount} bytes)";
}

namespace OneSeed.Data;

/// <summary>One sample of an <see cref="ImageFolderDataset"/>: the file's path, its class index and its bytes (still encoded).</summary>
/// <remarks>Reproducibility tier: <b>stable</b> (the file's bytes as they are).</remarks>
public sealed class ImageFolderSample
{
    /// <summary>A sample of <paramref name="path"/> in class <paramref name="classIndex"/> with the file's <paramref name="bytes"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classIndex"/> is negative.</exception>
    public ImageFolderSample(string path, int classIndex, ReadOnlyMemory<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegative(classIndex);
        Path = path;
        ClassIndex = classIndex;
        Bytes = bytes;
    }

    /// <summary>The file's path, as torchvision's <c>ImageFolder.samples</c> gives it (the root as passed, joined with the class folder and the file's relative path).</summary>
    public string Path { get; }

    /// <summary>The class index: the position of the class folder in <see cref="ImageFolderDataset.Classes"/>.</summary>
    public int ClassIndex { get; }

    /// <summary>The file's contents, still encoded (PNG, JPEG, …): decoding belongs to the image library.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The sample as <c>path (class i, n bytes)</c>.</summary>
    public override string ToString() => $"{Path} (class {ClassIndex}, {Bytes.Length} bytes)";
}

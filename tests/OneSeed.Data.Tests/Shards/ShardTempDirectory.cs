namespace OneSeed.Data.Tests.Shards;

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
internal sealed class ShardTempDirectory : IDisposable
{
    public ShardTempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "oneseed-shards-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }
}

using Microsoft.Win32.SafeHandles;

namespace OneSeed.Data.Shards;

/// <summary>
/// A local file that holds exactly one shard's bytes, opened for reading: what an <see cref="IShardSource"/> hands
/// <see cref="ShardedDataset"/> so that the shard is memory-mapped rather than copied into managed memory
/// (<see cref="IShardSource.OpenShardFile(ShardInfo)"/>). The dataset maps the file through <see cref="Handle"/> and
/// then disposes this object; the mapping stays valid after the handle is closed.
/// </summary>
/// <remarks>
/// <para>
/// Never truncate or rewrite a file in place while a dataset may have it mapped: the mapping shows the new bytes, and
/// reading a page that a truncation removed ends the process with SIGBUS on Linux. Replace files by writing a new one
/// and renaming it over the old (as <see cref="ShardWriter"/> and <see cref="HttpShardSource"/> do): the mapping keeps
/// the old file's inode and reads it unchanged.
/// </para>
/// <para>Reproducibility tier: <b>stable</b> (a handle and two facts about it).</para>
/// </remarks>
public sealed class ShardFile : IDisposable
{
    /// <summary>A shard file opened by <paramref name="handle"/> (which this object then owns), found at <paramref name="path"/>.</summary>
    /// <param name="handle">An open handle with read access; closed by <see cref="Dispose"/>.</param>
    /// <param name="path">The file's absolute path: names it in messages and keys the dataset's verification records.</param>
    /// <param name="hashVerified">
    /// True only when the source itself has checked that the bytes of this very file (the one <paramref name="handle"/>
    /// opens) have the index's SHA-256 and nothing can have written them since — for example because it wrote the file
    /// and hashed what it wrote. The dataset then skips its own hash of the shard; when in doubt, pass false.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="handle"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="handle"/> is closed or invalid, or <paramref name="path"/> is null, empty or relative.</exception>
    public ShardFile(SafeFileHandle handle, string path, bool hashVerified)
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (handle.IsClosed || handle.IsInvalid)
        {
            throw new ArgumentException("The shard file's handle is closed or invalid; pass an open handle with read access.", nameof(handle));
        }

        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!System.IO.Path.IsPathFullyQualified(path))
        {
            throw new ArgumentException($"The shard file's path must be absolute, not '{path}'.", nameof(path));
        }

        Handle = handle;
        Path = path;
        HashVerified = hashVerified;
    }

    /// <summary>The open file.</summary>
    public SafeFileHandle Handle { get; }

    /// <summary>The file's absolute path.</summary>
    public string Path { get; }

    /// <summary>Whether the source has already checked this file's SHA-256 against the index (see the constructor).</summary>
    public bool HashVerified { get; }

    /// <summary>Closes the handle (a mapping made from it stays valid).</summary>
    public void Dispose() => Handle.Dispose();
}

using System.Security.Cryptography;

namespace OneSeed.TorchSharp.Native;

/// <summary>
/// The per-user cache of patched native libraries: one folder per original, named by the SHA-256 of the original's
/// bytes, holding a copy whose <see cref="VersionName"/> need is weak.
/// </summary>
internal static class PatchedLibraryCache
{
    /// <summary>The version need that GCC 12's libstdc++ (Debian 12, Ubuntu 22.04) cannot satisfy.</summary>
    public const string VersionName = "GLIBCXX_3.4.32";

    /// <summary>
    /// The cache root: <c>$ONESEED_CACHE_DIR/native</c>, else <c>$XDG_CACHE_HOME/oneseed/native</c>, else
    /// <c>~/.cache/oneseed/native</c>.
    /// </summary>
    public static string DefaultRoot
    {
        get
        {
            string? explicitRoot = Environment.GetEnvironmentVariable("ONESEED_CACHE_DIR");
            if (!string.IsNullOrEmpty(explicitRoot))
            {
                return Path.Combine(explicitRoot, "native");
            }

            string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            string baseDir = !string.IsNullOrEmpty(xdg)
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(baseDir, "oneseed", "native");
        }
    }

    /// <summary>
    /// Returns the path of the patched copy of <paramref name="originalPath"/> under <paramref name="root"/>,
    /// creating it (or replacing a cached file whose bytes are not exactly the expected ones), or null when the
    /// original has no <see cref="VersionName"/> need to weaken.
    /// </summary>
    public static string? GetOrCreate(string originalPath, string root)
    {
        byte[] original = File.ReadAllBytes(originalPath);
        byte[]? patched = ElfImage.WithWeakVersionNeed(original, VersionName);
        if (patched is null)
        {
            return null;
        }

        string folder = Path.Combine(root, Convert.ToHexString(SHA256.HashData(original)));
        // The file keeps the original's name so that its soname and file name match what TorchSharp asks for.
        string target = Path.Combine(folder, Path.GetFileName(originalPath));
        if (File.Exists(target) && File.ReadAllBytes(target).AsSpan().SequenceEqual(patched))
        {
            return target;
        }

        Directory.CreateDirectory(folder);
        // Written beside the target and renamed over it: a reader (another process) never sees a partial file,
        // and a crash leaves at worst a stray temp file, never a truncated library at the target path.
        string temp = Path.Combine(folder, $".{Path.GetFileName(originalPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(patched);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        return target;
    }
}

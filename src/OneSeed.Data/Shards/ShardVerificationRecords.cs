using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OneSeed.Data.Shards;

/// <summary>
/// Records of shard files whose SHA-256 has been checked, kept in a directory so that a later process (a resumed run)
/// need not read and hash an unchanged file again: one small file per shard path, holding the path, the file's
/// <see cref="FileIdentity"/> when it was hashed and the hash it had. A record is trusted only for the same path, the
/// same identity and the same expected hash.
/// </summary>
/// <remarks>
/// <para>
/// A record is made only when the file's last change (ctime) lies more than <see cref="Margin"/> before the moment the
/// hash began, and the file's identity is the same after hashing as before. Without that rule (git's "racily clean"
/// problem) a write in the same tick of the file system's clock as the change before it would leave the identity as
/// recorded while the bytes differ. Files written moments ago are therefore hashed again until they are older.
/// </para>
/// <para>
/// Records are written atomically (a temporary file, then a rename); concurrent processes writing the same record
/// write the same content. A record that cannot be read or written is ignored: records only save work, and a
/// missing one costs a hash.
/// </para>
/// </remarks>
internal sealed class ShardVerificationRecords
{
    private const string Header = "oneseed.shard-verification 1";
    private static readonly ConcurrentDictionary<string, ShardVerificationRecords> Stores = new(StringComparer.Ordinal);

    // Hashed and matching in this process: read no record file twice.
    private readonly ConcurrentDictionary<(string Path, FileIdentity Identity), string> _known = new();

    private ShardVerificationRecords(string directory) => Directory = directory;

    /// <summary>The directory that holds the records (made on first write).</summary>
    public string Directory { get; }

    /// <summary>How long before the hash began the file's last change must lie for a record to be made (default 2 s, more than any local file system's timestamp granularity).</summary>
    public TimeSpan Margin { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The per-user default directory: <c>$XDG_CACHE_HOME/oneseed/verified-shards</c>, or <c>~/.cache/oneseed/verified-shards</c>.</summary>
    public static string DefaultDirectory
    {
        get
        {
            string? cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrEmpty(cache) || !Path.IsPathRooted(cache))
            {
                cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            }

            return Path.Combine(cache, "oneseed", "verified-shards");
        }
    }

    /// <summary>The store for <paramref name="directory"/> (one per directory in a process).</summary>
    public static ShardVerificationRecords For(string directory) => Stores.GetOrAdd(Path.GetFullPath(directory), d => new ShardVerificationRecords(d));

    /// <summary>Whether the file at <paramref name="path"/>, now <paramref name="identity"/>, was hashed to <paramref name="sha256"/> when it had this identity.</summary>
    public bool IsVerified(string path, FileIdentity identity, string sha256)
    {
        if (_known.TryGetValue((path, identity), out string? known))
        {
            return known == sha256;
        }

        try
        {
            string[] lines = File.ReadAllLines(RecordPath(path), Encoding.UTF8);
            if (lines.Length == 4 && lines[0] == Header && lines[1] == path && FileIdentity.TryParse(lines[2], out FileIdentity recorded)
                && recorded == identity && lines[3] == sha256)
            {
                _known[(path, identity)] = sha256;
                return true;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return false;
    }

    /// <summary>
    /// Records that the file at <paramref name="path"/> hashed to <paramref name="sha256"/> while its identity was
    /// <paramref name="before"/> (taken before hashing began at <paramref name="hashStartedUtc"/>) and
    /// <paramref name="after"/> (taken after); nothing is recorded unless the two agree and the file's last change was
    /// older than <see cref="Margin"/> when the hash began.
    /// </summary>
    public void Remember(string path, FileIdentity before, FileIdentity? after, string sha256, DateTime hashStartedUtc)
    {
        long startedNs = (hashStartedUtc - DateTime.UnixEpoch).Ticks * 100;
        if (after != before || before.ChangedNs >= startedNs - (Margin.Ticks * 100))
        {
            return;
        }

        _known[(path, before)] = sha256;
        string record = RecordPath(path);
        string temporary = $"{record}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(temporary, string.Create(CultureInfo.InvariantCulture, $"{Header}\n{path}\n{before}\n{sha256}\n"), new UTF8Encoding(false));
            File.Move(temporary, record, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>Deletes the record of <paramref name="path"/> (its file was found to differ from what the record vouched for).</summary>
    public void Forget(string path)
    {
        foreach (var key in _known.Keys.Where(k => k.Path == path))
        {
            _known.TryRemove(key, out _);
        }

        try
        {
            File.Delete(RecordPath(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    // One record file per shard path; the name is the SHA-256 of the path, so any path fits a file name.
    private string RecordPath(string path) => Path.Combine(Directory, ShardHash.Hex(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..32] + ".txt");
}

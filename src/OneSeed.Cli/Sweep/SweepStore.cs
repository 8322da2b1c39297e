using System.Text;

namespace OneSeed.Cli.Sweep;

/// <summary>
/// The output directory of a sweep. <c>runs.jsonl</c> is the journal: one line per finished seed, appended with a
/// single write and flushed to disk before the next seed is reported, so an interrupted sweep loses at most the
/// runs in flight. A torn last line (the process killed mid-write) is cut off when the journal is opened again.
/// <c>sweep.json</c> records the command and metric, so a resume with another command is refused.
/// </summary>
internal sealed class SweepStore
{
    private readonly Lock _appendLock = new();

    public SweepStore(string directory)
    {
        Directory = Path.GetFullPath(directory);
    }

    public string Directory { get; }

    public string JournalPath => Path.Combine(Directory, "runs.jsonl");

    public string ConfigPath => Path.Combine(Directory, "sweep.json");

    public void CheckOrWriteConfig(string configJson, string describe)
    {
        System.IO.Directory.CreateDirectory(Directory);
        if (File.Exists(ConfigPath))
        {
            string existing = File.ReadAllText(ConfigPath);
            if (existing.Trim() != configJson.Trim())
            {
                throw CliException.Usage($"'{Directory}' holds a sweep of another command or metric; use another --out, or delete it to start over (this sweep: {describe})");
            }

            return;
        }

        WriteAtomically(ConfigPath, configJson);
    }

    /// <summary>The finished seeds (a later line for a seed replaces an earlier one).</summary>
    public Dictionary<long, SweepRecord> Load()
    {
        var records = new Dictionary<long, SweepRecord>();
        if (!File.Exists(JournalPath))
        {
            return records;
        }

        byte[] bytes = File.ReadAllBytes(JournalPath);
        int end = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        if (end < bytes.Length)
        {
            // A torn last line from an interrupted append: drop it so the next append starts on a fresh line.
            using var stream = new FileStream(JournalPath, FileMode.Open, FileAccess.Write);
            stream.SetLength(end);
        }

        foreach (string line in Encoding.UTF8.GetString(bytes, 0, end).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (SweepRecord.TryParse(line) is { } record)
            {
                records[record.Seed] = record;
            }
        }

        return records;
    }

    public void Append(SweepRecord record)
    {
        byte[] line = Encoding.UTF8.GetBytes(record.ToJsonLine() + "\n");
        lock (_appendLock)
        {
            using var stream = new FileStream(JournalPath, FileMode.Append, FileAccess.Write, FileShare.Read);
            stream.Write(line);
            stream.Flush(flushToDisk: true);
        }
    }

    public static void WriteAtomically(string path, string content)
    {
        string temp = path + ".tmp";
        File.WriteAllText(temp, content, new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }
}

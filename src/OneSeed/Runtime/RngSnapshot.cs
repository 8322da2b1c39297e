using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OneSeed;

/// <summary>
/// The complete random state of the process: the root seed and the state of every registered source (the Python and
/// NumPy shared façades, <see cref="Seed.Global"/>, the named streams in use, and integrations such as TorchSharp).
/// <see cref="Restore()"/> puts it back so the next draws are identical; <see cref="Save"/> and <see cref="Load"/>
/// carry it to another process.
/// </summary>
/// <remarks>
/// <para>
/// File format (version 1), UTF-8 JSON:
/// <c>{"format": "oneseed.rng_snapshot", "version": 1, "sha256": "&lt;hex&gt;", "payload": {"root_seed": s,
/// "sources": [{"name": ..., "state": &lt;the source's own JSON&gt;}, ...]}}</c>. The checksum is SHA-256 over the
/// canonical payload: the payload re-serialized compactly (no white space, properties in file order, numbers as
/// written), so any change to a value, truncation or corruption is detected; re-indenting the file is tolerated.
/// </para>
/// <para>
/// Refused, with a <see cref="FormatException"/> and nothing changed: other formats or versions, checksum mismatches,
/// malformed states. <see cref="Restore()"/> validates every entry (all names registered, every state accepted by its
/// source) before restoring anything, and if a source still fails midway, the sources already restored are rolled back.
/// Registered sources that the snapshot does not list are left as they are.
/// </para>
/// <para>Reproducibility tier: <b>stable within a major version</b> (the file format is versioned).</para>
/// </remarks>
public sealed class RngSnapshot
{
    /// <summary>The value of the file's <c>format</c> entry.</summary>
    public const string FormatName = "oneseed.rng_snapshot";

    /// <summary>The only file-format version this build reads and writes.</summary>
    public const int FormatVersion = 1;

    private readonly (string Name, string State)[] _entries;

    private RngSnapshot(uint rootSeed, (string Name, string State)[] entries)
    {
        RootSeed = rootSeed;
        _entries = entries;
    }

    /// <summary>The root seed (<see cref="Seed.Initial"/>) at capture time; <see cref="Restore()"/> sets it back.</summary>
    public uint RootSeed { get; }

    /// <summary>The names of the captured sources, in capture order.</summary>
    public IReadOnlyList<string> SourceNames => [.. _entries.Select(e => e.Name)];

    /// <summary>Captures the root seed and the state of every registered source.</summary>
    /// <exception cref="InvalidOperationException">A source returned a state that is not JSON.</exception>
    public static RngSnapshot Capture()
    {
        lock (Seed.SyncRoot)
        {
            var entries = new (string, string)[Seed.RegisteredSources.Count];
            for (int i = 0; i < entries.Length; i++)
            {
                IRandomStateSource source = Seed.RegisteredSources[i];
                string state = source.CaptureState();
                try
                {
                    using JsonDocument document = JsonDocument.Parse(state);
                    entries[i] = (source.Name, Canonical(document.RootElement));
                }
                catch (JsonException e)
                {
                    throw new InvalidOperationException($"Source '{source.Name}' returned a state that is not JSON: {e.Message}", e);
                }
            }

            return new RngSnapshot(Seed.RootUnlocked, entries);
        }
    }

    /// <summary>The captured state of source <paramref name="name"/> (its own JSON), or null if it was not captured.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public string? GetState(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach ((string n, string s) in _entries)
        {
            if (n == name)
            {
                return s;
            }
        }

        return null;
    }

    /// <summary>
    /// Puts every captured state back (and the root seed), so the next draws from every source are those that followed
    /// the capture. Everything is validated first; on any problem nothing is changed.
    /// </summary>
    /// <exception cref="InvalidOperationException">The snapshot lists a source that is not registered in this process.</exception>
    /// <exception cref="FormatException">A source refuses its state.</exception>
    public void Restore() => Restore(skipUnregistered: false);

    /// <summary>
    /// <see cref="Restore()"/>; with <paramref name="skipUnregistered"/> (isolation scopes), sources unregistered since
    /// the capture are skipped instead of refused, so the scope still restores everything that remains.
    /// </summary>
    internal void Restore(bool skipUnregistered)
    {
        lock (Seed.SyncRoot)
        {
            var sources = new List<IRandomStateSource>(_entries.Length);
            var entries = new List<(string Name, string State)>(_entries.Length);
            foreach ((string name, string state) in _entries)
            {
                IRandomStateSource? source = Seed.RegisteredSources.FirstOrDefault(s => s.Name == name);
                if (source is null)
                {
                    if (skipUnregistered)
                    {
                        continue;
                    }

                    throw new InvalidOperationException(
                        $"The snapshot has state for source '{name}', which is not registered in this process (registered: " +
                        $"{string.Join(", ", Seed.RegisteredSources.Select(s => s.Name))}). Register it (Seed.Register) before restoring; nothing was changed.");
                }

                sources.Add(source);
                entries.Add((name, state));
            }

            for (int i = 0; i < sources.Count; i++)
            {
                try
                {
                    sources[i].ValidateState(entries[i].State);
                }
                catch (Exception e) when (e is FormatException or ArgumentException or JsonException)
                {
                    throw new FormatException($"Source '{entries[i].Name}' refuses the snapshot's state: {e.Message} Nothing was changed.", e);
                }
            }

            string[] before = [.. sources.Select(s => s.CaptureState())];
            uint rootBefore = Seed.RootUnlocked;
            int restored = 0;
            try
            {
                Seed.SetRoot(RootSeed);
                for (; restored < sources.Count; restored++)
                {
                    sources[restored].RestoreState(entries[restored].State);
                }
            }
            catch (Exception e)
            {
                for (int i = restored - 1; i >= 0; i--)
                {
                    sources[i].RestoreState(before[i]);
                }

                Seed.SetRoot(rootBefore);
                throw new FormatException($"Source '{entries[restored].Name}' refused the snapshot's state: {e.Message} Every source was rolled back.", e);
            }
        }
    }

    /// <summary>The snapshot as versioned, checksummed JSON (the file format described in the remarks).</summary>
    public string ToJson()
    {
        byte[] payload = PayloadBytes();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", FormatName);
            writer.WriteNumber("version", FormatVersion);
            writer.WriteString("sha256", HexLower(SHA256.HashData(payload)));
            writer.WritePropertyName("payload");
            writer.WriteRawValue(payload, skipInputValidation: true);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a snapshot written by <see cref="ToJson"/>, checking format, version and checksum.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">
    /// The text is not a snapshot, is from another format version, fails its checksum (corrupted or edited), or is malformed.
    /// </exception>
    public static RngSnapshot FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The RNG snapshot is not valid JSON (truncated or corrupted?): {e.Message}", e);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty("format", out JsonElement format) || format.ValueKind != JsonValueKind.String ||
                format.GetString() != FormatName)
            {
                throw new FormatException($"This is not a OneSeed RNG snapshot (no \"format\": \"{FormatName}\" entry).");
            }

            if (!root.TryGetProperty("version", out JsonElement version) || version.ValueKind != JsonValueKind.Number)
            {
                throw new FormatException("The RNG snapshot has no numeric 'version'.");
            }

            if (!version.TryGetInt32(out int v) || v != FormatVersion)
            {
                throw new FormatException($"The RNG snapshot has format version {version.GetRawText()}; this build reads version {FormatVersion} only.");
            }

            if (!root.TryGetProperty("sha256", out JsonElement checksum) || checksum.ValueKind != JsonValueKind.String ||
                !root.TryGetProperty("payload", out JsonElement payload) || payload.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("The RNG snapshot lacks its 'sha256' or 'payload' entry.");
            }

            string actual = HexLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(payload))));
            if (!string.Equals(actual, checksum.GetString(), StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException($"The RNG snapshot's checksum does not match its contents (expected sha256 {checksum.GetString()}, found {actual}): the file is corrupted or was edited.");
            }

            return ParsePayload(payload);
        }
    }

    /// <summary>
    /// Writes the snapshot to <paramref name="path"/> atomically: to a temporary file in the same folder, flushed to
    /// disk, then moved over <paramref name="path"/>, so a crash never leaves a partial file under that name.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? ".";
        string temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        byte[] bytes = Encoding.UTF8.GetBytes(ToJson());
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Reads a snapshot file written by <see cref="Save"/> (see <see cref="FromJson"/> for what is refused).</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="FormatException">The file is not a valid snapshot of this version, or fails its checksum.</exception>
    public static RngSnapshot Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (DecoderFallbackException e)
        {
            throw new FormatException($"The RNG snapshot file '{path}' is not UTF-8 text (corrupted?).", e);
        }

        try
        {
            return FromJson(text);
        }
        catch (FormatException e)
        {
            throw new FormatException($"Cannot load RNG snapshot '{path}': {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"RngSnapshot(root seed {RootSeed}, {_entries.Length} sources)");

    private static RngSnapshot ParsePayload(JsonElement payload)
    {
        if (!payload.TryGetProperty("root_seed", out JsonElement rootSeed) || !rootSeed.TryGetUInt32(out uint seed))
        {
            throw new FormatException($"The RNG snapshot needs a 'root_seed' in the range 0 to {Seed.MaxSeed}.");
        }

        if (!payload.TryGetProperty("sources", out JsonElement sources) || sources.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("The RNG snapshot needs a 'sources' array.");
        }

        var entries = new List<(string, string)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonElement source in sources.EnumerateArray())
        {
            if (source.ValueKind != JsonValueKind.Object ||
                !source.TryGetProperty("name", out JsonElement name) || name.ValueKind != JsonValueKind.String ||
                !source.TryGetProperty("state", out JsonElement state))
            {
                throw new FormatException("Each entry of the RNG snapshot's 'sources' needs a string 'name' and a 'state'.");
            }

            string n = name.GetString()!;
            if (!names.Add(n))
            {
                throw new FormatException($"The RNG snapshot lists source '{n}' twice.");
            }

            entries.Add((n, Canonical(state)));
        }

        return new RngSnapshot(seed, [.. entries]);
    }

    // Convert.ToHexStringLower is .NET 9+; the library also targets .NET 8.
    private static string HexLower(byte[] digest) => Convert.ToHexString(digest).ToLowerInvariant();

    private static string Canonical(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // The payload is built in canonical form so that the checksum written equals the one FromJson recomputes.
    private byte[] PayloadBytes()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("root_seed", RootSeed);
            writer.WriteStartArray("sources");
            foreach ((string name, string state) in _entries)
            {
                writer.WriteStartObject();
                writer.WriteString("name", name);
                writer.WritePropertyName("state");
                writer.WriteRawValue(state, skipInputValidation: true);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        using JsonDocument document = JsonDocument.Parse(buffer.ToArray());
        return Encoding.UTF8.GetBytes(Canonical(document.RootElement));
    }
}

using System.Collections.ObjectModel;
using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using System.Text;
using System.Text.Json;

namespace OneSeed.Diagnostics;

/// <summary>
/// A record of the environment a result depends on: OS, .NET runtime and SDK, CPU and the SIMD sets the runtime
/// uses, culture, versions of loaded assemblies, the environment variables that change numeric results, the git
/// commit and dirty state, and the seed in force. Save one beside every result
/// (<c>EnvironmentFingerprint.Capture().Save("run.fingerprint.json")</c>) and compare it later with
/// <see cref="FingerprintComparison.Compare"/> or <c>oneseed verify</c>.
/// </summary>
/// <remarks>
/// <para>The record is a list of <see cref="FingerprintEntry"/> grouped in sections (<c>host</c>, <c>os</c>,
/// <c>runtime</c>, <c>cpu</c>, <c>simd</c>, <c>culture</c>, <c>assemblies</c>, <c>environment</c>, <c>git</c>,
/// <c>seed</c>, and the sections of registered <see cref="IFingerprintContributor"/>s). A value that could not be
/// observed is <see langword="null"/> (unknown), never guessed.</para>
/// <para>JSON layout (version 1): <c>{"oneseed_fingerprint_version": 1, "captured_utc": "...", "os": {"platform": "Linux", ...}, ...,
/// "contributed": {"torchsharp": {"cuda": {"value": "12.1", "severity": "breaks-bit-exactness", "reason": "..."}}}}</c>.
/// Core sections hold plain strings (or null); their severities come from OneSeed's classification.</para>
/// <para>Immutable. Reproducibility tier: <b>non-portable</b> by nature (it describes one machine); the JSON layout
/// is <b>stable within a major version</b>.</para>
/// </remarks>
public sealed class EnvironmentFingerprint
{
    /// <summary>The JSON key holding the layout version.</summary>
    public const string VersionKey = "oneseed_fingerprint_version";

    /// <summary>The layout version this build writes and reads.</summary>
    public const int CurrentVersion = 1;

    private const string ContributedKey = "contributed";
    private static readonly object ContributorsLock = new();
    private static readonly List<IFingerprintContributor> Contributors = [];

    private EnvironmentFingerprint(DateTimeOffset capturedUtc, List<FingerprintEntry> entries)
    {
        CapturedUtc = capturedUtc;
        Entries = entries.AsReadOnly();
    }

    /// <summary>When the fingerprint was captured (UTC).</summary>
    public DateTimeOffset CapturedUtc { get; }

    /// <summary>The entries, section by section in capture order.</summary>
    public ReadOnlyCollection<FingerprintEntry> Entries { get; }

    /// <summary>The value of the entry <paramref name="key"/> (<c>section.name</c>), or <see langword="null"/> when absent or unknown.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public string? this[string key]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(key);
            return Entries.FirstOrDefault(e => e.Key == key)?.Value;
        }
    }

    /// <summary>
    /// Registers a contributor whose entries every later <see cref="Capture()"/> in this process includes.
    /// Registering a contributor for a section that already has one replaces it. Thread-safe.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="contributor"/> is null.</exception>
    /// <exception cref="ArgumentException">The contributor's section is empty, malformed or a core section name.</exception>
    public static void RegisterContributor(IFingerprintContributor contributor)
    {
        ArgumentNullException.ThrowIfNull(contributor);
        string section = contributor.Section;
        _ = new FingerprintEntry(section, "check", null, DifferenceSeverity.Informational); // validates the name
        if (FingerprintRules.CoreSections.Contains(section) || section == ContributedKey)
        {
            throw new ArgumentException($"Section '{section}' is reserved for OneSeed's own entries.", nameof(contributor));
        }

        lock (ContributorsLock)
        {
            Contributors.RemoveAll(c => c.Section == section);
            Contributors.Add(contributor);
        }
    }

    /// <summary>Removes a registered contributor; returns whether it was registered.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="contributor"/> is null.</exception>
    public static bool UnregisterContributor(IFingerprintContributor contributor)
    {
        ArgumentNullException.ThrowIfNull(contributor);
        lock (ContributorsLock)
        {
            return Contributors.Remove(contributor);
        }
    }

    /// <summary>Captures this process's environment with default options (seed from <c>ONESEED_SEED</c>, git of the current directory, SDK unknown).</summary>
    public static EnvironmentFingerprint Capture() => Capture(new FingerprintOptions());

    /// <summary>Captures this process's environment.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public static EnvironmentFingerprint Capture(FingerprintOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var entries = new List<FingerprintEntry>();
        void Add(string section, string name, string? value)
        {
            (DifferenceSeverity severity, string reason) = FingerprintRules.Classify(section, name);
            entries.Add(new FingerprintEntry(section, name, value, severity, reason));
        }

        static string Bool(bool b) => b ? "true" : "false";

        Add("host", "name", Environment.MachineName);

        Add("os", "platform", FingerprintProbes.Platform());
        Add("os", "description", RuntimeInformation.OSDescription);
        Add("os", "kernel", FingerprintProbes.KernelVersion());
        Add("os", "architecture", RuntimeInformation.OSArchitecture.ToString());

        Add("runtime", "framework", RuntimeInformation.FrameworkDescription);
        Add("runtime", "version", Environment.Version.ToString());
        Add("runtime", "sdk", options.SdkVersion);
        Add("runtime", "identifier", RuntimeInformation.RuntimeIdentifier);
        Add("runtime", "process_architecture", RuntimeInformation.ProcessArchitecture.ToString());

        Add("cpu", "model", FingerprintProbes.CpuModel());
        Add("cpu", "logical_processors", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture));

        Add("simd", "vector_bits", (Vector<byte>.Count * 8).ToString(CultureInfo.InvariantCulture));
        Add("simd", "vector128", Bool(Vector128.IsHardwareAccelerated));
        Add("simd", "vector256", Bool(Vector256.IsHardwareAccelerated));
        Add("simd", "vector512", Bool(Vector512.IsHardwareAccelerated));
        Add("simd", "sse4_2", Bool(Sse42.IsSupported));
        Add("simd", "avx", Bool(Avx.IsSupported));
        Add("simd", "avx2", Bool(Avx2.IsSupported));
        Add("simd", "fma", Bool(Fma.IsSupported));
        Add("simd", "avx512f", Bool(Avx512F.IsSupported));
        Add("simd", "avx512bw", Bool(Avx512BW.IsSupported));
        Add("simd", "advsimd", Bool(AdvSimd.IsSupported));

        string culture = CultureInfo.CurrentCulture.Name;
        Add("culture", "current", culture.Length == 0 ? "(invariant)" : culture);
        string ui = CultureInfo.CurrentUICulture.Name;
        Add("culture", "ui", ui.Length == 0 ? "(invariant)" : ui);
        Add("culture", "invariant_globalization", Bool(AppContext.TryGetSwitch("System.Globalization.Invariant", out bool invariant) && invariant));
        Add("culture", "time_zone", TimeZoneInfo.Local.Id);

        foreach ((string name, string version) in FingerprintProbes.LoadedAssemblies())
        {
            Add("assemblies", name, version);
        }

        foreach ((string name, string value) in FingerprintProbes.RecordedVariables())
        {
            Add("environment", name, value);
        }

        (string? commit, string? dirty, string status) = options.IncludeGit
            ? FingerprintProbes.Git(options.WorkingDirectory ?? Environment.CurrentDirectory)
            : (null, null, "not requested");
        Add("git", "commit", commit);
        Add("git", "dirty", dirty);
        Add("git", "status", status);

        // The seed in force: an explicit option, else the root Seed.Everything chose in this process, else the inherited one.
        string? chosen = Seed.ChosenRoot?.ToString(CultureInfo.InvariantCulture);
        string? envSeed = Environment.GetEnvironmentVariable(Seed.EnvironmentVariable);
        Add("seed", "value", options.Seed ?? chosen ?? envSeed);
        Add("seed", "source", options.Seed is not null ? "FingerprintOptions.Seed" : chosen is not null ? "Seed.Initial" : envSeed is not null ? Seed.EnvironmentVariable : "none");

        IFingerprintContributor[] contributors;
        lock (ContributorsLock)
        {
            contributors = [.. Contributors];
        }

        foreach (IFingerprintContributor contributor in contributors)
        {
            entries.AddRange(Collect(contributor));
        }

        return new EnvironmentFingerprint(DateTimeOffset.UtcNow, entries);
    }

    // A failing contributor must not cost the user the whole fingerprint.
#pragma warning disable CA1031
    private static List<FingerprintEntry> Collect(IFingerprintContributor contributor)
    {
        try
        {
            var list = (contributor.Collect() ?? []).Where(e => e is not null).ToList();
            foreach (FingerprintEntry e in list)
            {
                if (e.Section != contributor.Section)
                {
                    throw new InvalidOperationException($"entry {e.Key} is outside the contributor's section '{contributor.Section}'");
                }
            }

            return list;
        }
        catch (Exception e)
        {
            return [new FingerprintEntry(contributor.Section, "error", null, DifferenceSeverity.Informational, $"The contributor failed: {e.Message}")];
        }
    }
#pragma warning restore CA1031

    /// <summary>Writes the fingerprint as indented JSON (layout in the remarks of <see cref="EnvironmentFingerprint"/>).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber(VersionKey, CurrentVersion);
            w.WriteString("captured_utc", CapturedUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            foreach (IGrouping<string, FingerprintEntry> section in Entries.Where(IsCore).GroupBy(e => e.Section))
            {
                w.WriteStartObject(section.Key);
                foreach (FingerprintEntry e in section)
                {
                    w.WriteString(e.Name, e.Value);
                }

                w.WriteEndObject();
            }

            var contributed = Entries.Where(e => !IsCore(e)).GroupBy(e => e.Section).ToList();
            if (contributed.Count > 0)
            {
                w.WriteStartObject(ContributedKey);
                foreach (IGrouping<string, FingerprintEntry> section in contributed)
                {
                    w.WriteStartObject(section.Key);
                    foreach (FingerprintEntry e in section)
                    {
                        w.WriteStartObject(e.Name);
                        w.WriteString("value", e.Value);
                        w.WriteString("severity", SeverityName(e.Severity));
                        if (e.Reason is not null)
                        {
                            w.WriteString("reason", e.Reason);
                        }

                        w.WriteEndObject();
                    }

                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Reads a fingerprint written by <see cref="ToJson"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">The text is not JSON, has another layout version, or an entry is malformed (the message names it).</exception>
    public static EnvironmentFingerprint FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The fingerprint is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"A fingerprint must be a JSON object, not {root.ValueKind}.");
            }

            if (!root.TryGetProperty(VersionKey, out JsonElement version))
            {
                throw new FormatException($"Not a OneSeed fingerprint: '{VersionKey}' is missing.");
            }

            if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int v) || v != CurrentVersion)
            {
                throw new FormatException($"Unsupported {VersionKey} {version.GetRawText()}: this build reads version {CurrentVersion}.");
            }

            DateTimeOffset captured = default;
            if (root.TryGetProperty("captured_utc", out JsonElement when) &&
                (when.ValueKind != JsonValueKind.String || !DateTimeOffset.TryParse(when.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out captured)))
            {
                throw new FormatException("'captured_utc' must be an ISO 8601 time.");
            }

            var entries = new List<FingerprintEntry>();
            try
            {
                foreach (JsonProperty section in root.EnumerateObject())
                {
                    if (section.Name is VersionKey or "captured_utc")
                    {
                        continue;
                    }

                    if (section.Name == ContributedKey)
                    {
                        ReadContributed(section.Value, entries);
                        continue;
                    }

                    RequireObject(section.Value, section.Name);
                    _ = new FingerprintEntry(section.Name, "check", null, DifferenceSeverity.Informational); // validates an empty section's name too
                    foreach (JsonProperty p in section.Value.EnumerateObject())
                    {
                        (DifferenceSeverity severity, string reason) = FingerprintRules.Classify(section.Name, p.Name);
                        entries.Add(new FingerprintEntry(section.Name, p.Name, ReadString(p.Value, section.Name + "." + p.Name), severity, reason));
                    }
                }
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"Invalid fingerprint entry: {e.Message}", e);
            }

            return new EnvironmentFingerprint(captured.ToUniversalTime(), entries);
        }
    }

    /// <summary>Writes <see cref="ToJson"/> to <paramref name="path"/> atomically: a reader sees the old file or the complete new one, never a partial one.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        string temp = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                byte[] bytes = Encoding.UTF8.GetBytes(ToJson());
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Reads a fingerprint saved with <see cref="Save"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="FormatException">The file is not a valid fingerprint.</exception>
    public static EnvironmentFingerprint Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return FromJson(File.ReadAllText(path));
    }

    /// <summary>A one-line description (runtime, OS, architecture, CPU, seed); see <see cref="Entries"/> for everything.</summary>
    public override string ToString() =>
        $"{this["runtime.framework"]} on {this["os.platform"]} {this["runtime.process_architecture"]}, {this["cpu.model"] ?? "unknown CPU"}, seed {this["seed.value"] ?? "unknown"}";

    internal static string SeverityName(DifferenceSeverity severity) => severity switch
    {
        DifferenceSeverity.BreaksBitExactness => "breaks-bit-exactness",
        DifferenceSeverity.MayChangeResults => "may-change-results",
        _ => "informational",
    };

    private static DifferenceSeverity ParseSeverity(string? name, string where) => name switch
    {
        "breaks-bit-exactness" => DifferenceSeverity.BreaksBitExactness,
        "may-change-results" => DifferenceSeverity.MayChangeResults,
        "informational" => DifferenceSeverity.Informational,
        _ => throw new FormatException($"'{where}.severity' must be breaks-bit-exactness, may-change-results or informational, not '{name}'."),
    };

    private static bool IsCore(FingerprintEntry e) => FingerprintRules.CoreSections.Contains(e.Section);

    private static void ReadContributed(JsonElement contributed, List<FingerprintEntry> entries)
    {
        RequireObject(contributed, ContributedKey);
        foreach (JsonProperty section in contributed.EnumerateObject())
        {
            RequireObject(section.Value, $"{ContributedKey}.{section.Name}");
            _ = new FingerprintEntry(section.Name, "check", null, DifferenceSeverity.Informational);
            foreach (JsonProperty p in section.Value.EnumerateObject())
            {
                string where = $"{ContributedKey}.{section.Name}.{p.Name}";
                RequireObject(p.Value, where);
                string? value = p.Value.TryGetProperty("value", out JsonElement v) ? ReadString(v, where + ".value") : null;
                string? severity = p.Value.TryGetProperty("severity", out JsonElement s) ? ReadString(s, where + ".severity") : null;
                string? reason = p.Value.TryGetProperty("reason", out JsonElement r) ? ReadString(r, where + ".reason") : null;
                entries.Add(new FingerprintEntry(section.Name, p.Name, value, ParseSeverity(severity, where), reason));
            }
        }
    }

    private static void RequireObject(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"'{where}' must be a JSON object, not {element.ValueKind}.");
        }
    }

    private static string? ReadString(JsonElement element, string where) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Null => null,
        _ => throw new FormatException($"'{where}' must be a string or null, not {element.ValueKind}."),
    };
}

using System.Globalization;
using System.Text.Json;
using OneSeed.Compat;
using OneSeed.Engines;
using OneSeed.Seeding;

namespace OneSeed;

/// <summary>
/// The named streams in use (<see cref="Seed.Stream"/>): one live generator per (name, keys), and the
/// <c>oneseed.streams</c> source that reseeds, captures and restores them all.
/// </summary>
internal sealed class NamedStreams : IRandomStateSource
{
    public const string SourceName = "oneseed.streams";
    private const int StateVersion = 1;

    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _streams = new(StringComparer.Ordinal);

    public string Name => SourceName;

    /// <summary>The engine state a stream starts from: PCG64 seeded by <c>SeedSequence(root).Derive(name, keys)</c>.</summary>
    public static Pcg64 CreateEngine(uint rootSeed, string name, long[] keys) =>
        new(new SeedSequence(rootSeed).Derive(name, keys));

    public NumPyGenerator Get(uint rootSeed, string name, long[] keys)
    {
        string id = Id(name, keys);
        lock (_gate)
        {
            if (!_streams.TryGetValue(id, out Entry? entry))
            {
                Pcg64 engine = CreateEngine(rootSeed, name, keys);
                entry = new Entry(name, (long[])keys.Clone(), engine, new NumPyGenerator(engine));
                _streams.Add(id, entry);
            }

            return entry.Generator;
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _streams.Count;
            }
        }
    }

    // Reseeding in place keeps every reference a caller holds valid: a stream fetched before Seed.Everything continues
    // as the new run's stream, exactly as if it had been fetched afterwards.
    public void Seed(uint rootSeed)
    {
        lock (_gate)
        {
            foreach (Entry entry in _streams.Values)
            {
                entry.Engine.SetState(CreateEngine(rootSeed, entry.Name, entry.Keys).GetState());
            }
        }
    }

    public string CaptureState()
    {
        lock (_gate)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteNumber("version", StateVersion);
                writer.WriteNumber("root_seed", Seed0);
                writer.WriteStartArray("streams");
                foreach (Entry entry in _streams.Values.OrderBy(e => Id(e.Name, e.Keys), StringComparer.Ordinal))
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", entry.Name);
                    writer.WriteStartArray("keys");
                    foreach (long key in entry.Keys)
                    {
                        writer.WriteNumberValue(key);
                    }

                    writer.WriteEndArray();
                    writer.WritePropertyName("state");
                    writer.WriteRawValue(entry.Engine.GetStateJson());
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }
    }

    public void ValidateState(string state) => _ = Parse(state);

    // Streams listed in the state get their recorded state; streams in use that the state does not list did not exist
    // when it was captured, so they go back to their starting point (fresh from the recorded root seed).
    public void RestoreState(string state)
    {
        ParsedState parsed = Parse(state);
        lock (_gate)
        {
            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach ((string name, long[] keys, Pcg64State engineState) in parsed.Streams)
            {
                string id = Id(name, keys);
                listed.Add(id);
                if (_streams.TryGetValue(id, out Entry? entry))
                {
                    entry.Engine.SetState(engineState);
                }
                else
                {
                    var engine = new Pcg64(engineState);
                    _streams.Add(id, new Entry(name, keys, engine, new NumPyGenerator(engine)));
                }
            }

            foreach ((string id, Entry entry) in _streams)
            {
                if (!listed.Contains(id))
                {
                    entry.Engine.SetState(CreateEngine(parsed.RootSeed, entry.Name, entry.Keys).GetState());
                }
            }
        }
    }

    public override string ToString() => SourceName;

    // The root the captured streams were derived from is recorded so that a restore can rewind streams created later.
    private static uint Seed0 => OneSeed.Seed.Initial;

    // Length-prefixed, so no name can imitate another (name, keys) pair.
    private static string Id(string name, long[] keys) =>
        string.Create(CultureInfo.InvariantCulture, $"{name.Length}:{name}[{string.Join(",", keys)}]");

    private static ParsedState Parse(string state)
    {
        ArgumentNullException.ThrowIfNull(state);
        try
        {
            using JsonDocument document = JsonDocument.Parse(state);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("The named-streams state must be a JSON object.");
            }

            if (!root.TryGetProperty("version", out JsonElement version) || !version.TryGetInt32(out int v) || v != StateVersion)
            {
                throw new FormatException($"Unsupported named-streams state version; this build reads version {StateVersion}.");
            }

            if (!root.TryGetProperty("root_seed", out JsonElement rootSeed) || !rootSeed.TryGetUInt32(out uint seed))
            {
                throw new FormatException("The named-streams state needs a 'root_seed' in [0, 4294967295].");
            }

            if (!root.TryGetProperty("streams", out JsonElement streams) || streams.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("The named-streams state needs a 'streams' array.");
            }

            var result = new List<(string, long[], Pcg64State)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonElement stream in streams.EnumerateArray())
            {
                string name = stream.TryGetProperty("name", out JsonElement n) && n.ValueKind == JsonValueKind.String
                    ? n.GetString()!
                    : throw new FormatException("Each named stream needs a string 'name'.");
                if (!stream.TryGetProperty("keys", out JsonElement k) || k.ValueKind != JsonValueKind.Array)
                {
                    throw new FormatException($"Named stream '{name}' needs a 'keys' array.");
                }

                long[] keys = k.EnumerateArray().Select(e => e.TryGetInt64(out long key) && key >= 0
                    ? key
                    : throw new FormatException($"Named stream '{name}' has a key that is not a non-negative 64-bit integer: {e.GetRawText()}.")).ToArray();
                if (!seen.Add(Id(name, keys)))
                {
                    throw new FormatException($"Named stream '{name}' [{string.Join(", ", keys)}] is listed twice.");
                }

                if (!stream.TryGetProperty("state", out JsonElement engineState))
                {
                    throw new FormatException($"Named stream '{name}' has no 'state'.");
                }

                result.Add((name, keys, Pcg64State.FromJson(engineState.GetRawText())));
            }

            return new ParsedState(seed, result);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The named-streams state is not valid JSON: {e.Message}", e);
        }
    }

    private sealed record Entry(string Name, long[] Keys, Pcg64 Engine, NumPyGenerator Generator);

    private sealed record ParsedState(uint RootSeed, List<(string Name, long[] Keys, Pcg64State State)> Streams);
}

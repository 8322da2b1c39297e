using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OneSeed.Data.Shards;

/// <summary>
/// The contents of a sharded dataset's <c>index.json</c>: the format version, the schema, and every shard's name,
/// sample count, size and SHA-256, in global order.
/// </summary>
/// <remarks>
/// <para>Layout (version 1):</para>
/// <code>
/// {"format": "oneseed.shards", "version": 1, "samples": 2500,
///  "columns": [{"name": "image", "kind": "bytes"}, {"name": "label", "kind": "int64"},
///              {"name": "x", "kind": "tensor", "dtype": "float32", "shape": [3, 32, 32]}],
///  "shards": [{"name": "shard-00000-5f0c2a9b.arrow", "samples": 1000, "bytes": 12345678, "sha256": "9f86d0…"}, …]}
/// </code>
/// <para>
/// Samples are numbered globally in shard order: shard <c>k</c> holds <see cref="ShardInfo.FirstIndex"/> …
/// <c>FirstIndex + SampleCount − 1</c>. Unknown members are ignored, so later minor additions stay readable; a
/// different <c>version</c> is refused.
/// </para>
/// <para>Reproducibility tier: <b>stable</b> (the on-disk format; <see cref="CurrentVersion"/> stays readable).</para>
/// </remarks>
public sealed class ShardIndex
{
    /// <summary>The index format version this library writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The name of the index file in a dataset directory.</summary>
    public const string FileName = "index.json";

    /// <summary>The value of the <c>format</c> member.</summary>
    public const string FormatName = "oneseed.shards";

    private readonly ShardInfo[] _shards;
    private readonly int[] _firstIndices;

    internal ShardIndex(ShardSchema schema, IReadOnlyList<(string Name, int Samples, long Bytes, string Sha256)> shards)
    {
        Schema = schema;
        _shards = new ShardInfo[shards.Count];
        _firstIndices = new int[shards.Count];
        long first = 0;
        for (int i = 0; i < shards.Count; i++)
        {
            (string name, int samples, long bytes, string sha) = shards[i];
            if (first + samples > int.MaxValue)
            {
                throw new FormatException($"The shards hold more than {int.MaxValue} samples in all (shard {i}, '{name}').");
            }

            _shards[i] = new ShardInfo(i, name, samples, bytes, sha, (int)first);
            _firstIndices[i] = (int)first;
            first += samples;
        }

        SampleCount = (int)first;
    }

    /// <summary>The columns of every sample.</summary>
    public ShardSchema Schema { get; }

    /// <summary>The shards in global order.</summary>
    public IReadOnlyList<ShardInfo> Shards => _shards;

    /// <summary>The number of samples in all shards.</summary>
    public int SampleCount { get; }

    /// <summary>The position (in <see cref="Shards"/>) of the shard holding global sample <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside [0, <see cref="SampleCount"/>).</exception>
    public int ShardOf(int index)
    {
        if ((uint)index >= (uint)SampleCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The sample index must be in [0, {SampleCount}).");
        }

        int found = Array.BinarySearch(_firstIndices, index);
        return found >= 0 ? found : ~found - 1;
    }

    /// <summary>The index as JSON (the layout above), indented.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", FormatName);
            json.WriteNumber("version", CurrentVersion);
            json.WriteNumber("samples", SampleCount);
            json.WriteStartArray("columns");
            foreach (ShardColumn column in Schema.Columns)
            {
                json.WriteStartObject();
                json.WriteString("name", column.Name);
                json.WriteString("kind", ShardArrow.Name(column.Kind));
                if (column.Kind == ShardColumnKind.Tensor)
                {
                    json.WriteString("dtype", ShardArrow.Name(column.ElementType));
                    json.WriteStartArray("shape");
                    foreach (int dimension in column.Shape)
                    {
                        json.WriteNumberValue(dimension);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("shards");
            foreach (ShardInfo shard in _shards)
            {
                json.WriteStartObject();
                json.WriteString("name", shard.Name);
                json.WriteNumber("samples", shard.SampleCount);
                json.WriteNumber("bytes", shard.ByteCount);
                json.WriteString("sha256", shard.Sha256);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Reads an index written by <see cref="ToJson"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">The text is not an index of version <see cref="CurrentVersion"/>: the message says what is wrong.</exception>
    public static ShardIndex FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The index is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "format") != FormatName)
            {
                throw new FormatException($"The index is not a OneSeed shard index (its \"format\" must be \"{FormatName}\").");
            }

            long version = Number(root, "version");
            if (version != CurrentVersion)
            {
                throw new FormatException($"The index has format version {version}; this version of OneSeed reads version {CurrentVersion} only.");
            }

            var columns = new List<ShardColumn>();
            foreach (JsonElement column in Items(root, "columns"))
            {
                string name = Text(column, "name");
                string kindName = Text(column, "kind");
                if (!ShardArrow.TryParseKind(kindName, out ShardColumnKind kind))
                {
                    throw new FormatException($"Column '{name}' has the unknown kind \"{kindName}\".");
                }

                try
                {
                    if (kind != ShardColumnKind.Tensor)
                    {
                        columns.Add(new ShardColumn(name, kind));
                        continue;
                    }

                    string dtype = Text(column, "dtype");
                    if (!ShardArrow.TryParseElementType(dtype, out ShardElementType elementType))
                    {
                        throw new FormatException($"Column '{name}' has the unknown tensor element type \"{dtype}\".");
                    }

                    int[] shape = [.. Items(column, "shape").Select(d => d.ValueKind == JsonValueKind.Number && d.TryGetInt32(out int v) ? v : throw new FormatException($"Column '{name}': the shape holds a non-integer."))];
                    columns.Add(new ShardColumn(name, elementType, shape));
                }
                catch (ArgumentException e)
                {
                    throw new FormatException($"The index's column '{name}' is invalid: {e.Message}", e);
                }
            }

            ShardSchema schema;
            try
            {
                schema = new ShardSchema(columns);
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"The index's schema is invalid: {e.Message}", e);
            }

            var shards = new List<(string, int, long, string)>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonElement shard in Items(root, "shards"))
            {
                string name = Text(shard, "name");
                if (!IsPlainFileName(name) || !names.Add(name))
                {
                    throw new FormatException($"Shard {shards.Count} has the name \"{name}\": a shard name must be a plain file name (no folders, not '.', '..' or {FileName}) and unique.");
                }

                long samples = Number(shard, "samples");
                long bytes = Number(shard, "bytes");
                string sha = Text(shard, "sha256");
                if (samples is < 1 or > int.MaxValue || bytes < 1 || sha.Length != 64 || !sha.All(char.IsAsciiHexDigitLower))
                {
                    throw new FormatException($"Shard {shards.Count} ('{name}') needs samples ≥ 1, bytes ≥ 1 and a sha256 of 64 lower-case hex digits; it has samples {samples}, bytes {bytes}, sha256 \"{sha}\".");
                }

                shards.Add((name, (int)samples, bytes, sha));
            }

            var index = new ShardIndex(schema, shards);
            long total = Number(root, "samples");
            if (total != index.SampleCount)
            {
                throw new FormatException($"The index says \"samples\": {total}, but its shards hold {index.SampleCount}.");
            }

            return index;
        }
    }

    /// <summary>A shard name that stays inside the dataset directory (an index must not make the reader open other files).</summary>
    internal static bool IsPlainFileName(string name) =>
        name.Length > 0 && name is not "." and not ".." && name != FileName
        && name.IndexOfAny(['/', '\\', '\0']) < 0;

    private static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"The index lacks the string member \"{name}\" in {Describe(element)}.");

    private static long Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long n)
            ? n
            : throw new FormatException($"The index lacks the integer member \"{name}\" in {Describe(element)}.");

    private static JsonElement.ArrayEnumerator Items(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new FormatException($"The index lacks the array member \"{name}\" in {Describe(element)}.");

    private static string Describe(JsonElement element)
    {
        string text = element.GetRawText();
        return text.Length <= 80 ? text : string.Create(CultureInfo.InvariantCulture, $"{text.AsSpan(0, 77)}...");
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OneSeed.Data;

/// <summary>
/// A data loader's position: the loader seed, the epoch, how many of its batches were delivered, and the sampler's state
/// at that epoch's start. A loader given it with <see cref="DataLoader{T, TBatch}.LoadState"/> continues with exactly the
/// batches an uninterrupted run would have produced, whatever its number of workers.
/// </summary>
/// <remarks>
/// <para>
/// JSON layout (version 1): <c>{"kind": "OneSeed.DataLoader", "oneseed_state_version": 1, "seed": n, "epoch": n,
/// "batches_delivered": n, "batch_size": n, "dataset_count": n, "sampler_state": &lt;JSON or null&gt;}</c>.
/// <c>batch_size</c> and <c>dataset_count</c> are recorded so that a state is never applied to a loader that would
/// interpret it differently.
/// </para>
/// <para>
/// Under a <see cref="ShardAwareSampler"/> (elastic mode) <c>batch_size</c> is the global batch size and
/// <c>batches_delivered</c> counts global steps, so the samples consumed over all ranks are their product, and the
/// sampler state names the configuration (partitions, block size, layout): the state is then the same on every rank
/// and every world size, and any rank's state resumes a run on another world size or worker count at the next step.
/// </para>
/// <para>Immutable. Reproducibility tier: <b>stable</b> (the layout is versioned).</para>
/// </remarks>
public sealed class DataLoaderState
{
    /// <summary>The layout version this library writes.</summary>
    public const int CurrentVersion = 1;

    private const string Kind = "OneSeed.DataLoader";

    /// <summary>Creates a state.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or <paramref name="batchSize"/> is below 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="samplerState"/> is not valid JSON.</exception>
    public DataLoaderState(ulong seed, int epoch, int batchesDelivered, int batchSize, int datasetCount, string? samplerState)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        ArgumentOutOfRangeException.ThrowIfNegative(batchesDelivered);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(datasetCount);
        if (samplerState is not null)
        {
            try
            {
                using var document = JsonDocument.Parse(samplerState);
            }
            catch (JsonException e)
            {
                throw new ArgumentException($"The sampler state is not valid JSON: {e.Message}", nameof(samplerState), e);
            }
        }

        Seed = seed;
        Epoch = epoch;
        BatchesDelivered = batchesDelivered;
        BatchSize = batchSize;
        DatasetCount = datasetCount;
        SamplerState = samplerState;
    }

    /// <summary>The layout version.</summary>
    public int Version { get; } = CurrentVersion;

    /// <summary>The loader's seed.</summary>
    public ulong Seed { get; }

    /// <summary>The epoch the next enumeration continues (or starts).</summary>
    public int Epoch { get; }

    /// <summary>Batches of <see cref="Epoch"/> already delivered (under a <see cref="ShardAwareSampler"/>, global steps); the next enumeration starts after them.</summary>
    public int BatchesDelivered { get; }

    /// <summary>The loader's batch size when the state was taken (under a <see cref="ShardAwareSampler"/>, the global batch size).</summary>
    public int BatchSize { get; }

    /// <summary>The dataset's size when the state was taken.</summary>
    public int DatasetCount { get; }

    /// <summary>The sampler's state (JSON) at the start of <see cref="Epoch"/>, or null for keyed, stateless samplers.</summary>
    public string? SamplerState { get; }

    /// <summary>Reads a state written by <see cref="ToJson"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">The JSON is malformed, of another kind or version, or an entry is missing or out of range.</exception>
    public static DataLoaderState FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("A data loader state must be a JSON object.");
            }

            string? kind = Get(root, "kind").ValueKind == JsonValueKind.String ? Get(root, "kind").GetString() : null;
            if (kind != Kind)
            {
                throw new FormatException($"'kind' must be \"{Kind}\", not {SamplerStates.Shorten(Get(root, "kind").GetRawText())}.");
            }

            int version = GetInt(root, "oneseed_state_version", 1);
            if (version != CurrentVersion)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Data loader state version {version} is not supported (this library reads version {CurrentVersion})."));
            }

            JsonElement seedElement = Get(root, "seed");
            if (seedElement.ValueKind != JsonValueKind.Number || !seedElement.TryGetUInt64(out ulong seed))
            {
                throw new FormatException($"'seed' must be an integer in [0, 2^64), not {SamplerStates.Shorten(seedElement.GetRawText())}.");
            }

            JsonElement sampler = Get(root, "sampler_state");
            return new DataLoaderState(
                seed,
                GetInt(root, "epoch", 0),
                GetInt(root, "batches_delivered", 0),
                GetInt(root, "batch_size", 1),
                GetInt(root, "dataset_count", 0),
                sampler.ValueKind == JsonValueKind.Null ? null : sampler.GetRawText());
        }
        catch (JsonException e)
        {
            throw new FormatException($"Malformed data loader state JSON: {e.Message}", e);
        }
    }

    /// <summary>Writes the state as JSON (layout in the remarks).</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", Kind);
            writer.WriteNumber("oneseed_state_version", CurrentVersion);
            writer.WriteNumber("seed", Seed);
            writer.WriteNumber("epoch", Epoch);
            writer.WriteNumber("batches_delivered", BatchesDelivered);
            writer.WriteNumber("batch_size", BatchSize);
            writer.WriteNumber("dataset_count", DatasetCount);
            writer.WritePropertyName("sampler_state");
            if (SamplerState is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteRawValue(SamplerState);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"DataLoaderState(epoch={Epoch}, batchesDelivered={BatchesDelivered})");

    private static JsonElement Get(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) ? value : throw new FormatException($"The data loader state has no '{name}' entry.");

    private static int GetInt(JsonElement root, string name, int minimum)
    {
        JsonElement value = Get(root, name);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int result) || result < minimum)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"'{name}' must be an integer in [{minimum}, 2^31), not {SamplerStates.Shorten(value.GetRawText())}."));
        }

        return result;
    }
}

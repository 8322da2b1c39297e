using System.Globalization;
using System.Text.Json;
using OneSeed.Distributions;
using OneSeed.Engines;

namespace OneSeed.Data;

/// <summary>
/// A shuffle with locality for sharded data, whose every global batch is the same whatever the number of ranks and
/// workers: the order is a function of (seed, epoch, shard layout, global batch size, canonical partition count, block
/// size) only, so a run can stop on one world size and resume on another (elastic determinism).
/// </summary>
/// <remarks>
/// <para>
/// Epoch <c>e</c>'s order: the shards are permuted (NumPy's <c>permutation</c> from a <see cref="Pcg64"/> on
/// <c>SeedSequence(seed).Derive("shard-order", e)</c>) and their samples laid end to end; that sequence is cut into
/// <see cref="CanonicalPartitions"/> contiguous parts of equal size (±1), so a shard may be split between two parts.
/// Within each part, runs of <see cref="BlockShards"/> consecutive (pieces of) shards form a block, and each block's
/// samples are shuffled (<c>Derive("block-order", e, part, block)</c>). Global step <c>k</c> then takes the next
/// <c>GlobalBatchSize / CanonicalPartitions</c> samples of every part, part after part.
/// </para>
/// <para>
/// Ranks: with <see cref="DataLoaderOptions.WorldSize"/> W (any divisor of the global batch size), the loader gives rank
/// r the r-th of W equal contiguous slices of each global step, as per-rank batches of <c>GlobalBatchSize / W</c>. The
/// union over ranks of step k is therefore the same for every W, and when W divides the partition count each rank
/// reads only its own parts' shards. Workers never change a batch (the loader's guarantee), and each sample's
/// <see cref="SampleContext.Rng"/> is keyed on (seed, epoch, index), so augmentations follow the samples.
/// </para>
/// <para>
/// The last global step: with <see cref="DropLast"/> (the default) samples beyond the last full step of the shortest
/// part are left out of the epoch (at most one step's worth); without it, each part is padded cyclically with its own
/// first samples up to the step count of the longest part.
/// </para>
/// <para>
/// <see cref="GetState"/> records the configuration (global batch size, partitions, block size, drop-last, and the
/// layout's sample count and shard count) and <see cref="SetState"/> refuses a state of any other configuration: the
/// data loader's state, taken on any rank, then resumes on any world size at the next global step.
/// </para>
/// <para>Reproducibility tier: <b>stable</b>.</para>
/// </remarks>
public sealed class ShardAwareSampler : ISampler
{
    /// <summary>The stream name under which each epoch's shard permutation is derived.</summary>
    public const string ShardStreamName = "shard-order";

    /// <summary>The stream name under which each block's sample permutation is derived (keys: epoch, part, block).</summary>
    public const string BlockStreamName = "block-order";

    private const string Kind = "OneSeed.ShardAwareSampler";

    private readonly int[] _shardCounts;
    private readonly int[] _shardStarts;
    private readonly int _sampleCount;

    /// <summary>Creates the sampler for data stored as shards of the given sizes, in global index order.</summary>
    /// <param name="shardSampleCounts">
    /// The number of samples in each shard; shard <c>s</c> holds global indices <c>[Σ_{t&lt;s} count_t, Σ_{t≤s} count_t)</c>.
    /// For data without shards, any fixed cut (for example 1,000 consecutive samples per "shard") gives the same guarantees.
    /// </param>
    /// <param name="globalBatchSize">The number of samples in one global step, over all ranks (G).</param>
    /// <param name="canonicalPartitions">
    /// The number of parts the epoch is cut into (P, a divisor of <paramref name="globalBatchSize"/>); null picks the
    /// largest power of two that divides G, at most 64. Choose a multiple of every world size you expect, for locality.
    /// </param>
    /// <param name="blockShards">How many shards are shuffled together (B, at least 1): larger mixes better, smaller keeps fewer shards in use.</param>
    /// <param name="dropLast">Leave out the partial last step (true), or pad each part with its own first samples (false).</param>
    /// <exception cref="ArgumentNullException"><paramref name="shardSampleCounts"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, the total exceeds 2^31 − 1, G &lt; 1, B &lt; 1, or P &lt; 1 or not a divisor of G.</exception>
    public ShardAwareSampler(IReadOnlyList<int> shardSampleCounts, int globalBatchSize, int? canonicalPartitions = null, int blockShards = 16, bool dropLast = true)
    {
        ArgumentNullException.ThrowIfNull(shardSampleCounts);
        ArgumentOutOfRangeException.ThrowIfLessThan(globalBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockShards, 1);
        int partitions = canonicalPartitions ?? DefaultPartitions(globalBatchSize);
        if (partitions < 1 || globalBatchSize % partitions != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(canonicalPartitions),
                partitions,
                string.Create(CultureInfo.InvariantCulture, $"canonicalPartitions must be a divisor of globalBatchSize {globalBatchSize} (each global step takes the same number of samples from every part); {partitions} is not."));
        }

        _shardCounts = new int[shardSampleCounts.Count];
        _shardStarts = new int[shardSampleCounts.Count];
        long total = 0;
        for (int s = 0; s < _shardCounts.Length; s++)
        {
            int count = shardSampleCounts[s];
            if (count < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(shardSampleCounts), count, string.Create(CultureInfo.InvariantCulture, $"Shard {s} has a negative sample count ({count})."));
            }

            _shardStarts[s] = (int)Math.Min(total, int.MaxValue);
            _shardCounts[s] = count;
            total += count;
            if (total > int.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(shardSampleCounts), total, "The shards hold more than 2^31 − 1 samples in all, more than a dataset can address.");
            }
        }

        _sampleCount = (int)total;
        if (!dropLast && _sampleCount > 0 && _sampleCount < partitions)
        {
            throw new ArgumentOutOfRangeException(
                nameof(shardSampleCounts),
                _sampleCount,
                string.Create(CultureInfo.InvariantCulture, $"Padding (dropLast: false) repeats each part's own samples, so every one of the {partitions} parts needs one: the shards hold only {_sampleCount} samples."));
        }

        GlobalBatchSize = globalBatchSize;
        CanonicalPartitions = partitions;
        BlockShards = blockShards;
        DropLast = dropLast;
    }

    /// <summary>The number of samples in one global step, over all ranks.</summary>
    public int GlobalBatchSize { get; }

    /// <summary>The number of parts each epoch is cut into; each global step takes <c>GlobalBatchSize / CanonicalPartitions</c> samples from each.</summary>
    public int CanonicalPartitions { get; }

    /// <summary>How many consecutive (pieces of) shards are shuffled together.</summary>
    public int BlockShards { get; }

    /// <summary>Whether the partial last global step is left out (true) or padded (false).</summary>
    public bool DropLast { get; }

    /// <summary>The number of shards.</summary>
    public int ShardCount => _shardCounts.Length;

    /// <summary>The number of samples over all shards: the dataset's count must equal it.</summary>
    public int SampleCount => _sampleCount;

    /// <summary>The number of global steps in an epoch.</summary>
    public int StepsPerEpoch
    {
        get
        {
            int perPart = GlobalBatchSize / CanonicalPartitions;
            int shortest = _sampleCount / CanonicalPartitions;
            int longest = shortest + (_sampleCount % CanonicalPartitions == 0 ? 0 : 1);
            return DropLast ? shortest / perPart : (int)(((long)longest + perPart - 1) / perPart);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="datasetCount"/> differs from <see cref="SampleCount"/>.</exception>
    public int GetLength(int datasetCount)
    {
        RequireLayout(datasetCount, nameof(datasetCount));
        return checked(StepsPerEpoch * GlobalBatchSize);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The context's dataset count differs from <see cref="SampleCount"/>.</exception>
    public SamplerEpoch BeginEpoch(SamplerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        RequireLayout(context.DatasetCount, nameof(context));
        int steps = StepsPerEpoch;
        int parts = CanonicalPartitions;
        int perPart = GlobalBatchSize / parts;
        int[] order = new int[checked(steps * GlobalBatchSize)];
        if (order.Length == 0)
        {
            return new SamplerEpoch(order);
        }

        // The shard permutation makes NumPy's permutation(ShardCount) draws (see RandomSampler).
        int[] shards = new int[_shardCounts.Length];
        for (int s = 0; s < shards.Length; s++)
        {
            shards[s] = s;
        }

        FisherYates.Shuffle(new Pcg64(context.SeedSequence.Derive(ShardStreamName, context.Epoch)), shards.AsSpan());

        // Each part's samples in order, block-shuffled, then interleaved step by step into the global order.
        var segments = new List<(int Start, int Length)>();
        int shardCursor = 0;
        int offsetInShard = 0;
        for (int part = 0; part < parts; part++)
        {
            int partLength = PartLength(part);
            segments.Clear();
            for (int remaining = partLength; remaining > 0;)
            {
                int shard = shards[shardCursor];
                int take = Math.Min(remaining, _shardCounts[shard] - offsetInShard);
                if (take > 0)
                {
                    segments.Add((_shardStarts[shard] + offsetInShard, take));
                }

                remaining -= take;
                offsetInShard += take;
                if (offsetInShard == _shardCounts[shard])
                {
                    shardCursor++;
                    offsetInShard = 0;
                }
            }

            int[] sequence = BlockShuffled(segments, partLength, context, part);
            for (int step = 0; step < steps; step++)
            {
                int destination = (step * GlobalBatchSize) + (part * perPart);
                for (int i = 0; i < perPart; i++)
                {
                    // Padding (DropLast = false) repeats the part's own sequence from its start.
                    order[destination + i] = sequence[((step * perPart) + i) % sequence.Length];
                }
            }
        }

        return new SamplerEpoch(order);
    }

    /// <inheritdoc />
    public string? GetState()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", Kind);
            writer.WriteNumber("global_batch_size", GlobalBatchSize);
            writer.WriteNumber("canonical_partitions", CanonicalPartitions);
            writer.WriteNumber("block_shards", BlockShards);
            writer.WriteBoolean("drop_last", DropLast);
            writer.WriteNumber("samples", SampleCount);
            writer.WriteNumber("shards", ShardCount);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <inheritdoc />
    /// <exception cref="FormatException">The state is not this sampler's, or was taken with another configuration (named in the message).</exception>
    public void SetState(string? state)
    {
        string expected = GetState()!;
        if (state is null)
        {
            throw new FormatException($"The state has no sampler state, but this loader's sampler is {this}; was it saved by a loader with another sampler?");
        }

        try
        {
            using var given = JsonDocument.Parse(state);
            using var mine = JsonDocument.Parse(expected);
            if (given.RootElement.ValueKind != JsonValueKind.Object || !given.RootElement.TryGetProperty("kind", out JsonElement kind) || kind.ValueKind != JsonValueKind.String || kind.GetString() != Kind)
            {
                throw new FormatException($"The sampler state is not a {nameof(ShardAwareSampler)}'s ({SamplerStates.Shorten(state)}); was it saved by a loader with another sampler?");
            }

            foreach (JsonProperty property in mine.RootElement.EnumerateObject())
            {
                string theirs = given.RootElement.TryGetProperty(property.Name, out JsonElement value) ? value.GetRawText() : "(missing)";
                if (theirs != property.Value.GetRawText())
                {
                    throw new FormatException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"The state was taken with {property.Name} = {theirs}, this sampler has {property.Value.GetRawText()}: the order would differ, so it cannot continue that run. Resume with the same dataset, global batch size, canonical partitions, block size and drop-last; world size and workers may change."));
                }
            }
        }
        catch (JsonException e)
        {
            throw new FormatException($"Malformed {nameof(ShardAwareSampler)} state: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"ShardAwareSampler({ShardCount} shards, {SampleCount} samples, global batch {GlobalBatchSize}, {CanonicalPartitions} partitions, blocks of {BlockShards} shards{(DropLast ? "" : ", padded")})");

    private static int DefaultPartitions(int globalBatchSize) => Math.Min(64, globalBatchSize & -globalBatchSize);

    private int PartLength(int part) =>
        (int)((((long)(part + 1) * _sampleCount) / CanonicalPartitions) - (((long)part * _sampleCount) / CanonicalPartitions));

    private int[] BlockShuffled(List<(int Start, int Length)> segments, int length, SamplerContext context, int part)
    {
        int[] sequence = new int[length];
        int position = 0;
        for (int first = 0, block = 0; first < segments.Count; first += BlockShards, block++)
        {
            int blockStart = position;
            for (int s = first; s < Math.Min(first + BlockShards, segments.Count); s++)
            {
                (int start, int count) = segments[s];
                for (int i = 0; i < count; i++)
                {
                    sequence[position++] = start + i;
                }
            }

            FisherYates.Shuffle(
                new Pcg64(context.SeedSequence.Derive(BlockStreamName, context.Epoch, part, block)),
                sequence.AsSpan(blockStart, position - blockStart));
        }

        return sequence;
    }

    private void RequireLayout(int datasetCount, string paramName)
    {
        if (datasetCount != _sampleCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The dataset has {datasetCount} samples, but the shard layout this sampler was made for has {_sampleCount} (in {ShardCount} shards)."),
                paramName);
        }
    }
}

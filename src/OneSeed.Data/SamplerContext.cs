using OneSeed.Seeding;

namespace OneSeed.Data;

/// <summary>What a sampler is told at the start of an epoch.</summary>
/// <remarks>Reproducibility tier: <b>stable</b>.</remarks>
public sealed class SamplerContext
{
    /// <summary>Creates a context (loaders make these; public so that samplers can be tested on their own).</summary>
    /// <param name="seed">The loader's seed.</param>
    /// <param name="epoch">The epoch, ≥ 0.</param>
    /// <param name="datasetCount">The dataset's size, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epoch"/> or <paramref name="datasetCount"/> is negative.</exception>
    public SamplerContext(ulong seed, int epoch, int datasetCount)
        : this(new SeedSequence(seed), seed, epoch, datasetCount)
    {
    }

    internal SamplerContext(SeedSequence sequence, ulong seed, int epoch, int datasetCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        ArgumentOutOfRangeException.ThrowIfNegative(datasetCount);
        SeedSequence = sequence;
        Seed = seed;
        Epoch = epoch;
        DatasetCount = datasetCount;
    }

    /// <summary>The loader's seed.</summary>
    public ulong Seed { get; }

    /// <summary>The loader's root seed sequence, <c>new SeedSequence(Seed)</c>: derive named streams from it.</summary>
    public SeedSequence SeedSequence { get; }

    /// <summary>The epoch being started.</summary>
    public int Epoch { get; }

    /// <summary>The dataset's size.</summary>
    public int DatasetCount { get; }

    /// <inheritdoc />
    public override string ToString() => $"SamplerContext(epoch={Epoch}, count={DatasetCount})";
}

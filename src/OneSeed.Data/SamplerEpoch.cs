namespace OneSeed.Data;

/// <summary>One epoch's plan from an <see cref="ISampler"/>: the indices in visiting order, and optionally the workers' base seed.</summary>
/// <remarks>Reproducibility tier: <b>stable</b>.</remarks>
public sealed class SamplerEpoch
{
    /// <summary>Creates a plan.</summary>
    /// <param name="indices">The indices to visit, in order (not copied).</param>
    /// <param name="workerBaseSeed">
    /// The base seed of this epoch's workers (worker seed = base + worker id), when the sampler decides it, as PyTorch's
    /// loader draws it from its generator before the permutation; null lets the loader derive it from its own seed.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="indices"/> is null.</exception>
    public SamplerEpoch(IReadOnlyList<int> indices, long? workerBaseSeed = null)
    {
        ArgumentNullException.ThrowIfNull(indices);
        Indices = indices;
        WorkerBaseSeed = workerBaseSeed;
    }

    /// <summary>The indices to visit, in order.</summary>
    public IReadOnlyList<int> Indices { get; }

    /// <summary>The workers' base seed chosen by the sampler, or null to let the loader derive it.</summary>
    public long? WorkerBaseSeed { get; }

    /// <inheritdoc />
    public override string ToString() => $"SamplerEpoch({Indices.Count} indices)";
}

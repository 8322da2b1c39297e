namespace OneSeed.TorchVision;

/// <summary>Where a <see cref="TorchDatasetAdapter{T}"/>'s samples draw their torch randomness (<see cref="OneSeed.Compat.TorchGenerator.Default"/>) from.</summary>
/// <remarks>Reproducibility tier: <b>stable</b>.</remarks>
public enum AugmentationRandomness
{
    /// <summary>
    /// OneSeed's per-sample streams: while the dataset computes a sample, <see cref="OneSeed.Compat.TorchGenerator.Default"/>
    /// is <see cref="OneSeed.Data.SampleContext.TorchRng"/>, keyed by (loader seed, epoch, sample index) only, so every
    /// batch is the same for any number of workers, in any order, and after a resume.
    /// </summary>
    PerSample,

    /// <summary>
    /// PyTorch's behaviour: <see cref="OneSeed.Compat.TorchGenerator.Default"/> is left as the loader set it, i.e. each
    /// worker's own generator seeded as torch seeds it (<see cref="OneSeed.Data.TorchWorkerSeeding"/>) and drawn in the
    /// order the worker computes its samples, or the calling thread's generator with no workers. With a torch-compatible
    /// loader (<see cref="OneSeed.Data.DataLoaderOptions.Generator"/>) the draws are those of torch 1.13's DataLoader with
    /// the same worker count; they change when the worker count changes, as in torch.
    /// </summary>
    WorkerGenerator,
}

using System.Globalization;
using OneSeed.Compat;

namespace OneSeed.Data;

/// <summary>How a <see cref="DataLoader{T, TBatch}"/> batches, orders, parallelises and seeds (PyTorch's <c>DataLoader</c> arguments).</summary>
/// <remarks>
/// Only <see cref="Seed"/>, the sampler (<see cref="Shuffle"/>/<see cref="Sampler"/>), <see cref="BatchSize"/>,
/// <see cref="DropLast"/> and <see cref="Rank"/>/<see cref="WorldSize"/> decide the batches; <see cref="Workers"/> and
/// <see cref="PrefetchFactor"/> change only speed. Reproducibility tier: <b>stable</b>.
/// </remarks>
public sealed class DataLoaderOptions
{
    /// <summary>Samples per batch (default 1, as PyTorch).</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>Visit the samples in a new random order each epoch (<see cref="RandomSampler"/>); exclusive with <see cref="Sampler"/>.</summary>
    public bool Shuffle { get; init; }

    /// <summary>Drop each epoch's final short batch.</summary>
    public bool DropLast { get; init; }

    /// <summary>Worker threads computing batches in parallel; 0 (the default) computes them on the enumerating thread.</summary>
    public int Workers { get; init; }

    /// <summary>Batches each worker may have in flight ahead of the consumer (default 2, as PyTorch); ignored when <see cref="Workers"/> is 0.</summary>
    public int PrefetchFactor { get; init; } = 2;

    /// <summary>The loader's seed; null draws a fresh one from the operating system (read it back from <see cref="DataLoader{T, TBatch}.Seed"/> and record it).</summary>
    public ulong? Seed { get; init; }

    /// <summary>The order of the indices; null means <see cref="SequentialSampler"/>, or <see cref="RandomSampler"/> with <see cref="Shuffle"/>.</summary>
    public ISampler? Sampler { get; init; }

    /// <summary>
    /// Torch-compatible mode: draw each epoch's workers' base seed and (with <see cref="Shuffle"/>) permutation from this
    /// generator exactly as <c>torch.utils.data.DataLoader(dataset, shuffle=…, generator=g)</c> does in torch 1.13
    /// (<see cref="TorchCompatibleSampler"/>). The loader draws from it (shared, not copied) and its resumable state
    /// carries the generator's state. Exclusive with <see cref="Sampler"/> and with <see cref="WorldSize"/> above 1.
    /// </summary>
    public TorchGenerator? Generator { get; init; }

    /// <summary>Runs on each worker thread at the start of each epoch, before it computes anything (PyTorch's <c>worker_init_fn</c>); not called when <see cref="Workers"/> is 0.</summary>
    public Action<WorkerInfo>? WorkerInit { get; init; }

    /// <summary>This process's rank in distributed training, in [0, <see cref="WorldSize"/>) (default 0).</summary>
    public int Rank { get; init; }

    /// <summary>The number of ranks (default 1). Above 1, the sampler's order is shared out with <see cref="DistributedSampler"/> (padding, as PyTorch's default).</summary>
    public int WorldSize { get; init; } = 1;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"DataLoaderOptions(batchSize={BatchSize}, shuffle={Shuffle}, dropLast={DropLast}, workers={Workers}, rank={Rank}/{WorldSize}{(Generator is null ? "" : ", torch-compatible")})");

    /// <summary>Refuses inconsistent options with a message naming the option, its value and what is allowed.</summary>
    internal void Validate()
    {
        if (BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be at least 1.");
        }

        if (Workers < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Workers), Workers, "Workers must be 0 (load on the calling thread) or more.");
        }

        if (PrefetchFactor < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PrefetchFactor), PrefetchFactor, "PrefetchFactor must be at least 1.");
        }

        if ((long)Workers * PrefetchFactor > 1 << 20)
        {
            throw new ArgumentOutOfRangeException(nameof(PrefetchFactor), PrefetchFactor, string.Create(CultureInfo.InvariantCulture, $"Workers × PrefetchFactor ({Workers} × {PrefetchFactor}) must not exceed 2^20 batches in flight."));
        }

        if (WorldSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(WorldSize), WorldSize, "WorldSize must be at least 1.");
        }

        if (Rank < 0 || Rank >= WorldSize)
        {
            throw new ArgumentOutOfRangeException(nameof(Rank), Rank, string.Create(CultureInfo.InvariantCulture, $"Rank must be in [0, {WorldSize}) for WorldSize {WorldSize}."));
        }

        if (Shuffle && Sampler is not null)
        {
            throw new ArgumentException("Shuffle and Sampler are mutually exclusive: a sampler decides the order itself (use a RandomSampler for a shuffled order).", nameof(Sampler));
        }

        if (Generator is not null && Sampler is not null)
        {
            throw new ArgumentException(
                $"Generator and Sampler are mutually exclusive: Generator selects the torch-compatible sampler (TorchCompatibleSampler, shuffled with Shuffle = true); a custom sampler ({Sampler}) would decide the order itself.",
                nameof(Generator));
        }

        if (Generator is not null && WorldSize > 1)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Generator (torch-compatible mode) reproduces a single-process torch DataLoader and cannot be combined with WorldSize {WorldSize} (rank {Rank}); for distributed training leave Generator unset (OneSeed's keyed order is the same on every rank)."),
                nameof(Generator));
        }

        if (WorldSize > 1 && Sampler is DistributedSampler)
        {
            throw new ArgumentException("Sampler is already a DistributedSampler, and Rank/WorldSize would shard it again; set one or the other.", nameof(Sampler));
        }
    }
}

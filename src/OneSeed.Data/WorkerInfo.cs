using System.Globalization;

namespace OneSeed.Data;

/// <summary>
/// Who a loader worker is: its <see cref="Id"/>, the worker <see cref="Count"/>, its <see cref="Seed"/> and the
/// <see cref="Epoch"/> (PyTorch's <c>get_worker_info()</c>); passed to <see cref="DataLoaderOptions.WorkerInit"/> and
/// available as <see cref="Current"/> on the worker's thread.
/// </summary>
/// <remarks>
/// <para>
/// Workers live for one epoch (PyTorch's default, <c>persistent_workers=False</c>), so the hook runs on every worker at
/// the start of every epoch. The worker seed is <c>base + id</c> as in PyTorch, where the base is drawn anew each epoch
/// (from <c>SeedSequence(loaderSeed).Derive("worker", epoch)</c>, or from the sampler's generator in torch-compatible
/// mode): use it to seed per-worker ambient generators, never to make samples (samples use <see cref="SampleContext.Rng"/>,
/// which does not depend on the worker count).
/// </para>
/// <para>Reproducibility tier: <b>stable</b> (the seed derivation); which batches a worker computes depends on the worker count.</para>
/// </remarks>
public sealed class WorkerInfo
{
    [ThreadStatic]
    private static WorkerInfo? _current;

    /// <summary>Creates a worker description (loaders make these; public for testing hooks).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1, <paramref name="id"/> outside [0, count), or <paramref name="epoch"/> negative.</exception>
    public WorkerInfo(int id, int count, long seed, int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (id < 0 || id >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(id), id, string.Create(CultureInfo.InvariantCulture, $"The worker id must be in [0, {count})."));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        Id = id;
        Count = count;
        Seed = seed;
        Epoch = epoch;
    }

    /// <summary>The worker running on the current thread, or null outside loader workers (including <c>Workers = 0</c>).</summary>
    public static WorkerInfo? Current
    {
        get => _current;
        internal set => _current = value;
    }

    /// <summary>The worker's id, in [0, <see cref="Count"/>).</summary>
    public int Id { get; }

    /// <summary>The number of workers.</summary>
    public int Count { get; }

    /// <summary>The worker's seed for this epoch: the epoch's base seed + <see cref="Id"/> (wrapping), as PyTorch's.</summary>
    public long Seed { get; }

    /// <summary>The epoch the worker serves.</summary>
    public int Epoch { get; }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"WorkerInfo(id={Id}, count={Count}, epoch={Epoch})");
}

using System.Collections;
using System.Globalization;
using System.Security.Cryptography;
using OneSeed.Seeding;

namespace OneSeed.Data;

/// <summary>
/// Loads a dataset in batches, in the sampler's order, optionally on worker threads; each enumeration is the next epoch.
/// The batches (augmentations drawn from <see cref="SampleContext.Rng"/> included) depend only on the seed, the sampler,
/// the batch size, drop-last and rank/world size — never on the number of workers, thread timing, or a resume.
/// </summary>
/// <typeparam name="T">The sample type.</typeparam>
/// <typeparam name="TBatch">The batch type made by the collate function.</typeparam>
/// <remarks>
/// <para>
/// Workers live for one epoch. Batch <c>b</c> is computed, collated and all, by worker <c>b mod Workers</c> (as PyTorch),
/// at most <c>Workers × PrefetchFactor</c> batches ahead of the consumer; results are delivered in batch order. A sample
/// that throws ends the enumeration with a <see cref="DataLoaderException"/> at that batch's turn, after every earlier
/// batch; the workers are stopped and joined before it propagates. Breaking out of <c>foreach</c>, cancelling, or
/// disposing the loader stops the workers after the sample each is computing.
/// </para>
/// <para>
/// Like PyTorch, a new enumeration always starts the next epoch, even when the previous one was abandoned mid-way;
/// <see cref="GetState"/> still reports the position after the last delivered batch, and <see cref="LoadState"/> of that
/// state (on this or a fresh loader) continues the abandoned epoch. One enumeration at a time.
/// </para>
/// <para>
/// Not sealed only so that <see cref="DataLoader{T}"/> can fix <typeparamref name="TBatch"/> without repeating the API.
/// Reproducibility tier: <b>stable</b> (batch contents for given options and seed).
/// </para>
/// </remarks>
#pragma warning disable CA1710 // A loader is an enumerable of batches, not a collection; "Collection" would mislead.
public class DataLoader<T, TBatch> : IEnumerable<TBatch>, IDisposable
#pragma warning restore CA1710
{
    /// <summary>The stream name under which the workers' per-epoch base seed is derived.</summary>
    public const string WorkerStreamName = "worker";

    private readonly object _gate = new();
    private readonly Func<IReadOnlyList<T>, TBatch> _collate;
    private readonly BatchSampler _batches;
    private SeedSequence _root;
    private EpochRun<T, TBatch>? _active;
    private bool _disposed;
    private int _nextEpoch;
    private int _pendingSkip;
    private Position? _position;

    /// <summary>Creates a loader whose batches are <paramref name="collate"/>d from lists of samples.</summary>
    /// <param name="dataset">The samples.</param>
    /// <param name="collate">Makes a batch from its samples (runs on the worker that computed them); the list is the loader's own fresh array.</param>
    /// <param name="options">Batching, order, workers and seed; null for the defaults (batch size 1, sequential, no workers, a fresh seed).</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> or <paramref name="collate"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the message names it).</exception>
    /// <exception cref="ArgumentException">Options contradict each other, or <c>DropLast</c> would leave no batch at all.</exception>
    public DataLoader(IDataset<T> dataset, Func<IReadOnlyList<T>, TBatch> collate, DataLoaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(collate);
        options ??= new DataLoaderOptions();
        options.Validate();
        if (dataset.Count < 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The dataset reports a negative Count ({dataset.Count})."), nameof(dataset));
        }

        Dataset = dataset;
        Options = options;
        _collate = collate;
        Seed = options.Seed ?? FreshSeed();
        _root = new SeedSequence(Seed);
        if (options.Generator is not null && options.Shuffle && dataset.Count == 0)
        {
            throw new ArgumentException("Torch-compatible shuffling (Generator with Shuffle) needs a non-empty dataset, as torch's RandomSampler does.", nameof(dataset));
        }

        ISampler order = options.Sampler
            ?? (options.Generator is { } generator ? new TorchCompatibleSampler(generator, options.Shuffle)
                : options.Shuffle ? new RandomSampler() : new SequentialSampler());
        if (order is ShardAwareSampler elastic)
        {
            // Elastic mode: ranks share each global step, so the step (not the rank's batch) is the unit of the state.
            var slicer = new GlobalBatchSlicer(elastic, options.Rank, options.WorldSize);
            if (options.BatchSize != slicer.RankBatchSize)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"BatchSize is {options.BatchSize}, but with a ShardAwareSampler of global batch size {elastic.GlobalBatchSize} and WorldSize {options.WorldSize} each rank's batch is {slicer.RankBatchSize}: set BatchSize = {slicer.RankBatchSize}."),
                    nameof(options));
            }

            elastic.GetLength(dataset.Count);
            Sampler = slicer;
        }
        else
        {
            Sampler = options.WorldSize > 1 ? new DistributedSampler(order, options.Rank, options.WorldSize) : order;
        }

        _batches = new BatchSampler(options.BatchSize, options.DropLast);
        if (options.DropLast && BatchesPerEpoch == 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"DropLast with {Sampler.GetLength(dataset.Count)} samples per epoch (dataset of {dataset.Count}) and BatchSize {options.BatchSize} leaves no batch at all."),
                nameof(options));
        }
    }

    /// <summary>The dataset.</summary>
    public IDataset<T> Dataset { get; }

    /// <summary>The options the loader was made with.</summary>
    public DataLoaderOptions Options { get; }

    /// <summary>The sampler in use (the options' sampler, or the default one, wrapped in a <see cref="DistributedSampler"/> when <c>WorldSize</c> &gt; 1).</summary>
    public ISampler Sampler { get; }

    /// <summary>The loader's seed (the options' seed, a fresh one if none was given, or the one adopted by <see cref="LoadState"/>).</summary>
    public ulong Seed { get; private set; }

    /// <summary>The epoch the next enumeration loads.</summary>
    public int Epoch
    {
        get
        {
            lock (_gate)
            {
                return _nextEpoch;
            }
        }
    }

    // What a state records as its batch size: the global batch under a ShardAwareSampler (the same on every rank and
    // world size, so a state resumes on another), else this rank's batch.
    private int StateBatchSize => Sampler is GlobalBatchSlicer slicer ? slicer.Inner.GlobalBatchSize : Options.BatchSize;

    /// <summary>The number of batches in a full epoch.</summary>
    public int BatchesPerEpoch => _batches.GetBatchCount(Sampler.GetLength(Dataset.Count));

    /// <summary>Starts the next epoch (lazily, at the first <c>MoveNext</c>).</summary>
    public IEnumerator<TBatch> GetEnumerator() => new EpochRun<T, TBatch>(this, CancellationToken.None);

    /// <summary>Starts the next epoch; <paramref name="cancellationToken"/> stops it (and its workers) with an <see cref="OperationCanceledException"/>.</summary>
    public IEnumerable<TBatch> Enumerate(CancellationToken cancellationToken)
    {
        using var run = new EpochRun<T, TBatch>(this, cancellationToken);
        while (run.MoveNext())
        {
            yield return run.Current;
        }
    }

    /// <summary>The next epoch for <c>await foreach</c> (started when enumerated); waiting for a batch does not block a thread.</summary>
    /// <remarks>
    /// A method rather than <see cref="IAsyncEnumerable{T}"/> on the loader itself: a type that is both enumerable and
    /// async-enumerable makes every LINQ call on it ambiguous (System.Linq.AsyncEnumerable is in the .NET 10 base library).
    /// The token given here and the one given to <c>WithCancellation</c> both stop the epoch.
    /// </remarks>
    public IAsyncEnumerable<TBatch> EnumerateAsync(CancellationToken cancellationToken = default) => new AsyncEpoch(this, cancellationToken);

    /// <summary>The loader's position: after the last delivered batch (or at the next epoch's start).</summary>
    public DataLoaderState GetState()
    {
        lock (_gate)
        {
            Position position = _position ?? new Position(_nextEpoch, _pendingSkip, Sampler.GetState());
            return new DataLoaderState(Seed, position.Epoch, position.Delivered, StateBatchSize, Dataset.Count, position.SamplerState);
        }
    }

    /// <summary>Moves the loader to <paramref name="state"/>: the next enumeration continues that epoch after its delivered batches.</summary>
    /// <remarks>The state's seed is adopted when the options gave none; any worker count works.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    /// <exception cref="ArgumentException">The state was taken with another batch size, dataset size or seed, or says more batches were delivered than an epoch has.</exception>
    /// <exception cref="FormatException">The sampler refuses the state's sampler state.</exception>
    /// <exception cref="InvalidOperationException">An enumeration is in progress.</exception>
    /// <exception cref="ObjectDisposedException">The loader is disposed.</exception>
    public void LoadState(DataLoaderState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_active is not null)
            {
                throw new InvalidOperationException("Cannot load a state while the loader is being enumerated; finish or dispose the enumeration first.");
            }

            if (state.BatchSize != StateBatchSize)
            {
                throw new ArgumentException(
                    Sampler is GlobalBatchSlicer
                        ? string.Create(CultureInfo.InvariantCulture, $"The state was taken with global batch size {state.BatchSize}, this loader's ShardAwareSampler has {StateBatchSize}.")
                        : string.Create(CultureInfo.InvariantCulture, $"The state was taken with BatchSize {state.BatchSize}, this loader has {Options.BatchSize}."),
                    nameof(state));
            }

            if (state.DatasetCount != Dataset.Count)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The state was taken with a dataset of {state.DatasetCount} samples, this loader's has {Dataset.Count}."), nameof(state));
            }

            if (Options.Seed is { } seed && seed != state.Seed)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The state was taken with seed {state.Seed}, this loader's options say {seed}; leave Options.Seed unset to adopt the state's."), nameof(state));
            }

            if (state.BatchesDelivered > BatchesPerEpoch)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The state says {state.BatchesDelivered} batches were delivered, but an epoch has {BatchesPerEpoch}."), nameof(state));
            }

            Sampler.SetState(state.SamplerState);
            if (state.Seed != Seed)
            {
                Seed = state.Seed;
                _root = new SeedSequence(Seed);
            }

            _nextEpoch = state.Epoch;
            _pendingSkip = state.BatchesDelivered;
            _position = new Position(state.Epoch, state.BatchesDelivered, state.SamplerState);
        }
    }

    /// <summary>Stops and joins the workers of an enumeration in progress; a consumer waiting in it gets an <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"DataLoader({Dataset.Count} samples, {Options})");

    /// <summary>Releases the loader's workers.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        EpochRun<T, TBatch>? active;
        lock (_gate)
        {
            _disposed = true;
            active = _active;
        }

        active?.StopFromLoader();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Starts <paramref name="run"/>'s epoch: asks the sampler for the order and records the position.</summary>
    internal EpochPlan Begin(EpochRun<T, TBatch> run)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_active is not null)
            {
                throw new InvalidOperationException("The loader is already being enumerated; finish or dispose that enumeration first (one epoch at a time).");
            }

            int epoch = _nextEpoch;
            int skip = _pendingSkip;
            int count = Dataset.Count;
            string? before = Sampler.GetState();
            SamplerEpoch samplerEpoch = Sampler.BeginEpoch(new SamplerContext(_root, Seed, epoch, count));
            string? after = Sampler.GetState();
            int[] indices = CopyAndCheck(samplerEpoch.Indices, count, out string? problem);
            int batchCount = _batches.GetBatchCount(indices.Length);
            if (problem is null && skip > batchCount)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"The loaded state skips {skip} batches, but epoch {epoch} has only {batchCount}.");
            }

            if (problem is not null)
            {
                Sampler.SetState(before);
                throw new InvalidOperationException(problem);
            }

            _nextEpoch = epoch + 1;
            _pendingSkip = 0;
            _active = run;
            _position = skip == batchCount ? new Position(epoch + 1, 0, after) : new Position(epoch, skip, before);
            long baseSeed = samplerEpoch.WorkerBaseSeed ?? (long)(_root.Derive(WorkerStreamName, epoch).GenerateState64(1)[0] >> 1);
            return new EpochPlan(epoch, indices, batchCount, skip, before, after, baseSeed, _root);
        }
    }

    /// <summary>Records that batch <paramref name="batch"/> of <paramref name="plan"/> was handed to the consumer.</summary>
    internal void Delivered(EpochPlan plan, int batch)
    {
        lock (_gate)
        {
            _position = batch + 1 == plan.BatchCount
                ? new Position(plan.Epoch + 1, 0, plan.SamplerStateAfter)
                : new Position(plan.Epoch, batch + 1, plan.SamplerStateBefore);
        }
    }

    internal void End(EpochRun<T, TBatch> run)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_active, run))
            {
                _active = null;
            }
        }
    }

    internal TBatch ComputeBatch(EpochPlan plan, int batch, SampleContext context, CancellationToken token)
    {
        (int start, int length) = _batches.GetBatchRange(plan.Indices.Length, batch);
        if (Dataset is IPrefetchingDataset prefetching)
        {
            prefetching.Prefetch(plan.Indices.AsSpan(start, length));
        }

        T[] items = new T[length];
        for (int i = 0; i < items.Length; i++)
        {
            token.ThrowIfCancellationRequested();
            int index = plan.Indices[start + i];
            context.MoveTo(index);
            try
            {
                items[i] = Dataset.Get(index, context);
            }
            catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
            {
                throw new DataLoaderException(
                    string.Create(CultureInfo.InvariantCulture, $"Sample {index} (epoch {plan.Epoch}, batch {batch}) threw {e.GetType().Name}: {e.Message}"), e, index, plan.Epoch, batch);
            }
        }

        try
        {
            return _collate(items);
        }
        catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
        {
            throw new DataLoaderException(
                string.Create(CultureInfo.InvariantCulture, $"Collating batch {batch} of epoch {plan.Epoch} threw {e.GetType().Name}: {e.Message}"), e, null, plan.Epoch, batch);
        }
    }

    /// <summary>
    /// Runs on each worker thread before it computes anything: installs the worker's own ambient sources, seeded as
    /// PyTorch's worker loop seeds them (<see cref="TorchWorkerSeeding"/>), then runs the user's hook. The returned scope
    /// must be disposed on the same thread when the worker ends (the thread dies with the epoch anyway).
    /// </summary>
    internal IDisposable InitializeWorker(WorkerInfo worker, long baseSeed)
    {
        IDisposable scope = OneSeed.Seed.UseAmbient(TorchWorkerSeeding.CreateSources(baseSeed, worker.Id));
        try
        {
            Options.WorkerInit?.Invoke(worker);
        }
        catch
        {
            scope.Dispose();
            throw;
        }

        return scope;
    }

    private static int[] CopyAndCheck(IReadOnlyList<int> indices, int count, out string? problem)
    {
        problem = null;
        int[] copy = new int[indices.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            int index = indices[i];
            if ((uint)index >= (uint)count && problem is null)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"The sampler produced index {index} at position {i}, outside the dataset's [0, {count}).");
            }

            copy[i] = index;
        }

        return copy;
    }

    private static ulong FreshSeed()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return BitConverter.ToUInt64(bytes);
    }

    private sealed class AsyncEpoch(DataLoader<T, TBatch> loader, CancellationToken token) : IAsyncEnumerable<TBatch>
    {
        public IAsyncEnumerator<TBatch> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
            new EpochRun<T, TBatch>(loader, token, cancellationToken);
    }

    private sealed record Position(int Epoch, int Delivered, string? SamplerState);
}

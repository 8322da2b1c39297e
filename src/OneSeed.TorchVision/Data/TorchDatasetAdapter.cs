using System.Globalization;
using OneSeed.Data;
using OneSeed.TorchSharp;
using OneSeed.TorchVision.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace OneSeed.TorchVision;

/// <summary>
/// Serves a TorchSharp dataset (<c>torch.utils.data.Dataset</c>, whose <c>GetTensor(index)</c> returns a dictionary of
/// tensors, or any <c>Dataset&lt;T&gt;</c>) through OneSeed's <see cref="DataLoader{T, TBatch}"/>: OneSeed's sampling,
/// workers, resumable state and seeding, with the dataset's random transforms drawing from the stream
/// <see cref="Randomness"/> selects and its intermediate tensors disposed as it goes.
/// </summary>
/// <remarks>
/// <para>
/// Each <see cref="Get"/> runs <c>GetTensor</c> inside a TorchSharp dispose scope: the tensors in the returned sample
/// survive it, every other tensor created during the call (a <c>Compose</c>'s intermediate images, say) is disposed
/// when it returns, so a long epoch does not grow native memory. A dataset that creates tensors it keeps (a cache filled
/// on first access) must detach them from the scope itself (<c>tensor.DetachFromDisposeScope()</c>).
/// </para>
/// <para>
/// With <see cref="AugmentationRandomness.PerSample"/> (the default) each sample is computed with
/// <see cref="Compat.TorchGenerator.Default"/> set to <see cref="SampleContext.TorchRng"/>: OneSeed.TorchVision's
/// transforms (and any code drawing from the default generator) then give the same batches for any worker count. With
/// <see cref="AugmentationRandomness.WorkerGenerator"/> the loader's own per-worker generator is used, as PyTorch does.
/// </para>
/// <para>Thread-safety: <see cref="Get"/> is called from several workers at once, so the dataset's <c>GetTensor</c> must allow that.</para>
/// <para>Reproducibility tier: <b>stable</b> (given a dataset whose samples depend only on their index and the generator).</para>
/// </remarks>
/// <typeparam name="T">The sample type of the TorchSharp dataset.</typeparam>
public sealed class TorchDatasetAdapter<T> : IDataset<T>
{
    /// <summary>Wraps <paramref name="dataset"/> (not owned: disposing it stays the caller's job).</summary>
    /// <param name="dataset">The TorchSharp dataset.</param>
    /// <param name="randomness">Which torch generator the dataset's transforms draw from.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="randomness"/> is not a defined value, or the dataset's Count is negative or above <see cref="int.MaxValue"/>.</exception>
    public TorchDatasetAdapter(utils.data.Dataset<T> dataset, AugmentationRandomness randomness = AugmentationRandomness.PerSample)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (randomness is not (AugmentationRandomness.PerSample or AugmentationRandomness.WorkerGenerator))
        {
            throw new ArgumentOutOfRangeException(nameof(randomness), randomness, $"randomness must be PerSample or WorkerGenerator; got {randomness}.");
        }

        long count = dataset.Count;
        if (count is < 0 or > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(dataset), count, string.Create(CultureInfo.InvariantCulture, $"The dataset's Count must be in [0, {int.MaxValue}] for OneSeed's loader; got {count}."));
        }

        TorchSharpNative.EnsureLoaded();
        Dataset = dataset;
        Randomness = randomness;
        Count = (int)count;
    }

    /// <summary>The wrapped TorchSharp dataset.</summary>
    public utils.data.Dataset<T> Dataset { get; }

    /// <summary>Which torch generator the dataset's transforms draw from.</summary>
    public AugmentationRandomness Randomness { get; }

    /// <inheritdoc />
    public int Count { get; }

    /// <summary>Returns <c>GetTensor(index)</c>, computed with <see cref="Randomness"/>'s generator as the default and its other tensors disposed.</summary>
    /// <param name="index">The sample index, in [0, <see cref="Count"/>).</param>
    /// <param name="context">The sample's context (from the loader).</param>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside [0, <see cref="Count"/>).</exception>
    public T Get(int index, SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        IDisposable? ambient = Randomness == AugmentationRandomness.PerSample
            ? OneSeed.Seed.UseAmbient(new AmbientSources { Torch = context.TorchRng })
            : null;
        try
        {
            using DisposeScope scope = NewDisposeScope();
            T sample = Dataset.GetTensor(index);
            scope.MoveToOuter(TensorTree.Collect(sample));
            return sample;
        }
        finally
        {
            ambient?.Dispose();
        }
    }

    /// <summary>
    /// A loader over this dataset whose batches are <paramref name="collate"/>d and whose samples' tensors are disposed
    /// once collated (those the batch itself holds are kept), as TorchSharp's own DataLoader does.
    /// </summary>
    /// <typeparam name="TBatch">The batch type.</typeparam>
    /// <param name="collate">Makes a batch from samples, e.g. <see cref="TensorCollate.Stack(IReadOnlyList{IReadOnlyDictionary{string, Tensor}})"/> or <see cref="TensorCollate.Default{T}"/>.</param>
    /// <param name="options">The loader's options; null for its defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="collate"/> is null.</exception>
    /// <inheritdoc cref="DataLoader{T, TBatch}(IDataset{T}, Func{IReadOnlyList{T}, TBatch}, DataLoaderOptions?)" path="/exception"/>
    public DataLoader<T, TBatch> CreateLoader<TBatch>(Func<IReadOnlyList<T>, TBatch> collate, DataLoaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(collate);
        return new DataLoader<T, TBatch>(this, samples => CollateAndDispose(samples, collate), options);
    }

    private static TBatch CollateAndDispose<TBatch>(IReadOnlyList<T> samples, Func<IReadOnlyList<T>, TBatch> collate)
    {
        TBatch batch = default!;
        try
        {
            batch = collate(samples);
            return batch;
        }
        finally
        {
            var kept = new HashSet<Tensor>(TensorTree.Collect(batch), ReferenceEqualityComparer.Instance);
            foreach (Tensor t in TensorTree.Collect(samples))
            {
                if (!kept.Contains(t))
                {
                    t.Dispose();
                }
            }
        }
    }
}

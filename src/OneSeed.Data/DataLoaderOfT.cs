namespace OneSeed.Data;

/// <summary>A <see cref="DataLoader{T, TBatch}"/> whose batches are the lists of samples themselves (PyTorch's loader without a collate function).</summary>
/// <typeparam name="T">The sample type.</typeparam>
/// <remarks>Each batch is a fresh array, owned by the caller. Reproducibility tier: <b>stable</b>.</remarks>
#pragma warning disable CA1710 // See DataLoader<T, TBatch>.
public sealed class DataLoader<T> : DataLoader<T, IReadOnlyList<T>>
#pragma warning restore CA1710
{
    /// <summary>Creates a loader of <paramref name="dataset"/>.</summary>
    /// <inheritdoc cref="DataLoader{T, TBatch}(IDataset{T}, Func{IReadOnlyList{T}, TBatch}, DataLoaderOptions?)" path="/exception"/>
    public DataLoader(IDataset<T> dataset, DataLoaderOptions? options = null)
        : base(dataset, static items => items, options)
    {
    }
}

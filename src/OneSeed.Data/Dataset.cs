namespace OneSeed.Data;

/// <summary>Factories for the common <see cref="IDataset{T}"/> shapes.</summary>
/// <remarks>Reproducibility tier: <b>stable</b> (the datasets add no randomness of their own).</remarks>
public static class Dataset
{
    /// <summary>A dataset over an in-memory list: sample <c>i</c> is <c>items[i]</c> (the list is not copied; don't change it while loading).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public static IDataset<T> FromList<T>(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new ListDataset<T>(items);
    }

    /// <summary>A dataset of <paramref name="count"/> samples computed by <paramref name="get"/> (index, context) on demand.</summary>
    /// <remarks><paramref name="get"/> runs on worker threads, possibly concurrently; draw randomness from <see cref="SampleContext.Rng"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="get"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static IDataset<T> Create<T>(int count, Func<int, SampleContext, T> get)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(get);
        return new FuncDataset<T>(count, get);
    }

    private sealed class ListDataset<T>(IReadOnlyList<T> items) : IDataset<T>
    {
        public int Count => items.Count;

        public T Get(int index, SampleContext context) => items[index];
    }

    private sealed class FuncDataset<T>(int count, Func<int, SampleContext, T> get) : IDataset<T>
    {
        public int Count => count;

        public T Get(int index, SampleContext context) => get(index, context);
    }
}

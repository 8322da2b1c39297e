namespace OneSeed.Data;

/// <summary>
/// A dataset that can start the reading of several samples at once: <see cref="DataLoader{T, TBatch}"/> calls
/// <see cref="Prefetch"/> with a batch's indices before it fetches them one by one, so that slow first reads (a cold
/// file's header and footer, a remote object) overlap instead of running one after another.
/// </summary>
/// <remarks>
/// <para>
/// Prefetching is only a hint: it must not change what <see cref="IDataset{T}.Get"/> returns, and it must not throw for
/// a sample that cannot be read (<see cref="IDataset{T}.Get"/> reports that, with the sample named). It may be called
/// from several worker threads at once.
/// </para>
/// <para>Reproducibility tier: an interface; prefetching changes timing only, never values.</para>
/// </remarks>
public interface IPrefetchingDataset
{
    /// <summary>Starts reading the samples at <paramref name="indices"/> (each in [0, Count)), which are about to be fetched.</summary>
    void Prefetch(ReadOnlySpan<int> indices);
}

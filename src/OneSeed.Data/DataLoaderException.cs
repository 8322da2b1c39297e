namespace OneSeed.Data;

/// <summary>
/// A sample (or the collate function, or a worker's init hook) threw while a loader was computing a batch; the
/// original exception is the <see cref="Exception.InnerException"/>.
/// </summary>
/// <remarks>
/// The loader delivers every batch before the failing one, then throws this in batch order, whatever the number of
/// workers; its workers are stopped by then. Reproducibility tier: <b>stable</b>.
/// </remarks>
public sealed class DataLoaderException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public DataLoaderException()
        : base("The data loader failed.")
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    public DataLoaderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    public DataLoaderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal DataLoaderException(string message, Exception innerException, int? sampleIndex, int epoch, int batch)
        : base(message, innerException)
    {
        SampleIndex = sampleIndex;
        Epoch = epoch;
        Batch = batch;
    }

    /// <summary>The index of the sample that threw, or null when the failure was not in a sample (collate, worker init).</summary>
    public int? SampleIndex { get; }

    /// <summary>The epoch being loaded.</summary>
    public int Epoch { get; }

    /// <summary>The position of the failed batch in the epoch.</summary>
    public int Batch { get; }
}

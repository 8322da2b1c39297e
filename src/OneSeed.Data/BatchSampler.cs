using System.Globalization;

namespace OneSeed.Data;

/// <summary>Groups an epoch's indices into consecutive batches of <see cref="BatchSize"/> (PyTorch's <c>BatchSampler</c>); the last batch may be short unless <see cref="DropLast"/>.</summary>
/// <remarks>Reproducibility tier: <b>stable</b>.</remarks>
public sealed class BatchSampler
{
    /// <summary>Creates a batch sampler.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is below 1.</exception>
    public BatchSampler(int batchSize, bool dropLast)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        BatchSize = batchSize;
        DropLast = dropLast;
    }

    /// <summary>The number of indices per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Whether a final short batch is dropped.</summary>
    public bool DropLast { get; }

    /// <summary>The number of batches for <paramref name="indexCount"/> indices.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="indexCount"/> is negative.</exception>
    public int GetBatchCount(int indexCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(indexCount);
        return DropLast ? indexCount / BatchSize : (int)(((long)indexCount + BatchSize - 1) / BatchSize);
    }

    /// <summary>The start and length of batch <paramref name="batch"/> within the epoch's indices.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batch"/> is outside [0, batch count).</exception>
    public (int Start, int Length) GetBatchRange(int indexCount, int batch)
    {
        int count = GetBatchCount(indexCount);
        if (batch < 0 || batch >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(batch), batch, string.Create(CultureInfo.InvariantCulture, $"The batch must be in [0, {count})."));
        }

        int start = batch * BatchSize;
        return (start, Math.Min(BatchSize, indexCount - start));
    }

    /// <summary>All batches of <paramref name="indices"/>, in order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="indices"/> is null.</exception>
    public IEnumerable<int[]> GetBatches(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        return Iterate(indices);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"BatchSampler(batchSize={BatchSize}, dropLast={DropLast})");

    private IEnumerable<int[]> Iterate(IReadOnlyList<int> indices)
    {
        int count = GetBatchCount(indices.Count);
        for (int b = 0; b < count; b++)
        {
            (int start, int length) = GetBatchRange(indices.Count, b);
            int[] batch = new int[length];
            for (int i = 0; i < length; i++)
            {
                batch[i] = indices[start + i];
            }

            yield return batch;
        }
    }
}

namespace OneSeed.Data;

/// <summary>Visits 0, 1, …, count − 1 every epoch (PyTorch's <c>SequentialSampler</c>).</summary>
/// <remarks>Stateless. Reproducibility tier: <b>stable</b>.</remarks>
public sealed class SequentialSampler : ISampler
{
    /// <inheritdoc />
    public int GetLength(int datasetCount) => datasetCount;

    /// <inheritdoc />
    public SamplerEpoch BeginEpoch(SamplerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int[] indices = new int[context.DatasetCount];
        for (int i = 0; i < indices.Length; i++)
        {
            indices[i] = i;
        }

        return new SamplerEpoch(indices);
    }

    /// <inheritdoc />
    public string? GetState() => null;

    /// <inheritdoc />
    public void SetState(string? state) => SamplerStates.RequireNone(state, nameof(SequentialSampler));

    /// <inheritdoc />
    public override string ToString() => "SequentialSampler";
}

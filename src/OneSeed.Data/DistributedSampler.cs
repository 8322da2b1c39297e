using System.Globalization;

namespace OneSeed.Data;

/// <summary>
/// One rank's share of another sampler's order, as PyTorch's <c>DistributedSampler</c>: the order is padded (by repeating
/// its start) to a multiple of <see cref="WorldSize"/>, or truncated with <c>dropLast</c>, and rank <c>r</c> takes
/// positions <c>r, r + WorldSize, r + 2·WorldSize, …</c>.
/// </summary>
/// <remarks>
/// <para>
/// Every rank must use the same inner sampler and loader seed, so that all ranks see the same order and their shares are
/// disjoint (apart from the padding) and together cover the dataset. With OneSeed's <see cref="RandomSampler"/> the order
/// is a function of (seed, epoch) only, so shares don't depend on how processes are spread over machines.
/// </para>
/// <para>Reproducibility tier: <b>stable</b> (given a stable inner sampler).</para>
/// </remarks>
public sealed class DistributedSampler : ISampler
{
    /// <summary>Creates a rank's view of <paramref name="inner"/>.</summary>
    /// <param name="inner">The sampler whose order is shared out.</param>
    /// <param name="rank">This process's rank, in [0, <paramref name="worldSize"/>).</param>
    /// <param name="worldSize">The number of ranks, ≥ 1.</param>
    /// <param name="dropLast">Drop the tail that doesn't divide evenly instead of padding (PyTorch's <c>drop_last</c> of <c>DistributedSampler</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="worldSize"/> is below 1 or <paramref name="rank"/> is outside [0, worldSize).</exception>
    public DistributedSampler(ISampler inner, int rank, int worldSize, bool dropLast = false)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(worldSize, 1);
        if (rank < 0 || rank >= worldSize)
        {
            throw new ArgumentOutOfRangeException(nameof(rank), rank, string.Create(CultureInfo.InvariantCulture, $"The rank must be in [0, {worldSize}) for a world size of {worldSize}."));
        }

        Inner = inner;
        Rank = rank;
        WorldSize = worldSize;
        DropLast = dropLast;
    }

    /// <summary>The sampler whose order is shared out.</summary>
    public ISampler Inner { get; }

    /// <summary>This process's rank.</summary>
    public int Rank { get; }

    /// <summary>The number of ranks.</summary>
    public int WorldSize { get; }

    /// <summary>Whether the uneven tail is dropped (true) or the order padded (false).</summary>
    public bool DropLast { get; }

    /// <inheritdoc />
    public int GetLength(int datasetCount) => ShareLength(Inner.GetLength(datasetCount));

    /// <inheritdoc />
    public SamplerEpoch BeginEpoch(SamplerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        SamplerEpoch all = Inner.BeginEpoch(context);
        IReadOnlyList<int> order = all.Indices;
        int share = ShareLength(order.Count);
        int[] indices = new int[share];
        for (int k = 0; k < share; k++)
        {
            // Position p of the padded order is order[p mod n]: PyTorch pads with indices[:pad], repeated when pad > n.
            long p = Rank + ((long)k * WorldSize);
            indices[k] = order[(int)(p % order.Count)];
        }

        return new SamplerEpoch(indices, all.WorkerBaseSeed);
    }

    /// <inheritdoc />
    public string? GetState() => Inner.GetState();

    /// <inheritdoc />
    public void SetState(string? state) => Inner.SetState(state);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"DistributedSampler(rank={Rank}, world={WorldSize}, dropLast={DropLast}, inner={Inner})");

    private int ShareLength(int total) => DropLast
        ? total / WorldSize
        : (int)(((long)total + WorldSize - 1) / WorldSize);
}

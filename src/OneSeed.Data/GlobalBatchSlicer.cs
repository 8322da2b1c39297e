using System.Globalization;

namespace OneSeed.Data;

/// <summary>
/// One rank's share of a <see cref="ShardAwareSampler"/>'s order: the rank-th of <c>worldSize</c> equal contiguous slices
/// of every global step, so that the union over ranks of global step k does not depend on the world size.
/// </summary>
/// <remarks>
/// Unlike <see cref="DistributedSampler"/>'s interleaving (<c>rank::worldSize</c>, whose batches change with the world
/// size), this keeps the global step the unit, which is what makes a state resumable on another world size. The state
/// is the inner sampler's, so it is the same on every rank and every world size. Reproducibility tier: <b>stable</b>.
/// </remarks>
internal sealed class GlobalBatchSlicer : ISampler
{
    public GlobalBatchSlicer(ShardAwareSampler inner, int rank, int worldSize)
    {
        if (inner.GlobalBatchSize % worldSize != 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The global batch size {inner.GlobalBatchSize} is not divisible by the world size {worldSize}, so the ranks cannot share each global step equally; world sizes that can: {string.Join(", ", Divisors(inner.GlobalBatchSize))}."),
                nameof(worldSize));
        }

        Inner = inner;
        Rank = rank;
        WorldSize = worldSize;
    }

    public ShardAwareSampler Inner { get; }

    public int Rank { get; }

    public int WorldSize { get; }

    /// <summary>The samples of one global step this rank loads: one per-rank batch.</summary>
    public int RankBatchSize => Inner.GlobalBatchSize / WorldSize;

    public int GetLength(int datasetCount) => Inner.GetLength(datasetCount) / WorldSize;

    public SamplerEpoch BeginEpoch(SamplerContext context)
    {
        SamplerEpoch all = Inner.BeginEpoch(context);
        IReadOnlyList<int> order = all.Indices;
        int global = Inner.GlobalBatchSize;
        int share = RankBatchSize;
        int steps = order.Count / global;
        int[] indices = new int[steps * share];
        for (int step = 0; step < steps; step++)
        {
            int source = (step * global) + (Rank * share);
            for (int i = 0; i < share; i++)
            {
                indices[(step * share) + i] = order[source + i];
            }
        }

        return new SamplerEpoch(indices, all.WorkerBaseSeed);
    }

    public string? GetState() => Inner.GetState();

    public void SetState(string? state) => Inner.SetState(state);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"GlobalBatchSlicer(rank={Rank}, world={WorldSize}, inner={Inner})");

    private static IEnumerable<int> Divisors(int n)
    {
        for (int d = 1; d <= n; d++)
        {
            if (n % d == 0)
            {
                yield return d;
            }
        }
    }
}

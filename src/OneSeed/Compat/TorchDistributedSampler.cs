using System.Collections;

namespace OneSeed.Compat;

/// <summary>
/// PyTorch's <c>torch.utils.data.distributed.DistributedSampler(range(n), num_replicas, rank, shuffle, seed,
/// drop_last)</c>: the indices rank <see cref="Rank"/> sees in each epoch, exactly as torch 1.13.
/// </summary>
/// <remarks>
/// <para>
/// Each epoch shuffles with a fresh <see cref="TorchGenerator"/> seeded <c>seed + epoch</c> (<c>torch.randperm</c>),
/// or keeps the order when not shuffling; then pads the list by repeating it from the start up to
/// <c>num_replicas × ceil(n / num_replicas)</c> items, or with <see cref="DropLast"/> truncates it to a multiple of
/// <c>num_replicas</c>; rank r takes items r, r + num_replicas, …. Across ranks the union is every index (with padding
/// repeating a few) or every index but the dropped tail.
/// </para>
/// <para>Reproducibility tier: <b>stable</b>.</para>
/// </remarks>
public sealed class TorchDistributedSampler : IEnumerable<int>
{
    /// <summary>Creates the sampler for one rank.</summary>
    /// <param name="n">The dataset length, at least 0.</param>
    /// <param name="numReplicas">The number of processes (world size), at least 1.</param>
    /// <param name="rank">This process's rank, in [0, <paramref name="numReplicas"/>).</param>
    /// <param name="shuffle">Shuffle each epoch (torch's default) or keep the dataset order.</param>
    /// <param name="seed">The seed shared by all ranks; epoch e uses <c>manual_seed(seed + e)</c>.</param>
    /// <param name="dropLast">Drop the tail that does not divide evenly instead of padding.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range (the message names it).</exception>
    public TorchDistributedSampler(int n, int numReplicas, int rank, bool shuffle = true, long seed = 0, bool dropLast = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfLessThan(numReplicas, 1);
        if (rank < 0 || rank >= numReplicas)
        {
            throw new ArgumentOutOfRangeException(nameof(rank), rank, $"Invalid rank {rank}: rank should be in the interval [0, {numReplicas - 1}].");
        }

        Length = n;
        NumReplicas = numReplicas;
        Rank = rank;
        Shuffle = shuffle;
        SeedValue = seed;
        DropLast = dropLast;
        NumSamples = dropLast && n % numReplicas != 0
            ? (int)CeilDiv(n - numReplicas, numReplicas)
            : (int)CeilDiv(n, numReplicas);
    }

    /// <summary>The dataset length.</summary>
    public int Length { get; }

    /// <summary>The number of replicas (world size).</summary>
    public int NumReplicas { get; }

    /// <summary>This replica's rank.</summary>
    public int Rank { get; }

    /// <summary>Whether each epoch is shuffled.</summary>
    public bool Shuffle { get; }

    /// <summary>The base seed (torch's <c>seed</c>).</summary>
    public long SeedValue { get; }

    /// <summary>Whether the uneven tail is dropped rather than padded.</summary>
    public bool DropLast { get; }

    /// <summary>The epoch set by <see cref="SetEpoch"/> (initially 0).</summary>
    public long Epoch { get; private set; }

    /// <summary>The number of indices per rank and epoch (<c>len(sampler)</c>).</summary>
    public int NumSamples { get; }

    /// <summary>The padded or truncated total over all ranks (<c>total_size</c>).</summary>
    public long TotalSize => (long)NumSamples * NumReplicas;

    /// <summary>Sets the epoch, as <c>sampler.set_epoch(epoch)</c>; the next enumeration shuffles with seed + epoch.</summary>
    /// <exception cref="ArgumentOutOfRangeException">seed + epoch is outside [−2^63, 2^64), which torch's <c>manual_seed</c> refuses.</exception>
    public void SetEpoch(long epoch)
    {
        Int128 sum = (Int128)SeedValue + epoch;
        if (sum < long.MinValue || sum > ulong.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(epoch), epoch, $"seed + epoch must be in [-2^63, 2^64) for torch's manual_seed; seed is {SeedValue}.");
        }

        Epoch = epoch;
    }

    /// <summary>The indices of this rank for the current epoch.</summary>
    public int[] GetIndices()
    {
        int n = Length;
        int[] indices;
        if (Shuffle)
        {
            Int128 sum = (Int128)SeedValue + Epoch;
            var g = new TorchGenerator((ulong)(sum & ulong.MaxValue));
            indices = g.RandPermInt32(n);
        }
        else
        {
            indices = new int[n];
            for (int i = 0; i < n; i++)
            {
                indices[i] = i;
            }
        }

        var result = new int[NumSamples];
        for (int k = 0; k < NumSamples; k++)
        {
            // Padding repeats the list cyclically, which is what torch's indices[:p] / (indices * m)[:p] give.
            long position = Rank + ((long)k * NumReplicas);
            result[k] = indices[(int)(position % n)];
        }

        return result;
    }

    /// <summary>Enumerates <see cref="GetIndices"/> (the current epoch).</summary>
    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)GetIndices()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => $"TorchDistributedSampler(n={Length}, num_replicas={NumReplicas}, rank={Rank}, shuffle={Shuffle}, drop_last={DropLast}, epoch={Epoch})";

    private static long CeilDiv(long a, long b) => a >= 0 ? (a + b - 1) / b : -((-a) / b);
}

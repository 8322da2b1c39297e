using OneSeed.Distributions;
using OneSeed.Engines;

namespace OneSeed.Data;

/// <summary>
/// A new random order every epoch, a pure function of (loader seed, epoch): OneSeed's own shuffle (for PyTorch's exact
/// order, use the loader's torch-compatible mode instead).
/// </summary>
/// <remarks>
/// <para>
/// Epoch <c>e</c>'s order is NumPy's <c>permutation(count)</c> drawn from a <see cref="Pcg64"/> seeded with
/// <c>SeedSequence(seed).Derive("shuffle", e)</c>; in Python, <c>np.random.Generator(np.random.PCG64(SeedSequence(seed,
/// spawn_key=(0x53656E4F, StableHash.Hash64("shuffle"), e)))).permutation(count)</c>. Being keyed, it needs no state:
/// resuming at any epoch, on any rank, gives the same order.
/// </para>
/// <para>Reproducibility tier: <b>stable</b>.</para>
/// </remarks>
public sealed class RandomSampler : ISampler
{
    /// <summary>The stream name under which the per-epoch permutations are derived.</summary>
    public const string StreamName = "shuffle";

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

        // Shuffling an int span makes the same draws as NumPy's permutation of an int64 arange: the draws depend only on the length.
        FisherYates.Shuffle(new Pcg64(context.SeedSequence.Derive(StreamName, context.Epoch)), indices.AsSpan());
        return new SamplerEpoch(indices);
    }

    /// <inheritdoc />
    public string? GetState() => null;

    /// <inheritdoc />
    public void SetState(string? state) => SamplerStates.RequireNone(state, nameof(RandomSampler));

    /// <inheritdoc />
    public override string ToString() => "RandomSampler";
}

using OneSeed.Compat;
using OneSeed.Engines;
using OneSeed.Seeding;

namespace OneSeed.Data;

/// <summary>
/// What a dataset knows about the sample it is computing: its <see cref="Index"/>, the <see cref="Epoch"/>, the
/// <see cref="WorkerId"/>, and <see cref="Rng"/>, a generator that depends on (loader seed, epoch, sample index) only.
/// </summary>
/// <remarks>
/// <para>
/// The per-sample stream is <c>new SeedSequence(loaderSeed).Derive("sample", epoch, index)</c>, i.e. NumPy's
/// <c>SeedSequence(loader_seed, spawn_key=(0x53656E4F, StableHash.Hash64("sample"), epoch, index))</c>, driving a
/// <see cref="Pcg64"/> (NumPy's default engine) behind a <see cref="NumPyGenerator"/>. In Python the same numbers come from
/// <c>np.random.Generator(np.random.PCG64(that_seed_sequence))</c>. Nothing else (worker id, worker count, thread, call
/// order, resume) enters it, which is what makes augmentations identical for any number of workers.
/// </para>
/// <para>
/// The generator is created on first use, so datasets that never touch it pay nothing. A context is reused by the
/// loader from one sample to the next: it (and its <see cref="Rng"/>) is valid only during the <see cref="IDataset{T}.Get"/>
/// call it was passed to; don't keep it.
/// </para>
/// <para>Reproducibility tier: <b>stable</b> (the derivation and engine choice are part of the data contract).</para>
/// </remarks>
public sealed class SampleContext
{
    /// <summary>The stream name under which per-sample generators are derived.</summary>
    public const string StreamName = "sample";

    private readonly SeedSequence _loaderSequence;
    private SeedSequence? _sampleSequence;
    private NumPyGenerator? _rng;

    /// <summary>A context for sample <paramref name="index"/> of <paramref name="epoch"/> under <paramref name="loaderSeed"/>: for testing a dataset outside a loader.</summary>
    /// <param name="loaderSeed">The loader's seed.</param>
    /// <param name="epoch">The epoch, ≥ 0.</param>
    /// <param name="index">The sample index, ≥ 0.</param>
    /// <param name="workerId">The worker id, or −1 for the calling thread.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epoch"/> or <paramref name="index"/> is negative, or <paramref name="workerId"/> is below −1.</exception>
    public SampleContext(ulong loaderSeed, int epoch, int index, int workerId = -1)
        : this(new SeedSequence(loaderSeed), epoch, workerId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(workerId, -1);
        Index = index;
    }

    internal SampleContext(SeedSequence loaderSequence, int epoch, int workerId)
    {
        _loaderSequence = loaderSequence;
        Epoch = epoch;
        WorkerId = workerId;
    }

    /// <summary>The index of the sample being computed.</summary>
    public int Index { get; private set; }

    /// <summary>The epoch (0 for the loader's first enumeration).</summary>
    public int Epoch { get; }

    /// <summary>The worker computing the sample: 0 … workers − 1, or −1 when the loader runs on the calling thread (<c>Workers = 0</c>).</summary>
    /// <remarks>For logging only: which worker computes a sample depends on the worker count; never let it change a sample.</remarks>
    public int WorkerId { get; }

    /// <summary>The sample's seed sequence, <c>SeedSequence(loaderSeed).Derive("sample", Epoch, Index)</c>: seed any other engine from it.</summary>
    public SeedSequence SeedSequence => _sampleSequence ??= _loaderSequence.Derive(StreamName, Epoch, Index);

    /// <summary>The sample's generator: a <see cref="NumPyGenerator"/> over a <see cref="Pcg64"/> seeded from <see cref="SeedSequence"/>.</summary>
    /// <remarks>Fresh for every sample: the first draw for a sample is always the same, however often it is recomputed.</remarks>
    public NumPyGenerator Rng => _rng ??= new NumPyGenerator(new Pcg64(SeedSequence));

    /// <inheritdoc />
    public override string ToString() => $"SampleContext(index={Index}, epoch={Epoch}, worker={WorkerId})";

    internal void MoveTo(int index)
    {
        Index = index;
        _sampleSequence = null;
        _rng = null;
    }
}

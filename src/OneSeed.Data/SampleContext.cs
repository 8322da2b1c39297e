using System.Buffers.Binary;
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

    /// <summary>The name under which <see cref="TorchRng"/>'s key is derived from <see cref="SeedSequence"/>.</summary>
    public const string TorchStreamName = "torch";

    private readonly SeedSequence _loaderSequence;
    private SeedSequence? _sampleSequence;
    private NumPyGenerator? _rng;
    private TorchGenerator? _torchRng;

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

    /// <summary>
    /// The sample's torch generator, for code that draws as torch does (OneSeed.TorchVision's transforms read it as
    /// <see cref="TorchGenerator.Default"/> when a dataset installs it with <see cref="OneSeed.Seed.UseAmbient"/>).
    /// </summary>
    /// <remarks>
    /// Its Mersenne Twister key is the whole 624-word state <c>SeedSequence.Derive("torch").GenerateState(624)</c> with
    /// the first word set to 0x80000000, as NumPy seeds <c>MT19937</c> from a SeedSequence, rather than
    /// <c>manual_seed</c> of a 64-bit value (which torch reduces to 32 bits: at a million samples an epoch, about a
    /// hundred pairs of samples would share a stream). In Python: <c>g = torch.Generator(); g.set_state(state)</c> with
    /// that key in torch's state layout (<see cref="TorchGenerator.GetState"/>; initial seed = the derived sequence's
    /// first 64-bit word, left = 1, next = 0). Fresh for every sample, like <see cref="Rng"/>.
    /// </remarks>
    public TorchGenerator TorchRng => _torchRng ??= CreateTorchRng(SeedSequence.Derive(TorchStreamName));

    /// <inheritdoc />
    public override string ToString() => $"SampleContext(index={Index}, epoch={Epoch}, worker={WorkerId})";

    internal void MoveTo(int index)
    {
        Index = index;
        _sampleSequence = null;
        _rng = null;
        _torchRng = null;
    }

    private static TorchGenerator CreateTorchRng(SeedSequence sequence)
    {
        const int KeyWords = 624;
        uint[] key = sequence.GenerateState(KeyWords);
        key[0] = 0x80000000u;
        byte[] state = new byte[TorchGenerator.StateSize];
        Span<byte> s = state;
        BinaryPrimitives.WriteUInt64LittleEndian(s, sequence.GenerateState64(1)[0]);
        BinaryPrimitives.WriteInt32LittleEndian(s[8..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(s[12..], 1);
        for (int i = 0; i < KeyWords; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(s[(24 + (8 * i))..], key[i]);
        }

        var generator = new TorchGenerator();
        generator.SetState(state);
        return generator;
    }
}

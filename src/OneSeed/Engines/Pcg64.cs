using System.Numerics;
using System.Runtime.InteropServices;
using OneSeed.Seeding;

namespace OneSeed.Engines;

/// <summary>
/// NumPy's <c>PCG64</c> bit generator: PCG XSL-RR 128/64 (O'Neill 2014), a 128-bit LCG with a 128-bit multiplier whose new state is permuted to 64 output bits.
/// </summary>
/// <remarks>
/// <para>
/// <c>new Pcg64(seed)</c> gives the same stream as <c>np.random.PCG64(seed)</c>: the seed goes through
/// <see cref="SeedSequence"/>, whose <c>generate_state(4, uint64)</c> words become the initial state and stream.
/// 32-bit draws hand out the low then the high half of one 64-bit draw (NumPy's <c>has_uint32</c> buffer);
/// doubles are <c>(next_uint64 &gt;&gt; 11) * 2^-53</c>. <see cref="Advance"/> and <see cref="Jumped"/> are NumPy's.
/// </para>
/// <para>Reproducibility tier: <b>stable</b>.</para>
/// </remarks>
public sealed class Pcg64 : BitGenerator
{
    private Pcg64Core<XslRr128> _core;

    /// <summary>Seeds from a non-negative integer through <see cref="SeedSequence"/>, as <c>np.random.PCG64(seed)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seed"/> is negative.</exception>
    public Pcg64(BigInteger seed)
        : this(new SeedSequence(seed))
    {
    }

    /// <summary>Seeds from <paramref name="seedSequence"/>, as <c>np.random.PCG64(seed_sequence)</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="seedSequence"/> is null.</exception>
    public Pcg64(SeedSequence seedSequence)
    {
        ArgumentNullException.ThrowIfNull(seedSequence);
        _core.Seed(seedSequence.GenerateState64(4));
    }

    /// <summary>Creates an engine with the given state.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    public Pcg64(Pcg64State state)
    {
        _core.SetState(state);
    }

    /// <inheritdoc />
    public override ulong NextUInt64() => _core.NextUInt64();

    /// <inheritdoc />
    public override uint NextUInt32() => _core.NextUInt32();

    /// <inheritdoc />
    public override void Fill(Span<ulong> destination) => _core.Fill<RawWords>(destination);

    /// <inheritdoc />
    public override void Fill(Span<uint> destination) => _core.Fill(this, destination);

    /// <inheritdoc />
    public override void Fill(Span<double> destination) => _core.Fill<UnitDoubleBits>(MemoryMarshal.Cast<double, ulong>(destination));

    /// <summary>Returns the complete state.</summary>
    public Pcg64State GetState() => _core.GetState();

    /// <summary>Replaces the state.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    public void SetState(Pcg64State state) => _core.SetState(state);

    /// <inheritdoc />
    internal override void FillSampled<TSampler, T>(Span<T> destination, ref TSampler sampler)
    {
        var source = new Source(this);
        FillSampled(ref source, destination, ref sampler);
    }

    /// <inheritdoc />
    public override string GetStateJson() => _core.GetState().ToJson("PCG64");

    /// <inheritdoc />
    public override void SetStateJson(string json) => _core.SetState(Pcg64State.FromJson(json, "PCG64"));

    /// <summary>
    /// Advances the generator as if <paramref name="delta"/> 64-bit draws had been made, as NumPy's <c>advance(delta)</c>:
    /// <paramref name="delta"/> is taken modulo 2^128, so a negative value steps backwards; a buffered 32-bit half-draw is discarded.
    /// </summary>
    public void Advance(BigInteger delta) => _core.Advance(delta);

    /// <summary>
    /// Returns a new engine whose state is this one advanced by <paramref name="jumps"/> times
    /// 0x9e3779b97f4a7c15f39cc0605cedc835 draws (NumPy's <c>jumped</c>; the golden-ratio fraction of the period),
    /// with no buffered half-draw. This engine is unchanged.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="jumps"/> is negative.</exception>
    public Pcg64 Jumped(int jumps = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(jumps);
        var copy = new Pcg64(_core.GetState());
        copy._core.Jump(jumps);
        return copy;
    }

    /// <summary>This engine's draws as direct, inlinable calls (the engine type is sealed), for <see cref="FillSampled{TSampler, T}"/>.</summary>
    private readonly struct Source(Pcg64 engine) : IRawSource
    {
        public ulong NextUInt64() => engine.NextUInt64();

        public uint NextUInt32() => engine.NextUInt32();

        public double NextDouble() => UnitDoubles.FromUInt53(engine.NextUInt64() >> 11);
    }
}

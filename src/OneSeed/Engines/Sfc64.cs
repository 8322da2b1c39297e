using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OneSeed.Seeding;

namespace OneSeed.Engines;

/// <summary>
/// NumPy's <c>SFC64</c> bit generator: Chris Doty-Humphrey's Small Fast Chaotic PRNG (64-bit words a, b, c and a counter w).
/// </summary>
/// <remarks>
/// <para>
/// <c>new Sfc64(seed)</c> gives the same stream as <c>np.random.SFC64(seed)</c>: a, b, c are
/// <see cref="SeedSequence"/>'s <c>generate_state(3, uint64)</c>, w = 1, and 12 outputs are discarded.
/// 32-bit draws hand out the low then the high half of one 64-bit draw; doubles are <c>(next_uint64 &gt;&gt; 11) * 2^-53</c>.
/// Like NumPy's, it has no jump or advance.
/// </para>
/// <para>Reproducibility tier: <b>stable</b>.</para>
/// </remarks>
public sealed class Sfc64 : BitGenerator
{
    private ulong _a;
    private ulong _b;
    private ulong _c;
    private ulong _w;
    private bool _hasUInt32;
    private uint _uinteger;

    /// <summary>Seeds from a non-negative integer through <see cref="SeedSequence"/>, as <c>np.random.SFC64(seed)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seed"/> is negative.</exception>
    public Sfc64(BigInteger seed)
        : this(new SeedSequence(seed))
    {
    }

    /// <summary>Seeds from <paramref name="seedSequence"/>, as <c>np.random.SFC64(seed_sequence)</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="seedSequence"/> is null.</exception>
    public Sfc64(SeedSequence seedSequence)
    {
        ArgumentNullException.ThrowIfNull(seedSequence);
        ulong[] words = seedSequence.GenerateState64(3);
        _a = words[0];
        _b = words[1];
        _c = words[2];
        _w = 1;

        // NumPy's sfc64_set_seed keeps the reference implementation's 12 warm-up rounds even though SeedSequence output is already well mixed.
        for (int i = 0; i < 12; i++)
        {
            Step(ref _a, ref _b, ref _c, ref _w);
        }
    }

    /// <summary>Creates an engine with the given state.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    public Sfc64(Sfc64State state)
    {
        SetState(state);
    }

    /// <inheritdoc />
    public override ulong NextUInt64() => Step(ref _a, ref _b, ref _c, ref _w);

    /// <inheritdoc />
    public override uint NextUInt32()
    {
        if (_hasUInt32)
        {
            _hasUInt32 = false;
            return _uinteger;
        }

        ulong next = Step(ref _a, ref _b, ref _c, ref _w);
        _hasUInt32 = true;
        _uinteger = (uint)(next >> 32);
        return (uint)next;
    }

    /// <inheritdoc />
    // SFC64 has no jump-ahead (its update is nonlinear), so its one chain (rotate, add: two cycles a value) bounds it,
    // and the rest of the step nearly fills the ALUs: four steps per iteration drop the per-value loop counter, bound
    // check and branch. Fully optimised from the first call: the tiered, profile-guided code measured about 5 % slower.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Fill(Span<ulong> destination)
    {
        // State in locals for the loop; the 32-bit buffer is untouched, as by NumPy's next_uint64.
        ulong a = _a, b = _b, c = _c, w = _w;
        ref ulong first = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        for (; i <= destination.Length - 4; i += 4)
        {
            ref ulong block = ref Unsafe.Add(ref first, i);
            block = Step(ref a, ref b, ref c, ref w);
            Unsafe.Add(ref block, 1) = Step(ref a, ref b, ref c, ref w);
            Unsafe.Add(ref block, 2) = Step(ref a, ref b, ref c, ref w);
            Unsafe.Add(ref block, 3) = Step(ref a, ref b, ref c, ref w);
        }

        for (; i < destination.Length; i++)
        {
            Unsafe.Add(ref first, i) = Step(ref a, ref b, ref c, ref w);
        }

        (_a, _b, _c, _w) = (a, b, c, w);
    }

    /// <summary>
    /// <see cref="Fill(Span{ulong})"/>, with <paramref name="sink"/> taking each whole group of eight words while the
    /// words after it are generated: the step's chain (rotate, add: two cycles) leaves the vector units idle, so a
    /// sampler's vector pass over the words runs mostly in its shadow instead of after it (the ziggurats measured
    /// 7-15 % faster on the Zen 5, the integers about 2 %). The sink reads a group six groups behind the one being
    /// written: a 512-bit load of words whose eight scalar stores are still in flight cannot be forwarded from them.
    /// The words, their order and the final state are those of <see cref="Fill(Span{ulong})"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Fill<TSink>(Span<ulong> destination, ref TSink sink)
        where TSink : struct, IWordGroupSink
    {
        const int Group = IWordGroupSink.GroupSize, Lag = 6;
        ulong a = _a, b = _b, c = _c, w = _w;
        ref ulong first = ref MemoryMarshal.GetReference(destination);
        int groups = destination.Length / Group;
        for (int g = 0; g < groups; g++)
        {
            ref ulong block = ref Unsafe.Add(ref first, g * Group);
            block = Step(ref a, ref b, ref c, w);
            Unsafe.Add(ref block, 1) = Step(ref a, ref b, ref c, w + 1);
            Unsafe.Add(ref block, 2) = Step(ref a, ref b, ref c, w + 2);
            Unsafe.Add(ref block, 3) = Step(ref a, ref b, ref c, w + 3);
            Unsafe.Add(ref block, 4) = Step(ref a, ref b, ref c, w + 4);
            Unsafe.Add(ref block, 5) = Step(ref a, ref b, ref c, w + 5);
            Unsafe.Add(ref block, 6) = Step(ref a, ref b, ref c, w + 6);
            Unsafe.Add(ref block, 7) = Step(ref a, ref b, ref c, w + 7);
            w += Group;
            if (g >= Lag)
            {
                sink.Take((g - Lag) * Group);
            }
        }

        for (int i = groups * Group; i < destination.Length; i++)
        {
            Unsafe.Add(ref first, i) = Step(ref a, ref b, ref c, ref w);
        }

        (_a, _b, _c, _w) = (a, b, c, w);
        for (int g = Math.Max(0, groups - Lag); g < groups; g++)
        {
            sink.Take(g * Group);
        }
    }

    /// <inheritdoc />
    // A chunk of raw words, then a vector pass over it in L1: converting in the same loop measured slower, both inside
    // the scalar step (one more ALU operation) and eight at a time a few groups behind the generator
    // (Fill(Span<ulong>, ref TSink); 2-4 % on the Zen 5, where that interleaving makes the ziggurats 7-15 % faster).
    public override void Fill(Span<double> destination) => UnitDoubles.FillTop53(this, destination);

    /// <inheritdoc />
    public override void Fill(Span<uint> destination) => HalfWords.Fill(this, destination, ref _hasUInt32, ref _uinteger);

    /// <summary>Returns the complete state.</summary>
    public Sfc64State GetState() => new(_a, _b, _c, _w, _hasUInt32, _uinteger);

    /// <summary>Replaces the state.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    public void SetState(Sfc64State state)
    {
        ArgumentNullException.ThrowIfNull(state);
        (_a, _b, _c, _w) = (state.A, state.B, state.C, state.Counter);
        _hasUInt32 = state.HasUInt32;
        _uinteger = state.BufferedUInt32;
    }

    /// <inheritdoc />
    internal override void FillSampled<TSampler, T>(Span<T> destination, ref TSampler sampler)
    {
        var source = new Source(this);
        FillSampled(ref source, destination, ref sampler);
    }

    /// <inheritdoc />
    public override string GetStateJson() => GetState().ToJson();

    /// <inheritdoc />
    public override void SetStateJson(string json) => SetState(Sfc64State.FromJson(json));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Step(ref ulong a, ref ulong b, ref ulong c, ref ulong w) => Step(ref a, ref b, ref c, w++);

    /// <summary>
    /// One step with counter value <paramref name="w"/>: unrolled loops advance the counter once a block (two integer
    /// operations a step fewer, for a loop that shares the integer units with a sampler's pass).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Step(ref ulong a, ref ulong b, ref ulong c, ulong w)
    {
        // b is the latest of the three (c + 8c, one step back): added last, it is one addition from c's chain.
        ulong tmp = b + (a + w);
        a = b ^ (b >> 11);
        b = c + (c << 3);
        c = BitOperations.RotateLeft(c, 24) + tmp;
        return tmp;
    }

    /// <summary>This engine's draws as direct, inlinable calls (the engine type is sealed), for <see cref="FillSampled{TSampler, T}"/>.</summary>
    private readonly struct Source(Sfc64 engine) : IRawSource
    {
        public ulong NextUInt64() => engine.NextUInt64();

        public uint NextUInt32() => engine.NextUInt32();

        public double NextDouble() => UnitDoubles.FromUInt53(engine.NextUInt64() >> 11);
    }
}

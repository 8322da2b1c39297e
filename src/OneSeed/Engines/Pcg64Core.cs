using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OneSeed.Engines;

/// <summary>The step and output function that tell NumPy's two 128-bit PCG variants apart.</summary>
internal interface IPcg64Variant
{
    /// <summary>NumPy's class name, also the <c>bit_generator</c> entry of the state dictionary.</summary>
    static abstract string Name { get; }

    /// <summary>The LCG multiplier (used by seeding and <c>advance</c>).</summary>
    static abstract UInt128 Multiplier { get; }

    /// <summary>Steps the LCG held in (<paramref name="hi"/>, <paramref name="lo"/>) once and returns one output.</summary>
    static abstract ulong Next(ref ulong hi, ref ulong lo, ulong incHi, ulong incLo);

    /// <summary>The output function alone, applied to the state it reads (see <see cref="OutputReadsAdvancedState"/>).</summary>
    static abstract ulong Output(ulong hi, ulong lo);

    /// <summary><see cref="Output(ulong, ulong)"/> on four lanes (AVX2).</summary>
    static abstract Vector256<ulong> Output(Vector256<ulong> hi, Vector256<ulong> lo);

    /// <summary><see cref="Output(ulong, ulong)"/> on eight lanes (AVX-512F and AVX-512DQ).</summary>
    static abstract Vector512<ulong> Output(Vector512<ulong> hi, Vector512<ulong> lo);

    /// <summary>True when a draw's output is computed from the state after the step (XSL-RR), false when from the one before (DXSM).</summary>
    static abstract bool OutputReadsAdvancedState { get; }
}

/// <summary>PCG XSL-RR 128/64 (NumPy's <c>PCG64</c>): full 128-bit multiplier, output from the new state.</summary>
internal readonly struct XslRr128 : IPcg64Variant
{
    private const ulong MulHi = 2549297995355413924UL;
    private const ulong MulLo = 4865540595714422341UL;

    public static string Name => "PCG64";

    public static UInt128 Multiplier => new(MulHi, MulLo);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Next(ref ulong hi, ref ulong lo, ulong incHi, ulong incLo)
    {
        ulong productHi = Math.BigMul(lo, MulLo, out ulong productLo);
        productHi += (hi * MulLo) + (lo * MulHi);
        ulong newLo = productLo + incLo;
        ulong newHi = productHi + incHi + (newLo < productLo ? 1UL : 0UL);
        hi = newHi;
        lo = newLo;
        return Output(newHi, newLo);
    }

    public static bool OutputReadsAdvancedState => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Output(ulong hi, ulong lo) => BitOperations.RotateRight(hi ^ lo, (int)(hi >> 58));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Output(Vector256<ulong> hi, Vector256<ulong> lo)
    {
        // AVX2 has no rotate; vpsllvq by 64 (rotation 0) gives 0, so the OR is right for every count.
        Vector256<ulong> x = hi ^ lo, count = hi >>> 58;
        return Avx2.ShiftRightLogicalVariable(x, count) | Avx2.ShiftLeftLogicalVariable(x, Vector256.Create(64UL) - count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> Output(Vector512<ulong> hi, Vector512<ulong> lo) => Avx512F.RotateRightVariable(hi ^ lo, hi >>> 58);
}

/// <summary>PCG CM DXSM 128/64 (NumPy's <c>PCG64DXSM</c>): 64-bit "cheap" multiplier, DXSM output from the state before the step.</summary>
internal readonly struct CmDxsm128 : IPcg64Variant
{
    private const ulong CheapMultiplier = 0xda942042e4dd58b5UL;

    public static string Name => "PCG64DXSM";

    public static UInt128 Multiplier => CheapMultiplier;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Next(ref ulong hi, ref ulong lo, ulong incHi, ulong incLo)
    {
        ulong h = hi;
        ulong l = lo;
        ulong output = Output(h, l);

        ulong productHi = Math.BigMul(l, CheapMultiplier, out ulong productLo);
        productHi += h * CheapMultiplier;
        ulong newLo = productLo + incLo;
        hi = productHi + incHi + (newLo < productLo ? 1UL : 0UL);
        lo = newLo;
        return output;
    }

    public static bool OutputReadsAdvancedState => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Output(ulong hi, ulong lo)
    {
        ulong output = hi ^ (hi >> 32);
        output *= CheapMultiplier;
        output ^= output >> 48;
        return output * (lo | 1UL);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Output(Vector256<ulong> hi, Vector256<ulong> lo)
    {
        Vector256<ulong> output = WideMultiply.MulLow(hi ^ (hi >>> 32), Vector256.Create(CheapMultiplier));
        output ^= output >>> 48;
        return WideMultiply.MulLow(output, lo | Vector256<ulong>.One);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> Output(Vector512<ulong> hi, Vector512<ulong> lo)
    {
        Vector512<ulong> output = hi ^ (hi >>> 32);
        output = Avx512DQ.MultiplyLow(output, Vector512.Create(CheapMultiplier));
        output ^= output >>> 48;
        return Avx512DQ.MultiplyLow(output, lo | Vector512<ulong>.One);
    }
}

/// <summary>
/// The state and every operation shared by <see cref="Pcg64"/> and <see cref="Pcg64Dxsm"/>: NumPy's
/// <c>pcg64_state</c> (128-bit LCG state and increment plus the <c>has_uint32</c>/<c>uinteger</c> buffer).
/// </summary>
/// <remarks>
/// A mutable struct held in a (non-readonly) field of its engine, so it is never copied; generic over the
/// variant so the JIT specialises and inlines the step in the bulk loops.
/// </remarks>
internal struct Pcg64Core<TVariant>
    where TVariant : struct, IPcg64Variant
{
    /// <summary>NumPy's <c>jump</c> step: (golden ratio - 1) * 2^128.</summary>
    private static readonly BigInteger JumpStep = new UInt128(0x9e3779b97f4a7c15UL, 0xf39cc0605cedc835UL);

    private static readonly BigInteger Mask128 = (BigInteger.One << 128) - 1;

    private const int Lanes = 2;

    /// <summary>Lanes of the AVX2 path: two vectors of four and two scalar lanes.</summary>
    private const int AvxLanes = 10;

    /// <summary>Lanes of the AVX-512 path: two vectors of eight.</summary>
    private const int VectorLanes = 16;

    // Jumps of n steps (8 and 16 for the AVX-512 lanes, 10 for the AVX2 ones): s -> M^n * s + (M^(n-1) + ... + M + 1) * inc.
    private static readonly (UInt128 Multiplier, UInt128 Sum) Jump8 = Pcg128.JumpCoefficients(TVariant.Multiplier, 8);
    private static readonly (UInt128 Multiplier, UInt128 Sum) Jump16 = Pcg128.JumpCoefficients(TVariant.Multiplier, 16);
    private static readonly (UInt128 Multiplier, UInt128 Sum) JumpAvx2 = Pcg128.JumpCoefficients(TVariant.Multiplier, AvxLanes);

    // M^-1 mod 2^128 (M is odd), to step a lane back by one draw.
    private static readonly UInt128 InverseMultiplier = Pcg128.Inverse(TVariant.Multiplier);

    private ulong _hi;
    private ulong _lo;
    private ulong _incHi;
    private ulong _incLo;
    private bool _hasUInt32;
    private uint _uinteger;

    /// <summary>NumPy's <c>pcg64_set_seed</c> with <c>generate_state(4, uint64)</c>: words 0-1 are initstate, 2-3 initseq (high word first).</summary>
    public void Seed(ReadOnlySpan<ulong> words)
    {
        var initState = new UInt128(words[0], words[1]);
        var initSeq = new UInt128(words[2], words[3]);
        UInt128 inc = (initSeq << 1) | UInt128.One;
        UInt128 state = inc; // 0 * multiplier + inc
        state += initState;

        // Both NumPy classes seed through pcg64_set_seed, i.e. pcg_setseq_128_srandom_r with the full 128-bit multiplier,
        // even PCG64DXSM (whose own pcg_cm_srandom_r is never called); using the cheap multiplier here would change its streams.
        state = (state * XslRr128.Multiplier) + inc;
        Set(state, inc, false, 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64() => TVariant.Next(ref _hi, ref _lo, _incHi, _incLo);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint NextUInt32()
    {
        if (_hasUInt32)
        {
            _hasUInt32 = false;
            return _uinteger;
        }

        ulong next = NextUInt64();
        _hasUInt32 = true;
        _uinteger = (uint)(next >> 32);
        return (uint)next;
    }

    /// <summary>
    /// Raw words (<see cref="RawWords"/>) or NumPy's uniform doubles written as their bits (<see cref="UnitDoubleBits"/>),
    /// converted in the same loop that draws them.
    /// </summary>
    public void Fill<TOut>(Span<ulong> destination)
        where TOut : struct, IWordOutput
    {
        // The state lives in locals for the loop (no store per draw); the u32 buffer is untouched, as NumPy's next_uint64 leaves it.
        int i = Avx512F.IsSupported && Avx512DQ.IsSupported && destination.Length >= VectorLanes * 4 ? FillLanesAvx512<TOut>(destination)
            : Avx2.IsSupported && destination.Length >= AvxLanes * 4 ? FillLanesAvx2<TOut>(destination)
            : destination.Length >= Lanes * 4 ? FillLanes<TOut>(destination) : 0;
        ulong hi = _hi, lo = _lo, incHi = _incHi, incLo = _incLo;
        for (; i < destination.Length; i++)
        {
            destination[i] = TOut.Convert(TVariant.Next(ref hi, ref lo, incHi, incLo));
        }

        _hi = hi;
        _lo = lo;
    }

    public void Fill(BitGenerator engine, Span<uint> destination) => HalfWords.Fill(engine, destination, ref _hasUInt32, ref _uinteger);

    /// <summary>
    /// The LCG's step is one 128-bit multiply-add whose latency, not the multiplier's throughput, bounds a single
    /// stream. Two lanes hold two consecutive states and each jumps two steps at once (s -> A*s + C with A = M^2,
    /// C = (M + 1) * inc), so two independent multiply chains overlap while the outputs come out in exactly the
    /// scalar order. (Three and four lanes measured no faster here: the x64 registers run out and the JIT spills.)
    /// Returns how many values were written (a multiple of the lane count); the engine is left at the state after
    /// the last.
    /// </summary>
    private int FillLanes<TOut>(Span<ulong> destination)
        where TOut : struct, IWordOutput
    {
        var inc = new UInt128(_incHi, _incLo);
        UInt128 m = TVariant.Multiplier;
        UInt128 jumpMul = m * m;
        UInt128 jumpAdd = (m + UInt128.One) * inc;
        ulong aHi = (ulong)(jumpMul >> 64), aLo = (ulong)jumpMul, cHi = (ulong)(jumpAdd >> 64), cLo = (ulong)jumpAdd;

        // Lane j starts at the state draw j reads: s(k+1+j) for XSL-RR, s(k+j) for DXSM.
        UInt128 s0 = new(_hi, _lo);
        if (TVariant.OutputReadsAdvancedState)
        {
            s0 = (s0 * m) + inc;
        }

        UInt128 s1 = (s0 * m) + inc;
        ulong h0 = (ulong)(s0 >> 64), l0 = (ulong)s0, h1 = (ulong)(s1 >> 64), l1 = (ulong)s1;

        int count = destination.Length & ~(Lanes - 1);
        ref ulong d = ref MemoryMarshal.GetReference(destination);
        for (int i = 0; i < count; i += Lanes)
        {
            Unsafe.Add(ref d, i) = TOut.Convert(TVariant.Output(h0, l0));
            Unsafe.Add(ref d, i + 1) = TOut.Convert(TVariant.Output(h1, l1));

            Jump(ref h0, ref l0, aHi, aLo, cHi, cLo);
            Jump(ref h1, ref l1, aHi, aLo, cHi, cLo);
        }

        // Lane 0 now holds the state draw `count` would read; step back to the engine's state where needed.
        UInt128 next = new(h0, l0);
        if (TVariant.OutputReadsAdvancedState)
        {
            next = (next - inc) * InverseMultiplier;
        }

        _hi = (ulong)(next >> 64);
        _lo = (ulong)next;
        return count;
    }

    /// <summary>
    /// <see cref="FillLanes{TOut}"/> on sixteen lanes in two AVX-512 vectors: lane j holds the state draw k + j reads
    /// and every lane jumps sixteen steps at once (s -> M^16 * s + (M^15 + ... + M + 1) * inc), so the 128-bit
    /// multiply-adds of sixteen draws run side by side and each vector's eight outputs are eight consecutive draws,
    /// stored in order. The 128-bit product is built from <see cref="WideMultiply"/>'s low-half product and two
    /// <c>vpmullq</c> cross terms; the carry out of the low word is an unsigned compare.
    /// </summary>
    private int FillLanesAvx512<TOut>(Span<ulong> destination)
        where TOut : struct, IWordOutput
    {
        // The bulk fills of the samplers come in chunks of a few hundred words, so the set-up is kept short: eight
        // scalar steps for lanes 0-7, one vector jump of eight steps for lanes 8-15.
        var inc = new UInt128(_incHi, _incLo);
        UInt128 m = TVariant.Multiplier;
        Span<ulong> startHi = stackalloc ulong[8];
        Span<ulong> startLo = stackalloc ulong[8];
        UInt128 s = new(_hi, _lo);
        if (TVariant.OutputReadsAdvancedState)
        {
            s = (s * m) + inc;
        }

        for (int j = 0; j < 8; j++)
        {
            (startHi[j], startLo[j]) = ((ulong)(s >> 64), (ulong)s);
            s = (s * m) + inc;
        }

        Vector512<ulong> h0 = Vector512.Create<ulong>(startHi), l0 = Vector512.Create<ulong>(startLo);
        Vector512<ulong> h1 = h0, l1 = l0;
        UInt128 add8 = Jump8.Sum * inc;
        Jump(ref h1, ref l1, Vector512.Create((ulong)(Jump8.Multiplier >> 64)), (ulong)Jump8.Multiplier, Vector512.Create((ulong)Jump8.Multiplier), Vector512.Create((ulong)(add8 >> 64)), Vector512.Create((ulong)add8));

        UInt128 add16 = Jump16.Sum * inc;
        ulong aLo = (ulong)Jump16.Multiplier;
        Vector512<ulong> aHi = Vector512.Create((ulong)(Jump16.Multiplier >> 64)), aLoV = Vector512.Create(aLo);
        Vector512<ulong> cHi = Vector512.Create((ulong)(add16 >> 64)), cLo = Vector512.Create((ulong)add16);

        int count = destination.Length & ~(VectorLanes - 1);
        ref ulong d = ref MemoryMarshal.GetReference(destination);
        for (int i = 0; i < count; i += VectorLanes)
        {
            TOut.Convert(TVariant.Output(h0, l0)).StoreUnsafe(ref d, (nuint)i);
            TOut.Convert(TVariant.Output(h1, l1)).StoreUnsafe(ref d, (nuint)(i + 8));
            Jump(ref h0, ref l0, aHi, aLo, aLoV, cHi, cLo);
            Jump(ref h1, ref l1, aHi, aLo, aLoV, cHi, cLo);
        }

        UInt128 next = new(h0.ToScalar(), l0.ToScalar());
        if (TVariant.OutputReadsAdvancedState)
        {
            next = (next - inc) * InverseMultiplier;
        }

        _hi = (ulong)(next >> 64);
        _lo = (ulong)next;
        return count;
    }

    /// <summary>
    /// <see cref="FillLanesAvx512{TOut}"/> for AVX2, which has no 64-bit multiply at all: eight lanes in two vectors
    /// build every product from <c>vpmuludq</c>, and two more lanes run in scalar registers in the same loop, on the
    /// integer multiplier the vector code leaves idle. All ten lanes jump ten steps; each iteration stores draws
    /// k..k+9 in order.
    /// </summary>
    private int FillLanesAvx2<TOut>(Span<ulong> destination)
        where TOut : struct, IWordOutput
    {
        var inc = new UInt128(_incHi, _incLo);
        UInt128 m = TVariant.Multiplier;
        Span<ulong> startHi = stackalloc ulong[AvxLanes];
        Span<ulong> startLo = stackalloc ulong[AvxLanes];
        UInt128 s = new(_hi, _lo);
        if (TVariant.OutputReadsAdvancedState)
        {
            s = (s * m) + inc;
        }

        for (int j = 0; j < AvxLanes; j++)
        {
            (startHi[j], startLo[j]) = ((ulong)(s >> 64), (ulong)s);
            s = (s * m) + inc;
        }

        Vector256<ulong> h0 = Vector256.Create<ulong>(startHi), l0 = Vector256.Create<ulong>(startLo);
        Vector256<ulong> h1 = Vector256.Create<ulong>(startHi[4..]), l1 = Vector256.Create<ulong>(startLo[4..]);
        ulong sh0 = startHi[8], sl0 = startLo[8], sh1 = startHi[9], sl1 = startLo[9];
        UInt128 add = JumpAvx2.Sum * inc;
        ulong aLo = (ulong)JumpAvx2.Multiplier, aHi = (ulong)(JumpAvx2.Multiplier >> 64), cHi = (ulong)(add >> 64), cLo = (ulong)add;
        var jump = new VectorJump(aHi, aLo, cHi, cLo);

        int count = destination.Length - (destination.Length % AvxLanes);
        ref ulong d = ref MemoryMarshal.GetReference(destination);
        for (int i = 0; i < count; i += AvxLanes)
        {
            // One vector's output and jump before the next's: fewer values live at once, and AVX2 has only 16 registers.
            TOut.Convert(TVariant.Output(h0, l0)).StoreUnsafe(ref d, (nuint)i);
            (h0, l0) = jump.Apply(h0, l0);
            TOut.Convert(TVariant.Output(h1, l1)).StoreUnsafe(ref d, (nuint)(i + 4));
            (h1, l1) = jump.Apply(h1, l1);
            Unsafe.Add(ref d, i + 8) = TOut.Convert(TVariant.Output(sh0, sl0));
            Unsafe.Add(ref d, i + 9) = TOut.Convert(TVariant.Output(sh1, sl1));
            Jump(ref sh0, ref sl0, aHi, aLo, cHi, cLo);
            Jump(ref sh1, ref sl1, aHi, aLo, cHi, cLo);
        }

        UInt128 next = new(h0.ToScalar(), l0.ToScalar());
        if (TVariant.OutputReadsAdvancedState)
        {
            next = (next - inc) * InverseMultiplier;
        }

        _hi = (ulong)(next >> 64);
        _lo = (ulong)next;
        return count;
    }

    /// <summary>(hi:lo) = A * (hi:lo) + C mod 2^128 on four lanes (AVX2), with every constant broadcast once.</summary>
    private readonly struct VectorJump(ulong aHi, ulong aLo, ulong cHi, ulong cLo)
    {
        private readonly Vector256<ulong> _aHi = Vector256.Create(aHi);
        private readonly Vector256<uint> _aLo = Vector256.Create(aLo).AsUInt32();
        private readonly Vector256<uint> _aLoHigh = Vector256.Create(aLo >> 32).AsUInt32();
        private readonly Vector256<ulong> _cHi = Vector256.Create(cHi);
        private readonly Vector256<ulong> _cLo = Vector256.Create(cLo);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public (Vector256<ulong> Hi, Vector256<ulong> Lo) Apply(Vector256<ulong> hi, Vector256<ulong> lo)
        {
            Vector256<ulong> productHi = WideMultiply.MulHiLo(lo, _aLo, _aLoHigh, out Vector256<ulong> productLo);
            productHi += WideMultiply.MulLow(hi, _aLo.AsUInt64()) + WideMultiply.MulLow(lo, _aHi);
            Vector256<ulong> newLo = productLo + _cLo;
            return (productHi + _cHi - Vector256.LessThan(newLo, productLo), newLo);
        }
    }

    /// <summary>
    /// (hi:lo) = A * (hi:lo) + C mod 2^128 on eight lanes. The constants come in already broadcast (A's low word also
    /// as a scalar, for <see cref="WideMultiply"/>): broadcasting them in here put six <c>vpbroadcastq</c> in the
    /// loop, which the JIT did not hoist (PCG64DXSM measured about 10 % slower).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Jump(ref Vector512<ulong> hi, ref Vector512<ulong> lo, Vector512<ulong> aHi, ulong aLo, Vector512<ulong> aLoV, Vector512<ulong> cHi, Vector512<ulong> cLo)
    {
        Vector512<ulong> productHi = WideMultiply.MulHiLo(lo, aLo, out Vector512<ulong> productLo);
        productHi += Avx512DQ.MultiplyLow(hi, aLoV) + Avx512DQ.MultiplyLow(lo, aHi);
        Vector512<ulong> newLo = productLo + cLo;

        // The compare's all-ones lanes are -1: subtracting adds the carry.
        hi = productHi + cHi - Vector512.LessThan(newLo, productLo);
        lo = newLo;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Jump(ref ulong hi, ref ulong lo, ulong aHi, ulong aLo, ulong cHi, ulong cLo)
    {
#if NET9_0_OR_GREATER
        // The UInt128-returning BigMul keeps the low half in a register; the out-parameter form goes through the stack.
        UInt128 product = Math.BigMul(lo, aLo);
        ulong productHi = (ulong)(product >> 64), productLo = (ulong)product;
#else
        ulong productHi = Math.BigMul(lo, aLo, out ulong productLo);
#endif
        productHi += (hi * aLo) + (lo * aHi);
        ulong newLo = productLo + cLo;
        hi = productHi + cHi + (newLo < productLo ? 1UL : 0UL);
        lo = newLo;
    }

    public readonly Pcg64State GetState() =>
        new(new UInt128(_hi, _lo), new UInt128(_incHi, _incLo), _hasUInt32, _uinteger);

    public void SetState(Pcg64State state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Set(state.State, state.Increment, state.HasUInt32, state.BufferedUInt32);
    }

    /// <summary>NumPy's <c>advance(delta)</c>: delta wrapped into [0, 2^128) (so negative values step back), then the buffered half-draw is discarded.</summary>
    public void Advance(BigInteger delta)
    {
        var step = (UInt128)(delta & Mask128);
        UInt128 state = Pcg128.Advance(new UInt128(_hi, _lo), step, TVariant.Multiplier, new UInt128(_incHi, _incLo));
        Set(state, new UInt128(_incHi, _incLo), false, 0);
    }

    /// <summary>NumPy's <c>jumped(jumps)</c> applied to this copy: <c>advance(jumps * 0x9e3779b97f4a7c15f39cc0605cedc835)</c>.</summary>
    public void Jump(int jumps) => Advance(JumpStep * jumps);

    private void Set(UInt128 state, UInt128 inc, bool hasUInt32, uint uinteger)
    {
        _hi = (ulong)(state >> 64);
        _lo = (ulong)state;
        _incHi = (ulong)(inc >> 64);
        _incLo = (ulong)inc;
        _hasUInt32 = hasUInt32;
        _uinteger = uinteger;
    }
}

/// <summary>128-bit LCG arithmetic shared by the PCG engines.</summary>
internal static class Pcg128
{
    /// <summary>
    /// (M^n, M^(n-1) + ... + M + 1) mod 2^128: n steps of <c>s = s * M + inc</c> are <c>s = M^n * s + Sum * inc</c>.
    /// </summary>
    public static (UInt128 Multiplier, UInt128 Sum) JumpCoefficients(UInt128 multiplier, int steps)
    {
        UInt128 power = UInt128.One, sum = UInt128.Zero;
        for (int i = 0; i < steps; i++)
        {
            sum += power;
            power *= multiplier;
        }

        return (power, sum);
    }

    /// <summary>The inverse of an odd number modulo 2^128 (Newton's iteration doubles the correct low bits each step).</summary>
    public static UInt128 Inverse(UInt128 odd)
    {
        UInt128 x = odd; // correct to 3 bits for odd numbers
        for (int i = 0; i < 6; i++)
        {
            x *= 2 - (odd * x);
        }

        return x;
    }

    /// <summary>
    /// Brown's arbitrary-stride LCG jump (NumPy's <c>pcg_advance_lcg_128</c>): the state after <paramref name="delta"/>
    /// steps of <c>s = s * mult + plus</c>, in O(log delta) multiplications. All arithmetic wraps mod 2^128.
    /// </summary>
    public static UInt128 Advance(UInt128 state, UInt128 delta, UInt128 mult, UInt128 plus)
    {
        UInt128 accMult = UInt128.One;
        UInt128 accPlus = UInt128.Zero;
        while (delta != UInt128.Zero)
        {
            if ((delta & UInt128.One) != UInt128.Zero)
            {
                accMult *= mult;
                accPlus = (accPlus * mult) + plus;
            }

            plus = (mult + UInt128.One) * plus;
            mult *= mult;
            delta >>= 1;
        }

        return (accMult * state) + accPlus;
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OneSeed.Distributions;

/// <summary>
/// Four exponentials at once, computed the way glibc's <c>exp</c> computes them on x86-64 with FMA, so that every lane
/// of its domain has the bits <see cref="Math.Exp(double)"/> returns; and the same core for <see cref="GlibcPowFma"/>.
/// </summary>
/// <remarks>
/// <para>
/// glibc (2.28 and later) runs its <c>__exp_fma</c> build on CPUs with AVX2 and FMA: the exponential of Arm's optimized
/// routines (<c>math/exp.c</c>, MIT; this is a transcription of that code, THIRD-PARTY-NOTICES.md). x = k ln2 / 128 + r
/// with |r| &lt;= ln2 / 256, k rounded by adding 1.5 * 2^52; 2^(k/128) = scale (1 + tail) from a table of 128 entries,
/// with k / 128's integer part added to scale's exponent; exp(r) - 1 from a degree-5 polynomial; and the result
/// scale + scale * (tail + r + ...) in one fused multiply-add. <c>pow</c> ends in the same code, with a low part of its
/// argument added to r. This type performs the same IEEE operations in the same order, with the fused multiply-adds
/// where that build has them (read from its machine code: every a * b + c of the reduction and the polynomial is one),
/// on all lanes, and selects per lane what the branches would have taken.
/// </para>
/// <para>
/// Lanes with |x| &lt; 2^-54 take glibc's 1 + x; those with |x| &gt;= 512 (results that may overflow or underflow,
/// which glibc's <c>specialcase</c> rescales), infinities and NaN are outside the domain and left to the caller.
/// </para>
/// <para>
/// Its constants and table (<c>__exp_data</c>: 128 / ln2, ln2 / 128 in two parts, the polynomial, the rounding shift,
/// and tail and scale bits of 2^(i/128)) are read from the libm mapped into this process and checked value by value;
/// the whole function is then checked against <see cref="Math.Exp(double)"/> on a fixed set of inputs covering every
/// path. Only if all of that holds is <see cref="IsSupported"/> true; otherwise callers keep <see cref="Math.Exp(double)"/>.
/// </para>
/// <para>Reproducibility tier: exact (glibc's bits, and so NumPy's calls of it on the same machine).</para>
/// </remarks>
internal static class GlibcExpFma
{
    // __exp_data: invln2N, negln2hiN, negln2loN, poly C2..C5, shift, exp2_shift, exp2_poly[5], then (tail, sbits) x 128.
    private const int InvLn2N = 0;
    private const int NegLn2HiN = 1;
    private const int NegLn2LoN = 2;
    private const int Poly = 3;
    private const int Shift = 7;
    private const int Table = 14;
    private const int DataLength = Table + (2 * 128);

    /// <summary>top12(2^-54): below it glibc returns 1 + x.</summary>
    private const long TinyTop = 0x3C9;

    /// <summary>top12(512) - top12(2^-54): from 512 on, glibc's special case.</summary>
    private const long FastTopSpan = 0x3F;

    /// <summary>
    /// <c>__exp_data</c> from the mapped libm (also <see cref="GlibcPowFma"/>'s), null where it is not found.
    /// </summary>
    internal static readonly double[]? Data = GlibcExactLogSinCos.IsSupported
        ? MappedLibm.FindTable([184.6649652337873, -0.005415212348111709], DataLength, IsExpData)
        : null;

    // The scalar constants, broadcast once (static readonly vectors are constants to the optimising JIT).
    private static readonly Vector256<double> s_invLn2N = Broadcast(InvLn2N);
    private static readonly Vector256<double> s_negLn2HiN = Broadcast(NegLn2HiN);
    private static readonly Vector256<double> s_negLn2LoN = Broadcast(NegLn2LoN);
    private static readonly Vector256<double> s_c2 = Broadcast(Poly);
    private static readonly Vector256<double> s_c3 = Broadcast(Poly + 1);
    private static readonly Vector256<double> s_c4 = Broadcast(Poly + 2);
    private static readonly Vector256<double> s_c5 = Broadcast(Poly + 3);
    private static readonly Vector256<double> s_shift = Broadcast(Shift);

    /// <summary>
    /// AVX2 and FMA (so glibc runs its FMA build), glibc's data found in this process, and the self-check passed:
    /// <see cref="Exp"/> then returns <see cref="Math.Exp(double)"/>'s bits on every lane of its domain.
    /// </summary>
    internal static bool IsSupported { get; } = Data is not null && SelfCheck();

    /// <summary>
    /// e^x per lane, glibc's bits, for |x| &lt; 512 (where <paramref name="inDomain"/> is all ones); other lanes hold
    /// no meaningful value. Only while <see cref="IsSupported"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Exp(Vector256<double> x, out Vector256<double> inDomain) =>
        Inline(x, default, hasTail: false, out inDomain);

    /// <summary>
    /// glibc's <c>exp_inline</c> (sign bias 0): e^(x + <paramref name="xtail"/>) where <paramref name="hasTail"/>
    /// (pow's ending), e^x otherwise (exp itself, which never adds the tail). <paramref name="inDomain"/> is all ones
    /// where |x| &lt; 512.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static unsafe Vector256<double> Inline(Vector256<double> x, Vector256<double> xtail, bool hasTail, out Vector256<double> inDomain)
    {
        Vector256<long> abstop = (x.AsInt64() >>> 52) & Vector256.Create(0x7FFL);
        Vector256<long> fromTiny = abstop - Vector256.Create(TinyTop);
        Vector256<double> tiny = Vector256.LessThan(fromTiny, Vector256<long>.Zero).AsDouble();
        Vector256<double> fast = Vector256.LessThan(fromTiny, Vector256.Create(FastTopSpan)).AsDouble() & ~tiny;

        // kd = round(x 128 / ln2) by the shift (the product and the sum one FMA), r = x - kd ln2 / 128 in two FMAs.
        Vector256<double> shifted = Fma.MultiplyAdd(x, s_invLn2N, s_shift);
        Vector256<ulong> ki = shifted.AsUInt64();
        Vector256<double> kd = shifted - s_shift;
        Vector256<double> r = Fma.MultiplyAdd(kd, s_negLn2LoN, Fma.MultiplyAdd(kd, s_negLn2HiN, x));
        if (hasTail)
        {
            r = xtail + r;
        }

        // An entry is (tail, scale bits), 16 bytes: four loads and an unpack, which AMD's cores run faster than two gathers.
        Vector256<ulong> index = (ki & Vector256.Create(127UL)) << 1;
        Vector256<double> tail;
        Vector256<ulong> sbits;
        fixed (double* table = &Data![Table])
        {
            Vector256<double> even = Vector256.Create(Vector128.Load(table + index.GetElement(0)), Vector128.Load(table + index.GetElement(2)));
            Vector256<double> odd = Vector256.Create(Vector128.Load(table + index.GetElement(1)), Vector128.Load(table + index.GetElement(3)));
            tail = Avx.UnpackLow(even, odd);
            sbits = Avx.UnpackHigh(even, odd).AsUInt64() + (ki << 45);
        }

        Vector256<double> r2 = r * r;
        Vector256<double> low = Fma.MultiplyAdd(Fma.MultiplyAdd(r, s_c3, s_c2), r2, tail + r);
        Vector256<double> tmp = Fma.MultiplyAdd(Fma.MultiplyAdd(r, s_c5, s_c4), r2 * r2, low);
        Vector256<double> scale = sbits.AsDouble();
        Vector256<double> result = Fma.MultiplyAdd(scale, tmp, scale);

        inDomain = fast | tiny;
        return Vector256.ConditionalSelect(tiny, Vector256.Create(1.0) + x, result);
    }

    private static Vector256<double> Broadcast(int index) => Data is null ? default : Vector256.Create(Data[index]);

    /// <summary>glibc's data, not something else that starts with 128 / ln2: the shift, the polynomial and each 2^(i/128).</summary>
    private static bool IsExpData(double[] data)
    {
        if (data[Shift] != 6755399441055744.0 || !(Math.Abs(data[Poly] - 0.5) < 1e-12) || !(Math.Abs(data[Poly + 1] - (1.0 / 6)) < 1e-12)
            || !(Math.Abs(data[NegLn2HiN] + data[NegLn2LoN] + (Math.Log(2) / 128)) < 1e-17))
        {
            return false;
        }

        for (int i = 0; i < 128; i++)
        {
            double tail = data[Table + (2 * i)];
            double scale = BitConverter.UInt64BitsToDouble(BitConverter.DoubleToUInt64Bits(data[Table + (2 * i) + 1]) + ((ulong)i << 45));
            if (!(Math.Abs(tail) < 1e-16 && Math.Abs((scale / Math.Pow(2, i / 128.0)) - 1) < 1e-15))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <see cref="Exp"/> against <see cref="Math.Exp(double)"/>: 0, both ends of the tiny range and of 512, each
    /// table entry's rounding boundary, and a fixed pseudo-random spread over (-512, 512) and over the arguments
    /// NumPy's bulk callers pass (log-normal exponents, -E of the legacy power).
    /// </summary>
    private static bool SelfCheck()
    {
        var inputs = new List<double> { 0.0, -0.0, 1.0, -1.0, Math.Log(2), Math.ScaleB(1.0, -54), -Math.ScaleB(1.0, -54), Math.ScaleB(1.0, -60), 511.99, -511.99, 709.7, -745.0 };
        foreach (double edge in (double[])[Math.ScaleB(1.0, -54), 512.0])
        {
            for (long step = -3; step <= 3; step++)
            {
                double near = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(edge) + step);
                inputs.Add(near);
                inputs.Add(-near);
            }
        }

        for (int k = -1024; k <= 1024; k++)
        {
            // x where x 128 / ln2 is half-way between two integers: the rounding of kd, and both neighbouring entries.
            double x = (k + 0.5) * Math.Log(2) / 128;
            inputs.Add(x);
            inputs.Add(Math.BitIncrement(x));
            inputs.Add(Math.BitDecrement(x));
        }

        IEnumerable<double> units = GlibcSelfCheck.UnitDoubles(0x5DEECE66D, 8192);
        inputs.AddRange(units.Select(u => (u - 0.5) * 1024));
        inputs.AddRange(units.Select(u => -40 * u));
        inputs.AddRange(units.Select(u => (u - 0.5) * 8));
        return GlibcSelfCheck.AgreesInDomain(
            inputs.ConvertAll(x => (x, 0.0)), (x, _) => (Exp(x, out Vector256<double> inDomain), inDomain), (x, _) => Math.Exp(x));
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using static OneSeed.Distributions.GlibcExactTables;

namespace OneSeed.Distributions;

/// <summary>
/// Four logarithms, sines and cosines at once that return exactly what glibc's <c>log</c> and <c>sincos</c> (which
/// <see cref="Math.Log(double)"/> and <see cref="Math.SinCos(double)"/> call on Linux) return, or say for which lanes
/// they cannot promise it.
/// </summary>
/// <remarks>
/// <para>
/// The functions are not glibc's algorithms; they certify. Each value is computed as a double-double, hi + lo, with an
/// error below 0.015 ulp of the result, rounded to R = fl(hi + lo), and kept only when the remainder
/// (hi + lo) - R is at most <see cref="CertainRemainder"/> (7/16) of R's ulp. The true value then lies within
/// 0.4525 ulp of R and at least 0.5475 ulp from every other double, so any function whose error is below 0.5475 ulp
/// returns R. glibc's are below that on every input these callers pass: since 2.28 its <c>log</c> is
/// documented at 0.519 ulp and its <c>sin</c>/<c>cos</c> at 0.518 ulp (before 2.28 both were correctly rounded),
/// with or without FMA. About one lane in eight per function falls within the margin and is flagged; the caller
/// recomputes those with <see cref="Math.Log(double)"/> or <see cref="Math.SinCos(double)"/>, so the output is glibc's
/// bit for bit wherever the flags are honoured. The certificate holds only against a libm with such a bound, so
/// <see cref="IsSupported"/> requires glibc.
/// </para>
/// <para>
/// Reproducibility tier: exact (the same bits as glibc, and so as NumPy's and torch's calls of it on the same machine).
/// </para>
/// </remarks>
internal static class GlibcExactLogSinCos
{
    /// <summary>The largest remainder, as a fraction of R's ulp, that certifies R (7/16; see the remarks).</summary>
    internal const double CertainRemainder = 0.4375;

    /// <summary>
    /// AVX2 and FMA for the arithmetic, and glibc as the libm behind <see cref="Math.Log(double)"/>: the certificate
    /// assumes its error bound (musl's and Windows' sines are only bounded by one ulp).
    /// </summary>
    internal static bool IsSupported { get; } = Avx2.IsSupported && Fma.IsSupported && IsGlibc();

    /// <summary>1.5 * 2^52: adding it rounds a double below 2^51 in magnitude to an integer, left in the low bits.</summary>
    private static readonly Vector256<double> Shifter = Vector256.Create(6755399441055744.0);

    private static readonly Vector256<double> RemainderScale = Vector256.Create(CertainRemainder / (1L << 52));

    /// <summary>
    /// ln(x) per lane; <paramref name="certain"/> is all ones in the lanes whose result is glibc's. Lanes outside
    /// positive normal finite x are uncertain.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static unsafe Vector256<double> Log(Vector256<double> x, out Vector256<double> certain)
    {
        Vector256<ulong> ix = x.AsUInt64();
        Vector256<ulong> i = LogReduction(ix, out Vector256<double> z, out Vector256<double> kd);
        Vector256<double> invc, logcHi, logcLo;
        fixed (double* pInv = LogInverseCenter, pHi = LogCenterHi, pLo = LogCenterLo)
        {
            invc = Avx2.GatherVector256(pInv, i.AsInt64(), 8);
            logcHi = Avx2.GatherVector256(pHi, i.AsInt64(), 8);
            logcLo = Avx2.GatherVector256(pLo, i.AsInt64(), 8);
        }

        // r = z / c - 1 exactly as rh + rl: z * invc is the FMA pair, and its high part minus 1 is exact (Sterbenz).
        Vector256<double> ph = z * invc;
        Vector256<double> pl = Fma.MultiplyAdd(z, invc, -ph);
        Vector256<double> rh = TwoSum(ph - Vector256.Create(1.0), pl, out Vector256<double> rl);

        // log1p(r) - r to degree 10: |r| < 2^-7, so the rest is below 2^-70 relative.
        Vector256<double> q = Fma.MultiplyAdd(rh, Vector256.Create(-1.0 / 10), Vector256.Create(1.0 / 9));
        q = Fma.MultiplyAdd(q, rh, Vector256.Create(-1.0 / 8));
        q = Fma.MultiplyAdd(q, rh, Vector256.Create(1.0 / 7));
        q = Fma.MultiplyAdd(q, rh, Vector256.Create(-1.0 / 6));
        q = Fma.MultiplyAdd(q, rh, Vector256.Create(1.0 / 5));
        q = Fma.MultiplyAdd(q, rh, Vector256.Create(-1.0 / 4));
        q = Fma.MultiplyAdd(q, rh, Vector256.Create(1.0 / 3));
        q = Fma.MultiplyAdd(q, rh, Vector256.Create(-0.5));
        Vector256<double> poly = rh * rh * q;

        // k ln2 + log c + r in double-double; every part but the polynomial is exact or below 2^-100 relative.
        Vector256<double> s1 = TwoSum(kd * Vector256.Create(Ln2Hi), logcHi, out Vector256<double> e1);
        Vector256<double> hi = TwoSum(s1, rh, out Vector256<double> e2);
        Vector256<double> lo = e1 + e2 + Fma.MultiplyAdd(kd, Vector256.Create(Ln2Lo), logcLo) + Fma.MultiplyAddNegated(rh, rl, rl);
        lo += poly;

        Vector256<double> result = Round(hi, lo, out certain);
        certain &= IsPositiveNormal(ix);
        return result;
    }

    /// <summary>
    /// The reduction of glibc's <c>log</c>, which <see cref="GlibcLogFma"/> performs too: x = 2^k z with z in
    /// [OFF, 2 OFF) (OFF = asdouble(<see cref="LogOffset"/>)) and exact, and the subinterval of z (bits 45..51 of
    /// x - OFF), returned. <paramref name="k"/> is the top 12 bits of x - OFF as a signed number, converted without
    /// the 64-bit conversion AVX2 lacks: k + 2048 in the low bits of 2^52.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<ulong> LogReduction(Vector256<ulong> ix, out Vector256<double> z, out Vector256<double> k) =>
        LogReduction(ix, LogOffset, out z, out k);

    /// <summary>
    /// <see cref="LogReduction(Vector256{ulong}, out Vector256{double}, out Vector256{double})"/> with another offset:
    /// glibc's <c>pow</c> reduces its argument the same way around 0x3FE6955500000000 (<see cref="GlibcPowFma"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<ulong> LogReduction(Vector256<ulong> ix, ulong offset, out Vector256<double> z, out Vector256<double> k)
    {
        Vector256<ulong> tmp = ix - Vector256.Create(offset);
        z = (ix - (tmp & Vector256.Create(0xFFFUL << 52))).AsDouble();
        k = ((tmp >>> 52) ^ Vector256.Create(0x4330000000000800UL)).AsDouble() - Vector256.Create(4503599627372544.0);
        return (tmp >>> 45) & Vector256.Create((ulong)(LogIntervals - 1));
    }

    /// <summary>All ones in the lanes whose bits <paramref name="ix"/> are a positive normal finite double: the logarithms' domain.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> IsPositiveNormal(Vector256<ulong> ix) =>
        Vector256.LessThan(ix - Vector256.Create(0x0010000000000000UL), Vector256.Create(0x7FE0000000000000UL)).AsDouble();

    /// <summary>All ones in the lanes with 0 &lt;= x &lt; 8, the sines' and cosines' domain (by the bits: negative numbers and NaNs compare above 8's).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> InSinCosDomain(Vector256<double> x) =>
        Vector256.LessThan(x.AsUInt64(), Vector256.Create(BitConverter.DoubleToUInt64Bits(8.0))).AsDouble();

    /// <summary>
    /// sin(x) and cos(x) per lane for 0 &lt;= x &lt; 8; <paramref name="certain"/> is all ones in the lanes where both
    /// are glibc's. Lanes outside that range are uncertain.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static unsafe void SinCos(Vector256<double> x, out Vector256<double> sin, out Vector256<double> cos, out Vector256<double> certain)
    {
        // t = x - n pi/2 as th + tl. For n >= 1, x >= pi/4 is a multiple of 2^-53 and so is n * HalfPi1 (n < 8), and
        // their difference is below 1 in magnitude, so the FMA's d is exact; n * HalfPi2 is the FMA pair.
        // n = round(x 2/pi) in the low bits of 1.5 * 2^52 (any n with |t| <= pi/4 + tiny serves; the FMA's is one).
        Vector256<double> nShifted = Fma.MultiplyAdd(x, Vector256.Create(2 / Math.PI), Shifter);
        Vector256<double> n = nShifted - Shifter;
        Vector256<double> d = Fma.MultiplyAddNegated(n, Vector256.Create(HalfPi1), x);
        Vector256<double> p = n * Vector256.Create(HalfPi2);
        Vector256<double> pe = Fma.MultiplyAdd(n, Vector256.Create(HalfPi2), -p);
        Vector256<double> t0 = TwoSum(d, -p, out Vector256<double> e);
        Vector256<double> tl0 = Fma.MultiplyAddNegated(n, Vector256.Create(HalfPi3), e - pe);
        Vector256<double> th = FastTwoSum(t0, tl0, out Vector256<double> tl);

        // |t| = c + dh + dl with c = j / 64 from the table, |dh| <= 1/128; a - c is exact (Sterbenz).
        Vector256<double> signBit = Vector256.Create(-0.0);
        Vector256<double> tSign = th & signBit;
        Vector256<double> a = th ^ tSign;
        Vector256<double> al = tl ^ tSign;
        // j clamped, so that a lane outside the domain (even NaN: vminpd returns its second operand) reads inside the table.
        Vector256<double> jShifted = Avx.Min(a * SinCosSteps, Vector256.Create((double)(SinHi.Length - 1))) + Shifter;
        Vector256<double> jd = jShifted - Shifter;
        Vector256<double> dh = TwoSum(Fma.MultiplyAddNegated(jd, Vector256.Create(1.0 / SinCosSteps), a), al, out Vector256<double> dl);
        Vector256<long> j = (jShifted.AsUInt64() & Vector256.Create(63UL)).AsInt64();
        Vector256<double> sh, sl, ch, cl;
        fixed (double* pSh = SinHi, pSl = SinLo, pCh = CosHi, pCl = CosLo)
        {
            sh = Avx2.GatherVector256(pSh, j, 8);
            sl = Avx2.GatherVector256(pSl, j, 8);
            ch = Avx2.GatherVector256(pCh, j, 8);
            cl = Avx2.GatherVector256(pCl, j, 8);
        }

        // sin d - d and cos d - 1 for |d| <= 1/128 (the next terms are below 2^-61 and 2^-71).
        Vector256<double> d2 = dh * dh;
        Vector256<double> sinTail = Fma.MultiplyAdd(d2, Vector256.Create(-1.0 / 5040), Vector256.Create(1.0 / 120));
        sinTail = Fma.MultiplyAdd(sinTail, d2, Vector256.Create(-1.0 / 6)) * d2 * dh;
        Vector256<double> cosTail = Fma.MultiplyAdd(d2, Vector256.Create(-1.0 / 720), Vector256.Create(1.0 / 24));
        cosTail = Fma.MultiplyAdd(cosTail, d2, Vector256.Create(-0.5));
        cosTail = Fma.MultiplyAddNegated(dh, dl, cosTail * d2);

        // sin(c + d) = S + C d + S (cos d - 1) + C (sin d - d); cos(c + d) = C - S d + C (cos d - 1) - S (sin d - d).
        Vector256<double> sp = ch * dh;
        Vector256<double> spe = Fma.MultiplyAdd(ch, dh, -sp);
        Vector256<double> sinHi = TwoSum(sh, sp, out Vector256<double> se);
        Vector256<double> sinLo = se + spe + sl + Fma.MultiplyAdd(ch, dl, cl * dh);
        sinLo = Fma.MultiplyAdd(sh, cosTail, Fma.MultiplyAdd(ch, sinTail, sinLo));

        Vector256<double> cp = sh * dh;
        Vector256<double> cpe = Fma.MultiplyAdd(sh, dh, -cp);
        Vector256<double> cosHi = TwoSum(ch, -cp, out Vector256<double> ce);
        Vector256<double> cosLo = ce - cpe + cl - Fma.MultiplyAdd(sh, dl, sl * dh);
        cosLo = Fma.MultiplyAdd(ch, cosTail, Fma.MultiplyAddNegated(sh, sinTail, cosLo));

        // Back from |t| to t (sine is odd), then the quadrant: n = 1 gives (cos, -sin), 2 (-sin, -cos), 3 (-cos, sin).
        sinHi ^= tSign;
        sinLo ^= tSign;
        // The quadrant's bits move to the sign bit: bit 0 selects (vblendvpd reads only the sign), bit 1 negates.
        Vector256<ulong> quadrant = nShifted.AsUInt64();
        Vector256<double> swap = (quadrant << 63).AsDouble();
        Vector256<double> sinNegate = (quadrant << 62).AsDouble() & signBit;
        Vector256<double> cosNegate = ((quadrant + Vector256<ulong>.One) << 62).AsDouble() & signBit;
        Vector256<double> outSinHi = Avx.BlendVariable(sinHi, cosHi, swap) ^ sinNegate;
        Vector256<double> outSinLo = Avx.BlendVariable(sinLo, cosLo, swap) ^ sinNegate;
        Vector256<double> outCosHi = Avx.BlendVariable(cosHi, sinHi, swap) ^ cosNegate;
        Vector256<double> outCosLo = Avx.BlendVariable(cosLo, sinLo, swap) ^ cosNegate;

        sin = Round(outSinHi, outSinLo, out Vector256<double> sinCertain);
        cos = Round(outCosHi, outCosLo, out Vector256<double> cosCertain);
        certain = sinCertain & cosCertain & InSinCosDomain(x);
    }

    /// <summary>The lanes (bits 0-3) that a <c>certain</c> mask of <see cref="Log"/> or <see cref="SinCos"/> leaves to glibc.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint UncertainLanes(Vector256<double> certain) => ~certain.ExtractMostSignificantBits() & 0xF;

    /// <summary>
    /// R = fl(hi + lo) (|lo| far below |hi|), and whether (hi + lo) - R is within <see cref="CertainRemainder"/> of R's
    /// ulp. The ulp is the one below |R| (the smaller at a power of two); R = 0 is never certain.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Round(Vector256<double> hi, Vector256<double> lo, out Vector256<double> certain)
    {
        Vector256<double> r = hi + lo;
        Vector256<double> remainder = lo - (r - hi);
        Vector256<ulong> below = (Vector256.Abs(r).AsUInt64() - Vector256<ulong>.One) & Vector256.Create(0x7FF0000000000000UL);
        certain = Vector256.LessThanOrEqual(Vector256.Abs(remainder), below.AsDouble() * RemainderScale)
            & ~Vector256.Equals(r, Vector256<double>.Zero);
        return r;
    }

    /// <summary>Knuth's two-sum: a + b = s + err exactly, whatever the magnitudes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> TwoSum(Vector256<double> a, Vector256<double> b, out Vector256<double> err)
    {
        Vector256<double> s = a + b;
        Vector256<double> bb = s - a;
        err = (a - (s - bb)) + (b - bb);
        return s;
    }

    /// <summary>Dekker's fast two-sum, for |a| &gt;= |b|.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> FastTwoSum(Vector256<double> a, Vector256<double> b, out Vector256<double> err)
    {
        Vector256<double> s = a + b;
        err = b - (s - a);
        return s;
    }

    private static bool IsGlibc()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        // gnu_get_libc_version exists only in glibc; musl and other libcs do not export it.
        return NativeLibrary.TryLoad("libc.so.6", out IntPtr libc) && NativeLibrary.TryGetExport(libc, "gnu_get_libc_version", out _);
    }
}

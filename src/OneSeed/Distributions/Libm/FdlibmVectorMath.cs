using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OneSeed.Distributions;

/// <summary>
/// <see cref="FdlibmMath.Expm1"/> four lanes at a time: the same IEEE operations in the same order (its fused
/// multiply-adds, read from glibc's <c>__expm1_fma</c>, as hardware FMAs), on all lanes, with what each branch would
/// have returned selected per lane. Its bits are <see cref="FdlibmMath.Expm1"/>'s, and so glibc's on x86-64 with FMA.
/// </summary>
/// <remarks>
/// Lanes with |x| &gt;= 709.78 (overflow, infinities) and NaN are outside the domain and left to the caller. Needs AVX2
/// and FMA (<see cref="IsSupported"/>); unlike the glibc transcriptions it reads nothing from the C library.
/// Reproducibility tier: stable (the scalar function's bits, on every CPU where it runs).
/// </remarks>
internal static class FdlibmVectorMath
{
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double InvLn2 = 1.44269504088896338700e+00;
    private const double Q1 = -3.33333333333331316428e-02;
    private const double Q2 = 1.58730158725481460165e-03;
    private const double Q3 = -7.93650757867487942473e-05;
    private const double Q4 = 4.00821782732936239552e-06;
    private const double Q5 = -2.01099218183624371326e-07;

    /// <summary>AVX2 and FMA: the operations <see cref="Expm1"/> performs.</summary>
    internal static bool IsSupported { get; } = Avx2.IsSupported && Fma.IsSupported;

    /// <summary>
    /// e^x - 1 per lane, <see cref="FdlibmMath.Expm1"/>'s bits where <paramref name="inDomain"/> is all ones (|x| &lt;
    /// 709.78); other lanes hold no meaningful value. Only while <see cref="IsSupported"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Expm1(Vector256<double> x, out Vector256<double> inDomain)
    {
        Vector256<long> hx = (x.AsInt64() >>> 32) & Vector256.Create(0x7FFFFFFFL);
        Vector256<double> negative = Vector256.LessThan(x.AsInt64(), Vector256<long>.Zero).AsDouble();
        Vector256<double> one = Vector256<double>.One;
        Vector256<double> half = Vector256.Create(0.5);

        // Reduction, x = k ln2 + (r + c): k = ±1 below 1.5 ln2 without the multiply, else rounded (the product unfused).
        Vector256<double> nearOne = Vector256.LessThan(hx, Vector256.Create(0x3FF0A2B2L)).AsDouble();
        Vector256<double> reduced = Vector256.GreaterThan(hx, Vector256.Create(0x3FD62E42L)).AsDouble();
        Vector256<double> rounding = Vector256.ConditionalSelect(negative, -half, half);
        Vector128<int> k32 = Avx.ConvertToVector128Int32WithTruncation((Vector256.Create(InvLn2) * x) + rounding);
        Vector256<double> t = Avx.ConvertToVector256Double(k32);
        Vector256<double> hiFar = Fma.MultiplyAddNegated(t, Vector256.Create(Ln2Hi), x);
        Vector256<double> loFar = t * Vector256.Create(Ln2Lo);
        Vector256<double> hiNear = Vector256.ConditionalSelect(negative, x + Vector256.Create(Ln2Hi), x - Vector256.Create(Ln2Hi));
        Vector256<double> loNear = Vector256.ConditionalSelect(negative, Vector256.Create(-Ln2Lo), Vector256.Create(Ln2Lo));
        Vector256<double> hi = Vector256.ConditionalSelect(nearOne, hiNear, hiFar);
        Vector256<double> lo = Vector256.ConditionalSelect(nearOne, loNear, loFar);
        Vector256<long> kNear = Vector256.ConditionalSelect(negative.AsInt64(), Vector256.Create(-1L), Vector256.Create(1L));
        Vector256<long> k = Vector256.ConditionalSelect(
            reduced.AsInt64(), Vector256.ConditionalSelect(nearOne.AsInt64(), kNear, Avx2.ConvertToVector256Int64(k32)), Vector256<long>.Zero);
        Vector256<double> xr = hi - lo;
        Vector256<double> c = Vector256.ConditionalSelect(reduced, (hi - xr) - lo, Vector256<double>.Zero);
        Vector256<double> r0 = Vector256.ConditionalSelect(reduced, xr, x);

        // The rational function, with the scalar's fusions.
        Vector256<double> hfx = half * r0;
        Vector256<double> hxs = r0 * hfx;
        Vector256<double> r1 = Fma.MultiplyAdd(hxs, Vector256.Create(Q1), one);
        Vector256<double> r2 = Fma.MultiplyAdd(hxs, Vector256.Create(Q3), Vector256.Create(Q2));
        Vector256<double> r3 = Fma.MultiplyAdd(hxs, Vector256.Create(Q5), Vector256.Create(Q4));
        Vector256<double> h2 = hxs * hxs;
        Vector256<double> h4 = h2 * h2;
        Vector256<double> r = Fma.MultiplyAdd(h4, r3, Fma.MultiplyAdd(h2, r2, r1));
        Vector256<double> t3 = Fma.MultiplyAddNegated(r, hfx, Vector256.Create(3.0));
        Vector256<double> e = hxs * ((r - t3) / Fma.MultiplyAddNegated(r0, t3, Vector256.Create(6.0)));
        Vector256<double> kZero = r0 - Fma.MultiplySubtract(r0, e, hxs);

        Vector256<double> ec = Fma.MultiplySubtract(r0, e - c, c) - hxs;
        Vector256<double> kMinusOne = Fma.MultiplySubtract(half, r0 - ec, half);
        Vector256<double> kOne = Vector256.ConditionalSelect(
            Vector256.LessThan(r0, Vector256.Create(-0.25)),
            Vector256.Create(-2.0) * (ec - (r0 + half)),
            Fma.MultiplyAdd(r0 - ec, Vector256.Create(2.0), one));

        // Scaling by 2^k: k added to the exponent field of the high word (wrapping as glibc's 32-bit add does).
        Vector256<ulong> scale = (k << 52).AsUInt64();
        Vector256<double> yFar = one - (ec - r0);
        Vector256<double> far = (yFar.AsUInt64() + scale).AsDouble() - one;
        Vector256<ulong> oneMinusTwoToMinusK = (Vector256.Create(0x3FF00000UL) - Avx2.ShiftRightLogicalVariable(Vector256.Create(0x200000UL), k.AsUInt64())) << 32;
        Vector256<double> small = ((oneMinusTwoToMinusK.AsDouble() - (ec - r0)).AsUInt64() + scale).AsDouble();
        Vector256<double> twoToMinusK = ((Vector256.Create(0x3FFL) - k) << 52).AsDouble();
        Vector256<double> large = (((r0 - (ec + twoToMinusK)) + one).AsUInt64() + scale).AsDouble();

        Vector256<double> result = Vector256.ConditionalSelect(Vector256.LessThan(k, Vector256.Create(20L)).AsDouble(), small, large);
        result = Vector256.ConditionalSelect(
            (Vector256.LessThanOrEqual(k, Vector256.Create(-2L)) | Vector256.GreaterThan(k, Vector256.Create(56L))).AsDouble(), far, result);
        result = Vector256.ConditionalSelect(Vector256.Equals(k, Vector256.Create(1L)).AsDouble(), kOne, result);
        result = Vector256.ConditionalSelect(Vector256.Equals(k, Vector256.Create(-1L)).AsDouble(), kMinusOne, result);
        result = Vector256.ConditionalSelect(Vector256.Equals(k, Vector256<long>.Zero).AsDouble(), kZero, result);

        // |x| < 2^-54 returns x; x <= -56 ln2 returns -1; |x| >= 709.78 (and NaN) is the caller's.
        result = Vector256.ConditionalSelect(Vector256.LessThan(hx, Vector256.Create(0x3C900000L)).AsDouble(), x, result);
        result = Vector256.ConditionalSelect(
            negative & Vector256.GreaterThanOrEqual(hx, Vector256.Create(0x4043687AL)).AsDouble(), Vector256.Create(-1.0), result);
        inDomain = Vector256.LessThan(hx, Vector256.Create(0x40862E42L)).AsDouble();
        return result;
    }
}

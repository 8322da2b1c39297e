using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OneSeed.Distributions;

/// <summary>
/// <see cref="FdlibmMath.Expm1"/> and <see cref="FdlibmMath.Log1p"/> four lanes at a time: the same IEEE operations in
/// the same order (their fused multiply-adds, read from glibc's <c>__expm1_fma</c> and <c>__log1p_fma</c>, as hardware
/// FMAs), on all lanes, with what each branch would have returned selected per lane. Their bits are the scalar
/// functions', and so glibc's on x86-64 with FMA.
/// </summary>
/// <remarks>
/// Lanes outside each function's domain (overflow, infinities, NaN) are left to the caller. Needs AVX2
/// and FMA (<see cref="IsSupported"/>); unlike the glibc transcriptions it reads nothing from the C library.
/// The constants are <see cref="FdlibmMath"/>'s own, so the two forms cannot drift apart.
/// Reproducibility tier: stable (the scalar function's bits, on every CPU where it runs).
/// </remarks>
internal static class FdlibmVectorMath
{
    /// <summary>AVX2 and FMA: the operations <see cref="Expm1"/> and <see cref="Log1p"/> perform.</summary>
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
        Vector128<int> k32 = Avx.ConvertToVector128Int32WithTruncation((Vector256.Create(FdlibmMath.InvLn2) * x) + rounding);
        Vector256<double> t = Avx.ConvertToVector256Double(k32);
        Vector256<double> hiFar = Fma.MultiplyAddNegated(t, Vector256.Create(FdlibmMath.Ln2Hi), x);
        Vector256<double> loFar = t * Vector256.Create(FdlibmMath.Ln2Lo);
        Vector256<double> hiNear = Vector256.ConditionalSelect(negative, x + Vector256.Create(FdlibmMath.Ln2Hi), x - Vector256.Create(FdlibmMath.Ln2Hi));
        Vector256<double> loNear = Vector256.ConditionalSelect(negative, Vector256.Create(-FdlibmMath.Ln2Lo), Vector256.Create(FdlibmMath.Ln2Lo));
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
        Vector256<double> r1 = Fma.MultiplyAdd(hxs, Vector256.Create(FdlibmMath.Q1), one);
        Vector256<double> r2 = Fma.MultiplyAdd(hxs, Vector256.Create(FdlibmMath.Q3), Vector256.Create(FdlibmMath.Q2));
        Vector256<double> r3 = Fma.MultiplyAdd(hxs, Vector256.Create(FdlibmMath.Q5), Vector256.Create(FdlibmMath.Q4));
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

    /// <summary>
    /// ln(1 + x) per lane, <see cref="FdlibmMath.Log1p"/>'s bits where <paramref name="inDomain"/> is all ones
    /// (-1 &lt; x &lt; 2^53); other lanes hold no meaningful value. Only while <see cref="IsSupported"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Log1p(Vector256<double> x, out Vector256<double> inDomain)
    {
        Vector256<long> hx = x.AsInt64() >> 32;
        Vector256<long> ax = hx & Vector256.Create(0x7FFFFFFFL);
        Vector256<double> one = Vector256<double>.One;

        // Without reduction (k = 0, f = x) for -0.2929 < x < 0.41422.
        Vector256<double> unreduced = (Vector256.LessThan(hx, Vector256.Create(0x3FDA827AL))
            & (Vector256.GreaterThan(hx, Vector256<long>.Zero) | Vector256.LessThanOrEqual(hx, Vector256.Create((long)unchecked((int)0xBFD2BEC3))))).AsDouble();

        // Else u = 1 + x = 2^k (1 + f) with f in [sqrt(2)/2 - 1, sqrt(2) - 1), and c the rounding error of 1 + x over u.
        Vector256<double> u = one + x;
        Vector256<ulong> ubits = u.AsUInt64();
        Vector256<double> k = ((ubits >>> 52) | Vector256.Create(0x4330000000000000UL)).AsDouble() - Vector256.Create(4503599627370496.0 + 1023);
        Vector256<double> c = Vector256.ConditionalSelect(Vector256.GreaterThan(k, Vector256<double>.Zero), one - (u - x), x - (u - one)) / u;
        Vector256<long> hu = (ubits >>> 32).AsInt64() & Vector256.Create(0x000FFFFFL);
        Vector256<double> below = Vector256.LessThan(hu, Vector256.Create(0x6A09EL)).AsDouble();
        Vector256<ulong> low = ubits & Vector256.Create(0xFFFFFFFFUL);
        Vector256<double> normalised = Vector256.ConditionalSelect(
            below, (low | ((hu | Vector256.Create(0x3FF00000L)).AsUInt64() << 32)).AsDouble(), (low | ((hu | Vector256.Create(0x3FE00000L)).AsUInt64() << 32)).AsDouble());
        k = Vector256.ConditionalSelect(below, k, k + one);
        hu = Vector256.ConditionalSelect(below.AsInt64(), hu, (Vector256.Create(0x00100000L) - hu) >> 2);
        Vector256<double> f = Vector256.ConditionalSelect(unreduced, x, normalised - one);
        k = Vector256.ConditionalSelect(unreduced, Vector256<double>.Zero, k);
        c = Vector256.ConditionalSelect(unreduced, Vector256<double>.Zero, c);
        Vector256<double> fSmall = Vector256.ConditionalSelect(unreduced.AsInt64(), Vector256<long>.Zero, Vector256.Equals(hu, Vector256<long>.Zero)).AsDouble();
        Vector256<double> kZero = Vector256.Equals(k, Vector256<double>.Zero);

        Vector256<double> hfsq = Vector256.Create(0.5) * f * f;
        Vector256<double> ln2Hi = Vector256.Create(FdlibmMath.Ln2Hi), kc = Fma.MultiplyAdd(k, Vector256.Create(FdlibmMath.Ln2Lo), c);

        // |f| < 2^-20: the short series.
        Vector256<double> r0 = hfsq * Fma.MultiplyAdd(-f, Vector256.Create(0.66666666666666666), one);
        Vector256<double> shortSeries = Vector256.ConditionalSelect(kZero, f - r0, Fma.MultiplyAdd(k, ln2Hi, -((r0 - kc) - f)));
        shortSeries = Vector256.ConditionalSelect(Vector256.Equals(f, Vector256<double>.Zero), Fma.MultiplyAdd(k, ln2Hi, kc) & ~kZero, shortSeries);

        // The rational series in s = f / (2 + f), as GCC contracts it (FdlibmMath.Log1p).
        Vector256<double> s = f / (Vector256.Create(2.0) + f);
        Vector256<double> z = s * s;
        Vector256<double> r2 = Fma.MultiplyAdd(z, Vector256.Create(FdlibmMath.Lp3), Vector256.Create(FdlibmMath.Lp2));
        Vector256<double> r3 = Fma.MultiplyAdd(z, Vector256.Create(FdlibmMath.Lp5), Vector256.Create(FdlibmMath.Lp4));
        Vector256<double> r4 = Fma.MultiplyAdd(z, Vector256.Create(FdlibmMath.Lp7), Vector256.Create(FdlibmMath.Lp6));
        Vector256<double> z2 = z * z;
        Vector256<double> z4 = z2 * z2;
        Vector256<double> z6 = z4 * z2;
        Vector256<double> r = Fma.MultiplyAdd(z, Vector256.Create(FdlibmMath.Lp1), z2 * r2);
        r = Fma.MultiplyAdd(z4, r3, r);
        r = Fma.MultiplyAdd(z6, r4, r);
        Vector256<double> q = s * (hfsq + r);
        Vector256<double> series = Vector256.ConditionalSelect(kZero, f - (hfsq - q), Fma.MultiplyAdd(k, ln2Hi, -((hfsq - (q + kc)) - f)));
        Vector256<double> result = Vector256.ConditionalSelect(fSmall, shortSeries, series);

        // |x| < 2^-29: x itself below 2^-54, else x - x²/2 fused.
        Vector256<double> tiny = Vector256.ConditionalSelect(
            Vector256.LessThan(ax, Vector256.Create(0x3C900000L)).AsDouble(), x, Fma.MultiplyAdd(-(x * x), Vector256.Create(0.5), x));
        result = Vector256.ConditionalSelect(Vector256.LessThan(ax, Vector256.Create(0x3E200000L)).AsDouble(), tiny, result);
        inDomain = ((Vector256.LessThan(hx, Vector256<long>.Zero) & Vector256.LessThan(ax, Vector256.Create(0x3FF00000L)))
            | (Vector256.GreaterThanOrEqual(hx, Vector256<long>.Zero) & Vector256.LessThan(hx, Vector256.Create(0x43400000L)))).AsDouble();
        return result;
    }
}

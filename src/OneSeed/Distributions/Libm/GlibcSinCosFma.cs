// SPDX-License-Identifier: LGPL-2.1-or-later
// A transcription of the GNU C Library's sincos (IBM Accurate Mathematical Library), and so under glibc's licence,
// not OneSeed's MIT licence: see LICENSE, LICENSES/LGPL-2.1.txt and THIRD-PARTY-NOTICES.md. Copyright (C) 2001-2022
// Free Software Foundation, Inc.; IBM Accurate Mathematical Library, written by International Business Machines Corp.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OneSeed.Distributions;

/// <summary>
/// Four sines and cosines at once, computed the way glibc's <c>sincos</c> computes them on x86-64 with FMA, so that
/// every lane has the bits <see cref="Math.SinCos(double)"/> returns, without the uncertain lanes of
/// <see cref="GlibcExactLogSinCos.SinCos"/>.
/// </summary>
/// <remarks>
/// <para>
/// glibc (2.28 and later) picks its <c>__sincos_fma</c> build on CPUs with AVX2 and FMA. That function evaluates IBM's
/// table-driven sine and cosine: the angle goes to a + da by one of three reductions (none below 0.85546875, π/2 - x
/// below 2.426265, a multiple of π/2 above), then sin(a + da) and cos(a + da) come from the table entry at
/// round(|a| 128) plus short polynomials (a Taylor series for the sine when |a| &lt; 0.126). This type performs the
/// same IEEE operations in the same order, with the fused multiply-adds where that build has them (read from its
/// machine code), on all lanes, and selects per lane what the branches would have taken.
/// </para>
/// <para>
/// The constants are the decimal literals of glibc's source rounded to double. The table is not one OneSeed can
/// rebuild: its low parts are not all correctly rounded, and glibc's bits depend on them. It is therefore read from
/// the libm mapped into this process (found by its first entries, checked entry by entry against the sine and
/// cosine it tabulates), and the whole function is then checked against <see cref="Math.SinCos(double)"/> on a
/// fixed set of angles covering every path. Only if all of that holds is <see cref="IsSupported"/> true; a libm of
/// another algorithm, another build or another table leaves it false, and callers keep the certified path.
/// </para>
/// <para>Reproducibility tier: exact (glibc's bits, and so torch's calls of it on the same machine).</para>
/// </remarks>
internal static class GlibcSinCosFma
{
    // glibc's dbl-64 constants (usncs.h, s_sin.c): pi/2 in two parts, the table shifter 1.5 * 2^45 (its ulp is
    // 1/128), the polynomial coefficients, and the reduction's 2/pi, 1.5 * 2^52 and pi/2 in four parts.
    private const double Hp0 = 1.5707963267948966;
    private const double Hp1 = 6.123233995736766e-17;
    private const double Big = 52776558133248.0;
    private const double Sn3 = -1.66666666666664880952546298448555E-01;
    private const double Sn5 = 8.33333214285722277379541354343671E-03;
    private const double Cs2 = 0.5;
    private const double Cs4 = -4.16666666666664434524222570944589E-02;
    private const double Cs6 = 1.38888874007937613028114285595617E-03;
    private const double S1 = -0.16666666666666666;
    private const double S2 = 0.008333333333332329;
    private const double S3 = -0.00019841269834414642;
    private const double S4 = 2.755729806860771e-06;
    private const double S5 = -2.5022014848318398e-08;
    private const double TaylorBelow = 0.126;
    private const double HpInv = 0.6366197723675814;
    private const double ToInt = 6755399441055744.0;
    private const double Mp1 = 1.5707963407039642;
    private const double Mp2 = -1.3909067564377153e-08;
    private const double Pp3 = -4.97899623147991e-17;
    private const double Pp4 = -1.9034889620193266e-25;

    /// <summary>glibc's ranges by the bits of x: below 2^-27 sin = x and cos = 1, below 0.85546875 no reduction, below 2.426265 pi/2 - x.</summary>
    private const ulong TinyBits = 0x3E40000000000000;
    private const ulong NoReductionBits = 0x3FEB600000000000;
    private const ulong HalfPiReflectionBits = 0x400368FD00000000;

    /// <summary>The table's entries: (sin, its remainder, cos, its remainder) of i / 128 for i = 0..109.</summary>
    private const int TableEntries = 110;

    private static readonly double[]? s_table = LocateTable();

    /// <summary>
    /// AVX2 and FMA (so glibc runs its FMA build), glibc's table found in this process, and the self-check passed:
    /// <see cref="SinCos"/> then returns <see cref="Math.SinCos(double)"/>'s bits on every lane of its domain.
    /// </summary>
    internal static bool IsSupported { get; } = s_table is not null && SelfCheck();

    /// <summary>
    /// sin(x) and cos(x) per lane, glibc's bits, for 0 &lt;= x &lt; 8 (where <paramref name="inDomain"/> is all ones);
    /// other lanes hold no meaningful value. Only while <see cref="IsSupported"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static unsafe void SinCos(Vector256<double> x, out Vector256<double> sin, out Vector256<double> cos, out Vector256<double> inDomain)
    {
        Vector256<ulong> bits = x.AsUInt64();
        Vector256<double> signBit = Vector256.Create(-0.0);

        // Above 2.426265, reduce_sincos: n = round(x 2/pi), a + da = x - n pi/2; n = 1, 2 negate a and da.
        Vector256<double> t = Fma.MultiplyAdd(x, Vector256.Create(HpInv), Vector256.Create(ToInt));
        Vector256<double> xn = t - Vector256.Create(ToInt);
        Vector256<double> y = Fma.MultiplyAddNegated(xn, Vector256.Create(Mp2), Fma.MultiplyAddNegated(xn, Vector256.Create(Mp1), x));
        Vector256<double> t2 = Fma.MultiplyAddNegated(xn, Vector256.Create(Pp3), y);
        Vector256<double> reducedLow = Fma.MultiplyAddNegated(xn, Vector256.Create(Pp3), y - t2);
        Vector256<double> reduced = Fma.MultiplyAddNegated(xn, Vector256.Create(Pp4), t2);
        reducedLow += Fma.MultiplyAddNegated(xn, Vector256.Create(Pp4), t2 - reduced);
        Vector256<ulong> n = t.AsUInt64() & Vector256.Create(3UL);
        Vector256<double> negate = Vector256.LessThan(n - Vector256<ulong>.One, Vector256.Create(2UL)).AsDouble() & signBit;

        // Between 0.85546875 and 2.426265: a + da = (pi/2 - x), sin x = cos a and cos x = sin a.
        Vector256<double> reflected = Vector256.Create(Hp0) - x;
        Vector256<double> reflectedHigh = reflected + Vector256.Create(Hp1);
        Vector256<double> reflectedLow = (reflected - reflectedHigh) + Vector256.Create(Hp1);

        Vector256<double> unreduced = Vector256.LessThan(bits, Vector256.Create(NoReductionBits)).AsDouble();
        Vector256<double> halfPi = Vector256.LessThan(bits, Vector256.Create(HalfPiReflectionBits)).AsDouble() & ~unreduced;
        Vector256<double> quadrant = ~(unreduced | halfPi);
        Vector256<double> a = Vector256.ConditionalSelect(unreduced, x, Vector256.ConditionalSelect(halfPi, reflectedHigh, reduced ^ negate));
        Vector256<double> da = Vector256.ConditionalSelect(unreduced, Vector256<double>.Zero, Vector256.ConditionalSelect(halfPi, reflectedLow, reducedLow ^ negate));

        // The table entry at round(|a| 128), read as glibc's SINCOS_TABLE_LOOKUP does, and the distance xr from it.
        Vector256<double> absA = Vector256.Abs(a);
        Vector256<double> shifted = absA + Vector256.Create(Big);
        Vector256<double> xr = absA - (shifted - Vector256.Create(Big));
        Vector256<long> entry = ((shifted.AsUInt64() & Vector256.Create(0xFFFFFFFFUL)) << 2).AsInt64();
        Vector256<double> sn, ssn, cs, ccs;
        fixed (double* table = s_table)
        {
            sn = Avx2.GatherVector256(table, entry, 8);
            ssn = Avx2.GatherVector256(table + 1, entry, 8);
            cs = Avx2.GatherVector256(table + 2, entry, 8);
            ccs = Avx2.GatherVector256(table + 3, entry, 8);
        }

        // do_sin(a, da): the Taylor series below 0.126, else the table, with the sign of a.
        Vector256<double> aa = a * a;
        Vector256<double> poly = Fma.MultiplyAdd(aa, Vector256.Create(S5), Vector256.Create(S4));
        poly = Fma.MultiplyAdd(poly, aa, Vector256.Create(S3));
        poly = Fma.MultiplyAdd(poly, aa, Vector256.Create(S2));
        poly = Fma.MultiplyAdd(poly, aa, Vector256.Create(S1));
        Vector256<double> sinTaylor = a + Fma.MultiplyAdd(aa, Fma.MultiplySubtract(poly, a, da * Vector256.Create(0.5)), da);
        Vector256<double> sinDa = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(a, Vector256<double>.Zero), -da, da);
        Vector256<double> xx = xr * xr;
        Vector256<double> s = Fma.MultiplyAdd(xr * xx, Fma.MultiplyAdd(xx, Vector256.Create(Sn5), Vector256.Create(Sn3)), sinDa) + xr;
        Vector256<double> c = Fma.MultiplyAdd(sinDa, xr, xx * CosPolynomial(xx));
        Vector256<double> cor = Fma.MultiplyAdd(s, cs, Fma.MultiplyAddNegated(c, sn, Fma.MultiplyAdd(ccs, s, ssn)));
        Vector256<double> sinTable = ((cor + sn) & ~signBit) | (a & signBit);
        Vector256<double> sinA = Vector256.ConditionalSelect(Vector256.LessThan(absA, Vector256.Create(TaylorBelow)), sinTaylor, sinTable);

        // do_cos(a, da): the table, da folded into the distance.
        Vector256<double> cosDa = Vector256.ConditionalSelect(Vector256.LessThan(a, Vector256<double>.Zero), -da, da);
        Vector256<double> xc = xr + cosDa;
        Vector256<double> xxc = xc * xc;
        Vector256<double> sc = Fma.MultiplyAdd(xc * xxc, Fma.MultiplyAdd(xxc, Vector256.Create(Sn5), Vector256.Create(Sn3)), xc);
        Vector256<double> cc = xxc * CosPolynomial(xxc);
        Vector256<double> corc = Fma.MultiplyAddNegated(sn, sc, Fma.MultiplyAddNegated(cs, cc, Fma.MultiplyAddNegated(sc, ssn, ccs)));
        Vector256<double> cosA = cs + corc;

        // Which is which: the reflection swaps them, an odd quadrant too, and quadrants 2 and 3 negate the cosine's.
        Vector256<double> odd = Vector256.Equals(n & Vector256<ulong>.One, Vector256<ulong>.One).AsDouble() & quadrant;
        Vector256<double> cosSign = Vector256.Equals(n & Vector256.Create(2UL), Vector256.Create(2UL)).AsDouble() & quadrant & signBit;
        Vector256<double> swap = halfPi | odd;
        Vector256<double> cosSigned = cosA ^ cosSign;
        Vector256<double> tiny = Vector256.LessThan(bits, Vector256.Create(TinyBits)).AsDouble();
        sin = Vector256.ConditionalSelect(tiny, x, Vector256.ConditionalSelect(swap, cosSigned, sinA));
        cos = Vector256.ConditionalSelect(tiny, Vector256.Create(1.0), Vector256.ConditionalSelect(swap, sinA, cosSigned));
        inDomain = GlibcExactLogSinCos.InSinCosDomain(x);
    }

    /// <summary>cs2 + xx (cs4 + xx cs6), as glibc's FMA build evaluates it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> CosPolynomial(Vector256<double> xx) =>
        Fma.MultiplyAdd(Fma.MultiplyAdd(xx, Vector256.Create(Cs6), Vector256.Create(Cs4)), xx, Vector256.Create(Cs2));

    /// <summary>
    /// glibc's <c>__sincostab</c> as mapped in this process, found by its first 4.5 entries and accepted when every
    /// entry is sin and cos of i / 128 to within an ulp, with remainders below an ulp.
    /// </summary>
    private static double[]? LocateTable() =>
        GlibcExactLogSinCos.IsSupported
            ? MappedLibm.FindTable([0.0, 0.0, 1.0, 0.0, 0.0078124205273828315], TableEntries * 4, IsSineCosineTable)
            : null;

    private static bool IsSineCosineTable(double[] table)
    {
        // Entry 0 is the signature's (0, 0, 1, 0); the others are checked against glibc's own sin and cos.
        for (int i = 1; i < TableEntries; i++)
        {
            (double sin, double cos) = Math.SinCos(i / 128.0);
            double sn = table[4 * i], ssn = table[(4 * i) + 1], cs = table[(4 * i) + 2], ccs = table[(4 * i) + 3];
            if (!(Math.Abs(sn - sin) <= Ulp(sin) && Math.Abs(cs - cos) <= Ulp(cos) && Math.Abs(ssn) <= Ulp(sn) && Math.Abs(ccs) <= Ulp(cs)))
            {
                return false;
            }
        }

        return true;

        static double Ulp(double v) => Math.ScaleB(1.0, Math.ILogB(v) - 52);
    }

    /// <summary>
    /// <see cref="SinCos"/> against <see cref="Math.SinCos(double)"/> on angles that take every path: 0 and tiny
    /// ones, both sides of each range boundary and of the Taylor threshold, every table entry, and a fixed
    /// pseudo-random spread over [0, 2 pi) as torch's Box-Muller draws them.
    /// </summary>
    private static bool SelfCheck()
    {
        var angles = new List<double> { 0.0, 1e-300, 1e-9, TaylorBelow, 0.85546875, 2.426265, Math.PI / 4, Math.PI / 2, Math.PI, 3 * Math.PI / 2, 2 * Math.PI, 7.99 };
        foreach (double boundary in (double[])[BitConverter.UInt64BitsToDouble(TinyBits), BitConverter.UInt64BitsToDouble(NoReductionBits), BitConverter.UInt64BitsToDouble(HalfPiReflectionBits), Hp0 - TaylorBelow, Hp0 + TaylorBelow])
        {
            for (int step = -3; step <= 3; step++)
            {
                angles.Add(BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(boundary) + step));
            }
        }

        for (int i = 0; i < TableEntries; i++)
        {
            angles.Add((i + 0.49) / 128.0);
            angles.Add(Hp0 - ((i + 0.49) / 128.0));
        }

        // torch's Box-Muller angle 2 pi u.
        angles.AddRange(GlibcSelfCheck.UnitDoubles(0x9E3779B97F4A7C15, 4096).Select(u => 2 * Math.PI * u));
        return GlibcSelfCheck.Agrees(angles, x => { SinCos(x, out Vector256<double> sin, out Vector256<double> cos, out _); return (sin, cos); }, Math.SinCos);
    }
}

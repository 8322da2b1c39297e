using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OneSeed.Distributions;

/// <summary>
/// Four powers x^y at once, computed the way glibc's <c>pow</c> computes them on x86-64 with FMA, so that every lane of
/// its domain has the bits <see cref="Math.Pow(double, double)"/> returns.
/// </summary>
/// <remarks>
/// <para>
/// glibc (2.28 and later) runs its <c>__ieee754_pow_fma</c> build on CPUs with AVX2 and FMA: the power of Arm's
/// optimized routines (<c>math/pow.c</c>, MIT; this is a transcription of that code, THIRD-PARTY-NOTICES.md). log x is
/// taken to about 68 bits as hi + lo: x = 2^k z around 0x3FE6955500000000, r = z / c - 1 by one FMA with 1/c of one of
/// 128 subintervals, log x = k ln2 + log c (in two parts) + log1p(r) with a degree-8 polynomial whose r^2 / 2 term is
/// kept exact; then y log x = ehi + elo (the product and its error by FMA), and e^(ehi + elo) by exp's own core
/// (<see cref="GlibcExpFma.Inline"/>). This type performs the same IEEE operations in the same order, with the fused
/// multiply-adds where that build has them (read from its machine code: the reduction, r, the error of r ar, each
/// polynomial step, and the last sum of the low parts, which takes the polynomial's product), on all lanes.
/// </para>
/// <para>
/// The domain is glibc's fast path: positive normal finite x, 2^-65 &lt;= |y| &lt; 2^63, and |y log x| &lt; 512 (or below
/// 2^-54, where glibc returns 1 + y log x). Everything else (zeros, subnormals, negative x, infinities, NaN, huge or
/// tiny y, results that may overflow or underflow) is flagged for the caller to recompute with
/// <see cref="Math.Pow(double, double)"/>.
/// </para>
/// <para>
/// Its constants and table (<c>__pow_log_data</c>: ln 2 in two parts, the polynomial, and 1/c, log c and its tail per
/// subinterval; and <c>__exp_data</c>) are read from the libm mapped into this process and checked value by value, and
/// the whole function is then checked against <see cref="Math.Pow(double, double)"/> on a fixed set of inputs covering
/// every path. Only if all of that holds is <see cref="IsSupported"/> true; otherwise callers keep
/// <see cref="Math.Pow(double, double)"/>.
/// </para>
/// <para>Reproducibility tier: exact (glibc's bits, and so NumPy's calls of it on the same machine).</para>
/// </remarks>
internal static class GlibcPowFma
{
    // __pow_log_data: ln2hi, ln2lo, poly A[0..6], then (invc, pad, logc, logctail) for the 128 subintervals.
    private const int Ln2Hi = 0;
    private const int Ln2Lo = 1;
    private const int Poly = 2;
    private const int Subintervals = 9;
    private const int DataLength = Subintervals + (4 * 128);

    /// <summary>pow's reduction offset: z = x / 2^k lies in [asdouble(Offset), 2 asdouble(Offset)).</summary>
    private const ulong Offset = 0x3FE6955500000000;

    /// <summary>top12(2^-65): smaller |y| is glibc's special case.</summary>
    private const long SmallestYTop = 0x3BE;

    /// <summary>top12(2^63) - top12(2^-65).</summary>
    private const long YTopSpan = 0x80;

    private static readonly double[]? s_data = GlibcExpFma.Data is not null
        ? MappedLibm.FindTable([0.6931471805598903, 5.497923018708371e-14], DataLength, IsPowLogData)
        : null;

    // The scalar constants, broadcast once (see GlibcExpFma).
    private static readonly Vector256<double> s_ln2Hi = Broadcast(Ln2Hi);
    private static readonly Vector256<double> s_ln2Lo = Broadcast(Ln2Lo);
    private static readonly Vector256<double> s_a0 = Broadcast(Poly);
    private static readonly Vector256<double> s_a1 = Broadcast(Poly + 1);
    private static readonly Vector256<double> s_a2 = Broadcast(Poly + 2);
    private static readonly Vector256<double> s_a3 = Broadcast(Poly + 3);
    private static readonly Vector256<double> s_a4 = Broadcast(Poly + 4);
    private static readonly Vector256<double> s_a5 = Broadcast(Poly + 5);
    private static readonly Vector256<double> s_a6 = Broadcast(Poly + 6);

    /// <summary>
    /// AVX2 and FMA (so glibc runs its FMA build), glibc's data found in this process, and the self-check passed:
    /// <see cref="Pow"/> then returns <see cref="Math.Pow(double, double)"/>'s bits on every lane of its domain.
    /// </summary>
    internal static bool IsSupported { get; } = s_data is not null && SelfCheck();

    /// <summary>
    /// x^y per lane, glibc's bits, where <paramref name="inDomain"/> is all ones (see the remarks); other lanes hold no
    /// meaningful value. Only while <see cref="IsSupported"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static unsafe Vector256<double> Pow(Vector256<double> x, Vector256<double> y, out Vector256<double> inDomain)
    {
        Vector256<ulong> ix = x.AsUInt64();

        // x = 2^k z, the subinterval i of z; 1/c, log c and its tail from glibc's table.
        // An entry is (1/c, 0, log c, tail), 32 bytes: four loads and a transpose, which AMD's cores run faster than
        // three gathers.
        Vector256<ulong> entry = GlibcExactLogSinCos.LogReduction(ix, Offset, out Vector256<double> z, out Vector256<double> kd) << 2;
        Vector256<double> invc, logc, logctail;
        fixed (double* table = &s_data![Subintervals])
        {
            Vector256<double> e0 = Vector256.Load(table + entry.GetElement(0));
            Vector256<double> e1 = Vector256.Load(table + entry.GetElement(1));
            Vector256<double> e2 = Vector256.Load(table + entry.GetElement(2));
            Vector256<double> e3 = Vector256.Load(table + entry.GetElement(3));
            Vector256<double> low01 = Avx.UnpackLow(e0, e1), low23 = Avx.UnpackLow(e2, e3);
            invc = Avx.Permute2x128(low01, low23, 0x20);
            logc = Avx.Permute2x128(low01, low23, 0x31);
            logctail = Avx.Permute2x128(Avx.UnpackHigh(e0, e1), Avx.UnpackHigh(e2, e3), 0x31);
        }

        // log_inline, in the order and with the FMAs of __ieee754_pow_fma.
        Vector256<double> t1 = Fma.MultiplyAdd(kd, s_ln2Hi, logc);
        Vector256<double> lo1 = Fma.MultiplyAdd(kd, s_ln2Lo, logctail);
        Vector256<double> r = Fma.MultiplyAdd(z, invc, Vector256.Create(-1.0));
        Vector256<double> ar = r * s_a0;
        Vector256<double> t2 = t1 + r;
        Vector256<double> ar2 = r * ar;
        Vector256<double> ar3 = r * ar2;
        Vector256<double> lo2 = (t1 - t2) + r;
        Vector256<double> lo3 = Fma.MultiplySubtract(ar, r, ar2);
        Vector256<double> hi = t2 + ar2;
        Vector256<double> lo4 = (t2 - hi) + ar2;
        Vector256<double> q = Fma.MultiplyAdd(
            ar2,
            Fma.MultiplyAdd(Fma.MultiplyAdd(r, s_a6, s_a5), ar2, Fma.MultiplyAdd(r, s_a4, s_a3)),
            Fma.MultiplyAdd(r, s_a2, s_a1));
        Vector256<double> lo = Fma.MultiplyAdd(ar3, q, ((lo1 + lo2) + lo3) + lo4);
        Vector256<double> logHi = hi + lo;
        Vector256<double> logLo = (hi - logHi) + lo;

        // y log x = ehi + elo, then exp_inline with sign bias 0 (x > 0).
        Vector256<double> ehi = y * logHi;
        Vector256<double> elo = Fma.MultiplyAdd(y, logLo, Fma.MultiplySubtract(logHi, y, ehi));
        Vector256<double> result = GlibcExpFma.Inline(ehi, elo, hasTail: true, out Vector256<double> expInDomain);

        Vector256<long> ytop = (y.AsInt64() >>> 52) & Vector256.Create(0x7FFL);
        Vector256<double> yInRange = Vector256.LessThan(ytop - Vector256.Create(SmallestYTop), Vector256.Create(YTopSpan)).AsDouble()
            & Vector256.GreaterThanOrEqual(ytop, Vector256.Create(SmallestYTop)).AsDouble();
        inDomain = GlibcExactLogSinCos.IsPositiveNormal(ix) & yInRange & expInDomain;
        return result;
    }

    private static Vector256<double> Broadcast(int index) => s_data is null ? default : Vector256.Create(s_data[index]);

    /// <summary>glibc's data, not something else that starts with ln 2: the polynomial starts with -1/2, 1/3, and each 1/c and log c agree.</summary>
    private static bool IsPowLogData(double[] data)
    {
        if (data[Poly] != -0.5 || !(Math.Abs(data[Poly + 1] + (2.0 / 3)) < 1e-12) || !(Math.Abs(data[Ln2Hi] + data[Ln2Lo] - Math.Log(2)) < 1e-16))
        {
            return false;
        }

        for (int i = 0; i < 128; i++)
        {
            int at = Subintervals + (4 * i);
            double invc = data[at], logc = data[at + 2], logctail = data[at + 3];
            if (!(invc > 0.7 && invc < 1.5 && data[at + 1] == 0 && Math.Abs(logc + logctail + Math.Log(invc)) < 1e-15 && Math.Abs(logctail) < 1e-13))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <see cref="Pow"/> against <see cref="Math.Pow(double, double)"/>: x at each subinterval's ends and centre over
    /// several binades with several y, x near 1 with small and large y, y at both ends of its range, results at both
    /// ends of exp's fast range and below 2^-54, and a fixed pseudo-random spread shaped as NumPy's Weibull and power
    /// (x a standard exponential or a uniform, y = 1/a for a in (0.01, 100)).
    /// </summary>
    private static bool SelfCheck()
    {
        var inputs = new List<(double X, double Y)>
        {
            (1.0, 3.0), (2.0, 0.5), (2.0, 10.0), (10.0, -3.0), (0.5, 1e-19), (3.0, Math.ScaleB(1.0, -65)), (3.0, Math.BitDecrement(Math.ScaleB(1.0, 63))),
            (2.0, 511.0), (2.0, -511.0), (2.0, Math.ScaleB(1.0, -55)), (Math.BitIncrement(1.0), 1e10), (Math.BitDecrement(1.0), -1e10),
        };
        double[] exponents = [0.3, 1.0 / 1.5, 2.0, -1.7, 13.0, 100.0];
        for (ulong i = 0; i < 128; i++)
        {
            foreach (ulong binade in (ulong[])[0, 1UL << 52, 20UL << 52, 0x3FCUL << 52])
            {
                ulong bits = Offset - binade + (i << 45);
                foreach (ulong step in (ulong[])[0, 1UL << 44, (1UL << 45) - 1])
                {
                    inputs.Add((BitConverter.UInt64BitsToDouble(bits + step), exponents[(int)((i + (binade >> 52) + step) % (ulong)exponents.Length)]));
                }
            }
        }

        List<double> units = [.. GlibcSelfCheck.UnitDoubles(0x9E3779B97F4A7C15, 8192)];
        for (int k = 0; k + 1 < units.Count; k += 2)
        {
            double exponent = 1.0 / (0.01 + (99.99 * units[k + 1]));
            inputs.Add((-Math.Log(1.0 - units[k]), exponent));
            inputs.Add((units[k], exponent));
            inputs.Add((1.0 + ((units[k] - 0.5) * Math.ScaleB(1.0, -20)), (units[k + 1] - 0.5) * 1e6));
        }

        inputs.RemoveAll(p => !double.IsNormal(p.X) || p.X <= 0);
        return GlibcSelfCheck.AgreesInDomain(inputs, (x, y) => (Pow(x, y, out Vector256<double> inDomain), inDomain), Math.Pow);
    }
}

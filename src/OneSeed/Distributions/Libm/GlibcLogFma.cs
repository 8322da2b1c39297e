using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OneSeed.Distributions;

/// <summary>
/// Four natural logarithms at once, computed the way glibc's <c>log</c> computes them on x86-64 with FMA, so that every
/// lane has the bits <see cref="Math.Log(double)"/> returns, without the uncertain lanes of
/// <see cref="GlibcExactLogSinCos.Log"/>.
/// </summary>
/// <remarks>
/// <para>
/// glibc (2.28 and later) runs its <c>__ieee754_log_fma</c> build on CPUs with AVX2 and FMA: the logarithm of Arm's
/// optimized routines (<c>math/log.c</c>, MIT; this is a transcription of that code, THIRD-PARTY-NOTICES.md). Inputs within 1 - 2^-4 .. 1 + 0x1.09p-4 take log1p(x - 1) from a degree-11 polynomial with
/// the leading terms split for accuracy; the rest are reduced to x = 2^k z, z / c - 1 = r by the reciprocal of the
/// centre c of one of 128 subintervals, and log x = k ln 2 + log c + log1p(r) with a degree-6 polynomial. This type
/// performs the same IEEE operations in the same order, with the fused multiply-adds where that build has them (read
/// from its machine code), on all lanes, and selects per lane what the branch would have taken.
/// </para>
/// <para>
/// Its constants and table (<c>__log_data</c>: ln 2 in two parts, both polynomials, 1/c and log c per subinterval)
/// are read from the libm mapped into this process and checked value by value, and the whole function is then
/// checked against <see cref="Math.Log(double)"/> on a fixed set of inputs covering both paths. Only if all of that
/// holds is <see cref="IsSupported"/> true; otherwise callers keep the certified path.
/// </para>
/// <para>Reproducibility tier: exact (glibc's bits, and so NumPy's and torch's calls of it on the same machine).</para>
/// </remarks>
internal static class GlibcLogFma
{
    // __log_data: ln2hi, ln2lo, poly A[0..4], poly1 B[0..10], then (invc, logc) for the 128 subintervals.
    private const int Ln2Hi = 0;
    private const int Ln2Lo = 1;
    private const int PolyA = 2;
    private const int PolyB = 7;
    private const int Subintervals = 18;
    private const int DataLength = Subintervals + (2 * 128);

    /// <summary>The near-1 path takes x with bits - NearOneLow &lt;= NearOneSpan: 1 - 2^-4 &lt;= x &lt; 1 + 0x1.09p-4.</summary>
    private const ulong NearOneLow = 0x3FEE000000000000;
    private const ulong NearOneSpan = 0x3090000000000 - 1;

    private static readonly double[]? s_data = GlibcExactLogSinCos.IsSupported
        ? MappedLibm.FindTable([0.6931471805598903, 5.497923018708371e-14], DataLength, IsLogData)
        : null;

    /// <summary>
    /// AVX2 and FMA (so glibc runs its FMA build), glibc's data found in this process, and the self-check passed:
    /// <see cref="Log"/> then returns <see cref="Math.Log(double)"/>'s bits on every lane of its domain.
    /// </summary>
    internal static bool IsSupported { get; } = s_data is not null && SelfCheck();

    /// <summary>
    /// ln(x) per lane, glibc's bits, for positive normal finite x (where <paramref name="inDomain"/> is all ones);
    /// other lanes hold no meaningful value. Only while <see cref="IsSupported"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static unsafe Vector256<double> Log(Vector256<double> x, out Vector256<double> inDomain)
    {
        double[] data = s_data!;
        Vector256<ulong> ix = x.AsUInt64();

        // x = 2^k z (glibc's reduction, shared with the certified log); r = z / c - 1 by one FMA with 1/c;
        // hi + lo = k ln2 + log c + r.
        // An entry is (1/c, log c), 16 bytes: four loads and an unpack, which AMD's cores run faster than two gathers.
        Vector256<ulong> entry = GlibcExactLogSinCos.LogReduction(ix, out Vector256<double> z, out Vector256<double> kd) << 1;
        Vector256<double> invc, logc;
        fixed (double* table = &data[Subintervals])
        {
            Vector256<double> even = Vector256.Create(Vector128.Load(table + entry.GetElement(0)), Vector128.Load(table + entry.GetElement(2)));
            Vector256<double> odd = Vector256.Create(Vector128.Load(table + entry.GetElement(1)), Vector128.Load(table + entry.GetElement(3)));
            invc = Avx.UnpackLow(even, odd);
            logc = Avx.UnpackHigh(even, odd);
        }

        Vector256<double> w = Fma.MultiplyAdd(kd, Vector256.Create(data[Ln2Hi]), logc);
        Vector256<double> r = Fma.MultiplyAdd(z, invc, Vector256.Create(-1.0));
        Vector256<double> hi = r + w;
        Vector256<double> lo = Fma.MultiplyAdd(kd, Vector256.Create(data[Ln2Lo]), (w - hi) + r);
        Vector256<double> r2 = r * r;
        Vector256<double> q = Fma.MultiplyAdd(
            Fma.MultiplyAdd(r, A(data, 4), A(data, 3)), r2, Fma.MultiplyAdd(r, A(data, 2), A(data, 1)));
        Vector256<double> reduced = Fma.MultiplyAdd(r * r2, q, Fma.MultiplyAdd(r2, A(data, 0), lo)) + hi;

        // Near 1: log1p(r) for r = x - 1, its r - r^2 / 2 in two parts (rhi has 26 bits, so rhi^2 is exact).
        Vector256<double> rn = x - Vector256.Create(1.0);
        Vector256<double> rn2 = rn * rn;
        Vector256<double> rn3 = rn * rn2;
        Vector256<double> p1 = Fma.MultiplyAdd(rn2, B(data, 3), Fma.MultiplyAdd(rn, B(data, 2), B(data, 1)));
        Vector256<double> p2 = Fma.MultiplyAdd(rn2, B(data, 6), Fma.MultiplyAdd(rn, B(data, 5), B(data, 4)));
        Vector256<double> p3 = Fma.MultiplyAdd(rn3, B(data, 10), Fma.MultiplyAdd(rn2, B(data, 9), Fma.MultiplyAdd(rn, B(data, 8), B(data, 7))));
        Vector256<double> poly = Fma.MultiplyAdd(Fma.MultiplyAdd(p3, rn3, p2), rn3, p1);
        Vector256<double> split = Vector256.Create(134217728.0);
        Vector256<double> rhi = Fma.MultiplyAddNegated(split, rn, Fma.MultiplyAdd(rn, split, rn));
        Vector256<double> rlo = rn - rhi;
        Vector256<double> rhi2 = rhi * rhi;
        Vector256<double> half = B(data, 0);
        Vector256<double> nearHi = Fma.MultiplyAdd(rhi2, half, rn);
        Vector256<double> nearLo = Fma.MultiplyAdd(rhi2, half, rn - nearHi);
        nearLo = Fma.MultiplyAdd(half * rlo, rn + rhi, nearLo);
        Vector256<double> nearOne = nearHi + Fma.MultiplyAdd(poly, rn3, nearLo);

        Vector256<double> isNearOne = Vector256.LessThanOrEqual(ix - Vector256.Create(NearOneLow), Vector256.Create(NearOneSpan)).AsDouble();
        Vector256<double> result = Vector256.ConditionalSelect(isNearOne, nearOne, reduced);
        // log(1) is +0 exactly (the polynomial would give it too, but glibc returns early).
        result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256.Create(1.0)), Vector256<double>.Zero, result);
        inDomain = GlibcExactLogSinCos.IsPositiveNormal(ix);
        return result;
    }

    private static Vector256<double> A(double[] data, int k) => Vector256.Create(data[PolyA + k]);

    private static Vector256<double> B(double[] data, int k) => Vector256.Create(data[PolyB + k]);

    /// <summary>glibc's data, not something else that starts with ln 2: the polynomials start with -1/2, each 1/c and log c agree.</summary>
    private static bool IsLogData(double[] data)
    {
        if (data[PolyB] != -0.5 || !(Math.Abs(data[PolyA] + 0.5) < 1e-12))
        {
            return false;
        }

        for (int i = 0; i < 128; i++)
        {
            double invc = data[Subintervals + (2 * i)], logc = data[Subintervals + (2 * i) + 1];
            if (!(invc > 0.7 && invc < 1.5 && Math.Abs(logc + Math.Log(invc)) < 1e-14))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <see cref="Log"/> against <see cref="Math.Log(double)"/>: 1 and both ends of the near-1 range, each
    /// subinterval's ends and centre over several binades, and a fixed pseudo-random spread over (0, 1] as the
    /// Box-Muller radius and the polar method take their logarithms.
    /// </summary>
    private static bool SelfCheck()
    {
        var inputs = new List<double> { 1.0, 0.5, 2.0, 0.9375, 1.064697265625, double.MaxValue, BitConverter.Int64BitsToDouble(0x0010000000000000) };
        foreach (ulong edge in (ulong[])[NearOneLow, NearOneLow + NearOneSpan, 0x3FF0000000000000])
        {
            for (long step = -3; step <= 3; step++)
            {
                inputs.Add(BitConverter.UInt64BitsToDouble((ulong)((long)edge + step)));
            }
        }

        for (ulong i = 0; i < 128; i++)
        {
            foreach (ulong binade in (ulong[])[0, 1UL << 52, 10UL << 52, 0x3FEUL << 52])
            {
                ulong bits = GlibcExactTables.LogOffset - binade + (i << 45);
                inputs.Add(BitConverter.UInt64BitsToDouble(bits));
                inputs.Add(BitConverter.UInt64BitsToDouble(bits + (1UL << 44)));
                inputs.Add(BitConverter.UInt64BitsToDouble(bits + (1UL << 45) - 1));
            }
        }

        // The Box-Muller radius's and the polar method's arguments: 1 - u in (0, 1].
        inputs.AddRange(GlibcSelfCheck.UnitDoubles(0x2545F4914F6CDD1D, 4096).Select(u => 1.0 - u));
        inputs.RemoveAll(x => !double.IsNormal(x) || x <= 0);
        return GlibcSelfCheck.Agrees(inputs, x =>
        {
            Vector256<double> log = Log(x, out _);
            return (log, log);
        }, x => (Math.Log(x), Math.Log(x)));
    }
}

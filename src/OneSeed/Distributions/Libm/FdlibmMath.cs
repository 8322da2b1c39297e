namespace OneSeed.Distributions;

/// <summary>
/// Elementary functions computed by our own code, so that results are the same bits on every OS and CPU.
/// </summary>
/// <remarks>
/// <para>
/// .NET has no <c>log1p</c>, and NumPy's ziggurat tails call the C library's (<c>npy_log1p</c> = <c>log1p</c>).
/// <see cref="Log1p"/> follows fdlibm's <c>s_log1p.c</c> in the form glibc ships as its <c>dbl-64</c> log1p
/// (the same reduction and constants, with Shimizu's split evaluation of the polynomial).
/// .NET has no <c>expm1</c> either, and NumPy's <c>pareto</c>, <c>power</c> and <c>logseries</c> call the C library's;
/// <see cref="Expm1"/> follows fdlibm's <c>s_expm1.c</c> as glibc ships it likewise.
/// </para>
/// <para>
/// Which bits glibc returns depends on the CPU: on x86-64 processors with FMA (Haswell and later, every current
/// server) glibc selects a build of each file compiled with <c>-mfma</c>, in which GCC fuses some multiply-adds.
/// That variant is what NumPy (and Python's <c>math.log1p</c>, <c>math.expm1</c>) use on Linux today; for log1p it
/// differs from the unfused one in the last bit for about 0.04% of arguments in [−1, 0]. Both functions reproduce the
/// fused variant exactly, operation by operation, with <see cref="Math.FusedMultiplyAdd"/> (a correctly rounded fused
/// multiply-add on every platform, in hardware or software), so they return the same bits on every OS and CPU, equal
/// to glibc's on FMA-capable x86-64. (NumPy itself on a CPU without FMA, or on another C library, can differ in the last bit.)
/// </para>
/// <para>Reproducibility tier: <b>stable</b> (bit-exact forever, on every platform).</para>
/// </remarks>
public static class FdlibmMath
{
    internal const double Ln2Hi = 6.93147180369123816490e-01; // 3fe62e42 fee00000
    internal const double Ln2Lo = 1.90821492927058770002e-10; // 3dea39ef 35793c76
    private const double Two54 = 1.80143985094819840000e+16; // 43500000 00000000
    internal const double Lp1 = 6.666666666666735130e-01; // 3FE55555 55555593
    internal const double Lp2 = 3.999999999940941908e-01; // 3FD99999 9997FA04
    internal const double Lp3 = 2.857142874366239149e-01; // 3FD24924 94229359
    internal const double Lp4 = 2.222219843214978396e-01; // 3FCC71C5 1D8E78AF
    internal const double Lp5 = 1.818357216161805012e-01; // 3FC74664 96CB03DE
    internal const double Lp6 = 1.531383769920937332e-01; // 3FC39A09 D078C69F
    internal const double Lp7 = 1.479819860511658591e-01; // 3FC2F112 DF3E5244

    // expm1: the overflow threshold ln(DBL_MAX), 1/ln 2, and the scaled coefficients Q1..Q5 of its rational function.
    private const double Expm1OverflowThreshold = 7.09782712893383973096e+02; // 40862E42 FEFA39EF
    internal const double InvLn2 = 1.44269504088896338700e+00; // 3ff71547 652b82fe
    internal const double Q1 = -3.33333333333331316428e-02; // BFA11111 111110F4
    internal const double Q2 = 1.58730158725481460165e-03; // 3F5A01A0 19FE5585
    internal const double Q3 = -7.93650757867487942473e-05; // BF14CE19 9EAADBB7
    internal const double Q4 = 4.00821782732936239552e-06; // 3ED0CFCA 86E65239
    internal const double Q5 = -2.01099218183624371326e-07; // BE8AFDB7 6E09C32D

    /// <summary>
    /// ln(1 + <paramref name="x"/>), accurate for <paramref name="x"/> near zero, bit-identical to glibc's <c>log1p</c> on x86-64 with FMA (see remarks).
    /// </summary>
    /// <returns>−∞ for −1, NaN below −1 and for NaN, +∞ for +∞; the error is below 1 ulp elsewhere.</returns>
    public static double Log1p(double x)
    {
        int hx = HighWord(x);
        int ax = hx & 0x7fffffff;
        int k = 1;
        int hu = 0;
        double f = 0, c = 0;
        if (hx < 0x3FDA827A)
        {
            // x < 0.41422 (negative x has hx < 0 as a signed word)
            if (ax >= 0x3ff00000)
            {
                // x <= -1
                return x == -1.0 ? double.NegativeInfinity : double.NaN;
            }

            if (ax < 0x3e200000)
            {
                // |x| < 2^-29
                return ax < 0x3c900000 ? x : Math.FusedMultiplyAdd(-(x * x), 0.5, x);
            }

            if (hx > 0 || hx <= unchecked((int)0xbfd2bec3))
            {
                // -0.2929 < x < 0.41422: no reduction needed, f = x exactly.
                k = 0;
                f = x;
                hu = 1;
            }
        }
        else if (hx >= 0x7ff00000)
        {
            return x + x;
        }

        if (k != 0)
        {
            double u;
            if (hx < 0x43400000)
            {
                u = 1.0 + x;
                hu = HighWord(u);
                k = (hu >> 20) - 1023;
                c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // the rounding error of 1 + x
                c /= u;
            }
            else
            {
                u = x;
                hu = HighWord(u);
                k = (hu >> 20) - 1023;
                c = 0;
            }

            hu &= 0x000fffff;
            if (hu < 0x6a09e)
            {
                u = WithHighWord(u, hu | 0x3ff00000); // normalise u to [1, sqrt 2)
            }
            else
            {
                k += 1;
                u = WithHighWord(u, hu | 0x3fe00000); // normalise u/2 to [sqrt(2)/2, 1)
                hu = (0x00100000 - hu) >> 2;
            }

            f = u - 1.0;
        }

        double hfsq = 0.5 * f * f;
        if (hu == 0)
        {
            // |f| < 2^-20
            if (f == 0.0)
            {
                if (k == 0)
                {
                    return 0.0;
                }

                c = Math.FusedMultiplyAdd(k, Ln2Lo, c);
                return Math.FusedMultiplyAdd(k, Ln2Hi, c);
            }

            double r0 = hfsq * Math.FusedMultiplyAdd(-f, 0.66666666666666666, 1.0);
            return k == 0 ? f - r0 : Math.FusedMultiplyAdd(k, Ln2Hi, -((r0 - Math.FusedMultiplyAdd(k, Ln2Lo, c)) - f));
        }

        double s = f / (2.0 + f);
        double z = s * s;
        double r2 = Math.FusedMultiplyAdd(z, Lp3, Lp2);
        double r3 = Math.FusedMultiplyAdd(z, Lp5, Lp4);
        double r4 = Math.FusedMultiplyAdd(z, Lp7, Lp6);
        double z2 = z * z;
        double z4 = z2 * z2;
        double z6 = z4 * z2;

        // R = R1 + z2*R2 + z4*R3 + z6*R4 as GCC contracts it: R1 = z*Lp1 fuses with the first sum.
        double r = Math.FusedMultiplyAdd(z, Lp1, z2 * r2);
        r = Math.FusedMultiplyAdd(z4, r3, r);
        r = Math.FusedMultiplyAdd(z6, r4, r);

        // s*(hfsq+R) is hoisted above the k test by GCC, so it stays an unfused product.
        double q = s * (hfsq + r);
        return k == 0
            ? f - (hfsq - q)
            : Math.FusedMultiplyAdd(k, Ln2Hi, -((hfsq - (q + Math.FusedMultiplyAdd(k, Ln2Lo, c))) - f));
    }

    /// <summary>
    /// e^<paramref name="x"/> − 1, accurate for <paramref name="x"/> near zero, bit-identical to glibc's <c>expm1</c> on x86-64 with FMA (see remarks).
    /// </summary>
    /// <returns>
    /// <paramref name="x"/> itself for |x| &lt; 2^-54 (±0 keep their sign), −1 below −56 ln 2 (≈ −38.8) and for −∞,
    /// +∞ above ln(<see cref="double.MaxValue"/>) ≈ 709.78 and for +∞, NaN for NaN; the error is below 1 ulp elsewhere.
    /// </returns>
    /// <remarks>
    /// Which multiply-adds are fused was read from the machine code of glibc 2.36's <c>__expm1_fma</c> (Debian 12),
    /// not guessed from the C source: GCC fuses some products into the following sum and leaves others, such as the
    /// one that rounds x/ln 2 to k, unfused.
    /// </remarks>
    public static double Expm1(double x)
    {
        uint hx = (uint)HighWord(x);
        bool negative = (hx & 0x80000000) != 0;
        hx &= 0x7fffffff;
        if (hx >= 0x4043687A)
        {
            // |x| >= 56 ln 2: e^x - 1 is -1 to the last bit below, and past the threshold it overflows above.
            if (hx >= 0x40862E42)
            {
                if (hx >= 0x7ff00000)
                {
                    return double.IsNaN(x) ? x + x : negative ? -1.0 : x;
                }

                if (x > Expm1OverflowThreshold)
                {
                    return double.PositiveInfinity;
                }
            }

            if (negative)
            {
                return -1.0;
            }
        }

        // Reduce to x = k ln2 + (r + c), |r| <= ln2 / 2, c the rounding error of r.
        int k;
        double c = 0;
        if (hx > 0x3fd62e42)
        {
            double hi, lo;
            if (hx < 0x3FF0A2B2)
            {
                // |x| < 1.5 ln2: k = ±1 without the multiply.
                (hi, lo, k) = negative ? (x + Ln2Hi, -Ln2Lo, -1) : (x - Ln2Hi, Ln2Lo, 1);
            }
            else
            {
                // GCC adds the ±0.5 after choosing it by sign, so this product is not fused; x - t*ln2_hi is (exact either way).
                k = (int)((InvLn2 * x) + (negative ? -0.5 : 0.5));
                double t = k;
                hi = Math.FusedMultiplyAdd(-t, Ln2Hi, x);
                lo = t * Ln2Lo;
            }

            // lo is one product shared by both lines, so GCC fuses it into neither.
            x = hi - lo;
            c = (hi - x) - lo;
        }
        else if (hx < 0x3c900000)
        {
            // |x| < 2^-54: e^x - 1 rounds to x.
            return x;
        }
        else
        {
            k = 0;
        }

        // GCC fuses each product below into the sum that takes it, but for e's outer product: that one is formed
        // before the branch on k, and both paths use it.
        double hfx = 0.5 * x;
        double hxs = x * hfx;
        double r1 = Math.FusedMultiplyAdd(hxs, Q1, 1.0);
        double r2 = Math.FusedMultiplyAdd(hxs, Q3, Q2);
        double r3 = Math.FusedMultiplyAdd(hxs, Q5, Q4);
        double h2 = hxs * hxs;
        double h4 = h2 * h2;
        double r = Math.FusedMultiplyAdd(h4, r3, Math.FusedMultiplyAdd(h2, r2, r1));
        double t3 = Math.FusedMultiplyAdd(-r, hfx, 3.0);
        double e = hxs * ((r - t3) / Math.FusedMultiplyAdd(-x, t3, 6.0));
        if (k == 0)
        {
            return x - Math.FusedMultiplyAdd(x, e, -hxs);
        }

        e = Math.FusedMultiplyAdd(x, e - c, -c) - hxs;
        if (k == -1)
        {
            return Math.FusedMultiplyAdd(0.5, x - e, -0.5);
        }

        if (k == 1)
        {
            return x < -0.25 ? -2.0 * (e - (x + 0.5)) : Math.FusedMultiplyAdd(x - e, 2.0, 1.0);
        }

        // Scale by 2^k by adding k to the exponent field of the high word (wrapping as glibc's 32-bit add does).
        int scale = k << 20;
        if (k <= -2 || k > 56)
        {
            // For k > 56 the 1 lies below the last bit of 2^k e^r, for k <= -2 2^k e^r is small next to it: scale, then subtract.
            double y = 1.0 - (e - x);
            return WithHighWord(y, HighWord(y) + scale) - 1.0;
        }

        if (k < 20)
        {
            // 2^k (e^r - 2^-k) with 1 - 2^-k exact in the high word.
            double y = WithHighWord(0, 0x3ff00000 - (0x200000 >> k)) - (e - x);
            return WithHighWord(y, HighWord(y) + scale);
        }
        else
        {
            // 2^k (e^r - 2^-k) with 2^-k small enough to join the correction term first.
            double y = (x - (e + WithHighWord(0, (0x3ff - k) << 20))) + 1.0;
            return WithHighWord(y, HighWord(y) + scale);
        }
    }

    private static int HighWord(double x) => (int)(BitConverter.DoubleToUInt64Bits(x) >> 32);

    private static double WithHighWord(double x, int high) =>
        BitConverter.UInt64BitsToDouble(((ulong)(uint)high << 32) | (BitConverter.DoubleToUInt64Bits(x) & 0xffffffffUL));
}

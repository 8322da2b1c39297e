namespace OneSeed.Distributions;

/// <summary>
/// Single-precision elementary functions computed by our own code, so that results are the same bits on every OS and
/// CPU (the <see cref="float"/> counterparts of <see cref="FdlibmMath"/>).
/// </summary>
/// <remarks>
/// <para>
/// .NET has no <c>log1pf</c>, and NumPy's float32 ziggurats call the C library's (<c>npy_log1pf</c> = <c>log1pf</c>).
/// <see cref="Log1pF"/> is glibc 2.36's <c>sysdeps/ieee754/flt-32/s_log1pf.c</c> (fdlibm's <c>s_log1pf.c</c>),
/// operation by operation in single precision.
/// </para>
/// <para>
/// Unlike the double <c>log1p</c>, glibc on x86-64 has no FMA build of <c>log1pf</c> (its <c>multiarch</c> folder has
/// <c>s_log1p-fma.c</c> but no <c>s_log1pf</c>): every x86-64 CPU runs the generic code compiled for the x86-64
/// baseline (SSE2, no fused multiply-add), so <see cref="Log1pF"/> uses no fused operation. It is checked bit for bit
/// against the running glibc's <c>log1pf</c> over every argument NumPy passes (−k·2^-24 for every 24-bit k) and
/// millions of others.
/// </para>
/// <para>Reproducibility tier: <b>stable</b> (bit-exact forever, on every platform).</para>
/// </remarks>
public static class FdlibmMathF
{
    private const float Ln2Hi = 6.9313812256e-01f; // 0x3f317180
    private const float Ln2Lo = 9.0580006145e-06f; // 0x3717f7d1
    private const float Lp1 = 6.6666668653e-01f; // 0x3F2AAAAB
    private const float Lp2 = 4.0000000596e-01f; // 0x3ECCCCCD
    private const float Lp3 = 2.8571429849e-01f; // 0x3E924925
    private const float Lp4 = 2.2222198546e-01f; // 0x3E638E29
    private const float Lp5 = 1.8183572590e-01f; // 0x3E3A3325
    private const float Lp6 = 1.5313838422e-01f; // 0x3E1CD04F
    private const float Lp7 = 1.4798198640e-01f; // 0x3E178897

    /// <summary>The constants' IEEE bits as glibc's comments give them (checked by the tests).</summary>
    internal static ReadOnlySpan<uint> ConstantBits => [0x3f317180, 0x3717f7d1, 0x3F2AAAAB, 0x3ECCCCCD, 0x3E924925, 0x3E638E29, 0x3E3A3325, 0x3E1CD04F, 0x3E178897];

    /// <summary>The constants, in the order of <see cref="ConstantBits"/>.</summary>
    internal static ReadOnlySpan<float> Constants => [Ln2Hi, Ln2Lo, Lp1, Lp2, Lp3, Lp4, Lp5, Lp6, Lp7];

    /// <summary>
    /// ln(1 + <paramref name="x"/>) in single precision, accurate for <paramref name="x"/> near zero, bit-identical to
    /// glibc's <c>log1pf</c> (see remarks).
    /// </summary>
    /// <returns>−∞ for −1, NaN below −1 and for NaN, +∞ for +∞; the error is below 1 ulp elsewhere.</returns>
    public static float Log1pF(float x)
    {
        int hx = BitConverter.SingleToInt32Bits(x);
        int ax = hx & 0x7fffffff;
        int k = 1;
        int hu = 0;
        float f = 0, c = 0;
        if (hx < 0x3ed413d7)
        {
            // x < 0.41422 (negative x has hx < 0 as a signed word)
            if (ax >= 0x3f800000)
            {
                // x <= -1; glibc's (x - x) / (x - x) keeps a NaN argument's payload, as SSE does here.
                return x == -1.0f ? float.NegativeInfinity : (x - x) / (x - x);
            }

            if (ax < 0x31000000)
            {
                // |x| < 2^-29 (below 2^-54, none in float's normal range but subnormals, x itself)
                return ax < 0x24800000 ? x : x - (x * x * 0.5f);
            }

            if (hx > 0 || hx <= unchecked((int)0xbe95f61f))
            {
                // -0.2929 < x < 0.41422: no reduction needed, f = x exactly.
                k = 0;
                f = x;
                hu = 1;
            }
        }

        if (hx >= 0x7f800000)
        {
            return x + x;
        }

        if (k != 0)
        {
            float u;
            if (hx < 0x5a000000)
            {
                u = 1.0f + x;
                hu = BitConverter.SingleToInt32Bits(u);
                k = (hu >> 23) - 127;
                c = k > 0 ? 1.0f - (u - x) : x - (u - 1.0f); // the rounding error of 1 + x
                c /= u;
            }
            else
            {
                u = x;
                hu = BitConverter.SingleToInt32Bits(u);
                k = (hu >> 23) - 127;
                c = 0;
            }

            hu &= 0x007fffff;
            if (hu < 0x3504f7)
            {
                u = BitConverter.Int32BitsToSingle(hu | 0x3f800000); // normalise u to [1, sqrt 2)
            }
            else
            {
                k += 1;
                u = BitConverter.Int32BitsToSingle(hu | 0x3f000000); // normalise u/2 to [sqrt(2)/2, 1)
                hu = (0x00800000 - hu) >> 2;
            }

            f = u - 1.0f;
        }

        float hfsq = 0.5f * f * f;
        if (hu == 0)
        {
            // |f| < 2^-20
            if (f == 0.0f)
            {
                if (k == 0)
                {
                    return 0.0f;
                }

                c += k * Ln2Lo;
                return (k * Ln2Hi) + c;
            }

            float r0 = hfsq * (1.0f - (0.6666667f * f)); // (float)0.66666666666666666
            return k == 0 ? f - r0 : (k * Ln2Hi) - ((r0 - ((k * Ln2Lo) + c)) - f);
        }

        float s = f / (2.0f + f);
        float z = s * s;
        float r = z * (Lp1 + (z * (Lp2 + (z * (Lp3 + (z * (Lp4 + (z * (Lp5 + (z * (Lp6 + (z * Lp7))))))))))));
        return k == 0
            ? f - (hfsq - (s * (hfsq + r)))
            : (k * Ln2Hi) - ((hfsq - ((s * (hfsq + r)) + ((k * Ln2Lo) + c))) - f);
    }
}

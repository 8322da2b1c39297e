namespace OneSeed.TorchVision.Internal;

/// <summary>
/// Reference LAPACK 3.11's <c>SGELS</c> (trans = 'N', m ≥ n, one right-hand side) over reference BLAS, float32 operation
/// for float32 operation: what <c>torch.linalg.lstsq(driver="gels")</c> computes on a float32 CPU tensor when torch
/// links netlib LAPACK (Debian's torch does). torchvision solves RandomPerspective's 8x8 corner system this way, and the
/// system is ill-conditioned enough (entries from 1 to w·h) that the float32 answer is percents away from the exact one,
/// so the coefficients, and with them the pixels, are torchvision's only if the rounding is.
/// </summary>
/// <remarks>
/// The path for m ≥ n: <c>SGEQRF</c> (unblocked <c>SGEQR2</c>: below the block size of 32), <c>SORMQR</c> (unblocked
/// <c>SORM2R</c>), <c>STRTRS</c>. Reference BLAS is compiled without FMA contraction or reassociation on x86-64, so each
/// loop below is a sequence of correctly rounded float32 operations in the Fortran's order; keep them so (no
/// <c>MathF.FusedMultiplyAdd</c>, no vectorised sums). SGELS's scaling of A or B by powers of SMLNUM/BIGNUM applies only
/// when their largest magnitude is below 2e-31 or above 5e30 (never for pixel coordinates); it is transcribed too.
/// LAPACK built otherwise (MKL, OpenBLAS) rounds otherwise: docs/torchvision.md says so.
/// </remarks>
internal static class ReferenceLapackSgels
{
    // SLAMCH('S') / SLAMCH('P'): the smallest normal float (2^-126) over LAPACK's precision, eps·radix (2^-23).
    private const float SmallNumber = 1.17549435E-38f / 1.1920929E-7f;
    private const float BigNumber = 1f / SmallNumber;

    /// <summary>
    /// Solves min ‖A x − b‖ for <paramref name="a"/> (<paramref name="m"/> × <paramref name="n"/>, column-major,
    /// overwritten by its QR factors) and <paramref name="b"/> (length m, overwritten; the solution is its first n).
    /// </summary>
    /// <returns>False when R has a zero on its diagonal (LAPACK's INFO &gt; 0: A does not have full rank).</returns>
    public static bool Solve(float[] a, int m, int n, float[] b)
    {
        if (m < n || n == 0 || a.Length != m * n || b.Length != m)
        {
            throw new ArgumentException($"ReferenceLapackSgels.Solve needs an m x n column-major matrix with m >= n >= 1 and a right-hand side of length m; got m = {m}, n = {n}, {a.Length} and {b.Length} values.");
        }

        float anrm = MaxAbs(a);
        if (anrm == 0)
        {
            Array.Clear(b);
            return true;
        }

        float aScaledTo = ScaleIntoRange(a, anrm);
        float bnrm = MaxAbs(b);
        float bScaledTo = ScaleIntoRange(b, bnrm);

        // SGEQR2: A = Q R, the reflectors below the diagonal, their scalars in tau.
        var tau = new float[n];
        var work = new float[n];
        for (int i = 0; i < n; i++)
        {
            int diagonal = i + (i * m);
            tau[i] = Householder(m - i, ref a[diagonal], a.AsSpan(Math.Min(i + 1, m - 1) + (i * m)));
            if (i < n - 1)
            {
                float aii = a[diagonal];
                a[diagonal] = 1;
                ApplyReflectorLeft(a.AsSpan(diagonal, m - i), tau[i], a.AsSpan(i + ((i + 1) * m)), m - i, n - i - 1, m, work);
                a[diagonal] = aii;
            }
        }

        // SORM2R('Left', 'Transpose'): b = Qᵀ b, reflector by reflector.
        for (int i = 0; i < n; i++)
        {
            int diagonal = i + (i * m);
            float aii = a[diagonal];
            a[diagonal] = 1;
            ApplyReflectorLeft(a.AsSpan(diagonal, m - i), tau[i], b.AsSpan(i), m - i, 1, m, work);
            a[diagonal] = aii;
        }

        // STRTRS('Upper', 'No transpose', 'Non-unit'): a zero on R's diagonal is a singular system; else STRSM.
        for (int i = 0; i < n; i++)
        {
            if (a[i + (i * m)] == 0)
            {
                return false;
            }
        }

        for (int k = n - 1; k >= 0; k--)
        {
            if (b[k] != 0)
            {
                b[k] /= a[k + (k * m)];
                for (int i = 0; i < k; i++)
                {
                    b[i] -= b[k] * a[i + (k * m)];
                }
            }
        }

        // SGELS's undoing: the solution scales as A's inverse and as b.
        Span<float> solution = b.AsSpan(0, n);
        if (aScaledTo != 0)
        {
            Rescale(anrm, aScaledTo, solution);
        }

        if (bScaledTo != 0)
        {
            Rescale(bScaledTo, bnrm, solution);
        }

        return true;
    }

    // SGELS's scaling of A or b whose largest magnitude (norm, not 0) lies outside [SMLNUM, BIGNUM]: scaled to the bound
    // it passed, which is returned; 0 when nothing was scaled.
    private static float ScaleIntoRange(Span<float> values, float norm)
    {
        float bound = norm > 0 && norm < SmallNumber ? SmallNumber : norm > BigNumber ? BigNumber : 0;
        if (bound != 0)
        {
            Rescale(norm, bound, values);
        }

        return bound;
    }

    // SLANGE('M'): the largest magnitude (NaN wins, as SISNAN makes it).
    private static float MaxAbs(ReadOnlySpan<float> values)
    {
        float largest = 0;
        foreach (float v in values)
        {
            float magnitude = MathF.Abs(v);
            if (largest < magnitude || float.IsNaN(magnitude))
            {
                largest = magnitude;
            }
        }

        return largest;
    }

    // SLARFG: the reflector H = I - tau v vᵀ with H (alpha, x) = (beta, 0); x becomes v's tail, alpha beta.
    private static float Householder(int n, ref float alpha, Span<float> x)
    {
        if (n <= 1)
        {
            return 0;
        }

        x = x[..(n - 1)];
        float xnorm = Nrm2(x);
        if (xnorm == 0)
        {
            return 0;
        }

        float beta = -MathF.CopySign(Lapy2(alpha, xnorm), alpha);
        const float safeMinimum = 1.17549435E-38f / 5.96046448E-8f; // SLAMCH('S') / SLAMCH('E'): 2^-126 / 2^-24
        int knt = 0;
        if (MathF.Abs(beta) < safeMinimum)
        {
            const float reciprocal = 1f / safeMinimum;
            do
            {
                knt++;
                Scale(x, reciprocal);
                beta *= reciprocal;
                alpha *= reciprocal;
            }
            while (MathF.Abs(beta) < safeMinimum);

            xnorm = Nrm2(x);
            beta = -MathF.CopySign(Lapy2(alpha, xnorm), alpha);
        }

        float tau = (beta - alpha) / beta;
        Scale(x, 1f / (alpha - beta));
        for (int j = 0; j < knt; j++)
        {
            beta *= safeMinimum;
        }

        alpha = beta;
        return tau;
    }

    // SSCAL.
    private static void Scale(Span<float> x, float factor)
    {
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = factor * x[i];
        }
    }

    // SLAPY2: sqrt(x² + y²) without needless overflow.
    private static float Lapy2(float x, float y)
    {
        if (float.IsNaN(y))
        {
            return y;
        }

        if (float.IsNaN(x))
        {
            return x;
        }

        float xabs = MathF.Abs(x), yabs = MathF.Abs(y);
        float w = MathF.Max(xabs, yabs), z = MathF.Min(xabs, yabs);
        if (z == 0 || w > float.MaxValue)
        {
            return w;
        }

        float ratio = z / w;
        return w * MathF.Sqrt(1f + (ratio * ratio));
    }

    // SNRM2 (BLAS 3.10+, Blue's algorithm with three accumulators, Anderson's safe scaling).
    private static float Nrm2(ReadOnlySpan<float> x)
    {
        const float tsml = 1.08420217E-19f; // 2^-63
        const float tbig = 4.50359963E+15f; // 2^52
        const float ssml = 3.77789319E+22f; // 2^75
        const float sbig = 1.32348898E-23f; // 2^-76
        if (x.Length == 0)
        {
            return 0;
        }

        bool notBig = true;
        float asml = 0, amed = 0, abig = 0;
        foreach (float v in x)
        {
            float ax = MathF.Abs(v);
            if (ax > tbig)
            {
                float scaled = ax * sbig;
                abig += scaled * scaled;
                notBig = false;
            }
            else if (ax < tsml)
            {
                if (notBig)
                {
                    float scaled = ax * ssml;
                    asml += scaled * scaled;
                }
            }
            else
            {
                amed += ax * ax;
            }
        }

        float scale, sumsq;
        if (abig > 0)
        {
            if (amed > 0 || amed > float.MaxValue || float.IsNaN(amed))
            {
                abig += amed * sbig * sbig;
            }

            scale = 1f / sbig;
            sumsq = abig;
        }
        else if (asml > 0)
        {
            if (amed > 0 || amed > float.MaxValue || float.IsNaN(amed))
            {
                amed = MathF.Sqrt(amed);
                asml = MathF.Sqrt(asml) / ssml;
                float ymin = asml > amed ? amed : asml;
                float ymax = asml > amed ? asml : amed;
                float ratio = ymin / ymax;
                scale = 1;
                sumsq = ymax * ymax * (1f + (ratio * ratio));
            }
            else
            {
                scale = 1f / ssml;
                sumsq = asml;
            }
        }
        else
        {
            scale = 1;
            sumsq = amed;
        }

        return scale * MathF.Sqrt(sumsq);
    }

    // SLARF('Left'): C = H C = C - tau v (Cᵀ v)ᵀ for C rows × columns with leading dimension ld, trimmed to v's last
    // non-zero and C's last non-zero column first (ILASLC), as LAPACK trims.
    private static void ApplyReflectorLeft(Span<float> v, float tau, Span<float> c, int rows, int columns, int ld, float[] work)
    {
        if (tau == 0)
        {
            return;
        }

        int lastv = rows;
        while (lastv > 0 && v[lastv - 1] == 0)
        {
            lastv--;
        }

        if (lastv == 0)
        {
            return;
        }

        int lastc = LastNonZeroColumn(c, lastv, columns, ld);

        // SGEMV('Transpose'): work = Cᵀ v, one column's dot product at a time, summed from the top.
        for (int j = 0; j < lastc; j++)
        {
            float sum = 0;
            for (int i = 0; i < lastv; i++)
            {
                sum += c[i + (j * ld)] * v[i];
            }

            work[j] = 0f + sum;
        }

        // SGER: C -= tau v workᵀ, columns whose work entry is 0 left alone.
        float alpha = -tau;
        for (int j = 0; j < lastc; j++)
        {
            if (work[j] != 0)
            {
                float factor = alpha * work[j];
                for (int i = 0; i < lastv; i++)
                {
                    c[i + (j * ld)] += v[i] * factor;
                }
            }
        }
    }

    // ILASLC: the number of columns up to the last with a non-zero in its first `rows` entries.
    private static int LastNonZeroColumn(ReadOnlySpan<float> c, int rows, int columns, int ld)
    {
        if (columns == 0 || c[(columns - 1) * ld] != 0 || c[rows - 1 + ((columns - 1) * ld)] != 0)
        {
            return columns;
        }

        for (int j = columns - 1; j >= 0; j--)
        {
            for (int i = 0; i < rows; i++)
            {
                if (c[i + (j * ld)] != 0)
                {
                    return j + 1;
                }
            }
        }

        return 0;
    }

    // SLASCL('G', cfrom → cto): multiplies by cto/cfrom in steps that neither overflow nor underflow.
    private static void Rescale(float cfrom, float cto, Span<float> values)
    {
        const float smallest = 1.17549435E-38f;
        const float largest = 1f / smallest;
        float cfromc = cfrom, ctoc = cto;
        bool done;
        do
        {
            float cfrom1 = cfromc * smallest;
            float mul;
            if (cfrom1 == cfromc)
            {
                // cfromc is infinite: the quotient is NaN or infinite.
                mul = ctoc / cfromc;
                done = true;
            }
            else
            {
                float cto1 = ctoc / largest;
                if (cto1 == ctoc)
                {
                    mul = ctoc;
                    done = true;
                    cfromc = 1;
                }
                else if (MathF.Abs(cfrom1) > MathF.Abs(ctoc) && ctoc != 0)
                {
                    mul = smallest;
                    done = false;
                    cfromc = cfrom1;
                }
                else if (MathF.Abs(cto1) > MathF.Abs(cfromc))
                {
                    mul = largest;
                    done = false;
                    ctoc = cto1;
                }
                else
                {
                    mul = ctoc / cfromc;
                    done = true;
                }
            }

            for (int i = 0; i < values.Length; i++)
            {
                values[i] *= mul;
            }
        }
        while (!done);
    }
}

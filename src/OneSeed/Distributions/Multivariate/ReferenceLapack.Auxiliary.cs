// Transcribed from the reference LAPACK and BLAS 3.11 (netlib, github.com/Reference-LAPACK/lapack, tag v3.11.0);
// their copyright notice and license are in LAPACK-LICENSE.txt beside this file.

namespace OneSeed.Distributions;

/// <summary>
/// The reference LAPACK 3.11 routines (Debian's <c>liblapack3</c>, which Debian's NumPy calls through
/// <c>numpy.linalg</c>) that factor a covariance matrix for <c>multivariate_normal</c>: <c>DGESDD</c> (square, JOBZ =
/// 'A'), <c>DSYEVD</c> (JOBZ = 'V', UPLO = 'L') and <c>DPOTRF</c> (UPLO = 'L'), transcribed statement by statement.
/// </summary>
/// <remarks>
/// <para>
/// The singular vectors and eigenvectors LAPACK returns are one choice among many (their signs, and the basis of a
/// repeated singular value's space, are not determined by the matrix): only the same sequence of operations gives
/// the same choice. Each routine here follows its Fortran source line by line, with the same evaluation order of
/// every expression (gfortran keeps Fortran's left-to-right order and, for x86-64 without FMA, rounds every product
/// and sum), the same branches, block sizes (<c>ILAENV</c>'s values) and workspace-dependent choices.
/// </para>
/// <para>
/// Arrays are Fortran's column-major arrays as spans with a leading dimension: <c>A(i, j)</c> is
/// <c>a[(i - 1) + (j - 1) * lda]</c>, and a Fortran argument <c>A(i, j)</c> (a sub-array) is the slice from there.
/// Loop counters stay 1-based, as in the source. Only the paths that the three drivers take for square, finite input
/// are transcribed.
/// </para>
/// </remarks>
internal static partial class ReferenceLapack
{
    /// <summary>DLAMCH('E'): the relative machine precision for rounding to nearest, 2^-53.</summary>
    internal const double Eps = 1.1102230246251565e-16;

    /// <summary>DLAMCH('P') = eps·base, 2^-52.</summary>
    internal const double Precision = 2.220446049250313e-16;

    /// <summary>DLAMCH('S'): the safe minimum, 2^-1022 (1/huge is smaller).</summary>
    internal const double SafeMinimum = 2.2250738585072014e-308;

    /// <summary>DLAMCH('O'): the overflow threshold.</summary>
    internal const double Overflow = double.MaxValue;

    // la_constants' dsafmin (2^-1022) and dsafmax (2^1022), used by the LAPACK 3.10+ DLARTG.
    private const double LaSafeMin = SafeMinimum;
    private static readonly double LaSafeMax = 1.0 / LaSafeMin;
    private static readonly double RtMin = Math.Sqrt(LaSafeMin);
    private static readonly double RtMax = Math.Sqrt(LaSafeMax / 2);

    /// <summary>Fortran's SIGN(a, b): |a| with the sign bit of b.</summary>
    internal static double Sign(double a, double b) => Math.CopySign(a, b);

    /// <summary>DLAPY2: sqrt(x² + y²) without needless overflow.</summary>
    internal static double Dlapy2(double x, double y)
    {
        bool xIsNan = double.IsNaN(x);
        bool yIsNan = double.IsNaN(y);
        double result = 0.0;
        if (xIsNan)
        {
            result = x;
        }

        if (yIsNan)
        {
            result = y;
        }

        if (!(xIsNan || yIsNan))
        {
            double xabs = Math.Abs(x);
            double yabs = Math.Abs(y);
            double w = Math.Max(xabs, yabs);
            double z = Math.Min(xabs, yabs);
            if (z == 0.0 || w > Overflow)
            {
                result = w;
            }
            else
            {
                double q = z / w;
                result = w * Math.Sqrt(1.0 + (q * q));
            }
        }

        return result;
    }

    /// <summary>DLARTG (LAPACK 3.10+, la_constants): a plane rotation with c·f + s·g = r, c·g − s·f = 0.</summary>
    internal static void Dlartg(double f, double g, out double c, out double s, out double r)
    {
        double f1 = Math.Abs(f);
        double g1 = Math.Abs(g);
        if (g == 0.0)
        {
            c = 1.0;
            s = 0.0;
            r = f;
        }
        else if (f == 0.0)
        {
            c = 0.0;
            s = Sign(1.0, g);
            r = g1;
        }
        else if (f1 > RtMin && f1 < RtMax && g1 > RtMin && g1 < RtMax)
        {
            double d = Math.Sqrt((f * f) + (g * g));
            c = f1 / d;
            r = Sign(d, f);
            s = g / r;
        }
        else
        {
            double u = Math.Min(LaSafeMax, Math.Max(LaSafeMin, Math.Max(f1, g1)));
            double fs = f / u;
            double gs = g / u;
            double d = Math.Sqrt((fs * fs) + (gs * gs));
            c = Math.Abs(fs) / d;
            r = Sign(d, f);
            s = gs / r;
            r *= u;
        }
    }

    /// <summary>
    /// DLARFG: the elementary reflector H with H·(alpha; x) = (beta; 0); <paramref name="alpha"/> becomes beta and
    /// <paramref name="x"/> the reflector's vector v (with v(1) = 1 implied).
    /// </summary>
    internal static void Dlarfg(int n, ref double alpha, Span<double> x, int incx, out double tau)
    {
        if (n <= 1)
        {
            tau = 0.0;
            return;
        }

        double xnorm = ReferenceBlas.Dnrm2(n - 1, x, incx);
        if (xnorm == 0.0)
        {
            tau = 0.0;
            return;
        }

        double beta = -Sign(Dlapy2(alpha, xnorm), alpha);
        const double safmin = SafeMinimum / Eps;
        int knt = 0;
        if (Math.Abs(beta) < safmin)
        {
            const double rsafmn = 1.0 / safmin;
            do
            {
                knt++;
                ReferenceBlas.Dscal(n - 1, rsafmn, x, incx);
                beta *= rsafmn;
                alpha *= rsafmn;
            }
            while (Math.Abs(beta) < safmin && knt < 20);

            xnorm = ReferenceBlas.Dnrm2(n - 1, x, incx);
            beta = -Sign(Dlapy2(alpha, xnorm), alpha);
        }

        tau = (beta - alpha) / beta;
        ReferenceBlas.Dscal(n - 1, 1.0 / (alpha - beta), x, incx);
        for (int j = 1; j <= knt; j++)
        {
            beta *= safmin;
        }

        alpha = beta;
    }

    /// <summary>ILADLR: the last non-zero row of A (0 if none).</summary>
    internal static int Iladlr(int m, int n, ReadOnlySpan<double> a, int lda)
    {
        if (m == 0)
        {
            return m;
        }

        if (a[m - 1] != 0.0 || a[(m - 1) + ((n - 1) * lda)] != 0.0)
        {
            return m;
        }

        int result = 0;
        for (int j = 1; j <= n; j++)
        {
            int i = m;
            while (i >= 1 && a[(Math.Max(i, 1) - 1) + ((j - 1) * lda)] == 0.0)
            {
                i--;
            }

            result = Math.Max(result, i);
        }

        return result;
    }

    /// <summary>ILADLC: the last non-zero column of A (0 if none).</summary>
    internal static int Iladlc(int m, int n, ReadOnlySpan<double> a, int lda)
    {
        if (n == 0)
        {
            return n;
        }

        if (a[(n - 1) * lda] != 0.0 || a[(m - 1) + ((n - 1) * lda)] != 0.0)
        {
            return n;
        }

        for (int col = n; col >= 1; col--)
        {
            for (int i = 1; i <= m; i++)
            {
                if (a[(i - 1) + ((col - 1) * lda)] != 0.0)
                {
                    return col;
                }
            }
        }

        return 0;
    }

    /// <summary>
    /// DLARF: applies H = I − tau·v·vᵀ to C from the left (<paramref name="left"/>) or the right, skipping the trailing
    /// zeros of v and the zero rows/columns of C as the reference does.
    /// </summary>
    internal static void Dlarf(bool left, int m, int n, ReadOnlySpan<double> v, int incv, double tau, Span<double> c, int ldc, Span<double> work)
    {
        int lastv = 0;
        int lastc = 0;
        if (tau != 0.0)
        {
            lastv = left ? m : n;
            int i = incv > 0 ? 1 + ((lastv - 1) * incv) : 1;
            while (lastv > 0 && v[i - 1] == 0.0)
            {
                lastv--;
                i -= incv;
            }

            lastc = left ? Iladlc(lastv, n, c, ldc) : Iladlr(m, lastv, c, ldc);
        }

        if (lastv <= 0)
        {
            return;
        }

        if (left)
        {
            ReferenceBlas.Dgemv(true, lastv, lastc, 1.0, c, ldc, v, incv, 0.0, work, 1);
            ReferenceBlas.Dger(lastv, lastc, -tau, v, incv, work, 1, c, ldc);
        }
        else
        {
            ReferenceBlas.Dgemv(false, lastc, lastv, 1.0, c, ldc, v, incv, 0.0, work, 1);
            ReferenceBlas.Dger(lastc, lastv, -tau, work, 1, v, incv, c, ldc);
        }
    }

    /// <summary>DLASCL for TYPE 'G' (<paramref name="lowerOnly"/> false) or 'L': A := A·(cto/cfrom) without over/underflow.</summary>
    internal static void Dlascl(bool lowerOnly, double cfrom, double cto, int m, int n, Span<double> a, int lda)
    {
        if (n == 0 || m == 0)
        {
            return;
        }

        const double smlnum = SafeMinimum;
        const double bignum = 1.0 / smlnum;
        double cfromc = cfrom;
        double ctoc = cto;
        bool done;
        do
        {
            double cfrom1 = cfromc * smlnum;
            double mul;
            if (cfrom1 == cfromc)
            {
                mul = ctoc / cfromc;
                done = true;
            }
            else
            {
                double cto1 = ctoc / bignum;
                if (cto1 == ctoc)
                {
                    mul = ctoc;
                    done = true;
                    cfromc = 1.0;
                }
                else if (Math.Abs(cfrom1) > Math.Abs(ctoc) && ctoc != 0.0)
                {
                    mul = smlnum;
                    done = false;
                    cfromc = cfrom1;
                }
                else if (Math.Abs(cto1) > Math.Abs(cfromc))
                {
                    mul = bignum;
                    done = false;
                    ctoc = cto1;
                }
                else
                {
                    mul = ctoc / cfromc;
                    done = true;
                    if (mul == 1.0)
                    {
                        return;
                    }
                }
            }

            for (int j = 1; j <= n; j++)
            {
                for (int i = lowerOnly ? j : 1; i <= m; i++)
                {
                    a[(i - 1) + ((j - 1) * lda)] *= mul;
                }
            }
        }
        while (!done);
    }

    /// <summary>DLASET('A'/'Full'): off-diagonal entries alpha, diagonal beta.</summary>
    internal static void Dlaset(int m, int n, double alpha, double beta, Span<double> a, int lda)
    {
        for (int j = 1; j <= n; j++)
        {
            for (int i = 1; i <= m; i++)
            {
                a[(i - 1) + ((j - 1) * lda)] = alpha;
            }
        }

        for (int i = 1; i <= Math.Min(m, n); i++)
        {
            a[(i - 1) + ((i - 1) * lda)] = beta;
        }
    }

    /// <summary>DLACPY('A'): B := A.</summary>
    internal static void Dlacpy(int m, int n, ReadOnlySpan<double> a, int lda, Span<double> b, int ldb)
    {
        for (int j = 1; j <= n; j++)
        {
            for (int i = 1; i <= m; i++)
            {
                b[(i - 1) + ((j - 1) * ldb)] = a[(i - 1) + ((j - 1) * lda)];
            }
        }
    }

    /// <summary>DLANST('M'): the largest |entry| of a symmetric tridiagonal (or bidiagonal) matrix, NaN if any is NaN.</summary>
    internal static double DlanstMax(int n, ReadOnlySpan<double> d, ReadOnlySpan<double> e)
    {
        if (n <= 0)
        {
            return 0.0;
        }

        double anorm = Math.Abs(d[n - 1]);
        for (int i = 1; i <= n - 1; i++)
        {
            double sum = Math.Abs(d[i - 1]);
            if (anorm < sum || double.IsNaN(sum))
            {
                anorm = sum;
            }

            sum = Math.Abs(e[i - 1]);
            if (anorm < sum || double.IsNaN(sum))
            {
                anorm = sum;
            }
        }

        return anorm;
    }

    /// <summary>DLANGE('M') (or DLANSY('M', 'L') with <paramref name="lowerOnly"/>): the largest |entry|, NaN if any is NaN.</summary>
    internal static double DlangeMax(bool lowerOnly, int m, int n, ReadOnlySpan<double> a, int lda)
    {
        double value = 0.0;
        for (int j = 1; j <= n; j++)
        {
            for (int i = lowerOnly ? j : 1; i <= m; i++)
            {
                double temp = Math.Abs(a[(i - 1) + ((j - 1) * lda)]);
                if (value < temp || double.IsNaN(temp))
                {
                    value = temp;
                }
            }
        }

        return value;
    }

    /// <summary>DLAS2: the singular values of the 2×2 upper triangular matrix [f g; 0 h].</summary>
    internal static void Dlas2(double f, double g, double h, out double ssmin, out double ssmax)
    {
        double fa = Math.Abs(f);
        double ga = Math.Abs(g);
        double ha = Math.Abs(h);
        double fhmn = Math.Min(fa, ha);
        double fhmx = Math.Max(fa, ha);
        if (fhmn == 0.0)
        {
            ssmin = 0.0;
            if (fhmx == 0.0)
            {
                ssmax = ga;
            }
            else
            {
                double q = Math.Min(fhmx, ga) / Math.Max(fhmx, ga);
                ssmax = Math.Max(fhmx, ga) * Math.Sqrt(1.0 + (q * q));
            }
        }
        else if (ga < fhmx)
        {
            double as_ = 1.0 + (fhmn / fhmx);
            double at = (fhmx - fhmn) / fhmx;
            double q = ga / fhmx;
            double au = q * q;
            double c = 2.0 / (Math.Sqrt((as_ * as_) + au) + Math.Sqrt((at * at) + au));
            ssmin = fhmn * c;
            ssmax = fhmx / c;
        }
        else
        {
            double au = fhmx / ga;
            if (au == 0.0)
            {
                ssmin = (fhmn * fhmx) / ga;
                ssmax = ga;
            }
            else
            {
                double as_ = 1.0 + (fhmn / fhmx);
                double at = (fhmx - fhmn) / fhmx;
                double p = as_ * au;
                double q = at * au;
                double c = 1.0 / (Math.Sqrt(1.0 + (p * p)) + Math.Sqrt(1.0 + (q * q)));
                ssmin = (fhmn * c) * au;
                ssmin += ssmin;
                ssmax = ga / (c + c);
            }
        }
    }

    /// <summary>DLASV2: the SVD of the 2×2 upper triangular matrix [f g; 0 h], with its rotations.</summary>
    internal static void Dlasv2(double f, double g, double h, out double ssmin, out double ssmax, out double snr, out double csr, out double snl, out double csl)
    {
        double ft = f;
        double fa = Math.Abs(ft);
        double ht = h;
        double ha = Math.Abs(h);
        int pmax = 1;
        bool swap = ha > fa;
        if (swap)
        {
            pmax = 3;
            (ft, ht) = (ht, ft);
            (fa, ha) = (ha, fa);
        }

        double gt = g;
        double ga = Math.Abs(gt);
        double clt, crt, slt, srt;
        if (ga == 0.0)
        {
            ssmin = ha;
            ssmax = fa;
            clt = 1.0;
            crt = 1.0;
            slt = 0.0;
            srt = 0.0;
        }
        else
        {
            bool gasmal = true;
            ssmin = 0.0;
            ssmax = 0.0;
            clt = crt = slt = srt = 0.0;
            if (ga > fa)
            {
                pmax = 2;
                if ((fa / ga) < Eps)
                {
                    gasmal = false;
                    ssmax = ga;
                    ssmin = ha > 1.0 ? fa / (ga / ha) : (fa / ga) * ha;
                    clt = 1.0;
                    slt = ht / gt;
                    srt = 1.0;
                    crt = ft / gt;
                }
            }

            if (gasmal)
            {
                double d = fa - ha;
                double l = d == fa ? 1.0 : d / fa;
                double m = gt / ft;
                double t = 2.0 - l;
                double mm = m * m;
                double tt = t * t;
                double s = Math.Sqrt(tt + mm);
                double r = l == 0.0 ? Math.Abs(m) : Math.Sqrt((l * l) + mm);
                double a = 0.5 * (s + r);
                ssmin = ha / a;
                ssmax = fa * a;
                if (mm == 0.0)
                {
                    t = l == 0.0 ? Sign(2.0, ft) * Sign(1.0, gt) : (gt / Sign(d, ft)) + (m / t);
                }
                else
                {
                    t = ((m / (s + t)) + (m / (r + l))) * (1.0 + a);
                }

                l = Math.Sqrt((t * t) + 4.0);
                crt = 2.0 / l;
                srt = t / l;
                clt = (crt + (srt * m)) / a;
                slt = ((ht / ft) * srt) / a;
            }
        }

        if (swap)
        {
            csl = srt;
            snl = crt;
            csr = slt;
            snr = clt;
        }
        else
        {
            csl = clt;
            snl = slt;
            csr = crt;
            snr = srt;
        }

        double tsign = pmax switch
        {
            1 => Sign(1.0, csr) * Sign(1.0, csl) * Sign(1.0, f),
            2 => Sign(1.0, snr) * Sign(1.0, csl) * Sign(1.0, g),
            _ => Sign(1.0, snr) * Sign(1.0, snl) * Sign(1.0, h),
        };
        ssmax = Sign(ssmax, tsign);
        ssmin = Sign(ssmin, tsign * Sign(1.0, f) * Sign(1.0, h));
    }

    /// <summary>DLAEV2: the eigen-decomposition of the 2×2 symmetric matrix [a b; b c].</summary>
    internal static void Dlaev2(double a, double b, double c, out double rt1, out double rt2, out double cs1, out double sn1)
    {
        double sm = a + c;
        double df = a - c;
        double adf = Math.Abs(df);
        double tb = b + b;
        double ab = Math.Abs(tb);
        double acmx, acmn;
        if (Math.Abs(a) > Math.Abs(c))
        {
            acmx = a;
            acmn = c;
        }
        else
        {
            acmx = c;
            acmn = a;
        }

        double rt;
        if (adf > ab)
        {
            double q = ab / adf;
            rt = adf * Math.Sqrt(1.0 + (q * q));
        }
        else if (adf < ab)
        {
            double q = adf / ab;
            rt = ab * Math.Sqrt(1.0 + (q * q));
        }
        else
        {
            rt = ab * Math.Sqrt(2.0);
        }

        int sgn1;
        if (sm < 0.0)
        {
            rt1 = 0.5 * (sm - rt);
            sgn1 = -1;
            rt2 = ((acmx / rt1) * acmn) - ((b / rt1) * b);
        }
        else if (sm > 0.0)
        {
            rt1 = 0.5 * (sm + rt);
            sgn1 = 1;
            rt2 = ((acmx / rt1) * acmn) - ((b / rt1) * b);
        }
        else
        {
            rt1 = 0.5 * rt;
            rt2 = -0.5 * rt;
            sgn1 = 1;
        }

        int sgn2;
        double cs;
        if (df >= 0.0)
        {
            cs = df + rt;
            sgn2 = 1;
        }
        else
        {
            cs = df - rt;
            sgn2 = -1;
        }

        double acs = Math.Abs(cs);
        if (acs > ab)
        {
            double ct = -tb / cs;
            sn1 = 1.0 / Math.Sqrt(1.0 + (ct * ct));
            cs1 = ct * sn1;
        }
        else if (ab == 0.0)
        {
            cs1 = 1.0;
            sn1 = 0.0;
        }
        else
        {
            double tn = -cs / tb;
            cs1 = 1.0 / Math.Sqrt(1.0 + (tn * tn));
            sn1 = tn * cs1;
        }

        if (sgn1 == sgn2)
        {
            double tn = cs1;
            cs1 = -sn1;
            sn1 = tn;
        }
    }

    /// <summary>
    /// DLASR with PIVOT = 'V': applies the sequence of plane rotations (c(j), s(j)) to A from the left
    /// (<paramref name="left"/>, rotating rows j and j+1) or the right (columns j and j+1), forward or backward.
    /// </summary>
    internal static void DlasrVariable(bool left, bool forward, int m, int n, ReadOnlySpan<double> c, ReadOnlySpan<double> s, Span<double> a, int lda)
    {
        if (m == 0 || n == 0)
        {
            return;
        }

        int count = left ? m - 1 : n - 1;
        for (int step = 0; step < count; step++)
        {
            int j = forward ? step + 1 : count - step;
            double ctemp = c[j - 1];
            double stemp = s[j - 1];
            if (ctemp == 1.0 && stemp == 0.0)
            {
                continue;
            }

            if (left)
            {
                for (int i = 1; i <= n; i++)
                {
                    int col = (i - 1) * lda;
                    double temp = a[col + j];
                    a[col + j] = (ctemp * temp) - (stemp * a[col + j - 1]);
                    a[col + j - 1] = (stemp * temp) + (ctemp * a[col + j - 1]);
                }
            }
            else
            {
                int cj = (j - 1) * lda;
                int cj1 = j * lda;
                for (int i = 1; i <= m; i++)
                {
                    double temp = a[cj1 + i - 1];
                    a[cj1 + i - 1] = (ctemp * temp) - (stemp * a[cj + i - 1]);
                    a[cj + i - 1] = (stemp * temp) + (ctemp * a[cj + i - 1]);
                }
            }
        }
    }
}

// Transcribed from the reference LAPACK and BLAS 3.11 (netlib, github.com/Reference-LAPACK/lapack, tag v3.11.0);
// their copyright notice and license are in LAPACK-LICENSE.txt beside this file.

namespace OneSeed.Distributions;

internal static partial class ReferenceLapack
{
    /// <summary>ILAENV(9, 'DBDSDC'/'DSTEDC', ...): the largest problem solved without dividing and conquering.</summary>
    internal const int SmallSize = 25;

    /// <summary>ILAENV(1, 'DORMQR'/'DORMLQ', ...): the block size of the blocked reflector products.</summary>
    private const int OrmBlock = 32;

    /// <summary>DORMQR's and DORMLQ's NBMAX, LDT = NBMAX + 1 and TSIZE = LDT·NBMAX.</summary>
    private const int OrmBlockMax = 64;

    private const int OrmLdt = OrmBlockMax + 1;

    private const int OrmTSize = OrmLdt * OrmBlockMax;

    /// <summary>ILAENV(3, 'DGEBRD', ...): DGEBRD reduces without blocking up to this order, and the last columns above it.</summary>
    internal const int GebrdCrossover = 128;

    /// <summary>
    /// DGESDD with JOBZ = 'A' for a square matrix (what <c>numpy.linalg.svd(a)</c> calls, with NumPy's workspace
    /// query): A = U·diag(S)·VT. <paramref name="a"/> (column-major, leading dimension n) is destroyed.
    /// </summary>
    /// <returns>LAPACK's INFO: 0, or &gt; 0 if the bidiagonal SVD did not converge.</returns>
    internal static int DgesddSquare(int n, Span<double> a, Span<double> s, Span<double> u, Span<double> vt)
    {
        if (n == 0)
        {
            return 0;
        }

        int lda = n, ldu = n, ldvt = n;
        const double eps = Precision;
        double smlnum = Math.Sqrt(SafeMinimum) / eps;
        double bignum = 1.0 / smlnum;

        double anrm = DlangeMax(false, n, n, a, lda);
        if (double.IsNaN(anrm))
        {
            return -4;
        }

        bool iscl = false;
        if (anrm > 0.0 && anrm < smlnum)
        {
            iscl = true;
            Dlascl(false, anrm, smlnum, n, n, a, lda);
        }
        else if (anrm > bignum)
        {
            iscl = true;
            Dlascl(false, anrm, bignum, n, n, a, lda);
        }

        int info;
        int mnthr = (int)(n * 11.0 / 6.0);
        if (n >= mnthr)
        {
            // Path 4 (M >> N, JOBZ = 'A'), taken only by n = 1: the QR factorization, the bidiagonal reduction and
            // the reflector products of a 1×1 matrix are all identities (every tau is zero), DBDSDC returns
            // U = SIGN(1, d), VT = 1, d = |d|, and the final DGEMM forms 0 + (1·U)·1.
            double d = a[0];
            u[0] = Sign(1.0, d);
            vt[0] = 1.0;
            s[0] = Math.Abs(d);
            info = 0;
        }
        else
        {
            // Path 5 (M >= N, but not much larger), JOBZ = 'A'.
            Span<double> e = new double[n];
            Span<double> tauq = new double[n];
            Span<double> taup = new double[n];
            Span<double> work = new double[Math.Max(n, 1)];
            Dgebrd(n, n, a, lda, s, e, tauq, taup, work);

            Dlaset(n, n, 0.0, 0.0, u, ldu);
            info = Dbdsdc(n, s, e, u, ldu, vt, ldvt);

            // The workspace that NumPy's query gives DGESDD, less the 3N it keeps (e, tauq, taup): what DORMBR sees.
            int bdspac = (3 * n * n) + (4 * n);
            int maxwrk = Math.Max((3 * n) + (2 * n * 32), (3 * n) + bdspac);
            maxwrk = Math.Max(maxwrk, (3 * n) + Math.Max(n, bdspac));
            int lwork = maxwrk - (3 * n);

            // DORMBR('Q', 'L', 'N', N, N, N, A, LDA, TAUQ, U, ...): NQ = N >= K = N, so DORMQR on all of U.
            Dormqr(true, false, n, n, n, a, lda, tauq, u, ldu, lwork);

            // DORMBR('P', 'R', 'T', N, N, N, A, LDA, TAUP, VT, ...): NQ = N = K, so DORMLQ('R', 'N') on VT(1, 2).
            if (n > 1)
            {
                Dormlq(false, false, n, n - 1, n - 1, a[At(1, 2, lda)..], lda, taup, vt[At(1, 2, ldvt)..], ldvt, lwork);
            }
        }

        if (iscl)
        {
            if (anrm > bignum)
            {
                Dlascl(false, bignum, anrm, n, 1, s, n);
            }

            if (anrm < smlnum)
            {
                Dlascl(false, smlnum, anrm, n, 1, s, n);
            }
        }

        return info;
    }

    /// <summary>
    /// DGEBRD for m ≥ n: reduces A to upper bidiagonal form Qᵀ·A·P = B. Unblocked (DGEBD2) up to order 128; above,
    /// panels of 32 by DLABRD with two DGEMM updates, the last 128 columns by DGEBD2 (NumPy's workspace always allows
    /// the full block size).
    /// </summary>
    private static void Dgebrd(int m, int n, Span<double> a, int lda, Span<double> d, Span<double> e, Span<double> tauq, Span<double> taup, Span<double> work)
    {
        const int nb = 32;
        int minmn = Math.Min(m, n);
        int nx = minmn;
        if (nb > 1 && nb < minmn)
        {
            nx = Math.Max(nb, GebrdCrossover);
            if (nx >= minmn)
            {
                nx = minmn;
            }
        }

        int ldwrkx = m;
        int ldwrky = n;
        Span<double> xy = nx < minmn ? new double[(ldwrkx * nb) + (ldwrky * nb)] : default;
        int i;
        for (i = 1; i <= minmn - nx; i += nb)
        {
            Dlabrd(m - i + 1, n - i + 1, nb, a[At(i, i, lda)..], lda, d[(i - 1)..], e[(i - 1)..], tauq[(i - 1)..], taup[(i - 1)..], xy, ldwrkx, xy[(ldwrkx * nb)..], ldwrky);
            ReferenceBlas.Dgemm(false, true, m - i - nb + 1, n - i - nb + 1, nb, -1.0, a[At(i + nb, i, lda)..], lda, xy[((ldwrkx * nb) + nb)..], ldwrky, 1.0, a[At(i + nb, i + nb, lda)..], lda);
            ReferenceBlas.Dgemm(false, false, m - i - nb + 1, n - i - nb + 1, nb, -1.0, xy[nb..], ldwrkx, a[At(i, i + nb, lda)..], lda, 1.0, a[At(i + nb, i + nb, lda)..], lda);
            for (int j = i; j <= i + nb - 1; j++)
            {
                a[At(j, j, lda)] = d[j - 1];
                a[At(j, j + 1, lda)] = e[j - 1];
            }
        }

        Dgebd2(m - i + 1, n - i + 1, a[At(i, i, lda)..], lda, d[(i - 1)..], e[(i - 1)..], tauq[(i - 1)..], taup[(i - 1)..], work);
    }

    /// <summary>
    /// DLABRD for m ≥ n: reduces the first nb rows and columns of A to bidiagonal form and returns the matrices X and
    /// Y that DGEBRD needs to update the rest (A := A − V·Yᵀ − X·Uᵀ). The unit entries of the reflectors stay in A.
    /// </summary>
    private static void Dlabrd(int m, int n, int nb, Span<double> a, int lda, Span<double> d, Span<double> e, Span<double> tauq, Span<double> taup, Span<double> x, int ldx, Span<double> y, int ldy)
    {
        if (m <= 0 || n <= 0)
        {
            return;
        }

        for (int i = 1; i <= nb; i++)
        {
            // Update A(i:m, i).
            int ii = At(i, i, lda);
            ReferenceBlas.Dgemv(false, m - i + 1, i - 1, -1.0, a[(i - 1)..], lda, y[(i - 1)..], ldy, 1.0, a[ii..], 1);
            ReferenceBlas.Dgemv(false, m - i + 1, i - 1, -1.0, x[(i - 1)..], ldx, a[At(1, i, lda)..], 1, 1.0, a[ii..], 1);

            // The reflector that annihilates A(i+1:m, i).
            double alpha = a[ii];
            Dlarfg(m - i + 1, ref alpha, a[At(Math.Min(i + 1, m), i, lda)..], 1, out tauq[i - 1]);
            a[ii] = alpha;
            d[i - 1] = a[ii];
            if (i < n)
            {
                a[ii] = 1.0;

                // Compute Y(i+1:n, i).
                ReferenceBlas.Dgemv(true, m - i + 1, n - i, 1.0, a[At(i, i + 1, lda)..], lda, a[ii..], 1, 0.0, y[At(i + 1, i, ldy)..], 1);
                ReferenceBlas.Dgemv(true, m - i + 1, i - 1, 1.0, a[(i - 1)..], lda, a[ii..], 1, 0.0, y[At(1, i, ldy)..], 1);
                ReferenceBlas.Dgemv(false, n - i, i - 1, -1.0, y[i..], ldy, y[At(1, i, ldy)..], 1, 1.0, y[At(i + 1, i, ldy)..], 1);
                ReferenceBlas.Dgemv(true, m - i + 1, i - 1, 1.0, x[(i - 1)..], ldx, a[ii..], 1, 0.0, y[At(1, i, ldy)..], 1);
                ReferenceBlas.Dgemv(true, i - 1, n - i, -1.0, a[At(1, i + 1, lda)..], lda, y[At(1, i, ldy)..], 1, 1.0, y[At(i + 1, i, ldy)..], 1);
                ReferenceBlas.Dscal(n - i, tauq[i - 1], y[At(i + 1, i, ldy)..], 1);

                // Update A(i, i+1:n).
                int ij = At(i, i + 1, lda);
                ReferenceBlas.Dgemv(false, n - i, i, -1.0, y[i..], ldy, a[(i - 1)..], lda, 1.0, a[ij..], lda);
                ReferenceBlas.Dgemv(true, i - 1, n - i, -1.0, a[At(1, i + 1, lda)..], lda, x[(i - 1)..], ldx, 1.0, a[ij..], lda);

                // The reflector that annihilates A(i, i+2:n).
                alpha = a[ij];
                Dlarfg(n - i, ref alpha, a[At(i, Math.Min(i + 2, n), lda)..], lda, out taup[i - 1]);
                a[ij] = alpha;
                e[i - 1] = a[ij];
                a[ij] = 1.0;

                // Compute X(i+1:m, i).
                ReferenceBlas.Dgemv(false, m - i, n - i, 1.0, a[At(i + 1, i + 1, lda)..], lda, a[ij..], lda, 0.0, x[At(i + 1, i, ldx)..], 1);
                ReferenceBlas.Dgemv(true, n - i, i, 1.0, y[i..], ldy, a[ij..], lda, 0.0, x[At(1, i, ldx)..], 1);
                ReferenceBlas.Dgemv(false, m - i, i, -1.0, a[i..], lda, x[At(1, i, ldx)..], 1, 1.0, x[At(i + 1, i, ldx)..], 1);
                ReferenceBlas.Dgemv(false, i - 1, n - i, 1.0, a[At(1, i + 1, lda)..], lda, a[ij..], lda, 0.0, x[At(1, i, ldx)..], 1);
                ReferenceBlas.Dgemv(false, m - i, i - 1, -1.0, x[i..], ldx, x[At(1, i, ldx)..], 1, 1.0, x[At(i + 1, i, ldx)..], 1);
                ReferenceBlas.Dscal(m - i, taup[i - 1], x[At(i + 1, i, ldx)..], 1);
            }
        }
    }

    /// <summary>DGEBD2 for m ≥ n: the unblocked Householder bidiagonalization.</summary>
    private static void Dgebd2(int m, int n, Span<double> a, int lda, Span<double> d, Span<double> e, Span<double> tauq, Span<double> taup, Span<double> work)
    {
        for (int i = 1; i <= n; i++)
        {
            int ii = At(i, i, lda);
            double alpha = a[ii];
            Dlarfg(m - i + 1, ref alpha, a[At(Math.Min(i + 1, m), i, lda)..], 1, out tauq[i - 1]);
            a[ii] = alpha;
            d[i - 1] = a[ii];
            a[ii] = 1.0;
            if (i < n)
            {
                Dlarf(true, m - i + 1, n - i, a[ii..], 1, tauq[i - 1], a[At(i, i + 1, lda)..], lda, work);
            }

            a[ii] = d[i - 1];
            if (i < n)
            {
                int ij = At(i, i + 1, lda);
                alpha = a[ij];
                Dlarfg(n - i, ref alpha, a[At(i, Math.Min(i + 2, n), lda)..], lda, out taup[i - 1]);
                a[ij] = alpha;
                e[i - 1] = a[ij];
                a[ij] = 1.0;
                Dlarf(false, m - i, n - i, a[ij..], lda, taup[i - 1], a[At(i + 1, i + 1, lda)..], lda, work);
                a[ij] = e[i - 1];
            }
            else
            {
                taup[i - 1] = 0.0;
            }
        }
    }

    /// <summary>
    /// DBDSDC with UPLO = 'U', COMPQ = 'I': the SVD of an upper bidiagonal matrix, B = U·diag(D)·VT, U and VT
    /// computed from the identity. DLASDQ (implicit QR) up to order 25, divide and conquer above.
    /// </summary>
    private static int Dbdsdc(int n, Span<double> d, Span<double> e, Span<double> u, int ldu, Span<double> vt, int ldvt)
    {
        if (n == 0)
        {
            return 0;
        }

        if (n == 1)
        {
            u[0] = Sign(1.0, d[0]);
            vt[0] = 1.0;
            d[0] = Math.Abs(d[0]);
            return 0;
        }

        int info;
        if (n <= SmallSize)
        {
            Dlaset(n, n, 0.0, 1.0, u, ldu);
            Dlaset(n, n, 0.0, 1.0, vt, ldvt);
            info = Dlasdq(true, 0, n, n, n, d, e, vt, ldvt, u, ldu, new double[4 * n]);
        }
        else
        {
            info = DbdsdcDivideAndConquer(n, d, e, u, ldu, vt, ldvt);
            if (info != 0)
            {
                return info;
            }
        }

        // Label 40: selection sort into decreasing order, one swap per position.
        for (int ii = 2; ii <= n; ii++)
        {
            int i = ii - 1;
            int kk = i;
            double p = d[i - 1];
            for (int j = ii; j <= n; j++)
            {
                if (d[j - 1] > p)
                {
                    kk = j;
                    p = d[j - 1];
                }
            }

            if (kk != i)
            {
                d[kk - 1] = d[i - 1];
                d[i - 1] = p;
                ReferenceBlas.Dswap(n, u[At(1, i, ldu)..], 1, u[At(1, kk, ldu)..], 1);
                ReferenceBlas.Dswap(n, vt[At(i, 1, ldvt)..], ldvt, vt[At(kk, 1, ldvt)..], ldvt);
            }
        }

        return info;
    }

    /// <summary>
    /// DLASDQ with NCC = 0: the SVD of an upper (<paramref name="upper"/>) or lower bidiagonal matrix, square
    /// (SQRE = 0) or with one extra column (SQRE = 1), by DBDSQR; the singular values end in increasing order.
    /// </summary>
    private static int Dlasdq(bool upper, int sqre, int n, int ncvt, int nru, Span<double> d, Span<double> e, Span<double> vt, int ldvt, Span<double> u, int ldu, Span<double> work)
    {
        if (n == 0)
        {
            return 0;
        }

        bool rotate = ncvt > 0 || nru > 0;
        int np1 = n + 1;
        int sqre1 = sqre;
        int iuplo = upper ? 1 : 2;
        double cs, sn, r;
        if (iuplo == 1 && sqre1 == 1)
        {
            for (int i = 1; i <= n - 1; i++)
            {
                Dlartg(d[i - 1], e[i - 1], out cs, out sn, out r);
                d[i - 1] = r;
                e[i - 1] = sn * d[i];
                d[i] = cs * d[i];
                if (rotate)
                {
                    work[i - 1] = cs;
                    work[n + i - 1] = sn;
                }
            }

            Dlartg(d[n - 1], e[n - 1], out cs, out sn, out r);
            d[n - 1] = r;
            e[n - 1] = 0.0;
            if (rotate)
            {
                work[n - 1] = cs;
                work[n + n - 1] = sn;
            }

            iuplo = 2;
            sqre1 = 0;
            if (ncvt > 0)
            {
                DlasrVariable(true, true, np1, ncvt, work, work[(np1 - 1)..], vt, ldvt);
            }
        }

        if (iuplo == 2)
        {
            for (int i = 1; i <= n - 1; i++)
            {
                Dlartg(d[i - 1], e[i - 1], out cs, out sn, out r);
                d[i - 1] = r;
                e[i - 1] = sn * d[i];
                d[i] = cs * d[i];
                if (rotate)
                {
                    work[i - 1] = cs;
                    work[n + i - 1] = sn;
                }
            }

            if (sqre1 == 1)
            {
                Dlartg(d[n - 1], e[n - 1], out cs, out sn, out r);
                d[n - 1] = r;
                if (rotate)
                {
                    work[n - 1] = cs;
                    work[n + n - 1] = sn;
                }
            }

            if (nru > 0)
            {
                DlasrVariable(false, true, nru, sqre1 == 0 ? n : np1, work, work[(np1 - 1)..], u, ldu);
            }
        }

        int info = Dbdsqr(n, ncvt, nru, d, e, vt, ldvt, u, ldu, work);

        // Sort into increasing order (one transposition per singular vector).
        for (int i = 1; i <= n; i++)
        {
            int isub = i;
            double smin = d[i - 1];
            for (int j = i + 1; j <= n; j++)
            {
                if (d[j - 1] < smin)
                {
                    isub = j;
                    smin = d[j - 1];
                }
            }

            if (isub != i)
            {
                d[isub - 1] = d[i - 1];
                d[i - 1] = smin;
                if (ncvt > 0)
                {
                    ReferenceBlas.Dswap(ncvt, vt[At(isub, 1, ldvt)..], ldvt, vt[At(i, 1, ldvt)..], ldvt);
                }

                if (nru > 0)
                {
                    ReferenceBlas.Dswap(nru, u[At(1, isub, ldu)..], 1, u[At(1, i, ldu)..], 1);
                }
            }
        }

        return info;
    }

    /// <summary>
    /// DBDSQR with UPLO = 'U', NCC = 0 and vectors wanted: the implicit zero-shift/shifted QR iteration on an upper
    /// bidiagonal matrix, applying its rotations to the rows of VT and the columns of U; values end non-negative
    /// and in decreasing order.
    /// </summary>
    private static int Dbdsqr(int n, int ncvt, int nru, Span<double> d, Span<double> e, Span<double> vt, int ldvt, Span<double> u, int ldu, Span<double> work)
    {
        const double hndrth = 0.01;

        // TOLMUL = MAX(10, MIN(100, EPS**(-1/8))): 2^(53/8), correctly rounded (what glibc's pow returns), written
        // out so that no platform's pow is involved.
        const double tolmul = 98.70149282610821;
        const int maxitr = 6;

        if (n == 0)
        {
            return 0;
        }

        int info = 0;
        int nm1 = n - 1;
        int nm12 = nm1 + nm1;
        int nm13 = nm12 + nm1;
        int idir = 0;
        const double eps = Eps;
        const double unfl = SafeMinimum;
        double tol = 0.0, thresh = 0.0, smax, sminl = 0.0;
        int maxitdivn = 0, iterdivn = 0, iter = 0, oldll = 0, oldm = 0, m = 0, ll = 0;
        double cs, sn, r, oldcs, oldsn, h, f, g, shift, sll, mu, cosr, sinr, cosl, sinl;

        if (n == 1)
        {
            goto L160;
        }

        tol = tolmul * eps;

        smax = 0.0;
        for (int i = 1; i <= n; i++)
        {
            smax = Math.Max(smax, Math.Abs(d[i - 1]));
        }

        for (int i = 1; i <= n - 1; i++)
        {
            smax = Math.Max(smax, Math.Abs(e[i - 1]));
        }

        {
            // TOL >= 0: relative accuracy, from an estimate of the smallest singular value.
            double sminoa = Math.Abs(d[0]);
            if (sminoa != 0.0)
            {
                mu = sminoa;
                for (int i = 2; i <= n; i++)
                {
                    mu = Math.Abs(d[i - 1]) * (mu / (mu + Math.Abs(e[i - 2])));
                    sminoa = Math.Min(sminoa, mu);
                    if (sminoa == 0.0)
                    {
                        break;
                    }
                }
            }

            sminoa /= Math.Sqrt((double)n);
            thresh = Math.Max(tol * sminoa, maxitr * (n * (n * unfl)));
        }

        maxitdivn = maxitr * n;
        iterdivn = 0;
        iter = -1;
        oldll = -1;
        oldm = -1;
        m = n;

    L60:
        if (m <= 1)
        {
            goto L160;
        }

        if (iter >= n)
        {
            iter -= n;
            iterdivn++;
            if (iterdivn >= maxitdivn)
            {
                goto L200;
            }
        }

        smax = Math.Abs(d[m - 1]);
        for (int lll = 1; lll <= m - 1; lll++)
        {
            ll = m - lll;
            double abss = Math.Abs(d[ll - 1]);
            double abse = Math.Abs(e[ll - 1]);
            if (abse <= thresh)
            {
                goto L80;
            }

            smax = Math.Max(smax, Math.Max(abss, abse));
        }

        ll = 0;
        goto L90;

    L80:
        e[ll - 1] = 0.0;
        if (ll == m - 1)
        {
            m--;
            goto L60;
        }

    L90:
        ll++;
        if (ll == m - 1)
        {
            Dlasv2(d[m - 2], e[m - 2], d[m - 1], out double sigmn, out double sigmx, out sinr, out cosr, out sinl, out cosl);
            d[m - 2] = sigmx;
            e[m - 2] = 0.0;
            d[m - 1] = sigmn;
            if (ncvt > 0)
            {
                ReferenceBlas.Drot(ncvt, vt[At(m - 1, 1, ldvt)..], ldvt, vt[At(m, 1, ldvt)..], ldvt, cosr, sinr);
            }

            if (nru > 0)
            {
                ReferenceBlas.Drot(nru, u[At(1, m - 1, ldu)..], 1, u[At(1, m, ldu)..], 1, cosl, sinl);
            }

            m -= 2;
            goto L60;
        }

        if (ll > oldm || m < oldll)
        {
            idir = Math.Abs(d[ll - 1]) >= Math.Abs(d[m - 1]) ? 1 : 2;
        }

        if (idir == 1)
        {
            if (Math.Abs(e[m - 2]) <= Math.Abs(tol) * Math.Abs(d[m - 1]))
            {
                e[m - 2] = 0.0;
                goto L60;
            }

            mu = Math.Abs(d[ll - 1]);
            sminl = mu;
            for (int lll = ll; lll <= m - 1; lll++)
            {
                if (Math.Abs(e[lll - 1]) <= tol * mu)
                {
                    e[lll - 1] = 0.0;
                    goto L60;
                }

                mu = Math.Abs(d[lll]) * (mu / (mu + Math.Abs(e[lll - 1])));
                sminl = Math.Min(sminl, mu);
            }
        }
        else
        {
            if (Math.Abs(e[ll - 1]) <= Math.Abs(tol) * Math.Abs(d[ll - 1]))
            {
                e[ll - 1] = 0.0;
                goto L60;
            }

            mu = Math.Abs(d[m - 1]);
            sminl = mu;
            for (int lll = m - 1; lll >= ll; lll--)
            {
                if (Math.Abs(e[lll - 1]) <= tol * mu)
                {
                    e[lll - 1] = 0.0;
                    goto L60;
                }

                mu = Math.Abs(d[lll - 1]) * (mu / (mu + Math.Abs(e[lll - 1])));
                sminl = Math.Min(sminl, mu);
            }
        }

        oldll = ll;
        oldm = m;

        if (n * tol * (sminl / smax) <= Math.Max(eps, hndrth * tol))
        {
            shift = 0.0;
        }
        else
        {
            if (idir == 1)
            {
                sll = Math.Abs(d[ll - 1]);
                Dlas2(d[m - 2], e[m - 2], d[m - 1], out shift, out r);
            }
            else
            {
                sll = Math.Abs(d[m - 1]);
                Dlas2(d[ll - 1], e[ll - 1], d[ll], out shift, out r);
            }

            if (sll > 0.0)
            {
                double q = shift / sll;
                if (q * q < eps)
                {
                    shift = 0.0;
                }
            }
        }

        iter = iter + m - ll;

        if (shift == 0.0)
        {
            if (idir == 1)
            {
                cs = 1.0;
                oldcs = 1.0;
                oldsn = 0.0;
                for (int i = ll; i <= m - 1; i++)
                {
                    Dlartg(d[i - 1] * cs, e[i - 1], out cs, out sn, out r);
                    if (i > ll)
                    {
                        e[i - 2] = oldsn * r;
                    }

                    Dlartg(oldcs * r, d[i] * sn, out oldcs, out oldsn, out d[i - 1]);
                    work[i - ll] = cs;
                    work[i - ll + nm1] = sn;
                    work[i - ll + nm12] = oldcs;
                    work[i - ll + nm13] = oldsn;
                }

                h = d[m - 1] * cs;
                d[m - 1] = h * oldcs;
                e[m - 2] = h * oldsn;
                if (ncvt > 0)
                {
                    DlasrVariable(true, true, m - ll + 1, ncvt, work, work[(n - 1)..], vt[At(ll, 1, ldvt)..], ldvt);
                }

                if (nru > 0)
                {
                    DlasrVariable(false, true, nru, m - ll + 1, work[nm12..], work[nm13..], u[At(1, ll, ldu)..], ldu);
                }

                if (Math.Abs(e[m - 2]) <= thresh)
                {
                    e[m - 2] = 0.0;
                }
            }
            else
            {
                cs = 1.0;
                oldcs = 1.0;
                oldsn = 0.0;
                for (int i = m; i >= ll + 1; i--)
                {
                    Dlartg(d[i - 1] * cs, e[i - 2], out cs, out sn, out r);
                    if (i < m)
                    {
                        e[i - 1] = oldsn * r;
                    }

                    Dlartg(oldcs * r, d[i - 2] * sn, out oldcs, out oldsn, out d[i - 1]);
                    work[i - ll - 1] = cs;
                    work[i - ll + nm1 - 1] = -sn;
                    work[i - ll + nm12 - 1] = oldcs;
                    work[i - ll + nm13 - 1] = -oldsn;
                }

                h = d[ll - 1] * cs;
                d[ll - 1] = h * oldcs;
                e[ll - 1] = h * oldsn;
                if (ncvt > 0)
                {
                    DlasrVariable(true, false, m - ll + 1, ncvt, work[nm12..], work[nm13..], vt[At(ll, 1, ldvt)..], ldvt);
                }

                if (nru > 0)
                {
                    DlasrVariable(false, false, nru, m - ll + 1, work, work[(n - 1)..], u[At(1, ll, ldu)..], ldu);
                }

                if (Math.Abs(e[ll - 1]) <= thresh)
                {
                    e[ll - 1] = 0.0;
                }
            }
        }
        else
        {
            if (idir == 1)
            {
                f = (Math.Abs(d[ll - 1]) - shift) * (Sign(1.0, d[ll - 1]) + (shift / d[ll - 1]));
                g = e[ll - 1];
                for (int i = ll; i <= m - 1; i++)
                {
                    Dlartg(f, g, out cosr, out sinr, out r);
                    if (i > ll)
                    {
                        e[i - 2] = r;
                    }

                    f = (cosr * d[i - 1]) + (sinr * e[i - 1]);
                    e[i - 1] = (cosr * e[i - 1]) - (sinr * d[i - 1]);
                    g = sinr * d[i];
                    d[i] = cosr * d[i];
                    Dlartg(f, g, out cosl, out sinl, out r);
                    d[i - 1] = r;
                    f = (cosl * e[i - 1]) + (sinl * d[i]);
                    d[i] = (cosl * d[i]) - (sinl * e[i - 1]);
                    if (i < m - 1)
                    {
                        g = sinl * e[i];
                        e[i] = cosl * e[i];
                    }

                    work[i - ll] = cosr;
                    work[i - ll + nm1] = sinr;
                    work[i - ll + nm12] = cosl;
                    work[i - ll + nm13] = sinl;
                }

                e[m - 2] = f;
                if (ncvt > 0)
                {
                    DlasrVariable(true, true, m - ll + 1, ncvt, work, work[(n - 1)..], vt[At(ll, 1, ldvt)..], ldvt);
                }

                if (nru > 0)
                {
                    DlasrVariable(false, true, nru, m - ll + 1, work[nm12..], work[nm13..], u[At(1, ll, ldu)..], ldu);
                }

                if (Math.Abs(e[m - 2]) <= thresh)
                {
                    e[m - 2] = 0.0;
                }
            }
            else
            {
                f = (Math.Abs(d[m - 1]) - shift) * (Sign(1.0, d[m - 1]) + (shift / d[m - 1]));
                g = e[m - 2];
                for (int i = m; i >= ll + 1; i--)
                {
                    Dlartg(f, g, out cosr, out sinr, out r);
                    if (i < m)
                    {
                        e[i - 1] = r;
                    }

                    f = (cosr * d[i - 1]) + (sinr * e[i - 2]);
                    e[i - 2] = (cosr * e[i - 2]) - (sinr * d[i - 1]);
                    g = sinr * d[i - 2];
                    d[i - 2] = cosr * d[i - 2];
                    Dlartg(f, g, out cosl, out sinl, out r);
                    d[i - 1] = r;
                    f = (cosl * e[i - 2]) + (sinl * d[i - 2]);
                    d[i - 2] = (cosl * d[i - 2]) - (sinl * e[i - 2]);
                    if (i > ll + 1)
                    {
                        g = sinl * e[i - 3];
                        e[i - 3] = cosl * e[i - 3];
                    }

                    work[i - ll - 1] = cosr;
                    work[i - ll + nm1 - 1] = -sinr;
                    work[i - ll + nm12 - 1] = cosl;
                    work[i - ll + nm13 - 1] = -sinl;
                }

                e[ll - 1] = f;
                if (Math.Abs(e[ll - 1]) <= thresh)
                {
                    e[ll - 1] = 0.0;
                }

                if (ncvt > 0)
                {
                    DlasrVariable(true, false, m - ll + 1, ncvt, work[nm12..], work[nm13..], vt[At(ll, 1, ldvt)..], ldvt);
                }

                if (nru > 0)
                {
                    DlasrVariable(false, false, nru, m - ll + 1, work, work[(n - 1)..], u[At(1, ll, ldu)..], ldu);
                }
            }
        }

        goto L60;

    L160:
        for (int i = 1; i <= n; i++)
        {
            if (d[i - 1] < 0.0)
            {
                d[i - 1] = -d[i - 1];
                if (ncvt > 0)
                {
                    ReferenceBlas.Dscal(ncvt, -1.0, vt[At(i, 1, ldvt)..], ldvt);
                }
            }
        }

        for (int i = 1; i <= n - 1; i++)
        {
            int isub = 1;
            double smin = d[0];
            for (int j = 2; j <= n + 1 - i; j++)
            {
                if (d[j - 1] <= smin)
                {
                    isub = j;
                    smin = d[j - 1];
                }
            }

            if (isub != n + 1 - i)
            {
                d[isub - 1] = d[n - i];
                d[n - i] = smin;
                if (ncvt > 0)
                {
                    ReferenceBlas.Dswap(ncvt, vt[At(isub, 1, ldvt)..], ldvt, vt[At(n + 1 - i, 1, ldvt)..], ldvt);
                }

                if (nru > 0)
                {
                    ReferenceBlas.Dswap(nru, u[At(1, isub, ldu)..], 1, u[At(1, n + 1 - i, ldu)..], 1);
                }
            }
        }

        return info;

    L200:
        for (int i = 1; i <= n - 1; i++)
        {
            if (e[i - 1] != 0.0)
            {
                info++;
            }
        }

        return info;
    }

    /// <summary>
    /// DORMQR: C := Q·C, Qᵀ·C, C·Q or C·Qᵀ with Q = H(1)·…·H(k) from a QR-style factorization (reflectors in the
    /// columns of A). Unblocked (DORM2R) when the block size that the workspace <paramref name="lwork"/> allows is
    /// below 2 or covers all k reflectors, blocked (DLARFT and DLARFB) otherwise, as in the reference.
    /// </summary>
    private static void Dormqr(bool left, bool transpose, int m, int n, int k, Span<double> a, int lda, ReadOnlySpan<double> tau, Span<double> c, int ldc, int lwork)
    {
        if (m == 0 || n == 0 || k == 0)
        {
            return;
        }

        int nq = left ? m : n;
        int nw = Math.Max(1, left ? n : m);
        int nb = ReflectorBlock(k, nw, lwork);
        if (nb < 2 || nb >= k)
        {
            Span<double> work = new double[nw];
            bool forward = (left && transpose) || (!left && !transpose);
            for (int step = 0; step < k; step++)
            {
                int i = forward ? step + 1 : k - step;
                int mi = left ? m - i + 1 : m;
                int ni = left ? n : n - i + 1;
                int ic = left ? i : 1;
                int jc = left ? 1 : i;
                int ii = At(i, i, lda);
                double aii = a[ii];
                a[ii] = 1.0;
                Dlarf(left, mi, ni, a[ii..], 1, tau[i - 1], c[At(ic, jc, ldc)..], ldc, work);
                a[ii] = aii;
            }

            return;
        }

        if (!left || transpose)
        {
            throw new NotSupportedException("Only DORMQR('L', 'N') is transcribed in its blocked form.");
        }

        // LEFT and NOTRAN: blocks from the last to the first.
        Span<double> t = new double[OrmLdt * OrmBlockMax];
        Span<double> bwork = new double[nw * nb];
        int i1 = ((k - 1) / nb * nb) + 1;
        for (int i = i1; i >= 1; i -= nb)
        {
            int ib = Math.Min(nb, k - i + 1);
            DlarftForward(true, nq - i + 1, ib, a[At(i, i, lda)..], lda, tau[(i - 1)..], t, OrmLdt);
            DlarfbLeftNoTransColumnwise(m - i + 1, n, ib, a[At(i, i, lda)..], lda, t, OrmLdt, c[At(i, 1, ldc)..], ldc, bwork, nw);
        }
    }

    /// <summary>
    /// DORMLQ: C := Q·C, Qᵀ·C, C·Q or C·Qᵀ with Q = H(k)·…·H(1) from an LQ-style factorization (reflectors in the
    /// rows of A). Unblocked (DORML2) or blocked under the same condition as <see cref="Dormqr"/>.
    /// </summary>
    private static void Dormlq(bool left, bool transpose, int m, int n, int k, Span<double> a, int lda, ReadOnlySpan<double> tau, Span<double> c, int ldc, int lwork)
    {
        if (m == 0 || n == 0 || k == 0)
        {
            return;
        }

        int nq = left ? m : n;
        int nw = Math.Max(1, left ? n : m);
        int nb = ReflectorBlock(k, nw, lwork);
        if (nb < 2 || nb >= k)
        {
            Span<double> work = new double[nw];
            bool forward = (left && !transpose) || (!left && transpose);
            for (int step = 0; step < k; step++)
            {
                int i = forward ? step + 1 : k - step;
                int mi = left ? m - i + 1 : m;
                int ni = left ? n : n - i + 1;
                int ic = left ? i : 1;
                int jc = left ? 1 : i;
                int ii = At(i, i, lda);
                double aii = a[ii];
                a[ii] = 1.0;
                Dlarf(left, mi, ni, a[ii..], lda, tau[i - 1], c[At(ic, jc, ldc)..], ldc, work);
                a[ii] = aii;
            }

            return;
        }

        if (left || transpose)
        {
            throw new NotSupportedException("Only DORMLQ('R', 'N') is transcribed in its blocked form.");
        }

        // Right and NOTRAN: blocks from the last to the first, each applied as DLARFB('R', 'T', 'F', 'R').
        Span<double> t = new double[OrmLdt * OrmBlockMax];
        Span<double> bwork = new double[nw * nb];
        int i1 = ((k - 1) / nb * nb) + 1;
        for (int i = i1; i >= 1; i -= nb)
        {
            int ib = Math.Min(nb, k - i + 1);
            DlarftForward(false, nq - i + 1, ib, a[At(i, i, lda)..], lda, tau[(i - 1)..], t, OrmLdt);
            DlarfbRightTransRowwise(m, n - i + 1, ib, a[At(i, i, lda)..], lda, t, OrmLdt, c[At(1, i, ldc)..], ldc, bwork, nw);
        }
    }

    /// <summary>
    /// DORMQR's and DORMLQ's block size: 32 (ILAENV), or (LWORK − TSIZE)/NW when LWORK is below the optimum
    /// NW·32 + TSIZE; the caller goes unblocked when the result is below 2 or not below K.
    /// </summary>
    internal static int ReflectorBlock(int k, int nw, int lwork)
    {
        int nb = OrmBlock;
        if (nb > 1 && nb < k)
        {
            int lwkopt = (nw * nb) + OrmTSize;
            if (lwork < lwkopt)
            {
                nb = (lwork - OrmTSize) / nw;
            }
        }

        return nb;
    }
}

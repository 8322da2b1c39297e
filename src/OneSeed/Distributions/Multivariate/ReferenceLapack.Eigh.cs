// Transcribed from the reference LAPACK and BLAS 3.11 (netlib, github.com/Reference-LAPACK/lapack, tag v3.11.0);
// their copyright notice and license are in LAPACK-LICENSE.txt beside this file.

namespace OneSeed.Distributions;

internal static partial class ReferenceLapack
{
    /// <summary>ILAENV(1 and 3, 'DSYTRD', ...): the block size of DSYTRD and the order up to which it does not block.</summary>
    internal const int SytrdCrossover = 32;

    /// <summary>
    /// DSYEVD with JOBZ = 'V', UPLO = 'L' (what <c>numpy.linalg.eigh(a)</c> calls, with NumPy's workspace query):
    /// the eigenvalues of the symmetric matrix whose lower triangle is in <paramref name="a"/>, in increasing order in
    /// <paramref name="w"/>, and the orthonormal eigenvectors in the columns of <paramref name="a"/>.
    /// </summary>
    /// <returns>LAPACK's INFO: 0, or &gt; 0 if the tridiagonal QR iteration did not converge.</returns>
    internal static int DsyevdLower(int n, Span<double> a, Span<double> w)
    {
        int lda = n;
        if (n == 0)
        {
            return 0;
        }

        if (n == 1)
        {
            w[0] = a[0];
            a[0] = 1.0;
            return 0;
        }

        const double safmin = SafeMinimum;
        const double eps = Precision;
        const double smlnum = safmin / eps;
        const double bignum = 1.0 / smlnum;
        double rmin = Math.Sqrt(smlnum);
        double rmax = Math.Sqrt(bignum);

        double anrm = DlangeMax(true, n, n, a, lda);
        bool iscale = false;
        double sigma = 0.0;
        if (anrm > 0.0 && anrm < rmin)
        {
            iscale = true;
            sigma = rmin / anrm;
        }
        else if (anrm > rmax)
        {
            iscale = true;
            sigma = rmax / anrm;
        }

        if (iscale)
        {
            Dlascl(true, 1.0, sigma, n, n, a, lda);
        }

        // NumPy's workspace query: LWORK = max(1 + 6N + 2N², 2N + N·32); DORMTR sees LWORK − 2N − N².
        int lwork = Math.Max(1 + (6 * n) + (2 * n * n), (2 * n) + (n * 32));
        int llwrk2 = lwork - (2 * n) - (n * n);

        Span<double> e = new double[n];
        Span<double> tau = new double[n];
        Span<double> z = new double[n * n];
        Dsytrd(n, a, lda, w, e, tau);
        int info = Dstedc(n, w, e, z, n);
        DormtrLeftLowerNoTrans(n, n, a, lda, tau, z, n, llwrk2);
        Dlacpy(n, n, z, n, a, lda);

        if (iscale)
        {
            ReferenceBlas.Dscal(n, 1.0 / sigma, w, 1);
        }

        return info;
    }

    /// <summary>
    /// DSYTRD with UPLO = 'L': Qᵀ·A·Q = T tridiagonal. Unblocked (DSYTD2) up to order 32; above, panels of 32 columns
    /// by DLATRD and DSYR2K, the last columns by DSYTD2 (NumPy's workspace always allows the full block size).
    /// </summary>
    private static void Dsytrd(int n, Span<double> a, int lda, Span<double> d, Span<double> e, Span<double> tau)
    {
        const int nb = SytrdCrossover;
        int nx = n;
        if (nb > 1 && nb < n)
        {
            nx = Math.Max(nb, SytrdCrossover);
            if (nx >= n)
            {
                nx = n;
            }
        }

        int ldwork = n;
        Span<double> work = nx < n ? new double[ldwork * nb] : default;
        int i;
        for (i = 1; i <= n - nx; i += nb)
        {
            Dlatrd(n - i + 1, nb, a[At(i, i, lda)..], lda, e[(i - 1)..], tau[(i - 1)..], work, ldwork);
            ReferenceBlas.Dsyr2kLowerNoTrans(n - i - nb + 1, nb, -1.0, a[At(i + nb, i, lda)..], lda, work[nb..], ldwork, 1.0, a[At(i + nb, i + nb, lda)..], lda);
            for (int j = i; j <= i + nb - 1; j++)
            {
                a[At(j + 1, j, lda)] = e[j - 1];
                d[j - 1] = a[At(j, j, lda)];
            }
        }

        Dsytd2Lower(n - i + 1, a[At(i, i, lda)..], lda, d[(i - 1)..], e[(i - 1)..], tau[(i - 1)..]);
    }

    /// <summary>
    /// DLATRD with UPLO = 'L': reduces the first nb columns of A to tridiagonal form and returns the matrix W that
    /// DSYTRD needs to update the rest (A := A − V·Wᵀ − W·Vᵀ).
    /// </summary>
    private static void Dlatrd(int n, int nb, Span<double> a, int lda, Span<double> e, Span<double> tau, Span<double> w, int ldw)
    {
        if (n <= 0)
        {
            return;
        }

        for (int i = 1; i <= nb; i++)
        {
            // Update A(i:n, i).
            ReferenceBlas.Dgemv(false, n - i + 1, i - 1, -1.0, a[(i - 1)..], lda, w[(i - 1)..], ldw, 1.0, a[At(i, i, lda)..], 1);
            ReferenceBlas.Dgemv(false, n - i + 1, i - 1, -1.0, w[(i - 1)..], ldw, a[(i - 1)..], lda, 1.0, a[At(i, i, lda)..], 1);
            if (i < n)
            {
                // The reflector that annihilates A(i+2:n, i).
                int i1 = At(i + 1, i, lda);
                double alpha = a[i1];
                Dlarfg(n - i, ref alpha, a[At(Math.Min(i + 2, n), i, lda)..], 1, out tau[i - 1]);
                a[i1] = alpha;
                e[i - 1] = a[i1];
                a[i1] = 1.0;

                // Compute W(i+1:n, i).
                ReferenceBlas.DsymvLower(n - i, 1.0, a[At(i + 1, i + 1, lda)..], lda, a[i1..], 1, 0.0, w[At(i + 1, i, ldw)..], 1);
                ReferenceBlas.Dgemv(true, n - i, i - 1, 1.0, w[i..], ldw, a[i1..], 1, 0.0, w[At(1, i, ldw)..], 1);
                ReferenceBlas.Dgemv(false, n - i, i - 1, -1.0, a[i..], lda, w[At(1, i, ldw)..], 1, 1.0, w[At(i + 1, i, ldw)..], 1);
                ReferenceBlas.Dgemv(true, n - i, i - 1, 1.0, a[i..], lda, a[i1..], 1, 0.0, w[At(1, i, ldw)..], 1);
                ReferenceBlas.Dgemv(false, n - i, i - 1, -1.0, w[i..], ldw, w[At(1, i, ldw)..], 1, 1.0, w[At(i + 1, i, ldw)..], 1);
                ReferenceBlas.Dscal(n - i, tau[i - 1], w[At(i + 1, i, ldw)..], 1);
                double alpha2 = -(0.5 * tau[i - 1] * ReferenceBlas.Ddot(n - i, w[At(i + 1, i, ldw)..], 1, a[i1..], 1));
                ReferenceBlas.Daxpy(n - i, alpha2, a[i1..], 1, w[At(i + 1, i, ldw)..], 1);
            }
        }
    }

    /// <summary>DSYTD2 with UPLO = 'L'.</summary>
    private static void Dsytd2Lower(int n, Span<double> a, int lda, Span<double> d, Span<double> e, Span<double> tau)
    {
        if (n <= 0)
        {
            return;
        }

        for (int i = 1; i <= n - 1; i++)
        {
            int i1 = At(i + 1, i, lda);
            double alpha = a[i1];
            Dlarfg(n - i, ref alpha, a[At(Math.Min(i + 2, n), i, lda)..], 1, out double taui);
            a[i1] = alpha;
            e[i - 1] = a[i1];
            if (taui != 0.0)
            {
                a[i1] = 1.0;
                ReferenceBlas.DsymvLower(n - i, taui, a[At(i + 1, i + 1, lda)..], lda, a[i1..], 1, 0.0, tau[(i - 1)..], 1);
                double alpha2 = -(0.5 * taui * ReferenceBlas.Ddot(n - i, tau[(i - 1)..], 1, a[i1..], 1));
                ReferenceBlas.Daxpy(n - i, alpha2, a[i1..], 1, tau[(i - 1)..], 1);
                ReferenceBlas.Dsyr2Lower(n - i, -1.0, a[i1..], 1, tau[(i - 1)..], 1, a[At(i + 1, i + 1, lda)..], lda);
                a[i1] = e[i - 1];
            }

            d[i - 1] = a[At(i, i, lda)];
            tau[i - 1] = taui;
        }

        d[n - 1] = a[At(n, n, lda)];
    }

    /// <summary>
    /// DSTEDC with COMPZ = 'I': the eigen-decomposition of a symmetric tridiagonal matrix. DSTEQR up to order 25,
    /// divide and conquer above.
    /// </summary>
    private static int Dstedc(int n, Span<double> d, Span<double> e, Span<double> z, int ldz)
    {
        if (n == 0)
        {
            return 0;
        }

        if (n == 1)
        {
            z[0] = 1.0;
            return 0;
        }

        return n > SmallSize ? DstedcDivideAndConquer(n, d, e, z, ldz) : Dsteqr(n, d, e, z, ldz, new double[2 * (n - 1)]);
    }

    /// <summary>DSTEQR with COMPZ = 'I': the implicit QL/QR iteration, Z accumulated from the identity, values increasing.</summary>
    private static int Dsteqr(int n, Span<double> d, Span<double> e, Span<double> z, int ldz, Span<double> work)
    {
        const int maxit = 30;
        int info = 0;
        if (n == 0)
        {
            return 0;
        }

        if (n == 1)
        {
            z[0] = 1.0;
            return 0;
        }

        const double eps = Eps;
        const double eps2 = eps * eps;
        const double safmin = SafeMinimum;
        const double safmax = 1.0 / safmin;
        double ssfmax = Math.Sqrt(safmax) / 3.0;
        double ssfmin = Math.Sqrt(safmin) / eps2;

        Dlaset(n, n, 0.0, 1.0, z, ldz);
        int nmaxit = n * maxit;
        int jtot = 0;
        int l1 = 1;
        int nm1 = n - 1;
        int m, l = 0, lsv = 0, lend, lendsv = 0, iscale = 0;
        double anorm = 0.0, p, g, r, c, s, f, b, rt1, rt2, tst;

    L10:
        if (l1 > n)
        {
            goto L160;
        }

        if (l1 > 1)
        {
            e[l1 - 2] = 0.0;
        }

        if (l1 <= nm1)
        {
            for (m = l1; m <= nm1; m++)
            {
                tst = Math.Abs(e[m - 1]);
                if (tst == 0.0)
                {
                    goto L30;
                }

                if (tst <= (Math.Sqrt(Math.Abs(d[m - 1])) * Math.Sqrt(Math.Abs(d[m]))) * eps)
                {
                    e[m - 1] = 0.0;
                    goto L30;
                }
            }
        }

        m = n;

    L30:
        l = l1;
        lsv = l;
        lend = m;
        lendsv = lend;
        l1 = m + 1;
        if (lend == l)
        {
            goto L10;
        }

        anorm = DlanstMax(lend - l + 1, d[(l - 1)..], e[(l - 1)..]);
        iscale = 0;
        if (anorm == 0.0)
        {
            goto L10;
        }

        if (anorm > ssfmax)
        {
            iscale = 1;
            Dlascl(false, anorm, ssfmax, lend - l + 1, 1, d[(l - 1)..], n);
            Dlascl(false, anorm, ssfmax, lend - l, 1, e[(l - 1)..], n);
        }
        else if (anorm < ssfmin)
        {
            iscale = 2;
            Dlascl(false, anorm, ssfmin, lend - l + 1, 1, d[(l - 1)..], n);
            Dlascl(false, anorm, ssfmin, lend - l, 1, e[(l - 1)..], n);
        }

        if (Math.Abs(d[lend - 1]) < Math.Abs(d[l - 1]))
        {
            lend = lsv;
            l = lendsv;
        }

        if (lend > l)
        {
        // QL iteration: look for a small subdiagonal element.
        L40:
            if (l != lend)
            {
                int lendm1 = lend - 1;
                for (m = l; m <= lendm1; m++)
                {
                    double em = Math.Abs(e[m - 1]);
                    tst = em * em;
                    if (tst <= ((eps2 * Math.Abs(d[m - 1])) * Math.Abs(d[m])) + safmin)
                    {
                        goto L60;
                    }
                }
            }

            m = lend;

        L60:
            if (m < lend)
            {
                e[m - 1] = 0.0;
            }

            p = d[l - 1];
            if (m == l)
            {
                goto L80;
            }

            if (m == l + 1)
            {
                Dlaev2(d[l - 1], e[l - 1], d[l], out rt1, out rt2, out c, out s);
                work[l - 1] = c;
                work[n - 1 + l - 1] = s;
                DlasrVariable(false, false, n, 2, work[(l - 1)..], work[(n - 1 + l - 1)..], z[At(1, l, ldz)..], ldz);
                d[l - 1] = rt1;
                d[l] = rt2;
                e[l - 1] = 0.0;
                l += 2;
                if (l <= lend)
                {
                    goto L40;
                }

                goto L140;
            }

            if (jtot == nmaxit)
            {
                goto L140;
            }

            jtot++;

            g = (d[l] - p) / (2.0 * e[l - 1]);
            r = Dlapy2(g, 1.0);
            g = (d[m - 1] - p) + (e[l - 1] / (g + Sign(r, g)));
            s = 1.0;
            c = 1.0;
            p = 0.0;

            int mm1 = m - 1;
            for (int i = mm1; i >= l; i--)
            {
                f = s * e[i - 1];
                b = c * e[i - 1];
                Dlartg(g, f, out c, out s, out r);
                if (i != m - 1)
                {
                    e[i] = r;
                }

                g = d[i] - p;
                r = ((d[i - 1] - g) * s) + (2.0 * c * b);
                p = s * r;
                d[i] = g + p;
                g = (c * r) - b;
                work[i - 1] = c;
                work[n - 1 + i - 1] = -s;
            }

            int mmq = m - l + 1;
            DlasrVariable(false, false, n, mmq, work[(l - 1)..], work[(n - 1 + l - 1)..], z[At(1, l, ldz)..], ldz);

            d[l - 1] -= p;
            e[l - 1] = g;
            goto L40;

        L80:
            d[l - 1] = p;
            l++;
            if (l <= lend)
            {
                goto L40;
            }

            goto L140;
        }
        else
        {
        // QR iteration: look for a small superdiagonal element.
        L90:
            if (l != lend)
            {
                int lendp1 = lend + 1;
                for (m = l; m >= lendp1; m--)
                {
                    double em = Math.Abs(e[m - 2]);
                    tst = em * em;
                    if (tst <= ((eps2 * Math.Abs(d[m - 1])) * Math.Abs(d[m - 2])) + safmin)
                    {
                        goto L110;
                    }
                }
            }

            m = lend;

        L110:
            if (m > lend)
            {
                e[m - 2] = 0.0;
            }

            p = d[l - 1];
            if (m == l)
            {
                goto L130;
            }

            if (m == l - 1)
            {
                Dlaev2(d[l - 2], e[l - 2], d[l - 1], out rt1, out rt2, out c, out s);
                work[m - 1] = c;
                work[n - 1 + m - 1] = s;
                DlasrVariable(false, true, n, 2, work[(m - 1)..], work[(n - 1 + m - 1)..], z[At(1, l - 1, ldz)..], ldz);
                d[l - 2] = rt1;
                d[l - 1] = rt2;
                e[l - 2] = 0.0;
                l -= 2;
                if (l >= lend)
                {
                    goto L90;
                }

                goto L140;
            }

            if (jtot == nmaxit)
            {
                goto L140;
            }

            jtot++;

            g = (d[l - 2] - p) / (2.0 * e[l - 2]);
            r = Dlapy2(g, 1.0);
            g = (d[m - 1] - p) + (e[l - 2] / (g + Sign(r, g)));
            s = 1.0;
            c = 1.0;
            p = 0.0;

            int lm1 = l - 1;
            for (int i = m; i <= lm1; i++)
            {
                f = s * e[i - 1];
                b = c * e[i - 1];
                Dlartg(g, f, out c, out s, out r);
                if (i != m)
                {
                    e[i - 2] = r;
                }

                g = d[i - 1] - p;
                r = ((d[i] - g) * s) + (2.0 * c * b);
                p = s * r;
                d[i - 1] = g + p;
                g = (c * r) - b;
                work[i - 1] = c;
                work[n - 1 + i - 1] = s;
            }

            int mmq = l - m + 1;
            DlasrVariable(false, true, n, mmq, work[(m - 1)..], work[(n - 1 + m - 1)..], z[At(1, m, ldz)..], ldz);

            d[l - 1] -= p;
            e[lm1 - 1] = g;
            goto L90;

        L130:
            d[l - 1] = p;
            l--;
            if (l >= lend)
            {
                goto L90;
            }

            goto L140;
        }

    L140:
        if (iscale == 1)
        {
            Dlascl(false, ssfmax, anorm, lendsv - lsv + 1, 1, d[(lsv - 1)..], n);
            Dlascl(false, ssfmax, anorm, lendsv - lsv, 1, e[(lsv - 1)..], n);
        }
        else if (iscale == 2)
        {
            Dlascl(false, ssfmin, anorm, lendsv - lsv + 1, 1, d[(lsv - 1)..], n);
            Dlascl(false, ssfmin, anorm, lendsv - lsv, 1, e[(lsv - 1)..], n);
        }

        if (jtot < nmaxit)
        {
            goto L10;
        }

        for (int i = 1; i <= n - 1; i++)
        {
            if (e[i - 1] != 0.0)
            {
                info++;
            }
        }

        return info;

    L160:
        // Selection sort into increasing order.
        for (int ii = 2; ii <= n; ii++)
        {
            int i = ii - 1;
            int k = i;
            p = d[i - 1];
            for (int j = ii; j <= n; j++)
            {
                if (d[j - 1] < p)
                {
                    k = j;
                    p = d[j - 1];
                }
            }

            if (k != i)
            {
                d[k - 1] = d[i - 1];
                d[i - 1] = p;
                ReferenceBlas.Dswap(n, z[At(1, i, ldz)..], 1, z[At(1, k, ldz)..], 1);
            }
        }

        return info;
    }

    /// <summary>
    /// DORMTR with SIDE = 'L', UPLO = 'L', TRANS = 'N': C := Q·C for the Q of DSYTRD('L'), i.e. DORMQR on the
    /// reflectors stored below the subdiagonal, applied to rows 2..m of C.
    /// </summary>
    private static void DormtrLeftLowerNoTrans(int m, int n, Span<double> a, int lda, ReadOnlySpan<double> tau, Span<double> c, int ldc, int lwork)
    {
        int nq = m;
        if (m == 0 || n == 0 || nq == 1)
        {
            return;
        }

        Dormqr(true, false, m - 1, n, nq - 1, a[At(2, 1, lda)..], lda, tau, c[At(2, 1, ldc)..], ldc, lwork);
    }
}

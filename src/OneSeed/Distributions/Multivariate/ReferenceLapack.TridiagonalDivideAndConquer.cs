// Transcribed from the reference LAPACK and BLAS 3.11 (netlib, github.com/Reference-LAPACK/lapack, tag v3.11.0);
// their copyright notice and license are in LAPACK-LICENSE.txt beside this file.

namespace OneSeed.Distributions;

internal static partial class ReferenceLapack
{
    /// <summary>
    /// DSTEDC's divide-and-conquer branch (COMPZ = 'I', order above 25): split where E is negligible, DLAED0 on the
    /// large blocks (scaled), DSTEQR on the small ones, then a selection sort into increasing order.
    /// </summary>
    private static int DstedcDivideAndConquer(int n, Span<double> d, Span<double> e, Span<double> z, int ldz)
    {
        Span<double> work = new double[1 + (4 * n) + (n * n)];
        Span<int> iwork = new int[3 + (5 * n)];
        Dlaset(n, n, 0.0, 1.0, z, ldz);
        double orgnrm = DlanstMax(n, d, e);
        if (orgnrm == 0.0)
        {
            return 0;
        }

        const double eps = Eps;
        int start = 1;
        while (start <= n)
        {
            // Find the end of the block: the first negligible off-diagonal entry.
            int finish = start;
            while (finish < n)
            {
                double tiny = eps * Math.Sqrt(Math.Abs(d[finish - 1])) * Math.Sqrt(Math.Abs(d[finish]));
                if (Math.Abs(e[finish - 1]) > tiny)
                {
                    finish++;
                }
                else
                {
                    break;
                }
            }

            int m = finish - start + 1;
            if (m == 1)
            {
                start = finish + 1;
                continue;
            }

            int info;
            if (m > SmallSize)
            {
                orgnrm = DlanstMax(m, d[(start - 1)..], e[(start - 1)..]);
                Dlascl(false, orgnrm, 1.0, m, 1, d[(start - 1)..], m);
                Dlascl(false, orgnrm, 1.0, m - 1, 1, e[(start - 1)..], m - 1);
                info = Dlaed0(m, d[(start - 1)..], e[(start - 1)..], z[At(start, start, ldz)..], ldz, work, iwork);
                if (info != 0)
                {
                    return ((info / (m + 1)) + start - 1) * (n + 1) + (info % (m + 1)) + start - 1;
                }

                Dlascl(false, 1.0, orgnrm, m, 1, d[(start - 1)..], m);
            }
            else
            {
                info = Dsteqr(m, d[(start - 1)..], e[(start - 1)..], z[At(start, start, ldz)..], ldz, work);
                if (info != 0)
                {
                    return (start * (n + 1)) + finish;
                }
            }

            start = finish + 1;
        }

        for (int ii = 2; ii <= n; ii++)
        {
            int i = ii - 1;
            int k = i;
            double p = d[i - 1];
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

        return 0;
    }

    /// <summary>DLAED0 with ICOMPQ = 2: the eigen-decomposition of a symmetric tridiagonal matrix by divide and conquer.</summary>
    private static int Dlaed0(int n, Span<double> d, Span<double> e, Span<double> q, int ldq, Span<double> work, Span<int> iwork)
    {
        const int smlsiz = SmallSize;
        int submat = 1, matsiz = 0;

        // The sizes of the subproblems, halving until every one is at most SMLSIZ.
        iwork[0] = n;
        int subpbs = 1;
        while (iwork[subpbs - 1] > smlsiz)
        {
            for (int j = subpbs; j >= 1; j--)
            {
                iwork[(2 * j) - 1] = (iwork[j - 1] + 1) / 2;
                iwork[(2 * j) - 2] = iwork[j - 1] / 2;
            }

            subpbs *= 2;
        }

        for (int j = 2; j <= subpbs; j++)
        {
            iwork[j - 1] += iwork[j - 2];
        }

        // Rank-one modifications that split the matrix into the subproblems.
        int spm1 = subpbs - 1;
        for (int i = 1; i <= spm1; i++)
        {
            submat = iwork[i - 1] + 1;
            int smm1 = submat - 1;
            d[smm1 - 1] -= Math.Abs(e[smm1 - 1]);
            d[submat - 1] -= Math.Abs(e[smm1 - 1]);
        }

        int indxq = (4 * n) + 3;
        int info;
        for (int i = 0; i <= spm1; i++)
        {
            if (i == 0)
            {
                submat = 1;
                matsiz = iwork[0];
            }
            else
            {
                submat = iwork[i - 1] + 1;
                matsiz = iwork[i] - iwork[i - 1];
            }

            info = Dsteqr(matsiz, d[(submat - 1)..], e[(submat - 1)..], q[At(submat, submat, ldq)..], ldq, work);
            if (info != 0)
            {
                return (submat * (n + 1)) + submat + matsiz - 1;
            }

            int k = 1;
            for (int j = submat; j <= iwork[i]; j++)
            {
                iwork[indxq + j - 1] = k;
                k++;
            }
        }

        // Merge pairs of subproblems, level by level.
        while (subpbs > 1)
        {
            int spm2 = subpbs - 2;
            for (int i = 0; i <= spm2; i += 2)
            {
                int msd2;
                if (i == 0)
                {
                    submat = 1;
                    matsiz = iwork[1];
                    msd2 = iwork[0];
                }
                else
                {
                    submat = iwork[i - 1] + 1;
                    matsiz = iwork[i + 1] - iwork[i - 1];
                    msd2 = matsiz / 2;
                }

                info = Dlaed1(matsiz, d[(submat - 1)..], q[At(submat, submat, ldq)..], ldq, iwork[(indxq + submat - 1)..], ref e[submat + msd2 - 2], msd2, work, iwork[subpbs..]);
                if (info != 0)
                {
                    return (submat * (n + 1)) + submat + matsiz - 1;
                }

                iwork[i / 2] = iwork[i + 1];
            }

            subpbs /= 2;
        }

        // Put the eigenvalues and vectors in the merged order.
        for (int i = 1; i <= n; i++)
        {
            int j = iwork[indxq + i - 1];
            work[i - 1] = d[j - 1];
            ReferenceBlas.Dcopy(n, q[At(1, j, ldq)..], 1, work[(n * i)..], 1);
        }

        ReferenceBlas.Dcopy(n, work, 1, d, 1);
        Dlacpy(n, n, work[n..], n, q, ldq);
        return 0;
    }

    /// <summary>DLAED1: merges two eigen-decompositions through the rank-one modification rho·z·zᵀ.</summary>
    private static int Dlaed1(int n, Span<double> d, Span<double> q, int ldq, Span<int> indxq, ref double rho, int cutpnt, Span<double> work, Span<int> iwork)
    {
        if (n == 0)
        {
            return 0;
        }

        const int iz = 1;
        int idlmda = iz + n;
        int iw = idlmda + n;
        int iq2 = iw + n;
        const int indx = 1;
        int indxc = indx + n;
        int coltyp = indxc + n;
        int indxp = coltyp + n;

        // z: the last row of the first block's vectors and the first row of the second's.
        ReferenceBlas.Dcopy(cutpnt, q[(cutpnt - 1)..], ldq, work[(iz - 1)..], 1);
        int zpp1 = cutpnt + 1;
        ReferenceBlas.Dcopy(n - cutpnt, q[At(zpp1, zpp1, ldq)..], ldq, work[(iz + cutpnt - 1)..], 1);

        int k = Dlaed2(n, cutpnt, d, q, ldq, indxq, ref rho, work[(iz - 1)..], work[(idlmda - 1)..], work[(iw - 1)..], work[(iq2 - 1)..], iwork[(indx - 1)..], iwork[(indxc - 1)..], iwork[(indxp - 1)..], iwork[(coltyp - 1)..]);

        if (k != 0)
        {
            int isOffset = ((iwork[coltyp - 1] + iwork[coltyp]) * cutpnt) + ((iwork[coltyp] + iwork[coltyp + 1]) * (n - cutpnt)) + iq2;
            int info = Dlaed3(k, n, cutpnt, d, q, ldq, rho, work[(idlmda - 1)..], work[(iq2 - 1)..], iwork[(indxc - 1)..], iwork[(coltyp - 1)..], work[(iw - 1)..], work[(isOffset - 1)..]);
            if (info != 0)
            {
                return info;
            }

            Dlamrg(k, n - k, d, 1, -1, indxq);
        }
        else
        {
            for (int i = 1; i <= n; i++)
            {
                indxq[i - 1] = i;
            }
        }

        return 0;
    }

    /// <summary>DLAED2: the deflation step of the merge; returns K, the order of the secular equation left.</summary>
    private static int Dlaed2(int n, int n1, Span<double> d, Span<double> q, int ldq, Span<int> indxq, ref double rho, Span<double> z, Span<double> dlamda, Span<double> w, Span<double> q2, Span<int> indx, Span<int> indxc, Span<int> indxp, Span<int> coltyp)
    {
        if (n == 0)
        {
            return 0;
        }

        Span<int> ctot = stackalloc int[4];
        Span<int> psm = stackalloc int[4];
        int n2 = n - n1;
        int n1p1 = n1 + 1;
        if (rho < 0.0)
        {
            ReferenceBlas.Dscal(n2, -1.0, z[(n1p1 - 1)..], 1);
        }

        double t = 1.0 / Math.Sqrt(2.0);
        ReferenceBlas.Dscal(n, t, z, 1);
        rho = Math.Abs(2.0 * rho);

        for (int i = n1p1; i <= n; i++)
        {
            indxq[i - 1] += n1;
        }

        for (int i = 1; i <= n; i++)
        {
            dlamda[i - 1] = d[indxq[i - 1] - 1];
        }

        Dlamrg(n1, n2, dlamda, 1, 1, indxc);
        for (int i = 1; i <= n; i++)
        {
            indx[i - 1] = indxq[indxc[i - 1] - 1];
        }

        int imax = Idamax(n, z);
        int jmax = Idamax(n, d);
        const double eps = Eps;
        double tol = 8.0 * eps * Math.Max(Math.Abs(d[jmax - 1]), Math.Abs(z[imax - 1]));

        int k;
        if (rho * Math.Abs(z[imax - 1]) <= tol)
        {
            // Every z is negligible: nothing to solve, only the reordering.
            k = 0;
            int iq2 = 1;
            for (int j = 1; j <= n; j++)
            {
                int i = indx[j - 1];
                ReferenceBlas.Dcopy(n, q[At(1, i, ldq)..], 1, q2[(iq2 - 1)..], 1);
                dlamda[j - 1] = d[i - 1];
                iq2 += n;
            }

            Dlacpy(n, n, q2, n, q, ldq);
            ReferenceBlas.Dcopy(n, dlamda, 1, d, 1);
            return k;
        }

        for (int i = 1; i <= n1; i++)
        {
            coltyp[i - 1] = 1;
        }

        for (int i = n1p1; i <= n; i++)
        {
            coltyp[i - 1] = 3;
        }

        k = 0;
        int k2 = n + 1;
        int pj = 0;
        int jj;
        for (jj = 1; jj <= n; jj++)
        {
            int nj = indx[jj - 1];
            if (rho * Math.Abs(z[nj - 1]) <= tol)
            {
                k2--;
                coltyp[nj - 1] = 4;
                indxp[k2 - 1] = nj;
                if (jj == n)
                {
                    goto L100;
                }
            }
            else
            {
                pj = nj;
                goto L80;
            }
        }

    L80:
        jj++;
        if (jj > n)
        {
            goto L100;
        }

        {
            int nj = indx[jj - 1];
            if (rho * Math.Abs(z[nj - 1]) <= tol)
            {
                k2--;
                coltyp[nj - 1] = 4;
                indxp[k2 - 1] = nj;
            }
            else
            {
                double s = z[pj - 1];
                double c = z[nj - 1];
                double tau = Dlapy2(c, s);
                t = d[nj - 1] - d[pj - 1];
                c /= tau;
                s = -s / tau;
                if (Math.Abs(t * c * s) <= tol)
                {
                    // Deflate: rotate so that z(pj) vanishes.
                    z[nj - 1] = tau;
                    z[pj - 1] = 0.0;
                    if (coltyp[nj - 1] != coltyp[pj - 1])
                    {
                        coltyp[nj - 1] = 2;
                    }

                    coltyp[pj - 1] = 4;
                    ReferenceBlas.Drot(n, q[At(1, pj, ldq)..], 1, q[At(1, nj, ldq)..], 1, c, s);
                    t = (d[pj - 1] * (c * c)) + (d[nj - 1] * (s * s));
                    d[nj - 1] = (d[pj - 1] * (s * s)) + (d[nj - 1] * (c * c));
                    d[pj - 1] = t;
                    k2--;
                    int i = 1;
                    while (true)
                    {
                        if (k2 + i <= n)
                        {
                            if (d[pj - 1] < d[indxp[k2 + i - 1] - 1])
                            {
                                indxp[k2 + i - 2] = indxp[k2 + i - 1];
                                indxp[k2 + i - 1] = pj;
                                i++;
                                continue;
                            }

                            indxp[k2 + i - 2] = pj;
                        }
                        else
                        {
                            indxp[k2 + i - 2] = pj;
                        }

                        break;
                    }

                    pj = nj;
                }
                else
                {
                    k++;
                    dlamda[k - 1] = d[pj - 1];
                    w[k - 1] = z[pj - 1];
                    indxp[k - 1] = pj;
                    pj = nj;
                }
            }
        }

        goto L80;

    L100:
        k++;
        dlamda[k - 1] = d[pj - 1];
        w[k - 1] = z[pj - 1];
        indxp[k - 1] = pj;

        for (int j = 1; j <= 4; j++)
        {
            ctot[j - 1] = 0;
        }

        for (int j = 1; j <= n; j++)
        {
            ctot[coltyp[j - 1] - 1]++;
        }

        psm[0] = 1;
        psm[1] = 1 + ctot[0];
        psm[2] = psm[1] + ctot[1];
        psm[3] = psm[2] + ctot[2];
        k = n - ctot[3];

        for (int j = 1; j <= n; j++)
        {
            int js = indxp[j - 1];
            int ct = coltyp[js - 1];
            indx[psm[ct - 1] - 1] = js;
            indxc[psm[ct - 1] - 1] = j;
            psm[ct - 1]++;
        }

        // Pack the vectors into Q2 by type: first block only, both, second block only, deflated.
        int ii2 = 1;
        int iq1 = 1;
        int iq2b = 1 + ((ctot[0] + ctot[1]) * n1);
        for (int j = 1; j <= ctot[0]; j++)
        {
            int js = indx[ii2 - 1];
            ReferenceBlas.Dcopy(n1, q[At(1, js, ldq)..], 1, q2[(iq1 - 1)..], 1);
            z[ii2 - 1] = d[js - 1];
            ii2++;
            iq1 += n1;
        }

        for (int j = 1; j <= ctot[1]; j++)
        {
            int js = indx[ii2 - 1];
            ReferenceBlas.Dcopy(n1, q[At(1, js, ldq)..], 1, q2[(iq1 - 1)..], 1);
            ReferenceBlas.Dcopy(n2, q[At(n1 + 1, js, ldq)..], 1, q2[(iq2b - 1)..], 1);
            z[ii2 - 1] = d[js - 1];
            ii2++;
            iq1 += n1;
            iq2b += n2;
        }

        for (int j = 1; j <= ctot[2]; j++)
        {
            int js = indx[ii2 - 1];
            ReferenceBlas.Dcopy(n2, q[At(n1 + 1, js, ldq)..], 1, q2[(iq2b - 1)..], 1);
            z[ii2 - 1] = d[js - 1];
            ii2++;
            iq2b += n2;
        }

        iq1 = iq2b;
        for (int j = 1; j <= ctot[3]; j++)
        {
            int js = indx[ii2 - 1];
            ReferenceBlas.Dcopy(n, q[At(1, js, ldq)..], 1, q2[(iq2b - 1)..], 1);
            iq2b += n;
            z[ii2 - 1] = d[js - 1];
            ii2++;
        }

        if (k < n)
        {
            Dlacpy(n, ctot[3], q2[(iq1 - 1)..], n, q[At(1, k + 1, ldq)..], ldq);
            ReferenceBlas.Dcopy(n - k, z[k..], 1, d[k..], 1);
        }

        for (int j = 1; j <= 4; j++)
        {
            coltyp[j - 1] = ctot[j - 1];
        }

        return k;
    }

    /// <summary>DLAED3: solves the merge's secular equation and forms the updated eigenvectors.</summary>
    private static int Dlaed3(int k, int n, int n1, Span<double> d, Span<double> q, int ldq, double rho, Span<double> dlamda, ReadOnlySpan<double> q2, ReadOnlySpan<int> indx, ReadOnlySpan<int> ctot, Span<double> w, Span<double> s)
    {
        if (k == 0)
        {
            return 0;
        }

        for (int i = 1; i <= k; i++)
        {
            // DLAMC3(DLAMDA(I), DLAMDA(I)) - DLAMDA(I): 2x − x.
            dlamda[i - 1] = (dlamda[i - 1] + dlamda[i - 1]) - dlamda[i - 1];
        }

        for (int j = 1; j <= k; j++)
        {
            int info = Dlaed4(k, j, dlamda, w, q[At(1, j, ldq)..], rho, out d[j - 1]);
            if (info != 0)
            {
                return info;
            }
        }

        if (k == 2)
        {
            for (int j = 1; j <= k; j++)
            {
                w[0] = q[At(1, j, ldq)];
                w[1] = q[At(2, j, ldq)];
                q[At(1, j, ldq)] = w[indx[0] - 1];
                q[At(2, j, ldq)] = w[indx[1] - 1];
            }
        }
        else if (k != 1)
        {
            ReferenceBlas.Dcopy(k, w, 1, s, 1);
            ReferenceBlas.Dcopy(k, q, ldq + 1, w, 1);
            for (int j = 1; j <= k; j++)
            {
                for (int i = 1; i <= j - 1; i++)
                {
                    w[i - 1] *= q[At(i, j, ldq)] / (dlamda[i - 1] - dlamda[j - 1]);
                }

                for (int i = j + 1; i <= k; i++)
                {
                    w[i - 1] *= q[At(i, j, ldq)] / (dlamda[i - 1] - dlamda[j - 1]);
                }
            }

            for (int i = 1; i <= k; i++)
            {
                w[i - 1] = Sign(Math.Sqrt(-w[i - 1]), s[i - 1]);
            }

            for (int j = 1; j <= k; j++)
            {
                for (int i = 1; i <= k; i++)
                {
                    s[i - 1] = w[i - 1] / q[At(i, j, ldq)];
                }

                double temp = ReferenceBlas.Dnrm2(k, s, 1);
                for (int i = 1; i <= k; i++)
                {
                    q[At(i, j, ldq)] = s[indx[i - 1] - 1] / temp;
                }
            }
        }

        // Label 110: back-transform by the packed vectors of the two blocks.
        int n2 = n - n1;
        int n12 = ctot[0] + ctot[1];
        int n23 = ctot[1] + ctot[2];
        Dlacpy(n23, k, q[ctot[0]..], ldq, s, n23);
        int iq2 = (n1 * n12) + 1;
        if (n23 != 0)
        {
            ReferenceBlas.Dgemm(false, false, n2, k, n23, 1.0, q2[(iq2 - 1)..], n2, s, n23, 0.0, q[n1..], ldq);
        }
        else
        {
            Dlaset(n2, k, 0.0, 0.0, q[n1..], ldq);
        }

        Dlacpy(n12, k, q, ldq, s, n12);
        if (n12 != 0)
        {
            ReferenceBlas.Dgemm(false, false, n1, k, n12, 1.0, q2, n1, s, n12, 0.0, q, ldq);
        }
        else
        {
            Dlaset(n1, k, 0.0, 0.0, q, ldq);
        }

        return 0;
    }

    /// <summary>IDAMAX: the first index (1-based) of the largest |x(i)|.</summary>
    private static int Idamax(int n, ReadOnlySpan<double> x)
    {
        if (n < 1)
        {
            return 0;
        }

        int result = 1;
        double dmax = Math.Abs(x[0]);
        for (int i = 2; i <= n; i++)
        {
            if (Math.Abs(x[i - 1]) > dmax)
            {
                result = i;
                dmax = Math.Abs(x[i - 1]);
            }
        }

        return result;
    }
}

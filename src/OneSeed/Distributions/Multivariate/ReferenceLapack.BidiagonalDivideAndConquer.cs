// Transcribed from the reference LAPACK and BLAS 3.11 (netlib, github.com/Reference-LAPACK/lapack, tag v3.11.0);
// their copyright notice and license are in LAPACK-LICENSE.txt beside this file.

namespace OneSeed.Distributions;

internal static partial class ReferenceLapack
{
    /// <summary>
    /// DBDSDC's divide-and-conquer branch (ICOMPQ = 2, order above 25): scale, split where E is negligible, DLASD0 on
    /// each piece, unscale. The caller sorts (label 40).
    /// </summary>
    private static int DbdsdcDivideAndConquer(int n, Span<double> d, Span<double> e, Span<double> u, int ldu, Span<double> vt, int ldvt)
    {
        Dlaset(n, n, 0.0, 1.0, u, ldu);
        Dlaset(n, n, 0.0, 1.0, vt, ldvt);
        double orgnrm = DlanstMax(n, d, e);
        if (orgnrm == 0.0)
        {
            // DBDSDC returns here, before its sort; with all of D zero the sort would move nothing anyway.
            return 0;
        }

        int nm1 = n - 1;
        Dlascl(false, orgnrm, 1.0, n, 1, d, n);
        Dlascl(false, orgnrm, 1.0, nm1, 1, e, nm1);
        const double eps = 0.9 * Eps;

        for (int i = 1; i <= n; i++)
        {
            if (Math.Abs(d[i - 1]) < eps)
            {
                d[i - 1] = Sign(eps, d[i - 1]);
            }
        }

        int[] iwork = new int[8 * n];
        double[] work = new double[(3 * n * n) + (4 * n)];
        int start = 1;
        const int sqre = 0;
        for (int i = 1; i <= nm1; i++)
        {
            if (Math.Abs(e[i - 1]) < eps || i == nm1)
            {
                int nsize;
                if (i < nm1)
                {
                    nsize = i - start + 1;
                }
                else if (Math.Abs(e[i - 1]) >= eps)
                {
                    nsize = n - start + 1;
                }
                else
                {
                    nsize = i - start + 1;
                    u[At(n, n, ldu)] = Sign(1.0, d[n - 1]);
                    vt[At(n, n, ldvt)] = 1.0;
                    d[n - 1] = Math.Abs(d[n - 1]);
                }

                int info = Dlasd0(nsize, sqre, d[(start - 1)..], e[(start - 1)..], u[At(start, start, ldu)..], ldu, vt[At(start, start, ldvt)..], ldvt, iwork, work);
                if (info != 0)
                {
                    return info;
                }

                start = i + 1;
            }
        }

        Dlascl(false, 1.0, orgnrm, n, 1, d, n);
        return 0;
    }

    /// <summary>DLASD0: the SVD of an upper bidiagonal n×(n + sqre) matrix by divide and conquer (leaves by DLASDQ).</summary>
    private static int Dlasd0(int n, int sqre, Span<double> d, Span<double> e, Span<double> u, int ldu, Span<double> vt, int ldvt, Span<int> iwork, Span<double> work)
    {
        int m = n + sqre;
        int info;
        if (n <= SmallSize)
        {
            return Dlasdq(true, sqre, n, m, n, d, e, vt, ldvt, u, ldu, work);
        }

        const int inode = 1;
        int ndiml = inode + n;
        int ndimr = ndiml + n;
        int idxq = ndimr + n;
        int iwk = idxq + n;
        Dlasdt(n, out int nlvl, out int nd, iwork[(inode - 1)..], iwork[(ndiml - 1)..], iwork[(ndimr - 1)..], SmallSize);

        // The leaves: DLASDQ on each.
        int ndb1 = (nd + 1) / 2;
        for (int i = ndb1; i <= nd; i++)
        {
            int i1 = i - 1;
            int ic = iwork[inode + i1 - 1];
            int nl = iwork[ndiml + i1 - 1];
            int nlp1 = nl + 1;
            int nr = iwork[ndimr + i1 - 1];
            int nlf = ic - nl;
            int nrf = ic + 1;
            int sqrei = 1;
            info = Dlasdq(true, sqrei, nl, nlp1, nl, d[(nlf - 1)..], e[(nlf - 1)..], vt[At(nlf, nlf, ldvt)..], ldvt, u[At(nlf, nlf, ldu)..], ldu, work);
            if (info != 0)
            {
                return info;
            }

            int itemp = idxq + nlf - 2;
            for (int j = 1; j <= nl; j++)
            {
                iwork[itemp + j - 1] = j;
            }

            sqrei = i == nd ? sqre : 1;
            int nrp1 = nr + sqrei;
            info = Dlasdq(true, sqrei, nr, nrp1, nr, d[(nrf - 1)..], e[(nrf - 1)..], vt[At(nrf, nrf, ldvt)..], ldvt, u[At(nrf, nrf, ldu)..], ldu, work);
            if (info != 0)
            {
                return info;
            }

            itemp = idxq + ic;
            for (int j = 1; j <= nr; j++)
            {
                iwork[itemp + j - 2] = j;
            }
        }

        // Merge the subproblems bottom-up.
        for (int lvl = nlvl; lvl >= 1; lvl--)
        {
            int lf, ll;
            if (lvl == 1)
            {
                lf = 1;
                ll = 1;
            }
            else
            {
                lf = 1 << (lvl - 1);
                ll = (2 * lf) - 1;
            }

            for (int i = lf; i <= ll; i++)
            {
                int im1 = i - 1;
                int ic = iwork[inode + im1 - 1];
                int nl = iwork[ndiml + im1 - 1];
                int nr = iwork[ndimr + im1 - 1];
                int nlf = ic - nl;
                int sqrei = sqre == 0 && i == ll ? sqre : 1;
                int idxqc = idxq + nlf - 1;
                double alpha = d[ic - 1];
                double beta = e[ic - 1];
                info = Dlasd1(nl, nr, sqrei, d[(nlf - 1)..], alpha, beta, u[At(nlf, nlf, ldu)..], ldu, vt[At(nlf, nlf, ldvt)..], ldvt, iwork[(idxqc - 1)..], iwork[(iwk - 1)..], work);
                if (info != 0)
                {
                    return info;
                }
            }
        }

        return 0;
    }

    /// <summary>
    /// DLASDT: the tree of subproblems. The number of levels is INT(LOG(n/(msub+1))/LOG(2)) + 1, computed here in
    /// integers (the largest j with (msub+1)·2^j ≤ n, plus one), which is what the correctly rounded logarithms give.
    /// </summary>
    private static void Dlasdt(int n, out int lvl, out int nd, Span<int> inode, Span<int> ndiml, Span<int> ndimr, int msub)
    {
        int maxn = Math.Max(1, n);
        int levels = 0;
        while ((long)(msub + 1) << (levels + 1) <= maxn)
        {
            levels++;
        }

        lvl = levels + 1;
        int i = n / 2;
        inode[0] = i + 1;
        ndiml[0] = i;
        ndimr[0] = n - i - 1;
        int il = 0;
        int ir = 1;
        int llst = 1;
        for (int nlvl = 1; nlvl <= lvl - 1; nlvl++)
        {
            for (i = 0; i <= llst - 1; i++)
            {
                il += 2;
                ir += 2;
                int ncrnt = llst + i;
                ndiml[il - 1] = ndiml[ncrnt - 1] / 2;
                ndimr[il - 1] = ndiml[ncrnt - 1] - ndiml[il - 1] - 1;
                inode[il - 1] = inode[ncrnt - 1] - ndimr[il - 1] - 1;
                ndiml[ir - 1] = ndimr[ncrnt - 1] / 2;
                ndimr[ir - 1] = ndimr[ncrnt - 1] - ndiml[ir - 1] - 1;
                inode[ir - 1] = inode[ncrnt - 1] + ndiml[ir - 1] + 1;
            }

            llst *= 2;
        }

        nd = (llst * 2) - 1;
    }

    /// <summary>DLASD1: merges two adjacent subproblems' SVDs through the row (alpha, beta) that joins them.</summary>
    private static int Dlasd1(int nl, int nr, int sqre, Span<double> d, double alpha, double beta, Span<double> u, int ldu, Span<double> vt, int ldvt, Span<int> idxq, Span<int> iwork, Span<double> work)
    {
        int n = nl + nr + 1;
        int m = n + sqre;
        int ldu2 = n;
        int ldvt2 = m;
        const int iz = 1;
        int isigma = iz + m;
        int iu2 = isigma + n;
        int ivt2 = iu2 + (ldu2 * n);
        int iq = ivt2 + (ldvt2 * m);
        const int idx = 1;
        int idxc = idx + n;
        int coltyp = idxc + n;
        int idxp = coltyp + n;

        double orgnrm = Math.Max(Math.Abs(alpha), Math.Abs(beta));
        d[nl] = 0.0;
        for (int i = 1; i <= n; i++)
        {
            if (Math.Abs(d[i - 1]) > orgnrm)
            {
                orgnrm = Math.Abs(d[i - 1]);
            }
        }

        Dlascl(false, orgnrm, 1.0, n, 1, d, n);
        alpha /= orgnrm;
        beta /= orgnrm;

        int k = Dlasd2(nl, nr, sqre, d, work[(iz - 1)..], alpha, beta, u, ldu, vt, ldvt, work[(isigma - 1)..], work[(iu2 - 1)..], ldu2, work[(ivt2 - 1)..], ldvt2, iwork[(idxp - 1)..], iwork[(idx - 1)..], iwork[(idxc - 1)..], idxq, iwork[(coltyp - 1)..]);

        int ldq = k;
        int info = Dlasd3(nl, nr, sqre, k, d, work[(iq - 1)..], ldq, work[(isigma - 1)..], u, ldu, work[(iu2 - 1)..], ldu2, vt, ldvt, work[(ivt2 - 1)..], ldvt2, iwork[(idxc - 1)..], iwork[(coltyp - 1)..], work[(iz - 1)..]);
        if (info != 0)
        {
            return info;
        }

        Dlascl(false, 1.0, orgnrm, n, 1, d, n);
        Dlamrg(k, n - k, d, 1, -1, idxq);
        return 0;
    }

    /// <summary>DLASD2: the deflation step of the merge; returns K, the order of the secular equation left.</summary>
    private static int Dlasd2(int nl, int nr, int sqre, Span<double> d, Span<double> z, double alpha, double beta, Span<double> u, int ldu, Span<double> vt, int ldvt, Span<double> dsigma, Span<double> u2, int ldu2, Span<double> vt2, int ldvt2, Span<int> idxp, Span<int> idx, Span<int> idxc, Span<int> idxq, Span<int> coltyp)
    {
        int n = nl + nr + 1;
        int m = n + sqre;
        int nlp1 = nl + 1;
        int nlp2 = nl + 2;
        Span<int> ctot = stackalloc int[4];
        Span<int> psm = stackalloc int[4];

        double z1 = alpha * vt[At(nlp1, nlp1, ldvt)];
        z[0] = z1;
        for (int i = nl; i >= 1; i--)
        {
            z[i] = alpha * vt[At(i, nlp1, ldvt)];
            d[i] = d[i - 1];
            idxq[i] = idxq[i - 1] + 1;
        }

        for (int i = nlp2; i <= m; i++)
        {
            z[i - 1] = beta * vt[At(i, nlp2, ldvt)];
        }

        for (int i = 2; i <= nlp1; i++)
        {
            coltyp[i - 1] = 1;
        }

        for (int i = nlp2; i <= n; i++)
        {
            coltyp[i - 1] = 2;
        }

        for (int i = nlp2; i <= n; i++)
        {
            idxq[i - 1] += nlp1;
        }

        for (int i = 2; i <= n; i++)
        {
            dsigma[i - 1] = d[idxq[i - 1] - 1];
            u2[At(i, 1, ldu2)] = z[idxq[i - 1] - 1];
            idxc[i - 1] = coltyp[idxq[i - 1] - 1];
        }

        Dlamrg(nl, nr, dsigma[1..], 1, 1, idx[1..]);

        for (int i = 2; i <= n; i++)
        {
            int idxi = 1 + idx[i - 1];
            d[i - 1] = dsigma[idxi - 1];
            z[i - 1] = u2[At(idxi, 1, ldu2)];
            coltyp[i - 1] = idxc[idxi - 1];
        }

        const double eps = Eps;
        double tol = Math.Max(Math.Abs(alpha), Math.Abs(beta));
        tol = 8.0 * eps * Math.Max(Math.Abs(d[n - 1]), tol);

        int k = 1;
        int k2 = n + 1;
        int jprev = 0;
        int j;
        double c = 0.0, s = 0.0;
        for (j = 2; j <= n; j++)
        {
            if (Math.Abs(z[j - 1]) <= tol)
            {
                k2--;
                idxp[k2 - 1] = j;
                coltyp[j - 1] = 4;
                if (j == n)
                {
                    goto L120;
                }
            }
            else
            {
                jprev = j;
                goto L90;
            }
        }

    L90:
        j = jprev;

    L100:
        j++;
        if (j > n)
        {
            goto L110;
        }

        if (Math.Abs(z[j - 1]) <= tol)
        {
            k2--;
            idxp[k2 - 1] = j;
            coltyp[j - 1] = 4;
        }
        else if (Math.Abs(d[j - 1] - d[jprev - 1]) <= tol)
        {
            s = z[jprev - 1];
            c = z[j - 1];
            double tau = Dlapy2(c, s);
            c /= tau;
            s = -s / tau;
            z[j - 1] = tau;
            z[jprev - 1] = 0.0;
            int idxjp = idxq[idx[jprev - 1]];
            int idxj = idxq[idx[j - 1]];
            if (idxjp <= nlp1)
            {
                idxjp--;
            }

            if (idxj <= nlp1)
            {
                idxj--;
            }

            ReferenceBlas.Drot(n, u[At(1, idxjp, ldu)..], 1, u[At(1, idxj, ldu)..], 1, c, s);
            ReferenceBlas.Drot(m, vt[At(idxjp, 1, ldvt)..], ldvt, vt[At(idxj, 1, ldvt)..], ldvt, c, s);
            if (coltyp[j - 1] != coltyp[jprev - 1])
            {
                coltyp[j - 1] = 3;
            }

            coltyp[jprev - 1] = 4;
            k2--;
            idxp[k2 - 1] = jprev;
            jprev = j;
        }
        else
        {
            k++;
            u2[At(k, 1, ldu2)] = z[jprev - 1];
            dsigma[k - 1] = d[jprev - 1];
            idxp[k - 1] = jprev;
            jprev = j;
        }

        goto L100;

    L110:
        k++;
        u2[At(k, 1, ldu2)] = z[jprev - 1];
        dsigma[k - 1] = d[jprev - 1];
        idxp[k - 1] = jprev;

    L120:
        for (j = 1; j <= 4; j++)
        {
            ctot[j - 1] = 0;
        }

        for (j = 2; j <= n; j++)
        {
            ctot[coltyp[j - 1] - 1]++;
        }

        psm[0] = 2;
        psm[1] = 2 + ctot[0];
        psm[2] = psm[1] + ctot[1];
        psm[3] = psm[2] + ctot[2];

        for (j = 2; j <= n; j++)
        {
            int jp = idxp[j - 1];
            int ct = coltyp[jp - 1];
            idxc[psm[ct - 1] - 1] = j;
            psm[ct - 1]++;
        }

        for (j = 2; j <= n; j++)
        {
            int jp = idxp[j - 1];
            dsigma[j - 1] = d[jp - 1];
            int idxj = idxq[idx[idxp[idxc[j - 1] - 1] - 1]];
            if (idxj <= nlp1)
            {
                idxj--;
            }

            ReferenceBlas.Dcopy(n, u[At(1, idxj, ldu)..], 1, u2[At(1, j, ldu2)..], 1);
            ReferenceBlas.Dcopy(m, vt[At(idxj, 1, ldvt)..], ldvt, vt2[At(j, 1, ldvt2)..], ldvt2);
        }

        dsigma[0] = 0.0;
        double hlftol = tol / 2.0;
        if (Math.Abs(dsigma[1]) <= hlftol)
        {
            dsigma[1] = hlftol;
        }

        if (m > n)
        {
            z[0] = Dlapy2(z1, z[m - 1]);
            if (z[0] <= tol)
            {
                c = 1.0;
                s = 0.0;
                z[0] = tol;
            }
            else
            {
                c = z1 / z[0];
                s = z[m - 1] / z[0];
            }
        }
        else
        {
            z[0] = Math.Abs(z1) <= tol ? tol : z1;
        }

        ReferenceBlas.Dcopy(k - 1, u2[At(2, 1, ldu2)..], 1, z[1..], 1);

        Dlaset(n, 1, 0.0, 0.0, u2, ldu2);
        u2[At(nlp1, 1, ldu2)] = 1.0;
        if (m > n)
        {
            for (int i = 1; i <= nlp1; i++)
            {
                vt[At(m, i, ldvt)] = -s * vt[At(nlp1, i, ldvt)];
                vt2[At(1, i, ldvt2)] = c * vt[At(nlp1, i, ldvt)];
            }

            for (int i = nlp2; i <= m; i++)
            {
                vt2[At(1, i, ldvt2)] = s * vt[At(m, i, ldvt)];
                vt[At(m, i, ldvt)] = c * vt[At(m, i, ldvt)];
            }
        }
        else
        {
            ReferenceBlas.Dcopy(m, vt[At(nlp1, 1, ldvt)..], ldvt, vt2, ldvt2);
        }

        if (m > n)
        {
            ReferenceBlas.Dcopy(m, vt[At(m, 1, ldvt)..], ldvt, vt2[At(m, 1, ldvt2)..], ldvt2);
        }

        if (n > k)
        {
            ReferenceBlas.Dcopy(n - k, dsigma[k..], 1, d[k..], 1);
            Dlacpy(n, n - k, u2[At(1, k + 1, ldu2)..], ldu2, u[At(1, k + 1, ldu)..], ldu);
            Dlacpy(n - k, m, vt2[At(k + 1, 1, ldvt2)..], ldvt2, vt[At(k + 1, 1, ldvt)..], ldvt);
        }

        for (j = 1; j <= 4; j++)
        {
            coltyp[j - 1] = ctot[j - 1];
        }

        return k;
    }

    /// <summary>DLASD3: solves the secular equation of the merge and forms the updated singular vectors.</summary>
    private static int Dlasd3(int nl, int nr, int sqre, int k, Span<double> d, Span<double> q, int ldq, Span<double> dsigma, Span<double> u, int ldu, Span<double> u2, int ldu2, Span<double> vt, int ldvt, Span<double> vt2, int ldvt2, Span<int> idxc, Span<int> ctot, Span<double> z)
    {
        int n = nl + nr + 1;
        int m = n + sqre;
        int nlp1 = nl + 1;
        int nlp2 = nl + 2;

        if (k == 1)
        {
            d[0] = Math.Abs(z[0]);
            ReferenceBlas.Dcopy(m, vt2, ldvt2, vt, ldvt);
            if (z[0] > 0.0)
            {
                ReferenceBlas.Dcopy(n, u2, 1, u, 1);
            }
            else
            {
                for (int i = 1; i <= n; i++)
                {
                    u[i - 1] = -u2[i - 1];
                }
            }

            return 0;
        }

        for (int i = 1; i <= k; i++)
        {
            // DLAMC3(DSIGMA(I), DSIGMA(I)) - DSIGMA(I): 2x − x, kept so that no compiler simplifies it.
            dsigma[i - 1] = (dsigma[i - 1] + dsigma[i - 1]) - dsigma[i - 1];
        }

        ReferenceBlas.Dcopy(k, z, 1, q, 1);
        double rho = ReferenceBlas.Dnrm2(k, z, 1);
        Dlascl(false, rho, 1.0, k, 1, z, k);
        rho *= rho;

        for (int j = 1; j <= k; j++)
        {
            int info = Dlasd4(k, j, dsigma, z, u[At(1, j, ldu)..], rho, out d[j - 1], vt[At(1, j, ldvt)..]);
            if (info != 0)
            {
                return info;
            }
        }

        for (int i = 1; i <= k; i++)
        {
            z[i - 1] = u[At(i, k, ldu)] * vt[At(i, k, ldvt)];
            for (int j = 1; j <= i - 1; j++)
            {
                z[i - 1] *= u[At(i, j, ldu)] * vt[At(i, j, ldvt)] / (dsigma[i - 1] - dsigma[j - 1]) / (dsigma[i - 1] + dsigma[j - 1]);
            }

            for (int j = i; j <= k - 1; j++)
            {
                z[i - 1] *= u[At(i, j, ldu)] * vt[At(i, j, ldvt)] / (dsigma[i - 1] - dsigma[j]) / (dsigma[i - 1] + dsigma[j]);
            }

            z[i - 1] = Sign(Math.Sqrt(Math.Abs(z[i - 1])), q[i - 1]);
        }

        for (int i = 1; i <= k; i++)
        {
            vt[At(1, i, ldvt)] = z[0] / u[At(1, i, ldu)] / vt[At(1, i, ldvt)];
            u[At(1, i, ldu)] = -1.0;
            for (int j = 2; j <= k; j++)
            {
                vt[At(j, i, ldvt)] = z[j - 1] / u[At(j, i, ldu)] / vt[At(j, i, ldvt)];
                u[At(j, i, ldu)] = dsigma[j - 1] * vt[At(j, i, ldvt)];
            }

            double temp = ReferenceBlas.Dnrm2(k, u[At(1, i, ldu)..], 1);
            q[At(1, i, ldq)] = u[At(1, i, ldu)] / temp;
            for (int j = 2; j <= k; j++)
            {
                int jc = idxc[j - 1];
                q[At(j, i, ldq)] = u[At(jc, i, ldu)] / temp;
            }
        }

        int ktemp;
        if (k == 2)
        {
            ReferenceBlas.Dgemm(false, false, n, k, k, 1.0, u2, ldu2, q, ldq, 0.0, u, ldu);
        }
        else
        {
            if (ctot[0] > 0)
            {
                ReferenceBlas.Dgemm(false, false, nl, k, ctot[0], 1.0, u2[At(1, 2, ldu2)..], ldu2, q[At(2, 1, ldq)..], ldq, 0.0, u, ldu);
                if (ctot[2] > 0)
                {
                    ktemp = 2 + ctot[0] + ctot[1];
                    ReferenceBlas.Dgemm(false, false, nl, k, ctot[2], 1.0, u2[At(1, ktemp, ldu2)..], ldu2, q[At(ktemp, 1, ldq)..], ldq, 1.0, u, ldu);
                }
            }
            else if (ctot[2] > 0)
            {
                ktemp = 2 + ctot[0] + ctot[1];
                ReferenceBlas.Dgemm(false, false, nl, k, ctot[2], 1.0, u2[At(1, ktemp, ldu2)..], ldu2, q[At(ktemp, 1, ldq)..], ldq, 0.0, u, ldu);
            }
            else
            {
                Dlacpy(nl, k, u2, ldu2, u, ldu);
            }

            ReferenceBlas.Dcopy(k, q, ldq, u[At(nlp1, 1, ldu)..], ldu);
            ktemp = 2 + ctot[0];
            int ctemp = ctot[1] + ctot[2];
            ReferenceBlas.Dgemm(false, false, nr, k, ctemp, 1.0, u2[At(nlp2, ktemp, ldu2)..], ldu2, q[At(ktemp, 1, ldq)..], ldq, 0.0, u[At(nlp2, 1, ldu)..], ldu);
        }

        // Label 100: the right singular vectors.
        for (int i = 1; i <= k; i++)
        {
            double temp = ReferenceBlas.Dnrm2(k, vt[At(1, i, ldvt)..], 1);
            q[At(i, 1, ldq)] = vt[At(1, i, ldvt)] / temp;
            for (int j = 2; j <= k; j++)
            {
                int jc = idxc[j - 1];
                q[At(i, j, ldq)] = vt[At(jc, i, ldvt)] / temp;
            }
        }

        if (k == 2)
        {
            ReferenceBlas.Dgemm(false, false, k, m, k, 1.0, q, ldq, vt2, ldvt2, 0.0, vt, ldvt);
            return 0;
        }

        ktemp = 1 + ctot[0];
        ReferenceBlas.Dgemm(false, false, k, nlp1, ktemp, 1.0, q, ldq, vt2, ldvt2, 0.0, vt, ldvt);
        ktemp = 2 + ctot[0] + ctot[1];
        if (ktemp <= ldvt2)
        {
            ReferenceBlas.Dgemm(false, false, k, nlp1, ctot[2], 1.0, q[At(1, ktemp, ldq)..], ldq, vt2[At(ktemp, 1, ldvt2)..], ldvt2, 1.0, vt, ldvt);
        }

        ktemp = ctot[0] + 1;
        int nrp1 = nr + sqre;
        if (ktemp > 1)
        {
            for (int i = 1; i <= k; i++)
            {
                q[At(i, ktemp, ldq)] = q[At(i, 1, ldq)];
            }

            for (int i = nlp2; i <= m; i++)
            {
                vt2[At(ktemp, i, ldvt2)] = vt2[At(1, i, ldvt2)];
            }
        }

        int ctemp2 = 1 + ctot[1] + ctot[2];
        ReferenceBlas.Dgemm(false, false, k, nrp1, ctemp2, 1.0, q[At(1, ktemp, ldq)..], ldq, vt2[At(ktemp, nlp2, ldvt2)..], ldvt2, 0.0, vt[At(1, nlp2, ldvt)..], ldvt);
        return 0;
    }

    /// <summary>DLAMRG: the permutation that merges two sorted runs of <paramref name="a"/> into increasing order.</summary>
    private static void Dlamrg(int n1, int n2, ReadOnlySpan<double> a, int dtrd1, int dtrd2, Span<int> index)
    {
        int n1sv = n1;
        int n2sv = n2;
        int ind1 = dtrd1 > 0 ? 1 : n1;
        int ind2 = dtrd2 > 0 ? 1 + n1 : n1 + n2;
        int i = 1;
        while (n1sv > 0 && n2sv > 0)
        {
            if (a[ind1 - 1] <= a[ind2 - 1])
            {
                index[i - 1] = ind1;
                i++;
                ind1 += dtrd1;
                n1sv--;
            }
            else
            {
                index[i - 1] = ind2;
                i++;
                ind2 += dtrd2;
                n2sv--;
            }
        }

        if (n1sv == 0)
        {
            for (int t = 1; t <= n2sv; t++)
            {
                index[i - 1] = ind2;
                i++;
                ind2 += dtrd2;
            }
        }
        else
        {
            for (int t = 1; t <= n1sv; t++)
            {
                index[i - 1] = ind1;
                i++;
                ind1 += dtrd1;
            }
        }
    }
}

// Transcribed from the reference LAPACK and BLAS 3.11 (netlib, github.com/Reference-LAPACK/lapack, tag v3.11.0);
// their copyright notice and license are in LAPACK-LICENSE.txt beside this file.

namespace OneSeed.Distributions;

internal static partial class ReferenceLapack
{
    /// <summary>
    /// DLASD4: the i-th root σ of the secular equation 1 + ρ·Σ z(j)²/((d(j) − σ)(d(j) + σ)) = 0, with
    /// delta(j) = d(j) − σ and work(j) = d(j) + σ, by LAPACK's rational-interpolation iteration.
    /// </summary>
    private static int Dlasd4(int n, int i, ReadOnlySpan<double> d, ReadOnlySpan<double> z, Span<double> delta, double rho, out double sigma, Span<double> work)
    {
        const int maxit = 400;
        const double eight = 8.0, three = 3.0, four = 4.0, two = 2.0, ten = 10.0;
        int info = 0;
        if (n == 1)
        {
            sigma = Math.Sqrt((d[0] * d[0]) + (rho * z[0] * z[0]));
            delta[0] = 1.0;
            work[0] = 1.0;
            return 0;
        }

        if (n == 2)
        {
            Dlasd5(i, d, z, delta, rho, out sigma, work);
            return 0;
        }

        const double eps = Eps;
        double rhoinv = 1.0 / rho;
        double tau2 = 0.0;
        double tau, temp, temp1, temp2, psi, dpsi, phi, dphi, erretm, w, c, a, b, eta, dw, prew;
        int ii, niter, iter;
        Span<double> dd = stackalloc double[3];
        Span<double> zz = stackalloc double[3];

        if (i == n)
        {
            // The largest root.
            ii = n - 1;
            niter = 1;
            temp = rho / two;
            temp1 = temp / (d[n - 1] + Math.Sqrt((d[n - 1] * d[n - 1]) + temp));
            for (int j = 1; j <= n; j++)
            {
                work[j - 1] = d[j - 1] + d[n - 1] + temp1;
                delta[j - 1] = (d[j - 1] - d[n - 1]) - temp1;
            }

            psi = 0.0;
            for (int j = 1; j <= n - 2; j++)
            {
                psi += z[j - 1] * z[j - 1] / (delta[j - 1] * work[j - 1]);
            }

            c = rhoinv + psi;
            w = c + (z[ii - 1] * z[ii - 1] / (delta[ii - 1] * work[ii - 1])) + (z[n - 1] * z[n - 1] / (delta[n - 1] * work[n - 1]));

            if (w <= 0.0)
            {
                temp1 = Math.Sqrt((d[n - 1] * d[n - 1]) + rho);
                temp = (z[n - 2] * z[n - 2] / ((d[n - 2] + temp1) * ((d[n - 1] - d[n - 2]) + (rho / (d[n - 1] + temp1))))) + (z[n - 1] * z[n - 1] / rho);
                if (c <= temp)
                {
                    tau = rho;
                }
                else
                {
                    double delsq = (d[n - 1] - d[n - 2]) * (d[n - 1] + d[n - 2]);
                    a = (-(c * delsq) + (z[n - 2] * z[n - 2])) + (z[n - 1] * z[n - 1]);
                    b = z[n - 1] * z[n - 1] * delsq;
                    tau2 = a < 0.0
                        ? two * b / (Math.Sqrt((a * a) + (four * b * c)) - a)
                        : (a + Math.Sqrt((a * a) + (four * b * c))) / (two * c);
                    tau = tau2 / (d[n - 1] + Math.Sqrt((d[n - 1] * d[n - 1]) + tau2));
                }
            }
            else
            {
                double delsq = (d[n - 1] - d[n - 2]) * (d[n - 1] + d[n - 2]);
                a = (-(c * delsq) + (z[n - 2] * z[n - 2])) + (z[n - 1] * z[n - 1]);
                b = z[n - 1] * z[n - 1] * delsq;
                tau2 = a < 0.0
                    ? two * b / (Math.Sqrt((a * a) + (four * b * c)) - a)
                    : (a + Math.Sqrt((a * a) + (four * b * c))) / (two * c);
                tau = tau2 / (d[n - 1] + Math.Sqrt((d[n - 1] * d[n - 1]) + tau2));
            }

            sigma = d[n - 1] + tau;
            for (int j = 1; j <= n; j++)
            {
                delta[j - 1] = (d[j - 1] - d[n - 1]) - tau;
                work[j - 1] = d[j - 1] + d[n - 1] + tau;
            }

            dpsi = 0.0;
            psi = 0.0;
            erretm = 0.0;
            for (int j = 1; j <= ii; j++)
            {
                temp = z[j - 1] / (delta[j - 1] * work[j - 1]);
                psi += z[j - 1] * temp;
                dpsi += temp * temp;
                erretm += psi;
            }

            erretm = Math.Abs(erretm);
            temp = z[n - 1] / (delta[n - 1] * work[n - 1]);
            phi = z[n - 1] * temp;
            dphi = temp * temp;
            erretm = ((eight * (-phi - psi)) + erretm - phi) + rhoinv;
            w = rhoinv + phi + psi;

            if (Math.Abs(w) <= eps * erretm)
            {
                return info;
            }

            niter++;
            double dtnsq1 = work[n - 2] * delta[n - 2];
            double dtnsq = work[n - 1] * delta[n - 1];
            c = w - (dtnsq1 * dpsi) - (dtnsq * dphi);
            a = ((dtnsq + dtnsq1) * w) - (dtnsq * dtnsq1 * (dpsi + dphi));
            b = dtnsq * dtnsq1 * w;
            if (c < 0.0)
            {
                c = Math.Abs(c);
            }

            if (c == 0.0)
            {
                eta = rho - (sigma * sigma);
            }
            else if (a >= 0.0)
            {
                eta = (a + Math.Sqrt(Math.Abs((a * a) - (four * b * c)))) / (two * c);
            }
            else
            {
                eta = two * b / (a - Math.Sqrt(Math.Abs((a * a) - (four * b * c))));
            }

            if (w * eta > 0.0)
            {
                eta = -w / (dpsi + dphi);
            }

            temp = eta - dtnsq;
            if (temp > rho)
            {
                eta = rho + dtnsq;
            }

            eta /= sigma + Math.Sqrt(eta + (sigma * sigma));
            tau += eta;
            sigma += eta;
            for (int j = 1; j <= n; j++)
            {
                delta[j - 1] -= eta;
                work[j - 1] += eta;
            }

            dpsi = 0.0;
            psi = 0.0;
            erretm = 0.0;
            for (int j = 1; j <= ii; j++)
            {
                temp = z[j - 1] / (work[j - 1] * delta[j - 1]);
                psi += z[j - 1] * temp;
                dpsi += temp * temp;
                erretm += psi;
            }

            erretm = Math.Abs(erretm);
            tau2 = work[n - 1] * delta[n - 1];
            temp = z[n - 1] / tau2;
            phi = z[n - 1] * temp;
            dphi = temp * temp;
            erretm = ((eight * (-phi - psi)) + erretm - phi) + rhoinv;
            w = rhoinv + phi + psi;

            iter = niter + 1;
            for (niter = iter; niter <= maxit; niter++)
            {
                if (Math.Abs(w) <= eps * erretm)
                {
                    return info;
                }

                dtnsq1 = work[n - 2] * delta[n - 2];
                dtnsq = work[n - 1] * delta[n - 1];
                c = w - (dtnsq1 * dpsi) - (dtnsq * dphi);
                a = ((dtnsq + dtnsq1) * w) - (dtnsq1 * dtnsq * (dpsi + dphi));
                b = dtnsq1 * dtnsq * w;
                if (a >= 0.0)
                {
                    eta = (a + Math.Sqrt(Math.Abs((a * a) - (four * b * c)))) / (two * c);
                }
                else
                {
                    eta = two * b / (a - Math.Sqrt(Math.Abs((a * a) - (four * b * c))));
                }

                if (w * eta > 0.0)
                {
                    eta = -w / (dpsi + dphi);
                }

                temp = eta - dtnsq;
                if (temp <= 0.0)
                {
                    eta /= two;
                }

                eta /= sigma + Math.Sqrt(eta + (sigma * sigma));
                tau += eta;
                sigma += eta;
                for (int j = 1; j <= n; j++)
                {
                    delta[j - 1] -= eta;
                    work[j - 1] += eta;
                }

                dpsi = 0.0;
                psi = 0.0;
                erretm = 0.0;
                for (int j = 1; j <= ii; j++)
                {
                    temp = z[j - 1] / (work[j - 1] * delta[j - 1]);
                    psi += z[j - 1] * temp;
                    dpsi += temp * temp;
                    erretm += psi;
                }

                erretm = Math.Abs(erretm);
                tau2 = work[n - 1] * delta[n - 1];
                temp = z[n - 1] / tau2;
                phi = z[n - 1] * temp;
                dphi = temp * temp;
                erretm = ((eight * (-phi - psi)) + erretm - phi) + rhoinv;
                w = rhoinv + phi + psi;
            }

            return 1;
        }

        // A root strictly between d(i) and d(i + 1).
        niter = 1;
        int ip1 = i + 1;
        double delsqI = (d[ip1 - 1] - d[i - 1]) * (d[ip1 - 1] + d[i - 1]);
        double delsq2 = delsqI / two;
        double sq2 = Math.Sqrt(((d[i - 1] * d[i - 1]) + (d[ip1 - 1] * d[ip1 - 1])) / two);
        temp = delsq2 / (d[i - 1] + sq2);
        for (int j = 1; j <= n; j++)
        {
            work[j - 1] = d[j - 1] + d[i - 1] + temp;
            delta[j - 1] = (d[j - 1] - d[i - 1]) - temp;
        }

        psi = 0.0;
        for (int j = 1; j <= i - 1; j++)
        {
            psi += z[j - 1] * z[j - 1] / (work[j - 1] * delta[j - 1]);
        }

        phi = 0.0;
        for (int j = n; j >= i + 2; j--)
        {
            phi += z[j - 1] * z[j - 1] / (work[j - 1] * delta[j - 1]);
        }

        c = rhoinv + psi + phi;
        w = c + (z[i - 1] * z[i - 1] / (work[i - 1] * delta[i - 1])) + (z[ip1 - 1] * z[ip1 - 1] / (work[ip1 - 1] * delta[ip1 - 1]));

        bool geomavg = false;
        bool orgati;
        double sglb, sgub;
        if (w > 0.0)
        {
            // The root is closer to d(i).
            orgati = true;
            ii = i;
            sglb = 0.0;
            sgub = delsq2 / (d[i - 1] + sq2);
            a = (c * delsqI) + (z[i - 1] * z[i - 1]) + (z[ip1 - 1] * z[ip1 - 1]);
            b = z[i - 1] * z[i - 1] * delsqI;
            if (a > 0.0)
            {
                tau2 = two * b / (a + Math.Sqrt(Math.Abs((a * a) - (four * b * c))));
            }
            else
            {
                tau2 = (a - Math.Sqrt(Math.Abs((a * a) - (four * b * c)))) / (two * c);
            }

            tau = tau2 / (d[i - 1] + Math.Sqrt((d[i - 1] * d[i - 1]) + tau2));
            temp = Math.Sqrt(eps);
            if (d[i - 1] <= temp * d[ip1 - 1] && Math.Abs(z[i - 1]) <= temp && d[i - 1] > 0.0)
            {
                tau = Math.Min(ten * d[i - 1], sgub);
                geomavg = true;
            }
        }
        else
        {
            // The root is closer to d(i + 1).
            orgati = false;
            ii = ip1;
            sglb = -delsq2 / (d[ii - 1] + sq2);
            sgub = 0.0;
            a = (c * delsqI) - (z[i - 1] * z[i - 1]) - (z[ip1 - 1] * z[ip1 - 1]);
            b = z[ip1 - 1] * z[ip1 - 1] * delsqI;
            if (a < 0.0)
            {
                tau2 = two * b / (a - Math.Sqrt(Math.Abs((a * a) + (four * b * c))));
            }
            else
            {
                tau2 = -(a + Math.Sqrt(Math.Abs((a * a) + (four * b * c)))) / (two * c);
            }

            tau = tau2 / (d[ip1 - 1] + Math.Sqrt(Math.Abs((d[ip1 - 1] * d[ip1 - 1]) + tau2)));
        }

        sigma = d[ii - 1] + tau;
        for (int j = 1; j <= n; j++)
        {
            work[j - 1] = d[j - 1] + d[ii - 1] + tau;
            delta[j - 1] = (d[j - 1] - d[ii - 1]) - tau;
        }

        int iim1 = ii - 1;
        int iip1 = ii + 1;

        dpsi = 0.0;
        psi = 0.0;
        erretm = 0.0;
        for (int j = 1; j <= iim1; j++)
        {
            temp = z[j - 1] / (work[j - 1] * delta[j - 1]);
            psi += z[j - 1] * temp;
            dpsi += temp * temp;
            erretm += psi;
        }

        erretm = Math.Abs(erretm);
        dphi = 0.0;
        phi = 0.0;
        for (int j = n; j >= iip1; j--)
        {
            temp = z[j - 1] / (work[j - 1] * delta[j - 1]);
            phi += z[j - 1] * temp;
            dphi += temp * temp;
            erretm += phi;
        }

        w = rhoinv + phi + psi;

        bool swtch3 = false;
        if (orgati)
        {
            if (w < 0.0)
            {
                swtch3 = true;
            }
        }
        else if (w > 0.0)
        {
            swtch3 = true;
        }

        if (ii == 1 || ii == n)
        {
            swtch3 = false;
        }

        temp = z[ii - 1] / (work[ii - 1] * delta[ii - 1]);
        dw = dpsi + dphi + (temp * temp);
        temp = z[ii - 1] * temp;
        w += temp;
        erretm = (eight * (phi - psi)) + erretm + (two * rhoinv) + (three * Math.Abs(temp));

        if (Math.Abs(w) <= eps * erretm)
        {
            return info;
        }

        if (w <= 0.0)
        {
            sglb = Math.Max(sglb, tau);
        }
        else
        {
            sgub = Math.Min(sgub, tau);
        }

        niter++;
        double dtipsq, dtisq, dtiim, dtiip;
        if (!swtch3)
        {
            dtipsq = work[ip1 - 1] * delta[ip1 - 1];
            dtisq = work[i - 1] * delta[i - 1];
            if (orgati)
            {
                double q = z[i - 1] / dtisq;
                c = w - (dtipsq * dw) + (delsqI * (q * q));
            }
            else
            {
                double q = z[ip1 - 1] / dtipsq;
                c = w - (dtisq * dw) - (delsqI * (q * q));
            }

            a = ((dtipsq + dtisq) * w) - (dtipsq * dtisq * dw);
            b = dtipsq * dtisq * w;
            if (c == 0.0)
            {
                if (a == 0.0)
                {
                    a = orgati
                        ? (z[i - 1] * z[i - 1]) + (dtipsq * dtipsq * (dpsi + dphi))
                        : (z[ip1 - 1] * z[ip1 - 1]) + (dtisq * dtisq * (dpsi + dphi));
                }

                eta = b / a;
            }
            else if (a <= 0.0)
            {
                eta = (a - Math.Sqrt(Math.Abs((a * a) - (four * b * c)))) / (two * c);
            }
            else
            {
                eta = two * b / (a + Math.Sqrt(Math.Abs((a * a) - (four * b * c))));
            }
        }
        else
        {
            // Interpolation with three poles.
            dtiim = work[iim1 - 1] * delta[iim1 - 1];
            dtiip = work[iip1 - 1] * delta[iip1 - 1];
            temp = rhoinv + psi + phi;
            if (orgati)
            {
                temp1 = z[iim1 - 1] / dtiim;
                temp1 *= temp1;
                c = (temp - (dtiip * (dpsi + dphi))) - ((d[iim1 - 1] - d[iip1 - 1]) * (d[iim1 - 1] + d[iip1 - 1]) * temp1);
                zz[0] = z[iim1 - 1] * z[iim1 - 1];
                zz[2] = dpsi < temp1 ? dtiip * dtiip * dphi : dtiip * dtiip * ((dpsi - temp1) + dphi);
            }
            else
            {
                temp1 = z[iip1 - 1] / dtiip;
                temp1 *= temp1;
                c = (temp - (dtiim * (dpsi + dphi))) - ((d[iip1 - 1] - d[iim1 - 1]) * (d[iim1 - 1] + d[iip1 - 1]) * temp1);
                zz[0] = dphi < temp1 ? dtiim * dtiim * dpsi : dtiim * dtiim * (dpsi + (dphi - temp1));
                zz[2] = z[iip1 - 1] * z[iip1 - 1];
            }

            zz[1] = z[ii - 1] * z[ii - 1];
            dd[0] = dtiim;
            dd[1] = delta[ii - 1] * work[ii - 1];
            dd[2] = dtiip;
            info = Dlaed6(niter, orgati, c, dd, zz, w, out eta);
            if (info != 0)
            {
                // Three-pole interpolation failed: fall back to two poles.
                swtch3 = false;
                info = 0;
                dtipsq = work[ip1 - 1] * delta[ip1 - 1];
                dtisq = work[i - 1] * delta[i - 1];
                if (orgati)
                {
                    double q = z[i - 1] / dtisq;
                    c = w - (dtipsq * dw) + (delsqI * (q * q));
                }
                else
                {
                    double q = z[ip1 - 1] / dtipsq;
                    c = w - (dtisq * dw) - (delsqI * (q * q));
                }

                a = ((dtipsq + dtisq) * w) - (dtipsq * dtisq * dw);
                b = dtipsq * dtisq * w;
                if (c == 0.0)
                {
                    if (a == 0.0)
                    {
                        a = orgati
                            ? (z[i - 1] * z[i - 1]) + (dtipsq * dtipsq * (dpsi + dphi))
                            : (z[ip1 - 1] * z[ip1 - 1]) + (dtisq * dtisq * (dpsi + dphi));
                    }

                    eta = b / a;
                }
                else if (a <= 0.0)
                {
                    eta = (a - Math.Sqrt(Math.Abs((a * a) - (four * b * c)))) / (two * c);
                }
                else
                {
                    eta = two * b / (a + Math.Sqrt(Math.Abs((a * a) - (four * b * c))));
                }
            }
        }

        if (w * eta >= 0.0)
        {
            eta = -w / dw;
        }

        eta /= sigma + Math.Sqrt((sigma * sigma) + eta);
        temp = tau + eta;
        if (temp > sgub || temp < sglb)
        {
            eta = w < 0.0 ? (sgub - tau) / two : (sglb - tau) / two;
            if (geomavg)
            {
                if (w < 0.0)
                {
                    if (tau > 0.0)
                    {
                        eta = Math.Sqrt(sgub * tau) - tau;
                    }
                }
                else if (sglb > 0.0)
                {
                    eta = Math.Sqrt(sglb * tau) - tau;
                }
            }
        }

        prew = w;
        tau += eta;
        sigma += eta;
        for (int j = 1; j <= n; j++)
        {
            work[j - 1] += eta;
            delta[j - 1] -= eta;
        }

        dpsi = 0.0;
        psi = 0.0;
        erretm = 0.0;
        for (int j = 1; j <= iim1; j++)
        {
            temp = z[j - 1] / (work[j - 1] * delta[j - 1]);
            psi += z[j - 1] * temp;
            dpsi += temp * temp;
            erretm += psi;
        }

        erretm = Math.Abs(erretm);
        dphi = 0.0;
        phi = 0.0;
        for (int j = n; j >= iip1; j--)
        {
            temp = z[j - 1] / (work[j - 1] * delta[j - 1]);
            phi += z[j - 1] * temp;
            dphi += temp * temp;
            erretm += phi;
        }

        tau2 = work[ii - 1] * delta[ii - 1];
        temp = z[ii - 1] / tau2;
        dw = dpsi + dphi + (temp * temp);
        temp = z[ii - 1] * temp;
        w = rhoinv + phi + psi + temp;
        erretm = (eight * (phi - psi)) + erretm + (two * rhoinv) + (three * Math.Abs(temp));

        bool swtch = false;
        if (orgati)
        {
            if (-w > Math.Abs(prew) / ten)
            {
                swtch = true;
            }
        }
        else if (w > Math.Abs(prew) / ten)
        {
            swtch = true;
        }

        iter = niter + 1;
        for (niter = iter; niter <= maxit; niter++)
        {
            if (Math.Abs(w) <= eps * erretm)
            {
                return info;
            }

            if (w <= 0.0)
            {
                sglb = Math.Max(sglb, tau);
            }
            else
            {
                sgub = Math.Min(sgub, tau);
            }

            if (!swtch3)
            {
                dtipsq = work[ip1 - 1] * delta[ip1 - 1];
                dtisq = work[i - 1] * delta[i - 1];
                if (!swtch)
                {
                    if (orgati)
                    {
                        double q = z[i - 1] / dtisq;
                        c = w - (dtipsq * dw) + (delsqI * (q * q));
                    }
                    else
                    {
                        double q = z[ip1 - 1] / dtipsq;
                        c = w - (dtisq * dw) - (delsqI * (q * q));
                    }
                }
                else
                {
                    temp = z[ii - 1] / (work[ii - 1] * delta[ii - 1]);
                    if (orgati)
                    {
                        dpsi += temp * temp;
                    }
                    else
                    {
                        dphi += temp * temp;
                    }

                    c = w - (dtisq * dpsi) - (dtipsq * dphi);
                }

                a = ((dtipsq + dtisq) * w) - (dtipsq * dtisq * dw);
                b = dtipsq * dtisq * w;
                if (c == 0.0)
                {
                    if (a == 0.0)
                    {
                        if (!swtch)
                        {
                            a = orgati
                                ? (z[i - 1] * z[i - 1]) + (dtipsq * dtipsq * (dpsi + dphi))
                                : (z[ip1 - 1] * z[ip1 - 1]) + (dtisq * dtisq * (dpsi + dphi));
                        }
                        else
                        {
                            a = (dtisq * dtisq * dpsi) + (dtipsq * dtipsq * dphi);
                        }
                    }

                    eta = b / a;
                }
                else if (a <= 0.0)
                {
                    eta = (a - Math.Sqrt(Math.Abs((a * a) - (four * b * c)))) / (two * c);
                }
                else
                {
                    eta = two * b / (a + Math.Sqrt(Math.Abs((a * a) - (four * b * c))));
                }
            }
            else
            {
                dtiim = work[iim1 - 1] * delta[iim1 - 1];
                dtiip = work[iip1 - 1] * delta[iip1 - 1];
                temp = rhoinv + psi + phi;
                if (swtch)
                {
                    c = temp - (dtiim * dpsi) - (dtiip * dphi);
                    zz[0] = dtiim * dtiim * dpsi;
                    zz[2] = dtiip * dtiip * dphi;
                }
                else if (orgati)
                {
                    temp1 = z[iim1 - 1] / dtiim;
                    temp1 *= temp1;
                    temp2 = (d[iim1 - 1] - d[iip1 - 1]) * (d[iim1 - 1] + d[iip1 - 1]) * temp1;
                    c = temp - (dtiip * (dpsi + dphi)) - temp2;
                    zz[0] = z[iim1 - 1] * z[iim1 - 1];
                    zz[2] = dpsi < temp1 ? dtiip * dtiip * dphi : dtiip * dtiip * ((dpsi - temp1) + dphi);
                }
                else
                {
                    temp1 = z[iip1 - 1] / dtiip;
                    temp1 *= temp1;
                    temp2 = (d[iip1 - 1] - d[iim1 - 1]) * (d[iim1 - 1] + d[iip1 - 1]) * temp1;
                    c = temp - (dtiim * (dpsi + dphi)) - temp2;
                    zz[0] = dphi < temp1 ? dtiim * dtiim * dpsi : dtiim * dtiim * (dpsi + (dphi - temp1));
                    zz[2] = z[iip1 - 1] * z[iip1 - 1];
                }

                dd[0] = dtiim;
                dd[1] = delta[ii - 1] * work[ii - 1];
                dd[2] = dtiip;
                info = Dlaed6(niter, orgati, c, dd, zz, w, out eta);
                if (info != 0)
                {
                    swtch3 = false;
                    info = 0;
                    dtipsq = work[ip1 - 1] * delta[ip1 - 1];
                    dtisq = work[i - 1] * delta[i - 1];
                    if (!swtch)
                    {
                        if (orgati)
                        {
                            double q = z[i - 1] / dtisq;
                            c = w - (dtipsq * dw) + (delsqI * (q * q));
                        }
                        else
                        {
                            double q = z[ip1 - 1] / dtipsq;
                            c = w - (dtisq * dw) - (delsqI * (q * q));
                        }
                    }
                    else
                    {
                        temp = z[ii - 1] / (work[ii - 1] * delta[ii - 1]);
                        if (orgati)
                        {
                            dpsi += temp * temp;
                        }
                        else
                        {
                            dphi += temp * temp;
                        }

                        c = w - (dtisq * dpsi) - (dtipsq * dphi);
                    }

                    a = ((dtipsq + dtisq) * w) - (dtipsq * dtisq * dw);
                    b = dtipsq * dtisq * w;
                    if (c == 0.0)
                    {
                        if (a == 0.0)
                        {
                            if (!swtch)
                            {
                                a = orgati
                                    ? (z[i - 1] * z[i - 1]) + (dtipsq * dtipsq * (dpsi + dphi))
                                    : (z[ip1 - 1] * z[ip1 - 1]) + (dtisq * dtisq * (dpsi + dphi));
                            }
                            else
                            {
                                a = (dtisq * dtisq * dpsi) + (dtipsq * dtipsq * dphi);
                            }
                        }

                        eta = b / a;
                    }
                    else if (a <= 0.0)
                    {
                        eta = (a - Math.Sqrt(Math.Abs((a * a) - (four * b * c)))) / (two * c);
                    }
                    else
                    {
                        eta = two * b / (a + Math.Sqrt(Math.Abs((a * a) - (four * b * c))));
                    }
                }
            }

            if (w * eta >= 0.0)
            {
                eta = -w / dw;
            }

            eta /= sigma + Math.Sqrt((sigma * sigma) + eta);
            temp = tau + eta;
            if (temp > sgub || temp < sglb)
            {
                eta = w < 0.0 ? (sgub - tau) / two : (sglb - tau) / two;
                if (geomavg)
                {
                    if (w < 0.0)
                    {
                        if (tau > 0.0)
                        {
                            eta = Math.Sqrt(sgub * tau) - tau;
                        }
                    }
                    else if (sglb > 0.0)
                    {
                        eta = Math.Sqrt(sglb * tau) - tau;
                    }
                }
            }

            prew = w;
            tau += eta;
            sigma += eta;
            for (int j = 1; j <= n; j++)
            {
                work[j - 1] += eta;
                delta[j - 1] -= eta;
            }

            dpsi = 0.0;
            psi = 0.0;
            erretm = 0.0;
            for (int j = 1; j <= iim1; j++)
            {
                temp = z[j - 1] / (work[j - 1] * delta[j - 1]);
                psi += z[j - 1] * temp;
                dpsi += temp * temp;
                erretm += psi;
            }

            erretm = Math.Abs(erretm);
            dphi = 0.0;
            phi = 0.0;
            for (int j = n; j >= iip1; j--)
            {
                temp = z[j - 1] / (work[j - 1] * delta[j - 1]);
                phi += z[j - 1] * temp;
                dphi += temp * temp;
                erretm += phi;
            }

            tau2 = work[ii - 1] * delta[ii - 1];
            temp = z[ii - 1] / tau2;
            dw = dpsi + dphi + (temp * temp);
            temp = z[ii - 1] * temp;
            w = rhoinv + phi + psi + temp;
            erretm = (eight * (phi - psi)) + erretm + (two * rhoinv) + (three * Math.Abs(temp));
            if (w * prew > 0.0 && Math.Abs(w) > Math.Abs(prew) / ten)
            {
                swtch = !swtch;
            }
        }

        return 1;
    }

    /// <summary>DLASD5: the i-th root (i = 1, 2) of the 2×2 secular equation, in closed form.</summary>
    private static void Dlasd5(int i, ReadOnlySpan<double> d, ReadOnlySpan<double> z, Span<double> delta, double rho, out double dsigma, Span<double> work)
    {
        const double two = 2.0, three = 3.0, four = 4.0;
        double del = d[1] - d[0];
        double delsq = del * (d[1] + d[0]);
        double b, c, tau;
        if (i == 1)
        {
            double w = 1.0 + (four * rho * ((z[1] * z[1] / (d[0] + (three * d[1]))) - (z[0] * z[0] / ((three * d[0]) + d[1]))) / del);
            if (w > 0.0)
            {
                b = delsq + (rho * ((z[0] * z[0]) + (z[1] * z[1])));
                c = rho * z[0] * z[0] * delsq;
                tau = two * c / (b + Math.Sqrt(Math.Abs((b * b) - (four * c))));
                tau /= d[0] + Math.Sqrt((d[0] * d[0]) + tau);
                dsigma = d[0] + tau;
                delta[0] = -tau;
                delta[1] = del - tau;
                work[0] = (two * d[0]) + tau;
                work[1] = (d[0] + tau) + d[1];
            }
            else
            {
                b = -delsq + (rho * ((z[0] * z[0]) + (z[1] * z[1])));
                c = rho * z[1] * z[1] * delsq;
                if (b > 0.0)
                {
                    tau = -(two * c / (b + Math.Sqrt((b * b) + (four * c))));
                }
                else
                {
                    tau = (b - Math.Sqrt((b * b) + (four * c))) / two;
                }

                tau /= d[1] + Math.Sqrt(Math.Abs((d[1] * d[1]) + tau));
                dsigma = d[1] + tau;
                delta[0] = -(del + tau);
                delta[1] = -tau;
                work[0] = d[0] + tau + d[1];
                work[1] = (two * d[1]) + tau;
            }
        }
        else
        {
            b = -delsq + (rho * ((z[0] * z[0]) + (z[1] * z[1])));
            c = rho * z[1] * z[1] * delsq;
            if (b > 0.0)
            {
                tau = (b + Math.Sqrt((b * b) + (four * c))) / two;
            }
            else
            {
                tau = two * c / (-b + Math.Sqrt((b * b) + (four * c)));
            }

            tau /= d[1] + Math.Sqrt((d[1] * d[1]) + tau);
            dsigma = d[1] + tau;
            delta[0] = -(del + tau);
            delta[1] = -tau;
            work[0] = d[0] + tau + d[1];
            work[1] = (two * d[1]) + tau;
        }
    }

    /// <summary>
    /// DLAED6: one Newton-like step (to convergence) on the three-pole rational model of the secular equation;
    /// returns INFO (1 if it did not converge in 40 iterations).
    /// </summary>
    private static int Dlaed6(int kniter, bool orgati, double rho, ReadOnlySpan<double> d, ReadOnlySpan<double> z, double finit, out double tau)
    {
        const int maxit = 40;
        const double two = 2.0, four = 4.0, eight = 8.0;
        int info = 0;
        double lbd, ubd, temp, a, b, c, eta;
        if (orgati)
        {
            lbd = d[1];
            ubd = d[2];
        }
        else
        {
            lbd = d[0];
            ubd = d[1];
        }

        if (finit < 0.0)
        {
            lbd = 0.0;
        }
        else
        {
            ubd = 0.0;
        }

        int niter = 1;
        tau = 0.0;
        if (kniter == 2)
        {
            if (orgati)
            {
                temp = (d[2] - d[1]) / two;
                c = rho + (z[0] / ((d[0] - d[1]) - temp));
                a = (c * (d[1] + d[2])) + z[1] + z[2];
                b = (c * d[1] * d[2]) + (z[1] * d[2]) + (z[2] * d[1]);
            }
            else
            {
                temp = (d[0] - d[1]) / two;
                c = rho + (z[2] / ((d[2] - d[1]) - temp));
                a = (c * (d[0] + d[1])) + z[0] + z[1];
                b = (c * d[0] * d[1]) + (z[0] * d[1]) + (z[1] * d[0]);
            }

            temp = Math.Max(Math.Abs(a), Math.Max(Math.Abs(b), Math.Abs(c)));
            a /= temp;
            b /= temp;
            c /= temp;
            if (c == 0.0)
            {
                tau = b / a;
            }
            else if (a <= 0.0)
            {
                tau = (a - Math.Sqrt(Math.Abs((a * a) - (four * b * c)))) / (two * c);
            }
            else
            {
                tau = two * b / (a + Math.Sqrt(Math.Abs((a * a) - (four * b * c))));
            }

            if (tau < lbd || tau > ubd)
            {
                tau = (lbd + ubd) / two;
            }

            if (d[0] == tau || d[1] == tau || d[2] == tau)
            {
                tau = 0.0;
            }
            else
            {
                temp = finit + (tau * z[0] / (d[0] * (d[0] - tau))) + (tau * z[1] / (d[1] * (d[1] - tau))) + (tau * z[2] / (d[2] * (d[2] - tau)));
                if (temp <= 0.0)
                {
                    lbd = tau;
                }
                else
                {
                    ubd = tau;
                }

                if (Math.Abs(finit) <= Math.Abs(temp))
                {
                    tau = 0.0;
                }
            }
        }

        // SMALL1 = BASE**INT(LOG(SAFMIN)/LOG(BASE)/3) = 2^INT(-1022/3) = 2^-340.
        const double eps = Eps;
        double small1 = Math.ScaleB(1.0, -340);
        double sminv1 = 1.0 / small1;
        double small2 = small1 * small1;
        double sminv2 = sminv1 * sminv1;

        temp = orgati ? Math.Min(Math.Abs(d[1] - tau), Math.Abs(d[2] - tau)) : Math.Min(Math.Abs(d[0] - tau), Math.Abs(d[1] - tau));
        bool scale = false;
        double sclfac = 1.0, sclinv = 1.0;
        Span<double> dscale = stackalloc double[3];
        Span<double> zscale = stackalloc double[3];
        if (temp <= small1)
        {
            scale = true;
            if (temp <= small2)
            {
                sclfac = sminv2;
                sclinv = small2;
            }
            else
            {
                sclfac = sminv1;
                sclinv = small1;
            }

            for (int i = 0; i < 3; i++)
            {
                dscale[i] = d[i] * sclfac;
                zscale[i] = z[i] * sclfac;
            }

            tau *= sclfac;
            lbd *= sclfac;
            ubd *= sclfac;
        }
        else
        {
            for (int i = 0; i < 3; i++)
            {
                dscale[i] = d[i];
                zscale[i] = z[i];
            }
        }

        double fc = 0.0, df = 0.0, ddf = 0.0;
        for (int i = 0; i < 3; i++)
        {
            temp = 1.0 / (dscale[i] - tau);
            double temp1 = zscale[i] * temp;
            double temp2 = temp1 * temp;
            double temp3 = temp2 * temp;
            fc += temp1 / dscale[i];
            df += temp2;
            ddf += temp3;
        }

        double f = finit + (tau * fc);
        if (Math.Abs(f) <= 0.0)
        {
            goto L60;
        }

        if (f <= 0.0)
        {
            lbd = tau;
        }
        else
        {
            ubd = tau;
        }

        int iter = niter + 1;
        for (niter = iter; niter <= maxit; niter++)
        {
            double temp1, temp2;
            if (orgati)
            {
                temp1 = dscale[1] - tau;
                temp2 = dscale[2] - tau;
            }
            else
            {
                temp1 = dscale[0] - tau;
                temp2 = dscale[1] - tau;
            }

            a = ((temp1 + temp2) * f) - (temp1 * temp2 * df);
            b = temp1 * temp2 * f;
            c = f - ((temp1 + temp2) * df) + (temp1 * temp2 * ddf);
            temp = Math.Max(Math.Abs(a), Math.Max(Math.Abs(b), Math.Abs(c)));
            a /= temp;
            b /= temp;
            c /= temp;
            if (c == 0.0)
            {
                eta = b / a;
            }
            else if (a <= 0.0)
            {
                eta = (a - Math.Sqrt(Math.Abs((a * a) - (four * b * c)))) / (two * c);
            }
            else
            {
                eta = two * b / (a + Math.Sqrt(Math.Abs((a * a) - (four * b * c))));
            }

            if (f * eta >= 0.0)
            {
                eta = -f / df;
            }

            tau += eta;
            if (tau < lbd || tau > ubd)
            {
                tau = (lbd + ubd) / two;
            }

            fc = 0.0;
            double erretm = 0.0;
            df = 0.0;
            ddf = 0.0;
            for (int i = 0; i < 3; i++)
            {
                if ((dscale[i] - tau) != 0.0)
                {
                    temp = 1.0 / (dscale[i] - tau);
                    temp1 = zscale[i] * temp;
                    temp2 = temp1 * temp;
                    double temp3 = temp2 * temp;
                    double temp4 = temp1 / dscale[i];
                    fc += temp4;
                    erretm += Math.Abs(temp4);
                    df += temp2;
                    ddf += temp3;
                }
                else
                {
                    goto L60;
                }
            }

            f = finit + (tau * fc);
            erretm = (eight * (Math.Abs(finit) + (Math.Abs(tau) * erretm))) + (Math.Abs(tau) * df);
            if (Math.Abs(f) <= four * eps * erretm || (ubd - lbd) <= four * eps * Math.Abs(tau))
            {
                goto L60;
            }

            if (f <= 0.0)
            {
                lbd = tau;
            }
            else
            {
                ubd = tau;
            }
        }

        info = 1;

    L60:
        if (scale)
        {
            tau *= sclinv;
        }

        return info;
    }

    /// <summary>
    /// DLAED4: the i-th root λ of the secular equation 1 + ρ·Σ z(j)²/(d(j) − λ) = 0 (the eigenvalue problem's
    /// counterpart of DLASD4), with delta(j) = d(j) − λ; returns INFO (1 if it did not converge in 30 iterations, or
    /// DLAED6's failure).
    /// </summary>
    private static int Dlaed4(int n, int i, ReadOnlySpan<double> d, ReadOnlySpan<double> z, Span<double> delta, double rho, out double dlam)
    {
        const int maxit = 30;
        const double two = 2.0, three = 3.0, four = 4.0, eight = 8.0, ten = 10.0;
        int info = 0;
        dlam = 0.0;
        if (n == 1)
        {
            dlam = d[0] + (rho * z[0] * z[0]);
            delta[0] = 1.0;
            return 0;
        }

        if (n == 2)
        {
            Dlaed5(i, d, z, delta, rho, out dlam);
            return 0;
        }

        const double eps = Eps;
        double rhoinv = 1.0 / rho;
        double tau, temp, temp1, psi, dpsi, phi, dphi, erretm, w, c, a, b, eta, del, midpt, dltlb, dltub, dw, prew;
        int ii, niter, iter;
        Span<double> zz = stackalloc double[3];

        if (i == n)
        {
            ii = n - 1;
            niter = 1;
            midpt = rho / two;
            for (int j = 1; j <= n; j++)
            {
                delta[j - 1] = (d[j - 1] - d[i - 1]) - midpt;
            }

            psi = 0.0;
            for (int j = 1; j <= n - 2; j++)
            {
                psi += z[j - 1] * z[j - 1] / delta[j - 1];
            }

            c = rhoinv + psi;
            w = c + (z[ii - 1] * z[ii - 1] / delta[ii - 1]) + (z[n - 1] * z[n - 1] / delta[n - 1]);

            if (w <= 0.0)
            {
                temp = (z[n - 2] * z[n - 2] / ((d[n - 1] - d[n - 2]) + rho)) + (z[n - 1] * z[n - 1] / rho);
                if (c <= temp)
                {
                    tau = rho;
                }
                else
                {
                    del = d[n - 1] - d[n - 2];
                    a = (-(c * del) + (z[n - 2] * z[n - 2])) + (z[n - 1] * z[n - 1]);
                    b = z[n - 1] * z[n - 1] * del;
                    tau = a < 0.0
                        ? two * b / (Math.Sqrt((a * a) + (four * b * c)) - a)
                        : (a + Math.Sqrt((a * a) + (four * b * c))) / (two * c);
                }

                dltlb = midpt;
                dltub = rho;
            }
            else
            {
                del = d[n - 1] - d[n - 2];
                a = (-(c * del) + (z[n - 2] * z[n - 2])) + (z[n - 1] * z[n - 1]);
                b = z[n - 1] * z[n - 1] * del;
                tau = a < 0.0
                    ? two * b / (Math.Sqrt((a * a) + (four * b * c)) - a)
                    : (a + Math.Sqrt((a * a) + (four * b * c))) / (two * c);
                dltlb = 0.0;
                dltub = midpt;
            }

            for (int j = 1; j <= n; j++)
            {
                delta[j - 1] = (d[j - 1] - d[i - 1]) - tau;
            }

            dpsi = 0.0;
            psi = 0.0;
            erretm = 0.0;
            for (int j = 1; j <= ii; j++)
            {
                temp = z[j - 1] / delta[j - 1];
                psi += z[j - 1] * temp;
                dpsi += temp * temp;
                erretm += psi;
            }

            erretm = Math.Abs(erretm);
            temp = z[n - 1] / delta[n - 1];
            phi = z[n - 1] * temp;
            dphi = temp * temp;
            erretm = ((eight * (-phi - psi)) + erretm - phi) + rhoinv + (Math.Abs(tau) * (dpsi + dphi));
            w = rhoinv + phi + psi;

            if (Math.Abs(w) <= eps * erretm)
            {
                dlam = d[i - 1] + tau;
                return info;
            }

            if (w <= 0.0)
            {
                dltlb = Math.Max(dltlb, tau);
            }
            else
            {
                dltub = Math.Min(dltub, tau);
            }

            niter++;
            c = w - (delta[n - 2] * dpsi) - (delta[n - 1] * dphi);
            a = ((delta[n - 2] + delta[n - 1]) * w) - (delta[n - 2] * delta[n - 1] * (dpsi + dphi));
            b = delta[n - 2] * delta[n - 1] * w;
            if (c < 0.0)
            {
                c = Math.Abs(c);
            }

            if (c == 0.0)
            {
                eta = -w / (dpsi + dphi);
            }
            else if (a >= 0.0)
            {
                eta = (a + Math.Sqrt(Math.Abs((a * a) - (four * b * c)))) / (two * c);
            }
            else
            {
                eta = two * b / (a - Math.Sqrt(Math.Abs((a * a) - (four * b * c))));
            }

            if (w * eta > 0.0)
            {
                eta = -w / (dpsi + dphi);
            }

            temp = tau + eta;
            if (temp > dltub || temp < dltlb)
            {
                eta = w < 0.0 ? (dltub - tau) / two : (dltlb - tau) / two;
            }

            for (int j = 1; j <= n; j++)
            {
                delta[j - 1] -= eta;
            }

            tau += eta;

            dpsi = 0.0;
            psi = 0.0;
            erretm = 0.0;
            for (int j = 1; j <= ii; j++)
            {
                temp = z[j - 1] / delta[j - 1];
                psi += z[j - 1] * temp;
                dpsi += temp * temp;
                erretm += psi;
            }

            erretm = Math.Abs(erretm);
            temp = z[n - 1] / delta[n - 1];
            phi = z[n - 1] * temp;
            dphi = temp * temp;
            erretm = ((eight * (-phi - psi)) + erretm - phi) + rhoinv + (Math.Abs(tau) * (dpsi + dphi));
            w = rhoinv + phi + psi;

            iter = niter + 1;
            for (niter = iter; niter <= maxit; niter++)
            {
                if (Math.Abs(w) <= eps * erretm)
                {
                    dlam = d[i - 1] + tau;
                    return info;
                }

                if (w <= 0.0)
                {
                    dltlb = Math.Max(dltlb, tau);
                }
                else
                {
                    dltub = Math.Min(dltub, tau);
                }

                c = w - (delta[n - 2] * dpsi) - (delta[n - 1] * dphi);
                a = ((delta[n - 2] + delta[n - 1]) * w) - (delta[n - 2] * delta[n - 1] * (dpsi + dphi));
                b = delta[n - 2] * delta[n - 1] * w;
                if (a >= 0.0)
                {
                    eta = (a + Math.Sqrt(Math.Abs((a * a) - (four * b * c)))) / (two * c);
                }
                else
                {
                    eta = two * b / (a - Math.Sqrt(Math.Abs((a * a) - (four * b * c))));
                }

                if (w * eta > 0.0)
                {
                    eta = -w / (dpsi + dphi);
                }

                temp = tau + eta;
                if (temp > dltub || temp < dltlb)
                {
                    eta = w < 0.0 ? (dltub - tau) / two : (dltlb - tau) / two;
                }

                for (int j = 1; j <= n; j++)
                {
                    delta[j - 1] -= eta;
                }

                tau += eta;

                dpsi = 0.0;
                psi = 0.0;
                erretm = 0.0;
                for (int j = 1; j <= ii; j++)
                {
                    temp = z[j - 1] / delta[j - 1];
                    psi += z[j - 1] * temp;
                    dpsi += temp * temp;
                    erretm += psi;
                }

                erretm = Math.Abs(erretm);
                temp = z[n - 1] / delta[n - 1];
                phi = z[n - 1] * temp;
                dphi = temp * temp;
                erretm = ((eight * (-phi - psi)) + erretm - phi) + rhoinv + (Math.Abs(tau) * (dpsi + dphi));
                w = rhoinv + phi + psi;
            }

            dlam = d[i - 1] + tau;
            return 1;
        }

        // A root strictly between d(i) and d(i + 1).
        niter = 1;
        int ip1 = i + 1;
        del = d[ip1 - 1] - d[i - 1];
        midpt = del / two;
        for (int j = 1; j <= n; j++)
        {
            delta[j - 1] = (d[j - 1] - d[i - 1]) - midpt;
        }

        psi = 0.0;
        for (int j = 1; j <= i - 1; j++)
        {
            psi += z[j - 1] * z[j - 1] / delta[j - 1];
        }

        phi = 0.0;
        for (int j = n; j >= i + 2; j--)
        {
            phi += z[j - 1] * z[j - 1] / delta[j - 1];
        }

        c = rhoinv + psi + phi;
        w = c + (z[i - 1] * z[i - 1] / delta[i - 1]) + (z[ip1 - 1] * z[ip1 - 1] / delta[ip1 - 1]);

        bool orgati;
        if (w > 0.0)
        {
            orgati = true;
            a = (c * del) + (z[i - 1] * z[i - 1]) + (z[ip1 - 1] * z[ip1 - 1]);
            b = z[i - 1] * z[i - 1] * del;
            tau = a > 0.0
                ? two * b / (a + Math.Sqrt(Math.Abs((a * a) - (four * b * c))))
                : (a - Math.Sqrt(Math.Abs((a * a) - (four * b * c)))) / (two * c);
            dltlb = 0.0;
            dltub = midpt;
        }
        else
        {
            orgati = false;
            a = (c * del) - (z[i - 1] * z[i - 1]) - (z[ip1 - 1] * z[ip1 - 1]);
            b = z[ip1 - 1] * z[ip1 - 1] * del;
            tau = a < 0.0
                ? two * b / (a - Math.Sqrt(Math.Abs((a * a) + (four * b * c))))
                : -(a + Math.Sqrt(Math.Abs((a * a) + (four * b * c)))) / (two * c);
            dltlb = -midpt;
            dltub = 0.0;
        }

        double dOrigin = orgati ? d[i - 1] : d[ip1 - 1];
        for (int j = 1; j <= n; j++)
        {
            delta[j - 1] = (d[j - 1] - dOrigin) - tau;
        }

        ii = orgati ? i : i + 1;
        int iim1 = ii - 1;
        int iip1 = ii + 1;

        dpsi = 0.0;
        psi = 0.0;
        erretm = 0.0;
        for (int j = 1; j <= iim1; j++)
        {
            temp = z[j - 1] / delta[j - 1];
            psi += z[j - 1] * temp;
            dpsi += temp * temp;
            erretm += psi;
        }

        erretm = Math.Abs(erretm);
        dphi = 0.0;
        phi = 0.0;
        for (int j = n; j >= iip1; j--)
        {
            temp = z[j - 1] / delta[j - 1];
            phi += z[j - 1] * temp;
            dphi += temp * temp;
            erretm += phi;
        }

        w = rhoinv + phi + psi;

        bool swtch3 = false;
        if (orgati)
        {
            if (w < 0.0)
            {
                swtch3 = true;
            }
        }
        else if (w > 0.0)
        {
            swtch3 = true;
        }

        if (ii == 1 || ii == n)
        {
            swtch3 = false;
        }

        temp = z[ii - 1] / delta[ii - 1];
        dw = dpsi + dphi + (temp * temp);
        temp = z[ii - 1] * temp;
        w += temp;
        erretm = (eight * (phi - psi)) + erretm + (two * rhoinv) + (three * Math.Abs(temp)) + (Math.Abs(tau) * dw);

        if (Math.Abs(w) <= eps * erretm)
        {
            dlam = dOrigin + tau;
            return info;
        }

        if (w <= 0.0)
        {
            dltlb = Math.Max(dltlb, tau);
        }
        else
        {
            dltub = Math.Min(dltub, tau);
        }

        niter++;
        if (!swtch3)
        {
            if (orgati)
            {
                double q = z[i - 1] / delta[i - 1];
                c = w - (delta[ip1 - 1] * dw) - ((d[i - 1] - d[ip1 - 1]) * (q * q));
            }
            else
            {
                double q = z[ip1 - 1] / delta[ip1 - 1];
                c = w - (delta[i - 1] * dw) - ((d[ip1 - 1] - d[i - 1]) * (q * q));
            }

            a = ((delta[i - 1] + delta[ip1 - 1]) * w) - (delta[i - 1] * delta[ip1 - 1] * dw);
            b = delta[i - 1] * delta[ip1 - 1] * w;
            if (c == 0.0)
            {
                if (a == 0.0)
                {
                    a = orgati
                        ? (z[i - 1] * z[i - 1]) + (delta[ip1 - 1] * delta[ip1 - 1] * (dpsi + dphi))
                        : (z[ip1 - 1] * z[ip1 - 1]) + (delta[i - 1] * delta[i - 1] * (dpsi + dphi));
                }

                eta = b / a;
            }
            else if (a <= 0.0)
            {
                eta = (a - Math.Sqrt(Math.Abs((a * a) - (four * b * c)))) / (two * c);
            }
            else
            {
                eta = two * b / (a + Math.Sqrt(Math.Abs((a * a) - (four * b * c))));
            }
        }
        else
        {
            temp = rhoinv + psi + phi;
            if (orgati)
            {
                temp1 = z[iim1 - 1] / delta[iim1 - 1];
                temp1 *= temp1;
                c = temp - (delta[iip1 - 1] * (dpsi + dphi)) - ((d[iim1 - 1] - d[iip1 - 1]) * temp1);
                zz[0] = z[iim1 - 1] * z[iim1 - 1];
                zz[2] = delta[iip1 - 1] * delta[iip1 - 1] * ((dpsi - temp1) + dphi);
            }
            else
            {
                temp1 = z[iip1 - 1] / delta[iip1 - 1];
                temp1 *= temp1;
                c = temp - (delta[iim1 - 1] * (dpsi + dphi)) - ((d[iip1 - 1] - d[iim1 - 1]) * temp1);
                zz[0] = delta[iim1 - 1] * delta[iim1 - 1] * (dpsi + (dphi - temp1));
                zz[2] = z[iip1 - 1] * z[iip1 - 1];
            }

            zz[1] = z[ii - 1] * z[ii - 1];
            info = Dlaed6(niter, orgati, c, delta[(iim1 - 1)..], zz, w, out eta);
            if (info != 0)
            {
                return info;
            }
        }

        if (w * eta >= 0.0)
        {
            eta = -w / dw;
        }

        temp = tau + eta;
        if (temp > dltub || temp < dltlb)
        {
            eta = w < 0.0 ? (dltub - tau) / two : (dltlb - tau) / two;
        }

        prew = w;
        for (int j = 1; j <= n; j++)
        {
            delta[j - 1] -= eta;
        }

        dpsi = 0.0;
        psi = 0.0;
        erretm = 0.0;
        for (int j = 1; j <= iim1; j++)
        {
            temp = z[j - 1] / delta[j - 1];
            psi += z[j - 1] * temp;
            dpsi += temp * temp;
            erretm += psi;
        }

        erretm = Math.Abs(erretm);
        dphi = 0.0;
        phi = 0.0;
        for (int j = n; j >= iip1; j--)
        {
            temp = z[j - 1] / delta[j - 1];
            phi += z[j - 1] * temp;
            dphi += temp * temp;
            erretm += phi;
        }

        temp = z[ii - 1] / delta[ii - 1];
        dw = dpsi + dphi + (temp * temp);
        temp = z[ii - 1] * temp;
        w = rhoinv + phi + psi + temp;
        erretm = (eight * (phi - psi)) + erretm + (two * rhoinv) + (three * Math.Abs(temp)) + (Math.Abs(tau + eta) * dw);

        bool swtch = false;
        if (orgati)
        {
            if (-w > Math.Abs(prew) / ten)
            {
                swtch = true;
            }
        }
        else if (w > Math.Abs(prew) / ten)
        {
            swtch = true;
        }

        tau += eta;

        iter = niter + 1;
        for (niter = iter; niter <= maxit; niter++)
        {
            if (Math.Abs(w) <= eps * erretm)
            {
                dlam = dOrigin + tau;
                return info;
            }

            if (w <= 0.0)
            {
                dltlb = Math.Max(dltlb, tau);
            }
            else
            {
                dltub = Math.Min(dltub, tau);
            }

            if (!swtch3)
            {
                if (!swtch)
                {
                    if (orgati)
                    {
                        double q = z[i - 1] / delta[i - 1];
                        c = w - (delta[ip1 - 1] * dw) - ((d[i - 1] - d[ip1 - 1]) * (q * q));
                    }
                    else
                    {
                        double q = z[ip1 - 1] / delta[ip1 - 1];
                        c = w - (delta[i - 1] * dw) - ((d[ip1 - 1] - d[i - 1]) * (q * q));
                    }
                }
                else
                {
                    temp = z[ii - 1] / delta[ii - 1];
                    if (orgati)
                    {
                        dpsi += temp * temp;
                    }
                    else
                    {
                        dphi += temp * temp;
                    }

                    c = w - (delta[i - 1] * dpsi) - (delta[ip1 - 1] * dphi);
                }

                a = ((delta[i - 1] + delta[ip1 - 1]) * w) - (delta[i - 1] * delta[ip1 - 1] * dw);
                b = delta[i - 1] * delta[ip1 - 1] * w;
                if (c == 0.0)
                {
                    if (a == 0.0)
                    {
                        if (!swtch)
                        {
                            a = orgati
                                ? (z[i - 1] * z[i - 1]) + (delta[ip1 - 1] * delta[ip1 - 1] * (dpsi + dphi))
                                : (z[ip1 - 1] * z[ip1 - 1]) + (delta[i - 1] * delta[i - 1] * (dpsi + dphi));
                        }
                        else
                        {
                            a = (delta[i - 1] * delta[i - 1] * dpsi) + (delta[ip1 - 1] * delta[ip1 - 1] * dphi);
                        }
                    }

                    eta = b / a;
                }
                else if (a <= 0.0)
                {
                    eta = (a - Math.Sqrt(Math.Abs((a * a) - (four * b * c)))) / (two * c);
                }
                else
                {
                    eta = two * b / (a + Math.Sqrt(Math.Abs((a * a) - (four * b * c))));
                }
            }
            else
            {
                temp = rhoinv + psi + phi;
                if (swtch)
                {
                    c = temp - (delta[iim1 - 1] * dpsi) - (delta[iip1 - 1] * dphi);
                    zz[0] = delta[iim1 - 1] * delta[iim1 - 1] * dpsi;
                    zz[2] = delta[iip1 - 1] * delta[iip1 - 1] * dphi;
                }
                else if (orgati)
                {
                    temp1 = z[iim1 - 1] / delta[iim1 - 1];
                    temp1 *= temp1;
                    c = temp - (delta[iip1 - 1] * (dpsi + dphi)) - ((d[iim1 - 1] - d[iip1 - 1]) * temp1);
                    zz[0] = z[iim1 - 1] * z[iim1 - 1];
                    zz[2] = delta[iip1 - 1] * delta[iip1 - 1] * ((dpsi - temp1) + dphi);
                }
                else
                {
                    temp1 = z[iip1 - 1] / delta[iip1 - 1];
                    temp1 *= temp1;
                    c = temp - (delta[iim1 - 1] * (dpsi + dphi)) - ((d[iip1 - 1] - d[iim1 - 1]) * temp1);
                    zz[0] = delta[iim1 - 1] * delta[iim1 - 1] * (dpsi + (dphi - temp1));
                    zz[2] = z[iip1 - 1] * z[iip1 - 1];
                }

                info = Dlaed6(niter, orgati, c, delta[(iim1 - 1)..], zz, w, out eta);
                if (info != 0)
                {
                    return info;
                }
            }

            if (w * eta >= 0.0)
            {
                eta = -w / dw;
            }

            temp = tau + eta;
            if (temp > dltub || temp < dltlb)
            {
                eta = w < 0.0 ? (dltub - tau) / two : (dltlb - tau) / two;
            }

            for (int j = 1; j <= n; j++)
            {
                delta[j - 1] -= eta;
            }

            tau += eta;
            prew = w;

            dpsi = 0.0;
            psi = 0.0;
            erretm = 0.0;
            for (int j = 1; j <= iim1; j++)
            {
                temp = z[j - 1] / delta[j - 1];
                psi += z[j - 1] * temp;
                dpsi += temp * temp;
                erretm += psi;
            }

            erretm = Math.Abs(erretm);
            dphi = 0.0;
            phi = 0.0;
            for (int j = n; j >= iip1; j--)
            {
                temp = z[j - 1] / delta[j - 1];
                phi += z[j - 1] * temp;
                dphi += temp * temp;
                erretm += phi;
            }

            temp = z[ii - 1] / delta[ii - 1];
            dw = dpsi + dphi + (temp * temp);
            temp = z[ii - 1] * temp;
            w = rhoinv + phi + psi + temp;
            erretm = (eight * (phi - psi)) + erretm + (two * rhoinv) + (three * Math.Abs(temp)) + (Math.Abs(tau) * dw);
            if (w * prew > 0.0 && Math.Abs(w) > Math.Abs(prew) / ten)
            {
                swtch = !swtch;
            }
        }

        dlam = dOrigin + tau;
        return 1;
    }

    /// <summary>DLAED5: the i-th eigenvalue (i = 1, 2) of diag(d) + ρ·z·zᵀ for 2×2, with its normalized eigenvector.</summary>
    private static void Dlaed5(int i, ReadOnlySpan<double> d, ReadOnlySpan<double> z, Span<double> delta, double rho, out double dlam)
    {
        const double two = 2.0, four = 4.0;
        double del = d[1] - d[0];
        double b, c, tau, temp;
        if (i == 1)
        {
            double w = 1.0 + (two * rho * ((z[1] * z[1]) - (z[0] * z[0])) / del);
            if (w > 0.0)
            {
                b = del + (rho * ((z[0] * z[0]) + (z[1] * z[1])));
                c = rho * z[0] * z[0] * del;
                tau = two * c / (b + Math.Sqrt(Math.Abs((b * b) - (four * c))));
                dlam = d[0] + tau;
                delta[0] = -z[0] / tau;
                delta[1] = z[1] / (del - tau);
            }
            else
            {
                b = -del + (rho * ((z[0] * z[0]) + (z[1] * z[1])));
                c = rho * z[1] * z[1] * del;
                tau = b > 0.0
                    ? -(two * c / (b + Math.Sqrt((b * b) + (four * c))))
                    : (b - Math.Sqrt((b * b) + (four * c))) / two;
                dlam = d[1] + tau;
                delta[0] = -z[0] / (del + tau);
                delta[1] = -z[1] / tau;
            }
        }
        else
        {
            b = -del + (rho * ((z[0] * z[0]) + (z[1] * z[1])));
            c = rho * z[1] * z[1] * del;
            tau = b > 0.0
                ? (b + Math.Sqrt((b * b) + (four * c))) / two
                : two * c / (-b + Math.Sqrt((b * b) + (four * c)));
            dlam = d[1] + tau;
            delta[0] = -z[0] / (del + tau);
            delta[1] = -z[1] / tau;
        }

        temp = Math.Sqrt((delta[0] * delta[0]) + (delta[1] * delta[1]));
        delta[0] /= temp;
        delta[1] /= temp;
    }
}

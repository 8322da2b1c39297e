// Transcribed from the reference LAPACK and BLAS 3.11 (netlib, github.com/Reference-LAPACK/lapack, tag v3.11.0);
// their copyright notice and license are in LAPACK-LICENSE.txt beside this file.

namespace OneSeed.Distributions;

internal static partial class ReferenceLapack
{
    /// <summary>
    /// DLARFT with DIRECT = 'F': the upper triangular factor T of the block reflector H = I − V·T·Vᵀ of k reflectors
    /// stored columnwise (<paramref name="columnwise"/>, V is n×k) or rowwise (V is k×n), unit diagonal implied.
    /// </summary>
    private static void DlarftForward(bool columnwise, int n, int k, ReadOnlySpan<double> v, int ldv, ReadOnlySpan<double> tau, Span<double> t, int ldt)
    {
        if (n == 0)
        {
            return;
        }

        int prevlastv = n;
        for (int i = 1; i <= k; i++)
        {
            prevlastv = Math.Max(i, prevlastv);
            double taui = tau[i - 1];
            if (taui == 0.0)
            {
                for (int j = 1; j <= i; j++)
                {
                    t[At(j, i, ldt)] = 0.0;
                }

                continue;
            }

            int lastv = n;
            if (columnwise)
            {
                while (lastv >= i + 1 && v[At(lastv, i, ldv)] == 0.0)
                {
                    lastv--;
                }

                for (int j = 1; j <= i - 1; j++)
                {
                    t[At(j, i, ldt)] = -taui * v[At(i, j, ldv)];
                }

                int jj = Math.Min(lastv, prevlastv);
                ReferenceBlas.Dgemv(true, jj - i, i - 1, -taui, v[At(i + 1, 1, ldv)..], ldv, v[At(i + 1, i, ldv)..], 1, 1.0, t[At(1, i, ldt)..], 1);
            }
            else
            {
                while (lastv >= i + 1 && v[At(i, lastv, ldv)] == 0.0)
                {
                    lastv--;
                }

                for (int j = 1; j <= i - 1; j++)
                {
                    t[At(j, i, ldt)] = -taui * v[At(j, i, ldv)];
                }

                int jj = Math.Min(lastv, prevlastv);
                ReferenceBlas.Dgemv(false, i - 1, jj - i, -taui, v[At(1, i + 1, ldv)..], ldv, v[At(i, i + 1, ldv)..], ldv, 1.0, t[At(1, i, ldt)..], 1);
            }

            ReferenceBlas.DtrmvUpperNoTrans(i - 1, t, ldt, t[At(1, i, ldt)..]);
            t[At(i, i, ldt)] = taui;
            prevlastv = i > 1 ? Math.Max(prevlastv, lastv) : lastv;
        }
    }

    /// <summary>DLARFB('L', 'N', 'F', 'C'): C := H·C for the block reflector H = I − V·T·Vᵀ (V columnwise, m×k).</summary>
    private static void DlarfbLeftNoTransColumnwise(int m, int n, int k, ReadOnlySpan<double> v, int ldv, ReadOnlySpan<double> t, int ldt, Span<double> c, int ldc, Span<double> work, int ldwork)
    {
        if (m <= 0 || n <= 0)
        {
            return;
        }

        // W := Cᵀ·V = (C1ᵀ·V1 + C2ᵀ·V2), stored in WORK.
        for (int j = 1; j <= k; j++)
        {
            ReferenceBlas.Dcopy(n, c[(j - 1)..], ldc, work[At(1, j, ldwork)..], 1);
        }

        ReferenceBlas.DtrmmRight(false, false, true, n, k, 1.0, v, ldv, work, ldwork);
        if (m > k)
        {
            ReferenceBlas.Dgemm(true, false, n, k, m - k, 1.0, c[k..], ldc, v[k..], ldv, 1.0, work, ldwork);
        }

        // W := W·Tᵀ (TRANST = 'T' for TRANS = 'N').
        ReferenceBlas.DtrmmRight(true, true, false, n, k, 1.0, t, ldt, work, ldwork);

        // C := C − V·Wᵀ.
        if (m > k)
        {
            ReferenceBlas.Dgemm(false, true, m - k, n, k, -1.0, v[k..], ldv, work, ldwork, 1.0, c[k..], ldc);
        }

        ReferenceBlas.DtrmmRight(false, true, true, n, k, 1.0, v, ldv, work, ldwork);
        for (int j = 1; j <= k; j++)
        {
            for (int i = 1; i <= n; i++)
            {
                c[At(j, i, ldc)] -= work[At(i, j, ldwork)];
            }
        }
    }

    /// <summary>DLARFB('R', 'T', 'F', 'R'): C := C·Hᵀ for the block reflector H = I − Vᵀ·T·V (V rowwise, k×n).</summary>
    private static void DlarfbRightTransRowwise(int m, int n, int k, ReadOnlySpan<double> v, int ldv, ReadOnlySpan<double> t, int ldt, Span<double> c, int ldc, Span<double> work, int ldwork)
    {
        if (m <= 0 || n <= 0)
        {
            return;
        }

        // W := C·Vᵀ = (C1·V1ᵀ + C2·V2ᵀ), stored in WORK.
        for (int j = 1; j <= k; j++)
        {
            ReferenceBlas.Dcopy(m, c[At(1, j, ldc)..], 1, work[At(1, j, ldwork)..], 1);
        }

        ReferenceBlas.DtrmmRight(true, true, true, m, k, 1.0, v, ldv, work, ldwork);
        if (n > k)
        {
            ReferenceBlas.Dgemm(false, true, m, k, n - k, 1.0, c[At(1, k + 1, ldc)..], ldc, v[At(1, k + 1, ldv)..], ldv, 1.0, work, ldwork);
        }

        // W := W·Tᵀ (TRANS = 'T').
        ReferenceBlas.DtrmmRight(true, true, false, m, k, 1.0, t, ldt, work, ldwork);

        // C := C − W·V.
        if (n > k)
        {
            ReferenceBlas.Dgemm(false, false, m, n - k, k, -1.0, work, ldwork, v[At(1, k + 1, ldv)..], ldv, 1.0, c[At(1, k + 1, ldc)..], ldc);
        }

        ReferenceBlas.DtrmmRight(true, false, true, m, k, 1.0, v, ldv, work, ldwork);
        for (int j = 1; j <= k; j++)
        {
            for (int i = 1; i <= m; i++)
            {
                c[At(i, j, ldc)] -= work[At(i, j, ldwork)];
            }
        }
    }
}

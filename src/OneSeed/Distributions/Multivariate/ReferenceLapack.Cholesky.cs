// Transcribed from the reference LAPACK and BLAS 3.11 (netlib, github.com/Reference-LAPACK/lapack, tag v3.11.0);
// their copyright notice and license are in LAPACK-LICENSE.txt beside this file.

namespace OneSeed.Distributions;

internal static partial class ReferenceLapack
{
    /// <summary>ILAENV(1, 'DPOTRF', ...): the block size of the blocked Cholesky factorization.</summary>
    private const int PotrfBlock = 64;

    /// <summary>
    /// DPOTRF with UPLO = 'L' (what <c>numpy.linalg.cholesky</c> calls): A = L·Lᵀ, L overwriting the lower triangle
    /// (the strict upper triangle is left as it was). Recursive DPOTRF2 up to 64 columns, blocked above.
    /// </summary>
    /// <returns>0, or the order k of the leading minor that is not positive definite (LAPACK's INFO).</returns>
    internal static int DpotrfLower(int n, Span<double> a, int lda)
    {
        if (n == 0)
        {
            return 0;
        }

        if (PotrfBlock >= n)
        {
            return Dpotrf2Lower(n, a, lda);
        }

        for (int j = 1; j <= n; j += PotrfBlock)
        {
            int jb = Math.Min(PotrfBlock, n - j + 1);
            ReferenceBlas.DsyrkLowerNoTrans(jb, j - 1, -1.0, a[(j - 1)..], lda, 1.0, a[At(j, j, lda)..], lda);
            int info = Dpotrf2Lower(jb, a[At(j, j, lda)..], lda);
            if (info != 0)
            {
                return info + j - 1;
            }

            if (j + jb <= n)
            {
                ReferenceBlas.Dgemm(false, true, n - j - jb + 1, jb, j - 1, -1.0, a[(j + jb - 1)..], lda, a[(j - 1)..], lda, 1.0, a[At(j + jb, j, lda)..], lda);
                ReferenceBlas.DtrsmRightLowerTrans(n - j - jb + 1, jb, 1.0, a[At(j, j, lda)..], lda, a[At(j + jb, j, lda)..], lda);
            }
        }

        return 0;
    }

    /// <summary>DPOTRF2 with UPLO = 'L': the recursive Cholesky factorization (halves n1 = n/2, n2 = n − n1).</summary>
    private static int Dpotrf2Lower(int n, Span<double> a, int lda)
    {
        if (n == 0)
        {
            return 0;
        }

        if (n == 1)
        {
            if (a[0] <= 0.0 || double.IsNaN(a[0]))
            {
                return 1;
            }

            a[0] = Math.Sqrt(a[0]);
            return 0;
        }

        int n1 = n / 2;
        int n2 = n - n1;
        int info = Dpotrf2Lower(n1, a, lda);
        if (info != 0)
        {
            return info;
        }

        ReferenceBlas.DtrsmRightLowerTrans(n2, n1, 1.0, a, lda, a[n1..], lda);
        ReferenceBlas.DsyrkLowerNoTrans(n2, n1, -1.0, a[n1..], lda, 1.0, a[At(n1 + 1, n1 + 1, lda)..], lda);
        info = Dpotrf2Lower(n2, a[At(n1 + 1, n1 + 1, lda)..], lda);
        return info != 0 ? info + n1 : 0;
    }

    /// <summary>The offset of Fortran's A(i, j) (1-based) in a column-major span with leading dimension lda.</summary>
    private static int At(int i, int j, int lda) => (i - 1) + ((j - 1) * lda);
}

// Transcribed from the reference LAPACK and BLAS 3.11 (netlib, github.com/Reference-LAPACK/lapack, tag v3.11.0);
// their copyright notice and license are in LAPACK-LICENSE.txt beside this file.

using System.Diagnostics;

namespace OneSeed.Distributions;

/// <summary>
/// The reference BLAS routines (netlib BLAS 3.11, Debian's <c>libblas3</c>) that the LAPACK paths of
/// <see cref="ReferenceLapack"/> call, transcribed operation for operation so that every sum is formed in the same
/// order and every product rounded at the same step as the Fortran compiled by gfortran without contraction.
/// </summary>
/// <remarks>
/// Fortran's column-major arrays are spans with a leading dimension (<c>A(i, j)</c> is <c>a[(i - 1) + (j - 1) * lda]</c>),
/// and loops keep Fortran's 1-based counters so that the code reads as the original. Only positive increments and
/// only the variants LAPACK calls here are transcribed.
/// </remarks>
internal static class ReferenceBlas
{
    // DNRM2's thresholds and scaling factors (la_constants: 2^-511, 2^486, 2^537, 2^-538).
    private static readonly double Tsml = Math.ScaleB(1.0, -511);
    private static readonly double Tbig = Math.ScaleB(1.0, 486);
    private static readonly double Ssml = Math.ScaleB(1.0, 537);
    private static readonly double Sbig = Math.ScaleB(1.0, -538);

    /// <summary>DDOT: the sum of x(i)·y(i) from zero, in order (the unrolled loop adds in the same order).</summary>
    public static double Ddot(int n, ReadOnlySpan<double> x, int incx, ReadOnlySpan<double> y, int incy)
    {
        Debug.Assert(incx > 0 && incy > 0);
        double temp = 0.0;
        for (int i = 0; i < n; i++)
        {
            temp += x[i * incx] * y[i * incy];
        }

        return temp;
    }

    /// <summary>DAXPY: y := y + da·x.</summary>
    public static void Daxpy(int n, double da, ReadOnlySpan<double> x, int incx, Span<double> y, int incy)
    {
        Debug.Assert(incx > 0 && incy > 0);
        if (n <= 0 || da == 0.0)
        {
            return;
        }

        for (int i = 0; i < n; i++)
        {
            y[i * incy] += da * x[i * incx];
        }
    }

    /// <summary>DSCAL: x := da·x (nothing when da is one).</summary>
    public static void Dscal(int n, double da, Span<double> x, int incx)
    {
        if (n <= 0 || incx <= 0 || da == 1.0)
        {
            return;
        }

        for (int i = 0; i < n; i++)
        {
            x[i * incx] = da * x[i * incx];
        }
    }

    /// <summary>DSWAP.</summary>
    public static void Dswap(int n, Span<double> x, int incx, Span<double> y, int incy)
    {
        Debug.Assert(incx > 0 && incy > 0);
        for (int i = 0; i < n; i++)
        {
            (x[i * incx], y[i * incy]) = (y[i * incy], x[i * incx]);
        }
    }

    /// <summary>DROT: (x, y) := (c·x + s·y, c·y − s·x).</summary>
    public static void Drot(int n, Span<double> x, int incx, Span<double> y, int incy, double c, double s)
    {
        Debug.Assert(incx > 0 && incy > 0);
        for (int i = 0; i < n; i++)
        {
            double dx = x[i * incx];
            double dy = y[i * incy];
            double dtemp = (c * dx) + (s * dy);
            y[i * incy] = (c * dy) - (s * dx);
            x[i * incx] = dtemp;
        }
    }

    /// <summary>DCOPY.</summary>
    public static void Dcopy(int n, ReadOnlySpan<double> x, int incx, Span<double> y, int incy)
    {
        for (int i = 0; i < n; i++)
        {
            y[i * incy] = x[i * incx];
        }
    }

    /// <summary>
    /// DNRM2 of LAPACK 3.10+ (Blue's algorithm in one pass: squares of mid-range values summed as they are, tiny and
    /// huge ones scaled into separate accumulators).
    /// </summary>
    public static double Dnrm2(int n, ReadOnlySpan<double> x, int incx)
    {
        Debug.Assert(incx > 0);
        const double maxN = double.MaxValue;
        if (n <= 0)
        {
            return 0.0;
        }

        double scl, sumsq;
        bool notbig = true;
        double asml = 0.0, amed = 0.0, abig = 0.0;
        for (int i = 0; i < n; i++)
        {
            double ax = Math.Abs(x[i * incx]);
            if (ax > Tbig)
            {
                double t = ax * Sbig;
                abig += t * t;
                notbig = false;
            }
            else if (ax < Tsml)
            {
                if (notbig)
                {
                    double t = ax * Ssml;
                    asml += t * t;
                }
            }
            else
            {
                amed += ax * ax;
            }
        }

        if (abig > 0.0)
        {
            if (amed > 0.0 || amed > maxN || double.IsNaN(amed))
            {
                abig += (amed * Sbig) * Sbig;
            }

            scl = 1.0 / Sbig;
            sumsq = abig;
        }
        else if (asml > 0.0)
        {
            if (amed > 0.0 || amed > maxN || double.IsNaN(amed))
            {
                amed = Math.Sqrt(amed);
                asml = Math.Sqrt(asml) / Ssml;
                double ymin, ymax;
                if (asml > amed)
                {
                    ymin = amed;
                    ymax = asml;
                }
                else
                {
                    ymin = asml;
                    ymax = amed;
                }

                scl = 1.0;
                double r = ymin / ymax;
                sumsq = (ymax * ymax) * (1.0 + (r * r));
            }
            else
            {
                scl = 1.0 / Ssml;
                sumsq = asml;
            }
        }
        else
        {
            scl = 1.0;
            sumsq = amed;
        }

        return scl * Math.Sqrt(sumsq);
    }

    /// <summary>DGEMV: y := alpha·op(A)·x + beta·y, op(A) = A (<paramref name="transpose"/> false) or Aᵀ.</summary>
    public static void Dgemv(bool transpose, int m, int n, double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> x, int incx, double beta, Span<double> y, int incy)
    {
        Debug.Assert(incx > 0 && incy > 0);
        if (m == 0 || n == 0 || (alpha == 0.0 && beta == 1.0))
        {
            return;
        }

        int leny = transpose ? n : m;
        if (beta != 1.0)
        {
            for (int i = 0; i < leny; i++)
            {
                y[i * incy] = beta == 0.0 ? 0.0 : beta * y[i * incy];
            }
        }

        if (alpha == 0.0)
        {
            return;
        }

        if (!transpose)
        {
            for (int j = 1; j <= n; j++)
            {
                double temp = alpha * x[(j - 1) * incx];
                int col = (j - 1) * lda;
                for (int i = 1; i <= m; i++)
                {
                    y[(i - 1) * incy] += temp * a[col + i - 1];
                }
            }
        }
        else
        {
            for (int j = 1; j <= n; j++)
            {
                double temp = 0.0;
                int col = (j - 1) * lda;
                for (int i = 1; i <= m; i++)
                {
                    temp += a[col + i - 1] * x[(i - 1) * incx];
                }

                y[(j - 1) * incy] += alpha * temp;
            }
        }
    }

    /// <summary>DGER: A := alpha·x·yᵀ + A (columns whose y is zero are skipped, as in the reference).</summary>
    public static void Dger(int m, int n, double alpha, ReadOnlySpan<double> x, int incx, ReadOnlySpan<double> y, int incy, Span<double> a, int lda)
    {
        Debug.Assert(incx > 0 && incy > 0);
        if (m == 0 || n == 0 || alpha == 0.0)
        {
            return;
        }

        for (int j = 1; j <= n; j++)
        {
            double yj = y[(j - 1) * incy];
            if (yj != 0.0)
            {
                double temp = alpha * yj;
                int col = (j - 1) * lda;
                for (int i = 1; i <= m; i++)
                {
                    a[col + i - 1] += x[(i - 1) * incx] * temp;
                }
            }
        }
    }

    /// <summary>DSYMV with UPLO = 'L': y := alpha·A·x + beta·y, A symmetric, read from its lower triangle.</summary>
    public static void DsymvLower(int n, double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> x, int incx, double beta, Span<double> y, int incy)
    {
        Debug.Assert(incx > 0 && incy > 0);
        if (n == 0 || (alpha == 0.0 && beta == 1.0))
        {
            return;
        }

        if (beta != 1.0)
        {
            for (int i = 0; i < n; i++)
            {
                y[i * incy] = beta == 0.0 ? 0.0 : beta * y[i * incy];
            }
        }

        if (alpha == 0.0)
        {
            return;
        }

        for (int j = 1; j <= n; j++)
        {
            double temp1 = alpha * x[(j - 1) * incx];
            double temp2 = 0.0;
            int col = (j - 1) * lda;
            y[(j - 1) * incy] += temp1 * a[col + j - 1];
            for (int i = j + 1; i <= n; i++)
            {
                y[(i - 1) * incy] += temp1 * a[col + i - 1];
                temp2 += a[col + i - 1] * x[(i - 1) * incx];
            }

            y[(j - 1) * incy] += alpha * temp2;
        }
    }

    /// <summary>DSYR2 with UPLO = 'L': A := alpha·x·yᵀ + alpha·y·xᵀ + A on the lower triangle.</summary>
    public static void Dsyr2Lower(int n, double alpha, ReadOnlySpan<double> x, int incx, ReadOnlySpan<double> y, int incy, Span<double> a, int lda)
    {
        Debug.Assert(incx > 0 && incy > 0);
        if (n == 0 || alpha == 0.0)
        {
            return;
        }

        for (int j = 1; j <= n; j++)
        {
            double xj = x[(j - 1) * incx];
            double yj = y[(j - 1) * incy];
            if (xj != 0.0 || yj != 0.0)
            {
                double temp1 = alpha * yj;
                double temp2 = alpha * xj;
                int col = (j - 1) * lda;
                for (int i = j; i <= n; i++)
                {
                    a[col + i - 1] = (a[col + i - 1] + (x[(i - 1) * incx] * temp1)) + (y[(i - 1) * incy] * temp2);
                }
            }
        }
    }

    /// <summary>DGEMM: C := alpha·op(A)·op(B) + beta·C.</summary>
    public static void Dgemm(bool transA, bool transB, int m, int n, int k, double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc)
    {
        if (m == 0 || n == 0 || ((alpha == 0.0 || k == 0) && beta == 1.0))
        {
            return;
        }

        if (alpha == 0.0)
        {
            for (int j = 1; j <= n; j++)
            {
                for (int i = 1; i <= m; i++)
                {
                    int ij = (i - 1) + ((j - 1) * ldc);
                    c[ij] = beta == 0.0 ? 0.0 : beta * c[ij];
                }
            }

            return;
        }

        for (int j = 1; j <= n; j++)
        {
            int cj = (j - 1) * ldc;
            if (!transA)
            {
                if (beta == 0.0)
                {
                    for (int i = 1; i <= m; i++)
                    {
                        c[cj + i - 1] = 0.0;
                    }
                }
                else if (beta != 1.0)
                {
                    for (int i = 1; i <= m; i++)
                    {
                        c[cj + i - 1] = beta * c[cj + i - 1];
                    }
                }

                for (int l = 1; l <= k; l++)
                {
                    double temp = alpha * (transB ? b[(j - 1) + ((l - 1) * ldb)] : b[(l - 1) + ((j - 1) * ldb)]);
                    int al = (l - 1) * lda;
                    for (int i = 1; i <= m; i++)
                    {
                        c[cj + i - 1] += temp * a[al + i - 1];
                    }
                }
            }
            else
            {
                for (int i = 1; i <= m; i++)
                {
                    double temp = 0.0;
                    int ai = (i - 1) * lda;
                    for (int l = 1; l <= k; l++)
                    {
                        temp += a[ai + l - 1] * (transB ? b[(j - 1) + ((l - 1) * ldb)] : b[(l - 1) + ((j - 1) * ldb)]);
                    }

                    c[cj + i - 1] = beta == 0.0 ? alpha * temp : (alpha * temp) + (beta * c[cj + i - 1]);
                }
            }
        }
    }

    /// <summary>DSYRK with UPLO = 'L', TRANS = 'N': C := alpha·A·Aᵀ + beta·C on the lower triangle.</summary>
    public static void DsyrkLowerNoTrans(int n, int k, double alpha, ReadOnlySpan<double> a, int lda, double beta, Span<double> c, int ldc)
    {
        if (n == 0 || ((alpha == 0.0 || k == 0) && beta == 1.0))
        {
            return;
        }

        for (int j = 1; j <= n; j++)
        {
            int cj = (j - 1) * ldc;
            if (beta == 0.0)
            {
                for (int i = j; i <= n; i++)
                {
                    c[cj + i - 1] = 0.0;
                }
            }
            else if (beta != 1.0)
            {
                for (int i = j; i <= n; i++)
                {
                    c[cj + i - 1] = beta * c[cj + i - 1];
                }
            }

            if (alpha == 0.0)
            {
                continue;
            }

            for (int l = 1; l <= k; l++)
            {
                int al = (l - 1) * lda;
                double ajl = a[al + j - 1];
                if (ajl != 0.0)
                {
                    double temp = alpha * ajl;
                    for (int i = j; i <= n; i++)
                    {
                        c[cj + i - 1] += temp * a[al + i - 1];
                    }
                }
            }
        }
    }

    /// <summary>DTRSM with SIDE = 'R', UPLO = 'L', TRANSA = 'T', DIAG = 'N': B := alpha·B·inv(Aᵀ), A lower triangular.</summary>
    public static void DtrsmRightLowerTrans(int m, int n, double alpha, ReadOnlySpan<double> a, int lda, Span<double> b, int ldb)
    {
        if (m == 0 || n == 0)
        {
            return;
        }

        if (alpha == 0.0)
        {
            for (int j = 1; j <= n; j++)
            {
                for (int i = 1; i <= m; i++)
                {
                    b[(i - 1) + ((j - 1) * ldb)] = 0.0;
                }
            }

            return;
        }

        for (int k = 1; k <= n; k++)
        {
            int bk = (k - 1) * ldb;
            double temp = 1.0 / a[(k - 1) + ((k - 1) * lda)];
            for (int i = 1; i <= m; i++)
            {
                b[bk + i - 1] = temp * b[bk + i - 1];
            }

            for (int j = k + 1; j <= n; j++)
            {
                double ajk = a[(j - 1) + ((k - 1) * lda)];
                if (ajk != 0.0)
                {
                    int bj = (j - 1) * ldb;
                    for (int i = 1; i <= m; i++)
                    {
                        b[bj + i - 1] -= ajk * b[bk + i - 1];
                    }
                }
            }

            if (alpha != 1.0)
            {
                for (int i = 1; i <= m; i++)
                {
                    b[bk + i - 1] = alpha * b[bk + i - 1];
                }
            }
        }
    }

    /// <summary>DTRMV with UPLO = 'U', TRANS = 'N', DIAG = 'N', INCX = 1: x := A·x, A upper triangular.</summary>
    public static void DtrmvUpperNoTrans(int n, ReadOnlySpan<double> a, int lda, Span<double> x)
    {
        for (int j = 1; j <= n; j++)
        {
            if (x[j - 1] != 0.0)
            {
                double temp = x[j - 1];
                int col = (j - 1) * lda;
                for (int i = 1; i <= j - 1; i++)
                {
                    x[i - 1] += temp * a[col + i - 1];
                }

                x[j - 1] *= a[col + j - 1];
            }
        }
    }

    /// <summary>
    /// DTRMM with SIDE = 'R': B := alpha·B·op(A), A upper (<paramref name="upper"/>) or lower triangular, op(A) = A
    /// or Aᵀ (<paramref name="transpose"/>), with a unit diagonal or not.
    /// </summary>
    public static void DtrmmRight(bool upper, bool transpose, bool unitDiagonal, int m, int n, double alpha, ReadOnlySpan<double> a, int lda, Span<double> b, int ldb)
    {
        if (m == 0 || n == 0)
        {
            return;
        }

        if (alpha == 0.0)
        {
            for (int j = 1; j <= n; j++)
            {
                for (int i = 1; i <= m; i++)
                {
                    b[(i - 1) + ((j - 1) * ldb)] = 0.0;
                }
            }

            return;
        }

        bool nounit = !unitDiagonal;
        if (!transpose)
        {
            for (int step = 0; step < n; step++)
            {
                int j = upper ? n - step : step + 1;
                double temp = alpha;
                if (nounit)
                {
                    temp *= a[(j - 1) + ((j - 1) * lda)];
                }

                int bj = (j - 1) * ldb;
                for (int i = 1; i <= m; i++)
                {
                    b[bj + i - 1] = temp * b[bj + i - 1];
                }

                int kFrom = upper ? 1 : j + 1;
                int kTo = upper ? j - 1 : n;
                for (int k = kFrom; k <= kTo; k++)
                {
                    double akj = a[(k - 1) + ((j - 1) * lda)];
                    if (akj != 0.0)
                    {
                        temp = alpha * akj;
                        int bk = (k - 1) * ldb;
                        for (int i = 1; i <= m; i++)
                        {
                            b[bj + i - 1] += temp * b[bk + i - 1];
                        }
                    }
                }
            }
        }
        else
        {
            for (int step = 0; step < n; step++)
            {
                int k = upper ? step + 1 : n - step;
                int bk = (k - 1) * ldb;
                int jFrom = upper ? 1 : k + 1;
                int jTo = upper ? k - 1 : n;
                for (int j = jFrom; j <= jTo; j++)
                {
                    double ajk = a[(j - 1) + ((k - 1) * lda)];
                    if (ajk != 0.0)
                    {
                        double t = alpha * ajk;
                        int bj = (j - 1) * ldb;
                        for (int i = 1; i <= m; i++)
                        {
                            b[bj + i - 1] += t * b[bk + i - 1];
                        }
                    }
                }

                double temp = alpha;
                if (nounit)
                {
                    temp *= a[(k - 1) + ((k - 1) * lda)];
                }

                if (temp != 1.0)
                {
                    for (int i = 1; i <= m; i++)
                    {
                        b[bk + i - 1] = temp * b[bk + i - 1];
                    }
                }
            }
        }
    }

    /// <summary>DSYR2K with UPLO = 'L', TRANS = 'N': C := alpha·A·Bᵀ + alpha·B·Aᵀ + beta·C on the lower triangle.</summary>
    public static void Dsyr2kLowerNoTrans(int n, int k, double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc)
    {
        if (n == 0 || ((alpha == 0.0 || k == 0) && beta == 1.0))
        {
            return;
        }

        for (int j = 1; j <= n; j++)
        {
            int cj = (j - 1) * ldc;
            if (beta == 0.0)
            {
                for (int i = j; i <= n; i++)
                {
                    c[cj + i - 1] = 0.0;
                }
            }
            else if (beta != 1.0)
            {
                for (int i = j; i <= n; i++)
                {
                    c[cj + i - 1] = beta * c[cj + i - 1];
                }
            }

            if (alpha == 0.0)
            {
                continue;
            }

            for (int l = 1; l <= k; l++)
            {
                int al = (l - 1) * lda;
                int bl = (l - 1) * ldb;
                if (a[al + j - 1] != 0.0 || b[bl + j - 1] != 0.0)
                {
                    double temp1 = alpha * b[bl + j - 1];
                    double temp2 = alpha * a[al + j - 1];
                    for (int i = j; i <= n; i++)
                    {
                        c[cj + i - 1] = (c[cj + i - 1] + (a[al + i - 1] * temp1)) + (b[bl + i - 1] * temp2);
                    }
                }
            }
        }
    }
}

using System.Runtime.Intrinsics;

namespace OneSeed.Distributions;

/// <summary>
/// NumPy's <c>multivariate_normal</c> without its draws: the argument checks, the factor A of the covariance
/// (<c>A·Aᵀ = cov</c>) formed as NumPy forms it from LAPACK's decomposition (<see cref="ReferenceLapack"/>), NumPy's
/// positive-semidefiniteness test, and the map <c>x ↦ mean + x·Aᵀ</c> applied to rows of standard normals.
/// </summary>
/// <remarks>
/// <para>
/// <c>Generator.multivariate_normal</c> (numpy/random/_generator.pyx, 1.24): <c>svd</c>: <c>(u, s, vh) = svd(cov)</c>,
/// A = <c>u * sqrt(s)</c>, valid when <c>allclose(dot(vh.T * s, vh), cov, rtol=tol, atol=tol)</c>; <c>eigh</c>:
/// <c>(s, u) = eigh(cov)</c>, A = <c>u * sqrt(abs(s))</c>, valid when no eigenvalue is below −tol; <c>cholesky</c>:
/// A = <c>cholesky(cov)</c>, never checked. The result is <c>mean + x @ A.T</c>.
/// <c>RandomState.multivariate_normal</c> (mtrand.pyx): always the SVD, with <c>x = dot(x, sqrt(s)[:, None] * v)</c>
/// and then <c>x += mean</c>: the same products, summed in the same order.
/// </para>
/// <para>
/// NumPy's matrix products go through reference CBLAS here (DGEMM/DGEMV, or its own loop for degenerate shapes): each
/// entry is a sum from zero over the inner index in increasing order, which <see cref="Transform"/> reproduces (its
/// vector path adds the same terms in the same order, lane by lane, without fused multiply-adds).
/// </para>
/// </remarks>
internal sealed class MultivariateNormalFactor
{
    /// <summary>NumPy's message for a covariance that fails its test.</summary>
    public const string NotPositiveSemidefinite = "covariance is not symmetric positive-semidefinite.";

    private readonly double[] _mean;

    // The factor transposed, row-major: _factorT[j * k + i] = A[i, j], the weight of normal j in output i.
    private readonly double[] _factorT;

    private MultivariateNormalFactor(double[] mean, double[] factorT, bool passedCheck)
    {
        _mean = mean;
        _factorT = factorT;
        PassedCheck = passedCheck;
    }

    /// <summary>The dimension k of each sample.</summary>
    public int Dimension => _mean.Length;

    /// <summary>
    /// False when NumPy's test found the covariance not symmetric positive-semidefinite and <c>check_valid</c> was
    /// "warn" (NumPy warns and samples anyway); true otherwise (passed, or not tested).
    /// </summary>
    public bool PassedCheck { get; }

    /// <summary>
    /// Checks the arguments as NumPy does and computes the factor, before any draw: every refusal is an exception
    /// here, so the engine is untouched when one is thrown.
    /// </summary>
    /// <remarks><c>legacy</c> is true for <c>RandomState</c>, whose only method is "svd".</remarks>
    public static MultivariateNormalFactor Create(double[] mean, double[,] cov, string checkValid, double tol, string method, bool legacy)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(cov);
        ArgumentNullException.ThrowIfNull(checkValid);
        ArgumentNullException.ThrowIfNull(method);
        if (method is not ("svd" or "eigh" or "cholesky"))
        {
            throw new ArgumentException($"method must be one of {{'eigh', 'svd', 'cholesky'}}; got '{method}'.", nameof(method));
        }

        if (checkValid is not ("warn" or "raise" or "ignore"))
        {
            throw new ArgumentException($"check_valid must equal 'warn', 'raise', or 'ignore'; got '{checkValid}'.", nameof(checkValid));
        }

        int k = mean.Length;
        if (k == 0)
        {
            throw new ArgumentException("mean must have at least one element (NumPy fails to reshape an empty sample).", nameof(mean));
        }

        if (cov.GetLength(0) != cov.GetLength(1))
        {
            throw new ArgumentException($"cov must be 2 dimensional and square; got {cov.GetLength(0)}×{cov.GetLength(1)}.", nameof(cov));
        }

        if (cov.GetLength(0) != k)
        {
            throw new ArgumentException($"mean and cov must have same length; mean has {k} elements, cov is {cov.GetLength(0)}×{cov.GetLength(1)}.", nameof(cov));
        }

        // SVD reads every entry; eigh and Cholesky only the lower triangle (LAPACK's UPLO = 'L'), as in NumPy.
        bool lowerOnly = method != "svd";
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j <= (lowerOnly ? i : k - 1); j++)
            {
                if (!double.IsFinite(cov[i, j]))
                {
                    throw new ArgumentException($"cov[{i}, {j}] is {cov[i, j]}; the covariance must be finite (NumPy's LAPACK call fails or returns NaN samples).", nameof(cov));
                }
            }
        }

        // The covariance in Fortran's column-major order: NumPy copies it so that LAPACK's A(i, j) is cov[i, j].
        double[] a = new double[k * k];
        for (int j = 0; j < k; j++)
        {
            for (int i = 0; i < k; i++)
            {
                a[i + (j * k)] = cov[i, j];
            }
        }

        double[] factorT = new double[k * k];
        bool passed = true;
        switch (method)
        {
            case "svd":
                if (!FactorSvd(a, k, cov, checkValid, tol, legacy, factorT, ref passed))
                {
                    throw new ArgumentException("SVD did not converge (NumPy raises LinAlgError for this covariance).", nameof(cov));
                }

                break;
            case "eigh":
                if (!FactorEigh(a, k, checkValid, tol, factorT, ref passed))
                {
                    throw new ArgumentException("Eigenvalues did not converge (NumPy raises LinAlgError for this covariance).", nameof(cov));
                }

                break;
            default:
                int info = FactorCholesky(a, k, factorT);
                if (info != 0)
                {
                    throw new ArgumentException($"Matrix is not positive definite (its leading minor of order {info} is not; NumPy raises LinAlgError).", nameof(cov));
                }

                break;
        }

        if (!passed && checkValid == "raise")
        {
            throw new ArgumentException(NotPositiveSemidefinite, nameof(cov));
        }

        return new MultivariateNormalFactor((double[])mean.Clone(), factorT, passed);
    }

    /// <summary>
    /// Turns rows of k standard normals (row-major, in place) into samples: entry i of a row becomes
    /// <c>mean[i] + Σ_j x[j]·A[i, j]</c>, the sum taken from zero in increasing j.
    /// </summary>
    public void Transform(Span<double> values)
    {
        int k = _mean.Length;
        int rows = values.Length / k;
        Span<double> row = k <= 64 ? stackalloc double[k] : new double[k];
        ReadOnlySpan<double> factorT = _factorT;
        ReadOnlySpan<double> mean = _mean;
        for (int r = 0; r < rows; r++)
        {
            Span<double> x = values.Slice(r * k, k);
            x.CopyTo(row);
            int i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; i <= k - Vector256<double>.Count; i += Vector256<double>.Count)
                {
                    Vector256<double> sum = Vector256<double>.Zero;
                    for (int j = 0; j < k; j++)
                    {
                        // Multiply, round, add, round: never fused.
                        Vector256<double> product = Vector256.Create(row[j]) * Vector256.Create(factorT.Slice((j * k) + i, Vector256<double>.Count));
                        sum += product;
                    }

                    (Vector256.Create(mean.Slice(i, Vector256<double>.Count)) + sum).CopyTo(x.Slice(i));
                }
            }

            for (; i < k; i++)
            {
                double sum = 0.0;
                for (int j = 0; j < k; j++)
                {
                    sum += row[j] * factorT[(j * k) + i];
                }

                x[i] = mean[i] + sum;
            }
        }
    }

    /// <summary>The SVD factor; false if DGESDD did not converge. <paramref name="passed"/> receives NumPy's test.</summary>
    private static bool FactorSvd(double[] a, int k, double[,] cov, string checkValid, double tol, bool legacy, double[] factorT, ref bool passed)
    {
        double[] s = new double[k];
        double[] u = new double[k * k];
        double[] vt = new double[k * k];
        if (ReferenceLapack.DgesddSquare(k, a, s, u, vt) != 0)
        {
            return false;
        }

        // NumPy's u[i, j] is U(i, j) = u[i + j*k]; vh[i, j] is VT(i, j) = vt[i + j*k].
        passed = checkValid == "ignore" || SvdReconstructs(vt, s, k, cov, tol);
        for (int j = 0; j < k; j++)
        {
            double root = Math.Sqrt(s[j]);
            for (int i = 0; i < k; i++)
            {
                // Generator: (u * sqrt(s))[i, j]; RandomState: (sqrt(s)[:, None] * v)[j, i], applied as x @ that.
                factorT[(j * k) + i] = legacy ? root * vt[j + (i * k)] : u[i + (j * k)] * root;
            }
        }

        return true;
    }

    /// <summary>NumPy's <c>allclose(dot(vh.T * s, vh), cov, rtol=tol, atol=tol)</c>.</summary>
    private static bool SvdReconstructs(double[] vt, double[] s, int k, double[,] cov, double tol)
    {
        // m1 = vh.T * s: m1[i, j] = vh[j, i] * s[j].
        double[] m1 = new double[k * k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                m1[(i * k) + j] = vt[j + (i * k)] * s[j];
            }
        }

        for (int i = 0; i < k; i++)
        {
            for (int l = 0; l < k; l++)
            {
                double x = 0.0;
                for (int j = 0; j < k; j++)
                {
                    x += m1[(i * k) + j] * vt[j + (l * k)];
                }

                if (!IsClose(x, cov[i, l], tol))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>NumPy's <c>isclose(x, y, rtol=tol, atol=tol)</c> for a finite y: |x − y| ≤ atol + rtol·|y|, false for a non-finite x.</summary>
    private static bool IsClose(double x, double y, double tol) => double.IsFinite(x) ? Math.Abs(x - y) <= tol + (tol * Math.Abs(y)) : x == y;

    /// <summary>The eigh factor; false if DSYEVD did not converge. <paramref name="passed"/> receives NumPy's test.</summary>
    private static bool FactorEigh(double[] a, int k, string checkValid, double tol, double[] factorT, ref bool passed)
    {
        double[] w = new double[k];
        if (ReferenceLapack.DsyevdLower(k, a, w) != 0)
        {
            return false;
        }

        if (checkValid != "ignore")
        {
            foreach (double value in w)
            {
                if (value < -tol)
                {
                    passed = false;
                }
            }
        }

        // (u * sqrt(abs(s)))[i, j], u[i, j] = Z(i, j) = a[i + j*k].
        for (int j = 0; j < k; j++)
        {
            double root = Math.Sqrt(Math.Abs(w[j]));
            for (int i = 0; i < k; i++)
            {
                factorT[(j * k) + i] = a[i + (j * k)] * root;
            }
        }

        return true;
    }

    /// <summary>The Cholesky factor; DPOTRF's INFO (0, or the order of the first minor that is not positive definite).</summary>
    private static int FactorCholesky(double[] a, int k, double[] factorT)
    {
        int info = ReferenceLapack.DpotrfLower(k, a, k);
        if (info != 0)
        {
            return info;
        }

        // L[i, j] = a[i + j*k] for j <= i; NumPy zeroes the strict upper triangle.
        for (int j = 0; j < k; j++)
        {
            for (int i = 0; i < k; i++)
            {
                factorT[(j * k) + i] = j <= i ? a[i + (j * k)] : 0.0;
            }
        }

        return 0;
    }
}

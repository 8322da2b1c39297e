using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OneSeed.Distributions;

namespace OneSeed.Compat;

public sealed partial class NumPyGenerator
{
    /// <summary>
    /// <paramref name="size"/> samples of the multivariate normal distribution N(<paramref name="mean"/>,
    /// <paramref name="cov"/>), as NumPy's <c>Generator.multivariate_normal(mean, cov, size, check_valid, tol,
    /// method=method)</c>: row r is <c>mean + x_r @ A.T</c>, where x_r are k standard normals and A is the factor of
    /// <paramref name="cov"/> that <paramref name="method"/> gives.
    /// </summary>
    /// <param name="mean">The mean, of length k ≥ 1.</param>
    /// <param name="cov">The k×k covariance. "svd" reads all of it; "eigh" and "cholesky" only its lower triangle, as LAPACK does in NumPy.</param>
    /// <param name="size">The number of samples (rows of the result).</param>
    /// <param name="checkValid">
    /// What to do when NumPy's test finds <paramref name="cov"/> not symmetric positive-semidefinite ("svd": the SVD
    /// does not reconstruct it within <paramref name="tol"/>; "eigh": an eigenvalue is below −<paramref name="tol"/>;
    /// "cholesky" is never tested, the factorization itself fails): "warn" samples anyway and, unlike NumPy's
    /// <c>RuntimeWarning</c>, reports nothing (the samples are the same as NumPy's); "raise" throws
    /// <see cref="ArgumentException"/>; "ignore" skips the test.
    /// </param>
    /// <param name="tol">The tolerance of that test (NumPy's <c>tol</c>, used as both rtol and atol of <c>allclose</c> for "svd").</param>
    /// <param name="method">
    /// "svd" (default: A = u·sqrt(s) from LAPACK's DGESDD), "eigh" (A = u·sqrt(|w|) from DSYEVD) or "cholesky"
    /// (A = L from DPOTRF).
    /// </param>
    /// <returns>A <paramref name="size"/>×k array, sample by sample.</returns>
    /// <remarks>
    /// <para>
    /// Draws: exactly NumPy's, <c>standard_normal((size, k))</c> (the ziggurat, size·k values in row order), so the
    /// engine ends where NumPy's does.
    /// </para>
    /// <para>
    /// Reproducibility tier: <b>not bit-exact by promise</b>: each value is within 1e-10 of NumPy 1.24's on Debian
    /// (reference LAPACK 3.11), relative to the largest magnitude in its sample row; the normals consumed are exactly
    /// NumPy's. The factor depends on LAPACK's choices (the signs of singular vectors and eigenvectors, the basis of a
    /// repeated eigenvalue's space, the rounding of near-null directions), which OneSeed reproduces by transcribing
    /// reference LAPACK and BLAS operation for operation (<c>DGESDD</c>, <c>DSYEVD</c>, <c>DPOTRF</c> and what they
    /// call); in every case tested so far the samples have been bit-identical to NumPy's. A NumPy linked to another
    /// LAPACK makes other choices, which no single implementation can match: against NumPy on OpenBLAS 0.3.21 (the
    /// library of the PyPI wheels) samples agree within about 1e-12 for well-conditioned covariances, and differ by up
    /// to the sample's own scale for singular or nearly singular ones, where the decomposition is not unique.
    /// </para>
    /// <para>
    /// Every dimension is served by the same LAPACK paths NumPy takes (for "svd" and "eigh": implicit QR up to k = 25,
    /// divide and conquer above; blocked reductions above 32 and 128), at NumPy's cost, O(k³) for the factor plus
    /// O(size·k²) for the samples. The live tests cover k up to about 200, and the transcriptions were checked up to 520.
    /// </para>
    /// <para>
    /// Every refusal is thrown before any draw, so the engine is unchanged (NumPy draws the normals first, and then
    /// raises for an invalid <paramref name="checkValid"/>, a failed test under "raise" or a failed factorization).
    /// <paramref name="checkValid"/> is validated for every method (NumPy ignores it, even an invalid value, for
    /// "cholesky").
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="mean"/>, <paramref name="cov"/>, <paramref name="checkValid"/> or <paramref name="method"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative or size·k exceeds an array's capacity.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="method"/> or <paramref name="checkValid"/> is not one of NumPy's values; <paramref name="mean"/>
    /// is empty; <paramref name="cov"/> is not k×k, has a non-finite entry where the method reads it, fails NumPy's test
    /// under "raise", is not positive definite for "cholesky", or LAPACK does not converge on it (NumPy's
    /// <c>LinAlgError</c>).
    /// </exception>
    public double[,] MultivariateNormal(double[] mean, double[,] cov, int size, string checkValid = "warn", double tol = 1e-8, string method = "svd")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        MultivariateNormalFactor factor = MultivariateNormalFactor.Create(mean, cov, checkValid, tol, method, legacy: false);
        int k = factor.Dimension;
        if ((long)size * k > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"size·k = {(long)size * k} values exceed an array's capacity.");
        }

        double[,] result = new double[size, k];
        Span<double> values = MemoryMarshal.CreateSpan(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(result)), size * k);
        Distributions.StandardNormal.Fill(BitGenerator, values);
        factor.Transform(values);
        return result;
    }

    /// <summary>
    /// One sample of the multivariate normal distribution N(<paramref name="mean"/>, <paramref name="cov"/>), as
    /// NumPy's <c>Generator.multivariate_normal(mean, cov, check_valid=..., tol=..., method=...)</c> (<c>size=None</c>):
    /// k standard normals, then <c>mean + x @ A.T</c>.
    /// </summary>
    /// <remarks>
    /// Everything in <see cref="MultivariateNormal(double[], double[,], int, string, double, string)"/> applies: the
    /// same draws (k normals), checks, tier and tolerance.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">As for the form with a size.</exception>
    public double[] MultivariateNormal(double[] mean, double[,] cov, string checkValid = "warn", double tol = 1e-8, string method = "svd")
    {
        MultivariateNormalFactor factor = MultivariateNormalFactor.Create(mean, cov, checkValid, tol, method, legacy: false);
        double[] result = new double[factor.Dimension];
        Distributions.StandardNormal.Fill(BitGenerator, result);
        factor.Transform(result);
        return result;
    }
}

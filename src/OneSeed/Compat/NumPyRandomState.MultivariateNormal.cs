using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OneSeed.Distributions;

namespace OneSeed.Compat;

public sealed partial class NumPyRandomState
{
    /// <summary>
    /// <paramref name="size"/> samples of the multivariate normal distribution N(<paramref name="mean"/>,
    /// <paramref name="cov"/>), as NumPy's legacy <c>RandomState.multivariate_normal(mean, cov, size, check_valid,
    /// tol)</c>: <c>(u, s, v) = svd(cov)</c>, then each row is <c>x_r @ (sqrt(s)[:, None] * v) + mean</c> for k
    /// standard normals x_r.
    /// </summary>
    /// <param name="mean">The mean, of length k ≥ 1.</param>
    /// <param name="cov">The k×k covariance (all of it is read, by the SVD).</param>
    /// <param name="size">The number of samples (rows of the result).</param>
    /// <param name="checkValid">
    /// What to do when the SVD does not reconstruct <paramref name="cov"/> within <paramref name="tol"/> (NumPy's
    /// <c>allclose(dot(v.T * s, v), cov, rtol=tol, atol=tol)</c>, its test for symmetric positive-semidefinite):
    /// "warn" samples anyway and, unlike NumPy's <c>RuntimeWarning</c>, reports nothing (the samples are the same as
    /// NumPy's); "raise" throws <see cref="ArgumentException"/>; "ignore" skips the test.
    /// </param>
    /// <param name="tol">The tolerance of that test.</param>
    /// <returns>A <paramref name="size"/>×k array, sample by sample.</returns>
    /// <remarks>
    /// <para>
    /// Draws: exactly NumPy's, <c>standard_normal((size, k))</c> (the legacy polar method, size·k values in row order,
    /// through the Gaussian cache), so the engine and the cache end as NumPy's do.
    /// </para>
    /// <para>
    /// Reproducibility tier: <b>not bit-exact by promise</b>: each value is within 1e-10 of NumPy 1.24's on Debian
    /// (reference LAPACK 3.11), relative to the largest magnitude in its sample row; the normals consumed are exactly
    /// NumPy's. The SVD's singular vectors (their signs, the basis of a repeated singular value's space, the rounding
    /// of near-null directions) are LAPACK's choice, which OneSeed reproduces by transcribing reference LAPACK's
    /// <c>DGESDD</c> and the BLAS it calls operation for operation; in every case tested so far the samples have been
    /// bit-identical to NumPy's. A NumPy linked to another LAPACK makes other choices, which no single implementation
    /// can match: against NumPy on OpenBLAS 0.3.21 (the library of the PyPI wheels) samples agree within about 1e-12
    /// for well-conditioned covariances, and differ by up to the sample's own scale for singular or nearly singular
    /// ones.
    /// </para>
    /// <para>
    /// Every dimension is served by the same LAPACK paths NumPy takes (implicit QR up to k = 25, divide and conquer
    /// above), at NumPy's cost, O(k³) for the SVD plus O(size·k²) for the samples. Every refusal is thrown before any
    /// draw, so the engine and the Gaussian cache are unchanged (NumPy draws first and then raises for an invalid <paramref name="checkValid"/>, a
    /// failed test under "raise" or an SVD that does not converge).
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="mean"/>, <paramref name="cov"/> or <paramref name="checkValid"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative or size·k exceeds an array's capacity.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="checkValid"/> is not one of NumPy's values; <paramref name="mean"/> is empty; <paramref name="cov"/>
    /// is not k×k, has a non-finite entry, fails the test under "raise", or the SVD does not converge on it (NumPy's
    /// <c>LinAlgError</c>).
    /// </exception>
    public double[,] MultivariateNormal(double[] mean, double[,] cov, int size, string checkValid = "warn", double tol = 1e-8)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        MultivariateNormalFactor factor = MultivariateNormalFactor.Create(mean, cov, checkValid, tol, "svd", legacy: true);
        int k = factor.Dimension;
        if ((long)size * k > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"size·k = {(long)size * k} values exceed an array's capacity.");
        }

        double[,] result = new double[size, k];
        Span<double> values = MemoryMarshal.CreateSpan(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(result)), size * k);
        StandardNormal(values);
        factor.Transform(values);
        return result;
    }

    /// <summary>
    /// One sample of the multivariate normal distribution N(<paramref name="mean"/>, <paramref name="cov"/>), as
    /// NumPy's legacy <c>RandomState.multivariate_normal(mean, cov, check_valid=..., tol=...)</c> (<c>size=None</c>):
    /// k standard normals through the Gaussian cache, then the SVD transform.
    /// </summary>
    /// <remarks>
    /// Everything in <see cref="MultivariateNormal(double[], double[,], int, string, double)"/> applies: the same draws
    /// (k normals), checks, tier and tolerance.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">As for the form with a size.</exception>
    public double[] MultivariateNormal(double[] mean, double[,] cov, string checkValid = "warn", double tol = 1e-8)
    {
        MultivariateNormalFactor factor = MultivariateNormalFactor.Create(mean, cov, checkValid, tol, "svd", legacy: true);
        double[] result = new double[factor.Dimension];
        StandardNormal(result.AsSpan());
        factor.Transform(result);
        return result;
    }
}

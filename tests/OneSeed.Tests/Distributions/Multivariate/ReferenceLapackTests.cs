using System.Text.Json.Nodes;
using OneSeed.Distributions;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Distributions.Multivariate;

/// <summary>
/// The LAPACK transcriptions against <c>numpy.linalg</c> itself (Debian's NumPy on reference LAPACK 3.11): singular
/// values and vectors, eigenvalues and eigenvectors and Cholesky factors, bit for bit, for fresh matrices of every kind.
/// </summary>
/// <remarks>
/// <c>multivariate_normal</c> promises only 1e-10 (see its tests); these tests hold the transcriptions to what they
/// are: the same operations in the same order, hence the same bits, including the arbitrary choices (signs, bases of
/// repeated eigenvalues, rounding-level eigenvalues of singular matrices) that no other algorithm would reproduce.
/// </remarks>
public sealed class ReferenceLapackTests
{
    [Fact]
    public void Live_svd_eigh_and_cholesky_are_bit_identical_to_numpy_linalg()
    {
        var seeds = new LiveSeeds();
        var matrices = new List<double[,]>();
        var cases = new JsonArray();
        for (int i = 0; i < 300; i++)
        {
            // A few beyond the small-problem paths: divide and conquer (above 25), the blocked reductions and
            // reflector products (above 32, 36, 63, 128), the blocked Cholesky (above 64).
            int k = i < 8 ? seeds.Int(ReferenceLapack.SmallSize + 1, i == 0 ? 200 : 130) : CovarianceCases.Dimension(seeds, ReferenceLapack.SmallSize);
            double[,] cov = CovarianceCases.Create(seeds, seeds.Pick(CovarianceCases.Kinds), k);
            matrices.Add(cov);
            JsonArray methods = ["cholesky", "svd", "eigh"];

            cases.Add(new JsonObject { ["k"] = k, ["cov_bits"] = CovarianceCases.Bits(cov), ["methods"] = methods });
        }

        JsonArray results = PythonOracle.Run("numpy_mvn.py", new JsonObject { ["op"] = "linalg", ["cases"] = cases })["results"]!.AsArray();
        for (int c = 0; c < matrices.Count; c++)
        {
            double[,] cov = matrices[c];
            int k = cov.GetLength(0);
            JsonNode expected = results[c]!;
            string context = $"case {c} (k = {k}) {seeds.Replay}";

            double[] l = ColumnMajor(cov);
            int cholInfo = ReferenceLapack.DpotrfLower(k, l, k);
            if (expected["cholesky"]!["error"] is not null)
            {
                Assert.True(cholInfo != 0, $"{context}: NumPy's cholesky failed, DPOTRF succeeded.");
            }
            else
            {
                Assert.True(cholInfo == 0, $"{context}: DPOTRF failed at minor {cholInfo}, NumPy's cholesky succeeded.");
                double[] want = JsonAssert.DoubleBits(expected["cholesky"]!["l"]);
                AssertBits(want, (i, j) => j <= i ? l[i + (j * k)] : 0.0, k, context + " cholesky L");
            }

            double[] a = ColumnMajor(cov);
            double[] s = new double[k], u = new double[k * k], vt = new double[k * k];
            int svdInfo = ReferenceLapack.DgesddSquare(k, a, s, u, vt);
            if (expected["svd"]!["error"] is not null)
            {
                Assert.True(svdInfo != 0, $"{context}: NumPy's svd failed, DGESDD converged.");
            }
            else
            {
                Assert.True(svdInfo == 0, $"{context}: DGESDD did not converge (info {svdInfo}), NumPy's svd did.");
                JsonAssert.Equal(JsonAssert.UInt64s(expected["svd"]!["s"]), s.Select(BitConverter.DoubleToUInt64Bits).ToArray(), context + " svd s");
                AssertBits(JsonAssert.DoubleBits(expected["svd"]!["u"]), (i, j) => u[i + (j * k)], k, context + " svd u");
                AssertBits(JsonAssert.DoubleBits(expected["svd"]!["vh"]), (i, j) => vt[i + (j * k)], k, context + " svd vh");
            }

            double[] z = ColumnMajor(cov);
            double[] w = new double[k];
            int eighInfo = ReferenceLapack.DsyevdLower(k, z, w);
            Assert.True(expected["eigh"]!["error"] is null && eighInfo == 0, $"{context}: eigh failed (NumPy: {expected["eigh"]!["error"]}, DSYEVD info {eighInfo}).");
            JsonAssert.Equal(JsonAssert.UInt64s(expected["eigh"]!["w"]), w.Select(BitConverter.DoubleToUInt64Bits).ToArray(), context + " eigh w");
            AssertBits(JsonAssert.DoubleBits(expected["eigh"]!["v"]), (i, j) => z[i + (j * k)], k, context + " eigh v");
        }
    }

    [Fact]
    public void Decompositions_of_small_matrices_reconstruct_them()
    {
        // A sanity check that needs no oracle: U·diag(S)·VT = A, Z·diag(W)·Zᵀ = A, L·Lᵀ = A.
        double[,] cov = { { 4, 2, 0.6 }, { 2, 3, 0.4 }, { 0.6, 0.4, 2 } };
        const int k = 3;
        double[] a = ColumnMajor(cov), s = new double[k], u = new double[k * k], vt = new double[k * k];
        Assert.Equal(0, ReferenceLapack.DgesddSquare(k, a, s, u, vt));
        double[] z = ColumnMajor(cov), w = new double[k];
        Assert.Equal(0, ReferenceLapack.DsyevdLower(k, z, w));
        double[] l = ColumnMajor(cov);
        Assert.Equal(0, ReferenceLapack.DpotrfLower(k, l, k));
        Assert.True(s[0] >= s[1] && s[1] >= s[2]);
        Assert.True(w[0] <= w[1] && w[1] <= w[2]);
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double usv = 0, zwz = 0, llt = 0;
                for (int p = 0; p < k; p++)
                {
                    usv += u[i + (p * k)] * s[p] * vt[p + (j * k)];
                    zwz += z[i + (p * k)] * w[p] * z[j + (p * k)];
                    llt += (p <= i && p <= j) ? l[i + (p * k)] * l[j + (p * k)] : 0.0;
                }

                Assert.Equal(cov[i, j], usv, 12);
                Assert.Equal(cov[i, j], zwz, 12);
                Assert.Equal(cov[i, j], llt, 12);
            }
        }
    }

    private static double[] ColumnMajor(double[,] m)
    {
        int k = m.GetLength(0);
        double[] a = new double[k * k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                a[i + (j * k)] = m[i, j];
            }
        }

        return a;
    }

    // expected is NumPy's row-major matrix; actual(i, j) ours.
    private static void AssertBits(double[] expected, Func<int, int, double> actual, int k, string context)
    {
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double e = expected[(i * k) + j];
                double g = actual(i, j);
                Assert.True(BitConverter.DoubleToUInt64Bits(e) == BitConverter.DoubleToUInt64Bits(g), $"{context}[{i}, {j}]: NumPy {e:R}, OneSeed {g:R}.");
            }
        }
    }
}

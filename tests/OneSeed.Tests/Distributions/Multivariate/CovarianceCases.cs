using System.Text.Json.Nodes;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Distributions.Multivariate;

/// <summary>
/// Fresh random covariance matrices for the live tests of <c>multivariate_normal</c> and of the LAPACK
/// transcriptions: well- and ill-conditioned, singular positive-semidefinite (A·Aᵀ of low rank: eigenvalues at the
/// rounding level, the hardest case to match), indefinite, non-symmetric, and with repeated eigenvalues (a basis
/// chosen by LAPACK alone), at ordinary and extreme scales (which take LAPACK's rescaling branches).
/// </summary>
internal static class CovarianceCases
{
    public static readonly IReadOnlyList<string> Kinds = ["well", "ill", "singular", "rank1", "indefinite", "nonsymmetric", "repeated", "identity", "tiny", "huge"];

    /// <summary>A dimension: mostly 1..12, sometimes up to <paramref name="max"/>.</summary>
    public static int Dimension(LiveSeeds seeds, int max) => seeds.Int(0, 4) == 0 ? seeds.Int(1, max + 1) : seeds.Int(1, Math.Min(12, max) + 1);

    /// <summary>A k×k covariance of the given kind.</summary>
    public static double[,] Create(LiveSeeds seeds, string kind, int k)
    {
        double scale = Math.Pow(10, (seeds.Double() * 8) - 4);
        double[,] c;
        switch (kind)
        {
            case "well":
                c = Gram(Normals(seeds, k, k));
                for (int i = 0; i < k; i++)
                {
                    c[i, i] += k;
                }

                break;
            case "ill":
            {
                double[,] q = Orthonormal(seeds, k);
                double[] s = Enumerable.Range(0, k).Select(_ => Math.Pow(10, (seeds.Double() * 15) - 12)).ToArray();
                c = new double[k, k];
                for (int i = 0; i < k; i++)
                {
                    for (int j = 0; j < k; j++)
                    {
                        double sum = 0.0;
                        for (int l = 0; l < k; l++)
                        {
                            sum += q[i, l] * s[l] * q[j, l];
                        }

                        c[i, j] = sum;
                    }
                }

                break;
            }

            case "singular":
                c = Gram(Normals(seeds, k, seeds.Int(0, k)));
                break;
            case "rank1":
                c = Gram(Normals(seeds, k, 1));
                break;
            case "indefinite":
            {
                double[,] b = Normals(seeds, k, k);
                c = new double[k, k];
                for (int i = 0; i < k; i++)
                {
                    for (int j = 0; j < k; j++)
                    {
                        c[i, j] = (b[i, j] + b[j, i]) / 2;
                    }
                }

                break;
            }

            case "nonsymmetric":
                c = Normals(seeds, k, k);
                for (int i = 0; i < k; i++)
                {
                    c[i, i] = Math.Abs(c[i, i]) + k;
                }

                break;
            case "repeated":
                c = new double[k, k];
                for (int i = 0; i < k; i++)
                {
                    c[i, i] = seeds.Int(0, 3);
                }

                if (k >= 2 && seeds.Bool())
                {
                    // A block of ones: eigenvalues 2 and 0 (NumPy's own test case [[1, 1], [1, 1]]).
                    c[0, 0] = c[0, 1] = c[1, 0] = c[1, 1] = 1.0;
                }

                break;
            case "identity":
                c = new double[k, k];
                for (int i = 0; i < k; i++)
                {
                    c[i, i] = 1.0;
                }

                break;
            case "tiny":
                c = Gram(Normals(seeds, k, seeds.Int(1, k + 1)));
                scale = 1e-150;
                break;
            default:
                c = Gram(Normals(seeds, k, seeds.Int(1, k + 1)));
                scale = 1e150;
                break;
        }

        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                c[i, j] *= scale;
            }
        }

        return c;
    }

    /// <summary>A mean of k values of mixed magnitudes.</summary>
    public static double[] Mean(LiveSeeds seeds, int k) => Enumerable.Range(0, k).Select(_ => seeds.Int(0, 4) switch
    {
        0 => 0.0,
        1 => Normal(seeds),
        2 => Normal(seeds) * 1e3,
        _ => Normal(seeds) * 1e-3,
    }).ToArray();

    /// <summary>Row-major IEEE bits, as the oracles read matrices.</summary>
    public static JsonArray Bits(double[,] m) => new(m.Cast<double>().Select(d => (JsonNode)BitConverter.DoubleToUInt64Bits(d)).ToArray());

    public static JsonArray Bits(double[] v) => new(v.Select(d => (JsonNode)BitConverter.DoubleToUInt64Bits(d)).ToArray());

    public static double Normal(LiveSeeds seeds)
    {
        double u1 = 1.0 - seeds.Double();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * seeds.Double());
    }

    private static double[,] Normals(LiveSeeds seeds, int rows, int cols)
    {
        var m = new double[rows, cols];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                m[i, j] = Normal(seeds);
            }
        }

        return m;
    }

    // A·Aᵀ: symmetric positive-semidefinite of rank at most A's column count.
    private static double[,] Gram(double[,] a)
    {
        int k = a.GetLength(0);
        int r = a.GetLength(1);
        var c = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double sum = 0.0;
                for (int l = 0; l < r; l++)
                {
                    sum += a[i, l] * a[j, l];
                }

                c[i, j] = sum;
            }
        }

        return c;
    }

    // The columns of a random matrix, orthonormalized (modified Gram-Schmidt).
    private static double[,] Orthonormal(LiveSeeds seeds, int k)
    {
        double[,] q = Normals(seeds, k, k);
        for (int j = 0; j < k; j++)
        {
            for (int p = 0; p < j; p++)
            {
                double dot = 0.0;
                for (int i = 0; i < k; i++)
                {
                    dot += q[i, j] * q[i, p];
                }

                for (int i = 0; i < k; i++)
                {
                    q[i, j] -= dot * q[i, p];
                }
            }

            double norm = 0.0;
            for (int i = 0; i < k; i++)
            {
                norm += q[i, j] * q[i, j];
            }

            norm = Math.Sqrt(norm);
            for (int i = 0; i < k; i++)
            {
                q[i, j] /= norm;
            }
        }

        return q;
    }
}

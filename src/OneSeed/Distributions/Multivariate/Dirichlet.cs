using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Dirichlet vectors as NumPy draws them. <c>Generator</c>: when every α is below 0.1, stick-breaking over
/// <c>random_beta</c> (which cannot give 0/0), else standard gammas scaled by the reciprocal of their sum;
/// <c>RandomState</c>: always the normalised legacy gammas.
/// </summary>
internal static class Dirichlet
{
    /// <summary>Fills each row of <paramref name="destination"/> (length a multiple of α's) as <c>Generator.dirichlet</c>.</summary>
    public static void Fill<TSource>(ref TSource source, ReadOnlySpan<double> alpha, Span<double> destination)
        where TSource : struct, IRawSource
    {
        int k = alpha.Length;
        if (k == 0)
        {
            return;
        }

        if (Max(alpha) < 0.1)
        {
            // Sums of alpha from the right: the second parameter of each stick's beta.
            Span<double> tailSums = k <= 256 ? stackalloc double[k] : new double[k];
            double sum = 0.0;
            for (int j = k - 1; j >= 0; j--)
            {
                sum += alpha[j];
                tailSums[j] = sum;
            }

            for (int i = 0; i < destination.Length; i += k)
            {
                double acc = 1.0;
                for (int j = 0; j < k - 1; j++)
                {
                    double v = Beta.Sample(ref source, alpha[j], tailSums[j + 1]);
                    destination[i + j] = acc * v;
                    acc *= 1.0 - v;
                }

                destination[i + k - 1] = acc;
            }

            return;
        }

        Gamma[] gammas = Gammas(alpha);
        for (int i = 0; i < destination.Length; i += k)
        {
            Span<double> row = destination.Slice(i, k);
            double acc = 0.0;
            for (int j = 0; j < k; j++)
            {
                row[j] = gammas[j].Sample(ref source);
                acc += row[j];
            }

            Normalise(row, acc);
        }
    }

    /// <summary>Fills each row of <paramref name="destination"/> as <c>RandomState.dirichlet</c>.</summary>
    public static void FillLegacy<TSource>(ref TSource source, ref PolarGaussian gauss, ReadOnlySpan<double> alpha, Span<double> destination)
        where TSource : struct, IRawSource
    {
        int k = alpha.Length;
        Gamma[] gammas = Gammas(alpha);
        for (int i = 0; k > 0 && i < destination.Length; i += k)
        {
            Span<double> row = destination.Slice(i, k);
            double acc = 0.0;
            for (int j = 0; j < k; j++)
            {
                row[j] = gammas[j].SampleLegacy(ref source, ref gauss);
                acc += row[j];
            }

            Normalise(row, acc);
        }
    }

    private static Gamma[] Gammas(ReadOnlySpan<double> alpha)
    {
        var gammas = new Gamma[alpha.Length];
        for (int j = 0; j < gammas.Length; j++)
        {
            gammas[j] = new Gamma(alpha[j]);
        }

        return gammas;
    }

    // NumPy multiplies by the reciprocal rather than dividing (the bits differ).
    private static void Normalise(Span<double> row, double acc)
    {
        double inverse = 1.0 / acc;
        for (int j = 0; j < row.Length; j++)
        {
            row[j] *= inverse;
        }
    }

    // numpy's max(): NaN as soon as any value is NaN.
    private static double Max(ReadOnlySpan<double> values)
    {
        double max = values[0];
        foreach (double v in values)
        {
            if (double.IsNaN(v))
            {
                return double.NaN;
            }

            max = v > max ? v : max;
        }

        return max;
    }
}

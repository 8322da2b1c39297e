using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Dirichlet vectors as NumPy draws them. <c>Generator</c>: when every α is below 0.1, stick-breaking over
/// <c>random_beta</c> (which cannot give 0/0), else standard gammas scaled by the reciprocal of their sum;
/// <c>RandomState</c>: always the normalised legacy gammas.
/// </summary>
internal static class Dirichlet
{
    /// <summary>
    /// Fills the rows of <paramref name="destination"/> (length a multiple of α's) as <c>Generator.dirichlet</c>, through
    /// the engine's own source: the draws of each row come first (one gamma or beta per entry, in order), then each row
    /// is normalised or stick-broken with NumPy's operations in NumPy's order, so the values are NumPy's.
    /// </summary>
    public static void Fill(BitGenerator engine, double[] alpha, Span<double> destination)
    {
        int k = alpha.Length;
        if (k == 0)
        {
            return;
        }

        if (Max(alpha) < 0.1)
        {
            var sticks = new StickSampler(alpha);
            engine.FillSampled(destination, ref sticks);
            for (int i = 0; i < destination.Length; i += k)
            {
                Span<double> row = destination.Slice(i, k);
                double acc = 1.0;
                for (int j = 0; j < k - 1; j++)
                {
                    double v = row[j];
                    row[j] = acc * v;
                    acc *= 1.0 - v;
                }

                row[k - 1] = acc;
            }

            return;
        }

        var gammas = new GammaCycle(Gammas(alpha));
        BufferedSampler<GammaCycle, double>.Fill(engine, destination, ref gammas);
        for (int i = 0; i < destination.Length; i += k)
        {
            Span<double> row = destination.Slice(i, k);
            double acc = 0.0;
            foreach (double g in row)
            {
                acc += g;
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

    // One standard gamma per entry, cycling through α: every α is positive, so every entry draws.
    private struct GammaCycle(Gamma[] gammas) : ISampler<double>
    {
        private int _j;

        public readonly bool DrawsWords => true;

        public double Sample<TSource>(ref TSource source)
            where TSource : struct, IRawSource
        {
            double value = gammas[_j].Sample(ref source);
            _j = _j + 1 == gammas.Length ? 0 : _j + 1;
            return value;
        }
    }

    // The stick-breaking betas of each row, the last entry drawing nothing (the rest of the stick, set afterwards).
    private struct StickSampler : ISampler<double>
    {
        private readonly double[] _alpha;
        private readonly double[] _tailSums;
        private int _j;

        public StickSampler(double[] alpha)
        {
            _alpha = alpha;
            _tailSums = new double[alpha.Length];
            double sum = 0.0;
            for (int j = alpha.Length - 1; j >= 0; j--)
            {
                sum += alpha[j];
                _tailSums[j] = sum;
            }
        }

        public double Sample<TSource>(ref TSource source)
            where TSource : struct, IRawSource
        {
            int j = _j;
            _j = j + 1 == _alpha.Length ? 0 : j + 1;
            return j + 1 < _alpha.Length ? Beta.Sample(ref source, _alpha[j], _tailSums[j + 1]) : 0.0;
        }
    }
}

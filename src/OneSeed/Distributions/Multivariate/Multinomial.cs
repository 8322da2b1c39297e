using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Multinomial counts as NumPy draws them (<c>random_multinomial</c>, shared by <c>Generator</c> and
/// <c>RandomState</c>): a binomial for each category but the last, conditioned on what is left, with
/// <c>Generator</c>'s binomial (0 without a draw for n = 0 or p = 0) in both; the last category takes the rest.
/// </summary>
internal static class Multinomial
{
    /// <summary>
    /// Fills the rows of <paramref name="counts"/> (length a multiple of <paramref name="pvals"/>'s), row after row, through
    /// the engine's own source: for each category but the last a binomial of the trials left, conditioned on the
    /// probability left, until no trials are left; the last category takes the rest.
    /// </summary>
    public static void Fill(BitGenerator engine, long n, double[] pvals, Span<long> counts)
    {
        if (pvals.Length == 0)
        {
            return;
        }

        var rows = new RowSampler(n, pvals);
        engine.FillSampled(counts, ref rows);
    }

    /// <summary>NumPy's <c>kahan_sum</c> of <paramref name="values"/> (0 for none), which its checks of <c>pvals</c> and of <c>choice</c>'s <c>p</c> use.</summary>
    public static double KahanSum(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return 0.0;
        }

        double sum = values[0];
        double c = 0.0;
        for (int i = 1; i < values.Length; i++)
        {
            double y = values[i] - c;
            double t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }

        return sum;
    }

    // NumPy's random_multinomial one entry at a time: the binomials while trials are left, zeros after, the rest in the last entry.
    private struct RowSampler(long trials, double[] pvals) : ISampler<long>
    {
        // Entry j's binomial has the same p in every row (pvals[j] over the same running remainder) and one of at most
        // trials + 1 values of n, so its samplers are kept by n: NumPy sets each binomial up again (an exp, a log and a
        // square root) and divides at every step of its inversion search; a kept sampler has its steps tabulated.
        private const long MaxKeptSamplers = 1 << 16;

        private readonly long _n = trials;
        private readonly BinomialSampler?[]?[]? _kept = trials < MaxKeptSamplers / Math.Max(1, pvals.Length - 1) ? new BinomialSampler?[]?[pvals.Length] : null;
        private int _j;
        private long _left = trials;
        private double _remaining = 1.0;
        private bool _done;

        public long Sample<TSource>(ref TSource source)
            where TSource : struct, IRawSource
        {
            int j = _j;
            long value;
            if (j == pvals.Length - 1)
            {
                value = !_done && _left > 0 ? _left : 0;
                (_j, _left, _remaining, _done) = (0, _n, 1.0, false);
                return value;
            }

            _j = j + 1;
            if (_done)
            {
                return 0;
            }

            value = Binomial(j).Sample(ref source);
            _left -= value;
            if (_left <= 0)
            {
                _done = true;
            }
            else
            {
                _remaining -= pvals[j];
            }

            return value;
        }

        private readonly BinomialSampler Binomial(int j)
        {
            if (_kept is null)
            {
                return new BinomialSampler(_left, pvals[j] / _remaining, legacy: false);
            }

            BinomialSampler?[] byN = _kept[j] ??= new BinomialSampler?[_n + 1];
            return byN[_left] ??= new BinomialSampler(_left, pvals[j] / _remaining, legacy: false, tabulate: true);
        }
    }
}

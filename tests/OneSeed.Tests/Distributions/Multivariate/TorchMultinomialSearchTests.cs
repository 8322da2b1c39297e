using OneSeed.Distributions;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Distributions.Multivariate;

/// <summary>
/// The branch-free lockstep search of torch.multinomial with replacement against torch's own bisection written
/// plainly (double comparisons, branches), on cumulative arrays made to be hard: runs of equal values (zero weights),
/// -0, NaN and +∞ entries (an overflowed total: unsorted keys, searched in torch's own probe order), uniforms equal to entries, 0, and lengths around the eight lanes.
/// </summary>
public class TorchMultinomialSearchTests
{
    private static long Bisect(double[] cumulative, double u)
    {
        int left = 0, right = cumulative.Length;
        while (right - left > 0)
        {
            int mid = left + ((right - left) / 2);
            if (cumulative[mid] < u)
            {
                left = mid + 1;
            }
            else
            {
                right = mid;
            }
        }

        return left;
    }

    [Fact]
    public void SearchAll_equals_torchs_bisection()
    {
        var seeds = new LiveSeeds();
        for (int trial = 0; trial < 2000; trial++)
        {
            int n = seeds.Pick(new[] { 1, 2, 3, 7, 8, 9, seeds.Int(1, 5000) });
            var cumulative = new double[n];
            double sum = 0;
            for (int j = 0; j < n; j++)
            {
                sum += seeds.Int(0, 3) == 0 ? 0 : seeds.Double();
                cumulative[j] = sum;
            }

            for (int j = 0; j < n; j++)
            {
                cumulative[j] = sum > 0 ? cumulative[j] / sum : cumulative[j];
            }

            switch (seeds.Int(0, 4))
            {
                case 0: cumulative[0] = -0.0; break;
                case 1: Array.Fill(cumulative, double.NaN, seeds.Int(0, n), 1); break;
                case 2: cumulative[^1] = double.PositiveInfinity; break;
                default: cumulative[^1] = 1.0; break;
            }

            int m = seeds.Int(0, 40);
            var uniforms = new double[m];
            for (int i = 0; i < m; i++)
            {
                uniforms[i] = seeds.Int(0, 4) switch { 0 => cumulative[seeds.Int(0, n)] is var c && double.IsFinite(c) ? Math.Abs(c) : 0.5, 1 => 0.0, _ => seeds.Double() };
            }

            long[] keys = cumulative.Select(TorchMultinomial.OrderKey).ToArray();
            long[] uniformKeys = uniforms.Select(TorchMultinomial.OrderKey).ToArray();
            var found = new long[m];
            bool sorted = keys.Zip(keys.Skip(1)).All(pair => pair.First <= pair.Second);
            TorchMultinomial.SearchAll(keys, uniformKeys, found, sorted);
            for (int i = 0; i < m; i++)
            {
                Assert.True(Bisect(cumulative, uniforms[i]) == found[i], $"n {n}, u {uniforms[i]:R}: bisection {Bisect(cumulative, uniforms[i])}, SearchAll {found[i]} {seeds.Replay}");
            }
        }
    }
}

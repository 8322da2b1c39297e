using OneSeed.Distributions;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Distributions.Multivariate;

/// <summary>
/// topk for multinomial without replacement: the candidate shortcut (taken where the answer cannot depend on tie
/// breaking) against torch's algorithms on every key, on keys made to tie (few distinct values, repeated maxima,
/// zeros) or to hold NaN, and on plain random keys where the shortcut applies.
/// </summary>
public class TorchMultinomialSelectTests
{
    [Fact]
    public void SelectLargest_equals_torchs_topk_on_every_key()
    {
        var seeds = new LiveSeeds();
        for (int trial = 0; trial < 600; trial++)
        {
            int n = seeds.Pick(new[] { 256, 300, 1000, seeds.Int(256, 5000) });
            int k = seeds.Int(2, Math.Min(n, (n / 64) + 200));
            int distinct = seeds.Pick(new[] { 3, 50, 5000, int.MaxValue });
            var keys = new float[n];
            for (int j = 0; j < n; j++)
            {
                keys[j] = distinct == int.MaxValue ? (float)seeds.Double() : seeds.Int(0, distinct) / (float)distinct;
            }

            if (seeds.Int(0, 10) == 0)
            {
                keys[seeds.Int(0, n)] = float.NaN;
            }

            var scratch = new TopKEntry<float>[n];
            long[] fast = new long[k], exact = new long[k];
            TorchMultinomial.SelectLargest<float>(keys, scratch, fast);
            TorchMultinomial.SelectLargestAsTorch<float>(keys, scratch, exact);
            Assert.True(exact.AsSpan().SequenceEqual(fast), $"n {n}, k {k}, {distinct} distinct values {seeds.Replay}");
        }
    }
}

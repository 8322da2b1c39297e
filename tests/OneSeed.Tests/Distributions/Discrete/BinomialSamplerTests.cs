using OneSeed.Distributions;
using OneSeed.Engines;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Distributions;

/// <summary>
/// The tabulated inversion search (a sampler that serves many values, as the multinomial keeps per category and trial
/// count) against NumPy's search, which divides at every step: the same values and the same draws,
/// for fresh (n, p) in the inversion regime (and the degenerate p = 0 and 1) every run.
/// </summary>
public sealed class BinomialSamplerTests
{
    [Fact]
    public void Tabulated_inversion_draws_what_the_dividing_search_draws()
    {
        var seeds = new LiveSeeds();
        for (int c = 0; c < 300; c++)
        {
            long n = seeds.Int(0, 4) == 0 ? seeds.Int(1, 20) : seeds.Int(1, 3000);
            double p = seeds.Int(0, 5) == 0 ? seeds.Pick(new[] { 0.0, 1.0, 0.5, 1e-9 }) : Math.Min(30.0 / n, 1.0) * seeds.Double();
            p = seeds.Bool() ? p : 1 - p;
            bool legacy = seeds.Bool();
            var dividing = new BinomialSampler(n, p, legacy);
            var tabulated = new BinomialSampler(n, p, legacy, tabulate: true);
            ulong seed = (ulong)seeds.Int64(0, long.MaxValue);
            var first = new Pcg64(seed);
            var second = new Pcg64(seed);
            var a = new VirtualSource(first);
            var b = new VirtualSource(second);
            for (int i = 0; i < 200; i++)
            {
                long expected = dividing.Sample(ref a), actual = tabulated.Sample(ref b);
                Assert.True(expected == actual, $"binomial({n}, {p:R}, legacy {legacy}) value {i}: {expected} vs {actual} {seeds.Replay}");
            }

            Assert.Equal(first.NextUInt64(), second.NextUInt64());
        }
    }
}

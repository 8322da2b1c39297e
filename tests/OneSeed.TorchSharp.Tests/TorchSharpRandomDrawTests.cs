using System.Text.Json.Nodes;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.TorchSharp.Tests;

/// <summary>
/// TorchSharpRandom.ManualSeed + TorchSharp's draws (libtorch 2.10) against live PyTorch 1.13 on this machine,
/// fresh seeds every run; the findings are the table in docs/torchsharp.md.
/// </summary>
public class TorchSharpRandomDrawTests
{
    /// <summary>Draws that libtorch 2.10 produces bit for bit as torch 1.13 does.</summary>
    [Theory]
    [InlineData("rand_float32", 200)]
    [InlineData("rand_float64", 200)]
    [InlineData("randn_small_float32", 300)]
    [InlineData("randn_large", 200)]
    [InlineData("randint_small", 300)]
    [InlineData("randint_large", 300)]
    [InlineData("randperm_small", 300)]
    [InlineData("randperm_large", 30)]
    [InlineData("bernoulli_tensor", 200)]
    [InlineData("bernoulli_scalar", 200)]
    [InlineData("normal_", 200)]
    [InlineData("uniform_", 200)]
    [InlineData("random_", 300)]
    public void Draw_equals_torch_1_13_bit_for_bit(string family, int count)
    {
        var (cases, results, seeds) = TorchDraws.Ask(family, count);
        for (int i = 0; i < cases.Count; i++)
        {
            JsonAssert.Equal(TorchDraws.FromJson(results[i]), TorchDraws.DrawSeeded(cases[i]), $"{family} case {cases[i].ToJsonString()} {seeds.Replay}");
        }
    }

    /// <summary>
    /// The scalar float64 normal path (fewer than 16 values): libtorch 2.10 and torch 1.13 agree to within a few
    /// units in the last place of the standard normal (the stream is consumed identically; the Box-Muller arithmetic
    /// rounds differently). The bound is on the scale of mean + std * z, since mean + std * z can cancel.
    /// </summary>
    [Theory]
    [InlineData("randn_small_float64", 300)]
    [InlineData("normal_small_float64", 300)]
    public void Scalar_float64_normals_agree_with_torch_1_13_to_a_few_ulps(string family, int count)
    {
        var (cases, results, seeds) = TorchDraws.Ask(family, count);
        for (int i = 0; i < cases.Count; i++)
        {
            double[] expected = TorchDraws.FromJson(results[i]).Select(BitConverter.Int64BitsToDouble).ToArray();
            double[] actual = TorchDraws.DrawSeeded(cases[i]).Select(BitConverter.Int64BitsToDouble).ToArray();
            double mean = cases[i]["mean"] is { } m ? TorchDraws.D(m) : 0, std = cases[i]["std"] is { } s ? TorchDraws.D(s) : 1;
            Assert.Equal(expected.Length, actual.Length);
            for (int j = 0; j < expected.Length; j++)
            {
                double scale = Math.Abs(mean) + std * (1 + Math.Abs(expected[j] - mean) / std);
                double allowed = Math.ScaleB(scale, -50);
                Assert.True(Math.Abs(expected[j] - actual[j]) <= allowed, $"{family} case {cases[i].ToJsonString()} index {j}: {expected[j]:R} vs {actual[j]:R} {seeds.Replay}");
            }
        }
    }

    /// <summary>
    /// randint with 2^28 &lt;= high - low &lt; 2^32: libtorch 2.10 takes 64 random bits per value where torch 1.13 takes
    /// 32, so the values differ from torch 1.13 (documented); they are still in range and reproducible from the seed.
    /// </summary>
    [Fact]
    public void Randint_in_the_2_28_to_2_32_band_is_in_range_and_reproducible_but_not_torch_1_13s()
    {
        var (cases, results, seeds) = TorchDraws.Ask("randint_mid", 100);
        int differing = 0;
        foreach (var (c, i) in cases.Select((c, i) => (c, i)))
        {
            long low = TorchDraws.L(c["low"]), high = TorchDraws.L(c["high"]);
            long[] first = TorchDraws.DrawSeeded(c);
            Assert.All(first, v => Assert.InRange(v, low, high - 1));
            Assert.Equal(first, TorchDraws.DrawSeeded(c));
            if (!first.SequenceEqual(TorchDraws.FromJson(results[i])))
            {
                differing++;
            }
        }

        // If this starts failing, libtorch changed again: update docs/torchsharp.md and move the band to the exact test.
        Assert.True(differing > cases.Count / 2, $"only {differing} of {cases.Count} randint_mid cases differ from torch 1.13 {seeds.Replay}");
    }
}

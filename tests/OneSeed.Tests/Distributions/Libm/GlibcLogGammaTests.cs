using OneSeed.Distributions;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Distributions;

/// <summary>
/// <see cref="GlibcLogGamma.Lgamma"/> against the running glibc's own <c>lgamma</c> through P/Invoke, bit for bit, on
/// millions of arguments in every branch of <c>e_lgamma_r.c</c> for x ≥ 0, and on every integer argument torch's
/// Poisson sampler passes up to 2^22.
/// </summary>
/// <remarks>On a C library other than glibc there is nothing to compare with, and the tests return at once.</remarks>
public sealed class GlibcLogGammaTests
{
    private readonly LiveSeeds _seeds = new();

    [Fact]
    public void ConstantsHaveTheBitsGlibcsCommentsGive()
    {
        ReadOnlySpan<ulong> bits = GlibcLogGamma.ConstantBits;
        ReadOnlySpan<double> values = GlibcLogGamma.Constants;
        Assert.Equal(bits.Length, values.Length);
        for (int i = 0; i < bits.Length; i++)
        {
            Assert.True(bits[i] == BitConverter.DoubleToUInt64Bits(values[i]), $"constant {i}: 0x{BitConverter.DoubleToUInt64Bits(values[i]):X16}, glibc says 0x{bits[i]:X16}");
        }
    }

    [Fact]
    public void MatchesGlibcOnEveryIntegerTorchsPoissonPasses()
    {
        if (!GlibcLibm.IsAvailable)
        {
            return;
        }

        // torch's PTRS computes lgamma(k + 1) for counts k >= 0.
        for (int k = 0; k < 1 << 22; k++)
        {
            AssertSameBits(k + 1.0);
        }

        for (int i = 0; i < 200_000; i++)
        {
            AssertSameBits(Math.Floor(Math.Pow(2, 22 + (_seeds.Double() * 41))) + 1);
        }
    }

    [Fact]
    public void MatchesGlibcInEveryBranch()
    {
        if (!GlibcLibm.IsAvailable)
        {
            return;
        }

        double[] edges =
        [
            0.0, 1.0, 2.0, 3.0, 7.0, 8.0, 0.9, 0.5, 1.5, 2.5, 1.46163214496836224576, double.Epsilon, double.MaxValue,
            double.PositiveInfinity, double.NaN, Math.Pow(2, -70), Math.Pow(2, 58), Math.Pow(2, 52),
        ];
        foreach (double x in edges)
        {
            foreach (double y in (double[])[x, Math.BitIncrement(x), Math.BitDecrement(x)])
            {
                if (!(y < 0))
                {
                    AssertSameBits(y);
                }
            }
        }

        // The high words where e_lgamma_r.c switches polynomial, and their neighbours.
        foreach (uint high in (uint[])[0x3b900000, 0x3feccccc, 0x3FE76944, 0x3FCDA661, 0x3FFBB4C3, 0x3FF3B4C4, 0x40000000, 0x40200000, 0x43900000])
        {
            for (int d = -2; d <= 2; d++)
            {
                ulong word = (ulong)(high + d) << 32;
                foreach (ulong low in (ulong[])[0, 1, 0xFFFFFFFF, _seeds.UInt32()])
                {
                    AssertSameBits(BitConverter.UInt64BitsToDouble(word | low));
                }
            }
        }

        // Uniform over each branch's range, then uniform over every binade of the positive doubles.
        (double From, double To)[] ranges = [(0, 2e-21), (2e-21, 0.23), (0.23, 0.73), (0.73, 0.9), (0.9, 1.23), (1.23, 1.73), (1.73, 2), (2, 8), (8, 1e6), (1e6, 2.9e17), (2.9e17, 1e300)];
        foreach ((double from, double to) in ranges)
        {
            for (int i = 0; i < 400_000; i++)
            {
                AssertSameBits(from + ((to - from) * _seeds.Double()));
            }
        }

        for (int i = 0; i < 2_000_000; i++)
        {
            AssertSameBits(BitConverter.UInt64BitsToDouble(((ulong)_seeds.UInt32() << 32 | _seeds.UInt32()) & 0x7FFFFFFFFFFFFFFF));
        }
    }

    private void AssertSameBits(double x)
    {
        double expected = GlibcLibm.Lgamma(x);
        double actual = GlibcLogGamma.Lgamma(x);
        if (BitConverter.DoubleToInt64Bits(expected) != BitConverter.DoubleToInt64Bits(actual))
        {
            Assert.Fail($"lgamma({x:R} = 0x{BitConverter.DoubleToUInt64Bits(x):X16}): glibc {expected:R} (0x{BitConverter.DoubleToUInt64Bits(expected):X16}), OneSeed {actual:R} (0x{BitConverter.DoubleToUInt64Bits(actual):X16}) {_seeds.Replay}");
        }
    }
}

using System.Runtime.Intrinsics;
using OneSeed.Distributions;
using OneSeed.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OneSeed.Tests.Distributions;

/// <summary>
/// <see cref="FdlibmVectorMath.Expm1"/> against <see cref="FdlibmMath.Expm1"/> (itself checked against glibc) on
/// millions of fresh random inputs every run: every branch of the scalar function (|x| below 2^-54, below ln2 / 2,
/// k = ±1, k from -56 to 1023, below -56 ln2), the arguments NumPy's Pareto and power pass, and the special values.
/// </summary>
public sealed class FdlibmVectorMathTests(ITestOutputHelper output)
{
    private const int Samples = 1 << 22;

    private readonly LiveSeeds _seeds = new();

    [Fact]
    public void Every_claimed_lane_is_the_scalar_functions_bits()
    {
        if (!FdlibmVectorMath.IsSupported)
        {
            output.WriteLine("No AVX2+FMA here: callers use FdlibmMath.Expm1 per value.");
            return;
        }

        var random = new Random(_seeds.Int(0, int.MaxValue));
        Span<double> xs = stackalloc double[4];
        int flagged = 0;
        for (int n = 0; n < Samples; n += 4)
        {
            for (int k = 0; k < 4; k++)
            {
                xs[k] = Draw(random);
            }

            Vector256<double> expm1 = FdlibmVectorMath.Expm1(Vector256.Create<double>(xs), out Vector256<double> inDomain);
            for (int k = 0; k < 4; k++)
            {
                double expected = FdlibmMath.Expm1(xs[k]);
                bool claimed = inDomain.AsInt64()[k] != 0;
                flagged += claimed ? 0 : 1;
                Assert.True(
                    !claimed || BitConverter.DoubleToInt64Bits(expm1[k]) == BitConverter.DoubleToInt64Bits(expected),
                    $"expm1({xs[k]:R} [{BitConverter.DoubleToInt64Bits(xs[k]):X16}]): {expm1[k]:R}, scalar {expected:R} {_seeds.Replay}");
            }
        }

        output.WriteLine($"{flagged} of {Samples} lanes flagged to the scalar function");
    }

    [Fact]
    public void Out_of_range_lanes_are_flagged()
    {
        if (!FdlibmVectorMath.IsSupported)
        {
            return;
        }

        FdlibmVectorMath.Expm1(Vector256.Create(double.NaN, double.PositiveInfinity, double.NegativeInfinity, 710.0), out Vector256<double> inDomain);
        Assert.Equal(0xFu, GlibcExactLogSinCos.UncertainLanes(inDomain));
        FdlibmVectorMath.Expm1(Vector256.Create(-0.0, 709.0, -700.0, 1e-300), out inDomain);
        Assert.Equal(0u, GlibcExactLogSinCos.UncertainLanes(inDomain));
    }

    private static double Draw(Random random)
    {
        double sign = random.Next(2) == 0 ? 1.0 : -1.0;
        double e = -Math.Log(1.0 - random.NextDouble());
        return random.Next(8) switch
        {
            // Any magnitude up to 2^10, by its bits: every binade, so every branch on the high word.
            0 or 1 => sign * BitConverter.Int64BitsToDouble(random.NextInt64(0, 0x4090000000000000)),
            // Around the branch points: 2^-54, ln2 / 2, 1.5 ln2, 56 ln2, ln(DBL_MAX), and k's rounding points.
            2 => sign * BitConverter.Int64BitsToDouble(random.Next(5) switch
            {
                0 => 0x3C90000000000000,
                1 => 0x3FD62E42FEFA39EF,
                2 => 0x3FF0A2B23F3BAB73,
                3 => 0x4043687A9F1AF2B1,
                _ => 0x40862E42FEFA39EF,
            } + random.NextInt64(-(1L << 34), 1L << 34)),
            3 => (random.Next(-1100, 1100) + 0.5) * Math.Log(2) * (1 + ((random.NextDouble() - 0.5) * 1e-15)),
            // NumPy's Pareto (E / a) and power (-E).
            4 or 5 => e / Math.Exp((random.NextDouble() * 9.2) - 4.6),
            6 => -e,
            _ => random.Next(6) switch
            {
                0 => 0.0,
                1 => -0.0,
                2 => double.NaN,
                3 => double.PositiveInfinity,
                4 => double.NegativeInfinity,
                _ => double.Epsilon * sign,
            },
        };
    }
}

using System.Runtime.Intrinsics;
using OneSeed.Distributions;
using OneSeed.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OneSeed.Tests.Distributions;

/// <summary>
/// <see cref="FdlibmVectorMath.Expm1"/> and <see cref="FdlibmVectorMath.Log1p"/> against <see cref="FdlibmMath"/>'s
/// (itself checked against glibc) on millions of fresh random inputs every run: every branch of the scalar functions
/// (expm1: |x| below 2^-54, below ln2 / 2, k = ±1, k from -56 to 1023, below -56 ln2; log1p: |x| below 2^-54 and 2^-29,
/// unreduced, reduced with |f| below 2^-20 or f = 0, every binade up to 2^60), the arguments NumPy's Pareto, power and
/// legacy Rayleigh pass, and the special values.
/// </summary>
public sealed class FdlibmVectorMathTests(ITestOutputHelper output)
{
    private const int Samples = 1 << 22;

    private readonly LiveSeeds _seeds = new();

    [Fact]
    public void Every_claimed_lane_is_the_scalar_functions_bits() =>
        AssertClaimedLanes("expm1", x => (FdlibmVectorMath.Expm1(x, out Vector256<double> inDomain), inDomain), FdlibmMath.Expm1, Draw);

    [Fact]
    public void Every_claimed_log1p_lane_is_the_scalar_functions_bits() =>
        AssertClaimedLanes("log1p", x => (FdlibmVectorMath.Log1p(x, out Vector256<double> inDomain), inDomain), FdlibmMath.Log1p, DrawLog1p);

    private void AssertClaimedLanes(string name, Func<Vector256<double>, (Vector256<double> Values, Vector256<double> InDomain)> vector, Func<double, double> scalar, Func<Random, double> draw)
    {
        if (!FdlibmVectorMath.IsSupported)
        {
            output.WriteLine($"No AVX2+FMA here: callers use FdlibmMath's {name} per value.");
            return;
        }

        var random = new Random(_seeds.Int(0, int.MaxValue));
        Span<double> xs = stackalloc double[4];
        int flagged = 0;
        for (int n = 0; n < Samples; n += 4)
        {
            for (int k = 0; k < 4; k++)
            {
                xs[k] = draw(random);
            }

            (Vector256<double> values, Vector256<double> inDomain) = vector(Vector256.Create<double>(xs));
            for (int k = 0; k < 4; k++)
            {
                double expected = scalar(xs[k]);
                bool claimed = inDomain.AsInt64()[k] != 0;
                flagged += claimed ? 0 : 1;
                Assert.True(
                    !claimed || BitConverter.DoubleToInt64Bits(values[k]) == BitConverter.DoubleToInt64Bits(expected),
                    $"{name}({xs[k]:R} [{BitConverter.DoubleToInt64Bits(xs[k]):X16}]): {values[k]:R}, scalar {expected:R} {_seeds.Replay}");
            }
        }

        output.WriteLine($"{name}: {flagged} of {Samples} lanes flagged to the scalar function");
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
        FdlibmVectorMath.Log1p(Vector256.Create(double.NaN, -1.0, -1.5, 9007199254740992.0), out inDomain);
        Assert.Equal(0xFu, GlibcExactLogSinCos.UncertainLanes(inDomain));
        FdlibmVectorMath.Log1p(Vector256.Create(-0.0, -0.9999999999999999, 0.5, 9007199254740990.0), out inDomain);
        Assert.Equal(0u, GlibcExactLogSinCos.UncertainLanes(inDomain));
    }

    private static double DrawLog1p(Random random)
    {
        double magnitude = random.Next(8) switch
        {
            // Any magnitude up to 2^60, by its bits: every binade, so every branch on the high word.
            0 or 1 or 2 => BitConverter.Int64BitsToDouble(random.NextInt64(0, 0x43B0000000000000)),
            // Around the branch points: 2^-54, 2^-29, 0.2929, 0.41422, 1, and u's normalisation at sqrt(2).
            3 => BitConverter.Int64BitsToDouble(random.Next(6) switch
            {
                0 => 0x3C90000000000000,
                1 => 0x3E20000000000000,
                2 => 0x3FD2BEC333018866,
                3 => 0x3FDA827999FCEF32,
                4 => 0x3FF0000000000000,
                _ => 0x3FF6A09E667F3BCD,
            } + random.NextInt64(-(1L << 34), 1L << 34)),
            // 1 + x just above and below powers of two, where |f| < 2^-20 and f = 0.
            4 => Math.ScaleB(1.0, random.Next(-60, 60)) * (1 + ((random.NextDouble() - 0.5) * Math.ScaleB(1.0, -random.Next(18, 53)))) - 1,
            // NumPy's legacy Rayleigh: -U.
            5 or 6 => -random.NextDouble(),
            _ => random.Next(5) switch
            {
                0 => 0.0,
                1 => double.NaN,
                2 => double.PositiveInfinity,
                3 => double.Epsilon,
                _ => 1.0,
            },
        };
        return random.Next(2) == 0 ? magnitude : -magnitude;
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

using System.Runtime.Intrinsics;
using OneSeed.Distributions;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Distributions;

/// <summary>
/// <see cref="GlibcLogFma"/> against glibc itself (<see cref="Math.Log(double)"/>) on fresh random inputs every run,
/// concentrated where its paths part: around 1 and the ends of the near-1 range, the subinterval boundaries, and
/// every binade. Every lane of the domain must be glibc's bits.
/// </summary>
public sealed class GlibcLogFmaTests
{
    private const int Samples = 1 << 22;

    private readonly LiveSeeds _seeds = new();

    [Fact]
    public void Every_lane_is_glibc_bits()
    {
        if (!GlibcLogFma.IsSupported)
        {
            return;
        }

        var inputs = new List<double>(Samples + 64);
        for (int k = 0; k < Samples / 4; k++)
        {
            // torch's 1 - u and the polar method's x1^2 + x2^2: (0, 1] in steps of 2^-53, and below.
            inputs.Add(1.0 - (_seeds.Int64(0, 1L << 53) * (1.0 / (1L << 53))));
            inputs.Add(_seeds.Double());
        }

        for (int k = 0; k < Samples / 4; k++)
        {
            // Around 1 (where the near-1 path takes over) and around its two ends.
            long edge = _seeds.Int(0, 3) switch { 0 => 0x3FEE000000000000, 1 => 0x3FF1090000000000, _ => 0x3FF0000000000000 };
            inputs.Add(BitConverter.Int64BitsToDouble(edge + _seeds.Int64(-(1L << 46), 1L << 46)));
        }

        for (int k = 0; k < Samples / 4; k++)
        {
            // Every positive normal binade, and the subinterval boundaries (bits 45..51 of x - OFF) within them.
            long bits = _seeds.Int64(0x0010000000000000, 0x7FF0000000000000);
            inputs.Add(BitConverter.Int64BitsToDouble(bits));
            inputs.Add(BitConverter.Int64BitsToDouble((bits & ~((1L << 45) - 1)) + _seeds.Int64(-2, 3)));
        }

        inputs.AddRange([1.0, Math.BitIncrement(1.0), Math.BitDecrement(1.0), 0.5, 2.0, 0.9375, 1.064697265625, double.MaxValue, BitConverter.Int64BitsToDouble(0x0010000000000000)]);
        inputs.RemoveAll(x => !double.IsNormal(x) || x <= 0);

        foreach (Vector256<double> x in LaneGroups.OfFour(inputs))
        {
            Vector256<double> log = GlibcLogFma.Log(x, out Vector256<double> inDomain);
            Assert.Equal(0u, GlibcExactLogSinCos.UncertainLanes(inDomain));
            for (int k = 0; k < 4; k++)
            {
                double expected = Math.Log(x[k]);
                Assert.True(
                    BitConverter.DoubleToInt64Bits(log[k]) == BitConverter.DoubleToInt64Bits(expected),
                    $"x = {x[k]:R} ({BitConverter.DoubleToInt64Bits(x[k]):X16}): {log[k]:R}, glibc {expected:R} {_seeds.Replay}");
            }
        }
    }

    [Fact]
    public void Lanes_outside_the_domain_are_flagged()
    {
        if (!GlibcLogFma.IsSupported)
        {
            return;
        }

        GlibcLogFma.Log(Vector256.Create(0.0, -1.0, double.NaN, double.PositiveInfinity), out Vector256<double> inDomain);
        Assert.Equal(0xFu, GlibcExactLogSinCos.UncertainLanes(inDomain));
        GlibcLogFma.Log(Vector256.Create(double.Epsilon, 1.0, double.MaxValue, 0.25), out inDomain);
        Assert.Equal(0x1u, GlibcExactLogSinCos.UncertainLanes(inDomain));
    }
}

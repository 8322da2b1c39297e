using System.Runtime.Intrinsics;
using OneSeed.Distributions;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Distributions;

/// <summary>
/// <see cref="GlibcSinCosFma"/> against glibc itself (<see cref="Math.SinCos(double)"/>) on fresh random angles every
/// run, concentrated where its paths part: the range boundaries, the Taylor threshold, the table's rounding
/// midpoints and the multiples of pi/2. Every lane of the domain must be glibc's bits.
/// </summary>
public sealed class GlibcSinCosFmaTests
{
    private const int Samples = 1 << 22;

    private readonly LiveSeeds _seeds = new();

    [Fact]
    public void Every_lane_is_glibc_bits()
    {
        if (!GlibcSinCosFma.IsSupported)
        {
            return;
        }

        var inputs = new List<double>(Samples + 4096);
        for (int k = 0; k < Samples / 4; k++)
        {
            // torch's angle 2 pi u, u in [0, 1) in steps of 2^-53.
            inputs.Add(2.0 * Math.PI * (_seeds.Int64(0, 1L << 53) * (1.0 / (1L << 53))));
        }

        for (int k = 0; k < Samples / 8; k++)
        {
            inputs.Add(_seeds.Double() * 8.0);
        }

        // The points where the computation changes course, approached from both sides: the range boundaries, the
        // Taylor threshold of the reduced angle (at 0.126 and around each multiple of pi/2), and the table's rounding
        // midpoints (i + 1/2) / 128 around the same places.
        var edges = new List<double> { 0.85546875, 2.426265, 0.126 };
        for (int multiple = 1; multiple <= 5; multiple++)
        {
            edges.Add((multiple * (Math.PI / 2)) - 0.126);
            edges.Add((multiple * (Math.PI / 2)) + 0.126);
        }

        for (int i = 0; i < 110; i++)
        {
            double midpoint = (i + 0.5) / 128;
            edges.Add(midpoint);
            for (int multiple = 1; multiple <= 5; multiple++)
            {
                edges.Add((multiple * (Math.PI / 2)) - midpoint);
                edges.Add((multiple * (Math.PI / 2)) + midpoint);
            }
        }

        edges.RemoveAll(x => !(x > 0 && x < 8));
        for (int k = 0; k < Samples / 2; k++)
        {
            long bits = BitConverter.DoubleToInt64Bits(edges[_seeds.Int(0, edges.Count)]);
            inputs.Add(BitConverter.Int64BitsToDouble(bits + _seeds.Int64(-(1L << 30), 1L << 30)));
        }

        for (int k = 0; k < Samples / 8; k++)
        {
            // Near the multiples of pi/2 (the reduced angle down to about 2^-54) and tiny angles (sin x = x below 2^-27).
            long bits = BitConverter.DoubleToInt64Bits(_seeds.Int(1, 6) * (Math.PI / 2));
            inputs.Add(BitConverter.Int64BitsToDouble(bits + _seeds.Int64(-(1L << 12), 1L << 12)));
            inputs.Add(Math.ScaleB(1.0 + _seeds.Double(), -_seeds.Int(20, 60)));
        }

        inputs.AddRange([0.0, double.Epsilon, 1e-300, Math.PI / 4, Math.PI / 2, Math.PI, 2 * Math.PI, Math.BitDecrement(8.0)]);
        inputs.RemoveAll(x => !(x >= 0 && x < 8));

        foreach (Vector256<double> x in LaneGroups.OfFour(inputs))
        {
            GlibcSinCosFma.SinCos(x, out Vector256<double> sin, out Vector256<double> cos, out Vector256<double> inDomain);
            Assert.Equal(0u, GlibcExactLogSinCos.UncertainLanes(inDomain));
            for (int k = 0; k < 4; k++)
            {
                (double expectedSin, double expectedCos) = Math.SinCos(x[k]);
                Assert.True(
                    BitConverter.DoubleToInt64Bits(sin[k]) == BitConverter.DoubleToInt64Bits(expectedSin)
                        && BitConverter.DoubleToInt64Bits(cos[k]) == BitConverter.DoubleToInt64Bits(expectedCos),
                    $"x = {x[k]:R} ({BitConverter.DoubleToInt64Bits(x[k]):X16}): ({sin[k]:R}, {cos[k]:R}), glibc ({expectedSin:R}, {expectedCos:R}) {_seeds.Replay}");
            }
        }
    }

    [Fact]
    public void Lanes_outside_the_domain_are_flagged()
    {
        if (!GlibcSinCosFma.IsSupported)
        {
            return;
        }

        GlibcSinCosFma.SinCos(Vector256.Create(-1.0, 8.0, double.NaN, double.PositiveInfinity), out _, out _, out Vector256<double> inDomain);
        Assert.Equal(0xFu, GlibcExactLogSinCos.UncertainLanes(inDomain));
        GlibcSinCosFma.SinCos(Vector256.Create(-0.0, Math.BitDecrement(8.0), 0.0, 3.0), out _, out _, out inDomain);
        Assert.Equal(0x1u, GlibcExactLogSinCos.UncertainLanes(inDomain));
    }
}

using System.Runtime.Intrinsics;
using OneSeed.Distributions;
using OneSeed.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OneSeed.Tests.Distributions;

/// <summary>
/// <see cref="GlibcPowFma"/> against glibc itself (<see cref="Math.Pow(double, double)"/>) on millions of fresh random
/// inputs every run, class by class: the whole range of doubles, the shapes NumPy's Weibull and power pass (x a standard
/// exponential or a uniform, y = 1/a), x near 1, y near 0, integers, huge and tiny, and the special values. Every lane
/// the function claims must be glibc's bits; the others go through <see cref="Math.Pow(double, double)"/>, so the
/// combined result is glibc's everywhere. The flagged share of each class is printed.
/// </summary>
public sealed class GlibcPowFmaTests(ITestOutputHelper output)
{
    private const int PerClass = 1 << 21;

    private readonly LiveSeeds _seeds = new();

    public static TheoryData<string> Classes => ["whole range", "Weibull shape", "power shape", "x near 1", "y near 0", "integers", "huge and tiny", "special"];

    [Theory]
    [MemberData(nameof(Classes))]
    public void Every_claimed_lane_is_glibc_bits(string inputClass)
    {
        if (!GlibcPowFma.IsSupported)
        {
            output.WriteLine("GlibcPowFma is not supported here (no AVX2+FMA, no glibc data, or its self-check failed): callers use Math.Pow.");
            return;
        }

        var random = new Random(_seeds.Int(0, int.MaxValue));
        Span<double> xs = stackalloc double[4];
        Span<double> ys = stackalloc double[4];
        int flagged = 0;
        for (int n = 0; n < PerClass; n += 4)
        {
            for (int k = 0; k < 4; k++)
            {
                (xs[k], ys[k]) = Draw(random, inputClass);
            }

            Vector256<double> x = Vector256.Create<double>(xs), y = Vector256.Create<double>(ys);
            Vector256<double> pow = GlibcPowFma.Pow(x, y, out Vector256<double> inDomain);
            for (int k = 0; k < 4; k++)
            {
                double expected = Math.Pow(xs[k], ys[k]);
                bool claimed = inDomain.AsInt64()[k] != 0;
                double combined = claimed ? pow[k] : Math.Pow(xs[k], ys[k]);
                flagged += claimed ? 0 : 1;
                Assert.True(
                    BitConverter.DoubleToInt64Bits(combined) == BitConverter.DoubleToInt64Bits(expected),
                    $"pow({xs[k]:R} [{BitConverter.DoubleToInt64Bits(xs[k]):X16}], {ys[k]:R} [{BitConverter.DoubleToInt64Bits(ys[k]):X16}]): {pow[k]:R}, glibc {expected:R} {_seeds.Replay}");
            }
        }

        output.WriteLine($"{inputClass}: {flagged} of {PerClass} lanes flagged to Math.Pow ({100.0 * flagged / PerClass:F3} %)");
        if (inputClass is "Weibull shape" or "power shape" or "integers")
        {
            // The fast path must carry these classes: flagging them wholesale would pass the comparison vacuously.
            Assert.True(flagged < PerClass / 100, $"{inputClass}: {flagged} of {PerClass} flagged {_seeds.Replay}");
        }
    }

    [Fact]
    public void Special_lanes_are_flagged()
    {
        if (!GlibcPowFma.IsSupported)
        {
            return;
        }

        GlibcPowFma.Pow(Vector256.Create(0.0, -2.0, double.NaN, double.PositiveInfinity), Vector256.Create(2.0), out Vector256<double> inDomain);
        Assert.Equal(0xFu, GlibcExactLogSinCos.UncertainLanes(inDomain));
        GlibcPowFma.Pow(Vector256.Create(2.0), Vector256.Create(double.NaN, 1e-30, 1e30, 2000.0), out inDomain);
        Assert.Equal(0xFu, GlibcExactLogSinCos.UncertainLanes(inDomain));
        GlibcPowFma.Pow(Vector256.Create(double.Epsilon, 1.0, 3.0, 0.25), Vector256.Create(0.5, 7.0, -2.5, 1e-19), out inDomain);
        Assert.Equal(0x1u, GlibcExactLogSinCos.UncertainLanes(inDomain));
    }

    [Fact]
    public void Bulk_pow_equals_Math_Pow_on_the_path_that_serves()
    {
        output.WriteLine(GlibcVectorMath.PowServes ? "path: GlibcPowFma (four lanes)" : "path: Math.Pow per value (GlibcPowFma not supported here)");
        var random = new Random(_seeds.Int(0, int.MaxValue));
        for (int trial = 0; trial < 200; trial++)
        {
            double exponent = 1.0 / Math.Exp((random.NextDouble() * 9.2) - 4.6);
            double[] values = new double[random.Next(0, 300)];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = trial % 2 == 0 ? -Math.Log(1.0 - random.NextDouble()) : random.NextDouble();
            }

            double[] expected = Array.ConvertAll(values, v => Math.Pow(v, exponent));
            GlibcVectorMath.PowInPlace(values, exponent);
            for (int i = 0; i < values.Length; i++)
            {
                Assert.True(
                    BitConverter.DoubleToInt64Bits(values[i]) == BitConverter.DoubleToInt64Bits(expected[i]),
                    $"value {i} of {values.Length}, exponent {exponent:R}: {values[i]:R}, glibc {expected[i]:R} {_seeds.Replay}");
            }
        }
    }

    private static (double X, double Y) Draw(Random random, string inputClass)
    {
        switch (inputClass)
        {
            case "whole range":
                // Any bits for x; y over the whole range half the time, else of moderate size (any sign).
                double wholeY = random.Next(2) == 0 ? Bits(random.NextInt64()) : Bits(random.NextInt64(0x3F00000000000000, 0x4080000000000000)) * Sign(random);
                return (Bits(random.NextInt64(long.MinValue, long.MaxValue)), wholeY);
            case "Weibull shape":
                return (-Math.Log(1.0 - random.NextDouble()), 1.0 / Math.Exp((random.NextDouble() * 9.2) - 4.6));
            case "power shape":
                return (-FdlibmMath.Expm1(Math.Log(1.0 - random.NextDouble())), 1.0 / Math.Exp((random.NextDouble() * 9.2) - 4.6));
            case "x near 1":
                return (Bits(0x3FF0000000000000 + random.NextInt64(-(1L << 40), 1L << 40)), Bits(random.NextInt64(0x3C00000000000000, 0x4130000000000000)) * Sign(random));
            case "y near 0":
                return (Bits(random.NextInt64(0x0010000000000000, 0x7FF0000000000000)), Bits(random.NextInt64(0x3B00000000000000, 0x3FF0000000000000)) * Sign(random));
            case "integers":
                return (random.Next(1, 1000), random.Next(-60, 61));
            case "huge and tiny":
                // x from the subnormals and the extreme binades, y pushing results toward overflow and underflow.
                long xBits = random.Next(3) switch
                {
                    0 => random.NextInt64(1, 0x0010000000000000),
                    1 => random.NextInt64(0x0010000000000000, 0x0100000000000000),
                    _ => random.NextInt64(0x7E00000000000000, 0x7FF0000000000000),
                };
                return (Bits(xBits), (random.NextDouble() * 4) * Sign(random));
            default:
                double[] specials = [0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1.0, -1.0, double.Epsilon, double.MaxValue, -3.0];
                double specialX = specials[random.Next(specials.Length)];
                double specialY = random.Next(3) switch
                {
                    0 => specials[random.Next(specials.Length)],
                    1 => random.Next(-9, 10),
                    _ => (random.NextDouble() - 0.5) * 10,
                };
                return random.Next(4) == 0 ? (-random.Next(1, 50) * random.NextDouble(), random.Next(-20, 21)) : (specialX, specialY);
        }
    }

    private static double Bits(long bits) => BitConverter.Int64BitsToDouble(bits);

    private static double Sign(Random random) => random.Next(2) == 0 ? 1.0 : -1.0;
}

using System.Runtime.Intrinsics;
using OneSeed.Distributions;
using OneSeed.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OneSeed.Tests.Distributions;

/// <summary>
/// <see cref="GlibcExpFma"/> against glibc itself (<see cref="Math.Exp(double)"/>) on millions of fresh random inputs
/// every run, class by class: the whole range of doubles, the arguments NumPy's bulk callers pass (log-normal exponents,
/// the legacy power's -E, the legacy Pareto's E / a), the rounding boundaries of the table index, the tiny range and the
/// ends of the fast range, and the special values. Every lane the function claims must be glibc's bits; the flagged
/// share of each class is printed.
/// </summary>
public sealed class GlibcExpFmaTests(ITestOutputHelper output)
{
    private const int PerClass = 1 << 21;

    private readonly LiveSeeds _seeds = new();

    public static TheoryData<string> Classes => ["whole range", "log-normal", "legacy power", "legacy Pareto", "index boundaries", "tiny and edges", "special"];

    [Theory]
    [MemberData(nameof(Classes))]
    public void Every_claimed_lane_is_glibc_bits(string inputClass)
    {
        if (!GlibcExpFma.IsSupported)
        {
            output.WriteLine("GlibcExpFma is not supported here (no AVX2+FMA, no glibc data, or its self-check failed): callers use Math.Exp.");
            return;
        }

        var random = new Random(_seeds.Int(0, int.MaxValue));
        Span<double> xs = stackalloc double[4];
        int flagged = 0;
        for (int n = 0; n < PerClass; n += 4)
        {
            for (int k = 0; k < 4; k++)
            {
                xs[k] = Draw(random, inputClass);
            }

            Vector256<double> exp = GlibcExpFma.Exp(Vector256.Create<double>(xs), out Vector256<double> inDomain);
            for (int k = 0; k < 4; k++)
            {
                double expected = Math.Exp(xs[k]);
                bool claimed = inDomain.AsInt64()[k] != 0;
                flagged += claimed ? 0 : 1;
                Assert.True(
                    !claimed || BitConverter.DoubleToInt64Bits(exp[k]) == BitConverter.DoubleToInt64Bits(expected),
                    $"exp({xs[k]:R} [{BitConverter.DoubleToInt64Bits(xs[k]):X16}]): {exp[k]:R}, glibc {expected:R} {_seeds.Replay}");
            }
        }

        output.WriteLine($"{inputClass}: {flagged} of {PerClass} lanes flagged to Math.Exp ({100.0 * flagged / PerClass:F3} %)");
        if (inputClass is not ("whole range" or "tiny and edges" or "special"))
        {
            Assert.True(flagged < PerClass / 100, $"{inputClass}: {flagged} of {PerClass} flagged {_seeds.Replay}");
        }
    }

    [Fact]
    public void Special_lanes_are_flagged()
    {
        if (!GlibcExpFma.IsSupported)
        {
            return;
        }

        GlibcExpFma.Exp(Vector256.Create(double.NaN, double.PositiveInfinity, double.NegativeInfinity, 512.0), out Vector256<double> inDomain);
        Assert.Equal(0xFu, GlibcExactLogSinCos.UncertainLanes(inDomain));
        GlibcExpFma.Exp(Vector256.Create(-800.0, 0.0, 1e-300, Math.BitDecrement(512.0)), out inDomain);
        Assert.Equal(0x1u, GlibcExactLogSinCos.UncertainLanes(inDomain));
    }

    private static double Draw(Random random, string inputClass)
    {
        double e = -Math.Log(1.0 - random.NextDouble());
        switch (inputClass)
        {
            case "whole range":
                return BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
            case "log-normal":
                // mean + sigma z with a normal z (Box-Muller), mean in (-10, 10), sigma in (0.01, 10).
                double z = Math.Sqrt(-2 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                return ((random.NextDouble() - 0.5) * 20) + (Math.Exp((random.NextDouble() * 6.9) - 4.6) * z);
            case "legacy power":
                return -e;
            case "legacy Pareto":
                return e / Math.Exp((random.NextDouble() * 9.2) - 4.6);
            case "index boundaries":
                // Half-way between two multiples of ln2 / 128, give or take a few ulps: where kd's rounding turns.
                double x = (random.Next(-65000, 65000) + 0.5) * Math.Log(2) / 128;
                return BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) + random.Next(-4, 5));
            case "tiny and edges":
                double edge = random.Next(3) switch { 0 => Math.ScaleB(1.0, -54), 1 => 512.0, _ => Math.ScaleB(1.0, -random.Next(1, 1075)) };
                double near = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(edge) + random.Next(-1000, 1001));
                return random.Next(2) == 0 ? near : -near;
            default:
                double[] specials = [0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, double.Epsilon, double.MaxValue, -double.MaxValue, 709.782712893384, -745.1332191019411];
                return specials[random.Next(specials.Length)];
        }
    }
}

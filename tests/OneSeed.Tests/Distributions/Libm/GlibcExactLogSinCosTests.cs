using System.Runtime.Intrinsics;
using OneSeed.Distributions;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Distributions;

/// <summary>
/// <see cref="GlibcExactLogSinCos"/> against glibc itself (<see cref="Math.Log(double)"/>, <see cref="Math.SinCos(double)"/>)
/// on fresh random inputs every run: every lane it certifies must be glibc's bits, every other lane must still be
/// within the certificate's margin of glibc's value (so an error in the double-double arithmetic cannot hide among
/// the uncertain lanes), and the share of certified lanes must stay near the 7/8 the margin allows.
/// </summary>
public sealed class GlibcExactLogSinCosTests
{
    private const int Samples = 1 << 20;

    private static readonly double MinNormal = BitConverter.Int64BitsToDouble(0x0010000000000000);

    private readonly LiveSeeds _seeds = new();

    [Fact]
    public void Log_certifies_only_glibc_bits()
    {
        if (!GlibcExactLogSinCos.IsSupported)
        {
            return; // the callers take Math.Log lane by lane on this machine
        }

        var inputs = new List<double>(Samples);
        for (int k = 0; k < Samples / 2; k++)
        {
            // torch's 1 - u: (0, 1] in steps of 2^-53, where the Box-Muller radius takes its logarithm.
            inputs.Add(1.0 - (_seeds.Int64(0, 1L << 53) * (1.0 / (1L << 53))));
        }

        for (int k = 0; k < Samples / 4; k++)
        {
            // Close to 1 from both sides, where log c and r would cancel without the exact subintervals.
            inputs.Add(BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(1.0) + _seeds.Int64(-(1L << 48), 1L << 48)));
        }

        for (int k = 0; k < Samples / 4; k++)
        {
            // Every positive normal binade.
            inputs.Add(BitConverter.Int64BitsToDouble(_seeds.Int64(0x0010000000000000, 0x7FF0000000000000)));
        }

        inputs.AddRange([1.0, double.Epsilon, MinNormal, double.MaxValue, 0.0, -1.0, double.NaN, double.PositiveInfinity, 0.5, 2.0]);
        int certified = Check(inputs, x => (GlibcExactLogSinCos.Log(x, out Vector256<double> certain), certain), x => Math.Log(x), x => double.IsNormal(x) && x > 0);
        Assert.True(certified > inputs.Count * 0.8, $"only {certified} of {inputs.Count} logarithms certified {_seeds.Replay}");
    }

    [Fact]
    public void SinCos_certifies_only_glibc_bits()
    {
        if (!GlibcExactLogSinCos.IsSupported)
        {
            return;
        }

        var inputs = new List<double>(Samples);
        for (int k = 0; k < Samples / 2; k++)
        {
            // torch's angle 2 pi u, u in [0, 1) in steps of 2^-53.
            inputs.Add(2.0 * Math.PI * (_seeds.Int64(0, 1L << 53) * (1.0 / (1L << 53))));
        }

        for (int k = 0; k < Samples / 4; k++)
        {
            // Near the multiples of pi/2 up to 5 pi/2, where the reduced angle is smallest and its low part matters.
            double multiple = _seeds.Int(0, 6) * (Math.PI / 2);
            inputs.Add(Math.Abs(BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(multiple) + _seeds.Int64(-(1L << 20), 1L << 20))));
        }

        for (int k = 0; k < Samples / 4; k++)
        {
            inputs.Add(_seeds.Double() * 8.0);
        }

        for (int multiple = 1; multiple <= 5; multiple++)
        {
            // The doubles nearest the multiples themselves, where the reduced angle is about 2^-54 and needs pi/2's third part.
            long bits = BitConverter.DoubleToInt64Bits(multiple * (Math.PI / 2));
            for (long offset = -64; offset <= 64; offset++)
            {
                inputs.Add(BitConverter.Int64BitsToDouble(bits + offset));
            }
        }

        inputs.AddRange([0.0, 1e-300, MinNormal, Math.PI / 4, Math.PI, 2 * Math.PI, Math.BitDecrement(8.0), 8.0, -1.0, double.NaN]);
        int sinCertified = Check(inputs, x => { GlibcExactLogSinCos.SinCos(x, out Vector256<double> sin, out _, out Vector256<double> certain); return (sin, certain); }, x => Math.SinCos(x).Sin, InSinCosDomain);
        int cosCertified = Check(inputs, x => { GlibcExactLogSinCos.SinCos(x, out _, out Vector256<double> cos, out Vector256<double> certain); return (cos, certain); }, x => Math.SinCos(x).Cos, InSinCosDomain);
        Assert.True(sinCertified > inputs.Count * 0.7, $"only {sinCertified} of {inputs.Count} sine/cosine pairs certified {_seeds.Replay}");
        Assert.Equal(sinCertified, cosCertified);
    }

    private static bool InSinCosDomain(double x) => x >= 0 && x < 8;

    /// <summary>
    /// Runs the inputs four at a time; returns how many lanes were certified. Certified lanes must equal glibc's
    /// bits; the others, in the domain, one ulp at most from glibc's (ours is the nearest double to a value within
    /// 0.015 ulp of the truth, glibc's within 0.52 ulp); lanes outside the domain are never certified.
    /// </summary>
    private int Check(List<double> inputs, Func<Vector256<double>, (Vector256<double> Value, Vector256<double> Certain)> vector, Func<double, double> glibc, Func<double, bool> inDomain)
    {
        int certified = 0;
        Span<double> lanes = stackalloc double[4];
        for (int start = 0; start < inputs.Count; start += 4)
        {
            for (int k = 0; k < 4; k++)
            {
                lanes[k] = inputs[Math.Min(start + k, inputs.Count - 1)];
            }

            (Vector256<double> value, Vector256<double> certain) = vector(Vector256.Create<double>(lanes));
            for (int k = 0; k < 4 && start + k < inputs.Count; k++)
            {
                double x = lanes[k];
                double expected = glibc(x);
                bool isCertain = BitConverter.DoubleToInt64Bits(certain[k]) == -1;
                if (isCertain)
                {
                    certified++;
                    Assert.True(
                        BitConverter.DoubleToInt64Bits(value[k]) == BitConverter.DoubleToInt64Bits(expected),
                        $"x = {x:R} ({BitConverter.DoubleToInt64Bits(x):X16}): certified {value[k]:R}, glibc {expected:R} {_seeds.Replay}");
                }
                else if (inDomain(x) && expected != 0)
                {
                    double ulp = Math.Max(Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected), Math.Abs(expected) - Math.BitDecrement(Math.Abs(expected)));
                    Assert.True(
                        Math.Abs(value[k] - expected) <= ulp,
                        $"x = {x:R}: uncertain lane {value[k]:R} is more than an ulp from glibc's {expected:R} {_seeds.Replay}");
                }
                else
                {
                    Assert.False(isCertain && !inDomain(x), $"x = {x:R} is outside the domain but certified {_seeds.Replay}");
                }
            }
        }

        return certified;
    }
}


using OneSeed.Distributions;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Distributions;

/// <summary>
/// <see cref="FdlibmErf.Erf"/> and <see cref="FdlibmErf.ErfF"/> against the running glibc's own <c>erf</c> and
/// <c>erff</c> (what CPython's <c>math.erf</c> and torch's float32 <c>erfinv</c> call), through P/Invoke, bit for bit:
/// <c>erff</c> on every float from 2^-28 to 6 in magnitude (its polynomial branches; torch's erfinv passes it values
/// below 4) and a fresh 1/61 of the tiny ones (all with ONESEED_SLOW_TESTS=1), <c>erf</c> on millions of arguments
/// spread over every branch.
/// </summary>
/// <remarks>On a C library other than glibc there is nothing to compare with, and the tests return at once.</remarks>
public sealed class FdlibmErfTests
{
    private readonly LiveSeeds _seeds = new();

    [Fact]
    public void Constants_are_glibcs_bits()
    {
        ReadOnlySpan<ulong> bits = FdlibmErf.ConstantBits;
        ReadOnlySpan<double> values = FdlibmErf.Constants;
        Assert.Equal(bits.Length, values.Length);
        for (int i = 0; i < bits.Length; i++)
        {
            Assert.Equal(bits[i], BitConverter.DoubleToUInt64Bits(values[i]));
        }

        ReadOnlySpan<uint> bitsF = FdlibmErf.ConstantBitsF;
        ReadOnlySpan<float> valuesF = FdlibmErf.ConstantsF;
        Assert.Equal(bitsF.Length, valuesF.Length);
        for (int i = 0; i < bitsF.Length; i++)
        {
            Assert.Equal(bitsF[i], BitConverter.SingleToUInt32Bits(valuesF[i]));
        }
    }

    [Fact]
    public void ErfF_matches_glibc_on_every_float_below_6_in_magnitude()
    {
        if (!GlibcLibm.IsAvailable)
        {
            return;
        }

        // Both signs of every bit pattern from 2^-28 (0x31800000) to 6.0f (0x40c00000), where erff evaluates its
        // polynomials and exponentials: 5e8 arguments, in blocks over the cores. Below 2^-28 erff is x + efx * x (or its
        // scaled form below 2^-119): every 61st pattern from a fresh offset, or all of them with ONESEED_SLOW_TESTS=1.
        const uint TinyEnd = 0x31800000;
        const uint End = 0x40c00000;
        const int BlockBits = 22;
        bool slow = Environment.GetEnvironmentVariable("ONESEED_SLOW_TESTS") == "1";
        uint tinyStep = slow ? 1u : 61u;
        uint tinyOffset = slow ? 0u : (uint)_seeds.Int(0, 61);
        int blocks = (int)((End + (1u << BlockBits) - 1) >> BlockBits);
        string? failure = null;
        Parallel.For(0, 2 * blocks, (block, state) =>
        {
            uint sign = block < blocks ? 0 : 0x80000000u;
            uint start = (uint)(block % blocks) << BlockBits;
            uint end = Math.Min(End, start + (1u << BlockBits));
            for (uint b = start; b < end; b += b < TinyEnd ? tinyStep : 1)
            {
                uint pattern = (b < TinyEnd ? Math.Min(b + tinyOffset, TinyEnd - 1) : b) | sign;
                float x = BitConverter.UInt32BitsToSingle(pattern);
                if (BitConverter.SingleToUInt32Bits(FdlibmErf.ErfF(x)) != BitConverter.SingleToUInt32Bits(GlibcLibm.ErfF(x)))
                {
                    failure ??= Describe(x, GlibcLibm.ErfF(x), FdlibmErf.ErfF(x));
                    state.Stop();
                    return;
                }
            }
        });
        Assert.True(failure is null, $"{failure} {_seeds.Replay}");

        // The edges of the tiny branches, exactly.
        foreach (uint edge in new uint[] { 0, 0x04000000, TinyEnd })
        {
            for (uint b = Math.Max(edge, 1024) - 1024; b < edge + 1024; b++)
            {
                float x = BitConverter.UInt32BitsToSingle(b);
                AssertSame(x, GlibcLibm.ErfF(x), FdlibmErf.ErfF(x));
                AssertSame(-x, GlibcLibm.ErfF(-x), FdlibmErf.ErfF(-x));
            }
        }
    }

    [Fact]
    public void ErfF_matches_glibc_on_large_and_special_arguments()
    {
        if (!GlibcLibm.IsAvailable)
        {
            return;
        }

        float[] special = [float.PositiveInfinity, float.NegativeInfinity, float.NaN, -float.NaN, BitConverter.UInt32BitsToSingle(0x7fc12345), float.MaxValue, float.MinValue, 6.0f, -6.0f, 1e30f];
        foreach (float x in special)
        {
            AssertSame(x, GlibcLibm.ErfF(x), FdlibmErf.ErfF(x));
        }

        // Everything from 6 up, with both signs (the constant branch), at random.
        for (int i = 0; i < 1_000_000; i++)
        {
            uint b = (uint)_seeds.Int64(0x40c00000, 0x80000000L) | (_seeds.Bool() ? 0x80000000u : 0);
            float x = BitConverter.UInt32BitsToSingle(b);
            AssertSame(x, GlibcLibm.ErfF(x), FdlibmErf.ErfF(x));
        }
    }

    [Fact]
    public void Erf_matches_glibc_in_every_branch()
    {
        if (!GlibcLibm.IsAvailable)
        {
            return;
        }

        double[] special =
        [
            0.0, -0.0, double.Epsilon, -double.Epsilon, double.PositiveInfinity, double.NegativeInfinity, double.NaN, -double.NaN,
            double.MaxValue, double.MinValue, 0.84375, -0.84375, 1.25, -1.25, 6.0, -6.0, 1 / 0.35, -1 / 0.35, Math.Pow(2, -28), 2.2250738585072014e-308,
        ];
        foreach (double x in special)
        {
            AssertSame(x, GlibcLibm.Erf(x), FdlibmErf.Erf(x));
        }

        // The branches by the high word of |x|: below 2^-1015 (scaled), below 2^-28, below 0.84375, below 1.25, below
        // 1/0.35, below 6, and from 6 on; in each, random bit patterns (every binade) and uniform values, both signs.
        (long Low, long High)[] branches =
        [
            (0, 0x0080000000000000), (0x0080000000000000, 0x3e30000000000000), (0x3e30000000000000, 0x3feb000000000000),
            (0x3feb000000000000, 0x3ff4000000000000), (0x3ff4000000000000, 0x4006DB6E00000000), (0x4006DB6E00000000, 0x4018000000000000),
            (0x4018000000000000, 0x7ff0000000000000),
        ];
        foreach ((long low, long high) in branches)
        {
            double lowValue = BitConverter.Int64BitsToDouble(low);
            double highValue = BitConverter.Int64BitsToDouble(high);
            for (int i = 0; i < 600_000; i++)
            {
                double x = i % 2 == 0
                    ? BitConverter.Int64BitsToDouble(_seeds.Int64(low, high))
                    : lowValue + ((highValue - lowValue) * _seeds.Double());
                x = _seeds.Bool() ? -x : x;
                AssertSame(x, GlibcLibm.Erf(x), FdlibmErf.Erf(x));
            }

            // Both sides of the branch's lower edge.
            for (long k = -64; k < 64; k++)
            {
                double x = BitConverter.Int64BitsToDouble(Math.Max(0, low + k));
                AssertSame(x, GlibcLibm.Erf(x), FdlibmErf.Erf(x));
                AssertSame(-x, GlibcLibm.Erf(-x), FdlibmErf.Erf(-x));
            }
        }

        // The arguments trunc_normal_ passes: (bound - mean) / std / sqrt(2) for everyday bounds and deviations.
        for (int i = 0; i < 1_000_000; i++)
        {
            double x = ((_seeds.Double() * 8) - 4) / (Math.Pow(10, (_seeds.Double() * 4) - 2) * Math.Sqrt(2.0));
            AssertSame(x, GlibcLibm.Erf(x), FdlibmErf.Erf(x));
        }
    }

    private void AssertSame(double x, double glibc, double ours)
    {
        if (BitConverter.DoubleToUInt64Bits(glibc) != BitConverter.DoubleToUInt64Bits(ours))
        {
            Assert.Fail($"erf({x:R}) (0x{BitConverter.DoubleToUInt64Bits(x):x16}): glibc {glibc:R} (0x{BitConverter.DoubleToUInt64Bits(glibc):x16}), ours {ours:R} (0x{BitConverter.DoubleToUInt64Bits(ours):x16}) {_seeds.Replay}");
        }
    }

    private void AssertSame(float x, float glibc, float ours)
    {
        if (BitConverter.SingleToUInt32Bits(glibc) != BitConverter.SingleToUInt32Bits(ours))
        {
            Assert.Fail(Describe(x, glibc, ours) + " " + _seeds.Replay);
        }
    }

    private static string Describe(float x, float glibc, float ours) =>
        $"erff({x:R}) (0x{BitConverter.SingleToUInt32Bits(x):x8}): glibc {glibc:R} (0x{BitConverter.SingleToUInt32Bits(glibc):x8}), ours {ours:R} (0x{BitConverter.SingleToUInt32Bits(ours):x8})";
}

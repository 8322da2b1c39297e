using System.Runtime.InteropServices;
using OneSeed.Distributions;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Distributions;

/// <summary>
/// <see cref="FdlibmMathF.Log1pF"/> against the running glibc's own <c>log1pf</c> (what NumPy's <c>npy_log1pf</c>
/// calls), and the single-precision <see cref="MathF"/> functions NumPy's float32 samplers rely on against glibc's
/// <c>expf</c>, <c>logf</c>, <c>powf</c> and <c>sqrtf</c>, through P/Invoke, bit for bit.
/// </summary>
/// <remarks>On a C library other than glibc there is nothing to compare with, and the tests return at once.</remarks>
public sealed class FdlibmMathFTests
{
    private readonly LiveSeeds _seeds = new();

    [Fact]
    public void Log1pF_matches_glibc_for_every_argument_numpy_passes()
    {
        if (GlibcVersion.Current is null)
        {
            return;
        }

        // NumPy's float tails call log1pf(-U) with U = k * 2^-24 for a 24-bit k: all 2^24 of them.
        for (int k = 0; k < 1 << 24; k++)
        {
            float x = -(k * (1.0f / 16777216.0f));
            AssertSameBits(x, Libm.log1pf(x), FdlibmMathF.Log1pF(x));
        }
    }

    [Fact]
    public void Log1pF_matches_glibc_on_random_and_edge_arguments()
    {
        if (GlibcVersion.Current is null)
        {
            return;
        }

        float[] edges =
        [
            0.0f, -0.0f, -1.0f, 1.0f, -0.5f, 0.41421f, 0.41422f, -0.2929f, -0.29289f, float.Epsilon, -float.Epsilon,
            float.MaxValue, float.MinValue, float.PositiveInfinity, float.NegativeInfinity, float.NaN, 1e-10f, -1e-10f,
            BitConverter.Int32BitsToSingle(0x31000000), BitConverter.Int32BitsToSingle(0x24800000), BitConverter.Int32BitsToSingle(0x3ed413d6),
            BitConverter.Int32BitsToSingle(0x3ed413d7), BitConverter.Int32BitsToSingle(unchecked((int)0xbe95f61f)), BitConverter.Int32BitsToSingle(unchecked((int)0xbe95f620)),
            BitConverter.Int32BitsToSingle(0x5a000000), BitConverter.Int32BitsToSingle(0x59ffffff), BitConverter.Int32BitsToSingle(0x7fc00001), BitConverter.Int32BitsToSingle(unchecked((int)0xffc00001)),
        ];
        foreach (float x in edges)
        {
            AssertSameBits(x, Libm.log1pf(x), FdlibmMathF.Log1pF(x));
        }

        // Every bit pattern is equally likely: all binades, both signs, subnormals, infinities and NaNs.
        for (int i = 0; i < 4_000_000; i++)
        {
            float x = BitConverter.UInt32BitsToSingle(_seeds.UInt32());
            AssertSameBits(x, Libm.log1pf(x), FdlibmMathF.Log1pF(x));
        }
    }

    [Fact]
    public void Log1pF_constants_are_glibcs_bits()
    {
        ReadOnlySpan<uint> bits = FdlibmMathF.ConstantBits;
        ReadOnlySpan<float> values = FdlibmMathF.Constants;
        Assert.Equal(bits.Length, values.Length);
        for (int i = 0; i < bits.Length; i++)
        {
            Assert.Equal(bits[i], BitConverter.SingleToUInt32Bits(values[i]));
        }
    }

    [Fact]
    public void MathF_exp_log_pow_sqrt_are_glibcs()
    {
        if (GlibcVersion.Current is null)
        {
            return;
        }

        for (int i = 0; i < 1_000_000; i++)
        {
            // Any bit pattern, then the arguments NumPy's float samplers pass: expf(-x) of a ziggurat x, logf of a
            // float uniform and of V near 1, powf of a uniform to 1 / shape, sqrtf(9 b).
            float any = BitConverter.UInt32BitsToSingle(_seeds.UInt32());
            float other = BitConverter.UInt32BitsToSingle(_seeds.UInt32());
            float u = (_seeds.UInt32() >> 8) * (1.0f / 16777216.0f);
            float x = (float)(_seeds.Double() * 8);
            float shape = (float)(_seeds.Int(0, 2) == 0 ? _seeds.Double() : _seeds.Double() * 1000);
            float v = 1.0f + (float)((_seeds.Double() - 0.5) * 0.5);

            AssertSameBits(any, Libm.expf(any), MathF.Exp(any));
            AssertSameBits(-x, Libm.expf(-x), MathF.Exp(-x));
            AssertSameBits(any, Libm.logf(any), MathF.Log(any));
            AssertSameBits(u, Libm.logf(u), MathF.Log(u));
            AssertSameBits(v, Libm.logf(v), MathF.Log(v));
            AssertSameBits(any, Libm.powf(any, other), MathF.Pow(any, other));
            AssertSameBits(u, Libm.powf(u, 1.0f / shape), MathF.Pow(u, 1.0f / shape));
            AssertSameBits(any, Libm.sqrtf(any), MathF.Sqrt(any));
            AssertSameBits(shape, Libm.sqrtf(9.0f * shape), MathF.Sqrt(9.0f * shape));
        }
    }

    private void AssertSameBits(float x, float glibc, float ours)
    {
        if (BitConverter.SingleToUInt32Bits(glibc) != BitConverter.SingleToUInt32Bits(ours))
        {
            Assert.Fail($"x = {x:R} (0x{BitConverter.SingleToUInt32Bits(x):x8}): glibc {glibc:R} (0x{BitConverter.SingleToUInt32Bits(glibc):x8}), ours {ours:R} (0x{BitConverter.SingleToUInt32Bits(ours):x8}) {_seeds.Replay}");
        }
    }

    private static class Libm
    {
        [DllImport("libm.so.6")]
        public static extern float log1pf(float x);

        [DllImport("libm.so.6")]
        public static extern float expf(float x);

        [DllImport("libm.so.6")]
        public static extern float logf(float x);

        [DllImport("libm.so.6")]
        public static extern float powf(float x, float y);

        [DllImport("libm.so.6")]
        public static extern float sqrtf(float x);
    }
}

using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using OneSeed.Distributions;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Distributions;

/// <summary>
/// <see cref="TorchErfinv"/> against torch 1.13's own <c>torch.erfinv</c> (live, through a file: millions of values per
/// run), in float32 and float64: random bit patterns in [−1, 1] (every binade), the values trunc_normal_'s uniform_
/// produces, and every value next to the branch points (0, ±0.7, ±1).
/// </summary>
public sealed class TorchErfinvTests
{
    private readonly LiveSeeds _seeds = new();

    [Fact]
    public void Float32_coefficients_are_the_constants_in_torchs_binary()
    {
        // Read from Debian's libtorch_cpu.so 1.13.1 (the AVX2 kernel's constant pool): a0..a3, b0..b3, c0..c3, d0, d1,
        // the central range and 2/sqrt(pi), as float32.
        uint[] expected = [0x3f62dfc4, 0xbfd29ad1, 0x3f6a24db, 0xbe0fea97, 0xc0079380, 0x3fb8aabd, 0xbea87f78, 0x3c485f81,
            0xbffc4480, 0xbfcffcf0, 0x405b7e0a, 0x3fd2179a, 0x4062cf15, 0x3fd18b70, 0x3f333333, 0x3f906eba];
        double[] source = [0.886226899, -1.645349621, 0.914624893, -0.140543331, -2.118377725, 1.442710462, -0.329097515, 0.012229801,
            -1.970840454, -1.624906493, 3.429567803, 1.641345311, 3.543889200, 1.637067800, 0.7];
        for (int i = 0; i < source.Length; i++)
        {
            Assert.Equal(expected[i], BitConverter.SingleToUInt32Bits((float)source[i]));
        }

        Assert.Equal(expected[^1], BitConverter.SingleToUInt32Bits(2.0f / (float)Math.Sqrt(Math.PI)));
    }

    [Fact]
    public void Special_values()
    {
        Assert.Equal(float.PositiveInfinity, TorchErfinv.Erfinv(1.0f));
        Assert.Equal(float.NegativeInfinity, TorchErfinv.Erfinv(-1.0f));
        Assert.True(float.IsNaN(TorchErfinv.Erfinv(1.0000001f)));
        Assert.Equal(0.0f, TorchErfinv.Erfinv(0.0f));
        Assert.Equal(double.NegativeInfinity, TorchErfinv.Erfinv(-1.0));
        Assert.True(double.IsNaN(TorchErfinv.Erfinv(-1.0000000000000002)));
    }

    [Fact]
    public void Float32_matches_torch()
    {
        var values = new List<float>();
        for (int i = 0; i < 1_500_000; i++)
        {
            // Any bit pattern of magnitude at most 1 (0x3f800000), either sign.
            uint bits = (uint)_seeds.Int64(0, 0x3f800001) | (_seeds.Bool() ? 0x80000000u : 0);
            values.Add(BitConverter.UInt32BitsToSingle(bits));
        }

        for (int i = 0; i < 1_500_000; i++)
        {
            // What trunc_normal_'s uniform_(2l - 1, 2u - 1) gives: fma(k * 2^-24, to - from, from).
            float from = (float)((_seeds.Double() * 2) - 1);
            float to = from + ((1 - from) * (float)_seeds.Double());
            float u = (_seeds.UInt32() >> 8) * (1.0f / 16777216.0f);
            values.Add(MathF.FusedMultiplyAdd(u, to - from, from));
        }

        foreach (float edge in new[] { 0.0f, 0.7f, 1.0f })
        {
            uint center = BitConverter.SingleToUInt32Bits(edge);
            for (uint b = Math.Max(center, 20000) - 20000; b <= Math.Min(center + 20000, 0x3f800000); b++)
            {
                values.Add(BitConverter.UInt32BitsToSingle(b));
                values.Add(-BitConverter.UInt32BitsToSingle(b));
            }
        }

        float[] input = [.. values];
        float[] expected = MemoryMarshal.Cast<byte, float>(TorchErfinvOf(MemoryMarshal.AsBytes(input.AsSpan()), "float32")).ToArray();
        Assert.Equal(input.Length, expected.Length);
        for (int i = 0; i < input.Length; i++)
        {
            float ours = TorchErfinv.Erfinv(input[i]);
            if (BitConverter.SingleToUInt32Bits(ours) != BitConverter.SingleToUInt32Bits(expected[i]))
            {
                Assert.Fail($"erfinv({input[i]:R}) (0x{BitConverter.SingleToUInt32Bits(input[i]):x8}): torch {expected[i]:R} (0x{BitConverter.SingleToUInt32Bits(expected[i]):x8}), ours {ours:R} (0x{BitConverter.SingleToUInt32Bits(ours):x8}) {_seeds.Replay}");
            }
        }

        float[] inPlace = [.. input];
        TorchErfinv.ErfinvInPlace(inPlace);
        Assert.Equal(MemoryMarshal.Cast<float, uint>(expected).ToArray(), MemoryMarshal.Cast<float, uint>(inPlace).ToArray());
    }

    [Fact]
    public void Float64_matches_torch()
    {
        var values = new List<double>();
        for (int i = 0; i < 600_000; i++)
        {
            ulong bits = (ulong)_seeds.Int64(0, 0x3ff0000000000001) | (_seeds.Bool() ? 0x8000000000000000 : 0);
            values.Add(BitConverter.UInt64BitsToDouble(bits));
        }

        for (int i = 0; i < 600_000; i++)
        {
            double from = (_seeds.Double() * 2) - 1;
            double to = from + ((1 - from) * _seeds.Double());
            double u = (_seeds.Int64(0, 1L << 53) * (1.0 / 9007199254740992.0));
            values.Add(Math.FusedMultiplyAdd(u, to - from, from));
        }

        foreach (double edge in new[] { 0.0, 0.7, 1.0 })
        {
            long center = BitConverter.DoubleToInt64Bits(edge);
            for (long b = Math.Max(center, 5000) - 5000; b <= Math.Min(center + 5000, 0x3ff0000000000000); b++)
            {
                values.Add(BitConverter.Int64BitsToDouble(b));
                values.Add(-BitConverter.Int64BitsToDouble(b));
            }
        }

        double[] input = [.. values];
        double[] expected = MemoryMarshal.Cast<byte, double>(TorchErfinvOf(MemoryMarshal.AsBytes(input.AsSpan()), "float64")).ToArray();
        Assert.Equal(input.Length, expected.Length);
        for (int i = 0; i < input.Length; i++)
        {
            double ours = TorchErfinv.Erfinv(input[i]);
            if (BitConverter.DoubleToUInt64Bits(ours) != BitConverter.DoubleToUInt64Bits(expected[i]))
            {
                Assert.Fail($"erfinv({input[i]:R}) (0x{BitConverter.DoubleToUInt64Bits(input[i]):x16}): torch {expected[i]:R} (0x{BitConverter.DoubleToUInt64Bits(expected[i]):x16}), ours {ours:R} (0x{BitConverter.DoubleToUInt64Bits(ours):x16}) {_seeds.Replay}");
            }
        }
    }

    private static byte[] TorchErfinvOf(ReadOnlySpan<byte> input, string dtype)
    {
        string inPath = Path.Combine(Path.GetTempPath(), $"oneseed-erfinv-{Guid.NewGuid():N}.in");
        string outPath = Path.ChangeExtension(inPath, ".out");
        try
        {
            File.WriteAllBytes(inPath, input.ToArray());
            var request = new JsonObject
            {
                ["op"] = "erfinv_file",
                ["cases"] = new JsonArray(new JsonObject { ["dtype"] = dtype, ["in_path"] = inPath, ["out_path"] = outPath }),
            };
            PythonOracle.Run("torch_init.py", request);
            return File.ReadAllBytes(outPath);
        }
        finally
        {
            File.Delete(inPath);
            File.Delete(outPath);
        }
    }
}

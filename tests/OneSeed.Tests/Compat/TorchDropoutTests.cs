using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Distributions;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Compat;

/// <summary>
/// <see cref="TorchGenerator.Dropout(ReadOnlySpan{float}, double)"/> and its float64 and span forms against torch
/// 1.13's <c>F.dropout(x, p, training=True)</c> after <c>torch.manual_seed(s)</c>, live: p of 0, tiny, small, ½, near 1
/// and 1, lengths on both sides of 16 and of the draw chunk, inputs with negatives, zeros, infinities and NaNs; the
/// values by their bits and the generator's state afterwards.
/// </summary>
public sealed class TorchDropoutTests
{
    [Fact]
    public void Live_dropout_matches_torch()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        int[] lengths = [0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 33, 100, 1023, 1024, 1025, 3001];
        for (int k = 0; k < 320; k++)
        {
            double p = (k % 8) switch
            {
                0 => 0,
                1 => 1,
                2 => 0.5,
                3 => seeds.Double() * 0.1,
                4 => 1 - (seeds.Double() * 1e-3),
                5 => Math.Pow(10, -seeds.Int(5, 300)),
                6 => 1 - Math.Pow(2, -seeds.Int(20, 54)),
                _ => seeds.Double(),
            };
            string dtype = seeds.Bool() ? "float32" : "float64";
            int n = k % 3 == 0 ? seeds.Pick(lengths) : seeds.Int(0, 2500);
            cases.Add(new JsonObject { ["seed"] = TorchInitTests.RandomSeed(seeds), ["dtype"] = dtype, ["p"] = TorchInitTests.Bits(p), ["input"] = RandomInput(seeds, dtype, n) });
        }

        TorchInitTests.Compare(seeds, "dropout", cases);
    }

    [Fact]
    public void Refused_probabilities_are_refused_by_torch_too_and_leave_the_generator_unchanged()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        foreach (double p in new[] { -0.1, 1.5, double.NaN, double.PositiveInfinity, -double.Epsilon, 1.0000000000000002 })
        {
            cases.Add(new JsonObject { ["seed"] = 3, ["dtype"] = "float32", ["p"] = TorchInitTests.Bits(p), ["input"] = RandomInput(seeds, "float32", 20) });
            cases.Add(new JsonObject { ["seed"] = 3, ["dtype"] = "float64", ["p"] = TorchInitTests.Bits(p), ["input"] = RandomInput(seeds, "float64", 5) });
        }

        TorchInitTests.Compare(seeds, "dropout", cases);
    }

    [Fact]
    public void In_place_and_span_forms_give_the_allocating_values_and_state()
    {
        var seeds = new LiveSeeds();
        foreach (int n in new[] { 0, 1, 7, 8, 9, 1023, 1024, 1025, 5000 })
        {
            foreach (double p in new[] { 0.0, 0.3, 1.0 })
            {
                ulong seed = seeds.UInt32();
                float[] x = new float[n];
                double[] xd = new double[n];
                for (int i = 0; i < n; i++)
                {
                    x[i] = (float)(seeds.Double() - 0.5);
                    xd[i] = seeds.Double() - 0.5;
                }

                var a = new TorchGenerator(seed);
                var b = new TorchGenerator(seed);
                float[] expected = a.Dropout(x, p);
                double[] expectedDouble = a.Dropout(xd, p);

                float[] inPlace = (float[])x.Clone();
                b.Dropout(inPlace, p, inPlace);
                double[] into = new double[n];
                b.Dropout(xd, p, into);
                Assert.Equal(expected, inPlace);
                Assert.Equal(expectedDouble, into);
                Assert.Equal(a.GetState(), b.GetState());
            }
        }
    }

    [Fact]
    public void Vector_and_scalar_kernels_agree()
    {
        var seeds = new LiveSeeds();
        const int N = 4099;
        ulong[] draws = new ulong[N];
        float[] x = new float[N];
        double[] xd = new double[N];
        for (int i = 0; i < N; i++)
        {
            draws[i] = ((ulong)seeds.UInt32() << 32) | seeds.UInt32();
            x[i] = BitConverter.UInt32BitsToSingle(seeds.UInt32());
            xd[i] = BitConverter.UInt64BitsToDouble(draws[(i * 7) % (i + 1)] * 3);
        }

        foreach (double keep in new[] { 1.0, 0.5, 1e-3, 0.999999, 1 - Math.Pow(2, -53), seeds.Double() })
        {
            ulong threshold = TorchDropoutKernel.Threshold(keep);
            float scale = 1.0f / (float)keep;
            float[] vector = new float[N], scalar = new float[N];
            TorchDropoutKernel.Apply(draws, threshold, x, vector, scale);
            TorchDropoutKernel.ApplyScalar(draws, threshold, x, scalar, scale);
            Assert.Equal(scalar.Select(BitConverter.SingleToUInt32Bits), vector.Select(BitConverter.SingleToUInt32Bits));
            double[] vectorDouble = new double[N], scalarDouble = new double[N];
            TorchDropoutKernel.Apply(draws, threshold, xd, vectorDouble, 1 / keep);
            TorchDropoutKernel.ApplyScalar(draws, threshold, xd, scalarDouble, 1 / keep);
            Assert.Equal(scalarDouble.Select(BitConverter.DoubleToUInt64Bits), vectorDouble.Select(BitConverter.DoubleToUInt64Bits));

            // The integer threshold is the double comparison torch makes: u = k 2^-53 < keep.
            for (int i = 0; i < N; i++)
            {
                ulong k = draws[i] & ((1UL << 53) - 1);
                Assert.Equal(k * (1.0 / 9007199254740992.0) < keep, k < threshold);
            }
        }
    }

    [Fact]
    public void Bad_buffers_are_refused_and_leave_the_generator_unchanged()
    {
        var g = new TorchGenerator(11);
        byte[] before = g.GetState();
        float[] data = new float[10];
        Assert.Throws<ArgumentException>(() => g.Dropout(data.AsSpan(0, 5), 0.5, data.AsSpan(1, 5)));
        Assert.Throws<ArgumentException>(() => g.Dropout(data.AsSpan(0, 5), 0.5, new float[4]));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Dropout(new double[3], -1, new double[3]));
        Assert.Equal(before, g.GetState());
    }

    private static JsonArray RandomInput(LiveSeeds seeds, string dtype, int n)
    {
        var input = new JsonArray();
        for (int i = 0; i < n; i++)
        {
            double v = seeds.Int(0, 50) switch
            {
                0 => double.PositiveInfinity,
                1 => double.NegativeInfinity,
                2 => double.NaN,
                3 => 0.0,
                4 => -0.0,
                _ => (seeds.Double() - 0.5) * Math.Pow(10, seeds.Int(-5, 5)),
            };
            input.Add(dtype == "float32" ? BitConverter.SingleToUInt32Bits((float)v) : BitConverter.DoubleToUInt64Bits(v));
        }

        return input;
    }
}

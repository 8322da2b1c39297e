using System.Text.Json.Nodes;
using OneSeed.Distributions;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Distributions;

public sealed class FdlibmMathTests
{
    [Fact]
    public void Log1p_matches_python_math_log1p_bit_for_bit()
    {
        var seeds = new LiveSeeds();
        var xs = new List<double>
        {
            0.0, -0.0, -1.0, -1.0 + 1e-16, -0.5, -0.2929, -0.29289321881345254, 0.41421356237309503, 0.41422, 1.0, 2.0, 1e-30, -1e-30,
            Math.Pow(2, -29), -Math.Pow(2, -29), Math.Pow(2, -54), Math.Pow(2, -20), 1e300, double.MaxValue, double.Epsilon,
            double.PositiveInfinity, 9007199254740992.0, 4503599627370496.0, -1.0 + Math.Pow(2, -53),
        };
        for (int i = 0; i < 20000; i++)
        {
            xs.Add(seeds.Int(0, 10) switch
            {
                // What the ziggurat tails pass: -U with U a 53-bit NumPy double.
                0 or 1 or 2 => -(seeds.Int64(0, 1L << 53) * (1.0 / 9007199254740992.0)),
                3 => -1.0 + (seeds.Double() * 1e-10),
                4 => (seeds.Double() - 0.5) * Math.Pow(2, -seeds.Int(0, 60)),
                5 => seeds.Double() * Math.Pow(2, seeds.Int(0, 1000)),
                6 => -seeds.Double(),
                7 => BitConverter.UInt64BitsToDouble((ulong)seeds.Int64(0, 0x7FF0000000000000)),
                _ => seeds.Double() * 10,
            });
        }

        var request = new JsonObject { ["op"] = "log1p", ["cases"] = new JsonArray(new JsonObject { ["x"] = new JsonArray(xs.Select(x => (JsonNode)BitConverter.DoubleToUInt64Bits(x)).ToArray()) }) };
        ulong[] expected = JsonAssert.UInt64s(PythonOracle.Run("numpy_generator.py", request)["results"]![0]);
        ulong[] actual = xs.Select(x => BitConverter.DoubleToUInt64Bits(FdlibmMath.Log1p(x))).ToArray();
        for (int i = 0; i < xs.Count; i++)
        {
            Assert.True(expected[i] == actual[i], $"log1p({xs[i]:R} = 0x{BitConverter.DoubleToUInt64Bits(xs[i]):x16}): expected {BitConverter.UInt64BitsToDouble(expected[i]):R}, got {BitConverter.UInt64BitsToDouble(actual[i]):R} {seeds.Replay}");
        }
    }

    [Fact]
    public void Log1p_golden_values_match_the_c_library()
    {
        JsonNode golden = PythonOracle.LoadGolden("numpy_generator.json")["log1p"]!;
        double[] xs = JsonAssert.DoubleBits(golden["x"]);
        Assert.True(xs.Length > 300);
        JsonAssert.Equal(JsonAssert.UInt64s(golden["log1p"]), xs.Select(x => BitConverter.DoubleToUInt64Bits(FdlibmMath.Log1p(x))).ToArray(), "golden log1p");
    }

    [Fact]
    public void Log1p_special_values()
    {
        Assert.Equal(double.NegativeInfinity, FdlibmMath.Log1p(-1.0));
        Assert.True(double.IsNaN(FdlibmMath.Log1p(-1.5)));
        Assert.True(double.IsNaN(FdlibmMath.Log1p(double.NegativeInfinity)));
        Assert.True(double.IsNaN(FdlibmMath.Log1p(double.NaN)));
        Assert.Equal(double.PositiveInfinity, FdlibmMath.Log1p(double.PositiveInfinity));
        Assert.True(double.IsNegative(FdlibmMath.Log1p(-0.0)));
        Assert.Equal(Math.Log(2.0), FdlibmMath.Log1p(1.0));
    }
}

using System.Text.Json.Nodes;
using OneSeed.Distributions;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Distributions;

public sealed class FdlibmMathTests
{
    private const double Ln2 = 0.69314718055994530942;

    /// <summary>
    /// glibc 2.36's <c>expm1</c> on x86-64 with FMA (Debian 12) at arguments where its bits depend on which
    /// multiply-adds are fused: the first five differ in the last bit from fdlibm with nothing fused, and each of the
    /// others from the variant with just the named operation done the other way. Checked on every platform.
    /// </summary>
    public static TheoryData<ulong, ulong> Expm1FusionSensitiveValues => new()
    {
        { 0x3FCE194116BC3288, 0x3FD0F748F4BA30B7 }, // k = 0
        { 0xBFD827056AF04E0C, 0xBFD41E3D477A2BD0 }, // k = -1
        { 0x3FF0AECB9A715D98, 0x3FFD638266218862 }, // k = 1
        { 0x404A2787E4FE4F10, 0x44A6188272B14493 }, // k = 75
        { 0x408574B8FC5D0972, 0x7DD7455BDA4A61E5 }, // k = 991
        { 0x3FCBB62BCEB76C58, 0x3FCEF0A824076DE9 }, // R1 = 1 + hxs*Q1, fused
        { 0xBFF0EC652191D8CA, 0xBFE4E35665CA7B9A }, // R1 = 1 + hxs*Q1, fused (k = -2)
        { 0xBFD02065344AFFFE, 0xBFCC82AA44390553 }, // t = 3 - r1*hfx, fused
        { 0xBFD613A1E3EC2743, 0xBFD2ABEADBAB971D }, // 6 - x*t, fused
        { 0xBFD0A60B9890DDF8, 0xBFCD51950B3AA327 }, // x*e - hxs (k = 0), fused
        { 0xBFF1166E1E3E2559, 0xBFE50061A92A00C3 }, // x*(e - c) - c, fused
        { 0x406D12CBDBB0A598, 0x54E777FDB77E2018 }, // x*(e - c) - c, fused
        { 0x40848CC3A1FE700E, 0x7B3A2B5482D3C440 }, // c = (hi - x) - t*ln2_lo, not fused
        { 0x407D7A209B933442, 0x6A7571C8CB638BC6 }, // c = (hi - x) - t*ln2_lo, not fused
    };

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

    [Theory]
    [MemberData(nameof(Expm1FusionSensitiveValues))]
    public void Expm1_returns_glibc_bits_where_the_fused_operations_matter(ulong xBits, ulong expectedBits)
    {
        double x = BitConverter.UInt64BitsToDouble(xBits);
        ulong actual = BitConverter.DoubleToUInt64Bits(FdlibmMath.Expm1(x));
        Assert.True(actual == expectedBits, $"expm1({x:R}): expected 0x{expectedBits:X16}, got 0x{actual:X16}");
    }

    [Fact]
    public void Expm1_matches_glibc_expm1_bit_for_bit()
    {
        if (!GlibcLibm.RunsFmaVariants)
        {
            return; // glibc's unfused expm1 (or another libm) differs in the last bit; the fixed values above still check
        }

        const int Count = 1 << 23;
        var seeds = new LiveSeeds();
        var xs = new List<double>(Count + 64);
        xs.AddRange(Expm1EdgeArguments());
        while (xs.Count < Count)
        {
            xs.Add(Expm1Argument(seeds));
        }

        int mismatches = 0;
        string firstMismatches = "";
        foreach (double x in xs)
        {
            ulong expected = BitConverter.DoubleToUInt64Bits(GlibcLibm.Expm1(x));
            ulong actual = BitConverter.DoubleToUInt64Bits(FdlibmMath.Expm1(x));
            if (expected != actual && ++mismatches <= 5)
            {
                firstMismatches += $"\n  expm1({x:R} = 0x{BitConverter.DoubleToUInt64Bits(x):X16}): glibc 0x{expected:X16}, ours 0x{actual:X16}";
            }
        }

        Assert.True(mismatches == 0, $"{mismatches} of {xs.Count} arguments differ from glibc's expm1 {seeds.Replay}:{firstMismatches}");
    }

    [Fact]
    public void Expm1_special_values()
    {
        Assert.True(double.IsNaN(FdlibmMath.Expm1(double.NaN)));
        Assert.Equal(double.PositiveInfinity, FdlibmMath.Expm1(double.PositiveInfinity));
        Assert.Equal(-1.0, FdlibmMath.Expm1(double.NegativeInfinity));
        Assert.Equal(-1.0, FdlibmMath.Expm1(-40.0));
        Assert.Equal(double.PositiveInfinity, FdlibmMath.Expm1(709.8));
        Assert.True(FdlibmMath.Expm1(7.09782712893383973096e+02) is > 1.79e308 and < double.PositiveInfinity);
        Assert.True(double.IsNegative(FdlibmMath.Expm1(-0.0)));
        Assert.Equal(0.0, FdlibmMath.Expm1(0.0));
        Assert.Equal(double.Epsilon, FdlibmMath.Expm1(double.Epsilon));
        Assert.Equal(Math.E - 1.0, FdlibmMath.Expm1(1.0));
    }

    /// <summary>The ends of every branch of fdlibm's expm1, each with its neighbours, and the special values.</summary>
    private static IEnumerable<double> Expm1EdgeArguments()
    {
        // High words where the branches part: |x| < 2^-54, |x| > ln2/2, |x| < 1.5 ln2, |x| >= 56 ln2, |x| >= 709.78, inf.
        uint[] highWords = [0x3c900000, 0x3fd62e42, 0x3fd62e43, 0x3FF0A2B2, 0x4043687A, 0x40862E42, 0x7ff00000];
        foreach (uint high in highWords)
        {
            foreach (ulong sign in (ulong[])[0, 1UL << 63])
            {
                ulong bits = sign | ((ulong)high << 32);
                foreach (long delta in (long[])[-2, -1, 0, 1, 2, 0xffffffff, 0x100000000])
                {
                    yield return BitConverter.UInt64BitsToDouble((ulong)((long)bits + delta));
                }
            }
        }

        const double OverflowThreshold = 7.09782712893383973096e+02;
        for (int ulps = -3; ulps <= 3; ulps++)
        {
            yield return BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(OverflowThreshold) + ulps);
        }

        yield return double.NaN;
        yield return -double.NaN;
        yield return BitConverter.UInt64BitsToDouble(0x7ff0000000000001); // signalling NaN
        yield return double.PositiveInfinity;
        yield return double.NegativeInfinity;
        yield return 0.0;
        yield return -0.0;
        yield return double.Epsilon;
        yield return -double.Epsilon;
        yield return double.MaxValue;
        yield return double.MinValue;
        yield return -0.25 + Ln2;
        yield return -56 * Ln2;
    }

    /// <summary>An argument for expm1, from one of the ranges its branches take or NumPy's callers pass.</summary>
    private static double Expm1Argument(LiveSeeds seeds)
    {
        double sign = seeds.Bool() ? 1.0 : -1.0;
        double u = seeds.Double();
        switch (seeds.Int(0, 14))
        {
            case 0:
                // |x| < 2^-54, subnormals included: returned as they are.
                return sign * BitConverter.Int64BitsToDouble(seeds.Int64(0, 0x3c90000000000000));
            case 1:
                // 2^-54 <= |x| < ln2/2, every binade alike: no reduction (k = 0).
                return sign * BitConverter.Int64BitsToDouble(seeds.Int64(0x3c90000000000000, 0x3fd62e4300000000));
            case 2:
                // ln2/2 < |x| < 1.5 ln2: k = ±1, with both of k = 1's forms (r below and above -0.25).
                return sign * (0.34 + (u * 0.7));
            case 3:
                // Near k ln2 and near the midpoints where the rounding of k changes, for every k down to the saturation.
                return ((seeds.Int(-57, 1025) + (seeds.Bool() ? 0.0 : 0.5)) * Ln2) + ((u - 0.5) * Math.ScaleB(1.0, -seeds.Int(0, 60)));
            case 4:
                // k around the ends of its scaling branches (k = 2, 19/20, 56/57).
                return (seeds.Pick([2, 3, 19, 20, 21, 55, 56, 57]) + u - 0.5) * Ln2;
            case 5:
                // Everywhere from the saturation at -1 to the overflow.
                return -45.0 + (u * 755.0);
            case 6:
                // Every bit pattern: every sign, binade, NaN payload and infinity.
                return BitConverter.Int64BitsToDouble(seeds.Int64(long.MinValue, long.MaxValue));
            case 7:
            case 8:
                // Generator.power's -expm1(-E), E standard exponential.
                return FdlibmMath.Log1p(-Unit53(seeds));
            case 9:
            case 10:
                // Generator.pareto's expm1(E/a), a in (0, 10], and the same with -E.
                return sign * -FdlibmMath.Log1p(-Unit53(seeds)) / (10.0 * (1.0 - u));
            case 11:
            case 12:
                // Generator.logseries' -expm1(r U), r = log1p(-p), p and U uniform doubles.
                return FdlibmMath.Log1p(-Unit53(seeds)) * Unit53(seeds);
            default:
                // Small arguments as the rational function sees them.
                return sign * u * Math.ScaleB(1.0, -seeds.Int(0, 30));
        }
    }

    /// <summary>A NumPy double in [0, 1): a 53-bit integer over 2^53.</summary>
    private static double Unit53(LiveSeeds seeds) => seeds.Int64(0, 1L << 53) * (1.0 / 9007199254740992.0);
}

using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Distributions;

/// <summary>
/// The <see cref="Math"/> and <see cref="MathF"/> functions the distributions call where NumPy, CPython and PyTorch
/// call the C library's: on Linux they must return glibc's bits, over the arguments those samplers pass. If .NET ever
/// computes one of them itself instead of calling glibc, its test fails and names it.
/// </summary>
public sealed class LibmParityTests
{
    private const int Count = 1 << 21;

    // The special cases, mixed into every function's arguments: where .NET once wrapped the C library (PAL_pow).
    private static readonly double[] Specials =
    [
        double.NaN, -double.NaN, BitConverter.Int64BitsToDouble(0x7FF0000000000001), 0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, -3.0,
        double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 1e-310,
    ];

    private readonly LiveSeeds _seeds = new();

    public static TheoryData<string> Functions => new()
    {
        "Math.Pow", "Math.Log", "Math.Exp", "Math.Cos", "Math.Acos", "Math.Sqrt", "Math.Floor",
        "MathF.Log", "MathF.Exp", "MathF.Pow", "MathF.Sqrt",
    };

    [Theory]
    [MemberData(nameof(Functions))]
    public void Returns_glibc_bits(string function)
    {
        if (!GlibcLibm.IsAvailable)
        {
            return; // another C library: .NET calls that one, and nothing here is glibc
        }

        string mismatch = function switch
        {
            "Math.Pow" => Compare((x, y) => Math.Pow(x, y), GlibcLibm.Pow, () => _seeds.Int(0, 64) == 0 ? (Special(), Special()) : PowArguments()),
            "Math.Log" => Compare(x => Math.Log(x), GlibcLibm.Log, () => OrSpecial(LogArgument, nonNegative: true)),
            "Math.Exp" => Compare(x => Math.Exp(x), GlibcLibm.Exp, () => OrSpecial(() => -745.0 + (_seeds.Double() * 1454.0))),
            "Math.Cos" => Compare(x => Math.Cos(x), GlibcLibm.Cos, () => OrSpecial(() => (_seeds.Bool() ? Math.PI : 2 * Math.PI) * Unit53())),
            "Math.Acos" => Compare(x => Math.Acos(x), GlibcLibm.Acos, () => OrSpecial(() => (2 * _seeds.Double()) - 1)),
            "Math.Sqrt" => Compare(x => Math.Sqrt(x), GlibcLibm.Sqrt, () => OrSpecial(AnyDouble)),
            "Math.Floor" => Compare(x => Math.Floor(x), GlibcLibm.Floor, () => OrSpecial(() => _seeds.Bool() ? AnyDouble() : (_seeds.Double() - 0.5) * 1e7)),
            "MathF.Log" => Compare(x => MathF.Log(x), GlibcLibm.LogF, () => OrSpecialF(LogFArgument)),
            "MathF.Exp" => Compare(x => MathF.Exp(x), GlibcLibm.ExpF, () => OrSpecialF(() => -104f + (float)(_seeds.Double() * 193.0))),
            "MathF.Pow" => Compare((x, y) => MathF.Pow(x, y), GlibcLibm.PowF, () => _seeds.Int(0, 64) == 0 ? ((float)Special(), (float)Special()) : PowFArguments()),
            "MathF.Sqrt" => Compare(x => MathF.Sqrt(x), GlibcLibm.SqrtF, () => OrSpecialF(() => BitConverter.Int32BitsToSingle((int)_seeds.UInt32()))),
            _ => throw new ArgumentOutOfRangeException(nameof(function)),
        };
        Assert.True(mismatch.Length == 0, $"{function} is not glibc's: {mismatch} {_seeds.Replay}");
    }

    private static string Compare(Func<double, double> dotnet, Func<double, double> glibc, Func<double> argument)
    {
        int mismatches = 0;
        string example = "";
        for (int i = 0; i < Count; i++)
        {
            double x = argument();
            double expected = glibc(x), actual = dotnet(x);
            if (BitConverter.DoubleToInt64Bits(expected) != BitConverter.DoubleToInt64Bits(actual) && mismatches++ == 0)
            {
                example = $"f({x:R}) = {actual:R} (0x{BitConverter.DoubleToInt64Bits(actual):X16}), glibc {expected:R} (0x{BitConverter.DoubleToInt64Bits(expected):X16})";
            }
        }

        return mismatches == 0 ? "" : $"{mismatches} of {Count} arguments differ, e.g. {example}";
    }

    private static string Compare(Func<double, double, double> dotnet, Func<double, double, double> glibc, Func<(double X, double Y)> arguments)
    {
        int mismatches = 0;
        string example = "";
        for (int i = 0; i < Count; i++)
        {
            (double x, double y) = arguments();
            double expected = glibc(x, y), actual = dotnet(x, y);
            if (BitConverter.DoubleToInt64Bits(expected) != BitConverter.DoubleToInt64Bits(actual) && mismatches++ == 0)
            {
                example = $"f({x:R}, {y:R}) = {actual:R} (0x{BitConverter.DoubleToInt64Bits(actual):X16}), glibc {expected:R} (0x{BitConverter.DoubleToInt64Bits(expected):X16})";
            }
        }

        return mismatches == 0 ? "" : $"{mismatches} of {Count} arguments differ, e.g. {example}";
    }

    private static string Compare(Func<float, float> dotnet, Func<float, float> glibc, Func<float> argument)
    {
        int mismatches = 0;
        string example = "";
        for (int i = 0; i < Count; i++)
        {
            float x = argument();
            float expected = glibc(x), actual = dotnet(x);
            if (BitConverter.SingleToInt32Bits(expected) != BitConverter.SingleToInt32Bits(actual) && mismatches++ == 0)
            {
                example = $"f({x:R}) = {actual:R} (0x{BitConverter.SingleToInt32Bits(actual):X8}), glibc {expected:R} (0x{BitConverter.SingleToInt32Bits(expected):X8})";
            }
        }

        return mismatches == 0 ? "" : $"{mismatches} of {Count} arguments differ, e.g. {example}";
    }

    private static string Compare(Func<float, float, float> dotnet, Func<float, float, float> glibc, Func<(float X, float Y)> arguments)
    {
        int mismatches = 0;
        string example = "";
        for (int i = 0; i < Count; i++)
        {
            (float x, float y) = arguments();
            float expected = glibc(x, y), actual = dotnet(x, y);
            if (BitConverter.SingleToInt32Bits(expected) != BitConverter.SingleToInt32Bits(actual) && mismatches++ == 0)
            {
                example = $"f({x:R}, {y:R}) = {actual:R} (0x{BitConverter.SingleToInt32Bits(actual):X8}), glibc {expected:R} (0x{BitConverter.SingleToInt32Bits(expected):X8})";
            }
        }

        return mismatches == 0 ? "" : $"{mismatches} of {Count} arguments differ, e.g. {example}";
    }

    private (double X, double Y) PowArguments() => _seeds.Int(0, 4) switch
    {
        // gamma (shape < 1) and beta: pow(U, 1/shape), U in [0, 1), shape in (0, 1).
        0 => (Unit53(), 1.0 / (1.0 - Unit53())),

        // Weibull and power: pow(E, 1/a) and pow(V, 1/a), a in (0, 10].
        1 => (_seeds.Bool() ? -Math.Log(1.0 - Unit53()) : Unit53(), 1.0 / (10.0 * (1.0 - Unit53()))),

        // Any positive base over every binade, exponents from small to large; a negative base with an integer exponent.
        2 => (BitConverter.Int64BitsToDouble(_seeds.Int64(1, 0x7FF0000000000000)), (_seeds.Double() - 0.5) * Math.ScaleB(1.0, _seeds.Int(-20, 11))),
        _ => (-_seeds.Double() * 100, _seeds.Int(-400, 400)),
    };

    private (float X, float Y) PowFArguments() => _seeds.Int(0, 3) switch
    {
        0 => ((float)Unit53(), 1f / (1f - (float)Unit53())),
        1 => (BitConverter.Int32BitsToSingle(_seeds.Int(1, 0x7F800000)), (float)((_seeds.Double() - 0.5) * Math.ScaleB(1.0, _seeds.Int(-20, 8)))),
        _ => ((float)(-_seeds.Double() * 100), _seeds.Int(-60, 60)),
    };

    // (0, 1e300]: every binade, and U in (0, 1] as -log(U) and log(1 - U) see it.
    private double LogArgument() => _seeds.Bool()
        ? BitConverter.Int64BitsToDouble(_seeds.Int64(1, BitConverter.DoubleToInt64Bits(1e300) + 1))
        : 1.0 - Unit53();

    private float LogFArgument() => _seeds.Bool() ? BitConverter.Int32BitsToSingle(_seeds.Int(1, 0x7F800000)) : 1f - (float)Unit53();

    private double Special() => _seeds.Pick(Specials);

    // Math.Log of a negative number returns NaN with the sign bit clear, glibc's log the default NaN (sign set): a
    // known difference of NaN bits only, outside every sampler's arguments, so log is not asked about negatives.
    private double OrSpecial(Func<double> argument, bool nonNegative = false)
    {
        if (_seeds.Int(0, 64) != 0)
        {
            return argument();
        }

        double special = Special();
        return nonNegative && special < 0 ? -special : special;
    }

    private float OrSpecialF(Func<float> argument) => _seeds.Int(0, 64) == 0 ? (float)Special() : argument();

    private double AnyDouble() => BitConverter.Int64BitsToDouble(_seeds.Int64(long.MinValue, long.MaxValue));

    private double Unit53() => _seeds.Int64(0, 1L << 53) * (1.0 / 9007199254740992.0);
}

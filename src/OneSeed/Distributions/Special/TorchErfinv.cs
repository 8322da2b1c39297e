namespace OneSeed.Distributions;

/// <summary>
/// torch's inverse error function, <c>torch.erfinv</c> / <c>Tensor.erfinv_</c> on the CPU: <c>calc_erfinv</c> of
/// <c>aten/src/ATen/native/Math.h</c> (a rational first guess and two Newton steps), exactly as torch 1.13's AVX2
/// kernel computes it, in float32 and float64.
/// </summary>
/// <remarks>
/// <para>
/// Not a textbook erfinv: Pavlis's rational approximation (central range |y| ≤ 0.7, tail through
/// √(−log((1 − |y|)/2))), then <c>x -= (erf(x) − y) / (2/√π · exp(−x²))</c> twice, in the tensor's precision, with the
/// C library's <c>erf</c>/<c>exp</c>/<c>log</c> (for float32 <c>erff</c>, <c>expf</c>, <c>logf</c>).
/// </para>
/// <para>
/// torch builds this kernel with <c>-mavx2 -mfma</c> and GCC's default <c>-ffp-contract=fast</c>, and without MKL
/// its vectorised <c>erfinv</c> maps <c>calc_erfinv</c> over the lanes one by one. Read from the disassembly of
/// Debian's <c>libtorch_cpu.so</c> 1.13.1: every Horner step of both rational functions is one fused multiply-add
/// (the <c>(...)*z + 1</c> of each denominator too), <c>y * num / dem</c> is a multiply then a divide, the division
/// by 2 of the tail is a multiply by 0.5, and the Newton steps fuse nothing. This code puts
/// <see cref="MathF.FusedMultiplyAdd"/> exactly there. torch without AVX2 (ARM, or <c>ATEN_CPU_CAPABILITY=default</c>)
/// runs its default build, which fuses nothing and can differ in the last bit.
/// </para>
/// <para>
/// Reproducibility tier: <b>stable</b> on Linux with glibc, where <see cref="MathF.Exp"/>, <see cref="MathF.Log(float)"/>,
/// <see cref="Math.Exp"/> and <see cref="Math.Log(double)"/> are glibc's; <see cref="FdlibmErf"/> supplies erf/erff everywhere.
/// </para>
/// </remarks>
public static class TorchErfinv
{
    // Pavlis's coefficients, rounded to the tensor's type as torch's T(...) does.
    private const double A0 = 0.886226899, A1 = -1.645349621, A2 = 0.914624893, A3 = -0.140543331;
    private const double B0 = -2.118377725, B1 = 1.442710462, B2 = -0.329097515, B3 = 0.012229801;
    private const double C0 = -1.970840454, C1 = -1.624906493, C2 = 3.429567803, C3 = 1.641345311;
    private const double D0 = 3.543889200, D1 = 1.637067800;
    private const double CentralRange = 0.7;

    // static_cast<T>(2.0) / static_cast<T>(std::sqrt(c10::pi<double>)), folded by the compiler in T.
    private static readonly float TwoOverSqrtPiF = 2.0f / (float)Math.Sqrt(Math.PI);
    private static readonly double TwoOverSqrtPi = 2.0 / Math.Sqrt(Math.PI);

    /// <summary>torch's float32 <c>erfinv</c> of <paramref name="y"/>: NaN outside [−1, 1], ±∞ at ±1.</summary>
    public static float Erfinv(float y)
    {
        float yAbs = Math.Abs(y);
        if (yAbs > 1.0f)
        {
            return float.NaN;
        }

        if (yAbs == 1.0f)
        {
            return float.CopySign(float.PositiveInfinity, y);
        }

        float x;
        if (yAbs <= (float)CentralRange)
        {
            float z = y * y;
            float num = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd((float)A3, z, (float)A2), z, (float)A1), z, (float)A0);
            float dem = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd((float)B3, z, (float)B2), z, (float)B1), z, (float)B0), z, 1.0f);
            x = y * num / dem;
        }
        else
        {
            float z = MathF.Sqrt(-MathF.Log((1.0f - yAbs) * 0.5f));
            float num = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd((float)C3, z, (float)C2), z, (float)C1), z, (float)C0);
            float dem = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd((float)D1, z, (float)D0), z, 1.0f);
            x = float.CopySign(num, y) / dem;
        }

        x -= (FdlibmErf.ErfF(x) - y) / (TwoOverSqrtPiF * MathF.Exp(-x * x));
        x -= (FdlibmErf.ErfF(x) - y) / (TwoOverSqrtPiF * MathF.Exp(-x * x));
        return x;
    }

    /// <summary>torch's float64 <c>erfinv</c> of <paramref name="y"/>: NaN outside [−1, 1], ±∞ at ±1.</summary>
    public static double Erfinv(double y)
    {
        double yAbs = Math.Abs(y);
        if (yAbs > 1.0)
        {
            return double.NaN;
        }

        if (yAbs == 1.0)
        {
            return double.CopySign(double.PositiveInfinity, y);
        }

        double x;
        if (yAbs <= CentralRange)
        {
            double z = y * y;
            double num = Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(A3, z, A2), z, A1), z, A0);
            double dem = Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(B3, z, B2), z, B1), z, B0), z, 1.0);
            x = y * num / dem;
        }
        else
        {
            double z = Math.Sqrt(-Math.Log((1.0 - yAbs) * 0.5));
            double num = Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(C3, z, C2), z, C1), z, C0);
            double dem = Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(D1, z, D0), z, 1.0);
            x = double.CopySign(num, y) / dem;
        }

        x -= (FdlibmErf.Erf(x) - y) / (TwoOverSqrtPi * Math.Exp(-x * x));
        x -= (FdlibmErf.Erf(x) - y) / (TwoOverSqrtPi * Math.Exp(-x * x));
        return x;
    }

    /// <summary><c>t.erfinv_()</c> on a float32 tensor: <see cref="Erfinv(float)"/> of each element, in place.</summary>
    public static void ErfinvInPlace(Span<float> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Erfinv(values[i]);
        }
    }

    /// <summary><c>t.erfinv_()</c> on a float64 tensor: <see cref="Erfinv(double)"/> of each element, in place.</summary>
    public static void ErfinvInPlace(Span<double> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Erfinv(values[i]);
        }
    }
}

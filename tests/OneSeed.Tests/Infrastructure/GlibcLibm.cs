using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace OneSeed.Tests.Infrastructure;

/// <summary>glibc's libm called directly, as the reference for the functions that must return its bits.</summary>
internal static class GlibcLibm
{
    private const string Libm = "libm.so.6";

    /// <summary>True where libm.so.6 is glibc's: Linux on x86-64 with glibc.</summary>
    public static bool IsAvailable { get; } =
        OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64 && GlibcVersion.Current is not null;

    /// <summary>
    /// True where glibc runs the builds of its fdlibm sources compiled with <c>-mfma</c> (it selects them on CPUs with
    /// FMA and AVX2), the variant <see cref="OneSeed.Distributions.FdlibmMath"/> reproduces.
    /// </summary>
    public static bool RunsFmaVariants { get; } = IsAvailable && Fma.IsSupported && Avx2.IsSupported;

    [DllImport(Libm, EntryPoint = "expm1")]
    public static extern double Expm1(double x);

    [DllImport(Libm, EntryPoint = "pow")]
    public static extern double Pow(double x, double y);

    [DllImport(Libm, EntryPoint = "log")]
    public static extern double Log(double x);

    [DllImport(Libm, EntryPoint = "exp")]
    public static extern double Exp(double x);

    [DllImport(Libm, EntryPoint = "cos")]
    public static extern double Cos(double x);

    [DllImport(Libm, EntryPoint = "acos")]
    public static extern double Acos(double x);

    [DllImport(Libm, EntryPoint = "sqrt")]
    public static extern double Sqrt(double x);

    [DllImport(Libm, EntryPoint = "floor")]
    public static extern double Floor(double x);

    [DllImport(Libm, EntryPoint = "lgamma")]
    public static extern double Lgamma(double x);

    [DllImport(Libm, EntryPoint = "logf")]
    public static extern float LogF(float x);

    [DllImport(Libm, EntryPoint = "expf")]
    public static extern float ExpF(float x);

    [DllImport(Libm, EntryPoint = "powf")]
    public static extern float PowF(float x, float y);

    [DllImport(Libm, EntryPoint = "sqrtf")]
    public static extern float SqrtF(float x);

    [DllImport(Libm, EntryPoint = "erf")]
    [SuppressGCTransition]
    public static extern double Erf(double x);

    [DllImport(Libm, EntryPoint = "erff")]
    [SuppressGCTransition]
    public static extern float ErfF(float x);
}

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using OneSeed.Distributions;

namespace OneSeed.Compat;

/// <summary>
/// torch's <c>normal_fill_16</c> for float64: Box–Muller on the pairs (j, j + 8) of each block of 16 uniforms, with
/// glibc's <c>log</c> and <c>sincos</c> (torch calls <c>std::log</c>, and its compiler merges <c>std::cos</c> and
/// <c>std::sin</c> of one angle into <c>sincos</c>, which gives the bits of both).
/// </summary>
/// <remarks>
/// Where <see cref="GlibcExactLogSinCos.IsSupported"/>, four pairs at a time through <see cref="GlibcVectorMath"/>
/// (glibc's own algorithms where this libm allows, exact in every lane; else certified in most lanes), and any lanes
/// left uncertain are recomputed with <see cref="Math.Log(double)"/> and <see cref="Math.SinCos(double)"/>, so the
/// output is the scalar path's bit for bit. Everything else (1 - u, -2 log, the square root, 2 pi u, the fused
/// scaling) is one IEEE operation either way.
/// </remarks>
internal static class TorchNormalFloat64
{
    private const double TwoPi = 2.0 * Math.PI;

    /// <summary>Transforms each whole block of 16 uniforms in <paramref name="data"/> into 16 normals.</summary>
    public static void Transform(Span<double> data, double mean, double std)
    {
        if (GlibcExactLogSinCos.IsSupported)
        {
            TransformVector(data, mean, std);
        }
        else
        {
            TransformScalar(data, mean, std);
        }
    }

    /// <summary><see cref="TransformScalar"/> four pairs at a time; the lanes the vector functions leave uncertain go through glibc.</summary>
    internal static void TransformVector(Span<double> data, double mean, double std)
    {
        Vector256<double> meanV = Vector256.Create(mean);
        Vector256<double> stdV = Vector256.Create(std);
        ref double start = ref MemoryMarshal.GetReference(data);
        for (int i = 0; i + 16 <= data.Length; i += 16)
        {
            for (int half = 0; half < 8; half += 4)
            {
                ref double lanes = ref Unsafe.Add(ref start, i + half);
                Vector256<double> u1 = Vector256.Create(1.0) - Vector256.LoadUnsafe(ref lanes);
                Vector256<double> theta = Vector256.Create(TwoPi) * Vector256.LoadUnsafe(ref lanes, 8);
                TorchBoxMuller.RadiusSinCos(u1, theta, out Vector256<double> radius, out Vector256<double> sin, out Vector256<double> cos);
                Fma.MultiplyAdd(radius * cos, stdV, meanV).StoreUnsafe(ref lanes);
                Fma.MultiplyAdd(radius * sin, stdV, meanV).StoreUnsafe(ref lanes, 8);
            }
        }
    }

    /// <summary>One pair at a time, straight through glibc: the fallback, and the reference the vector path is held to.</summary>
    internal static void TransformScalar(Span<double> data, double mean, double std)
    {
        for (int i = 0; i + 16 <= data.Length; i += 16)
        {
            Span<double> block = data.Slice(i, 16);
            for (int j = 0; j < 8; j++)
            {
                double u1 = 1 - block[j];
                double u2 = block[j + 8];
                double radius = Radius(u1);
                (double sin, double cos) = Math.SinCos(TwoPi * u2);
                block[j] = Math.FusedMultiplyAdd(radius * cos, std, mean);
                block[j + 8] = Math.FusedMultiplyAdd(radius * sin, std, mean);
            }
        }
    }

    /// <summary>The Box–Muller radius of 1 - u, through glibc's <c>log</c>.</summary>
    private static double Radius(double u1) => Math.Sqrt(-2 * Math.Log(u1));
}

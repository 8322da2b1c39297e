using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OneSeed.Distributions;

/// <summary>
/// The Box–Muller step of torch's scalar <c>at::normal_distribution&lt;double&gt;</c> (<c>core/DistributionsHelper.h</c>)
/// over many pairs at once: the two uniforms u1, u2 of one call become r cos θ (returned) and r sin θ (cached for the
/// next call), with r = sqrt(-2 log(1 - u2)) and θ = 2π u1, through glibc's <c>log</c> and <c>sincos</c>.
/// </summary>
/// <remarks>
/// Successive calls of that distribution return cos, sin, cos, sin, … of successive pairs, so a run of them is this
/// transform over the uniforms in draw order, each pair replaced in place by its (cos, sin) deviates. Where
/// <see cref="GlibcExactLogSinCos.IsSupported"/>, four pairs at a time through <see cref="GlibcVectorMath"/>, the lanes it
/// leaves uncertain recomputed with <see cref="Math"/>; the rest (1 - u, -2 log, the square root, 2π u, the products)
/// is one IEEE operation either way, so every lane has the scalar bits. Reproducibility tier: glibc's bits (see
/// docs/torch.md).
/// </remarks>
internal static class TorchBoxMuller
{
    private const double TwoPi = 2.0 * Math.PI;

    /// <summary>Replaces each pair (u1, u2) of <paramref name="data"/> (even length) by (r cos θ, r sin θ).</summary>
    public static void PairsInPlace(Span<double> data)
    {
        int done = 0;
        if (GlibcExactLogSinCos.IsSupported)
        {
            done = PairsVector(data);
        }

        PairsScalar(data[done..]);
    }

    /// <summary>One pair at a time through glibc: the fallback, the tail, and the reference the vector path is held to.</summary>
    internal static void PairsScalar(Span<double> data)
    {
        for (int i = 0; i + 1 < data.Length; i += 2)
        {
            double r = Radius(data[i + 1]);
            (double sin, double cos) = Math.SinCos(TwoPi * data[i]);
            data[i] = r * cos;
            data[i + 1] = r * sin;
        }
    }

    /// <summary>Four pairs per step; returns how many values it transformed (a multiple of 8).</summary>
    internal static int PairsVector(Span<double> data)
    {
        ref double start = ref MemoryMarshal.GetReference(data);
        int i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            ref double lanes = ref Unsafe.Add(ref start, i);
            Vector256<double> a = Vector256.LoadUnsafe(ref lanes);
            Vector256<double> b = Vector256.LoadUnsafe(ref lanes, 4);

            // Lane order (pairs 0, 2, 1, 3); unpacking the results the same way puts each pair back in its slots.
            Vector256<double> theta = Vector256.Create(TwoPi) * Avx.UnpackLow(a, b);
            RadiusSinCos(Vector256.Create(1.0) - Avx.UnpackHigh(a, b), theta, out Vector256<double> radius, out Vector256<double> sin, out Vector256<double> cos);
            Vector256<double> c = radius * cos;
            Vector256<double> s = radius * sin;
            Avx.UnpackLow(c, s).StoreUnsafe(ref lanes);
            Avx.UnpackHigh(c, s).StoreUnsafe(ref lanes, 4);
        }

        return i;
    }

    /// <summary>
    /// The Box–Muller radius <c>sqrt(-2 log x)</c> and <c>sin θ</c>, <c>cos θ</c> of four lanes, each exactly what
    /// <see cref="Math.Log(double)"/> and <see cref="Math.SinCos(double)"/> give: through <see cref="GlibcVectorMath"/>, the
    /// lanes it leaves uncertain recomputed with <see cref="Math"/>. Only where <see cref="GlibcExactLogSinCos.IsSupported"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void RadiusSinCos(Vector256<double> x, Vector256<double> theta, out Vector256<double> radius, out Vector256<double> sin, out Vector256<double> cos)
    {
        Vector256<double> log = GlibcVectorMath.Log(x, out Vector256<double> logExact);
        GlibcVectorMath.SinCos(theta, out sin, out cos, out Vector256<double> sinCosExact);
        radius = Avx.Sqrt(Vector256.Create(-2.0) * log);
        uint logUncertain = GlibcExactLogSinCos.UncertainLanes(logExact);
        uint sinCosUncertain = GlibcExactLogSinCos.UncertainLanes(sinCosExact);
        if ((logUncertain | sinCosUncertain) != 0)
        {
            RecomputeLanes(x, theta, logUncertain, sinCosUncertain, ref radius, ref sin, ref cos);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RecomputeLanes(Vector256<double> x, Vector256<double> theta, uint logLanes, uint sinCosLanes, ref Vector256<double> radius, ref Vector256<double> sin, ref Vector256<double> cos)
    {
        for (; logLanes != 0; logLanes &= logLanes - 1)
        {
            int k = BitOperations.TrailingZeroCount(logLanes);
            radius = radius.WithElement(k, Math.Sqrt(-2.0 * Math.Log(x.GetElement(k))));
        }

        for (; sinCosLanes != 0; sinCosLanes &= sinCosLanes - 1)
        {
            int k = BitOperations.TrailingZeroCount(sinCosLanes);
            (double s, double c) = Math.SinCos(theta.GetElement(k));
            sin = sin.WithElement(k, s);
            cos = cos.WithElement(k, c);
        }
    }

    /// <summary>torch's <c>sqrt(-2.0 * log(1.0 - u2))</c> through glibc's <c>log</c>.</summary>
    private static double Radius(double u2) => Math.Sqrt(-2.0 * Math.Log(1.0 - u2));
}

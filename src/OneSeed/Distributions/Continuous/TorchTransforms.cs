using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OneSeed.Distributions;

/// <summary>
/// The per-element transformations of torch's in-place samplers (<c>core/TransformationHelper.h</c>), all in double
/// precision whatever the tensor's dtype (the CPU kernels instantiate the <c>double</c> distributions and cast the
/// result): Cauchy from one uniform, log-normal from one normal deviate, geometric from one uniform.
/// </summary>
/// <remarks>
/// torch's CPU kernels are compiled with GCC's default <c>-ffp-contract=fast</c> and FMA, so <c>median + sigma * t</c>
/// and <c>val * std + mean</c> are single fused multiply-adds (checked bit for bit against torch 1.13). <c>tan</c>,
/// <c>exp</c> and <c>log</c> are glibc's, through <see cref="Math"/> or <see cref="GlibcVectorMath"/>: bit-identical
/// to torch on Linux; another C runtime may differ in the last bit.
/// </remarks>
internal static class TorchTransforms
{
    /// <summary><c>transformation::cauchy&lt;double&gt;</c> in place: <c>median + sigma * tan(pi * (u - 0.5))</c> (no clipping for double).</summary>
    public static void Cauchy(Span<double> values, double median, double sigma)
    {
        foreach (ref double u in values)
        {
            u = Math.FusedMultiplyAdd(sigma, Math.Tan(Math.PI * (u - 0.5)), median);
        }
    }

    /// <summary><c>transformation::log_normal</c> of <c>transformation::normal</c> in place: <c>exp(z * std + mean)</c>, fused.</summary>
    public static void LogNormal(Span<double> values, double mean, double std)
    {
        if (GlibcVectorMath.ExpServes)
        {
            GlibcVectorMath.MapInPlace(values, new LogNormalLanes(mean, std));
            return;
        }

        foreach (ref double z in values)
        {
            z = Math.Exp(Math.FusedMultiplyAdd(z, std, mean));
        }
    }

    // exp(fma(z, std, mean)), four at a time through glibc's exp (GlibcExpFma serves only where FMA does).
    private readonly struct LogNormalLanes(double mean, double std) : ILaneFunction
    {
        public Vector256<double> Apply(Vector256<double> x, out Vector256<double> exact) =>
            GlibcExpFma.Exp(System.Runtime.Intrinsics.X86.Fma.MultiplyAdd(x, Vector256.Create(std), Vector256.Create(mean)), out exact);

        public double Apply(double x) => Math.Exp(Math.FusedMultiplyAdd(x, std, mean));
    }

    /// <summary>
    /// <c>transformation::geometric&lt;double&gt;</c> in place: <c>ceil(log(u) / log(1 - p))</c>. The logarithms four at a
    /// time through <see cref="GlibcVectorMath.LogInPlace"/> (glibc's bits in every lane); the division and the
    /// rounding up are exact per lane.
    /// </summary>
    public static void Geometric(Span<double> values, double p)
    {
        double logQ = Math.Log(1.0 - p);
        GlibcVectorMath.LogInPlace(values);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double start = ref MemoryMarshal.GetReference(values);
            Vector256<double> divisor = Vector256.Create(logQ);
            for (; i + Vector256<double>.Count <= values.Length; i += Vector256<double>.Count)
            {
                Vector256.Ceiling(Vector256.LoadUnsafe(ref start, (nuint)i) / divisor).StoreUnsafe(ref start, (nuint)i);
            }
        }

        for (; i < values.Length; i++)
        {
            values[i] = Math.Ceiling(values[i] / logQ);
        }
    }
}

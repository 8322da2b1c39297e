using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using OneSeed.Distributions;

namespace OneSeed.Compat;

// The tensor fills behind TorchInit (torch.nn.init): uniform_ into a caller's span, and trunc_normal_'s
// uniform + erfinv_ + mul_ + add_ + clamp_ pipeline.
public sealed partial class TorchGenerator
{
    /// <summary>
    /// <c>t.uniform_(from, to, generator=g)</c> on a float32 tensor of <paramref name="destination"/>.Length values:
    /// torch's bound checks (before any draw), the bounds rounded to float32, then <c>fma(u, to − from, from)</c> per
    /// 24-bit uniform u, as <see cref="Uniform(double, double, int)"/>.
    /// </summary>
    internal void UniformInto(Span<float> destination, double from, double to)
    {
        CheckUniformRange(from, to, float.MaxValue);
        float f = (float)from;
        float range = (float)to - f;
        for (int start = 0; start < destination.Length; start += UniformChunk)
        {
            // Chunk by chunk, so the uniforms are still in L1 when they are scaled.
            Span<float> chunk = destination.Slice(start, Math.Min(UniformChunk, destination.Length - start));
            FillUniformFloat(chunk);
            FusedScaleShift(chunk, range, f);
        }
    }

    /// <summary><c>t.uniform_(from, to, generator=g)</c> on a float64 tensor: <c>fma(u, to − from, from)</c> per 53-bit uniform u.</summary>
    internal void UniformDoubleInto(Span<double> destination, double from, double to)
    {
        CheckUniformRange(from, to, double.MaxValue);
        double range = to - from;
        for (int start = 0; start < destination.Length; start += UniformChunk)
        {
            Span<double> chunk = destination.Slice(start, Math.Min(UniformChunk, destination.Length - start));
            FillUniformDouble(chunk);
            FusedScaleShift(chunk, range, from);
        }
    }

    /// <summary>
    /// The tensor operations of <c>nn.init.trunc_normal_</c> on a float32 tensor, after Python computed the CDF bounds:
    /// <c>uniform_(from, to)</c>, <c>erfinv_()</c>, <c>mul_(scale)</c>, <c>add_(mean)</c>, <c>clamp_(low, high)</c>, the
    /// scalars rounded to float32 as torch's wrapped scalars are. The caller has checked <paramref name="low"/> and
    /// <paramref name="high"/> (torch's <c>clamp_</c> refuses finite values beyond the float32 range).
    /// </summary>
    internal void TruncNormalInto(Span<float> destination, double from, double to, double scale, double mean, double low, double high)
    {
        CheckUniformRange(from, to, float.MaxValue);
        float s = (float)scale, m = (float)mean, lo = (float)low, hi = (float)high;
        for (int start = 0; start < destination.Length; start += UniformChunk)
        {
            Span<float> chunk = destination.Slice(start, Math.Min(UniformChunk, destination.Length - start));
            UniformInto(chunk, from, to);
            for (int i = 0; i < chunk.Length; i++)
            {
                // Each of torch's passes rounds to float32; clamp is std::min(std::max(v, lo), hi).
                float v = (TorchErfinv.Erfinv(chunk[i]) * s) + m;
                v = v < lo ? lo : v;
                chunk[i] = hi < v ? hi : v;
            }
        }
    }

    /// <summary><see cref="TruncNormalInto(Span{float}, double, double, double, double, double, double)"/> on a float64 tensor (every scalar a double).</summary>
    internal void TruncNormalDoubleInto(Span<double> destination, double from, double to, double scale, double mean, double low, double high)
    {
        CheckUniformRange(from, to, double.MaxValue);
        for (int start = 0; start < destination.Length; start += UniformChunk)
        {
            Span<double> chunk = destination.Slice(start, Math.Min(UniformChunk, destination.Length - start));
            UniformDoubleInto(chunk, from, to);
            for (int i = 0; i < chunk.Length; i++)
            {
                double v = (TorchErfinv.Erfinv(chunk[i]) * scale) + mean;
                v = v < low ? low : v;
                chunk[i] = high < v ? high : v;
            }
        }
    }

    /// <summary>values[i] = fma(values[i], range, from): one rounding per lane, so the vector lanes give the scalar bits.</summary>
    private static void FusedScaleShift(Span<float> values, float range, float from)
    {
        int i = 0;
        if (Fma.IsSupported)
        {
            ref float start = ref MemoryMarshal.GetReference(values);
            Vector256<float> r = Vector256.Create(range), f = Vector256.Create(from);
            for (; i <= values.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                ref float at = ref Unsafe.Add(ref start, i);
                Fma.MultiplyAdd(Vector256.LoadUnsafe(ref at), r, f).StoreUnsafe(ref at);
            }
        }

        for (; i < values.Length; i++)
        {
            values[i] = MathF.FusedMultiplyAdd(values[i], range, from);
        }
    }

    private static void FusedScaleShift(Span<double> values, double range, double from)
    {
        int i = 0;
        if (Fma.IsSupported)
        {
            ref double start = ref MemoryMarshal.GetReference(values);
            Vector256<double> r = Vector256.Create(range), f = Vector256.Create(from);
            for (; i <= values.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                ref double at = ref Unsafe.Add(ref start, i);
                Fma.MultiplyAdd(Vector256.LoadUnsafe(ref at), r, f).StoreUnsafe(ref at);
            }
        }

        for (; i < values.Length; i++)
        {
            values[i] = Math.FusedMultiplyAdd(values[i], range, from);
        }
    }
}

using OneSeed.Distributions;

namespace OneSeed.Compat;

// The tensor fill behind TorchInit.TruncNormal (torch.nn.init.trunc_normal_): uniform + erfinv_ + mul_ + add_ + clamp_.
public sealed partial class TorchGenerator
{
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
            Uniform(from, to, chunk);
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
            UniformDouble(from, to, chunk);
            for (int i = 0; i < chunk.Length; i++)
            {
                double v = (TorchErfinv.Erfinv(chunk[i]) * scale) + mean;
                v = v < low ? low : v;
                chunk[i] = high < v ? high : v;
            }
        }
    }
}

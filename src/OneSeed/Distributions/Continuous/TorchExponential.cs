using System.Numerics;
using System.Runtime.InteropServices;

namespace OneSeed.Distributions;

/// <summary>
/// Torch's CPU exponential variates (<c>at::exponential_distribution&lt;double&gt;</c>, <c>transformation::exponential</c>
/// in <c>aten/src/ATen/core/TransformationHelper.h</c>): <c>(-1.0 / λ) * log(1 - u)</c> for a 53-bit uniform u, in
/// double whatever the tensor's dtype. <c>Tensor.exponential_</c> and <c>torch.multinomial</c>'s sampling without
/// replacement both draw them.
/// </summary>
internal static class TorchExponential
{
    /// <summary>
    /// Replaces each uniform u with <c>(-1.0 / lambd) * log(1 - u)</c>. The subtraction and the product are exact
    /// per lane, and the logarithms come from <see cref="GlibcVectorMath.LogInPlace"/>, which gives
    /// <see cref="Math.Log(double)"/>'s bits (glibc's, as torch calls it), so the values are the scalar formula's.
    /// </summary>
    public static void FromUniforms(Span<double> values, double lambd)
    {
        double factor = -1.0 / lambd;
        Span<Vector<double>> vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
        foreach (ref Vector<double> v in vectors)
        {
            v = Vector<double>.One - v;
        }

        for (int i = vectors.Length * Vector<double>.Count; i < values.Length; i++)
        {
            values[i] = 1.0 - values[i];
        }

        GlibcVectorMath.LogInPlace(values);
        var scale = new Vector<double>(factor);
        foreach (ref Vector<double> v in vectors)
        {
            v = scale * v;
        }

        for (int i = vectors.Length * Vector<double>.Count; i < values.Length; i++)
        {
            values[i] = factor * values[i];
        }
    }
}

using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using OneSeed.Distributions;

namespace OneSeed.Compat;

/// <summary>
/// <c>torch.normal</c> with per-element means and/or deviations (<c>native/DistributionTemplates.h</c>
/// <c>normal_out_impl</c>).
/// </summary>
/// <remarks>
/// torch 1.13 first fills the output with <c>normal_</c> over its whole length (so the two paths of
/// <see cref="Randn(int)"/>: the scalar Box–Muller with the cached double below 16 values, the vectorized blocks with
/// the redrawn tail from 16 on), then combines it element by element, each step rounded in the output dtype:
/// a tensor mean with a scalar std is <c>normal_(0, std)</c> then <c>+ mean[i]</c>; a scalar mean with a tensor std is
/// <c>normal_(0, 1)</c>, <c>* std[i]</c>, then <c>+ (dtype)mean</c>; two tensors are <c>normal_(0, 1) * std[i] + mean[i]</c>
/// (two roundings, not fused: these are separate tensor operations). The dtype follows the tensors (float32 for
/// <see cref="float"/> spans, float64 for <see cref="double"/> spans), so the overloads need no <c>Double</c> suffix.
/// Two tensors must have equal lengths, or one of them length 1 (torch's broadcasting of 1-D tensors).
/// </remarks>
public sealed partial class TorchGenerator
{
    /// <summary>
    /// <c>torch.normal(mean, std, generator=g)</c> for float32 tensors of equal length (or one of length 1): normal_(0, 1)
    /// over the output, then <c>* std[i] + mean[i]</c> in two float32 roundings. Reproducibility tier: as <see cref="Randn(int)"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The lengths differ and neither is 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A deviation is negative or NaN.</exception>
    public float[] Normal(ReadOnlySpan<float> mean, ReadOnlySpan<float> std)
    {
        int n = BroadcastLength(mean, std);
        CheckDeviations(std);
        float[] result = ResultArrays.Uninitialized<float>(n);
        NormalChecked(mean, std, result);
        return result;
    }

    /// <summary><c>torch.normal(mean, std, generator=g, out=result)</c> for float32 tensors: the values of <see cref="Normal(ReadOnlySpan{float}, ReadOnlySpan{float})"/>, written into the caller's memory (which must not overlap the inputs).</summary>
    /// <exception cref="ArgumentException">The lengths differ and neither is 1, or <paramref name="result"/> does not have the output's length or overlaps an input.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A deviation is negative or NaN.</exception>
    public void Normal(ReadOnlySpan<float> mean, ReadOnlySpan<float> std, Span<float> result)
    {
        CheckSameLength(BroadcastLength(mean, std), result.Length, nameof(result));
        CheckDeviations(std);
        NormalChecked(mean, std, result);
    }

    /// <summary><c>torch.normal(mean, std, generator=g)</c> for float64 tensors: as the float32 form, in float64.</summary>
    /// <exception cref="ArgumentException">The lengths differ and neither is 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A deviation is negative or NaN.</exception>
    public double[] Normal(ReadOnlySpan<double> mean, ReadOnlySpan<double> std)
    {
        int n = BroadcastLength(mean, std);
        CheckDeviations(std);
        double[] result = ResultArrays.Uninitialized<double>(n);
        NormalChecked(mean, std, result);
        return result;
    }

    /// <summary><c>torch.normal(mean, std, generator=g, out=result)</c> for float64 tensors, into the caller's memory.</summary>
    /// <exception cref="ArgumentException">The lengths differ and neither is 1, or <paramref name="result"/> does not have the output's length or overlaps an input.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A deviation is negative or NaN.</exception>
    public void Normal(ReadOnlySpan<double> mean, ReadOnlySpan<double> std, Span<double> result)
    {
        CheckSameLength(BroadcastLength(mean, std), result.Length, nameof(result));
        CheckDeviations(std);
        NormalChecked(mean, std, result);
    }

    /// <summary>
    /// <c>torch.normal(mean, std, generator=g)</c> with a scalar mean and a float32 tensor of deviations: normal_(0, 1),
    /// <c>* std[i]</c>, then <c>+ (float)mean</c> (torch makes the mean a float32 tensor first, refusing a finite mean beyond
    /// the float32 range; infinities and NaN pass).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A deviation is negative or NaN, or <paramref name="mean"/> is finite and beyond ±<see cref="float.MaxValue"/>.</exception>
    public float[] Normal(double mean, ReadOnlySpan<float> std)
    {
        CheckSingleMean(mean);
        CheckDeviations(std);
        float[] result = ResultArrays.Uninitialized<float>(std.Length);
        NormalChecked([(float)mean], std, result);
        return result;
    }

    /// <summary><c>torch.normal(mean, std, generator=g, out=result)</c> with a scalar mean and float32 deviations, into the caller's memory.</summary>
    /// <exception cref="ArgumentException"><paramref name="result"/> and <paramref name="std"/> differ in length or overlap.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A deviation is negative or NaN, or <paramref name="mean"/> is finite and beyond ±<see cref="float.MaxValue"/>.</exception>
    public void Normal(double mean, ReadOnlySpan<float> std, Span<float> result)
    {
        CheckSameLength(std.Length, result.Length, nameof(result));
        CheckSingleMean(mean);
        CheckDeviations(std);
        NormalChecked([(float)mean], std, result);
    }

    /// <summary><c>torch.normal(mean, std, generator=g)</c> with a scalar mean and float64 deviations: as the float32 form, in float64.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A deviation is negative or NaN.</exception>
    public double[] Normal(double mean, ReadOnlySpan<double> std)
    {
        CheckDeviations(std);
        double[] result = ResultArrays.Uninitialized<double>(std.Length);
        NormalChecked([mean], std, result);
        return result;
    }

    /// <summary><c>torch.normal(mean, std, generator=g, out=result)</c> with a scalar mean and float64 deviations, into the caller's memory.</summary>
    /// <exception cref="ArgumentException"><paramref name="result"/> and <paramref name="std"/> differ in length or overlap.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A deviation is negative or NaN.</exception>
    public void Normal(double mean, ReadOnlySpan<double> std, Span<double> result)
    {
        CheckSameLength(std.Length, result.Length, nameof(result));
        CheckDeviations(std);
        NormalChecked([mean], std, result);
    }

    /// <summary>
    /// <c>torch.normal(mean, std, generator=g)</c> with a float32 tensor of means and a scalar deviation:
    /// <c>normal_(0, std)</c> over the output (std enters the normal kernel itself), then <c>+ mean[i]</c> in float32.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="std"/> is negative or NaN (torch accepts an infinite one).</exception>
    public float[] Normal(ReadOnlySpan<float> mean, double std)
    {
        CheckDeviation(std);
        float[] result = ResultArrays.Uninitialized<float>(mean.Length);
        NormalChecked(mean, std, result);
        return result;
    }

    /// <summary><c>torch.normal(mean, std, generator=g, out=result)</c> with float32 means and a scalar deviation, into the caller's memory.</summary>
    /// <exception cref="ArgumentException"><paramref name="result"/> and <paramref name="mean"/> differ in length or overlap.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="std"/> is negative or NaN.</exception>
    public void Normal(ReadOnlySpan<float> mean, double std, Span<float> result)
    {
        CheckSameLength(mean.Length, result.Length, nameof(result));
        CheckDeviation(std);
        NormalChecked(mean, std, result);
    }

    /// <summary><c>torch.normal(mean, std, generator=g)</c> with float64 means and a scalar deviation: as the float32 form, in float64.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="std"/> is negative or NaN.</exception>
    public double[] Normal(ReadOnlySpan<double> mean, double std)
    {
        CheckDeviation(std);
        double[] result = ResultArrays.Uninitialized<double>(mean.Length);
        NormalChecked(mean, std, result);
        return result;
    }

    /// <summary><c>torch.normal(mean, std, generator=g, out=result)</c> with float64 means and a scalar deviation, into the caller's memory.</summary>
    /// <exception cref="ArgumentException"><paramref name="result"/> and <paramref name="mean"/> differ in length or overlap.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="std"/> is negative or NaN.</exception>
    public void Normal(ReadOnlySpan<double> mean, double std, Span<double> result)
    {
        CheckSameLength(mean.Length, result.Length, nameof(result));
        CheckDeviation(std);
        NormalChecked(mean, std, result);
    }

    private void NormalChecked(ReadOnlySpan<float> mean, double std, Span<float> result)
    {
        CheckNoOverlap(result, mean, default);
        FillNormal(result, 0.0, std);
        ScaleAndShift(result, default, mean);
    }

    private void NormalChecked(ReadOnlySpan<float> mean, ReadOnlySpan<float> std, Span<float> result)
    {
        CheckNoOverlap(result, mean, std);
        FillNormal(result, 0.0, 1.0);
        ScaleAndShift(result, std, mean);
    }

    private void NormalChecked(ReadOnlySpan<double> mean, double std, Span<double> result)
    {
        CheckNoOverlap(result, mean, default);
        FillNormalDouble(result, 0.0, std);
        ScaleAndShift(result, default, mean);
    }

    private void NormalChecked(ReadOnlySpan<double> mean, ReadOnlySpan<double> std, Span<double> result)
    {
        CheckNoOverlap(result, mean, std);
        FillNormalDouble(result, 0.0, 1.0);
        ScaleAndShift(result, std, mean);
    }

    /// <summary>
    /// values[i] = values[i] * std[i] + mean[i] in two roundings (torch's <c>mul_</c> then <c>add_</c>); an empty
    /// <paramref name="std"/> skips the product, a span of length 1 is broadcast. The lanes give the scalar bits.
    /// </summary>
    private static void ScaleAndShift<T>(Span<T> values, ReadOnlySpan<T> std, ReadOnlySpan<T> mean)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (values.IsEmpty)
        {
            return;
        }

        bool scale = !std.IsEmpty;
        bool stdBroadcast = std.Length == 1;
        bool meanBroadcast = mean.Length == 1;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref T v = ref MemoryMarshal.GetReference(values);
            ref T s = ref MemoryMarshal.GetReference(std);
            ref T m = ref MemoryMarshal.GetReference(mean);
            Vector256<T> stdAll = scale ? Vector256.Create(s) : Vector256<T>.One;
            Vector256<T> meanAll = Vector256.Create(m);
            for (; i + Vector256<T>.Count <= values.Length; i += Vector256<T>.Count)
            {
                Vector256<T> x = Vector256.LoadUnsafe(ref v, (nuint)i);
                if (scale)
                {
                    x *= stdBroadcast ? stdAll : Vector256.LoadUnsafe(ref s, (nuint)i);
                }

                (x + (meanBroadcast ? meanAll : Vector256.LoadUnsafe(ref m, (nuint)i))).StoreUnsafe(ref v, (nuint)i);
            }
        }

        for (; i < values.Length; i++)
        {
            T x = values[i];
            if (scale)
            {
                x *= std[stdBroadcast ? 0 : i];
            }

            values[i] = x + mean[meanBroadcast ? 0 : i];
        }
    }

    private static void CheckNoOverlap<T>(Span<T> result, ReadOnlySpan<T> mean, ReadOnlySpan<T> std)
    {
        // torch's out= over an input reads its own normals back as that input; refused rather than reproduced.
        if (((ReadOnlySpan<T>)result).Overlaps(mean) || ((ReadOnlySpan<T>)result).Overlaps(std))
        {
            throw new ArgumentException("result must not overlap mean or std.", nameof(result));
        }
    }

    private static int BroadcastLength<T>(ReadOnlySpan<T> mean, ReadOnlySpan<T> std)
    {
        if (mean.Length == std.Length || std.Length == 1)
        {
            return mean.Length;
        }

        if (mean.Length == 1)
        {
            return std.Length;
        }

        throw new ArgumentException($"The size of tensor mean ({mean.Length}) must match the size of tensor std ({std.Length}) (or one of them be 1).", nameof(std));
    }

    private static void CheckSingleMean(double mean)
    {
        // at::full({}, mean, float32): c10's checked conversion refuses finite values outside the float32 range.
        if (double.IsFinite(mean) && Math.Abs(mean) > float.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, $"value cannot be converted to type float without overflow: mean = {mean}.");
        }
    }

    private static void CheckDeviation(double std)
    {
        if (!(std >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(std), std, $"normal expects std >= 0.0, but found std {std}.");
        }
    }

    private static void CheckDeviations<T>(ReadOnlySpan<T> std)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < std.Length; i++)
        {
            if (!(std[i] >= T.Zero))
            {
                throw new ArgumentOutOfRangeException(nameof(std), std[i], $"normal expects all elements of std >= 0.0, but std[{i}] = {std[i]}.");
            }
        }
    }
}

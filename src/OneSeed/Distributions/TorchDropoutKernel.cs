using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OneSeed.Distributions;

/// <summary>
/// The arithmetic of torch 1.13's CPU dropout after the draws: <c>noise.bernoulli_(1 - p)</c>, <c>noise.div_(1 - p)</c>,
/// <c>input * noise</c>, on 64-bit draws of torch's generator (<c>random64()</c>, first word high).
/// </summary>
/// <remarks>
/// torch's Bernoulli keeps an element when its 53-bit uniform u = k·2^-53 (k the low 53 bits of the draw) is below
/// keep = 1 − p. keep·2^53 is exact, so u &lt; keep exactly when the integer k is below ⌈keep·2^53⌉: this compares the
/// integers, four or eight at a time, without converting them. The noise is then 1/keep or 0/keep in the tensor's type
/// (for float32, 1 and (float)keep divided in float32) and the output is x times it: a dropped element is x·0, which is
/// −0 for negative x and NaN for an infinite or NaN x, as in torch. Lanes do exactly the scalar operations.
/// </remarks>
internal static class TorchDropoutKernel
{
    private const ulong Mask53 = (1UL << 53) - 1;

    /// <summary>⌈keep·2^53⌉: the integer k (the low 53 bits of a draw) gives u &lt; keep exactly when k is below it.</summary>
    public static ulong Threshold(double keep) => (ulong)Math.Ceiling(keep * 9007199254740992.0);

    /// <summary>
    /// The masking and scaling of one chunk in the tensor's type <typeparamref name="T"/> (float or double), with
    /// torch's noise value: <c>1f / (float)keep</c> for float32, <c>1.0 / keep</c> for float64.
    /// </summary>
    public static void Apply<T>(ReadOnlySpan<ulong> draws, ulong threshold, double keep, ReadOnlySpan<T> input, Span<T> output)
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            Apply(draws, threshold, MemoryMarshal.Cast<T, float>(input), MemoryMarshal.Cast<T, float>(output), 1.0f / (float)keep);
        }
        else
        {
            Apply(draws, threshold, MemoryMarshal.Cast<T, double>(input), MemoryMarshal.Cast<T, double>(output), 1.0 / keep);
        }
    }

    /// <summary>output[i] = input[i] · 0 in the tensor's type <typeparamref name="T"/> (float or double): torch's <c>input.mul(zeros({}))</c> for p = 1.</summary>
    public static void MultiplyByZero<T>(ReadOnlySpan<T> input, Span<T> output)
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            MultiplyByZero(MemoryMarshal.Cast<T, float>(input), MemoryMarshal.Cast<T, float>(output));
        }
        else
        {
            MultiplyByZero(MemoryMarshal.Cast<T, double>(input), MemoryMarshal.Cast<T, double>(output));
        }
    }

    /// <summary>output[i] = input[i] · (kept ? scale : 0), kept = (draws[i] &amp; (2^53 − 1)) &lt; threshold.</summary>
    public static void Apply(ReadOnlySpan<ulong> draws, ulong threshold, ReadOnlySpan<float> input, Span<float> output, float scale)
    {
        int i = 0;
        if (Avx2.IsSupported)
        {
            i = ApplyAvx2(draws, threshold, input, output, scale);
        }

        ApplyScalar(draws[i..], threshold, input[i..], output[i..], scale);
    }

    /// <summary>The float64 form of <see cref="Apply(ReadOnlySpan{ulong}, ulong, ReadOnlySpan{float}, Span{float}, float)"/>.</summary>
    public static void Apply(ReadOnlySpan<ulong> draws, ulong threshold, ReadOnlySpan<double> input, Span<double> output, double scale)
    {
        int i = 0;
        if (Avx2.IsSupported)
        {
            i = ApplyAvx2(draws, threshold, input, output, scale);
        }

        ApplyScalar(draws[i..], threshold, input[i..], output[i..], scale);
    }

    internal static void ApplyScalar(ReadOnlySpan<ulong> draws, ulong threshold, ReadOnlySpan<float> input, Span<float> output, float scale)
    {
        for (int i = 0; i < input.Length; i++)
        {
            output[i] = input[i] * ((draws[i] & Mask53) < threshold ? scale : 0.0f);
        }
    }

    internal static void ApplyScalar(ReadOnlySpan<ulong> draws, ulong threshold, ReadOnlySpan<double> input, Span<double> output, double scale)
    {
        for (int i = 0; i < input.Length; i++)
        {
            output[i] = input[i] * ((draws[i] & Mask53) < threshold ? scale : 0.0);
        }
    }

    /// <summary>Eight elements a step; returns how many it did. The draws are below 2^53, so the signed compare is exact.</summary>
    internal static int ApplyAvx2(ReadOnlySpan<ulong> draws, ulong threshold, ReadOnlySpan<float> input, Span<float> output, float scale)
    {
        ref ulong d = ref MemoryMarshal.GetReference(draws);
        ref float x = ref MemoryMarshal.GetReference(input);
        ref float y = ref MemoryMarshal.GetReference(output);
        Vector256<long> mask = Vector256.Create((long)Mask53);
        Vector256<long> limit = Vector256.Create((long)threshold);
        Vector256<float> keepScale = Vector256.Create(scale);
        int i = 0;
        for (; i <= input.Length - 8; i += 8)
        {
            Vector256<long> low = Vector256.LoadUnsafe(ref d, (nuint)i).AsInt64() & mask;
            Vector256<long> high = Vector256.LoadUnsafe(ref d, (nuint)(i + 4)).AsInt64() & mask;
            Vector256<int> kept = Vector256.Narrow(Avx2.CompareGreaterThan(limit, low), Avx2.CompareGreaterThan(limit, high));
            Vector256<float> noise = keepScale & kept.AsSingle();
            (Vector256.LoadUnsafe(ref x, (nuint)i) * noise).StoreUnsafe(ref y, (nuint)i);
        }

        return i;
    }

    internal static int ApplyAvx2(ReadOnlySpan<ulong> draws, ulong threshold, ReadOnlySpan<double> input, Span<double> output, double scale)
    {
        ref ulong d = ref MemoryMarshal.GetReference(draws);
        ref double x = ref MemoryMarshal.GetReference(input);
        ref double y = ref MemoryMarshal.GetReference(output);
        Vector256<long> mask = Vector256.Create((long)Mask53);
        Vector256<long> limit = Vector256.Create((long)threshold);
        Vector256<double> keepScale = Vector256.Create(scale);
        int i = 0;
        for (; i <= input.Length - 4; i += 4)
        {
            Vector256<long> k = Vector256.LoadUnsafe(ref d, (nuint)i).AsInt64() & mask;
            Vector256<double> noise = keepScale & Avx2.CompareGreaterThan(limit, k).AsDouble();
            (Vector256.LoadUnsafe(ref x, (nuint)i) * noise).StoreUnsafe(ref y, (nuint)i);
        }

        return i;
    }

    /// <summary>output[i] = input[i] · 0, torch's <c>input.mul(zeros({}))</c> for p = 1 (no draws).</summary>
    public static void MultiplyByZero(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < input.Length; i++)
        {
            output[i] = input[i] * 0.0f;
        }
    }

    /// <summary>The float64 form of <see cref="MultiplyByZero(ReadOnlySpan{float}, Span{float})"/>.</summary>
    public static void MultiplyByZero(ReadOnlySpan<double> input, Span<double> output)
    {
        for (int i = 0; i < input.Length; i++)
        {
            output[i] = input[i] * 0.0;
        }
    }
}

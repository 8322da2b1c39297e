using OneSeed.Distributions;

namespace OneSeed.Compat;

// F.dropout(x, p, training=True) on the CPU (aten/src/ATen/native/Dropout.cpp, _dropout_impl).
public sealed partial class TorchGenerator
{
    // 64-bit draws per chunk of the dropout loop: 8 KiB on the stack, in L1 with the values they mask.
    private const int DropoutChunk = 1024;

    /// <summary>
    /// <c>F.dropout(x, p, training=True, generator=g)</c> on a float32 tensor (torch 1.13 on the CPU, without MKL): for
    /// 0 &lt; p &lt; 1, <c>noise = empty_like(x).bernoulli_(1 - p)</c> (one 53-bit uniform per element, kept when
    /// u &lt; 1 − p), <c>noise.div_(1 - p)</c> and <c>x * noise</c>, all in float32: a kept element is
    /// <c>x · (1f / (float)(1 − p))</c>, a dropped one <c>x · 0</c> (−0 for negative x, NaN for ±∞ or NaN, as in
    /// torch). p = 0 returns a copy of <paramref name="input"/> and p = 1 gives <c>x · 0</c>, both without drawing.
    /// </summary>
    /// <remarks>
    /// torch's <c>F.dropout</c> has no <c>generator=</c> argument; it draws from the default generator, which is
    /// <see cref="Default"/> here. torch builds with MKL (the pip wheels for x86-64) draw Bernoulli masks with MKL's own
    /// generator instead, which this does not reproduce (see <see cref="Bernoulli(double, int)"/>).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not in [0, 1].</exception>
    public float[] Dropout(ReadOnlySpan<float> input, double p)
    {
        CheckDropoutProbability(p);
        float[] result = ResultArrays.Uninitialized<float>(input.Length);
        DropoutCore(input, p, result);
        return result;
    }

    /// <summary>
    /// <see cref="Dropout(ReadOnlySpan{float}, double)"/> written into <paramref name="output"/>, which may be the
    /// same memory as <paramref name="input"/> (in place, as <c>F.dropout(x, p, inplace=True)</c>, which gives the same values).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not in [0, 1].</exception>
    /// <exception cref="ArgumentException">The spans differ in length, or overlap without starting at the same element.</exception>
    public void Dropout(ReadOnlySpan<float> input, double p, Span<float> output)
    {
        CheckDropoutProbability(p);
        CheckDropoutBuffers(input, output);
        DropoutCore(input, p, output);
    }

    /// <summary>
    /// <c>F.dropout(x, p, training=True)</c> on a float64 tensor: as <see cref="Dropout(ReadOnlySpan{float}, double)"/>,
    /// with the noise <c>1.0 / (1 − p)</c> in double.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not in [0, 1].</exception>
    public double[] Dropout(ReadOnlySpan<double> input, double p)
    {
        CheckDropoutProbability(p);
        double[] result = ResultArrays.Uninitialized<double>(input.Length);
        DropoutCore(input, p, result);
        return result;
    }

    /// <summary><see cref="Dropout(ReadOnlySpan{double}, double)"/> written into <paramref name="output"/>, which may be the same memory as <paramref name="input"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not in [0, 1].</exception>
    /// <exception cref="ArgumentException">The spans differ in length, or overlap without starting at the same element.</exception>
    public void Dropout(ReadOnlySpan<double> input, double p, Span<double> output)
    {
        CheckDropoutProbability(p);
        CheckDropoutBuffers(input, output);
        DropoutCore(input, p, output);
    }

    private static void CheckDropoutProbability(double p)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, $"dropout probability has to be between 0 and 1, but got {p}.");
        }
    }

    private static void CheckDropoutBuffers<T>(ReadOnlySpan<T> input, Span<T> output)
    {
        if (input.Length != output.Length)
        {
            throw new ArgumentException($"The output has {output.Length} elements; the input has {input.Length}.", nameof(output));
        }

        if (input.Overlaps(output, out int offset) && offset != 0)
        {
            throw new ArgumentException($"The output overlaps the input {offset} elements away; it must be the same memory or separate.", nameof(output));
        }
    }

    // One loop for both dtypes: the JIT specialises it per T, and the typeof tests fold away.
    private void DropoutCore<T>(ReadOnlySpan<T> input, double p, Span<T> output)
        where T : unmanaged
    {
        if (p == 0 || input.IsEmpty)
        {
            input.CopyTo(output);
            return;
        }

        if (p == 1)
        {
            TorchDropoutKernel.MultiplyByZero(input, output);
            return;
        }

        // noise.div_(1 - p): the scalar is rounded to the tensor's type first, then 1 / it in that type.
        double keep = 1.0 - p;
        ulong threshold = TorchDropoutKernel.Threshold(keep);
        Span<ulong> draws = stackalloc ulong[DropoutChunk];
        Touch();
        for (int start = 0; start < input.Length; start += DropoutChunk)
        {
            int length = Math.Min(DropoutChunk, input.Length - start);
            _engine.Fill(draws[..length]);
            TorchDropoutKernel.Apply(draws[..length], threshold, keep, input.Slice(start, length), output.Slice(start, length));
        }
    }
}

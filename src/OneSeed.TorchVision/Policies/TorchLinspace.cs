namespace OneSeed.TorchVision.Policies;

/// <summary>
/// <c>torch.linspace(start, end, steps)</c> in float32 as torch 1.13's CPU kernel computes it in its AVX2 build
/// (<c>RangeFactoriesKernel.cpp</c>): the scalar path <c>start + step·i</c> (first half) or <c>end − step·(steps − i − 1)</c>
/// (second half), each fused into one FMA by GCC; the vector path, taken for each full pair of 8-lane vectors, starts a
/// vector at the scalar value of its first index and adds <c>k·step</c> unfused (<c>Vectorized&lt;float&gt;::arange</c>).
/// </summary>
/// <remarks>
/// torch's AVX-512 build runs 16 lanes and its DEFAULT build (no AVX2) neither fuses nor vectorizes, so on those CPUs
/// torch's own values can differ in the last bit (measured: every model but this one disagrees with torch 1.13 on an
/// AVX2 machine for thousands of (start, end, steps) triples; this one agrees on all). The oracle pins
/// <c>ATEN_CPU_CAPABILITY=avx2</c>.
/// </remarks>
internal static class TorchLinspace
{
    private const int Lanes = 8;

    public static float[] Float32(double start, double end, int steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        float first = (float)start;
        float last = (float)end;
        float[] values = new float[steps];
        if (steps == 1)
        {
            values[0] = first;
        }

        if (steps <= 1)
        {
            return values;
        }

        float step = (last - first) / (steps - 1);
        int halfway = steps / 2;
        int i = 0;
        for (; i <= steps - (2 * Lanes); i += 2 * Lanes)
        {
            for (int vector = i; vector < i + (2 * Lanes); vector += Lanes)
            {
                float lane0 = Scalar(first, last, step, steps, halfway, vector);
                for (int k = 0; k < Lanes; k++)
                {
                    float offset = k * step;
                    values[vector + k] = lane0 + offset;
                }
            }
        }

        for (; i < steps; i++)
        {
            values[i] = Scalar(first, last, step, steps, halfway, i);
        }

        return values;
    }

    private static float Scalar(float first, float last, float step, int steps, int halfway, int index) =>
        index < halfway
            ? MathF.FusedMultiplyAdd(step, index, first)
            : MathF.FusedMultiplyAdd(-step, steps - index - 1, last);
}

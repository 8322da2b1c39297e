using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OneSeed.Distributions;

/// <summary>
/// Dirichlet rows as torch's CPU <c>_s_dirichlet_cpu</c> (<c>torch._sample_dirichlet</c>) makes them: one standard
/// gamma per entry, in row-major order and always in double (<see cref="TorchGamma{TScalar}"/> over
/// <see cref="TorchFloat64"/>, the float α widened), clamped below to <c>DBL_MIN</c>; then each row divided by its sum,
/// taken as torch's CPU <c>sum(-1)</c> takes it (<see cref="CascadeRowSum"/>), and the quotient rounded to the dtype
/// and clamped to [<c>min()</c>, <c>nexttoward(1, 0)</c>].
/// </summary>
internal static class TorchDirichlet
{
    /// <summary>
    /// Fills <paramref name="gammas"/> (one row) with the clamped double gammas of <paramref name="alpha"/>; the row
    /// is then finished by <see cref="Normalize{TScalar}"/>.
    /// </summary>
    public static void DrawGammas<TSource>(ref TSource source, ReadOnlySpan<double> alpha, Span<double> gammas)
        where TSource : struct, ITorchVariates
    {
        for (int i = 0; i < alpha.Length; i++)
        {
            gammas[i] = TorchGamma<TorchFloat64>.ClampToMinNormal(TorchGamma<TorchFloat64>.Sample(ref source, alpha[i]));
        }
    }

    /// <summary>Replaces each gamma of one row with <c>min(BelowOne, max(MinNormal, (scalar_t)(gamma / sum)))</c>.</summary>
    public static void Normalize<TScalar>(Span<double> row)
        where TScalar : struct, ITorchScalar
    {
        double sum = CascadeRowSum(row);
        foreach (ref double g in row)
        {
            // std::min(max_val, std::max(min_val, x)): NaN falls to min_val, as in torch.
            double x = TScalar.Round(g / sum);
            double clamped = TScalar.MinNormal < x ? x : TScalar.MinNormal;
            g = clamped < TScalar.BelowOne ? clamped : TScalar.BelowOne;
        }
    }

    /// <summary>
    /// The sum of one contiguous row of doubles as torch 1.13's CPU <c>sum</c> over the last dimension computes it
    /// (<c>cascade_sum</c> in <c>aten/src/ATen/native/cpu/SumKernel.cpp</c>, AVX2 kernels, one thread): rows of 4 or
    /// more values go through <c>vectorized_inner_sum</c> (four lanes of four-double vectors, summed in cascading
    /// levels, then the scalar tail, then the lanes), shorter rows are a plain running sum.
    /// </summary>
    /// <remarks>
    /// Torch picks AVX2 kernels on any AVX2 CPU (1.13 makes AVX-512 opt-in). With more than one intra-op thread it
    /// splits a reduction whose output is a single value (one row) of 32768 or more values across threads, which
    /// changes the order; every other shape is summed as here.
    /// </remarks>
    public static double CascadeRowSum(ReadOnlySpan<double> row)
    {
        const int Lanes = 4;
        int n = row.Length;
        if (n < Lanes)
        {
            double s = 0;
            foreach (double x in row)
            {
                s += x;
            }

            return s;
        }

        int vecSize = n / Lanes;
        ReadOnlySpan<Vector256<double>> vectors = MemoryMarshal.Cast<double, Vector256<double>>(row[..(vecSize * Lanes)]);

        // row_sum over the vectors with an ILP factor of 4: multi_row_sum on groups of four vectors, then the rest.
        int sizeIlp = vecSize / 4;
        Span<Vector256<double>> partial = stackalloc Vector256<double>[4];
        MultiRowSum(vectors, sizeIlp, partial);
        for (int i = sizeIlp * 4; i < vecSize; i++)
        {
            partial[0] += vectors[i];
        }

        for (int k = 1; k < 4; k++)
        {
            partial[0] += partial[k];
        }

        double final = 0;
        for (int k = vecSize * Lanes; k < n; k++)
        {
            final += row[k];
        }

        for (int lane = 0; lane < Lanes; lane++)
        {
            final += partial[0][lane];
        }

        return final;
    }

    // multi_row_sum<Vectorized<double>, 4>: four columns (vectors[4 i + k]) summed over `size` rows in four cascading levels.
    private static void MultiRowSum(ReadOnlySpan<Vector256<double>> vectors, int size, Span<Vector256<double>> result)
    {
        const int NumLevels = 4;
        const int Rows = 4;
        int levelPower = Math.Max(4, CeilLog2(size) / NumLevels);
        int levelStep = 1 << levelPower;
        int levelMask = levelStep - 1;
        Span<Vector256<double>> acc = stackalloc Vector256<double>[NumLevels * Rows];
        acc.Clear();

        int i = 0;
        while (i + levelStep <= size)
        {
            for (int j = 0; j < levelStep; j++, i++)
            {
                for (int k = 0; k < Rows; k++)
                {
                    acc[k] += vectors[(i * Rows) + k];
                }
            }

            for (int j = 1; j < NumLevels; j++)
            {
                for (int k = 0; k < Rows; k++)
                {
                    acc[(j * Rows) + k] += acc[((j - 1) * Rows) + k];
                    acc[((j - 1) * Rows) + k] = Vector256<double>.Zero;
                }

                int mask = levelMask << (j * levelPower);
                if ((i & mask) != 0)
                {
                    break;
                }
            }
        }

        for (; i < size; i++)
        {
            for (int k = 0; k < Rows; k++)
            {
                acc[k] += vectors[(i * Rows) + k];
            }
        }

        for (int j = 1; j < NumLevels; j++)
        {
            for (int k = 0; k < Rows; k++)
            {
                acc[k] += acc[(j * Rows) + k];
            }
        }

        acc[..Rows].CopyTo(result);
    }

    // aten/src/ATen/native/cpu/utils.h CeilLog2: 1 up to 2, else floor(log2(x - 1)) + 1.
    private static int CeilLog2(int x) => x <= 2 ? 1 : System.Numerics.BitOperations.Log2((uint)(x - 1)) + 1;
}

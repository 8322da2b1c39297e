namespace OneSeed.Distributions;

/// <summary>
/// Binomial variates as torch's CPU <c>_s_binomial_cpu</c> draws them (<c>sample_binomial</c>, <c>btrs</c>,
/// <c>binomial_inversion</c> and <c>stirling_approx_tail</c> in <c>aten/src/ATen/native/Distributions.h</c>, adapted
/// from TensorFlow's): Hörmann's BTRS where n·p ≥ 10, else the inversion of summed geometric waiting times; for
/// p &gt; 0.5 both run on 1 − p and the result is n minus theirs. Count and probability stay in the tensor's dtype
/// (<typeparamref name="TScalar"/>) where torch keeps them in <c>scalar_t</c>; the rest is double, as torch's
/// <c>accscalar_t</c>.
/// </summary>
internal static class TorchBinomial<TScalar>
    where TScalar : struct, ITorchScalar
{
    private static ReadOnlySpan<double> TailValues =>
    [
        0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211,
        0.0138761288230707, 0.0118967099458917, 0.0104112652619720, 0.00925546218271273, 0.00833056343336287,
    ];

    /// <summary>One variate (a <c>scalar_t</c> value) for a count and probability already in <typeparamref name="TScalar"/>.</summary>
    public static double Sample<TSource>(ref TSource source, double count, double prob)
        where TSource : struct, ITorchVariates
    {
        if (count <= 0.0 || prob <= 0.0)
        {
            return 0;
        }

        if (prob >= 1.0)
        {
            return count;
        }

        if (prob <= 0.5)
        {
            return TScalar.Round(count * prob) >= 10.0 ? Btrs(ref source, count, prob) : Inversion(ref source, count, prob);
        }

        if (prob > 0.5)
        {
            double qprob = TScalar.Round(1.0 - prob);
            return TScalar.Round(count - (TScalar.Round(count * qprob) >= 10.0 ? Btrs(ref source, count, qprob) : Inversion(ref source, count, qprob)));
        }

        // prob is NaN: C's NAN, the positive quiet NaN (.NET's double.NaN has the sign bit set).
        return BitConverter.UInt64BitsToDouble(0x7FF8000000000000);
    }

    private static double Inversion<TSource>(ref TSource source, double count, double prob)
        where TSource : struct, ITorchVariates
    {
        double geomSum = 0;
        double numGeom = 0;
        double logprob = TScalar.Log1p(-prob);
        while (true)
        {
            double geom = Math.Ceiling(Math.Log(source.NextDouble()) / logprob);
            geomSum += geom;
            if (geomSum > count)
            {
                return numGeom;
            }

            numGeom = TScalar.Round(numGeom + 1);
        }
    }

    private static double Btrs<TSource>(ref TSource source, double count, double prob)
        where TSource : struct, ITorchVariates
    {
        // scalar_t: n p (1 - p) and its square root, r = p / (1 - p), m = floor((n + 1) p).
        double oneMinusProb = TScalar.Round(1 - prob);
        double stddev = TScalar.Round(Math.Sqrt(TScalar.Round(TScalar.Round(count * prob) * oneMinusProb)));
        double b = 1.15 + (2.53 * stddev);
        double a = -0.0873 + (0.0248 * b) + (0.01 * prob);
        double c = TScalar.Round(count * prob) + 0.5;
        double vr = 0.92 - (4.2 / b);
        double r = TScalar.Round(prob / oneMinusProb);
        double alpha = (2.83 + (5.1 / b)) * stddev;
        double m = Math.Floor(TScalar.Round(TScalar.Round(count + 1) * prob));
        while (true)
        {
            double u = source.NextDouble() - 0.5;
            double v = source.NextDouble();
            double us = 0.5 - Math.Abs(u);
            double k = TScalar.Round(Math.Floor((((2 * a / us) + b) * u) + c));
            if (k < 0 || k > count)
            {
                continue;
            }

            if (us >= 0.07 && v <= vr)
            {
                return k;
            }

            v = Math.Log(v * alpha / ((a / (us * us)) + b));
            double countMinusK = TScalar.Round(TScalar.Round(count - k) + 1);
            double upperbound =
                ((m + 0.5) * Math.Log((m + 1) / (r * (count - m + 1)))) +
                (TScalar.Round(count + 1) * Math.Log((count - m + 1) / countMinusK)) +
                ((k + 0.5) * Math.Log(r * countMinusK / TScalar.Round(k + 1))) +
                StirlingApproxTail(m) + StirlingApproxTail(count - m) -
                StirlingApproxTail(k) - StirlingApproxTail(TScalar.Round(count - k));
            if (v <= upperbound)
            {
                return k;
            }
        }
    }

    private static double StirlingApproxTail(double k)
    {
        if (k <= 9)
        {
            // torch indexes its table with static_cast<size_t>(k); k is a whole number in [0, 9] here.
            return TailValues[(int)k];
        }

        double kp1sq = (k + 1) * (k + 1);
        return ((1.0 / 12) - (((1.0 / 360) - (1.0 / 1260 / kp1sq)) / kp1sq)) / (k + 1);
    }
}

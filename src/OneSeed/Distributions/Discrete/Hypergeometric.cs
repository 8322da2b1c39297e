using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Hypergeometric variates as NumPy draws them. <c>Generator</c> (<c>random_hypergeometric.c</c>): Stadlober's
/// ratio-of-uniforms (HRUA) for 10 ≤ nsample ≤ ngood + nbad − 10 with <c>logfactorial</c>, else a draw-by-draw
/// simulation over <c>random_interval</c>. <c>RandomState</c> (<c>legacy-distributions.c</c>): HRUA for nsample &gt; 10
/// with <c>random_loggam</c> and NumPy 1.16's constants, else the older inversion (<c>hypergeometric_hyp</c>).
/// </summary>
internal static class Hypergeometric
{
    // D1 = 2 sqrt(2/e), D2 = 3 - 2 sqrt(3/e), as NumPy writes them.
    private const double D1 = 1.7155277699214135;
    private const double D2 = 0.8989161620588988;

    /// <summary>NumPy's <c>random_hypergeometric(good, bad, sample)</c>.</summary>
    public static long Sample<TSource>(ref TSource source, long good, long bad, long sample)
        where TSource : struct, IRawSource =>
        sample >= 10 && sample <= good + bad - 10 ? Hrua(ref source, good, bad, sample) : Simulate(ref source, good, bad, sample);

    /// <summary>NumPy's <c>legacy_random_hypergeometric(good, bad, sample)</c>.</summary>
    public static long Legacy<TSource>(ref TSource source, long good, long bad, long sample)
        where TSource : struct, IRawSource
    {
        if (sample > 10)
        {
            return LegacyHrua(ref source, good, bad, sample);
        }

        return sample > 0 ? LegacyInversion(ref source, good, bad, sample) : 0;
    }

    private static long Simulate<TSource>(ref TSource source, long good, long bad, long sample)
        where TSource : struct, IRawSource
    {
        long total = good + bad;
        long computedSample = sample > total / 2 ? total - sample : sample;
        long remainingTotal = total;
        long remainingGood = good;
        while (computedSample > 0 && remainingGood > 0 && remainingTotal > remainingGood)
        {
            // random_interval(max) is inclusive, so the total is decremented first.
            --remainingTotal;
            if ((long)BoundedIntegers.Interval(ref source, (ulong)remainingTotal) < remainingGood)
            {
                --remainingGood;
            }

            --computedSample;
        }

        if (remainingTotal == remainingGood)
        {
            // Only good ones are left.
            remainingGood -= computedSample;
        }

        return sample > total / 2 ? remainingGood : good - remainingGood;
    }

    private static long Hrua<TSource>(ref TSource source, long good, long bad, long sample)
        where TSource : struct, IRawSource
    {
        long popsize = good + bad;
        long computedSample = Math.Min(sample, popsize - sample);
        long minGoodBad = Math.Min(good, bad);
        long maxGoodBad = Math.Max(good, bad);
        double p = (double)minGoodBad / popsize;
        double q = (double)maxGoodBad / popsize;
        double mu = computedSample * p;
        double a = mu + 0.5;
        double variance = (double)(popsize - computedSample) * computedSample * p * q / (popsize - 1);
        double c = Math.Sqrt(variance + 0.5);
        double h = (D1 * c) + D2;
        long m = CConversions.TruncateToInt64(Math.Floor((double)(computedSample + 1) * (minGoodBad + 1) / (popsize + 2)));
        double g = LogGamma.LogFactorial(m) + LogGamma.LogFactorial(minGoodBad - m) + LogGamma.LogFactorial(computedSample - m)
            + LogGamma.LogFactorial(maxGoodBad - computedSample + m);

        // C's MIN of an int64 and a double: compared and returned in double.
        double support = Math.Min(computedSample, minGoodBad) + 1;
        double tail = Math.Floor(a + (16 * c));
        double b = support < tail ? support : tail;

        long k;
        while (true)
        {
            double u = source.NextDouble();
            double v = source.NextDouble();
            double x = a + (h * (v - 0.5) / u);
            if (x < 0.0 || x >= b)
            {
                continue;
            }

            k = CConversions.TruncateToInt64(Math.Floor(x));
            double gp = LogGamma.LogFactorial(k) + LogGamma.LogFactorial(minGoodBad - k) + LogGamma.LogFactorial(computedSample - k)
                + LogGamma.LogFactorial(maxGoodBad - computedSample + k);
            double t = g - gp;
            if ((u * (4.0 - u)) - 3.0 <= t)
            {
                break;
            }

            if (u * (u - t) >= 1)
            {
                continue;
            }

            if (2.0 * Math.Log(u) <= t)
            {
                break;
            }
        }

        if (good > bad)
        {
            k = computedSample - k;
        }

        if (computedSample < sample)
        {
            k = good - k;
        }

        return k;
    }

    private static long LegacyInversion<TSource>(ref TSource source, long good, long bad, long sample)
        where TSource : struct, IRawSource
    {
        long d1 = bad + good - sample;
        double d2 = Math.Min(bad, good);
        double y = d2;
        long k = sample;
        while (y > 0.0)
        {
            double u = source.NextDouble();
            y -= CConversions.TruncateToInt64(Math.Floor(u + (y / (d1 + k))));
            k--;
            if (k == 0)
            {
                break;
            }
        }

        long z = CConversions.TruncateToInt64(d2 - y);
        return good > bad ? sample - z : z;
    }

    private static long LegacyHrua<TSource>(ref TSource source, long good, long bad, long sample)
        where TSource : struct, IRawSource
    {
        long minGoodBad = Math.Min(good, bad);
        long popsize = good + bad;
        long maxGoodBad = Math.Max(good, bad);
        long m = Math.Min(sample, popsize - sample);
        double d4 = (double)minGoodBad / popsize;
        double d5 = 1.0 - d4;
        double d6 = (m * d4) + 0.5;
        double d7 = Math.Sqrt(((double)(popsize - m) * sample * d4 * d5 / (popsize - 1)) + 0.5);
        double d8 = (D1 * d7) + D2;
        long d9 = CConversions.TruncateToInt64(Math.Floor((double)(m + 1) * (minGoodBad + 1) / (popsize + 2)));
        double d10 = LogGamma.RandomLoggam(d9 + 1) + LogGamma.RandomLoggam(minGoodBad - d9 + 1) + LogGamma.RandomLoggam(m - d9 + 1)
            + LogGamma.RandomLoggam(maxGoodBad - m + d9 + 1);
        double support = Math.Min(m, minGoodBad) + 1.0;
        double tail = Math.Floor(d6 + (16 * d7));
        double d11 = support < tail ? support : tail;

        long z;
        while (true)
        {
            double x = source.NextDouble();
            double y = source.NextDouble();
            double w = d6 + (d8 * (y - 0.5) / x);
            if (w < 0.0 || w >= d11)
            {
                continue;
            }

            z = CConversions.TruncateToInt64(Math.Floor(w));
            double t = d10 - (LogGamma.RandomLoggam(z + 1) + LogGamma.RandomLoggam(minGoodBad - z + 1) + LogGamma.RandomLoggam(m - z + 1)
                + LogGamma.RandomLoggam(maxGoodBad - m + z + 1));
            if ((x * (4.0 - x)) - 3.0 <= t)
            {
                break;
            }

            if (x * (x - t) >= 1)
            {
                continue;
            }

            // log(0) is fine here: it accepts.
            if (2.0 * Math.Log(x) <= t)
            {
                break;
            }
        }

        if (good > bad)
        {
            z = m - z;
        }

        if (m < sample)
        {
            z = good - z;
        }

        return z;
    }
}

/// <summary><c>hypergeometric(ngood, nbad, nsample)</c> of either façade, for bulk fills.</summary>
internal readonly struct HypergeometricSampler(long good, long bad, long sample, bool legacy) : ISampler<long>
{
    // Generator's simulation draws 32-bit words; the legacy inversion draws nothing when good or bad is 0.
    public bool DrawsWords => legacy && (sample > 10 || (sample > 0 && Math.Min(good, bad) > 0));

    public long Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource =>
        legacy ? Hypergeometric.Legacy(ref source, good, bad, sample) : Hypergeometric.Sample(ref source, good, bad, sample);
}

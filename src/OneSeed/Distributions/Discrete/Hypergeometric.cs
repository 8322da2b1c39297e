using System.Buffers;
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
        UsesHrua(good, bad, sample) ? Hrua(ref source, good, bad, sample) : Simulate(ref source, good, bad, sample);

    /// <summary>Whether <c>Generator</c>'s hypergeometric takes HRUA (10 ≤ nsample ≤ ngood + nbad − 10) rather than the simulation.</summary>
    public static bool UsesHrua(long good, long bad, long sample) => sample >= 10 && sample <= good + bad - 10;

    // The simulation draws the smaller of the sample and its complement.
    private static long SimulatedSample(long total, long sample) => sample > total / 2 ? total - sample : sample;

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

    /// <summary>
    /// <paramref name="destination"/> filled with <see cref="Sample"/> values where that is the simulation (nsample &lt; 10
    /// or above ngood + nbad − 10) over an engine's 32-bit draws in chunks (<see cref="UInt32DrawCursor"/>), the same
    /// draws and values as the per-value loop. False, with nothing drawn, where the per-value loop must run (HRUA, or a
    /// simulation that can end without a draw).
    /// </summary>
    public static bool TryFillSimulated(BitGenerator engine, Span<long> destination, long good, long bad, long sample)
    {
        // Each value's loop runs at least this many times (it stops once the sample, the good or the bad ones run out),
        // and each pass takes at least one draw: a chunk of that many draws per value still to make never runs ahead.
        long leastDraws = Math.Min(SimulatedSample(good + bad, sample), Math.Min(good, bad));
        if (UsesHrua(good, bad, sample) || leastDraws <= 0 || destination.IsEmpty)
        {
            return false;
        }

        uint[] buffer = ArrayPool<uint>.Shared.Rent(1024);
        var cursor = new UInt32DrawCursor(engine, buffer);
        for (int i = 0; i < destination.Length; i++)
        {
            if (cursor.Available == 0)
            {
                cursor.Refill((int)Math.Min(int.MaxValue, (destination.Length - i) * leastDraws));
            }

            destination[i] = Simulate(ref cursor, good, bad, sample);
        }

        ArrayPool<uint>.Shared.Return(buffer);
        return true;
    }

    private static long Simulate<TSource>(ref TSource source, long good, long bad, long sample)
        where TSource : struct, IRawSource
    {
        long total = good + bad;
        long computedSample = SimulatedSample(total, sample);
        long remainingTotal = total;
        long remainingGood = good;
        while (computedSample > 0 && remainingGood > 0 && remainingTotal > remainingGood)
        {
            // random_interval(max) is inclusive, so the total is decremented first.
            --remainingTotal;
            // Whether the draw is a good one is a coin toss the branch predictor loses half the time: subtract the
            // comparison's sign bit instead (both sides are below 2^31, so the difference cannot overflow).
            long draw = (long)BoundedIntegers.Interval(ref source, (ulong)remainingTotal);
            remainingGood -= (long)((ulong)(draw - remainingGood) >> 63);

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
        where TSource : struct, IRawSource => new HruaSetup(good, bad, sample).Sample(ref source);

    /// <summary>
    /// The constants of Stadlober's HRUA for one (good, bad, sample): NumPy computes them for every value, a sampler
    /// once (the same values; four log-factorials and a square root saved per value).
    /// </summary>
    internal readonly struct HruaSetup
    {
        private readonly long _good;
        private readonly long _bad;
        private readonly long _sample;
        private readonly long _computedSample;
        private readonly long _minGoodBad;
        private readonly long _maxGoodBad;
        private readonly double _a;
        private readonly double _h;
        private readonly double _g;
        private readonly double _b;

        public HruaSetup(long good, long bad, long sample)
        {
            (_good, _bad, _sample) = (good, bad, sample);
            long popsize = good + bad;
            _computedSample = Math.Min(sample, popsize - sample);
            _minGoodBad = Math.Min(good, bad);
            _maxGoodBad = Math.Max(good, bad);
            double p = (double)_minGoodBad / popsize;
            double q = (double)_maxGoodBad / popsize;
            double mu = _computedSample * p;
            _a = mu + 0.5;
            double variance = (double)(popsize - _computedSample) * _computedSample * p * q / (popsize - 1);
            double c = Math.Sqrt(variance + 0.5);
            _h = (D1 * c) + D2;
            long m = CConversions.TruncateToInt64(Math.Floor((double)(_computedSample + 1) * (_minGoodBad + 1) / (popsize + 2)));
            _g = LogFactorials(m);

            // C's MIN of an int64 and a double: compared and returned in double.
            double support = Math.Min(_computedSample, _minGoodBad) + 1;
            double tail = Math.Floor(_a + (16 * c));
            _b = support < tail ? support : tail;
        }

        public long Sample<TSource>(ref TSource source)
            where TSource : struct, IRawSource
        {
            long k;
            while (true)
            {
                double u = source.NextDouble();
                double v = source.NextDouble();
                double x = _a + (_h * (v - 0.5) / u);
                if (x < 0.0 || x >= _b)
                {
                    continue;
                }

                k = CConversions.TruncateToInt64(Math.Floor(x));
                double t = _g - LogFactorials(k);
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

            if (_good > _bad)
            {
                k = _computedSample - k;
            }

            if (_computedSample < _sample)
            {
                k = _good - k;
            }

            return k;
        }

        // The four log-factorials of the PMF's denominator at k, summed in NumPy's order.
        private double LogFactorials(long k) => LogGamma.LogFactorial(k) + LogGamma.LogFactorial(_minGoodBad - k)
            + LogGamma.LogFactorial(_computedSample - k) + LogGamma.LogFactorial(_maxGoodBad - _computedSample + k);
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
        where TSource : struct, IRawSource => new LegacyHruaSetup(good, bad, sample).Sample(ref source);

    /// <summary>The constants of NumPy 1.16's HRUA (<c>legacy-distributions.c</c>) for one (good, bad, sample), computed once per sampler.</summary>
    internal readonly struct LegacyHruaSetup
    {
        private readonly long _good;
        private readonly long _bad;
        private readonly long _sample;
        private readonly long _minGoodBad;
        private readonly long _maxGoodBad;
        private readonly long _m;
        private readonly double _d6;
        private readonly double _d8;
        private readonly double _d10;
        private readonly double _d11;

        public LegacyHruaSetup(long good, long bad, long sample)
        {
            (_good, _bad, _sample) = (good, bad, sample);
            _minGoodBad = Math.Min(good, bad);
            long popsize = good + bad;
            _maxGoodBad = Math.Max(good, bad);
            _m = Math.Min(sample, popsize - sample);
            double d4 = (double)_minGoodBad / popsize;
            double d5 = 1.0 - d4;
            _d6 = (_m * d4) + 0.5;
            double d7 = Math.Sqrt(((double)(popsize - _m) * sample * d4 * d5 / (popsize - 1)) + 0.5);
            _d8 = (D1 * d7) + D2;
            long d9 = CConversions.TruncateToInt64(Math.Floor((double)(_m + 1) * (_minGoodBad + 1) / (popsize + 2)));
            _d10 = LogGammas(d9);
            double support = Math.Min(_m, _minGoodBad) + 1.0;
            double tail = Math.Floor(_d6 + (16 * d7));
            _d11 = support < tail ? support : tail;
        }

        public long Sample<TSource>(ref TSource source)
            where TSource : struct, IRawSource
        {
            long z;
            while (true)
            {
                double x = source.NextDouble();
                double y = source.NextDouble();
                double w = _d6 + (_d8 * (y - 0.5) / x);
                if (w < 0.0 || w >= _d11)
                {
                    continue;
                }

                z = CConversions.TruncateToInt64(Math.Floor(w));
                double t = _d10 - LogGammas(z);
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

            if (_good > _bad)
            {
                z = _m - z;
            }

            if (_m < _sample)
            {
                z = _good - z;
            }

            return z;
        }

        // random_loggam of the PMF's four factorials at z (each + 1), summed in NumPy's order.
        private double LogGammas(long z) => LogGamma.RandomLoggam(z + 1) + LogGamma.RandomLoggam(_minGoodBad - z + 1)
            + LogGamma.RandomLoggam(_m - z + 1) + LogGamma.RandomLoggam(_maxGoodBad - _m + z + 1);
    }
}

/// <summary><c>hypergeometric(ngood, nbad, nsample)</c> of either façade, for bulk fills.</summary>
internal readonly struct HypergeometricSampler(long good, long bad, long sample, bool legacy) : ISampler<long>
{
    private readonly bool _hrua = !legacy && Hypergeometric.UsesHrua(good, bad, sample);
    private readonly bool _legacyHrua = legacy && sample > 10;
    private readonly Hypergeometric.HruaSetup _setup = !legacy && Hypergeometric.UsesHrua(good, bad, sample) ? new(good, bad, sample) : default;
    private readonly Hypergeometric.LegacyHruaSetup _legacySetup = legacy && sample > 10 ? new(good, bad, sample) : default;

    // Generator's simulation draws 32-bit words; the legacy inversion draws nothing when good or bad is 0.
    public bool DrawsWords => legacy && (sample > 10 || (sample > 0 && Math.Min(good, bad) > 0));

    public long Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource =>
        _hrua ? _setup.Sample(ref source) : _legacyHrua ? _legacySetup.Sample(ref source) : legacy ? Hypergeometric.Legacy(ref source, good, bad, sample) : Hypergeometric.Sample(ref source, good, bad, sample);
}

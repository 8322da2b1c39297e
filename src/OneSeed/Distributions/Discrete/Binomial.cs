using System.Runtime.Intrinsics;
using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Binomial variates as NumPy draws them: inversion when min(p, 1 − p)·n ≤ 30, else Kachitvichyanukul and Schmeiser's
/// BTPE, each for the smaller of p and 1 − p. <c>Generator</c>'s <c>random_binomial</c> returns 0 without a draw for
/// n = 0 or p = 0; <c>RandomState</c>'s <c>legacy_random_binomial</c> does not (it draws once). The set-up of each
/// method depends only on (n, p), so a sampler computes it once, as NumPy's <c>binomial_t</c> cache does.
/// </summary>
internal readonly struct BinomialSampler : ISampler<long>
{
    private readonly long _n;
    private readonly bool _flip;
    private readonly bool _zero;
    private readonly bool _btpe;

    // Inversion: q, q^n, n p, the bound on the search.
    private readonly double _q;
    private readonly double _qn;
    private readonly long _bound;

    // BTPE: NumPy's names.
    private readonly double _p;
    private readonly double _r;
    private readonly double _fm;
    private readonly long _m;
    private readonly double _p1;
    private readonly double _xm;
    private readonly double _xl;
    private readonly double _xr;
    private readonly double _c;
    private readonly double _laml;
    private readonly double _lamr;
    private readonly double _p2;
    private readonly double _p3;
    private readonly double _p4;

    /// <summary>The sampler of <c>binomial(n, p)</c>; <paramref name="legacy"/> selects <c>RandomState</c>'s variant.</summary>
    public BinomialSampler(long n, double p, bool legacy)
    {
        _n = n;
        _zero = !legacy && (n == 0 || p == 0.0);
        _flip = p > 0.5;
        double pp = _flip ? 1.0 - p : p;
        _p = pp;
        _btpe = pp * n > 30.0;
        if (_btpe)
        {
            _r = Math.Min(pp, 1.0 - pp);
            _q = 1.0 - _r;
            _fm = (n * _r) + _r;
            _m = CConversions.TruncateToInt64(Math.Floor(_fm));
            _p1 = Math.Floor((2.195 * Math.Sqrt(n * _r * _q)) - (4.6 * _q)) + 0.5;
            _xm = _m + 0.5;
            _xl = _xm - _p1;
            _xr = _xm + _p1;
            _c = 0.134 + (20.5 / (15.3 + _m));
            double a = (_fm - _xl) / (_fm - (_xl * _r));
            _laml = a * (1.0 + (a / 2.0));
            a = (_xr - _fm) / (_xr * _q);
            _lamr = a * (1.0 + (a / 2.0));
            _p2 = _p1 * (1.0 + (2.0 * _c));
            _p3 = _p2 + (_c / _laml);
            _p4 = _p3 + (_c / _lamr);
        }
        else
        {
            _q = 1.0 - pp;
            _qn = Math.Exp(n * Math.Log(_q));
            double np = n * pp;
            double limit = np + (10.0 * Math.Sqrt((np * _q) + 1));
            // C's MIN(n, limit): the comparison and the result in double.
            _bound = CConversions.TruncateToInt64(n < limit ? n : limit);
        }
    }

    public bool DrawsWords => !_zero;

    public long Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource
    {
        if (_zero)
        {
            return 0;
        }

        long y = _btpe ? Btpe(ref source) : Inversion(ref source);
        return _flip ? _n - y : y;
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with the values, and leaves the engine in the state, of <see cref="Sample{TSource}"/>
    /// once per element. In the inversion regime every value takes exactly one uniform unless its search passes the
    /// bound (then it draws again), so four values search at once, each lane performing the scalar path's operations
    /// on its own uniform; a group where a lane passes the bound, and the last values of a chunk, take the scalar path.
    /// </summary>
    public unsafe void Fill(BitGenerator engine, Span<long> destination)
    {
        if (_zero)
        {
            destination.Clear();
            return;
        }

        // Above 2^53 trials, n - X + 1 is no longer exact in double: those keep the scalar path.
        if (_btpe || _n >= 1L << 53 || !Vector256.IsHardwareAccelerated)
        {
            BinomialSampler self = this;
            BufferedSampler<BinomialSampler, long>.Fill(engine, destination, ref self);
            return;
        }

        const int Chunk = 512;
        double* uniforms = stackalloc double[Chunk];
        for (int i = 0; i < destination.Length;)
        {
            int k = Math.Min(Chunk, destination.Length - i);
            Span<long> dst = destination.Slice(i, k);
            engine.Fill(new Span<double>(uniforms, k));
            int done = InversionGroups(uniforms, k, dst);
            var rest = new BufferedDoubles(uniforms + done, k - done, engine);
            for (int j = done; j < k; j++)
            {
                dst[j] = Sample(ref rest);
            }

            i += k;
        }
    }

    // The inversion search of four values at a time from their uniforms; returns how many values it completed.
    private unsafe int InversionGroups(double* uniforms, int count, Span<long> destination)
    {
        Vector256<double> qn = Vector256.Create(_qn), bound = Vector256.Create((double)_bound), one = Vector256<double>.One;
        Vector256<double> nPlus1 = Vector256.Create((double)_n + 1), p = Vector256.Create(_p), q = Vector256.Create(_q);
        int g = 0;
        for (; g + 4 <= count; g += 4)
        {
            Vector256<double> u = Vector256.Load(uniforms + g);
            Vector256<double> px = qn, x = Vector256<double>.Zero;
            while (true)
            {
                Vector256<double> active = Vector256.GreaterThan(u, px);
                if (active == Vector256<double>.Zero)
                {
                    break;
                }

                x += active & one;
                if ((active & Vector256.GreaterThan(x, bound)) != Vector256<double>.Zero)
                {
                    // A search passed the bound: NumPy draws again for it, so this group goes the scalar way.
                    return g;
                }

                // (n - X + 1) * p * px / (X * q), with n - X + 1 exact in double (n < 2^53).
                Vector256<double> next = (nPlus1 - x) * p * px / (x * q);
                u = Vector256.ConditionalSelect(active, u - px, u);
                px = Vector256.ConditionalSelect(active, next, px);
            }

            for (int lane = 0; lane < 4; lane++)
            {
                long value = (long)x.GetElement(lane);
                destination[g + lane] = _flip ? _n - value : value;
            }
        }

        return g;
    }

    private long Inversion<TSource>(ref TSource source)
        where TSource : struct, IRawSource
    {
        long x = 0;
        double px = _qn;
        double u = source.NextDouble();
        while (u > px)
        {
            x++;
            if (x > _bound)
            {
                x = 0;
                px = _qn;
                u = source.NextDouble();
            }
            else
            {
                u -= px;
                px = (_n - x + 1) * _p * px / (x * _q);
            }
        }

        return x;
    }

    private long Btpe<TSource>(ref TSource source)
        where TSource : struct, IRawSource
    {
        long n = _n, m = _m;
        double r = _r, q = _q, p1 = _p1, c = _c;
        while (true)
        {
            // Step 10: the triangle, the parallelograms, the exponential tails.
            double nrq = n * r * q;
            double u = source.NextDouble() * _p4;
            double v = source.NextDouble();
            long y;
            if (u <= p1)
            {
                return CConversions.TruncateToInt64(Math.Floor(_xm - (p1 * v) + u));
            }

            if (u <= _p2)
            {
                double x = _xl + ((u - p1) / c);
                v = (v * c) + 1.0 - (Math.Abs(m - x + 0.5) / p1);
                if (v > 1.0)
                {
                    continue;
                }

                y = CConversions.TruncateToInt64(Math.Floor(x));
            }
            else if (u <= _p3)
            {
                y = CConversions.TruncateToInt64(Math.Floor(_xl + (Math.Log(v) / _laml)));
                // The cast of log(0) gave INT64_MIN: reject v = 0 too.
                if (y < 0 || v == 0.0)
                {
                    continue;
                }

                v = v * (u - _p2) * _laml;
            }
            else
            {
                y = CConversions.TruncateToInt64(Math.Floor(_xr - (Math.Log(v) / _lamr)));
                if (y > n || v == 0.0)
                {
                    continue;
                }

                v = v * (u - _p3) * _lamr;
            }

            // Step 50: the acceptance test, explicit near the mode, else through Stirling's bounds (step 52).
            long k = y - m;
            if (k < 0)
            {
                k = -k;
            }

            if (k > 20 && k < (nrq / 2.0) - 1)
            {
                double rho = (k / nrq) * ((((k * ((k / 3.0) + 0.625)) + 0.16666666666666666) / nrq) + 0.5);
                double t = -k * k / (2 * nrq);
                double logV = Math.Log(v);
                if (logV < t - rho)
                {
                    return y;
                }

                if (logV > t + rho)
                {
                    continue;
                }

                double x1 = y + 1;
                double f1 = m + 1;
                double z = n + 1 - m;
                double w = n - y + 1;
                double x2 = x1 * x1;
                double f2 = f1 * f1;
                double z2 = z * z;
                double w2 = w * w;
                double bound = (_xm * Math.Log(f1 / x1)) + ((n - m + 0.5) * Math.Log(z / w)) + ((y - m) * Math.Log(w * r / (x1 * q)))
                    + (Stirling(f2) / f1 / 166320.0) + (Stirling(z2) / z / 166320.0) + (Stirling(x2) / x1 / 166320.0) + (Stirling(w2) / w / 166320.0);
                if (logV > bound)
                {
                    continue;
                }

                return y;
            }

            double s = r / q;
            double aa = s * (n + 1);
            double f = 1.0;
            if (m < y)
            {
                for (long i = m + 1; i <= y; i++)
                {
                    f *= (aa / i) - s;
                }
            }
            else if (m > y)
            {
                for (long i = y + 1; i <= m; i++)
                {
                    f /= (aa / i) - s;
                }
            }

            if (v > f)
            {
                continue;
            }

            return y;
        }
    }

    private static double Stirling(double x2) => 13680.0 - ((462.0 - ((132.0 - ((99.0 - (140.0 / x2)) / x2)) / x2)) / x2);
}

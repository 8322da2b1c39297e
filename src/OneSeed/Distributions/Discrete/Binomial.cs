using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
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

    // Inversion's P(X = x) for x = 0 ... bound, each from the one before by the search's own recurrence (so the same
    // values, without a division per step), where the sampler was built to serve many values.
    private readonly double[]? _px;

    /// <summary>
    /// The sampler of <c>binomial(n, p)</c>; <paramref name="legacy"/> selects <c>RandomState</c>'s variant. With
    /// <paramref name="tabulate"/>, the inversion method's probabilities are computed once, for a sampler that serves
    /// many values (up to <see cref="MaxTabulatedBound"/> of them tabulated).
    /// </summary>
    public BinomialSampler(long n, double p, bool legacy, bool tabulate = false)
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
            _px = tabulate && _bound <= MaxTabulatedBound && !_zero ? InversionTable(n, _p, _q, _qn, _bound) : null;
        }
    }

    /// <summary>The largest search bound whose probabilities a tabulating sampler stores.</summary>
    public const long MaxTabulatedBound = 4096;

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

        // Below 2^51 trials the candidates convert four at a time (CConversions.IntegralToInt64); below 64 values the
        // kernel's table (820 divisions) would cost more than it saves.
        if (_btpe && destination.Length >= 64 && _n < CConversions.IntegralToInt64Limit && Avx2.IsSupported && UInt64DrawCursor.CanBuffer(engine))
        {
            TwoStageRejection.Fill(engine, destination, new BtpeKernel(this));
            return;
        }

        if (_btpe || !Vector256.IsHardwareAccelerated)
        {
            BinomialSampler self = this;
            BufferedSampler<BinomialSampler, long>.Fill(engine, destination, ref self);
            return;
        }

        // The search's probabilities come from the table, built by the scalar recurrence itself, so any n serves.
        double[] table = _px ?? InversionTable(_n, _p, _q, _qn, _bound);
        const int Chunk = 512;
        double* uniforms = stackalloc double[Chunk];
        for (int i = 0; i < destination.Length;)
        {
            int k = Math.Min(Chunk, destination.Length - i);
            Span<long> dst = destination.Slice(i, k);
            engine.Fill(new Span<double>(uniforms, k));
            int done = InversionGroups(uniforms, k, dst, table);
            var rest = new BufferedDoubles(uniforms + done, k - done, engine);
            for (int j = done; j < k; j++)
            {
                dst[j] = Sample(ref rest);
            }

            i += k;
        }
    }

    // Inversion's P(X = x) for x = 0 ... bound: (n - x + 1) * p * P(X = x - 1) / (x * q), the search's own steps.
    private static double[] InversionTable(long n, double p, double q, double qn, long bound)
    {
        var table = new double[bound + 1];
        double px = qn;
        table[0] = px;
        for (long x = 1; x <= bound; x++)
        {
            px = (n - x + 1) * p * px / (x * q);
            table[x] = px;
        }

        return table;
    }

    // The inversion search of four values at a time from their uniforms; returns how many values it completed. A lane
    // still searching at step t has searched at every step before, so its X is t and its next probability the table's
    // entry t, the same for every such lane: one broadcast instead of a division per step.
    private unsafe int InversionGroups(double* uniforms, int count, Span<long> destination, double[] table)
    {
        Vector256<double> qn = Vector256.Create(_qn), one = Vector256<double>.One;
        int g = 0;
        for (; g + 4 <= count; g += 4)
        {
            Vector256<double> u = Vector256.Load(uniforms + g);
            Vector256<double> px = qn, x = Vector256<double>.Zero;
            for (long t = 1; ; t++)
            {
                Vector256<double> active = Vector256.GreaterThan(u, px);
                if (active == Vector256<double>.Zero)
                {
                    break;
                }

                if (t > _bound)
                {
                    // A search passed the bound: NumPy draws again for it, so this group goes the scalar way.
                    return g;
                }

                x += active & one;
                u = Vector256.ConditionalSelect(active, u - px, u);
                px = Vector256.ConditionalSelect(active, Vector256.Create(table[t]), px);
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
        double[]? table = _px;
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
                px = table is null ? (_n - x + 1) * _p * px / (x * _q) : table[x];
            }
        }

        return x;
    }

    private long Btpe<TSource>(ref TSource source)
        where TSource : struct, IRawSource
    {
        while (true)
        {
            // Step 10: the triangle, the parallelograms, the exponential tails.
            double u = source.NextDouble() * _p4;
            if (BtpeAttempt(u, source.NextDouble(), out long y))
            {
                return y;
            }
        }
    }

    // One BTPE attempt from its two uniforms (u already scaled by p4): whether it accepts, and its value.
    private bool BtpeAttempt(double u, double v, out long y)
    {
        long n = _n, m = _m;
        double r = _r, q = _q, p1 = _p1, c = _c;
        double nrq = n * r * q;
        if (u <= p1)
        {
            y = CConversions.TruncateToInt64(Math.Floor(_xm - (p1 * v) + u));
            return true;
        }

        if (u <= _p2)
        {
            double x = _xl + ((u - p1) / c);
            v = (v * c) + 1.0 - (Math.Abs(m - x + 0.5) / p1);
            y = CConversions.TruncateToInt64(Math.Floor(x));
            if (v > 1.0)
            {
                return false;
            }
        }
        else if (u <= _p3)
        {
            y = CConversions.TruncateToInt64(Math.Floor(_xl + (Math.Log(v) / _laml)));
            // The cast of log(0) gave INT64_MIN: reject v = 0 too.
            if (y < 0 || v == 0.0)
            {
                return false;
            }

            v = v * (u - _p2) * _laml;
        }
        else
        {
            y = CConversions.TruncateToInt64(Math.Floor(_xr - (Math.Log(v) / _lamr)));
            if (y > n || v == 0.0)
            {
                return false;
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
                return true;
            }

            if (logV > t + rho)
            {
                return false;
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
            return logV <= bound;
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

        return v <= f;
    }

    /// <summary>
    /// BTPE's attempts in two stages (<see cref="TwoStageRejection"/>): the triangle (about two attempts in three at
    /// n p = 300), then the rest four at a time: the parallelograms and the tails, step 50 near the mode (from a table of
    /// the scalar loop's products), step 52's squeeze and Stirling's bound (glibc's log four lanes at a time). The lanes
    /// the vector logarithm leaves to the caller, and those beyond nrq / 2 - 1, run the scalar attempt on the same uniforms.
    /// </summary>
    [SkipLocalsInit] // The vector temporaries fill a large frame, zeroed on every call otherwise.
    private readonly unsafe struct BtpeKernel : TwoStageRejection.IKernel<long>
    {
        // Step 50 within 20 of the mode: f for y = m - 20 ... m + 20, each by the scalar loop's operations in its order.
        private const int Near = 20;

        private readonly BinomialSampler _binomial;
        private readonly double[] _f;

        // Step 52's two terms that do not depend on y (Stirling's corrections at the mode and at n - m + 1).
        private readonly double _modeCorrection;
        private readonly double _complementCorrection;

        public BtpeKernel(BinomialSampler binomial)
        {
            _binomial = binomial;
            _f = new double[(2 * Near) + 1];
            double s = binomial._r / binomial._q;
            double aa = s * (binomial._n + 1);
            long m = binomial._m;
            for (int j = 0; j < _f.Length; j++)
            {
                long y = m - Near + j;
                double f = 1.0;
                for (long i = m + 1; i <= y; i++)
                {
                    f *= (aa / i) - s;
                }

                for (long i = y + 1; i <= m; i++)
                {
                    f /= (aa / i) - s;
                }

                _f[j] = f;
            }

            double f1 = m + 1, z = binomial._n + 1 - m;
            _modeCorrection = Stirling(f1 * f1) / f1 / 166320.0;
            _complementCorrection = Stirling(z * z) / z / 166320.0;
        }

        public void Uniforms(ulong* words, bool twoHalves, out Vector256<double> u, out Vector256<double> v)
        {
            u = MarsagliaTsangBatches.Uniforms(words, 0, 2, 4, 6, twoHalves) * Vector256.Create(_binomial._p4);
            v = MarsagliaTsangBatches.Uniforms(words, 1, 3, 5, 7, twoHalves);
        }

        public Vector256<long> Quick(Vector256<double> u, Vector256<double> v, out uint accepted, out uint undecided)
        {
            // Step 10: the triangle.
            Vector256<double> p1 = Vector256.Create(_binomial._p1);
            accepted = Vector256.LessThanOrEqual(u, p1).ExtractMostSignificantBits();
            undecided = ~accepted & 0xF;
            return Flipped(CConversions.IntegralToInt64(Vector256.Floor(Vector256.Create(_binomial._xm) - (p1 * v) + u)));
        }

        public Vector256<long> Full(Vector256<double> u, Vector256<double> v, uint lanes, out uint accepted)
        {
            accepted = 0;
            Vector256<long> values = default;
            if (GlibcExactLogSinCos.IsSupported)
            {
                values = CConversions.IntegralToInt64(Outside(in _binomial, u, v, ref accepted, ref lanes));
            }

            for (; lanes != 0; lanes &= lanes - 1)
            {
                int lane = BitOperations.TrailingZeroCount(lanes);
                if (_binomial.BtpeAttempt(u.GetElement(lane), v.GetElement(lane), out long scalar))
                {
                    accepted |= 1u << lane;
                    values = values.WithElement(lane, scalar);
                }
            }

            return Flipped(values);
        }

        public long Next(ref UInt64DrawCursor draws) => _binomial.Sample(ref draws);

        private Vector256<long> Flipped(Vector256<long> y) => _binomial._flip ? Vector256.Create(_binomial._n) - y : y;

        // The attempts outside the triangle (the lanes of rest), as BtpeAttempt decides them: their candidates; the
        // lanes decided here leave rest, the accepted ones join accepted.
        private Vector256<double> Outside(in BinomialSampler b, Vector256<double> u, Vector256<double> v, ref uint accepted, ref uint rest)
        {
            // Each step's arithmetic only where a lane of rest takes it: a division or a logarithm costs as much as the
            // rest of a group, and the tails and the squeeze are each taken in about one group in four or five.
            Vector256<double> m = Vector256.Create((double)b._m), zero = Vector256<double>.Zero;

            // Step 20, the parallelograms.
            Vector256<double> x = Vector256.Create(b._xl) + ((u - Vector256.Create(b._p1)) / Vector256.Create(b._c));
            Vector256<double> y = Vector256.Floor(x);
            Vector256<double> w = ((v * Vector256.Create(b._c)) + Vector256<double>.One) - (Vector256.Abs(m - x + Vector256.Create(0.5)) / Vector256.Create(b._p1));
            Vector256<double> rejected = Vector256.GreaterThan(w, Vector256<double>.One);
            Vector256<double> decided = Vector256<double>.AllBitsSet;

            // Steps 30 and 40, the left and right exponential tails (v = 0 rejects: its log cast to INT64_MIN in NumPy).
            // A lane whose logarithm the vector path leaves to the caller goes to the scalar attempt.
            Vector256<double> left = Vector256.GreaterThan(u, Vector256.Create(b._p2));
            if ((left.ExtractMostSignificantBits() & rest) != 0)
            {
                Vector256<double> right = Vector256.GreaterThan(u, Vector256.Create(b._p3));
                Vector256<double> logV = GlibcVectorMath.Log(v, out Vector256<double> logVExact);
                Vector256<double> tail = Vector256.ConditionalSelect(right, Vector256.Floor(Vector256.Create(b._xr) - (logV / Vector256.Create(b._lamr))),
                    Vector256.Floor(Vector256.Create(b._xl) + (logV / Vector256.Create(b._laml))));
                y = Vector256.ConditionalSelect(left, tail, y);
                w = Vector256.ConditionalSelect(left, Vector256.ConditionalSelect(right, v * (u - Vector256.Create(b._p3)) * Vector256.Create(b._lamr),
                    v * (u - Vector256.Create(b._p2)) * Vector256.Create(b._laml)), w);
                Vector256<double> outside = Vector256.ConditionalSelect(right, Vector256.GreaterThan(tail, Vector256.Create((double)b._n)), Vector256.LessThan(tail, zero));
                rejected = Vector256.ConditionalSelect(left, outside | Vector256.Equals(v, zero), rejected);
                decided = ~left | logVExact;
            }

            // Step 50 within 20 of the mode: the scalar loop's f from the table.
            Vector256<double> k = Vector256.Abs(y - m);
            Vector256<double> near = Vector256.LessThanOrEqual(k, Vector256.Create((double)Near));
            Vector256<long> index = CConversions.IntegralToInt64(Vector256.ConditionalSelect(near, y - m, zero) + Vector256.Create((double)Near));
            Vector256<double> f;
            fixed (double* table = _f)
            {
                f = Avx2.GatherVector256(table, index, 8);
            }

            Vector256<double> accept = near & Vector256.LessThanOrEqual(w, f);
            Vector256<double> settled = rejected | near;

            // Step 52 (k > 20 and k < nrq / 2 - 1): the squeeze, then Stirling's bounds between its two limits; beyond
            // nrq / 2 - 1, the product loop, in the scalar attempt.
            double nrq = b._n * b._r * b._q;
            Vector256<double> squeeze = ~near & Vector256.LessThan(k, Vector256.Create((nrq / 2.0) - 1));
            if ((squeeze.ExtractMostSignificantBits() & rest) != 0)
            {
                Vector256<double> nrqs = Vector256.Create(nrq);
                Vector256<double> rho = (k / nrqs) * ((((k * ((k / Vector256.Create(3.0)) + Vector256.Create(0.625))) + Vector256.Create(0.16666666666666666)) / nrqs) + Vector256.Create(0.5));
                Vector256<double> t = -(k * k) / Vector256.Create(2 * nrq);
                Vector256<double> logW = GlibcVectorMath.Log(w, out Vector256<double> logWExact);
                Vector256<double> below = Vector256.LessThan(logW, t - rho), above = Vector256.GreaterThan(logW, t + rho);
                accept |= squeeze & logWExact & below;
                settled |= squeeze & logWExact & (below | above);
                Vector256<double> between = squeeze & logWExact & ~(below | above) & ~rejected & decided;
                if ((between.ExtractMostSignificantBits() & rest) != 0)
                {
                    Vector256<double> bound = StirlingBound(y, out Vector256<double> bounded);
                    bounded &= between;
                    accept |= bounded & Vector256.LessThanOrEqual(logW, bound);
                    settled |= bounded;
                }
            }

            uint decidedHere = (decided & settled).ExtractMostSignificantBits() & rest;
            accepted |= (accept & ~rejected).ExtractMostSignificantBits() & decidedHere;
            rest &= ~decidedHere;
            return y;
        }

        // Step 52's bound for candidates y, as BtpeAttempt computes it, in its order; the lanes outside exact have a
        // logarithm the vector path leaves to the caller.
        [MethodImpl(MethodImplOptions.NoInlining)] // Kept out of Full's frame: its temporaries would be Full's.
        private Vector256<double> StirlingBound(Vector256<double> y, out Vector256<double> exact)
        {
            ref readonly BinomialSampler b = ref _binomial;
            long n = b._n, m = b._m;
            double f1 = m + 1;
            double z = n + 1 - m;
            Vector256<double> x1 = y + Vector256<double>.One;
            Vector256<double> w = Vector256.Create((double)(n + 1)) - y;
            Vector256<double> logF = GlibcVectorMath.Log(Vector256.Create(f1) / x1, out Vector256<double> fExact);
            Vector256<double> logZ = GlibcVectorMath.Log(Vector256.Create(z) / w, out Vector256<double> zExact);
            Vector256<double> logW = GlibcVectorMath.Log(w * Vector256.Create(b._r) / (x1 * Vector256.Create(b._q)), out Vector256<double> wExact);
            exact = fExact & zExact & wExact;
            Vector256<double> scale = Vector256.Create(166320.0);
            return (Vector256.Create(b._xm) * logF) + (Vector256.Create(n - m + 0.5) * logZ) + ((y - Vector256.Create((double)m)) * logW)
                + Vector256.Create(_modeCorrection) + Vector256.Create(_complementCorrection)
                + (Stirling(x1 * x1) / x1 / scale) + (Stirling(w * w) / w / scale);
        }
    }

    private static double Stirling(double x2) => 13680.0 - ((462.0 - ((132.0 - ((99.0 - (140.0 / x2)) / x2)) / x2)) / x2);

    private static Vector256<double> Stirling(Vector256<double> x2) => Vector256.Create(13680.0) - ((Vector256.Create(462.0)
        - ((Vector256.Create(132.0) - ((Vector256.Create(99.0) - (Vector256.Create(140.0) / x2)) / x2)) / x2)) / x2);
}

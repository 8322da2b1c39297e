using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Poisson variates as NumPy draws them (<c>random_poisson</c>, shared by <c>Generator</c> and <c>RandomState</c>):
/// the multiplication method below λ = 10, Hörmann's transformed rejection (PTRS) from 10 on, and 0 without a draw
/// for λ = 0. Also the negative binomial, a Poisson with a gamma-distributed rate.
/// </summary>
internal readonly struct Poisson
{
    private readonly double _lam;

    // The multiplication method's exp(-lam); PTRS's constants (Hörmann's b, a, 1/alpha and v_r, and log(lam), sqrt(lam)).
    private readonly double _enlam;
    private readonly double _slam;
    private readonly double _loglam;
    private readonly double _b;
    private readonly double _a;
    private readonly double _logInvalpha;
    private readonly double _vr;

    /// <summary>The sampler of rate <paramref name="lam"/>: NumPy computes these constants for every value, a sampler once (the same values).</summary>
    public Poisson(double lam)
    {
        _lam = lam;
        if (lam >= 10)
        {
            _slam = Math.Sqrt(lam);
            _loglam = Math.Log(lam);
            _b = 0.931 + (2.53 * _slam);
            _a = -0.059 + (0.02483 * _b);
            _logInvalpha = Math.Log(1.1239 + (1.1328 / (_b - 3.4)));
            _vr = 0.9277 - (3.6224 / (_b - 2));
        }
        else
        {
            _enlam = Math.Exp(-lam);
        }
    }

    /// <summary>NumPy's <c>random_poisson(lam)</c> for a rate used once (the negative binomial's, say).</summary>
    public static long Sample<TSource>(ref TSource source, double lam)
        where TSource : struct, IRawSource => new Poisson(lam).Sample(ref source);

    /// <summary>One value of <c>random_poisson</c> for this rate.</summary>
    public long Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource
    {
        if (_lam >= 10)
        {
            return Ptrs(ref source);
        }

        return _lam == 0 ? 0 : Multiplication(ref source);
    }

    private long Multiplication<TSource>(ref TSource source)
        where TSource : struct, IRawSource
    {
        long x = 0;
        double product = 1.0;
        while (true)
        {
            product *= source.NextDouble();
            if (product > _enlam)
            {
                x += 1;
            }
            else
            {
                return x;
            }
        }
    }

    // W. Hörmann, "The transformed rejection method for generating Poisson random variables" (1993), as NumPy writes it.
    private long Ptrs<TSource>(ref TSource source)
        where TSource : struct, IRawSource
    {
        while (true)
        {
            double u = source.NextDouble() - 0.5;
            if (PtrsAttempt(u, source.NextDouble(), out long k))
            {
                return k;
            }
        }
    }

    // One PTRS attempt from its two uniforms (u already shifted by -0.5): whether it accepts, and its value.
    private bool PtrsAttempt(double u, double v, out long k)
    {
        double lam = _lam, a = _a, b = _b;
        double us = 0.5 - Math.Abs(u);
        k = CConversions.TruncateToInt64(Math.Floor((((2 * a / us) + b) * u) + lam + 0.43));
        if (us >= 0.07 && v <= _vr)
        {
            return true;
        }

        if (k < 0 || (us < 0.013 && v > us))
        {
            return false;
        }

        // log(v) = log(0) is fine: it accepts.
        return Math.Log(v) + _logInvalpha - Math.Log((a / (us * us)) + b) <= -lam + (k * _loglam) - LogGamma.RandomLoggam(k + 1);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with this rate's values, NumPy's draws and values: through
    /// <see cref="MultiplicationRuns"/> or <see cref="PtrsKernel"/> over buffered words where the engine and the CPU allow,
    /// else the per-value loop.
    /// </summary>
    public void Fill(BitGenerator engine, Span<long> destination)
    {
        if (_lam == 0 || _lam >= PtrsKernel.MaxLam || !Avx2.IsSupported || !UInt64DrawCursor.CanBuffer(engine))
        {
            var sampler = new PoissonSampler(_lam);
            BufferedSampler<PoissonSampler, long>.Fill(engine, destination, ref sampler);
        }
        else if (_lam >= 10)
        {
            TwoStageRejection.Fill(engine, destination, new PtrsKernel(this));
        }
        else
        {
            var runs = new MultiplicationRuns(this);
            UInt64DrawCursor.Fill(engine, destination, ref runs);
        }
    }

    /// <summary>
    /// The multiplication method over a chunk of buffered words, without a branch on the data: a value ends at the first
    /// uniform that takes the running product to exp(-lam) or below, and is the number of uniforms before it. NumPy
    /// branches on every uniform and mispredicts at every value's end; the same products in the same order give its values.
    /// </summary>
    private readonly unsafe struct MultiplicationRuns(Poisson poisson) : IBufferedSampler<long>
    {
        public int Refill(ref UInt64DrawCursor draws, int count, ref long destination, int i)
        {
            draws.Refill(count);
            return i;
        }

        public int Fast(ref UInt64DrawCursor draws, ref long destination, int i)
        {
            ulong* words = draws.Cursor;
            int length = draws.Buffered, first = 0;
            bool twoHalves = draws.DoublesFromTwoHalves;
            Vector128<double> one = Vector128.CreateScalarUnsafe(1.0), limit = Vector128.CreateScalarUnsafe(poisson._enlam);
            Vector128<double> product = one;
            for (int j = 0; j < length; j++)
            {
                product *= Vector128.CreateScalarUnsafe(draws.DoubleFromRaw(words[j]));
                Vector128<double> end = Vector128.LessThanOrEqual(product, limit);
                int ends = (int)(end.ExtractMostSignificantBits() & 1);

                // Written at every word, kept (i advances) only at a value's end. A word that ends no value leaves
                // fewer values done than words read, and the chunk holds no more words than values left: in bounds.
                Unsafe.Add(ref destination, i) = j - first;
                i += ends;
                first += (j + 1 - first) & -ends;
                product = Vector128.ConditionalSelect(end, one, product);
            }

            // The value in progress at the chunk's end goes through the scalar path from its first word.
            draws.Skip(first);
            return i;
        }

        public long Next(ref UInt64DrawCursor draws) => poisson.Multiplication(ref draws);
    }

    /// <summary>
    /// PTRS's attempts in two stages (<see cref="TwoStageRejection"/>): the quick acceptance (about 60 % of attempts at
    /// λ = 50), then the rest with their logarithms and loggam four lanes at a time (glibc's bits); the lanes the vector
    /// logarithm leaves to the caller run the scalar attempt on the same two uniforms.
    /// </summary>
    [SkipLocalsInit] // The vector temporaries fill a large frame, zeroed on every call otherwise.
    internal readonly unsafe struct PtrsKernel(Poisson poisson) : TwoStageRejection.IKernel<long>
    {
        /// <summary>
        /// The rates below which a quickly accepted attempt's value is below <see cref="CConversions.IntegralToInt64Limit"/>.
        /// </summary>
        public const double MaxLam = 281474976710656.0; // 2^48

        public void Uniforms(ulong* words, bool twoHalves, out Vector256<double> u, out Vector256<double> v)
        {
            u = MarsagliaTsangBatches.Uniforms(words, 0, 2, 4, 6, twoHalves) - Vector256.Create(0.5);
            v = MarsagliaTsangBatches.Uniforms(words, 1, 3, 5, 7, twoHalves);
        }

        public Vector256<long> Quick(Vector256<double> u, Vector256<double> v, out uint accepted, out uint undecided)
        {
            Vector256<double> us = Vector256.Create(0.5) - Vector256.Abs(u);
            Vector256<double> quick = Vector256.GreaterThanOrEqual(us, Vector256.Create(0.07)) & Vector256.LessThanOrEqual(v, Vector256.Create(poisson._vr));
            accepted = quick.ExtractMostSignificantBits();
            undecided = ~accepted & 0xF;
            return CConversions.IntegralToInt64(Candidate(u, us));
        }

        public Vector256<long> Full(Vector256<double> u, Vector256<double> v, uint lanes, out uint accepted)
        {
            Vector256<double> us = Vector256.Create(0.5) - Vector256.Abs(u);
            Vector256<double> k = Candidate(u, us);
            Vector256<long> values = CConversions.IntegralToInt64(k);
            accepted = 0;
            if (GlibcExactLogSinCos.IsSupported)
            {
                // A quick rejection, else log(v) + log(1/alpha) - log(a/us² + b) <= -lam + k log(lam) - loggam(k + 1).
                Vector256<double> rejected = Vector256.LessThan(k, Vector256<double>.Zero)
                    | (Vector256.LessThan(us, Vector256.Create(0.013)) & Vector256.GreaterThan(v, us));
                Vector256<double> left = GlibcVectorMath.Log(v, out Vector256<double> vExact) + Vector256.Create(poisson._logInvalpha)
                    - GlibcVectorMath.Log((Vector256.Create(poisson._a) / (us * us)) + Vector256.Create(poisson._b), out Vector256<double> hExact);
                Vector256<double> right = (Vector256.Create(-poisson._lam) + (k * Vector256.Create(poisson._loglam)))
                    - LogGamma.RandomLoggamAbove7(k + Vector256<double>.One, out Vector256<double> gExact);

                // k of 2^51 or more is outside the vector conversion, and a scalar k beyond int64 is negative (rejected).
                Vector256<double> decided = rejected | (vExact & hExact & gExact & Vector256.LessThan(k, Vector256.Create(CConversions.IntegralToInt64Limit)));
                uint decidedHere = decided.ExtractMostSignificantBits() & lanes;
                accepted = (Vector256.LessThanOrEqual(left, right) & ~rejected).ExtractMostSignificantBits() & decidedHere;
                lanes &= ~decidedHere;
            }

            for (; lanes != 0; lanes &= lanes - 1)
            {
                int lane = BitOperations.TrailingZeroCount(lanes);
                if (poisson.PtrsAttempt(u.GetElement(lane), v.GetElement(lane), out long value))
                {
                    accepted |= 1u << lane;
                    values = values.WithElement(lane, value);
                }
            }

            return values;
        }

        public long Next(ref UInt64DrawCursor draws) => poisson.Ptrs(ref draws);

        // floor((2a / us + b) u + lam + 0.43), unfused as NumPy computes it.
        private Vector256<double> Candidate(Vector256<double> u, Vector256<double> us) =>
            Vector256.Floor((((Vector256.Create(2 * poisson._a) / us) + Vector256.Create(poisson._b)) * u) + Vector256.Create(poisson._lam) + Vector256.Create(0.43));
    }
}

/// <summary><c>poisson(lam)</c> of either façade (one function serves both), for bulk fills.</summary>
internal readonly struct PoissonSampler(double lam) : ISampler<long>
{
    private readonly Poisson _poisson = new(lam);

    public bool DrawsWords => lam != 0;

    public long Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => _poisson.Sample(ref source);
}

/// <summary><c>Generator.negative_binomial(n, p)</c>.</summary>
/// <remarks>NumPy's <c>random_negative_binomial(n, p)</c>: a Poisson whose rate is <c>gamma(n, (1 - p) / p)</c>.</remarks>
internal readonly struct NegativeBinomialSampler(double n, double p) : ISampler<long>
{
    public bool DrawsWords => true;

    private readonly Gamma _gamma = new(n);

    public long Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => Poisson.Sample(ref source, (1 - p) / p * _gamma.Sample(ref source));
}

/// <summary><c>RandomState.negative_binomial(n, p)</c>.</summary>
/// <remarks>NumPy's <c>legacy_negative_binomial(n, p)</c>: the same over a legacy gamma.</remarks>
internal struct LegacyNegativeBinomialSampler(double n, double p) : ILegacySampler<long>
{
    public bool DrawsWords => true;

    private readonly Gamma _gamma = new(n);
    private PolarGaussian _gauss;

    public PolarGaussian Gauss { readonly get => _gauss; set => _gauss = value; }

    public long Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => Poisson.Sample(ref source, (1 - p) / p * _gamma.SampleLegacy(ref source, ref _gauss));
}

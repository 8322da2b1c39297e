using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Standard gamma variates as NumPy draws them, for one shape: <see cref="Sample{TSource}"/> is <c>Generator</c>'s
/// <c>random_standard_gamma</c> (Marsaglia–Tsang over the ziggurat normal, and for shape &lt; 1 the rejection method
/// over the ziggurat exponential); <see cref="SampleLegacy{TSource}"/> is <c>RandomState</c>'s
/// <c>legacy_standard_gamma</c>, the same algorithms over the polar normal and <c>-log(1 - U)</c> exponentials.
/// </summary>
/// <remarks>
/// Marsaglia and Tsang's constants b = shape − 1/3 and c = 1/√(9b) depend only on the shape: NumPy computes them on
/// every call, a sampler once (the same values). <c>pow</c>, <c>log</c> and <c>sqrt</c> are <see cref="Math"/>'s:
/// glibc's on Linux, the functions NumPy calls; the bulk shape &lt; 1 method takes the same bits four lanes at a time
/// (<see cref="AcceptSmallLanes"/>, <see cref="RejectionBatches"/>).
/// </remarks>
internal readonly struct Gamma
{
    private readonly double _shape;
    private readonly double _b;
    private readonly double _c;

    /// <summary>The sampler of shape <paramref name="shape"/>.</summary>
    public Gamma(double shape)
    {
        _shape = shape;
        _b = shape - (1.0 / 3.0);
        _c = 1.0 / Math.Sqrt(9 * _b);
    }

    /// <summary>Whether every value takes at least one raw draw (all shapes but 0, whose value is 0 without a draw).</summary>
    public bool Draws => _shape != 0.0;

    /// <summary>NumPy's <c>random_standard_gamma(shape)</c>.</summary>
    public static double Standard<TSource>(ref TSource source, double shape)
        where TSource : struct, IRawSource => new Gamma(shape).Sample(ref source);

    /// <summary>NumPy's <c>legacy_standard_gamma(shape)</c>, drawing normals through <paramref name="gauss"/>.</summary>
    public static double LegacyStandard<TSource>(ref TSource source, ref PolarGaussian gauss, double shape)
        where TSource : struct, IRawSource => new Gamma(shape).SampleLegacy(ref source, ref gauss);

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>scale * random_standard_gamma(shape)</c> values (NumPy's
    /// <c>gamma</c>, <c>standard_gamma</c> and, with a scale of 2, <c>chisquare</c>): shape 1 through the bulk
    /// exponential fill, the others through buffered engine words.
    /// </summary>
    public static void Fill(BitGenerator engine, double shape, double scale, Span<double> destination)
    {
        if (shape == 1.0)
        {
            StandardExponential.Fill(engine, destination);
            Scale(destination, scale);
            return;
        }

        if (shape > 1.0 && MarsagliaTsangBatches.IsSupported(engine))
        {
            var kernel = new MarsagliaTsangBatches.GammaKernel(new Gamma(shape), scale);
            MarsagliaTsangBatches.Fill(engine, destination, ref kernel);
            return;
        }

        if (shape is > 0.0 and < 1.0 && RejectionBatches.IsSupported(engine))
        {
            RejectionBatches.Fill(engine, destination, new RejectionBatches.GammaSmallShapeKernel(shape, scale, legacy: false));
            return;
        }

        var sampler = new GammaSampler(shape, scale);
        BufferedSampler<GammaSampler, double>.Fill(engine, destination, ref sampler);
    }

    /// <summary><see cref="Fill"/> for <c>legacy_standard_gamma</c>, through <paramref name="gauss"/>'s cache.</summary>
    public static void FillLegacy(BitGenerator engine, ref PolarGaussian gauss, double shape, double scale, Span<double> destination)
    {
        if (shape == 1.0)
        {
            Exponential.FillLegacy(engine, destination);
            Scale(destination, scale);
            return;
        }

        if (shape is > 0.0 and < 1.0 && RejectionBatches.IsSupported(engine))
        {
            // The shape < 1 method draws no normal: the Gaussian cache stays as it is.
            RejectionBatches.Fill(engine, destination, new RejectionBatches.GammaSmallShapeKernel(shape, scale, legacy: true));
            return;
        }

        if (shape > 1.0 && GlibcExactLogSinCos.IsSupported && UInt64DrawCursor.CanBuffer(engine))
        {
            LegacyGammaBlocks.Fill(engine, ref gauss, shape, scale, destination);
            return;
        }

        var sampler = new LegacyGammaSampler(shape, scale) { Gauss = gauss };
        BufferedSampler<LegacyGammaSampler, double>.Fill(engine, destination, ref sampler);
        gauss = sampler.Gauss;
    }

    /// <summary>One value of <c>random_standard_gamma</c> for this shape.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource
    {
        if (_shape == 1.0)
        {
            return StandardExponential.Sample(ref source);
        }

        if (_shape == 0.0)
        {
            return 0.0;
        }

        if (_shape < 1.0)
        {
            return SmallShape(ref source, legacy: false);
        }

        while (true)
        {
            double x, v;
            do
            {
                x = StandardNormal.Sample(ref source);
                v = 1.0 + (_c * x);
            }
            while (v <= 0.0);

            v = v * v * v;
            if (Accept(source.NextDouble(), x, v))
            {
                return _b * v;
            }
        }
    }

    /// <summary>One value of <c>legacy_standard_gamma</c> for this shape.</summary>
    public double SampleLegacy<TSource>(ref TSource source, ref PolarGaussian gauss)
        where TSource : struct, IRawSource
    {
        if (_shape == 1.0)
        {
            return Exponential.Legacy(ref source);
        }

        if (_shape == 0.0)
        {
            return 0.0;
        }

        if (_shape < 1.0)
        {
            return SmallShape(ref source, legacy: true);
        }

        while (true)
        {
            double x, v;
            do
            {
                x = gauss.Sample(ref source);
                v = 1.0 + (_c * x);
            }
            while (v <= 0.0);

            v = v * v * v;
            if (Accept(source.NextDouble(), x, v))
            {
                return _b * v;
            }
        }
    }

    /// <summary>
    /// Marsaglia and Tsang's common case for four values at once: the normal of each lane from the word at
    /// <paramref name="words"/>[<paramref name="offset"/> + k·<paramref name="stride"/>] passes the ziggurat's first test,
    /// v = 1 + c·x is positive and the uniform of the next word passes the squeeze. Returns b·v³ per lane (the scalar
    /// path's operations, lane by lane) and, in <paramref name="passed"/>, a bit per lane (bit k = lane k) that took it.
    /// </summary>
    internal unsafe Vector256<double> Lanes(ulong* words, int stride, int offset, ulong* pairs, bool twoHalves, out uint passed)
    {
        Vector256<double> x = MarsagliaTsangBatches.Normals(words, stride, offset, pairs, out passed);
        int u = offset + 1;
        Vector256<double> cube = Squeeze(x, MarsagliaTsangBatches.Uniforms(words, u, u + stride, u + (2 * stride), u + (3 * stride), twoHalves), out uint squeezed, out uint positive);
        passed &= squeezed & positive;
        return Vector256.Create(_b) * cube;
    }

    // Marsaglia and Tsang's v³ for four attempts, a bit per lane whose uniform passes the squeeze and one per lane whose
    // v = 1 + c·x is positive: the scalar test's operations (Accept), lane by lane.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector256<double> Squeeze(Vector256<double> x, Vector256<double> u, out uint squeezed, out uint positive)
    {
        Vector256<double> v = Vector256<double>.One + (Vector256.Create(_c) * x);
        Vector256<double> xx = x * x;
        positive = Vector256.GreaterThan(v, Vector256<double>.Zero).ExtractMostSignificantBits();
        squeezed = Vector256.LessThan(u, Vector256<double>.One - (Vector256.Create(0.0331) * xx * xx)).ExtractMostSignificantBits();
        return v * v * v;
    }

    /// <summary>
    /// Marsaglia and Tsang's test for four attempts with normals <paramref name="x"/> and uniforms <paramref name="u"/>,
    /// the scalar test's operations lane by lane (the squeeze, then the full test with glibc's log four lanes at a
    /// time, any lane the vector log leaves to the caller through the scalar test): b·v³ per lane, a bit per lane that
    /// accepted, and in <paramref name="positive"/> a bit per lane whose v = 1 + c·x is positive (the others' attempts
    /// draw another normal instead of testing: the caller's to handle). Only where <see cref="GlibcExactLogSinCos.IsSupported"/>.
    /// </summary>
    internal Vector256<double> TestLanes(Vector256<double> x, Vector256<double> u, out uint accepted, out uint positive)
    {
        Vector256<double> one = Vector256<double>.One;
        Vector256<double> cube = Squeeze(x, u, out accepted, out positive);
        accepted &= positive;
        uint rest = ~accepted & positive & 0xF;
        if (rest != 0)
        {
            Vector256<double> logU = GlibcVectorMath.Log(u, out Vector256<double> uExact);
            Vector256<double> logV = GlibcVectorMath.Log(cube, out Vector256<double> vExact);
            Vector256<double> full = Vector256.LessThan(logU, (Vector256.Create(0.5) * x * x) + (Vector256.Create(_b) * (one - cube + logV)));
            uint exact = (uExact & vExact).ExtractMostSignificantBits();
            accepted |= full.ExtractMostSignificantBits() & rest & exact;
            for (uint lanes = rest & ~exact; lanes != 0; lanes &= lanes - 1)
            {
                int lane = System.Numerics.BitOperations.TrailingZeroCount(lanes);
                accepted |= FullTest(u.GetElement(lane), x.GetElement(lane), cube.GetElement(lane)) ? 1u << lane : 0;
            }
        }

        return Vector256.Create(_b) * cube;
    }

    private static void Scale(Span<double> values, double scale)
    {
        foreach (ref double value in values)
        {
            value = scale * value;
        }
    }

    /// <summary>
    /// The shape &lt; 1 method: a uniform and an exponential an attempt, the ziggurat's for <c>random_standard_gamma</c>,
    /// -log(1 - U) for <c>legacy_standard_gamma</c> (<paramref name="legacy"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal double SmallShape<TSource>(ref TSource source, bool legacy)
        where TSource : struct, IRawSource
    {
        while (true)
        {
            double u = source.NextDouble();
            double e = legacy ? Exponential.Legacy(ref source) : StandardExponential.Sample(ref source);
            if (AcceptSmall(u, e, out double x))
            {
                return x;
            }
        }
    }

    /// <summary>
    /// The shape &lt; 1 test for four attempts at once (uniform <paramref name="u"/>, exponential <paramref name="e"/>
    /// per lane), with the scalar test's operations lane by lane: the candidates, a bit per lane (bit k = lane k) that
    /// accepted, and a bit per lane whose pow and log were glibc's bits (the others' decisions are the caller's to redo).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Vector256<double> AcceptSmallLanes(Vector256<double> u, Vector256<double> e, out uint accepted, out uint exact)
    {
        Vector256<double> shape = Vector256.Create(_shape);
        Vector256<double> one = Vector256<double>.One;
        Vector256<double> exponent = Vector256.Create(1.0 / _shape);
        Vector256<double> low = Vector256.LessThanOrEqual(u, one - shape);
        Vector256<double> y = -GlibcVectorMath.Log((one - u) / shape, out Vector256<double> logExact);
        Vector256<double> powBase = Vector256.ConditionalSelect(low, u, (one - shape) + (shape * y));
        Vector256<double> x = GlibcPowFma.Pow(powBase, exponent, out Vector256<double> powExact);
        Vector256<double> bound = Vector256.ConditionalSelect(low, e, e + y);
        accepted = Vector256.LessThanOrEqual(x, bound).ExtractMostSignificantBits();
        exact = (powExact & (low | logExact)).ExtractMostSignificantBits();
        return x;
    }

    // The test of the shape < 1 method for uniform u and exponential e; x is the candidate.
    private bool AcceptSmall(double u, double e, out double x)
    {
        double shape = _shape;
        if (u <= 1.0 - shape)
        {
            x = Math.Pow(u, 1.0 / shape);
            return x <= e;
        }

        double y = -Math.Log((1 - u) / shape);
        x = Math.Pow(1.0 - shape + (shape * y), 1.0 / shape);
        return x <= e + y;
    }

    // Marsaglia and Tsang's squeeze, then the full test (log(0) is fine here: it rejects).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Accept(double u, double x, double v) =>
        u < 1.0 - (0.0331 * (x * x) * (x * x)) || FullTest(u, x, v);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool FullTest(double u, double x, double v) => Math.Log(u) < (0.5 * x * x) + (_b * (1.0 - v + Math.Log(v)));
}

/// <summary><c>Generator.gamma(shape, scale)</c> (<c>standard_gamma</c> with a scale of 1, which changes no bit; <c>chisquare(df)</c> as <c>gamma(df / 2, 2)</c>).</summary>
internal readonly struct GammaSampler(double shape, double scale) : ISampler<double>
{
    public bool DrawsWords => _gamma.Draws;

    private readonly Gamma _gamma = new(shape);


    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => scale * _gamma.Sample(ref source);
}

/// <summary><c>RandomState.gamma(shape, scale)</c> (<c>standard_gamma</c> with a scale of 1, <c>chisquare(df)</c> as <c>gamma(df / 2, 2)</c>).</summary>
internal struct LegacyGammaSampler(double shape, double scale) : ILegacySampler<double>
{
    public bool DrawsWords => _gamma.Draws;

    private readonly Gamma _gamma = new(shape);
    private PolarGaussian _gauss;

    public PolarGaussian Gauss { readonly get => _gauss; set => _gauss = value; }

    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => scale * _gamma.SampleLegacy(ref source, ref _gauss);
}

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
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
/// glibc's on Linux, the functions NumPy calls.
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

        if (shape > 1.0 && Avx2.IsSupported && UInt64DrawCursor.CanBuffer(engine))
        {
            MarsagliaTsangBatches.Fill(engine, new Gamma(shape), scale, destination);
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
            return SmallShape(ref source);
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
            while (true)
            {
                double u = source.NextDouble();
                double e = Exponential.Legacy(ref source);
                if (AcceptSmall(u, e, out double x))
                {
                    return x;
                }
            }
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
    /// Marsaglia and Tsang four values at a time, over buffered words: in the common case a value takes two words, a
    /// normal that passes the ziggurat's first test and a uniform that passes the squeeze (v &gt; 0 as well). Four
    /// candidates are decided at once from eight words; the leading lanes that pass are the values the scalar path
    /// would give (the same operations, lane by lane), and the first lane that does not goes through the scalar path
    /// from its first word, which draws what it needs (a new normal, the full test with its logarithms).
    /// </summary>
    private unsafe struct MarsagliaTsangBatches(Gamma gamma, double scale, ulong* pairs) : IBufferedSampler<double>
    {
        public static void Fill(BitGenerator engine, Gamma gamma, double scale, Span<double> destination)
        {
            fixed (ulong* pairs = ZigguratFill.NormalKernel.Pairs)
            {
                var batches = new MarsagliaTsangBatches(gamma, scale, pairs);
                UInt64DrawCursor.Fill(engine, destination, ref batches);
            }
        }

        public readonly int Refill(ref UInt64DrawCursor draws, int count, ref double destination, int i)
        {
            draws.Refill(count);
            return i;
        }

        public readonly int Fast(ref UInt64DrawCursor draws, ref double destination, int i)
        {
            Vector256<double> one = Vector256<double>.One, c = Vector256.Create(gamma._c), b = Vector256.Create(gamma._b);
            Vector256<double> vscale = Vector256.Create(scale), squeeze = Vector256.Create(0.0331);

            // Each value takes at least one word and the chunk had no more words than values left, so eight
            // buffered words mean at least four values still to come: the stores stay inside the destination. The
            // words are read through a local pointer, and the cursor learns how many were used only before a slow
            // path and at the end (as in ZigguratFill's loop: a cursor updated every group chains stores to loads).
            ulong* words = draws.Cursor;
            ulong* last = words + draws.Buffered - 8;
            bool twoHalves = draws.DoublesFromTwoHalves;
            while (words <= last)
            {
                Vector256<ulong> low = Vector256.Load(words), high = Vector256.Load(words + 4);

                // Words 0, 2, 4, 6 are the normals' and 1, 3, 5, 7 the uniforms' (unpack pairs the lanes, the
                // permutation restores their order).
                Vector256<ulong> normalWords = Avx2.Permute4x64(Avx2.UnpackLow(low, high), 0b11_01_10_00);
                Vector256<ulong> uniformWords = Avx2.Permute4x64(Avx2.UnpackHigh(low, high), 0b11_01_10_00);

                // The normal ziggurat's first test (ZigguratFill's kernel, reading each layer's threshold and width
                // from the words in the buffer, 16 bytes a layer), then Marsaglia and Tsang's.
                Vector256<ulong> even = Vector256.Create(Vector128.Load(pairs + (2 * (byte)words[0])), Vector128.Load(pairs + (2 * (byte)words[4])));
                Vector256<ulong> odd = Vector256.Create(Vector128.Load(pairs + (2 * (byte)words[2])), Vector128.Load(pairs + (2 * (byte)words[6])));
                Vector256<ulong> thresholds = Avx2.UnpackLow(even, odd);
                Vector256<double> widths = Avx2.UnpackHigh(even, odd).AsDouble();
                Vector256<ulong> r = normalWords >>> 8;
                Vector256<ulong> rabs = (r >>> 1) & Vector256.Create(0x000fffffffffffffUL);
                Vector256<double> magnitude = (rabs | Vector256.Create(0x4330000000000000UL)).AsDouble() - Vector256.Create(4503599627370496.0);
                Vector256<double> x = ((magnitude * widths).AsUInt64() ^ (r << 63)).AsDouble();
                uint passed = Avx2.CompareGreaterThan(thresholds.AsInt64(), rabs.AsInt64()).ExtractMostSignificantBits();
                Vector256<double> u = UnitDoubles.FromUInt53(twoHalves
                    ? ((uniformWords >>> 37) << 26) | ((uniformWords & Vector256.Create(0xFFFFFFFFUL)) >>> 6)
                    : uniformWords >>> 11);
                Vector256<double> v = one + (c * x);
                Vector256<double> cube = v * v * v;
                Vector256<double> xx = x * x;
                passed &= Vector256.GreaterThan(v, Vector256<double>.Zero).ExtractMostSignificantBits()
                    & Vector256.LessThan(u, one - (squeeze * xx * xx)).ExtractMostSignificantBits();

                // All four are stored; those past a failed lane are overwritten by what comes next.
                (vscale * (b * cube)).StoreUnsafe(ref destination, (nuint)i);
                if (passed == 0xF)
                {
                    words += 8;
                    i += 4;
                    continue;
                }

                int run = BitOperations.TrailingZeroCount(~passed);
                draws.Skip((int)(words - draws.Cursor) + (2 * run));
                i += run;
                Unsafe.Add(ref destination, i++) = Next(ref draws);
                words = draws.Cursor;
                last = words + draws.Buffered - 8;
            }

            draws.Skip((int)(words - draws.Cursor));
            return i;
        }

        public readonly double Next(ref UInt64DrawCursor draws) => scale * gamma.Sample(ref draws);
    }

    private static void Scale(Span<double> values, double scale)
    {
        foreach (ref double value in values)
        {
            value = scale * value;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private double SmallShape<TSource>(ref TSource source)
        where TSource : struct, IRawSource
    {
        while (true)
        {
            double u = source.NextDouble();
            double e = StandardExponential.Sample(ref source);
            if (AcceptSmall(u, e, out double x))
            {
                return x;
            }
        }
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

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// <c>RandomState</c>'s samplers whose value, in the common case, takes two normals and one or two uniforms: Student's
/// t for df above 2 (the normal, then a gamma attempt) and beta with both parameters above 1 (a gamma attempt on each
/// normal). Each value takes two normals, so the polar Gaussian's cache holds the same thing at every value's start
/// while the attempts accept: empty (a value takes both normals of one disc pair), or full (a value takes the normal
/// carried from the pair before and the first normal of a new pair, and carries that pair's second). Either way the
/// words come as blocks (uniforms before the pair, candidate pairs until one lies in the disc, uniforms after it), a
/// walk finds them, and the lanes make four blocks' values at once. A block whose attempts do not all accept (the
/// gamma draws again, which moves the layout) goes through the scalar loop from its first word, with the cache it
/// would find there, and the walk starts again after it.
/// </summary>
/// <remarks>Only where <see cref="GlibcExactLogSinCos.IsSupported"/> (the logarithms four lanes at a time).</remarks>
[SkipLocalsInit] // The walk's buffers are written before they are read.
internal unsafe struct LegacyPairBlocks<TKernel>(TKernel kernel, PolarGaussian gauss, byte* inDisc, int* starts) : IBufferedSampler<double>
    where TKernel : struct, LegacyPairBlocks<TKernel>.IKernel
{
    private PolarGaussian _gauss = gauss;

    /// <summary>One sampler's values from a block's normals and uniforms, and its exact scalar loop.</summary>
    internal interface IKernel
    {
        /// <summary>The uniforms a value takes (1 or 2).</summary>
        static abstract int Uniforms { get; }

        /// <summary>Of those, the ones drawn before the pair when a normal is carried (its first attempt's, for beta).</summary>
        static abstract int CarriedLeading { get; }

        /// <summary>
        /// Four blocks' values from the normals they take (<paramref name="returned"/> then <paramref name="cached"/>, in
        /// the order <c>legacy_gauss</c> gives them) and their uniforms in order (<paramref name="u2"/> unused with
        /// one), and a bit per lane whose attempts all accepted (its value is the scalar loop's).
        /// </summary>
        Vector256<double> Values(Vector256<double> returned, Vector256<double> cached, Vector256<double> u1, Vector256<double> u2, out uint complete);

        /// <summary>The next value through the exact scalar loop.</summary>
        double Next(ref UInt64DrawCursor draws, ref PolarGaussian gauss);
    }

    /// <summary>Fills <paramref name="destination"/> with <paramref name="kernel"/>'s values through <paramref name="gauss"/>'s cache: the scalar loop's values, draws and cache.</summary>
    public static void Fill(BitGenerator engine, ref PolarGaussian gauss, TKernel kernel, Span<double> destination)
    {
        // The scan's buffers, from this frame: a stackalloc in Fast would keep it from tiering up.
        byte* inDisc = stackalloc byte[LegacyGammaBlocks.InDiscLength];
        int* starts = stackalloc int[LegacyGammaBlocks.StartsLength];
        var blocks = new LegacyPairBlocks<TKernel>(kernel, gauss, inDisc, starts);
        UInt64DrawCursor.Fill(engine, destination, ref blocks);
        gauss = blocks._gauss;
    }

    public readonly int Refill(ref UInt64DrawCursor draws, int count, ref double destination, int i)
    {
        draws.Refill(count);
        return i;
    }

    public double Next(ref UInt64DrawCursor draws) => kernel.Next(ref draws, ref _gauss);

    public int Fast(ref UInt64DrawCursor draws, ref double destination, int i)
    {
        // Blocks are walked a few groups ahead, not the whole chunk: after a block that goes through the scalar loop,
        // the walk starts again from where that left the words (the flags, one per word, still hold).
        const int Window = 16;
        ulong* words = draws.Cursor;
        int length = draws.Buffered;
        bool twoHalves = draws.DoublesFromTwoHalves;
        int* pairs = starts + Window;
        LegacyGammaBlocks.Flags(ref draws, inDisc);
        while (true)
        {
            bool carried = _gauss.HasCached;
            int leading = carried ? TKernel.CarriedLeading : 0, trailing = TKernel.Uniforms - leading;
            int at = (int)(draws.Cursor - words);
            int blocks = LegacyGammaBlocks.Walk(inDisc, at, length, leading, trailing, starts, pairs, Window);
            if (blocks == 0)
            {
                return i;
            }

            int broken = -1;
            for (int b = 0; b < blocks && broken < 0; b += 4)
            {
                int lanes = Math.Min(4, blocks - b);
                int p0 = pairs[b], p1 = pairs[b + Math.Min(1, lanes - 1)], p2 = pairs[b + Math.Min(2, lanes - 1)], p3 = pairs[b + lanes - 1];
                LegacyGammaBlocks.Normals(words, p0, p1, p2, p3, twoHalves, out Vector256<double> first, out Vector256<double> second);
                Vector256<double> u1, u2;
                if (leading == 0)
                {
                    u1 = MarsagliaTsangBatches.Uniforms(words, p0 + 2, p1 + 2, p2 + 2, p3 + 2, twoHalves);
                    u2 = trailing == 1 ? u1 : MarsagliaTsangBatches.Uniforms(words, p0 + 3, p1 + 3, p2 + 3, p3 + 3, twoHalves);
                }
                else
                {
                    u1 = MarsagliaTsangBatches.Uniforms(words, starts[b], starts[b + Math.Min(1, lanes - 1)], starts[b + Math.Min(2, lanes - 1)], starts[b + lanes - 1], twoHalves);
                    u2 = MarsagliaTsangBatches.Uniforms(words, p0 + 2, p1 + 2, p2 + 2, p3 + 2, twoHalves);
                }

                Vector256<double> values;
                uint complete;
                if (carried)
                {
                    // Block k takes the normal carried into it (the cache, then block k - 1's second) and its first.
                    Vector256<double> carriedIn = Vector256.Create(_gauss.Cached, second.GetElement(0), second.GetElement(1), second.GetElement(2));
                    values = kernel.Values(carriedIn, first, u1, u2, out complete);
                    for (int lane = 0; lane < lanes; lane++)
                    {
                        if ((complete & (1u << lane)) == 0)
                        {
                            broken = b + lane;
                            _gauss.Cached = carriedIn.GetElement(lane);
                            break;
                        }

                        Unsafe.Add(ref destination, i++) = values.GetElement(lane);
                        _gauss.Cached = second.GetElement(lane);
                    }
                }
                else
                {
                    values = kernel.Values(first, second, u1, u2, out complete);
                    for (int lane = 0; lane < lanes; lane++)
                    {
                        if ((complete & (1u << lane)) == 0)
                        {
                            broken = b + lane;
                            break;
                        }

                        Unsafe.Add(ref destination, i++) = values.GetElement(lane);
                    }
                }
            }

            if (broken < 0)
            {
                draws.Skip(pairs[blocks - 1] + 2 + trailing - at);
                continue;
            }

            // The block whose attempts did not all accept: its value through the scalar loop, from its first word, with
            // the cache as it would be there (its carried normal, if any, set above).
            draws.Skip(starts[broken] - at);
            Unsafe.Add(ref destination, i++) = Next(ref draws);
        }
    }
}

/// <summary><c>RandomState.standard_t(df)</c> for df above 2: the normal, then a gamma attempt of shape df / 2 on the next one.</summary>
internal readonly struct LegacyStudentTPairKernel(double df) : LegacyPairBlocks<LegacyStudentTPairKernel>.IKernel
{
    private readonly Gamma _half = new(df / 2);

    public static int Uniforms => 1;

    public static int CarriedLeading => 0;

    public Vector256<double> Values(Vector256<double> returned, Vector256<double> cached, Vector256<double> u1, Vector256<double> u2, out uint complete)
    {
        Vector256<double> denom = _half.TestLanes(cached, u1, out uint accepted, out uint positive);
        complete = accepted & positive;
        return Vector256.Create(Math.Sqrt(df / 2)) * returned / Vector256.Sqrt(denom);
    }

    public double Next(ref UInt64DrawCursor draws, ref PolarGaussian gauss)
    {
        var sampler = new LegacyStandardTSampler(df) { Gauss = gauss };
        double value = sampler.Sample(ref draws);
        gauss = sampler.Gauss;
        return value;
    }
}

/// <summary><c>RandomState.beta(a, b)</c> for a and b above 1: a gamma attempt of shape a on one normal, then one of shape b on the next.</summary>
internal readonly struct LegacyBetaPairKernel(double a, double b) : LegacyPairBlocks<LegacyBetaPairKernel>.IKernel
{
    private readonly Gamma _a = new(a);
    private readonly Gamma _b = new(b);

    public static int Uniforms => 2;

    public static int CarriedLeading => 1;

    public Vector256<double> Values(Vector256<double> returned, Vector256<double> cached, Vector256<double> u1, Vector256<double> u2, out uint complete)
    {
        Vector256<double> ga = _a.TestLanes(returned, u1, out uint acceptedA, out uint positiveA);
        Vector256<double> gb = _b.TestLanes(cached, u2, out uint acceptedB, out uint positiveB);
        complete = acceptedA & positiveA & acceptedB & positiveB;
        return ga / (ga + gb);
    }

    public double Next(ref UInt64DrawCursor draws, ref PolarGaussian gauss) => Beta.Legacy(ref draws, ref gauss, a, b, _a, _b);
}

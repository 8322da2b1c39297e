using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// <c>RandomState</c>'s gamma for a shape above 1 (<c>legacy_standard_gamma</c>: Marsaglia and Tsang over the polar
/// Gaussian) over buffered words, in blocks. With the Gaussian's cache empty, the words come as blocks: candidate pairs
/// until one lies in the unit disc, then the uniform of the attempt that uses its second normal, then the uniform of
/// the attempt that uses the cached first normal. Whether an attempt accepts does not change that layout (every attempt
/// takes one normal and one uniform), so a scalar scan finds the blocks, the lanes decide four blocks' eight attempts
/// at once, and the accepted attempts in order are the scalar loop's values. An attempt whose v = 1 + c·x is not
/// positive draws another normal without a uniform, which moves the layout: the blocks stop there and the scalar loop
/// takes over.
/// </summary>
/// <remarks>Only where <see cref="GlibcExactLogSinCos.IsSupported"/> (the logarithms four lanes at a time).</remarks>
[SkipLocalsInit] // The scan's buffers are written before they are read.
internal unsafe struct LegacyGammaBlocks(double shape, double scale, PolarGaussian gauss, byte* inDisc, int* starts) : IBufferedSampler<double>
{
    // The scan's buffers, a chunk's worth, from the caller's stack: a stackalloc here would keep Fast from tiering up.
    internal const int InDiscLength = UInt64DrawCursor.Capacity + 4;

    /// <summary>Room for the starts of a chunk's blocks of three or more words (<see cref="Walk"/>).</summary>
    internal const int StartsLength = (UInt64DrawCursor.Capacity / 3) + 1;

    private readonly Gamma _gamma = new(shape);
    private PolarGaussian _gauss = gauss;

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>scale * legacy_standard_gamma(shape)</c> for a shape above 1,
    /// through <paramref name="gauss"/>'s cache: the scalar loop's values, draws and cache.
    /// </summary>
    public static void Fill(BitGenerator engine, ref PolarGaussian gauss, double shape, double scale, Span<double> destination)
    {
        byte* inDisc = stackalloc byte[InDiscLength];
        int* starts = stackalloc int[StartsLength];
        var blocks = new LegacyGammaBlocks(shape, scale, gauss, inDisc, starts);
        UInt64DrawCursor.Fill(engine, destination, ref blocks);
        gauss = blocks._gauss;
    }

    public readonly int Refill(ref UInt64DrawCursor draws, int count, ref double destination, int i)
    {
        draws.Refill(count);
        return i;
    }

    public double Next(ref UInt64DrawCursor draws) => scale * _gamma.SampleLegacy(ref draws, ref _gauss);

    public int Fast(ref UInt64DrawCursor draws, ref double destination, int i)
    {
        // Blocks start with a fresh pair: a cached normal goes through the scalar loop first. A value started while
        // words are buffered takes one of them (its uniform), so the values stay within the chunk's count.
        while (_gauss.HasCached && draws.Buffered > 0)
        {
            Unsafe.Add(ref destination, i++) = Next(ref draws);
        }

        if (_gauss.HasCached)
        {
            return i;
        }

        Flags(ref draws, inDisc);
        int blocks = Walk(inDisc, 0, draws.Buffered, 0, 2, starts, starts, int.MaxValue);
        ulong* words = draws.Cursor;
        bool twoHalves = draws.DoublesFromTwoHalves;

        // Where the scalar loop resumes: after the last accepted attempt (a rejected attempt after it is redone there).
        int resume = 0;
        bool resumeCached = false;
        double resumeNormal = 0.0;
        Vector256<double> factor = Vector256.Create(scale);
        for (int b = 0; b < blocks; b += 4)
        {
            int lanes = Math.Min(4, blocks - b);
            int s0 = starts[b], s1 = starts[b + Math.Min(1, lanes - 1)], s2 = starts[b + Math.Min(2, lanes - 1)], s3 = starts[b + lanes - 1];
            Normals(words, s0, s1, s2, s3, twoHalves, out Vector256<double> first, out Vector256<double> second);
            Vector256<double> a = factor * _gamma.TestLanes(first, MarsagliaTsangBatches.Uniforms(words, s0 + 2, s1 + 2, s2 + 2, s3 + 2, twoHalves), out uint acceptedA, out uint positiveA);
            Vector256<double> c = factor * _gamma.TestLanes(second, MarsagliaTsangBatches.Uniforms(words, s0 + 3, s1 + 3, s2 + 3, s3 + 3, twoHalves), out uint acceptedC, out uint positiveC);
            for (int lane = 0; lane < lanes; lane++)
            {
                int start = starts[b + lane];
                if ((positiveA & (1u << lane)) == 0)
                {
                    return Resume(ref draws, i, resume, resumeCached, resumeNormal);
                }

                // Written at every attempt, kept only where it accepted (fewer values than attempts, so in bounds).
                Unsafe.Add(ref destination, i) = a.GetElement(lane);
                if ((acceptedA & (1u << lane)) != 0)
                {
                    i++;
                    (resume, resumeCached, resumeNormal) = (start + 3, true, second.GetElement(lane));
                }

                if ((positiveC & (1u << lane)) == 0)
                {
                    return Resume(ref draws, i, resume, resumeCached, resumeNormal);
                }

                Unsafe.Add(ref destination, i) = c.GetElement(lane);
                if ((acceptedC & (1u << lane)) != 0)
                {
                    i++;
                    (resume, resumeCached, resumeNormal) = (start + 4, false, 0.0);
                }
            }
        }

        return Resume(ref draws, i, resume, resumeCached, resumeNormal);
    }

    /// <summary>
    /// Whether the pair of words p and p + 1 lies in the disc, for every buffered word p from the cursor, four at a
    /// time (into <paramref name="inDisc"/>, 1 or 0): a walk from pair to pair is then a load and an add a step, and
    /// the flags hold for any later walk over the same words.
    /// </summary>
    internal static void Flags(ref UInt64DrawCursor draws, byte* inDisc)
    {
        ulong* words = draws.Cursor;
        int length = draws.Buffered;
        bool twoHalves = draws.DoublesFromTwoHalves;
        Vector256<double> one = Vector256<double>.One, two = Vector256.Create(2.0);
        int q = 0;
        for (; q + 5 <= length; q += 4)
        {
            Vector256<double> u1 = MarsagliaTsangBatches.Uniforms(Vector256.Load(words + q), twoHalves);
            Vector256<double> u2 = MarsagliaTsangBatches.Uniforms(Vector256.Load(words + q + 1), twoHalves);
            Vector256<double> x1 = (two * u1) - one, x2 = (two * u2) - one;
            Vector256<double> r2 = (x1 * x1) + (x2 * x2);
            uint bits = (Vector256.LessThan(r2, one) & ~Vector256.Equals(r2, Vector256<double>.Zero)).ExtractMostSignificantBits();
            *(uint*)(inDisc + q) = (bits & 1) | ((bits & 2) << 7) | ((bits & 4) << 14) | ((bits & 8) << 21);
        }

        for (; q + 2 <= length; q++)
        {
            inDisc[q] = PolarGaussian.IsAccepted(PolarGaussian.Candidate(draws.DoubleFromRaw(words[q]), draws.DoubleFromRaw(words[q + 1]), out _, out _)) ? (byte)1 : (byte)0;
        }
    }

    /// <summary>
    /// Up to <paramref name="maxBlocks"/> blocks from word <paramref name="from"/> on, whole within
    /// <paramref name="length"/> words: each <paramref name="leading"/> uniforms, candidate pairs until one lies in the
    /// disc (by <see cref="Flags"/>), then <paramref name="trailing"/> uniforms. Their first words go to
    /// <paramref name="starts"/>, their pairs to <paramref name="pairs"/>; returns how many.
    /// </summary>
    internal static int Walk(byte* inDisc, int from, int length, int leading, int trailing, int* starts, int* pairs, int maxBlocks)
    {
        int blocks = 0;
        int p = from;
        while (blocks < maxBlocks)
        {
            int q = p + leading;
            while (q + 2 <= length && inDisc[q] == 0)
            {
                q += 2;
            }

            if (q + 2 + trailing > length)
            {
                break;
            }

            starts[blocks] = p;
            pairs[blocks++] = q;
            p = q + 2 + trailing;
        }

        return blocks;
    }

    /// <summary>
    /// The two normals of four accepted pairs starting at the given words, as <c>legacy_gauss</c> makes them:
    /// <paramref name="first"/> = f·x2 (the one it returns), <paramref name="second"/> = f·x1 (the one it caches).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Normals(ulong* words, int s0, int s1, int s2, int s3, bool twoHalves, out Vector256<double> first, out Vector256<double> second)
    {
        Vector256<double> one = Vector256<double>.One, two = Vector256.Create(2.0);
        Vector256<double> x1 = (two * MarsagliaTsangBatches.Uniforms(words, s0, s1, s2, s3, twoHalves)) - one;
        Vector256<double> x2 = (two * MarsagliaTsangBatches.Uniforms(words, s0 + 1, s1 + 1, s2 + 1, s3 + 1, twoHalves)) - one;
        Vector256<double> f = PolarGaussian.Factors((x1 * x1) + (x2 * x2));
        first = f * x2;
        second = f * x1;
    }

    // Consumes the words up to the resume point and leaves the cache as the scalar loop would have it there.
    private int Resume(ref UInt64DrawCursor draws, int i, int resume, bool cached, double normal)
    {
        draws.Skip(resume);
        _gauss.HasCached = cached;
        _gauss.Cached = normal;
        return i;
    }
}

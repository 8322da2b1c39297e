using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// The samplers built on Marsaglia and Tsang's gamma (gamma and chi-square, Student's t, beta with both parameters above
/// 1), four values at a time over buffered words. In the common case each value takes a fixed number of words (two a
/// gamma, one more a normal); a kernel decides four values from those words at once, lane by lane with the scalar
/// path's operations. The leading lanes that pass are the scalar path's values; the first that does not goes through
/// the scalar path from its first word, which draws what it needs, and the batches go on from where it leaves the words.
/// </summary>
internal static unsafe class MarsagliaTsangBatches
{
    /// <summary>Whether the batches can serve <paramref name="engine"/> here (AVX2, and words the cursor can buffer).</summary>
    public static bool IsSupported(BitGenerator engine) => Avx2.IsSupported && UInt64DrawCursor.CanBuffer(engine);

    /// <summary>Fills <paramref name="destination"/> with <paramref name="kernel"/>'s values: the scalar path's values and draws.</summary>
    public static void Fill<TKernel>(BitGenerator engine, Span<double> destination, ref TKernel kernel)
        where TKernel : struct, IKernel
    {
        fixed (ulong* pairs = ZigguratFill.NormalKernel.Pairs)
        {
            var batches = new Batches<TKernel>(kernel, pairs);
            UInt64DrawCursor.Fill(engine, destination, ref batches);
        }
    }

    /// <summary>
    /// The normal ziggurat's first test for the four words at <paramref name="words"/>[<paramref name="offset"/> +
    /// k·<paramref name="stride"/>] (ZigguratFill's kernel, reading each layer's threshold and width from the words in the
    /// buffer, 16 bytes a layer): the candidates, and a bit per lane that passed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Normals(ulong* words, int stride, int offset, ulong* pairs, out uint passed)
    {
        ulong* w = words + offset;
        Vector256<ulong> normalWords = Vector256.Create(w[0], w[stride], w[2 * stride], w[3 * stride]);
        Vector256<ulong> even = Vector256.Create(Vector128.Load(pairs + (2 * (byte)w[0])), Vector128.Load(pairs + (2 * (byte)w[2 * stride])));
        Vector256<ulong> odd = Vector256.Create(Vector128.Load(pairs + (2 * (byte)w[stride])), Vector128.Load(pairs + (2 * (byte)w[3 * stride])));
        Vector256<ulong> thresholds = Avx2.UnpackLow(even, odd);
        Vector256<double> widths = Avx2.UnpackHigh(even, odd).AsDouble();
        Vector256<ulong> r = normalWords >>> 8;
        Vector256<ulong> rabs = (r >>> 1) & Vector256.Create(0x000fffffffffffffUL);

        // rabs < 2^52 converts exactly through the mantissa of 2^52; the sign is bit 8 of the word, as in the scalar path.
        Vector256<double> magnitude = (rabs | Vector256.Create(0x4330000000000000UL)).AsDouble() - Vector256.Create(4503599627370496.0);
        passed = Avx2.CompareGreaterThan(thresholds.AsInt64(), rabs.AsInt64()).ExtractMostSignificantBits();
        return ((magnitude * widths).AsUInt64() ^ (r << 63)).AsDouble();
    }

    /// <summary>The engine's doubles from four words (MT19937's two halves, or the top 53 bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Uniforms(Vector256<ulong> words, bool twoHalves) => UnitDoubles.FromUInt53(twoHalves
        ? ((words >>> 37) << 26) | ((words & Vector256.Create(0xFFFFFFFFUL)) >>> 6)
        : words >>> 11);

    /// <summary>The engine's doubles from the words at offsets <paramref name="w0"/> … <paramref name="w3"/> of <paramref name="words"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector256<double> Uniforms(ulong* words, int w0, int w1, int w2, int w3, bool twoHalves) =>
        Uniforms(Vector256.Create(words[w0], words[w1], words[w2], words[w3]), twoHalves);

    /// <summary>One sampler's common case for four values (<see cref="Decide"/>) and its exact scalar path (<see cref="Next"/>).</summary>
    internal interface IKernel
    {
        /// <summary>The words a value takes in the common case.</summary>
        static abstract int WordsPerValue { get; }

        /// <summary>Four values from 4·<see cref="WordsPerValue"/> words, and a bit per lane whose value is the scalar path's.</summary>
        Vector256<double> Decide(ulong* words, ulong* pairs, bool twoHalves, out uint passed);

        /// <summary>The next value through the exact scalar path.</summary>
        double Next(ref UInt64DrawCursor draws);
    }

    /// <summary><c>scale * standard_gamma(shape)</c> for a shape above 1: a normal and a uniform a value.</summary>
    internal readonly struct GammaKernel(Gamma gamma, double scale) : IKernel
    {
        public static int WordsPerValue => 2;

        public Vector256<double> Decide(ulong* words, ulong* pairs, bool twoHalves, out uint passed) =>
            Vector256.Create(scale) * gamma.Lanes(words, 2, 0, pairs, twoHalves, out passed);

        public double Next(ref UInt64DrawCursor draws) => scale * gamma.Sample(ref draws);
    }

    /// <summary>Student's t for df above 2: a normal, then a gamma of shape df / 2 (a normal and a uniform).</summary>
    internal readonly struct StudentTKernel(double df) : IKernel
    {
        private readonly StandardTSampler _sampler = new(df);
        private readonly Gamma _half = new(df / 2);

        public static int WordsPerValue => 3;

        public Vector256<double> Decide(ulong* words, ulong* pairs, bool twoHalves, out uint passed)
        {
            Vector256<double> num = Normals(words, 3, 0, pairs, out uint normal);
            Vector256<double> denom = _half.Lanes(words, 3, 1, pairs, twoHalves, out passed);
            passed &= normal;
            return Vector256.Create(Math.Sqrt(df / 2)) * num / Vector256.Sqrt(denom);
        }

        public double Next(ref UInt64DrawCursor draws) => _sampler.Sample(ref draws);
    }

    /// <summary>Beta with both parameters above 1: two gammas, a normal and a uniform each, and their ratio.</summary>
    internal readonly struct BetaKernel(double a, double b) : IKernel
    {
        private readonly BetaSampler _sampler = new(a, b);
        private readonly Gamma _a = new(a);
        private readonly Gamma _b = new(b);

        public static int WordsPerValue => 4;

        public Vector256<double> Decide(ulong* words, ulong* pairs, bool twoHalves, out uint passed)
        {
            Vector256<double> ga = _a.Lanes(words, 4, 0, pairs, twoHalves, out uint first);
            Vector256<double> gb = _b.Lanes(words, 4, 2, pairs, twoHalves, out passed);
            passed &= first;
            return ga / (ga + gb);
        }

        public double Next(ref UInt64DrawCursor draws) => _sampler.Sample(ref draws);
    }

    private readonly struct Batches<TKernel>(TKernel kernel, ulong* pairs) : IBufferedSampler<double>
        where TKernel : struct, IKernel
    {
        public int Refill(ref UInt64DrawCursor draws, int count, ref double destination, int i)
        {
            draws.Refill(count);
            return i;
        }

        public int Fast(ref UInt64DrawCursor draws, ref double destination, int i)
        {
            int group = 4 * TKernel.WordsPerValue;
            bool twoHalves = draws.DoublesFromTwoHalves;

            // Each value takes at least one word and the chunk had no more words than values left, so a group's
            // words mean at least four values still to come: the stores stay inside the destination. The words are
            // read through a local pointer, and the cursor learns how many were used only before a slow path and at
            // the end (as in ZigguratFill's loop: a cursor updated every group chains stores to loads).
            ulong* words = draws.Cursor;
            ulong* last = words + draws.Buffered - group;
            while (words <= last)
            {
                // All four are stored; those past a failed lane are overwritten by what comes next.
                kernel.Decide(words, pairs, twoHalves, out uint passed).StoreUnsafe(ref destination, (nuint)i);
                if (passed == 0xF)
                {
                    words += group;
                    i += 4;
                    continue;
                }

                int run = BitOperations.TrailingZeroCount(~passed);
                draws.Skip((int)(words - draws.Cursor) + (TKernel.WordsPerValue * run));
                i += run;
                Unsafe.Add(ref destination, i++) = kernel.Next(ref draws);
                words = draws.Cursor;
                last = words + draws.Buffered - group;
            }

            draws.Skip((int)(words - draws.Cursor));
            return i;
        }

        public double Next(ref UInt64DrawCursor draws) => kernel.Next(ref draws);
    }
}

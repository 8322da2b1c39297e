using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// The rejection samplers whose attempts are bound by <c>pow</c> (the gamma's shape &lt; 1 method, Jöhnk's beta), four
/// attempts at a time over buffered words, with glibc's <c>pow</c> and <c>log</c> four lanes at a time
/// (<see cref="GlibcPowFma"/>, <see cref="GlibcVectorMath.Log"/>). An attempt takes two words in the common case and
/// depends on nothing but them, so a stream of attempts is the scalar loop's whichever value each belongs to: each
/// accepted attempt ends a value, each rejected one is skipped. The first lane whose words or math leave the common
/// case (an exponential beyond the ziggurat's first test, a pow or log outside the transcription's domain) goes through
/// the scalar loop from its first word, and the batches go on from where it leaves the words.
/// </summary>
internal static unsafe class RejectionBatches
{
    /// <summary>Whether the batches can serve <paramref name="engine"/> here: glibc's pow four lanes at a time, and words the cursor can buffer.</summary>
    public static bool IsSupported(BitGenerator engine) => GlibcVectorMath.PowServes && UInt64DrawCursor.CanBuffer(engine);

    /// <summary>Fills <paramref name="destination"/> with <paramref name="kernel"/>'s values: the scalar loop's values and draws.</summary>
    public static void Fill<TKernel>(BitGenerator engine, Span<double> destination, TKernel kernel)
        where TKernel : struct, IAttemptKernel
    {
        var batches = new Batches<TKernel>(kernel);
        UInt64DrawCursor.Fill(engine, destination, ref batches);
    }

    /// <summary>One rejection sampler's attempts, four at a time (<see cref="Decide"/>), and its exact scalar loop (<see cref="Next"/>).</summary>
    internal interface IAttemptKernel
    {
        /// <summary>The words an attempt takes in the common case.</summary>
        static abstract int WordsPerAttempt { get; }

        /// <summary>
        /// Four attempts from 4·<see cref="WordsPerAttempt"/> words: their values, a bit per lane that accepted, and a
        /// bit per lane in the common case (whose decision and value are the scalar loop's).
        /// </summary>
        Vector256<double> Decide(ulong* words, bool twoHalves, out uint accepted, out uint common);

        /// <summary>The next value through the exact scalar loop.</summary>
        double Next(ref UInt64DrawCursor draws);
    }

    /// <summary>
    /// <c>scale * standard_gamma(shape)</c> for a shape below 1: a uniform and an exponential an attempt (the
    /// ziggurat's for <c>Generator</c>, -log(1 - U) for <c>RandomState</c>).
    /// </summary>
    internal readonly struct GammaSmallShapeKernel(double shape, double scale, bool legacy) : IAttemptKernel
    {
        private readonly Gamma _gamma = new(shape);

        public static int WordsPerAttempt => 2;

        public Vector256<double> Decide(ulong* words, bool twoHalves, out uint accepted, out uint common)
        {
            Vector256<double> u = MarsagliaTsangBatches.Uniforms(words, 0, 2, 4, 6, twoHalves);
            Vector256<ulong> eWords = Vector256.Create(words[1], words[3], words[5], words[7]);
            Vector256<double> e;
            if (legacy)
            {
                e = -GlibcVectorMath.Log(Vector256<double>.One - MarsagliaTsangBatches.Uniforms(eWords, twoHalves), out Vector256<double> logExact);
                common = logExact.ExtractMostSignificantBits();
            }
            else
            {
                e = Exponentials(eWords, out common);
            }

            Vector256<double> x = _gamma.AcceptSmallLanes(u, e, out accepted, out uint exact);
            common &= exact;
            return Vector256.Create(scale) * x;
        }

        public double Next(ref UInt64DrawCursor draws) => scale * _gamma.SmallShape(ref draws, legacy);
    }

    /// <summary>Jöhnk's beta (both parameters at most 1): two uniforms an attempt, accepted where u^(1/a) + v^(1/b) &lt;= 1.</summary>
    internal readonly struct JohnkKernel(double a, double b, bool legacy) : IAttemptKernel
    {
        public static int WordsPerAttempt => 2;

        public Vector256<double> Decide(ulong* words, bool twoHalves, out uint accepted, out uint common)
        {
            Vector256<double> u = MarsagliaTsangBatches.Uniforms(words, 0, 2, 4, 6, twoHalves);
            Vector256<double> v = MarsagliaTsangBatches.Uniforms(words, 1, 3, 5, 7, twoHalves);
            Vector256<double> x = GlibcPowFma.Pow(u, Vector256.Create(1.0 / a), out Vector256<double> xExact);
            Vector256<double> y = GlibcPowFma.Pow(v, Vector256.Create(1.0 / b), out Vector256<double> yExact);
            Vector256<double> xpy = x + y;

            // Both powers in glibc's fast path are at least e^-512, so x + y > 0 there: both versions' tests agree, and
            // the value is x / (x + y) without the logarithms of the underflowed case.
            accepted = Vector256.LessThanOrEqual(xpy, Vector256<double>.One).ExtractMostSignificantBits();
            common = (xExact & yExact).ExtractMostSignificantBits();
            return x / xpy;
        }

        public double Next(ref UInt64DrawCursor draws) => Beta.Johnk(ref draws, a, b, legacy);
    }

    /// <summary>
    /// The ziggurat exponential's first test for four words (<see cref="StandardExponential.Sample{TSource}"/>: layer
    /// from bits 3 to 10, the candidate from the top 53 bits): the candidates, and a bit per lane that passed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Exponentials(Vector256<ulong> words, out uint passed)
    {
        Vector256<long> layer = ((words >>> 3) & Vector256.Create(0xFFUL)).AsInt64();
        Vector256<ulong> ri = words >>> 11;
        Vector256<long> ke;
        Vector256<double> we;
        fixed (ulong* k = ZigguratTables.Ke)
        fixed (double* w = ZigguratTables.We)
        {
            ke = Avx2.GatherVector256((long*)k, layer, 8);
            we = Avx2.GatherVector256(w, layer, 8);
        }

        // ri < 2^53 and ke < 2^53: the signed compare is the scalar unsigned one.
        passed = Vector256.GreaterThan(ke, ri.AsInt64()).ExtractMostSignificantBits();
        return UnitDoubles.ToDouble(ri) * we;
    }

    private readonly struct Batches<TKernel>(TKernel kernel) : IBufferedSampler<double>
        where TKernel : struct, IAttemptKernel
    {
        public int Refill(ref UInt64DrawCursor draws, int count, ref double destination, int i)
        {
            draws.Refill(count);
            return i;
        }

        public int Fast(ref UInt64DrawCursor draws, ref double destination, int i)
        {
            int group = 4 * TKernel.WordsPerAttempt;
            bool twoHalves = draws.DoublesFromTwoHalves;

            // The chunk had no more words than values left and an attempt takes two, so the accepted attempts of the
            // chunk's groups are never more than the values left: the stores stay inside the destination.
            ulong* words = draws.Cursor;
            ulong* last = words + draws.Buffered - group;
            while (words <= last)
            {
                Vector256<double> values = kernel.Decide(words, twoHalves, out uint accepted, out uint common);
                if (common == 0xF)
                {
                    i = Store(values, accepted, ref destination, i);
                    words += group;
                    continue;
                }

                int run = BitOperations.TrailingZeroCount(~common);
                i = Store(values, accepted & ((1u << run) - 1), ref destination, i);
                draws.Skip((int)(words - draws.Cursor) + (TKernel.WordsPerAttempt * run));
                Unsafe.Add(ref destination, i++) = kernel.Next(ref draws);
                words = draws.Cursor;
                last = words + draws.Buffered - group;
            }

            draws.Skip((int)(words - draws.Cursor));
            return i;
        }

        public double Next(ref UInt64DrawCursor draws) => kernel.Next(ref draws);

        // The accepted lanes' values, in lane order (the values of the attempts that ended them), packed to the front of
        // one four-lane store without a branch on the random acceptances. The lanes past them are overwritten by what
        // comes next; the store stays inside the destination because the group's four attempts are at most the values left.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int Store(Vector256<double> values, uint accepted, ref double destination, int i)
        {
            LanePacking.Pack(values, accepted).StoreUnsafe(ref destination, (nuint)i);
            return i + BitOperations.PopCount(accepted);
        }
    }
}

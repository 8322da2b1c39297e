using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Bulk fills for the two ziggurats (<see cref="StandardNormal"/>, <see cref="StandardExponential"/>) that decouple
/// drawing from sampling: raw 64-bit words come in chunks from the engine's bulk <see cref="BitGenerator.Fill(Span{ulong})"/>,
/// and the fast path (one table compare and one multiply, about 99% of values) runs eight values at a time on AVX-512
/// and four on AVX2.
/// </summary>
/// <remarks>
/// <para>
/// Exactness of the engine state: every value consumes at least one 64-bit draw, so a chunk never holds more words
/// than values still to produce, and the scalar path would have drawn every buffered word. The rare slow paths
/// (the tails and wedges) read their further words from the buffer first and, once it is used up, from the engine;
/// by the time the last value is written the buffer is always empty, so the engine ends in the scalar path's state.
/// </para>
/// <para>
/// A slow path's uniform double is the engine's <c>next_double</c> made from one raw word
/// (<see cref="BitGenerator.NextDoubleFromRaw(ulong)"/>: the top 53 bits, or MT19937's two-word form).
/// Only this library's sealed engines are buffered: a subclass elsewhere may define <see cref="BitGenerator.NextDouble"/>
/// or <see cref="BitGenerator.Fill(Span{ulong})"/> differently, so it keeps the per-value loop.
/// </para>
/// </remarks>
internal static unsafe class ZigguratFill
{
    /// <summary>Bit pattern of 2^52: or-ed into a value below 2^52 it gives 2^52 + value exactly.</summary>
    private const ulong TwoPow52Bits = 0x4330000000000000UL;

    /// <summary>Standard normals, the values and final engine state of <see cref="StandardNormal.Sample{TSource}"/> per value.</summary>
    /// <param name="engine">A library engine (<see cref="UInt64DrawCursor.CanBuffer"/>).</param>
    /// <param name="destination">The values.</param>
    /// <param name="vectorize">False runs the buffered scalar loop even where AVX2 or AVX-512 is available (benchmarks and tests).</param>
    public static void Normal(BitGenerator engine, Span<double> destination, bool vectorize = true) =>
        Fill<NormalKernel>(engine, destination, vectorize);

    /// <summary>Standard exponentials, the values and final engine state of <see cref="StandardExponential.Sample{TSource}"/> per value.</summary>
    /// <param name="engine">A library engine (<see cref="UInt64DrawCursor.CanBuffer"/>).</param>
    /// <param name="destination">The values.</param>
    /// <param name="vectorize">False runs the buffered scalar loop even where AVX2 or AVX-512 is available (benchmarks and tests).</param>
    public static void Exponential(BitGenerator engine, Span<double> destination, bool vectorize = true) =>
        Fill<ExponentialKernel>(engine, destination, vectorize);

    private static void Fill<TKernel>(BitGenerator engine, Span<double> destination, bool vectorize)
        where TKernel : struct, IZigguratKernel
    {
        byte* accepted = stackalloc byte[UInt64DrawCursor.Capacity / IWordGroupSink.GroupSize];
        var sampler = new ZigguratSampler<TKernel>(!vectorize ? 0 : Avx512F.IsSupported && Avx512DQ.IsSupported ? 512 : Avx2.IsSupported ? 256 : 0, accepted);
        UInt64DrawCursor.Fill<ZigguratSampler<TKernel>, double>(engine, destination, ref sampler);
    }

    /// <summary>A ziggurat as a buffered sampler: the batched eight-lane (AVX-512) or the four-lane (AVX2) fast path, then the exact sampler.</summary>
    private readonly struct ZigguratSampler<TKernel>(int vectorBits, byte* accepted) : IBufferedSampler<double>
        where TKernel : struct, IZigguratKernel
    {
        public int Refill(ref UInt64DrawCursor draws, int count, ref double destination, int i)
        {
            if (vectorBits != 512 || !draws.Interleaves)
            {
                draws.Refill(count);
                return i;
            }

            // The batch's first pass, during the engine's generation where it interleaves it.
            fixed (double* candidates = &Unsafe.Add(ref destination, i))
            fixed (ulong* pairs = TKernel.Pairs)
            {
                var pass = new FastPass<TKernel>(draws.Buffer, candidates, pairs, accepted);
                draws.Refill(count, ref pass);
            }

            return i; // the candidates are not values before the batch has settled the failed attempts
        }

        public int Fast(ref UInt64DrawCursor draws, ref double destination, int i) => vectorBits switch
        {
            // The four-lane loop takes what the batch leaves (under eight buffered words, or the rest after a slow
            // path that ran past the batch).
            512 => VectorLoop<TKernel>(ref draws, ref destination, Batch<TKernel>(ref draws, ref destination, i, accepted)),
            256 => VectorLoop<TKernel>(ref draws, ref destination, i),
            _ => i,
        };

        public double Next(ref UInt64DrawCursor draws) => TKernel.Sample(ref draws);
    }

    /// <summary>One ziggurat: its tables, its four- and eight-lane fast paths and its exact scalar sampler.</summary>
    private interface IZigguratKernel
    {
        /// <summary>Each layer's threshold and width bits side by side (<see cref="Interleave"/>).</summary>
        static abstract ulong[] Pairs { get; }

        /// <summary>The byte offset in <see cref="Pairs"/> of a raw word's layer (16 bytes a layer).</summary>
        static abstract nuint LayerBytes(ulong word);

        /// <summary>The four candidates of the four raw words at <paramref name="words"/>, and a bit per lane (bit k = lane k) whose candidate the fast test accepts.</summary>
        static abstract Vector256<double> Fast(ulong* words, ulong* pairs, out uint acceptMask);

        /// <summary><see cref="Fast(ulong*, ulong*, out uint)"/> for eight words (AVX-512F and DQ).</summary>
        static abstract Vector512<double> Fast512(ulong* words, ulong* pairs, out uint acceptMask);

        static abstract double Sample(ref UInt64DrawCursor draws);

        /// <summary>The exact slow path of an attempt whose <paramref name="word"/> (in <paramref name="layer"/>, <see cref="LayerBytes"/> / 16) failed the fast test with <paramref name="candidate"/>: its further draws, and whether it gives a value.</summary>
        static abstract bool Unlikely(ref UInt64DrawCursor draws, int layer, ulong word, double candidate, out double value);

        /// <summary>The wedge test of a layer other than 0 (<see cref="LayerBytes"/> / 16), which takes one uniform: what <see cref="Unlikely"/> does there.</summary>
        static abstract bool AcceptWedge(int layer, double candidate, double u);
    }

    /// <summary>The normal ziggurat's kernel (also the first step of <see cref="Gamma"/>'s batches).</summary>
    internal readonly struct NormalKernel : IZigguratKernel
    {
        private static readonly ulong[] LayerPairs = Interleave(ZigguratTables.Ki, ZigguratTables.Wi);

        public static ulong[] Pairs => LayerPairs;

        public static Vector256<double> Fast(ulong* words, ulong* pairs, out uint acceptMask)
        {
            Vector256<ulong> r = Vector256.Load(words);
            Lookup<NormalKernel>(pairs, words, out Vector256<ulong> k, out Vector256<double> widths);
            r >>>= 8;
            Vector256<ulong> rabs = (r >>> 1) & Vector256.Create(0x000fffffffffffffUL);

            // rabs < 2^52 converts exactly by placing it in the mantissa of 2^52 and subtracting 2^52, so the
            // product is the scalar (double)rabs * wi[idx]; the sign is the scalar XOR of bit 0 into the sign bit.
            Vector256<double> magnitude = (rabs | Vector256.Create(TwoPow52Bits)).AsDouble() - Vector256.Create(4503599627370496.0);
            Vector256<double> x = magnitude * widths;

            // Both sides are below 2^63, so AVX2's signed compare is the scalar unsigned one.
            acceptMask = Avx2.CompareGreaterThan(k.AsInt64(), rabs.AsInt64()).ExtractMostSignificantBits();
            return (x.AsUInt64() ^ (r << 63)).AsDouble();
        }

        public static Vector512<double> Fast512(ulong* words, ulong* pairs, out uint acceptMask)
        {
            Vector512<ulong> r = Vector512.Load(words);
            Lookup<NormalKernel>(pairs, words, out Vector512<ulong> k, out Vector512<double> widths);
            r >>>= 8;
            Vector512<ulong> rabs = (r >>> 1) & Vector512.Create(0x000fffffffffffffUL);
            Vector512<double> x = Avx512DQ.ConvertToVector512Double(rabs.AsInt64()) * widths;
            acceptMask = (uint)Vector512.LessThan(rabs, k).ExtractMostSignificantBits();
            return (x.AsUInt64() ^ (r << 63)).AsDouble();
        }

        public static double Sample(ref UInt64DrawCursor draws) => StandardNormal.Sample(ref draws);

        public static bool Unlikely(ref UInt64DrawCursor draws, int layer, ulong word, double candidate, out double value) =>
            StandardNormal.Unlikely(ref draws, layer, (word >> 9) & 0x000fffffffffffffUL, candidate, out value);

        public static bool AcceptWedge(int layer, double candidate, double u) => StandardNormal.AcceptWedge(layer, candidate, u);

        /// <summary>The layer is the word's low byte.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static nuint LayerBytes(ulong word) => (nuint)(byte)word * 16;
    }

    private readonly struct ExponentialKernel : IZigguratKernel
    {
        private static readonly ulong[] LayerPairs = Interleave(ZigguratTables.Ke, ZigguratTables.We);

        public static ulong[] Pairs => LayerPairs;

        public static Vector256<double> Fast(ulong* words, ulong* pairs, out uint acceptMask)
        {
            Vector256<ulong> ri = Vector256.Load(words) >>> 11;
            Lookup<ExponentialKernel>(pairs, words, out Vector256<ulong> k, out Vector256<double> widths);

            // ri < 2^53 and ke < 2^53: the signed compare is the scalar unsigned one.
            acceptMask = Avx2.CompareGreaterThan(k.AsInt64(), ri.AsInt64()).ExtractMostSignificantBits();
            return UnitDoubles.ToDouble(ri) * widths;
        }

        public static Vector512<double> Fast512(ulong* words, ulong* pairs, out uint acceptMask)
        {
            Vector512<ulong> ri = Vector512.Load(words) >>> 11;
            Lookup<ExponentialKernel>(pairs, words, out Vector512<ulong> k, out Vector512<double> widths);
            acceptMask = (uint)Vector512.LessThan(ri, k).ExtractMostSignificantBits();
            return Avx512DQ.ConvertToVector512Double(ri.AsInt64()) * widths;
        }

        public static double Sample(ref UInt64DrawCursor draws) => StandardExponential.Sample(ref draws);

        public static bool Unlikely(ref UInt64DrawCursor draws, int layer, ulong word, double candidate, out double value) =>
            StandardExponential.Unlikely(ref draws, layer, candidate, out value);

        public static bool AcceptWedge(int layer, double candidate, double u) => StandardExponential.AcceptWedge(layer, candidate, u);

        /// <summary>The layer is bits 3 to 10 of the word.</summary>
        // Masked in place and scaled by the address (8 * layer, times 2): one operation a word, not a shift and a mask,
        // in a loop that shares the integer units with SFC64's generation.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static nuint LayerBytes(ulong word) => (nuint)(word & 0x7F8) * 2;
    }

    /// <summary>
    /// The eight-lane fast path (AVX-512) over the buffered words in whole groups of eight, with no branch that
    /// depends on a rejection. About one group in nine (normals) or six (exponentials) holds a word that fails the
    /// fast test, and leaving the vector loop for each (a mispredicted branch, then <see cref="Math.Exp"/>'s latency
    /// before the next group) cost more than the fast path itself. So the work goes in three passes: every word's
    /// candidate and fast test; then the failed attempts in order through the exact slow path, whose further words are
    /// the words after the attempt (then the engine's) as in the scalar sampler, so a word it takes is no attempt of
    /// its own, and whose <see cref="Math.Exp"/> calls now overlap; then the values (accepted candidates and
    /// slow-path values) packed into place eight words at a time. Values and words are exactly the scalar sampler's.
    /// </summary>
    [SkipLocalsInit]
    private static int Batch<TKernel>(ref UInt64DrawCursor draws, ref double dst, int i, byte* keep)
        where TKernel : struct, IZigguratKernel
    {
        const int Group = IWordGroupSink.GroupSize;
        int words = draws.Buffered & ~(Group - 1);
        if (words == 0)
        {
            return i;
        }

        Debug.Assert(draws.Cursor == draws.Buffer, "The first pass runs over the chunk from its first word.");
        ulong* word = draws.Cursor;
        uint* failed = stackalloc uint[UInt64DrawCursor.Capacity + 16];
        fixed (double* candidates = &Unsafe.Add(ref dst, i))
        {
            if (!draws.Interleaves)
            {
                // The first pass, which the refill ran during the engine's generation where it interleaves them.
                fixed (ulong* pairs = TKernel.Pairs)
                {
                    var pass = new FastPass<TKernel>(word, candidates, pairs, keep);
                    for (int start = 0; start < words; start += Group)
                    {
                        pass.Take(start);
                    }
                }
            }

            int failures = CollectFailures(keep, words / Group, failed);
            if (failures == 0)
            {
                draws.Skip(words);
                return i + words;
            }

            // A wedge (any layer but 0) takes the next word as its one uniform, read here without moving the cursor; a
            // tail, or a wedge whose uniform is not buffered, goes through the cursor.
            uint next = 0;
            uint buffered = (uint)draws.Buffered;
            for (int f = 0; f < failures; f++)
            {
                uint k = failed[f];
                if (k < next)
                {
                    continue; // a word that an earlier failed attempt drew
                }

                ulong attempt = word[k];
                int layer = (int)(TKernel.LayerBytes(attempt) / 16);
                bool kept;
                if (layer != 0 && k + 1 < buffered)
                {
                    kept = TKernel.AcceptWedge(layer, candidates[k], draws.DoubleFromRaw(word[k + 1]));
                    next = k + 2;
                }
                else
                {
                    draws.Skip((int)(k + 1 - (uint)(draws.Cursor - word)));
                    kept = TKernel.Unlikely(ref draws, layer, attempt, candidates[k], out candidates[k]);
                    next = (uint)(draws.Cursor - word);
                }

                // The attempt's own bit, then the words it drew: they are no attempts of their own.
                keep[k / Group] |= (byte)((kept ? 1u : 0) << (int)(k % Group));
                for (uint taken = k + 1; taken < Math.Min(next, (uint)words); taken++)
                {
                    keep[taken / Group] &= (byte)~(1u << (int)(taken % Group));
                }
            }

            // Each value takes at least one word, so a packed store (eight lanes) ends at or before the group it came
            // from: it stays inside the words' span of dst and never overwrites a group still to be read.
            int first = (int)(failed[0] / Group);
            int o = i + (first * Group);
            for (int g = first; g < words / Group; g++)
            {
                o = Pack(candidates + (g * Group), keep[g], ref dst, o);
            }

            draws.Skip((int)Math.Max((uint)words, next) - (int)(draws.Cursor - word));
            return o;
        }
    }

    /// <summary>
    /// The batch's first pass (<see cref="Batch{TKernel}"/>), a group of eight words at a time: every word's candidate
    /// and fast test. Each candidate goes to the value's place if no word before it were dropped, so the stores of the
    /// 8 MB result interleave with the arithmetic (packing from a separate buffer afterwards was a burst of stores
    /// that stalled whenever the neighbours loaded the memory bus); the packing then moves values back within lines
    /// already in cache, from the first failure on.
    /// </summary>
    private readonly struct FastPass<TKernel>(ulong* words, double* candidates, ulong* pairs, byte* accepted) : IWordGroupSink
        where TKernel : struct, IZigguratKernel
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Take(int start)
        {
            TKernel.Fast512(words + start, pairs, out uint acceptMask).Store(candidates + start);
            accepted[(uint)start / IWordGroupSink.GroupSize] = (byte)acceptMask;
        }
    }

    /// <summary>The positions, in order, of the words whose bit is clear in <paramref name="accepted"/> (a byte per eight words).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CollectFailures(byte* accepted, int groups, uint* failed)
    {
        int failures = 0;
#if NET9_0_OR_GREATER
        if (Avx512F.IsSupported)
        {
            // Sixteen words a step; a last odd group pairs with an all-accepted one.
            Vector512<uint> lanes = Vector512<uint>.Indices;
            Vector512<uint> bits = Vector512.Create(1u, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768);
            for (int g = 0; g < groups; g += 2)
            {
                uint rejected = ~(accepted[g] | ((g + 1 < groups ? accepted[g + 1] : 0xFFu) << 8)) & 0xFFFF;
                Vector512<uint> selected = Vector512.Equals(Vector512.Create(rejected) & bits, bits);
                Avx512F.Compress(Vector512<uint>.Zero, selected, lanes + Vector512.Create((uint)(g * 8))).Store(failed + failures);
                failures += BitOperations.PopCount(rejected);
            }

            return failures;
        }
#endif
        Vector256<uint> eight = Vector256.Create(0u, 1, 2, 3, 4, 5, 6, 7);
        for (int g = 0; g < groups; g++)
        {
            uint rejected = ~(uint)accepted[g] & 0xFF;
            LanePacking.Pack(eight + Vector256.Create((uint)(g * 8)), rejected).Store(failed + failures);
            failures += BitOperations.PopCount(rejected);
        }

        return failures;
    }

    /// <summary>The eight candidates' selected ones (bit k = candidate k) stored from dst[o] on, in order; returns the index after them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Pack(double* candidates, uint selected, ref double dst, int o)
    {
#if NET9_0_OR_GREATER
        // vcompresspd measured faster than LanePacking's table load, vpmovzxbq and vpermq (which .NET 8 has).
        Vector512<ulong> laneBit = Vector512.Create(1UL, 2, 4, 8, 16, 32, 64, 128);
        Vector512<ulong> mask = Vector512.Equals(Vector512.Create((ulong)selected) & laneBit, laneBit);
        Avx512F.Compress(Vector512<double>.Zero, mask.AsDouble(), Vector512.Load(candidates)).StoreUnsafe(ref dst, (nuint)o);
#else
        LanePacking.Pack(Vector512.Load((ulong*)candidates), selected).AsDouble().StoreUnsafe(ref dst, (nuint)o);
#endif
        return o + BitOperations.PopCount(selected);
    }

    /// <summary>
    /// The four-lane fast path (AVX2) while four words are buffered: every lane's candidate is stored, but only the
    /// lanes before the first rejecting one count; that lane's word goes, with any further words it needs, through
    /// the exact scalar sampler, and the loop goes on from the cursor it leaves. (The batch's three passes measured
    /// slower than this loop with four lanes, where only one group in twelve (exponentials) to seventeen (normals)
    /// holds a rejection.)
    /// </summary>
    private static int VectorLoop<TKernel>(ref UInt64DrawCursor draws, ref double dst, int i)
        where TKernel : struct, IZigguratKernel
    {
        const int Lanes = 4;
        fixed (ulong* pairs = TKernel.Pairs)
        {
            // The words are read through a local pointer and the cursor learns how many were used only before a slow
            // path and at the end: a cursor updated in memory every group made a store-to-load chain around the loop.
            // A pointer compare: `end - words >= Count` was compiled as a signed division by the word size.
            ulong* words = draws.Cursor;
            ulong* last = words + draws.Buffered - Lanes;
            while (words <= last)
            {
                TKernel.Fast(words, pairs, out uint acceptMask).StoreUnsafe(ref dst, (nuint)i);
                if (acceptMask == 0xF)
                {
                    words += Lanes;
                    i += Lanes;
                    continue;
                }

                int accepted = BitOperations.TrailingZeroCount(~acceptMask);
                draws.Skip((int)(words - draws.Cursor) + accepted);
                i += accepted;
                Unsafe.Add(ref dst, i++) = TKernel.Sample(ref draws);
                words = draws.Cursor;
                last = words + draws.Buffered - Lanes;
            }

            draws.Skip((int)(words - draws.Cursor));
        }

        return i;
    }

    /// <summary>A ziggurat's thresholds and widths as one table of (threshold, width bits) pairs, 16 bytes a layer.</summary>
    private static ulong[] Interleave(ReadOnlySpan<ulong> thresholds, ReadOnlySpan<double> widths)
    {
        ulong[] pairs = GC.AllocateArray<ulong>(2 * thresholds.Length, pinned: true);
        for (int i = 0; i < thresholds.Length; i++)
        {
            pairs[2 * i] = thresholds[i];
            pairs[(2 * i) + 1] = BitConverter.DoubleToUInt64Bits(widths[i]);
        }

        return pairs;
    }

    /// <summary>
    /// The thresholds and widths of the four words' layers at <paramref name="words"/>: one 16-byte load per layer
    /// instead of two scalar loads and their inserts (.NET exposes no 512-bit gather, and AVX2's gathers measured
    /// slower than scalar loads). Layers 0 and 2 go to the halves of one vector, 1 and 3 to another, so the in-lane
    /// unpacks put the thresholds, and the widths, in lane order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Lookup<TKernel>(ulong* pairs, ulong* words, out Vector256<ulong> thresholds, out Vector256<double> widths)
        where TKernel : struct, IZigguratKernel
    {
        Vector256<ulong> even = Pair<TKernel>(pairs, words, 0);
        Vector256<ulong> odd = Pair<TKernel>(pairs, words, 1);
        thresholds = Avx2.UnpackLow(even, odd);
        widths = Avx2.UnpackHigh(even, odd).AsDouble();
    }

    /// <summary>The eight-word <see cref="Lookup{TKernel}(ulong*, ulong*, out Vector256{ulong}, out Vector256{double})"/>: layers 0, 2, 4, 6 in one vector, 1, 3, 5, 7 in the other.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Lookup<TKernel>(ulong* pairs, ulong* words, out Vector512<ulong> thresholds, out Vector512<double> widths)
        where TKernel : struct, IZigguratKernel
    {
        // ToVector512Unsafe + WithUpper is one vinserti64x4; Vector512.Create(lower, upper) was compiled as two inserts
        // into the previous iteration's register, a dependency carried around the loop.
        Vector512<ulong> even = Pair<TKernel>(pairs, words, 0).ToVector512Unsafe().WithUpper(Pair<TKernel>(pairs, words, 4));
        Vector512<ulong> odd = Pair<TKernel>(pairs, words, 1).ToVector512Unsafe().WithUpper(Pair<TKernel>(pairs, words, 5));
        thresholds = Avx512F.UnpackLow(even, odd);
        widths = Avx512F.UnpackHigh(even, odd).AsDouble();
    }

    /// <summary>The (threshold, width) pairs of the layers of words <paramref name="k"/> and <paramref name="k"/> + 2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Pair<TKernel>(ulong* pairs, ulong* words, int k)
        where TKernel : struct, IZigguratKernel =>
        Vector128.Load((ulong*)((byte*)pairs + TKernel.LayerBytes(words[k]))).ToVector256Unsafe()
            .WithUpper(Vector128.Load((ulong*)((byte*)pairs + TKernel.LayerBytes(words[k + 2]))));
}

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
        var sampler = new ZigguratSampler<TKernel>(!vectorize ? 0 : Avx512F.IsSupported && Avx512DQ.IsSupported ? 512 : Avx2.IsSupported ? 256 : 0);
        UInt64DrawCursor.Fill<ZigguratSampler<TKernel>, double>(engine, destination, ref sampler);
    }

    /// <summary>A ziggurat as a buffered sampler: the eight-lane (AVX-512) or four-lane (AVX2) fast path, then the exact sampler.</summary>
    private readonly struct ZigguratSampler<TKernel>(int vectorBits) : IBufferedSampler<double>
        where TKernel : struct, IZigguratKernel
    {
        public int Fast(ref UInt64DrawCursor draws, ref double destination, int i) => vectorBits switch
        {
            // The four-lane loop takes what the eight-lane one leaves (four to seven buffered words).
            512 => VectorLoop<TKernel, FourLanes>(ref draws, ref destination, VectorLoop<TKernel, EightLanes>(ref draws, ref destination, i)),
            256 => VectorLoop<TKernel, FourLanes>(ref draws, ref destination, i),
            _ => i,
        };

        public double Next(ref UInt64DrawCursor draws) => TKernel.Sample(ref draws);
    }

    /// <summary>One ziggurat: its tables, its four- and eight-lane fast paths and its exact scalar sampler.</summary>
    private interface IZigguratKernel
    {
        /// <summary>Each layer's threshold and width bits side by side (<see cref="Interleave"/>).</summary>
        static abstract ulong[] Pairs { get; }

        /// <summary>The offset in <see cref="Pairs"/> of a raw word's layer.</summary>
        static abstract nuint Layer(ulong word);

        /// <summary>The four candidates of the four raw words at <paramref name="words"/>, and a bit per lane (bit k = lane k) whose candidate the fast test accepts.</summary>
        static abstract Vector256<double> Fast(ulong* words, ulong* pairs, out uint acceptMask);

        /// <summary><see cref="Fast(ulong*, ulong*, out uint)"/> for eight words (AVX-512F and DQ).</summary>
        static abstract Vector512<double> Fast512(ulong* words, ulong* pairs, out uint acceptMask);

        static abstract double Sample(ref UInt64DrawCursor draws);
    }

    private readonly struct NormalKernel : IZigguratKernel
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

        /// <summary>The layer is the word's low byte.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static nuint Layer(ulong word) => (nuint)(byte)word * 2;
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

        /// <summary>The layer is bits 3 to 10 of the word.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static nuint Layer(ulong word) => (nuint)(word >> 2) & 0x1FE;
    }

    /// <summary>
    /// The fast path <typeparamref name="TLanes"/>.Count values at a time while that many words are buffered: every
    /// lane's candidate is stored, but only the lanes before the first rejecting one count; that lane's word goes,
    /// with any further words it needs, through the exact scalar sampler, and the loop goes on from the cursor it leaves.
    /// </summary>
    private static int VectorLoop<TKernel, TLanes>(ref UInt64DrawCursor draws, ref double dst, int i)
        where TKernel : struct, IZigguratKernel
        where TLanes : struct, ILanes
    {
        uint all = (1u << TLanes.Count) - 1;
        fixed (ulong* pairs = TKernel.Pairs)
        {
            // The words are read through a local pointer and the cursor learns how many were used only before a slow
            // path and at the end: a cursor updated in memory every group made a store-to-load chain around the loop.
            // A pointer compare: `end - words >= Count` was compiled as a signed division by the word size.
            ulong* words = draws.Cursor;
            ulong* last = words + draws.Buffered - TLanes.Count;
            while (words <= last)
            {
                uint acceptMask = TLanes.Step<TKernel>(words, pairs, ref dst, i);
                if (acceptMask == all)
                {
                    words += TLanes.Count;
                    i += TLanes.Count;
                    continue;
                }

                int accepted = BitOperations.TrailingZeroCount(~acceptMask);
                draws.Skip((int)(words - draws.Cursor) + accepted);
                i += accepted;
                Unsafe.Add(ref dst, i++) = TKernel.Sample(ref draws);
                words = draws.Cursor;
                last = words + draws.Buffered - TLanes.Count;
            }

            draws.Skip((int)(words - draws.Cursor));
        }

        return i;
    }

    /// <summary>A vector width of the fast path: how many lanes, and the kernel's step at that width (candidates stored at dst[i..]).</summary>
    private interface ILanes
    {
        static abstract int Count { get; }

        static abstract uint Step<TKernel>(ulong* words, ulong* pairs, ref double dst, int i)
            where TKernel : struct, IZigguratKernel;
    }

    private readonly struct FourLanes : ILanes
    {
        public static int Count => Vector256<double>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint Step<TKernel>(ulong* words, ulong* pairs, ref double dst, int i)
            where TKernel : struct, IZigguratKernel
        {
            TKernel.Fast(words, pairs, out uint acceptMask).StoreUnsafe(ref dst, (nuint)i);
            return acceptMask;
        }
    }

    private readonly struct EightLanes : ILanes
    {
        public static int Count => Vector512<double>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint Step<TKernel>(ulong* words, ulong* pairs, ref double dst, int i)
            where TKernel : struct, IZigguratKernel
        {
            TKernel.Fast512(words, pairs, out uint acceptMask).StoreUnsafe(ref dst, (nuint)i);
            return acceptMask;
        }
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
        Vector128.Load(pairs + TKernel.Layer(words[k])).ToVector256Unsafe().WithUpper(Vector128.Load(pairs + TKernel.Layer(words[k + 2])));
}

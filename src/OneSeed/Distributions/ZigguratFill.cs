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
        static abstract ReadOnlySpan<ulong> Thresholds { get; }

        static abstract ReadOnlySpan<double> Widths { get; }

        /// <summary>The four candidates of the four raw words at <paramref name="words"/>, and a bit per lane (bit k = lane k) whose candidate the fast test accepts.</summary>
        static abstract Vector256<double> Fast(ulong* words, ulong* thresholds, double* widths, out uint acceptMask);

        /// <summary><see cref="Fast(ulong*, ulong*, double*, out uint)"/> for eight words (AVX-512F and DQ).</summary>
        static abstract Vector512<double> Fast512(ulong* words, ulong* thresholds, double* widths, out uint acceptMask);

        static abstract double Sample(ref UInt64DrawCursor draws);
    }

    private readonly struct NormalKernel : IZigguratKernel
    {
        public static ReadOnlySpan<ulong> Thresholds => ZigguratTables.Ki;

        public static ReadOnlySpan<double> Widths => ZigguratTables.Wi;

        public static Vector256<double> Fast(ulong* words, ulong* thresholds, double* widths, out uint acceptMask)
        {
            Vector256<ulong> r = Vector256.Load(words);

            // The layer index is each word's low byte; four scalar table loads beat two AVX2 gathers on this CPU.
            int i0 = (byte)words[0], i1 = (byte)words[1], i2 = (byte)words[2], i3 = (byte)words[3];
            r >>>= 8;
            Vector256<ulong> rabs = (r >>> 1) & Vector256.Create(0x000fffffffffffffUL);

            // rabs < 2^52 converts exactly by placing it in the mantissa of 2^52 and subtracting 2^52, so the
            // product is the scalar (double)rabs * wi[idx]; the sign is the scalar XOR of bit 0 into the sign bit.
            Vector256<double> magnitude = (rabs | Vector256.Create(TwoPow52Bits)).AsDouble() - Vector256.Create(4503599627370496.0);
            Vector256<double> x = magnitude * Vector256.Create(widths[i0], widths[i1], widths[i2], widths[i3]);

            // Both sides are below 2^63, so AVX2's signed compare is the scalar unsigned one.
            Vector256<long> k = Vector256.Create((long)thresholds[i0], (long)thresholds[i1], (long)thresholds[i2], (long)thresholds[i3]);
            acceptMask = Avx2.CompareGreaterThan(k, rabs.AsInt64()).ExtractMostSignificantBits();
            return (x.AsUInt64() ^ (r << 63)).AsDouble();
        }

        public static Vector512<double> Fast512(ulong* words, ulong* thresholds, double* widths, out uint acceptMask)
        {
            Vector512<ulong> r = Vector512.Load(words);
            r >>>= 8;
            Vector512<ulong> rabs = (r >>> 1) & Vector512.Create(0x000fffffffffffffUL);
            Vector512<double> x = Avx512DQ.ConvertToVector512Double(rabs.AsInt64()) * Lookup((ulong*)widths, words, 0).AsDouble();
            acceptMask = (uint)Vector512.LessThan(rabs, Lookup(thresholds, words, 0)).ExtractMostSignificantBits();
            return (x.AsUInt64() ^ (r << 63)).AsDouble();
        }

        public static double Sample(ref UInt64DrawCursor draws) => StandardNormal.Sample(ref draws);
    }

    private readonly struct ExponentialKernel : IZigguratKernel
    {
        public static ReadOnlySpan<ulong> Thresholds => ZigguratTables.Ke;

        public static ReadOnlySpan<double> Widths => ZigguratTables.We;

        public static Vector256<double> Fast(ulong* words, ulong* thresholds, double* widths, out uint acceptMask)
        {
            Vector256<ulong> ri = Vector256.Load(words) >>> 11;
            int i0 = (byte)(words[0] >> 3), i1 = (byte)(words[1] >> 3), i2 = (byte)(words[2] >> 3), i3 = (byte)(words[3] >> 3);

            // ri < 2^53 and ke < 2^53: the signed compare is the scalar unsigned one.
            Vector256<long> k = Vector256.Create((long)thresholds[i0], (long)thresholds[i1], (long)thresholds[i2], (long)thresholds[i3]);
            acceptMask = Avx2.CompareGreaterThan(k, ri.AsInt64()).ExtractMostSignificantBits();
            return UnitDoubles.ToDouble(ri) * Vector256.Create(widths[i0], widths[i1], widths[i2], widths[i3]);
        }

        public static Vector512<double> Fast512(ulong* words, ulong* thresholds, double* widths, out uint acceptMask)
        {
            Vector512<ulong> w = Vector512.Load(words);
            Vector512<ulong> ri = w >>> 11;
            acceptMask = (uint)Vector512.LessThan(ri, Lookup(thresholds, words, 3)).ExtractMostSignificantBits();
            return Avx512DQ.ConvertToVector512Double(ri.AsInt64()) * Lookup((ulong*)widths, words, 3).AsDouble();
        }

        public static double Sample(ref UInt64DrawCursor draws) => StandardExponential.Sample(ref draws);
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
        fixed (ulong* thresholds = TKernel.Thresholds)
        fixed (double* widths = TKernel.Widths)
        {
            // The words are read through a local pointer and the cursor learns how many were used only before a slow
            // path and at the end: a cursor updated in memory every group made a store-to-load chain around the loop.
            ulong* words = draws.Cursor;
            ulong* end = words + draws.Buffered;
            while (end - words >= TLanes.Count)
            {
                uint acceptMask = TLanes.Step<TKernel>(words, thresholds, widths, ref dst, i);
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
                end = words + draws.Buffered;
            }

            draws.Skip((int)(words - draws.Cursor));
        }

        return i;
    }

    /// <summary>A vector width of the fast path: how many lanes, and the kernel's step at that width (candidates stored at dst[i..]).</summary>
    private interface ILanes
    {
        static abstract int Count { get; }

        static abstract uint Step<TKernel>(ulong* words, ulong* thresholds, double* widths, ref double dst, int i)
            where TKernel : struct, IZigguratKernel;
    }

    private readonly struct FourLanes : ILanes
    {
        public static int Count => Vector256<double>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint Step<TKernel>(ulong* words, ulong* thresholds, double* widths, ref double dst, int i)
            where TKernel : struct, IZigguratKernel
        {
            TKernel.Fast(words, thresholds, widths, out uint acceptMask).StoreUnsafe(ref dst, (nuint)i);
            return acceptMask;
        }
    }

    private readonly struct EightLanes : ILanes
    {
        public static int Count => Vector512<double>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint Step<TKernel>(ulong* words, ulong* thresholds, double* widths, ref double dst, int i)
            where TKernel : struct, IZigguratKernel
        {
            TKernel.Fast512(words, thresholds, widths, out uint acceptMask).StoreUnsafe(ref dst, (nuint)i);
            return acceptMask;
        }
    }

    /// <summary>
    /// The table entries of eight words' layer indexes (byte <paramref name="shift"/> / 8 of each word) by scalar loads:
    /// .NET exposes no 512-bit gather, and two AVX2 gathers measured slower here.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Lookup(ulong* table, ulong* words, int shift) =>
        // ToVector512Unsafe + WithUpper is one vinserti64x4; Vector512.Create(lower, upper) was compiled as two inserts
        // into the previous iteration's register, a dependency carried around the loop.
        Vector256.Create(table[(byte)(words[0] >> shift)], table[(byte)(words[1] >> shift)], table[(byte)(words[2] >> shift)], table[(byte)(words[3] >> shift)])
            .ToVector512Unsafe()
            .WithUpper(Vector256.Create(table[(byte)(words[4] >> shift)], table[(byte)(words[5] >> shift)], table[(byte)(words[6] >> shift)], table[(byte)(words[7] >> shift)]));
}

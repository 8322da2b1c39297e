using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OneSeed.Engines;

/// <summary>Bulk block generation for <see cref="Philox"/>: many consecutive counters encrypted at once.</summary>
public sealed partial class Philox
{
    /// <summary>Blocks per AVX2 iteration: two groups of four, so the two dependency chains of ten rounds overlap.</summary>
    internal const int VectorBlocks = 8;

    /// <summary>Blocks per AVX2 iteration with the scalar block that runs beside the two vector groups.</summary>
    internal const int Avx2Blocks = VectorBlocks + 1;

    /// <summary>Blocks per AVX-512 iteration in vectors: two groups of eight.</summary>
    internal const int Vector512Blocks = 16;

    /// <summary>Blocks per AVX-512 iteration with the scalar block that runs beside the two vector groups.</summary>
    internal const int Avx512Blocks = Vector512Blocks + 1;

    /// <summary>
    /// Writes <paramref name="destination"/>.Length / 4 whole blocks (the length must be a multiple of 4), incrementing
    /// the counter before each block exactly as <see cref="Next"/> does, and leaves the counter at the last block's.
    /// </summary>
    internal static void GenerateBlocks<TOut>(ref Counter counter, ulong k0, ulong k1, Span<ulong> destination)
        where TOut : struct, IWordOutput
    {
        int blocks = destination.Length / BufferSize;
        ref ulong dst = ref MemoryMarshal.GetReference(destination);
        int done = 0;
        if (Avx512F.IsSupported && Avx512DQ.IsSupported && blocks >= Avx512Blocks)
        {
            done = blocks - (blocks % Avx512Blocks);
            BlocksAvx512<TOut>(ref counter, k0, k1, ref dst, done / Avx512Blocks);
        }

        // The AVX2 loop also takes what the AVX-512 one leaves (the samplers' chunks of 128 blocks leave nine).
        if (Avx2.IsSupported && blocks - done >= Avx2Blocks)
        {
            int iterations = (blocks - done) / Avx2Blocks;
            BlocksAvx2<TOut>(ref counter, k0, k1, ref Unsafe.Add(ref dst, done * BufferSize), iterations);
            done += iterations * Avx2Blocks;
        }

        GenerateBlocksScalar<TOut>(ref counter, k0, k1, destination[(done * BufferSize)..]);
    }

    /// <summary><see cref="GenerateBlocks{TOut}"/> without intrinsics: the fallback, and the reference the tests hold the vector path to.</summary>
    internal static void GenerateBlocksScalar<TOut>(ref Counter counter, ulong k0, ulong k1, Span<ulong> destination)
        where TOut : struct, IWordOutput
    {
        int blocks = destination.Length / BufferSize;
        ref ulong dst = ref MemoryMarshal.GetReference(destination);
        int done = 0;
        ulong c0 = counter.C0, c1 = counter.C1, c2 = counter.C2, c3 = counter.C3;
        for (; done + 1 < blocks; done += 2)
        {
            // Two independent blocks per iteration: their multiplies interleave instead of waiting on one chain.
            Increment(ref c0, ref c1, ref c2, ref c3);
            (ulong d0, ulong d1, ulong d2, ulong d3) = (c0, c1, c2, c3);
            Increment(ref c0, ref c1, ref c2, ref c3);
            Block2(d0, d1, d2, d3, c0, c1, c2, c3, k0, k1, out ulong o0, out ulong o1, out ulong o2, out ulong o3, out ulong o4, out ulong o5, out ulong o6, out ulong o7);
            ref ulong o = ref Unsafe.Add(ref dst, done * BufferSize);
            StoreBlock<TOut>(ref o, o0, o1, o2, o3);
            StoreBlock<TOut>(ref Unsafe.Add(ref o, BufferSize), o4, o5, o6, o7);
        }

        if (done < blocks)
        {
            Increment(ref c0, ref c1, ref c2, ref c3);
            Block(c0, c1, c2, c3, k0, k1, out ulong o0, out ulong o1, out ulong o2, out ulong o3);
            StoreBlock<TOut>(ref Unsafe.Add(ref dst, done * BufferSize), o0, o1, o2, o3);
        }

        counter = new Counter(c0, c1, c2, c3);
    }

    /// <summary>Encrypts the blocks of counters a0..a3 and b0..b3 side by side (two independent multiply chains).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block2(
        ulong a0, ulong a1, ulong a2, ulong a3, ulong b0, ulong b1, ulong b2, ulong b3, ulong k0, ulong k1,
        out ulong o0, out ulong o1, out ulong o2, out ulong o3, out ulong o4, out ulong o5, out ulong o6, out ulong o7)
    {
        for (int r = 0; r < 10; r++)
        {
            Round(ref a0, ref a1, ref a2, ref a3, k0, k1);
            Round(ref b0, ref b1, ref b2, ref b3, k0, k1);
            k0 += KeyBump0;
            k1 += KeyBump1;
        }

        (o0, o1, o2, o3, o4, o5, o6, o7) = (a0, a1, a2, a3, b0, b1, b2, b3);
    }

    /// <summary>One block's four words, converted, at <paramref name="o"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreBlock<TOut>(ref ulong o, ulong w0, ulong w1, ulong w2, ulong w3)
        where TOut : struct, IWordOutput
    {
        o = TOut.Convert(w0);
        Unsafe.Add(ref o, 1) = TOut.Convert(w1);
        Unsafe.Add(ref o, 2) = TOut.Convert(w2);
        Unsafe.Add(ref o, 3) = TOut.Convert(w3);
    }

    /// <summary>
    /// The 128-bit product as high word and low word. Math.BigMul(ulong, ulong, out ulong) passes the low word through
    /// memory (its out parameter makes the local address-exposed), which spills the whole round state; the UInt128
    /// overload stays in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MulHi(ulong a, ulong b, out ulong low)
    {
if (Bmi2.X64.IsSupported)
        {
            low = a * b;
            return Bmi2.X64.MultiplyNoFlags(a, b);
        }

        return Math.BigMul(a, b, out low);
    }

    /// <summary>
    /// AVX2 Philox: eight blocks per iteration as two groups of four, word i of the four blocks of a group in one
    /// vector, so every round is the scalar round on four lanes. The 64x64-&gt;128 products come from
    /// <see cref="WideMultiply"/> (the multipliers are constants, so their halves are broadcast constants). A 4x4 transpose at
    /// the end puts the words back block by block, the scalar order.
    /// </summary>
    private static void BlocksAvx2<TOut>(ref Counter counter, ulong k0, ulong k1, ref ulong dst, int iterations)
        where TOut : struct, IWordOutput
    {
        // Round keys once per call; each round broadcasts its pair from here (one load, no register pressure).
        Span<ulong> keys = stackalloc ulong[20];
        RoundKeys(k0, k1, keys);
        ref ulong rk = ref MemoryMarshal.GetReference(keys);
        Span<ulong> slow = stackalloc ulong[4 * VectorBlocks];
        ulong c0 = counter.C0, c1 = counter.C1, c2 = counter.C2, c3 = counter.C3;
        Vector256<ulong> steps = Vector256.Create(1UL, 2, 3, 4);
        Vector256<ulong> four = Vector256.Create(4UL);
        for (int it = 0; it < iterations; it++)
        {
            Vector256<ulong> a0, a1, a2, a3, b0, b1, b2, b3;
            if (c0 <= ulong.MaxValue - Avx2Blocks)
            {
                // No carry out of the low word within these nine blocks: counters c0+1..c0+9 over fixed high words.
                a0 = Vector256.Create(c0) + steps;
                b0 = a0 + four;
                a1 = b1 = Vector256.Create(c1);
                a2 = b2 = Vector256.Create(c2);
                a3 = b3 = Vector256.Create(c3);
                c0 += Avx2Blocks;
            }
            else
            {
                // The 256-bit increment carries somewhere in here: step the scalar counter block by block.
                CountersWordwise(ref c0, ref c1, ref c2, ref c3, slow, group: 4);
                Increment(ref c0, ref c1, ref c2, ref c3);

                ref ulong s = ref MemoryMarshal.GetReference(slow);
                a0 = Vector256.LoadUnsafe(ref s, 0);
                a1 = Vector256.LoadUnsafe(ref s, 4);
                a2 = Vector256.LoadUnsafe(ref s, 8);
                a3 = Vector256.LoadUnsafe(ref s, 12);
                b0 = Vector256.LoadUnsafe(ref s, 16);
                b1 = Vector256.LoadUnsafe(ref s, 20);
                b2 = Vector256.LoadUnsafe(ref s, 24);
                b3 = Vector256.LoadUnsafe(ref s, 28);
            }

            // The ninth block runs in scalar registers on the integer multiplier, which the vector rounds leave idle.
            ulong s0 = c0, s1 = c1, s2 = c2, s3 = c3;
            for (int r = 0; r < 10; r++)
            {
                ulong sk0 = Unsafe.Add(ref rk, 2 * r), sk1 = Unsafe.Add(ref rk, (2 * r) + 1);
                Vector256<ulong> key0 = Vector256.Create(sk0);
                Vector256<ulong> key1 = Vector256.Create(sk1);
                RoundAvx2(ref a0, ref a1, ref a2, ref a3, key0, key1);
                Round(ref s0, ref s1, ref s2, ref s3, sk0, sk1);
                RoundAvx2(ref b0, ref b1, ref b2, ref b3, key0, key1);
            }

            ref ulong o = ref Unsafe.Add(ref dst, it * Avx2Blocks * BufferSize);
            StoreTransposed<TOut>(a0, a1, a2, a3, ref o);
            StoreTransposed<TOut>(b0, b1, b2, b3, ref Unsafe.Add(ref o, 4 * BufferSize));
            StoreBlock<TOut>(ref Unsafe.Add(ref o, VectorBlocks * BufferSize), s0, s1, s2, s3);
        }

        counter = new Counter(c0, c1, c2, c3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RoundAvx2(ref Vector256<ulong> x0, ref Vector256<ulong> x1, ref Vector256<ulong> x2, ref Vector256<ulong> x3, Vector256<ulong> key0, Vector256<ulong> key1)
    {
        Vector256<ulong> hi0 = WideMultiply.MulHiLo(x0, RoundMultiplier0, out Vector256<ulong> lo0);
        Vector256<ulong> hi1 = WideMultiply.MulHiLo(x2, RoundMultiplier1, out Vector256<ulong> lo1);
        x0 = hi1 ^ x1 ^ key0;
        x1 = lo1;
        x2 = hi0 ^ x3 ^ key1;
        x3 = lo0;
    }

    /// <summary>Writes the four blocks held word-wise in x0..x3 (lane j = block j) block by block: a 4x4 transpose of 64-bit words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreTransposed<TOut>(Vector256<ulong> x0, Vector256<ulong> x1, Vector256<ulong> x2, Vector256<ulong> x3, ref ulong dst)
        where TOut : struct, IWordOutput
    {
        Vector256<ulong> t0 = Avx2.UnpackLow(x0, x1);
        Vector256<ulong> t1 = Avx2.UnpackHigh(x0, x1);
        Vector256<ulong> t2 = Avx2.UnpackLow(x2, x3);
        Vector256<ulong> t3 = Avx2.UnpackHigh(x2, x3);
        TOut.Convert(Avx2.Permute2x128(t0, t2, 0x20)).StoreUnsafe(ref dst, 0);
        TOut.Convert(Avx2.Permute2x128(t1, t3, 0x20)).StoreUnsafe(ref dst, 4);
        TOut.Convert(Avx2.Permute2x128(t0, t2, 0x31)).StoreUnsafe(ref dst, 8);
        TOut.Convert(Avx2.Permute2x128(t1, t3, 0x31)).StoreUnsafe(ref dst, 12);
    }

    /// <summary>
    /// AVX-512 Philox: <see cref="BlocksAvx2{TOut}"/> on eight lanes, sixteen blocks per iteration as two groups of
    /// eight. The products are built as on AVX2 (<see cref="WideMultiply"/>); what AVX-512
    /// adds is twice the lanes per instruction, three-input logic (<c>vpternlogq</c> for the round's double xor and the
    /// low word's merge) and an exact 64-bit integer to double conversion.
    /// </summary>
    private static void BlocksAvx512<TOut>(ref Counter counter, ulong k0, ulong k1, ref ulong dst, int iterations)
        where TOut : struct, IWordOutput
    {
        const int Group = Vector512Blocks / 2;
        Span<ulong> keys = stackalloc ulong[20];
        RoundKeys(k0, k1, keys);
        ref ulong rk = ref MemoryMarshal.GetReference(keys);
        Span<ulong> slow = stackalloc ulong[4 * Vector512Blocks];
        ulong c0 = counter.C0, c1 = counter.C1, c2 = counter.C2, c3 = counter.C3;
        Vector512<ulong> steps = Vector512.Create(1UL, 2, 3, 4, 5, 6, 7, 8);
        Vector512<ulong> eight = Vector512.Create((ulong)Group);
        for (int it = 0; it < iterations; it++)
        {
            Vector512<ulong> a0, a1, a2, a3, b0, b1, b2, b3;
            if (c0 <= ulong.MaxValue - Avx512Blocks)
            {
                a0 = Vector512.Create(c0) + steps;
                b0 = a0 + eight;
                a1 = b1 = Vector512.Create(c1);
                a2 = b2 = Vector512.Create(c2);
                a3 = b3 = Vector512.Create(c3);
                c0 += Avx512Blocks;
            }
            else
            {
                CountersWordwise(ref c0, ref c1, ref c2, ref c3, slow, group: Group);
                Increment(ref c0, ref c1, ref c2, ref c3);

                ref ulong s = ref MemoryMarshal.GetReference(slow);
                a0 = Vector512.LoadUnsafe(ref s, 0);
                a1 = Vector512.LoadUnsafe(ref s, 8);
                a2 = Vector512.LoadUnsafe(ref s, 16);
                a3 = Vector512.LoadUnsafe(ref s, 24);
                b0 = Vector512.LoadUnsafe(ref s, 32);
                b1 = Vector512.LoadUnsafe(ref s, 40);
                b2 = Vector512.LoadUnsafe(ref s, 48);
                b3 = Vector512.LoadUnsafe(ref s, 56);
            }

            // The seventeenth block runs in scalar registers on the integer multiplier, as in the AVX2 path.
            ulong s0 = c0, s1 = c1, s2 = c2, s3 = c3;
            for (int r = 0; r < 10; r++)
            {
                ulong sk0 = Unsafe.Add(ref rk, 2 * r), sk1 = Unsafe.Add(ref rk, (2 * r) + 1);
                Vector512<ulong> key0 = Vector512.Create(sk0);
                Vector512<ulong> key1 = Vector512.Create(sk1);
                RoundAvx512(ref a0, ref a1, ref a2, ref a3, key0, key1);
                Round(ref s0, ref s1, ref s2, ref s3, sk0, sk1);
                RoundAvx512(ref b0, ref b1, ref b2, ref b3, key0, key1);
            }

            ref ulong o = ref Unsafe.Add(ref dst, it * Avx512Blocks * BufferSize);
            StoreTransposed<TOut>(a0, a1, a2, a3, ref o);
            StoreTransposed<TOut>(b0, b1, b2, b3, ref Unsafe.Add(ref o, Group * BufferSize));
            StoreBlock<TOut>(ref Unsafe.Add(ref o, Vector512Blocks * BufferSize), s0, s1, s2, s3);
        }

        counter = new Counter(c0, c1, c2, c3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RoundAvx512(ref Vector512<ulong> x0, ref Vector512<ulong> x1, ref Vector512<ulong> x2, ref Vector512<ulong> x3, Vector512<ulong> key0, Vector512<ulong> key1)
    {
        Vector512<ulong> hi0 = WideMultiply.MulHiLo(x0, RoundMultiplier0, out Vector512<ulong> lo0);
        Vector512<ulong> hi1 = WideMultiply.MulHiLo(x2, RoundMultiplier1, out Vector512<ulong> lo1);
        x0 = hi1 ^ x1 ^ key0;
        x1 = lo1;
        x2 = hi0 ^ x3 ^ key1;
        x3 = lo0;
    }

    /// <summary>
    /// Writes the eight blocks held word-wise in x0..x3 (lane j = block j) block by block: in-lane unpacks pair the
    /// words of each block, then two rounds of 128-bit lane shuffles (<c>vshufi64x2</c>) gather each pair of blocks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreTransposed<TOut>(Vector512<ulong> x0, Vector512<ulong> x1, Vector512<ulong> x2, Vector512<ulong> x3, ref ulong dst)
        where TOut : struct, IWordOutput
    {
        // t01 holds (x0[j], x1[j]) for even j in its four 128-bit lanes, t01h the same for odd j; t23, t23h for x2, x3.
        Vector512<ulong> t01 = Avx512F.UnpackLow(x0, x1);
        Vector512<ulong> t01h = Avx512F.UnpackHigh(x0, x1);
        Vector512<ulong> t23 = Avx512F.UnpackLow(x2, x3);
        Vector512<ulong> t23h = Avx512F.UnpackHigh(x2, x3);

        // Lanes (0, 1) of the first and second source, then (2, 3): blocks 0-3 and 4-7 apart.
        Vector512<ulong> low = Avx512F.Shuffle4x128(t01, t23, 0x44);
        Vector512<ulong> lowOdd = Avx512F.Shuffle4x128(t01h, t23h, 0x44);
        Vector512<ulong> high = Avx512F.Shuffle4x128(t01, t23, 0xEE);
        Vector512<ulong> highOdd = Avx512F.Shuffle4x128(t01h, t23h, 0xEE);

        // Lanes (0, 2) then (1, 3) of each: block 2k's four words, then block 2k+1's.
        TOut.Convert(Avx512F.Shuffle4x128(low, lowOdd, 0x88)).StoreUnsafe(ref dst, 0);
        TOut.Convert(Avx512F.Shuffle4x128(low, lowOdd, 0xDD)).StoreUnsafe(ref dst, 8);
        TOut.Convert(Avx512F.Shuffle4x128(high, highOdd, 0x88)).StoreUnsafe(ref dst, 16);
        TOut.Convert(Avx512F.Shuffle4x128(high, highOdd, 0xDD)).StoreUnsafe(ref dst, 24);
    }

    /// <summary>The ten rounds' key pairs, k + r * bump, interleaved (k0, k1) round by round.</summary>
    private static void RoundKeys(ulong k0, ulong k1, Span<ulong> keys)
    {
        for (int r = 0; r < 10; r++)
        {
            keys[2 * r] = k0 + ((ulong)r * KeyBump0);
            keys[(2 * r) + 1] = k1 + ((ulong)r * KeyBump1);
        }
    }

    /// <summary>
    /// Steps the counter once per block of <paramref name="slow"/> (4 words a block) and lays the counters out as the
    /// vector kernels hold them: groups of <paramref name="group"/> blocks, word i of a group's blocks contiguous.
    /// </summary>
    private static void CountersWordwise(ref ulong c0, ref ulong c1, ref ulong c2, ref ulong c3, Span<ulong> slow, int group)
    {
        for (int j = 0; j < slow.Length / BufferSize; j++)
        {
            Increment(ref c0, ref c1, ref c2, ref c3);
            int g = (j / group * BufferSize * group) + (j % group);
            (slow[g], slow[g + group], slow[g + (2 * group)], slow[g + (3 * group)]) = (c0, c1, c2, c3);
        }
    }

    /// <summary>The 256-bit counter, least significant word first.</summary>
    internal readonly record struct Counter(ulong C0, ulong C1, ulong C2, ulong C3);
}

using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>The bounded fills of NumPy's narrow dtypes: 32-, 16- and 8-bit integers and booleans.</summary>
public static partial class BoundedIntegers
{
    /// <summary>
    /// Fills <paramref name="destination"/> with <paramref name="offset"/> + a uniform integer in [0, <paramref name="rng"/>]
    /// each (wrapping modulo 2^32), exactly as NumPy's <c>random_bounded_uint32_fill</c> (the int32 and uint32 dtypes of
    /// <c>Generator.integers</c> with <paramref name="useMasked"/> false, of legacy <c>RandomState.randint</c> with it true).
    /// </summary>
    /// <remarks>One 32-bit draw per attempt (Lemire's method or masked rejection); the full range takes raw draws.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    public static void FillUInt32(BitGenerator engine, uint offset, uint rng, bool useMasked, Span<uint> destination)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (rng == 0)
        {
            destination.Fill(offset);
        }
        else if (rng == uint.MaxValue)
        {
            engine.Fill(destination);
            AddOffset(destination, offset);
        }
        else if (useMasked)
        {
            FillNarrow32(engine, offset, destination, new Masked32Kernel(rng, (uint)Mask(rng)));
        }
        else
        {
            FillNarrow32(engine, offset, destination, new Lemire32Kernel(rng));
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <paramref name="offset"/> + a uniform integer in [0, <paramref name="rng"/>]
    /// each (wrapping modulo 2^16), exactly as NumPy's <c>random_bounded_uint16_fill</c> (the int16 and uint16 dtypes).
    /// </summary>
    /// <remarks>
    /// NumPy draws 16 bits at a time out of one 32-bit draw, low half first (<c>buffered_uint16</c>); the buffer lives
    /// for one call, so a call that uses an odd number of halves discards the last high half.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    public static void FillUInt16(BitGenerator engine, ushort offset, ushort rng, bool useMasked, Span<ushort> destination)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (rng == 0)
        {
            destination.Fill(offset);
        }
        else if (rng == ushort.MaxValue)
        {
            FillRawNarrow(engine, destination);
            AddOffset(destination, offset);
        }
        else if (useMasked)
        {
            FillPieces(engine, offset, destination, new MaskedPiece(rng, (uint)Mask(rng)));
        }
        else
        {
            FillPieces(engine, offset, destination, new LemirePiece(rng, 16));
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <paramref name="offset"/> + a uniform integer in [0, <paramref name="rng"/>]
    /// each (wrapping modulo 2^8), exactly as NumPy's <c>random_bounded_uint8_fill</c> (the int8 and uint8 dtypes).
    /// </summary>
    /// <remarks>
    /// NumPy draws 8 bits at a time out of one 32-bit draw, low byte first (<c>buffered_uint8</c>); the buffer lives
    /// for one call, so the bytes of the last draw a call does not use are discarded.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    public static void FillUInt8(BitGenerator engine, byte offset, byte rng, bool useMasked, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (rng == 0)
        {
            destination.Fill(offset);
        }
        else if (rng == byte.MaxValue)
        {
            FillRawNarrow(engine, destination);
            AddOffset(destination, offset);
        }
        else if (useMasked)
        {
            FillPieces(engine, offset, destination, new MaskedPiece(rng, (uint)Mask(rng)));
        }
        else
        {
            FillPieces(engine, offset, destination, new LemirePiece(rng, 8));
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> as NumPy's <c>random_bounded_bool_fill</c> (the bool dtype): with
    /// <paramref name="rng"/> false every value is <paramref name="offset"/> and nothing is drawn; otherwise each value
    /// is one bit of a 32-bit draw, lowest bit first, 32 values a draw (whatever <paramref name="offset"/> is: NumPy
    /// ignores it then, and only offset false with rng true is a valid range).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    public static void FillBool(BitGenerator engine, bool offset, bool rng, Span<bool> destination)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (!rng)
        {
            destination.Fill(offset);
            return;
        }

        const int Chunk = 256;
        uint[] words = ArrayPool<uint>.Shared.Rent(Chunk);
        Span<byte> bytes = MemoryMarshal.AsBytes(destination);
        for (int i = 0; i < bytes.Length; i += 32 * Chunk)
        {
            int values = Math.Min(32 * Chunk, bytes.Length - i);
            int count = (values + 31) / 32;
            engine.Fill(words.AsSpan(0, count));
            int w = 0;
            if (Avx2.IsSupported)
            {
                // Each byte of the word copied to eight lanes (vpshufb works within each 128-bit half, and the word
                // is in both), then lane k of each eight keeps bit k: one word gives 32 values.
                Vector256<byte> spread = Vector256.Create((byte)0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3);
                Vector256<byte> bit = Vector256.Create((byte)1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128);
                ref byte target = ref MemoryMarshal.GetReference(bytes);
                for (; w < values / 32; w++)
                {
                    Vector256<byte> copies = Avx2.Shuffle(Vector256.Create(words[w]).AsByte(), spread);
                    (Vector256.Equals(copies & bit, bit) & Vector256<byte>.One).StoreUnsafe(ref target, (nuint)(i + (32 * w)));
                }
            }

            for (; w < count; w++)
            {
                uint word = words[w];
                Span<byte> target = bytes.Slice(i + (32 * w), Math.Min(32, values - (32 * w)));
                for (int b = 0; b < target.Length; b++)
                {
                    target[b] = (byte)((word >> b) & 1);
                }
            }
        }

        ArrayPool<uint>.Shared.Return(words);
    }

    /// <summary>Raw 16- or 8-bit draws: the 32-bit draws' little-endian pieces, in order; a last, partly used draw is made whole.</summary>
    private static void FillRawNarrow<T>(BitGenerator engine, Span<T> destination)
        where T : unmanaged, IBinaryInteger<T>
    {
        int perDraw = sizeof(uint) / Unsafe.SizeOf<T>();
        int whole = destination.Length / perDraw;
        if (BitConverter.IsLittleEndian)
        {
            engine.Fill(MemoryMarshal.Cast<T, uint>(destination[..(whole * perDraw)]));
        }
        else
        {
            for (int w = 0; w < whole; w++)
            {
                SplitDraw(engine.NextUInt32(), destination.Slice(w * perDraw, perDraw));
            }
        }

        if (whole * perDraw < destination.Length)
        {
            SplitDraw(engine.NextUInt32(), destination[(whole * perDraw)..]);
        }
    }

    private static void SplitDraw<T>(uint draw, Span<T> pieces)
        where T : unmanaged, IBinaryInteger<T>
    {
        int bits = 8 * Unsafe.SizeOf<T>();
        for (int k = 0; k < pieces.Length; k++)
        {
            pieces[k] = T.CreateTruncating(draw >> (k * bits));
        }
    }

    private static void AddOffset<T>(Span<T> destination, T offset)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (offset == T.Zero)
        {
            return;
        }

        int i = 0;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            ref T start = ref MemoryMarshal.GetReference(destination);
            for (; i <= destination.Length - Vector256<T>.Count; i += Vector256<T>.Count)
            {
                (Vector256.LoadUnsafe(ref start, (nuint)i) + Vector256.Create(offset)).StoreUnsafe(ref start, (nuint)i);
            }
        }

        for (; i < destination.Length; i++)
        {
            destination[i] += offset;
        }
    }

    /// <summary>
    /// <see cref="FillUInt32"/>'s rejection branches: the loop of the private
    /// 32-bit kernel fill, with 32-bit results (same draws, same order, same bits; see its remarks).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FillNarrow32<TKernel>(BitGenerator engine, uint offset, Span<uint> destination, TKernel kernel)
        where TKernel : struct, IBounded32Kernel
    {
        uint[] buffer = ArrayPool<uint>.Shared.Rent(512);
        var cursor = new UInt32DrawCursor(engine, buffer);
        Vector256<uint> offsets = Vector256.Create(offset);
        ref uint start = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        while (i < destination.Length)
        {
            cursor.Refill(destination.Length - i);
            if (Avx2.IsSupported)
            {
                // i + 8 <= destination.Length whenever eight draws wait (each value takes at least one draw).
                while (cursor.Available >= Vector256<uint>.Count)
                {
                    Vector256<uint> values = kernel.Fast(Vector256.Create(cursor.Waiting), out uint accepted);
                    int count = Vector256<uint>.Count;
                    if (TKernel.PacksEveryGroup || accepted != 0xFF)
                    {
                        values = LanePacking.Pack(values, accepted);
                        count = BitOperations.PopCount(accepted);
                    }

                    (values + offsets).StoreUnsafe(ref start, (nuint)i);
                    i += count;
                    cursor.Skip(Vector256<uint>.Count);
                }
            }

            while (cursor.Available > 0)
            {
                Unsafe.Add(ref start, i++) = offset + kernel.Next(ref cursor);
            }
        }

        ArrayPool<uint>.Shared.Return(buffer);
    }

    /// <summary>
    /// The bounded 16- and 8-bit fills: NumPy's buffered draws (<c>buffered_uint16</c>, <c>buffered_uint8</c>) are the
    /// pieces of each 32-bit draw, lowest first, one after another, and a fill's buffer starts empty and is dropped at
    /// its end; so the draws can come in chunks through the engine's bulk path and be read as one stream of pieces,
    /// each attempt taking the next piece, accepted or not. Every value takes at least one piece, so the values still
    /// to produce need at least ⌈left / pieces per draw⌉ more draws: a chunk no larger than that holds only draws
    /// NumPy makes too, and the engine ends in NumPy's state. The loop writes each candidate and advances past it only
    /// when it is accepted (no branch on the rejection).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FillPieces<T, TKernel>(BitGenerator engine, T offset, Span<T> destination, TKernel kernel)
        where T : unmanaged, IBinaryInteger<T>
        where TKernel : struct, IPieceKernel
    {
        int bits = 8 * Unsafe.SizeOf<T>();
        int perDraw = 32 / bits;
        uint pieceMask = uint.MaxValue >> (32 - bits);
        uint[] buffer = ArrayPool<uint>.Shared.Rent(512);
        ref T start = ref MemoryMarshal.GetReference(destination);
        int n = destination.Length;
        int i = 0;
        while (i < n)
        {
            int draws = Math.Min(buffer.Length, (n - i + perDraw - 1) / perDraw);
            engine.Fill(buffer.AsSpan(0, draws));
            if (!BitConverter.IsLittleEndian)
            {
                for (int w = 0; w < draws && i < n; w++)
                {
                    uint draw = buffer[w];
                    for (int k = 0; k < perDraw && i < n; k++, draw >>= bits)
                    {
                        uint value = kernel.Value(draw & pieceMask, out bool accepted);
                        Unsafe.Add(ref start, i) = offset + T.CreateTruncating(value);
                        i += accepted ? 1 : 0;
                    }
                }

                continue;
            }

            // Little-endian: the pieces in NumPy's order are the chunk's memory, read as T.
            ReadOnlySpan<T> pieces = MemoryMarshal.Cast<uint, T>(buffer.AsSpan(0, draws));
            int p = 0;
            if (typeof(T) == typeof(ushort) && Avx2.IsSupported)
            {
                // Sixteen pieces at a time while all sixteen are accepted (Lemire rejects fewer than (rng + 1) / 2^16
                // of them); a group with a rejection goes piece by piece.
                ref ushort target = ref Unsafe.As<T, ushort>(ref start);
                Vector256<ushort> offsets = Vector256.Create(ushort.CreateTruncating(offset));
                while (p <= pieces.Length - Vector256<ushort>.Count && i <= n - Vector256<ushort>.Count)
                {
                    Vector256<ushort> group = Vector256.Create(MemoryMarshal.Cast<T, ushort>(pieces.Slice(p, Vector256<ushort>.Count)));
                    Vector256<ushort> values = kernel.Value16(group, out bool all);
                    if (all)
                    {
                        (values + offsets).StoreUnsafe(ref target, (nuint)i);
                        i += Vector256<ushort>.Count;
                        p += Vector256<ushort>.Count;
                        continue;
                    }

                    for (int end = p + Vector256<ushort>.Count; p < end; p++)
                    {
                        uint value = kernel.Value(uint.CreateTruncating(pieces[p]), out bool accepted);
                        Unsafe.Add(ref start, i) = offset + T.CreateTruncating(value);
                        i += accepted ? 1 : 0;
                    }
                }
            }

            for (; p < pieces.Length && i < n; p++)
            {
                uint value = kernel.Value(uint.CreateTruncating(pieces[p]), out bool accepted);
                Unsafe.Add(ref start, i) = offset + T.CreateTruncating(value);
                i += accepted ? 1 : 0;
            }
        }

        ArrayPool<uint>.Shared.Return(buffer);
    }

    /// <summary>One attempt of a bounded 16- or 8-bit method on one piece of a draw.</summary>
    private interface IPieceKernel
    {
        /// <summary>The attempt's value for <paramref name="piece"/>, and whether the method accepts it (else the next piece is tried).</summary>
        uint Value(uint piece, out bool accepted);

        /// <summary><see cref="Value"/> for sixteen 16-bit pieces (AVX2), and whether all sixteen are accepted.</summary>
        Vector256<ushort> Value16(Vector256<ushort> pieces, out bool all);
    }

    /// <summary>
    /// NumPy's <c>buffered_bounded_lemire_uint16</c> / <c>_uint8</c> for 2^<paramref name="bits"/>-valued pieces: the
    /// piece times rng + 1; the high half is the value, accepted unless the low half (the leftover) is below NumPy's
    /// threshold (2^bits − rng − 1) mod (rng + 1), which is below rng + 1, so NumPy's two-step test comes to this one.
    /// </summary>
    private readonly struct LemirePiece(uint rng, int bits) : IPieceKernel
    {
        private readonly uint _rngExcl = rng + 1;
        private readonly uint _threshold = ((1u << bits) - 1 - rng) % (rng + 1);
        private readonly uint _leftoverMask = (1u << bits) - 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint Value(uint piece, out bool accepted)
        {
            uint m = piece * _rngExcl;
            accepted = (m & _leftoverMask) >= _threshold;
            return m >> bits;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector256<ushort> Value16(Vector256<ushort> pieces, out bool all)
        {
            // The 32-bit product's low half is vpmullw's, its high half vpmulhuw's.
            Vector256<ushort> rngExcl = Vector256.Create((ushort)_rngExcl);
            all = Vector256.GreaterThanOrEqualAll(pieces * rngExcl, Vector256.Create((ushort)_threshold));
            return Avx2.MultiplyHigh(pieces, rngExcl);
        }
    }

    /// <summary>NumPy's <c>buffered_bounded_masked_uint16</c> / <c>_uint8</c>: the masked piece, accepted when it is at most rng.</summary>
    private readonly struct MaskedPiece(uint rng, uint mask) : IPieceKernel
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint Value(uint piece, out bool accepted)
        {
            uint value = piece & mask;
            accepted = value <= rng;
            return value;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector256<ushort> Value16(Vector256<ushort> pieces, out bool all)
        {
            Vector256<ushort> values = pieces & Vector256.Create((ushort)mask);
            all = Vector256.LessThanOrEqualAll(values, Vector256.Create((ushort)rng));
            return values;
        }
    }
}

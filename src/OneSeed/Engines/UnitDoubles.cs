using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OneSeed.Engines;

/// <summary>
/// Exact conversion of 53-bit integers to doubles in [0, 1) (k * 2^-53), scalar and four at a time. Every engine's
/// uniform doubles (NumPy's <c>(next_uint64 &gt;&gt; 11) * 2^-53</c>, MT19937's two-word form, torch's low 53 bits)
/// end here, so the vectorised fills give the scalar path's bits.
/// </summary>
internal static class UnitDoubles
{
    /// <summary>2^-53: multiplying by it is exact, the same as NumPy's division by 9007199254740992.0.</summary>
    public const double Scale = 1.0 / 9007199254740992.0;

    /// <summary>Bit pattern of 2^84 + 2^52: the two exponent-field biases below, subtracted in one step.</summary>
    private const ulong BiasBits = 0x4530000000100000UL;

    /// <summary>k * 2^-53 for k &lt; 2^53.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double FromUInt53(ulong k) => (long)k * Scale; // k < 2^53: the signed conversion is one instruction and exact

    /// <summary>
    /// k * 2^-53 for four k &lt; 2^53. AVX2 has no unsigned 64-bit to double conversion (that is AVX-512DQ), so each
    /// half is placed in the mantissa of a double with a fixed exponent (2^84 for the high 32 bits, 2^52 for the low
    /// ones); subtracting both biases and adding gives k exactly, because every intermediate fits in 53 bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> FromUInt53(Vector256<ulong> k) => ToDouble(k) * Vector256.Create(Scale);

    /// <summary>
    /// k * 2^-53 for eight k &lt; 2^53. Callers reach this only where <see cref="Avx512DQ"/> is supported (the 512-bit
    /// paths are gated on it): <c>vcvtqq2pd</c> converts k exactly, as the scalar signed conversion does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> FromUInt53(Vector512<ulong> k) =>
        Avx512DQ.ConvertToVector512Double(k.AsInt64()) * Vector512.Create(Scale);

    /// <summary>(double)k, exactly, for four k &lt; 2^53 (see <see cref="FromUInt53(Vector256{ulong})"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> ToDouble(Vector256<ulong> k)
    {
        Vector256<double> high = ((k >>> 32) | Vector256.Create(0x4530000000000000UL)).AsDouble();
        Vector256<double> low = ((k & Vector256.Create(0xFFFFFFFFUL)) | Vector256.Create(0x4330000000000000UL)).AsDouble();
        return (high - Vector256.Create(BitConverter.UInt64BitsToDouble(BiasBits))) + low;
    }

    /// <summary>
    /// NumPy's uniform doubles from an engine whose <c>next_double</c> is <c>(next_uint64 &gt;&gt; 11) * 2^-53</c>: the
    /// engine's bulk 64-bit fill writes into the destination itself, a chunk at a time (so the second pass converts
    /// while the chunk is still in L1), and the chunk is converted in place. The draws are exactly the scalar ones.
    /// </summary>
    public static void FillTop53(BitGenerator engine, Span<double> destination)
    {
        const int Chunk = 1024;
        for (int start = 0; start < destination.Length; start += Chunk)
        {
            Span<double> chunk = destination.Slice(start, Math.Min(Chunk, destination.Length - start));
            engine.Fill(MemoryMarshal.Cast<double, ulong>(chunk));
            Top53InPlace(chunk);
        }
    }

    /// <summary>
    /// Turns a span that holds raw 64-bit draws (written through <see cref="MemoryMarshal.Cast{TFrom, TTo}(Span{TFrom})"/>)
    /// into NumPy's uniform doubles in place: <c>(x &gt;&gt; 11) * 2^-53</c>.
    /// </summary>
    public static void Top53InPlace(Span<double> destination)
    {
        Span<ulong> words = MemoryMarshal.Cast<double, ulong>(destination);
        int i = 0;
        ref ulong start = ref MemoryMarshal.GetReference(words);
        if (Avx512DQ.IsSupported)
        {
            for (; i <= words.Length - Vector512<ulong>.Count; i += Vector512<ulong>.Count)
            {
                Vector512<ulong> raw = Vector512.LoadUnsafe(ref start, (nuint)i);
                FromUInt53(raw >>> 11).AsUInt64().StoreUnsafe(ref start, (nuint)i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= words.Length - Vector256<ulong>.Count; i += Vector256<ulong>.Count)
            {
                Vector256<ulong> raw = Vector256.LoadUnsafe(ref start, (nuint)i);
                FromUInt53(raw >>> 11).AsUInt64().StoreUnsafe(ref start, (nuint)i);
            }
        }

        for (; i < words.Length; i++)
        {
            destination[i] = FromUInt53(words[i] >> 11);
        }
    }
}

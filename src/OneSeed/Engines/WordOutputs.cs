using System.Runtime.Intrinsics;

namespace OneSeed.Engines;

/// <summary>How raw 64-bit words are written: as they are, or as NumPy's uniform doubles (bits of <c>(x &gt;&gt; 11) * 2^-53</c>).</summary>
internal interface IWordOutput
{
    static abstract ulong Convert(ulong word);

    static abstract Vector256<ulong> Convert(Vector256<ulong> words);

    static abstract Vector512<ulong> Convert(Vector512<ulong> words);
}

internal readonly struct RawWords : IWordOutput
{
    public static ulong Convert(ulong word) => word;

    public static Vector256<ulong> Convert(Vector256<ulong> words) => words;

    public static Vector512<ulong> Convert(Vector512<ulong> words) => words;
}

internal readonly struct UnitDoubleBits : IWordOutput
{
    public static ulong Convert(ulong word) => BitConverter.DoubleToUInt64Bits(UnitDoubles.FromUInt53(word >> 11));

    public static Vector256<ulong> Convert(Vector256<ulong> words) => UnitDoubles.FromUInt53(words >>> 11).AsUInt64();

    public static Vector512<ulong> Convert(Vector512<ulong> words) => UnitDoubles.FromUInt53(words >>> 11).AsUInt64();
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace OneSeed.Distributions;

/// <summary>The C conversions NumPy's samplers rely on, with the results NumPy's x86-64 builds give.</summary>
internal static class CConversions
{
    private const double TwoTo63 = 9223372036854775808.0;

    /// <summary>
    /// C's <c>NAN</c> (NumPy's <c>NPY_NAN</c>), the quiet NaN with the sign bit clear. .NET's <see cref="double.NaN"/>
    /// has the sign bit set (0xFFF8...), so the samplers that return NaN by name use this one to give NumPy's bits.
    /// </summary>
    public static readonly double NaN = BitConverter.UInt64BitsToDouble(0x7FF8_0000_0000_0000);

    /// <summary>
    /// A C cast <c>(int64_t)x</c> as x86-64 performs it (<c>cvttsd2si</c>): truncation toward zero, and
    /// <see cref="long.MinValue"/> for NaN and for values outside the int64 range.
    /// </summary>
    /// <remarks>
    /// NumPy's rejection samplers cast before they test (a Poisson candidate far out in the tail, a binomial
    /// candidate from log(0)), and reject the resulting <c>INT64_MIN</c>. .NET 9 and later saturate such casts
    /// instead (and .NET 8 does not), so the cast is spelled out to keep every runtime on NumPy's values.
    /// </remarks>
    public static long TruncateToInt64(double x) => x >= -TwoTo63 && x < TwoTo63 ? (long)x : long.MinValue;

    /// <summary>Integral doubles of magnitude below this convert exactly through <see cref="IntegralToInt64"/>.</summary>
    public const double IntegralToInt64Limit = 2251799813685248.0; // 2^51

    // 1.5 * 2^52: added to an integral double below 2^51 in magnitude, it leaves the integer in the low mantissa bits.
    private const double Shifter = 6755399441055744.0;

    /// <summary>
    /// <see cref="TruncateToInt64"/> of four integral doubles below <see cref="IntegralToInt64Limit"/> in magnitude
    /// (floors of sampler candidates): AVX2 has no double-to-int64 conversion (AVX-512DQ's <c>vcvttpd2qq</c>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<long> IntegralToInt64(Vector256<double> integral) =>
        (integral + Vector256.Create(Shifter)).AsInt64() - Vector256.Create(Shifter).AsInt64();
}

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
}

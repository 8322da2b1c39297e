namespace OneSeed.Distributions;

/// <summary>
/// The tensor dtype a torch sampler is instantiated for (<c>scalar_t</c>). Torch's samplers mix <c>scalar_t</c>
/// arithmetic (float32 for a float tensor) with <c>double</c> accumulation; the samplers here compute in
/// <see cref="double"/> and pass every <c>scalar_t</c> result through <see cref="Round"/>. For float32 that gives
/// the float operation's bits: a sum, product, quotient or square root of two floats computed in double and rounded
/// once to float is the correctly rounded float result (double has more than 2 × 24 + 2 bits).
/// </summary>
internal interface ITorchScalar
{
    /// <summary>Rounds a value to <c>scalar_t</c> (and back to double, exactly).</summary>
    static abstract double Round(double x);

    /// <summary><c>std::log1p</c> of a <c>scalar_t</c>: glibc's <c>log1pf</c> for float32, <c>log1p</c> for float64.</summary>
    static abstract double Log1p(double x);

    /// <summary><c>std::numeric_limits&lt;scalar_t&gt;::min()</c>, the smallest positive normal value.</summary>
    static abstract double MinNormal { get; }

    /// <summary><c>std::nexttoward(static_cast&lt;scalar_t&gt;(1.0f), 0.0f)</c>, the largest value below 1.</summary>
    static abstract double BelowOne { get; }
}

/// <summary><c>scalar_t = float</c>.</summary>
internal readonly struct TorchFloat32 : ITorchScalar
{
    public static double Round(double x) => (float)x;

    public static double Log1p(double x) => FdlibmMathF.Log1pF((float)x);

    public static double MinNormal => 1.17549435E-38f; // FLT_MIN = 2^-126

    public static double BelowOne => 0.99999994f; // 1 - 2^-24
}

/// <summary><c>scalar_t = double</c>.</summary>
internal readonly struct TorchFloat64 : ITorchScalar
{
    public static double Round(double x) => x;

    public static double Log1p(double x) => FdlibmMath.Log1p(x);

    public static double MinNormal => 2.2250738585072014E-308; // DBL_MIN = 2^-1022

    public static double BelowOne => 0.99999999999999989; // 1 - 2^-53
}

using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// The exponential variates that are not <c>Generator</c>'s ziggurat (<see cref="StandardExponential"/>):
/// <c>RandomState</c>'s <c>legacy_standard_exponential</c>, <c>-log(1 - U)</c>.
/// </summary>
internal static class Exponential
{
    /// <summary>NumPy's <c>legacy_standard_exponential</c>: <c>-log(1 - U)</c> with the platform's <c>log</c> (glibc's on Linux, as in NumPy).</summary>
    public static double Legacy<TSource>(ref TSource source)
        where TSource : struct, IRawSource => -Math.Log(1.0 - source.NextDouble());

    /// <summary>Fills <paramref name="destination"/> with <see cref="Legacy{TSource}"/> values: bulk uniforms, their logarithms four at a time.</summary>
    public static void FillLegacy(BitGenerator engine, Span<double> destination)
    {
        engine.Fill(destination);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = 1.0 - destination[i];
        }

        GlibcVectorMath.LogInPlace(destination);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = -destination[i];
        }
    }
}

/// <summary><c>RandomState.exponential(scale)</c>: <c>scale * legacy_standard_exponential()</c>.</summary>
internal readonly struct LegacyExponentialSampler(double scale) : ISampler<double>
{
    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => scale * Exponential.Legacy(ref source);
}

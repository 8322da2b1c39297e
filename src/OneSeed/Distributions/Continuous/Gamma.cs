using System.Runtime.CompilerServices;
using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Standard gamma variates as NumPy draws them: <see cref="Standard{TSource}"/> is <c>Generator</c>'s
/// <c>random_standard_gamma</c> (Marsaglia–Tsang over the ziggurat normal, and for shape &lt; 1 the rejection method
/// over the ziggurat exponential); <see cref="LegacyStandard{TSource}"/> is <c>RandomState</c>'s
/// <c>legacy_standard_gamma</c>, the same algorithms over the polar normal and <c>-log(1 - U)</c> exponentials.
/// </summary>
/// <remarks><c>pow</c>, <c>log</c> and <c>sqrt</c> are <see cref="Math"/>'s: glibc's on Linux, the functions NumPy calls.</remarks>
internal static class Gamma
{
    /// <summary>NumPy's <c>random_standard_gamma(shape)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Standard<TSource>(ref TSource source, double shape)
        where TSource : struct, IRawSource
    {
        if (shape == 1.0)
        {
            return StandardExponential.Sample(ref source);
        }

        if (shape == 0.0)
        {
            return 0.0;
        }

        return shape < 1.0 ? SmallShape(ref source, shape) : MarsagliaTsang(ref source, shape);
    }

    /// <summary>NumPy's <c>legacy_standard_gamma(shape)</c>, drawing normals through <paramref name="gauss"/>.</summary>
    public static double LegacyStandard<TSource>(ref TSource source, ref PolarGaussian gauss, double shape)
        where TSource : struct, IRawSource
    {
        if (shape == 1.0)
        {
            return Exponential.Legacy(ref source);
        }

        if (shape == 0.0)
        {
            return 0.0;
        }

        if (shape < 1.0)
        {
            while (true)
            {
                double u = source.NextDouble();
                double v = Exponential.Legacy(ref source);
                if (Accept(u, v, shape, out double x))
                {
                    return x;
                }
            }
        }

        double b = shape - (1.0 / 3.0);
        double c = 1.0 / Math.Sqrt(9 * b);
        while (true)
        {
            double x, v;
            do
            {
                x = gauss.Sample(ref source);
                v = 1.0 + (c * x);
            }
            while (v <= 0.0);

            v = v * v * v;
            if (Accept(source.NextDouble(), x, v, b))
            {
                return b * v;
            }
        }
    }

    private static double SmallShape<TSource>(ref TSource source, double shape)
        where TSource : struct, IRawSource
    {
        while (true)
        {
            double u = source.NextDouble();
            double v = StandardExponential.Sample(ref source);
            if (Accept(u, v, shape, out double x))
            {
                return x;
            }
        }
    }

    private static double MarsagliaTsang<TSource>(ref TSource source, double shape)
        where TSource : struct, IRawSource
    {
        double b = shape - (1.0 / 3.0);
        double c = 1.0 / Math.Sqrt(9 * b);
        while (true)
        {
            double x, v;
            do
            {
                x = StandardNormal.Sample(ref source);
                v = 1.0 + (c * x);
            }
            while (v <= 0.0);

            v = v * v * v;
            if (Accept(source.NextDouble(), x, v, b))
            {
                return b * v;
            }
        }
    }

    // The test of the shape < 1 method for uniform u and exponential v; x is the candidate.
    private static bool Accept(double u, double v, double shape, out double x)
    {
        if (u <= 1.0 - shape)
        {
            x = Math.Pow(u, 1.0 / shape);
            return x <= v;
        }

        double y = -Math.Log((1 - u) / shape);
        x = Math.Pow(1.0 - shape + (shape * y), 1.0 / shape);
        return x <= v + y;
    }

    // Marsaglia and Tsang's squeeze, then the full test (log(0) is fine here: it rejects).
    private static bool Accept(double u, double x, double v, double b) =>
        u < 1.0 - (0.0331 * (x * x) * (x * x)) || Math.Log(u) < (0.5 * x * x) + (b * (1.0 - v + Math.Log(v)));
}

/// <summary><c>Generator.gamma(shape, scale)</c> (and <c>standard_gamma</c> with a scale of 1, which changes no bit).</summary>
internal readonly struct GammaSampler(double shape, double scale) : ISampler<double>
{
    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => scale * Gamma.Standard(ref source, shape);
}

/// <summary><c>RandomState.gamma(shape, scale)</c> (and <c>standard_gamma</c> with a scale of 1).</summary>
internal struct LegacyGammaSampler(double shape, double scale) : ILegacySampler<double>
{
    private PolarGaussian _gauss;

    public PolarGaussian Gauss { readonly get => _gauss; set => _gauss = value; }

    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => scale * Gamma.LegacyStandard(ref source, ref _gauss, shape);
}

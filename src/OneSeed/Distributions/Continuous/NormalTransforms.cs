using System.Runtime.Intrinsics;
using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Log-normal, Cauchy and Wald (inverse Gaussian) variates as NumPy makes them from standard normals:
/// <c>Generator</c>'s from the ziggurat (<see cref="StandardNormal"/>), <c>RandomState</c>'s from the polar method with
/// its cache (<see cref="PolarGaussian"/>).
/// </summary>
internal static class NormalTransforms
{
    /// <summary>NumPy's <c>random_lognormal(mean, sigma)</c>.</summary>
    public static double Lognormal<TSource>(ref TSource source, double mean, double sigma)
        where TSource : struct, IRawSource => Math.Exp(mean + (sigma * StandardNormal.Sample(ref source)));

    /// <summary>NumPy's <c>random_standard_cauchy()</c>: the ratio of two normals, numerator drawn first.</summary>
    public static double StandardCauchy<TSource>(ref TSource source)
        where TSource : struct, IRawSource
    {
        double numerator = StandardNormal.Sample(ref source);
        return numerator / StandardNormal.Sample(ref source);
    }

    /// <summary>NumPy's <c>random_wald(mean, scale)</c>.</summary>
    public static double Wald<TSource>(ref TSource source, double mean, double scale)
        where TSource : struct, IRawSource => WaldValue(mean, scale, StandardNormal.Sample(ref source), ref source);

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>Generator</c>'s log-normal (<paramref name="transform"/> =
    /// Lognormal) or Cauchy values: each takes exactly one or two normals and nothing else, so they come from the
    /// ziggurat's bulk fill and are transformed after (the same draws, values and final state).
    /// </summary>
    public static void Fill(BitGenerator engine, NormalTransform transform, double mean, double sigma, Span<double> destination)
    {
        if (transform == NormalTransform.Lognormal)
        {
            StandardNormal.Fill(engine, destination);
            Lognormal(destination, mean, sigma);
            return;
        }

        Span<double> pairs = stackalloc double[2 * 256];
        for (int i = 0; i < destination.Length;)
        {
            int k = Math.Min(256, destination.Length - i);
            StandardNormal.Fill(engine, pairs[..(2 * k)]);
            Ratios(pairs, destination.Slice(i, k));
            i += k;
        }
    }

    /// <summary><see cref="Fill"/> for <c>RandomState</c>, over the polar normals and their cache.</summary>
    public static void FillLegacy(BitGenerator engine, ref PolarGaussian gauss, NormalTransform transform, double mean, double sigma, Span<double> destination)
    {
        if (transform == NormalTransform.Lognormal)
        {
            gauss.Fill(engine, destination);
            Lognormal(destination, mean, sigma);
            return;
        }

        Span<double> pairs = stackalloc double[2 * 256];
        for (int i = 0; i < destination.Length;)
        {
            int k = Math.Min(256, destination.Length - i);
            gauss.Fill(engine, pairs[..(2 * k)]);
            Ratios(pairs, destination.Slice(i, k));
            i += k;
        }
    }

    private static void Lognormal(Span<double> values, double mean, double sigma)
    {
        if (GlibcVectorMath.ExpServes)
        {
            GlibcVectorMath.MapInPlace(values, new LognormalLanes(mean, sigma));
            return;
        }

        foreach (ref double z in values)
        {
            z = Math.Exp(mean + (sigma * z));
        }
    }

    // exp(mean + sigma z), four at a time through glibc's exp (no FMA: the scalar sum and product round separately).
    private readonly struct LognormalLanes(double mean, double sigma) : ILaneFunction
    {
        public Vector256<double> Apply(Vector256<double> x, out Vector256<double> exact) =>
            GlibcExpFma.Exp(Vector256.Create(mean) + (Vector256.Create(sigma) * x), out exact);

        public double Apply(double x) => Math.Exp(mean + (sigma * x));
    }

    private static void Ratios(ReadOnlySpan<double> pairs, Span<double> destination)
    {
        for (int j = 0; j < destination.Length; j++)
        {
            destination[j] = pairs[2 * j] / pairs[(2 * j) + 1];
        }
    }

    /// <summary>NumPy's <c>legacy_lognormal(mean, sigma)</c>.</summary>
    public static double LegacyLognormal<TSource>(ref TSource source, ref PolarGaussian gauss, double mean, double sigma)
        where TSource : struct, IRawSource => Math.Exp(mean + (sigma * gauss.Sample(ref source)));

    /// <summary>NumPy's <c>legacy_standard_cauchy()</c>.</summary>
    public static double LegacyStandardCauchy<TSource>(ref TSource source, ref PolarGaussian gauss)
        where TSource : struct, IRawSource
    {
        double numerator = gauss.Sample(ref source);
        return numerator / gauss.Sample(ref source);
    }

    /// <summary>NumPy's <c>legacy_wald(mean, scale)</c>.</summary>
    public static double LegacyWald<TSource>(ref TSource source, ref PolarGaussian gauss, double mean, double scale)
        where TSource : struct, IRawSource => WaldValue(mean, scale, gauss.Sample(ref source), ref source);

    // Michael, Schucany and Haas, as NumPy writes it, from the normal y and one more uniform.
    private static double WaldValue<TSource>(double mean, double scale, double y, ref TSource source)
        where TSource : struct, IRawSource
    {
        double mu2l = mean / (2 * scale);
        y = mean * y * y;
        double x = mean + (mu2l * (y - Math.Sqrt((4 * scale * y) + (y * y))));
        double u = source.NextDouble();
        return u <= mean / (mean + x) ? x : mean * mean / x;
    }
}

/// <summary>Which of <see cref="NormalTransforms"/> a <see cref="NormalTransformSampler"/> or <see cref="LegacyNormalTransformSampler"/> draws.</summary>
internal enum NormalTransform
{
    Lognormal,
    StandardCauchy,
    Wald,
}

/// <summary><c>Generator</c>'s <see cref="NormalTransforms"/>, for bulk fills (<paramref name="a"/>, <paramref name="b"/>: mean and sigma or scale).</summary>
internal readonly struct NormalTransformSampler(NormalTransform transform, double a, double b) : ISampler<double>
{
    public bool DrawsWords => true;

    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => transform switch
        {
            NormalTransform.Lognormal => NormalTransforms.Lognormal(ref source, a, b),
            NormalTransform.StandardCauchy => NormalTransforms.StandardCauchy(ref source),
            _ => NormalTransforms.Wald(ref source, a, b),
        };
}

/// <summary><c>RandomState</c>'s <see cref="NormalTransforms"/>, for bulk fills.</summary>
internal struct LegacyNormalTransformSampler(NormalTransform transform, double a, double b) : ILegacySampler<double>
{
    public bool DrawsWords => true;

    private PolarGaussian _gauss;

    public PolarGaussian Gauss { readonly get => _gauss; set => _gauss = value; }

    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => transform switch
        {
            NormalTransform.Lognormal => NormalTransforms.LegacyLognormal(ref source, ref _gauss, a, b),
            NormalTransform.StandardCauchy => NormalTransforms.LegacyStandardCauchy(ref source, ref _gauss),
            _ => NormalTransforms.LegacyWald(ref source, ref _gauss, a, b),
        };
}

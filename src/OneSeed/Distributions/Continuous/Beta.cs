using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Beta variates as NumPy draws them: Jöhnk's algorithm when both parameters are at most 1, else the ratio of two
/// standard gammas. <c>Generator</c> (<c>random_beta</c>) and <c>RandomState</c> (<c>legacy_beta</c>) differ in the
/// Jöhnk acceptance test (the newer one also rejects X + Y = 0) and in the gammas they use.
/// </summary>
internal static class Beta
{
    /// <summary>NumPy's <c>random_beta(a, b)</c>.</summary>
    public static double Sample<TSource>(ref TSource source, double a, double b)
        where TSource : struct, IRawSource => Sample(ref source, a, b, new Gamma(a), new Gamma(b));

    /// <summary>NumPy's <c>random_beta(a, b)</c>, with the set-up of the gammas of <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static double Sample<TSource>(ref TSource source, double a, double b, in Gamma gammaA, in Gamma gammaB)
        where TSource : struct, IRawSource
    {
        if (a <= 1.0 && b <= 1.0)
        {
            return Johnk(ref source, a, b, legacy: false);
        }

        double ga = gammaA.Sample(ref source);
        double gb = gammaB.Sample(ref source);
        return ga / (ga + gb);
    }

    /// <summary>NumPy's <c>legacy_beta(a, b)</c>, drawing normals through <paramref name="gauss"/>.</summary>
    public static double Legacy<TSource>(ref TSource source, ref PolarGaussian gauss, double a, double b, in Gamma gammaA, in Gamma gammaB)
        where TSource : struct, IRawSource
    {
        if (a <= 1.0 && b <= 1.0)
        {
            return Johnk(ref source, a, b, legacy: true);
        }

        double ga = gammaA.SampleLegacy(ref source, ref gauss);
        double gb = gammaB.SampleLegacy(ref source, ref gauss);
        return ga / (ga + gb);
    }

    /// <summary>
    /// Jöhnk's loop (both parameters at most 1): two uniforms an attempt. <c>random_beta</c> also rejects x + y = 0,
    /// which <c>legacy_beta</c> (<paramref name="legacy"/>) accepts and then divides through logarithms.
    /// </summary>
    internal static double Johnk<TSource>(ref TSource source, double a, double b, bool legacy)
        where TSource : struct, IRawSource
    {
        while (true)
        {
            double u = source.NextDouble();
            double v = source.NextDouble();
            double x = Math.Pow(u, 1.0 / a);
            double y = Math.Pow(v, 1.0 / b);
            double xpy = x + y;
            // Rejects u = v = 0 too (about 1 in 10^106) where not legacy.
            if (xpy <= 1.0 && (legacy || xpy > 0.0))
            {
                return JohnkValue(u, v, a, b, x, y);
            }
        }
    }

    // x / (x + y), or, where both powers underflowed, the same ratio through logarithms.
    private static double JohnkValue(double u, double v, double a, double b, double x, double y)
    {
        if (x + y > 0)
        {
            return x / (x + y);
        }

        double logX = Math.Log(u) / a;
        double logY = Math.Log(v) / b;
        double logM = logX > logY ? logX : logY;
        logX -= logM;
        logY -= logM;
        return Math.Exp(logX - Math.Log(Math.Exp(logX) + Math.Exp(logY)));
    }
}

/// <summary><c>Generator.beta(a, b)</c>.</summary>
internal readonly struct BetaSampler(double a, double b) : ISampler<double>
{
    public bool DrawsWords => true;

    private readonly Gamma _a = new(a);
    private readonly Gamma _b = new(b);

    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => Beta.Sample(ref source, a, b, _a, _b);
}

/// <summary><c>RandomState.beta(a, b)</c>.</summary>
internal struct LegacyBetaSampler(double a, double b) : ILegacySampler<double>
{
    public bool DrawsWords => true;

    private readonly Gamma _a = new(a);
    private readonly Gamma _b = new(b);
    private PolarGaussian _gauss;

    public PolarGaussian Gauss { readonly get => _gauss; set => _gauss = value; }

    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => Beta.Legacy(ref source, ref _gauss, a, b, _a, _b);
}

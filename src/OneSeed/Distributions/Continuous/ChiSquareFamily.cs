using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// The distributions NumPy builds from standard gammas: chi-square, F, their noncentral forms, and Student's t, for
/// <c>Generator</c> (<c>distributions.c</c>: ziggurat normals) and <c>RandomState</c> (<c>legacy-distributions.c</c>:
/// polar normals, legacy gammas). Operand order and the order of the draws are NumPy's, which the live tests hold.
/// </summary>
internal static class ChiSquareFamily
{
    /// <summary>NumPy's <c>random_chisquare(df)</c>.</summary>
    public static double Chisquare<TSource>(ref TSource source, double df)
        where TSource : struct, IRawSource => 2.0 * Gamma.Standard(ref source, df / 2.0);

    /// <summary>NumPy's <c>random_f(dfnum, dfden)</c>.</summary>
    public static double F<TSource>(ref TSource source, double dfnum, double dfden)
        where TSource : struct, IRawSource
    {
        double numerator = Chisquare(ref source, dfnum) * dfden;
        return numerator / (Chisquare(ref source, dfden) * dfnum);
    }

    /// <summary>NumPy's <c>random_noncentral_chisquare(df, nonc)</c> (a NaN <paramref name="nonc"/> returns NaN without a draw).</summary>
    public static double NoncentralChisquare<TSource>(ref TSource source, double df, double nonc)
        where TSource : struct, IRawSource
    {
        if (double.IsNaN(nonc))
        {
            return CConversions.NaN;
        }

        if (nonc == 0)
        {
            return Chisquare(ref source, df);
        }

        if (1 < df)
        {
            double chi2 = Chisquare(ref source, df - 1);
            double n = StandardNormal.Sample(ref source) + Math.Sqrt(nonc);
            return chi2 + (n * n);
        }

        long i = Poisson.Sample(ref source, nonc / 2.0);
        return Chisquare(ref source, df + (2 * i));
    }

    /// <summary>NumPy's <c>random_noncentral_f(dfnum, dfden, nonc)</c>.</summary>
    public static double NoncentralF<TSource>(ref TSource source, double dfnum, double dfden, double nonc)
        where TSource : struct, IRawSource
    {
        double t = NoncentralChisquare(ref source, dfnum, nonc) * dfden;
        return t / (Chisquare(ref source, dfden) * dfnum);
    }

    /// <summary>NumPy's <c>random_standard_t(df)</c>.</summary>
    public static double StandardT<TSource>(ref TSource source, double df)
        where TSource : struct, IRawSource
    {
        double num = StandardNormal.Sample(ref source);
        double denom = Gamma.Standard(ref source, df / 2);
        return Math.Sqrt(df / 2) * num / Math.Sqrt(denom);
    }

    /// <summary>NumPy's <c>legacy_chisquare(df)</c>.</summary>
    public static double LegacyChisquare<TSource>(ref TSource source, ref PolarGaussian gauss, double df)
        where TSource : struct, IRawSource => 2.0 * Gamma.LegacyStandard(ref source, ref gauss, df / 2.0);

    /// <summary>NumPy's <c>legacy_f(dfnum, dfden)</c>.</summary>
    public static double LegacyF<TSource>(ref TSource source, ref PolarGaussian gauss, double dfnum, double dfden)
        where TSource : struct, IRawSource
    {
        double numerator = LegacyChisquare(ref source, ref gauss, dfnum) * dfden;
        return numerator / (LegacyChisquare(ref source, ref gauss, dfden) * dfnum);
    }

    /// <summary>NumPy's <c>legacy_noncentral_chisquare(df, nonc)</c> (its NaN guard comes after the draws, to keep the stream).</summary>
    public static double LegacyNoncentralChisquare<TSource>(ref TSource source, ref PolarGaussian gauss, double df, double nonc)
        where TSource : struct, IRawSource
    {
        if (nonc == 0)
        {
            return LegacyChisquare(ref source, ref gauss, df);
        }

        if (1 < df)
        {
            double chi2 = LegacyChisquare(ref source, ref gauss, df - 1);
            double n = gauss.Sample(ref source) + Math.Sqrt(nonc);
            return chi2 + (n * n);
        }

        long i = Poisson.Sample(ref source, nonc / 2.0);
        double result = LegacyChisquare(ref source, ref gauss, df + (2 * i));
        return double.IsNaN(nonc) ? CConversions.NaN : result;
    }

    /// <summary>NumPy's <c>legacy_noncentral_f(dfnum, dfden, nonc)</c>.</summary>
    public static double LegacyNoncentralF<TSource>(ref TSource source, ref PolarGaussian gauss, double dfnum, double dfden, double nonc)
        where TSource : struct, IRawSource
    {
        double t = LegacyNoncentralChisquare(ref source, ref gauss, dfnum, nonc) * dfden;
        return t / (LegacyChisquare(ref source, ref gauss, dfden) * dfnum);
    }

    /// <summary>NumPy's <c>legacy_standard_t(df)</c>.</summary>
    public static double LegacyStandardT<TSource>(ref TSource source, ref PolarGaussian gauss, double df)
        where TSource : struct, IRawSource
    {
        double num = gauss.Sample(ref source);
        double denom = Gamma.LegacyStandard(ref source, ref gauss, df / 2);
        return Math.Sqrt(df / 2) * num / Math.Sqrt(denom);
    }
}

/// <summary><c>Generator.chisquare(df)</c>.</summary>
internal readonly struct ChisquareSampler(double df) : ISampler<double>
{
    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => ChiSquareFamily.Chisquare(ref source, df);
}

/// <summary><c>Generator.f(dfnum, dfden)</c>.</summary>
internal readonly struct FSampler(double dfnum, double dfden) : ISampler<double>
{
    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => ChiSquareFamily.F(ref source, dfnum, dfden);
}

/// <summary><c>Generator.noncentral_chisquare(df, nonc)</c>.</summary>
internal readonly struct NoncentralChisquareSampler(double df, double nonc) : ISampler<double>
{
    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => ChiSquareFamily.NoncentralChisquare(ref source, df, nonc);
}

/// <summary><c>Generator.noncentral_f(dfnum, dfden, nonc)</c>.</summary>
internal readonly struct NoncentralFSampler(double dfnum, double dfden, double nonc) : ISampler<double>
{
    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => ChiSquareFamily.NoncentralF(ref source, dfnum, dfden, nonc);
}

/// <summary><c>Generator.standard_t(df)</c>.</summary>
internal readonly struct StandardTSampler(double df) : ISampler<double>
{
    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => ChiSquareFamily.StandardT(ref source, df);
}

/// <summary><c>RandomState.chisquare(df)</c>.</summary>
internal struct LegacyChisquareSampler(double df) : ILegacySampler<double>
{
    private PolarGaussian _gauss;

    public PolarGaussian Gauss { readonly get => _gauss; set => _gauss = value; }

    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => ChiSquareFamily.LegacyChisquare(ref source, ref _gauss, df);
}

/// <summary><c>RandomState.f(dfnum, dfden)</c>.</summary>
internal struct LegacyFSampler(double dfnum, double dfden) : ILegacySampler<double>
{
    private PolarGaussian _gauss;

    public PolarGaussian Gauss { readonly get => _gauss; set => _gauss = value; }

    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => ChiSquareFamily.LegacyF(ref source, ref _gauss, dfnum, dfden);
}

/// <summary><c>RandomState.noncentral_chisquare(df, nonc)</c>.</summary>
internal struct LegacyNoncentralChisquareSampler(double df, double nonc) : ILegacySampler<double>
{
    private PolarGaussian _gauss;

    public PolarGaussian Gauss { readonly get => _gauss; set => _gauss = value; }

    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => ChiSquareFamily.LegacyNoncentralChisquare(ref source, ref _gauss, df, nonc);
}

/// <summary><c>RandomState.noncentral_f(dfnum, dfden, nonc)</c>.</summary>
internal struct LegacyNoncentralFSampler(double dfnum, double dfden, double nonc) : ILegacySampler<double>
{
    private PolarGaussian _gauss;

    public PolarGaussian Gauss { readonly get => _gauss; set => _gauss = value; }

    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => ChiSquareFamily.LegacyNoncentralF(ref source, ref _gauss, dfnum, dfden, nonc);
}

/// <summary><c>RandomState.standard_t(df)</c>.</summary>
internal struct LegacyStandardTSampler(double df) : ILegacySampler<double>
{
    private PolarGaussian _gauss;

    public PolarGaussian Gauss { readonly get => _gauss; set => _gauss = value; }

    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => ChiSquareFamily.LegacyStandardT(ref source, ref _gauss, df);
}

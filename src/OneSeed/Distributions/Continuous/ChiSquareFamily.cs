using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// The distributions NumPy builds from standard gammas: chi-square, F, their noncentral forms, and Student's t, for
/// <c>Generator</c> (<c>distributions.c</c>: ziggurat normals) and <c>RandomState</c> (<c>legacy-distributions.c</c>:
/// polar normals, legacy gammas). Operand order and the order of the draws are NumPy's, which the live tests hold.
/// Each takes its gammas' set-up (<see cref="Gamma"/>) from its sampler, which computes it once.
/// </summary>
internal static class ChiSquareFamily
{
    /// <summary>NumPy's <c>random_chisquare(df)</c> for <paramref name="half"/> = <c>Gamma(df / 2)</c>.</summary>
    public static double Chisquare<TSource>(ref TSource source, in Gamma half)
        where TSource : struct, IRawSource => 2.0 * half.Sample(ref source);

    /// <summary>NumPy's <c>random_noncentral_chisquare(df, nonc)</c> (a NaN <paramref name="nonc"/> returns NaN without a draw); <paramref name="half"/> is <c>Gamma(df / 2)</c> or, for df &gt; 1, <c>Gamma((df - 1) / 2)</c>.</summary>
    public static double NoncentralChisquare<TSource>(ref TSource source, in Gamma half, double df, double nonc)
        where TSource : struct, IRawSource
    {
        if (double.IsNaN(nonc))
        {
            return CConversions.NaN;
        }

        if (nonc == 0)
        {
            return Chisquare(ref source, half);
        }

        if (1 < df)
        {
            double chi2 = Chisquare(ref source, half);
            double n = StandardNormal.Sample(ref source) + Math.Sqrt(nonc);
            return chi2 + (n * n);
        }

        long i = Poisson.Sample(ref source, nonc / 2.0);
        return 2.0 * Gamma.Standard(ref source, (df + (2 * i)) / 2.0);
    }

    /// <summary>NumPy's <c>legacy_chisquare(df)</c> for <paramref name="half"/> = <c>Gamma(df / 2)</c>.</summary>
    public static double LegacyChisquare<TSource>(ref TSource source, ref PolarGaussian gauss, in Gamma half)
        where TSource : struct, IRawSource => 2.0 * half.SampleLegacy(ref source, ref gauss);

    /// <summary>NumPy's <c>legacy_noncentral_chisquare(df, nonc)</c> (its NaN guard comes after the draws, to keep the stream).</summary>
    public static double LegacyNoncentralChisquare<TSource>(ref TSource source, ref PolarGaussian gauss, in Gamma half, double df, double nonc)
        where TSource : struct, IRawSource
    {
        if (nonc == 0)
        {
            return LegacyChisquare(ref source, ref gauss, half);
        }

        if (1 < df)
        {
            double chi2 = LegacyChisquare(ref source, ref gauss, half);
            double n = gauss.Sample(ref source) + Math.Sqrt(nonc);
            return chi2 + (n * n);
        }

        long i = Poisson.Sample(ref source, nonc / 2.0);
        double result = 2.0 * Gamma.LegacyStandard(ref source, ref gauss, (df + (2 * i)) / 2.0);
        return double.IsNaN(nonc) ? CConversions.NaN : result;
    }

    /// <summary>The gamma a noncentral chi-square with <paramref name="df"/> degrees of freedom draws when nonc is not 0.</summary>
    public static Gamma NoncentralHalf(double df, double nonc) => new(nonc != 0 && 1 < df ? (df - 1) / 2.0 : df / 2.0);
}

/// <summary><c>Generator.f(dfnum, dfden)</c>: <c>(chisquare(dfnum) * dfden) / (chisquare(dfden) * dfnum)</c>.</summary>
internal readonly struct FSampler(double dfnum, double dfden) : ISampler<double>
{
    public bool DrawsWords => _num.Draws || _den.Draws;

    private readonly Gamma _num = new(dfnum / 2.0);
    private readonly Gamma _den = new(dfden / 2.0);

    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource
    {
        double numerator = ChiSquareFamily.Chisquare(ref source, _num) * dfden;
        return numerator / (ChiSquareFamily.Chisquare(ref source, _den) * dfnum);
    }
}

/// <summary><c>Generator.noncentral_chisquare(df, nonc)</c>.</summary>
internal readonly struct NoncentralChisquareSampler(double df, double nonc) : ISampler<double>
{
    private readonly Gamma _half = ChiSquareFamily.NoncentralHalf(df, nonc);

    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => ChiSquareFamily.NoncentralChisquare(ref source, _half, df, nonc);
}

/// <summary><c>Generator.noncentral_f(dfnum, dfden, nonc)</c>: <c>noncentral_chisquare(dfnum, nonc) * dfden / (chisquare(dfden) * dfnum)</c>.</summary>
internal readonly struct NoncentralFSampler(double dfnum, double dfden, double nonc) : ISampler<double>
{
    private readonly Gamma _num = ChiSquareFamily.NoncentralHalf(dfnum, nonc);
    private readonly Gamma _den = new(dfden / 2.0);

    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource
    {
        double t = ChiSquareFamily.NoncentralChisquare(ref source, _num, dfnum, nonc) * dfden;
        return t / (ChiSquareFamily.Chisquare(ref source, _den) * dfnum);
    }
}

/// <summary><c>Generator.standard_t(df)</c>: <c>sqrt(df / 2) * normal / sqrt(standard_gamma(df / 2))</c>.</summary>
internal readonly struct StandardTSampler(double df) : ISampler<double>
{
    public bool DrawsWords => true;

    private readonly Gamma _half = new(df / 2);

    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource
    {
        double num = StandardNormal.Sample(ref source);
        double denom = _half.Sample(ref source);
        return Math.Sqrt(df / 2) * num / Math.Sqrt(denom);
    }
}

/// <summary><c>RandomState.f(dfnum, dfden)</c>.</summary>
internal struct LegacyFSampler(double dfnum, double dfden) : ILegacySampler<double>
{
    public bool DrawsWords => _num.Draws || _den.Draws;

    private readonly Gamma _num = new(dfnum / 2.0);
    private readonly Gamma _den = new(dfden / 2.0);
    private PolarGaussian _gauss;

    public PolarGaussian Gauss { readonly get => _gauss; set => _gauss = value; }

    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource
    {
        double numerator = ChiSquareFamily.LegacyChisquare(ref source, ref _gauss, _num) * dfden;
        return numerator / (ChiSquareFamily.LegacyChisquare(ref source, ref _gauss, _den) * dfnum);
    }
}

/// <summary><c>RandomState.noncentral_chisquare(df, nonc)</c>.</summary>
internal struct LegacyNoncentralChisquareSampler(double df, double nonc) : ILegacySampler<double>
{
    private readonly Gamma _half = ChiSquareFamily.NoncentralHalf(df, nonc);
    private PolarGaussian _gauss;

    public PolarGaussian Gauss { readonly get => _gauss; set => _gauss = value; }

    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => ChiSquareFamily.LegacyNoncentralChisquare(ref source, ref _gauss, _half, df, nonc);
}

/// <summary><c>RandomState.noncentral_f(dfnum, dfden, nonc)</c>.</summary>
internal struct LegacyNoncentralFSampler(double dfnum, double dfden, double nonc) : ILegacySampler<double>
{
    private readonly Gamma _num = ChiSquareFamily.NoncentralHalf(dfnum, nonc);
    private readonly Gamma _den = new(dfden / 2.0);
    private PolarGaussian _gauss;

    public PolarGaussian Gauss { readonly get => _gauss; set => _gauss = value; }

    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource
    {
        double t = ChiSquareFamily.LegacyNoncentralChisquare(ref source, ref _gauss, _num, dfnum, nonc) * dfden;
        return t / (ChiSquareFamily.LegacyChisquare(ref source, ref _gauss, _den) * dfnum);
    }
}

/// <summary><c>RandomState.standard_t(df)</c>.</summary>
internal struct LegacyStandardTSampler(double df) : ILegacySampler<double>
{
    // The normal may come from the cache; the gamma draws unless df / 2 underflows to 0.
    public bool DrawsWords => _half.Draws;

    private readonly Gamma _half = new(df / 2);
    private PolarGaussian _gauss;

    public PolarGaussian Gauss { readonly get => _gauss; set => _gauss = value; }

    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource
    {
        double num = _gauss.Sample(ref source);
        double denom = _half.SampleLegacy(ref source, ref _gauss);
        return Math.Sqrt(df / 2) * num / Math.Sqrt(denom);
    }
}

using OneSeed.Distributions;
using OneSeed.Engines;

namespace OneSeed.Compat;

// NumPy's legacy vector-valued distributions (RandomState.dirichlet, multinomial): a size-n call returns an [n, k]
// array whose rows are drawn one after another, exactly as n calls without size.
public sealed partial class NumPyRandomState
{
    /// <summary>One Dirichlet vector with concentrations <paramref name="alpha"/>, as NumPy's <c>RandomState.dirichlet(alpha)</c> (normalised legacy gammas).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="alpha"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An α is ≤ 0 (NaN is accepted, as in NumPy).</exception>
    public double[] Dirichlet(double[] alpha)
    {
        NumPyGenerator.CheckDirichlet(alpha);
        double[] result = new double[alpha.Length];
        var source = new VirtualSource(_engine);
        Distributions.Dirichlet.FillLegacy(ref source, ref _gauss, alpha, result);
        return result;
    }

    /// <summary><paramref name="size"/> Dirichlet vectors, as NumPy's <c>RandomState.dirichlet(alpha, size)</c>: a [size, k] array.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="alpha"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An α is ≤ 0, or <paramref name="size"/> is negative.</exception>
    public double[,] Dirichlet(double[] alpha, int size)
    {
        NumPyGenerator.CheckDirichlet(alpha);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        double[,] result = new double[size, alpha.Length];
        var source = new VirtualSource(_engine);
        Distributions.Dirichlet.FillLegacy(ref source, ref _gauss, alpha, NumPyGenerator.Flat<double>(result));
        return result;
    }

    /// <summary>One multinomial vector, as NumPy's <c>RandomState.multinomial(n, pvals)</c> (an empty <paramref name="pvals"/> gives an empty vector).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="pvals"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pvals"/> has a value outside [0, 1] (NaN included) or all but its last sum above 1 + 1e-12; or <paramref name="n"/> is negative.</exception>
    public long[] Multinomial(long n, double[] pvals)
    {
        NumPyGenerator.CheckMultinomial(n, pvals, allowEmpty: true);
        long[] result = new long[pvals.Length];
        Distributions.Multinomial.Fill(_engine, n, pvals, result);
        return result;
    }

    /// <summary><paramref name="size"/> multinomial vectors, as NumPy's <c>RandomState.multinomial(n, pvals, size)</c>: a [size, k] array.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="pvals"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">See <see cref="Multinomial(long, double[])"/>; or <paramref name="size"/> is negative.</exception>
    public long[,] Multinomial(long n, double[] pvals, int size)
    {
        NumPyGenerator.CheckMultinomial(n, pvals, allowEmpty: true);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        long[,] result = new long[size, pvals.Length];
        Distributions.Multinomial.Fill(_engine, n, pvals, NumPyGenerator.Flat<long>(result));
        return result;
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OneSeed.Distributions;
using OneSeed.Engines;

namespace OneSeed.Compat;

// NumPy's vector-valued distributions (Generator.dirichlet, multinomial, multivariate_hypergeometric): a size-n call
// returns an [n, k] array whose rows are drawn one after another, exactly as n calls without size.
public sealed partial class NumPyGenerator
{
    /// <summary>
    /// One Dirichlet vector with concentrations <paramref name="alpha"/>, as NumPy's <c>Generator.dirichlet(alpha)</c>
    /// (stick-breaking over betas when every α is below 0.1, else normalised gammas).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="alpha"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An α is ≤ 0 (NaN is accepted, as in NumPy).</exception>
    public double[] Dirichlet(double[] alpha)
    {
        CheckDirichlet(alpha);
        double[] result = new double[alpha.Length];
        Distributions.Dirichlet.Fill(BitGenerator, alpha, result);
        return result;
    }

    /// <summary><paramref name="size"/> Dirichlet vectors, as NumPy's <c>Generator.dirichlet(alpha, size)</c>: a [size, k] array.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="alpha"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An α is ≤ 0, or <paramref name="size"/> is negative.</exception>
    public double[,] Dirichlet(double[] alpha, int size)
    {
        CheckDirichlet(alpha);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        double[,] result = new double[size, alpha.Length];
        Distributions.Dirichlet.Fill(BitGenerator, alpha, Flat<double>(result));
        return result;
    }

    /// <summary>
    /// One multinomial vector: the counts of <paramref name="n"/> trials over categories of probabilities
    /// <paramref name="pvals"/> (the last takes whatever the others leave), as NumPy's <c>Generator.multinomial(n, pvals)</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="pvals"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pvals"/> is empty, has a value outside [0, 1] (NaN included), or all but its last sum above 1 + 1e-12; or <paramref name="n"/> is negative.</exception>
    public long[] Multinomial(long n, double[] pvals)
    {
        CheckMultinomial(n, pvals, allowEmpty: false);
        long[] result = new long[pvals.Length];
        Distributions.Multinomial.Fill(BitGenerator, n, pvals, result);
        return result;
    }

    /// <summary><paramref name="size"/> multinomial vectors, as NumPy's <c>Generator.multinomial(n, pvals, size)</c>: a [size, k] array.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="pvals"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">See <see cref="Multinomial(long, double[])"/>; or <paramref name="size"/> is negative.</exception>
    public long[,] Multinomial(long n, double[] pvals, int size)
    {
        CheckMultinomial(n, pvals, allowEmpty: false);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        long[,] result = new long[size, pvals.Length];
        Distributions.Multinomial.Fill(BitGenerator, n, pvals, Flat<long>(result));
        return result;
    }

    /// <summary>
    /// One multivariate hypergeometric vector: how many of each colour are among <paramref name="nsample"/> items drawn
    /// without replacement from <paramref name="colors"/>, as NumPy's
    /// <c>Generator.multivariate_hypergeometric(colors, nsample, method=method)</c>.
    /// </summary>
    /// <param name="colors">The number of items of each colour (non-negative).</param>
    /// <param name="nsample">The number of items drawn (at most the sum of <paramref name="colors"/>).</param>
    /// <param name="method"><c>"marginals"</c> (NumPy's default: one hypergeometric per colour; the total must be below 10⁹) or <c>"count"</c> (a partial shuffle of every item).</param>
    /// <exception cref="ArgumentNullException"><paramref name="colors"/> or <paramref name="method"/> is null.</exception>
    /// <exception cref="ArgumentException">NumPy's conditions: an unknown method, a negative count or nsample, a total above int64 (or, for <c>marginals</c>, 10⁹ or more; for <c>count</c>, more than an array holds), or nsample above the total.</exception>
    public long[] MultivariateHypergeometric(long[] colors, long nsample, string method = "marginals")
    {
        long total = CheckMultivariateHypergeometric(colors, nsample, method);
        long[] result = new long[colors.Length];
        DrawMultivariateHypergeometric(colors, total, nsample, method, result);
        return result;
    }

    /// <summary><paramref name="size"/> multivariate hypergeometric vectors, as NumPy's <c>Generator.multivariate_hypergeometric(colors, nsample, size, method)</c>: a [size, k] array.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="colors"/> or <paramref name="method"/> is null.</exception>
    /// <exception cref="ArgumentException">See <see cref="MultivariateHypergeometric(long[], long, string)"/>; or <paramref name="size"/> is negative.</exception>
    public long[,] MultivariateHypergeometric(long[] colors, long nsample, int size, string method = "marginals")
    {
        long total = CheckMultivariateHypergeometric(colors, nsample, method);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        long[,] result = new long[size, colors.Length];
        DrawMultivariateHypergeometric(colors, total, nsample, method, Flat<long>(result));
        return result;
    }

    /// <summary>A rectangular array's elements as one span, in row-major order.</summary>
    internal static Span<T> Flat<T>(Array array)
        where T : unmanaged =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length);

    /// <summary>NumPy's checks of <c>dirichlet</c>'s α (both façades).</summary>
    internal static void CheckDirichlet(double[] alpha)
    {
        ArgumentNullException.ThrowIfNull(alpha);
        for (int i = 0; i < alpha.Length; i++)
        {
            if (alpha[i] <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(alpha), alpha[i], $"alpha <= 0 (alpha[{i}] = {alpha[i]:R}): every concentration must be positive.");
            }
        }
    }

    /// <summary>NumPy's checks of <c>multinomial</c>'s arguments (both façades; only the legacy one accepts no categories).</summary>
    internal static void CheckMultinomial(long n, double[] pvals, bool allowEmpty)
    {
        ArgumentNullException.ThrowIfNull(pvals);
        if (pvals.Length == 0 && !allowEmpty)
        {
            throw new ArgumentOutOfRangeException(nameof(pvals), "pvals must have at least 1 dimension and the last dimension of pvals must be greater than 0.");
        }

        foreach (double p in pvals)
        {
            NumPyConstraints.Bounded0To1(p, nameof(pvals));
        }

        if (pvals.Length > 0)
        {
            double sum = Distributions.Multinomial.KahanSum(pvals.AsSpan(0, pvals.Length - 1));
            if (sum > 1.0 + 1e-12)
            {
                throw new ArgumentOutOfRangeException(nameof(pvals), sum, $"sum(pvals[:-1]) > 1.0 (it is {sum:R}): the probabilities of all categories but the last must not exceed 1.");
            }
        }

        NumPyConstraints.NonNegative(n, nameof(n));
    }

    private void DrawMultivariateHypergeometric(long[] colors, long total, long nsample, string method, Span<long> variates)
    {
        if (colors.Length == 0)
        {
            return;
        }

        var source = new VirtualSource(BitGenerator);
        if (method == "count")
        {
            Distributions.MultivariateHypergeometric.Count(ref source, colors, total, nsample, variates);
        }
        else
        {
            Distributions.MultivariateHypergeometric.Marginals(ref source, colors, total, nsample, variates);
        }
    }

    private static long CheckMultivariateHypergeometric(long[] colors, long nsample, string method)
    {
        ArgumentNullException.ThrowIfNull(colors);
        ArgumentNullException.ThrowIfNull(method);
        if (method is not ("count" or "marginals"))
        {
            throw new ArgumentException($"method must be \"count\" or \"marginals\" (it is \"{method}\").", nameof(method));
        }

        if (nsample < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(nsample), nsample, "nsample must be nonnegative.");
        }

        long total = 0;
        foreach (long c in colors)
        {
            if (c < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(colors), c, $"colors must be a one-dimensional sequence of nonnegative integers not exceeding {long.MaxValue} (found {c}).");
            }

            if (c > long.MaxValue - total)
            {
                throw new ArgumentOutOfRangeException(nameof(colors), $"sum(colors) must not exceed the maximum value of a 64 bit signed integer ({long.MaxValue}).");
            }

            total += c;
        }

        if (method == "marginals" && total >= 1_000_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(colors), total, "When method is \"marginals\", sum(colors) must be less than 1000000000.");
        }

        // NumPy's own bound (INT64_MAX / sizeof(size_t)) is far above what a .NET array holds: refuse what cannot be allocated.
        if (method == "count" && total > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(colors), total, $"When method is 'count', sum(colors) must not exceed {Array.MaxLength} here (the method holds one entry per item).");
        }

        if (nsample > total)
        {
            throw new ArgumentOutOfRangeException(nameof(nsample), nsample, $"nsample > sum(colors) (sum = {total}): nsample must not exceed the number of items.");
        }

        return total;
    }
}

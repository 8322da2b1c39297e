using OneSeed.Distributions;
using OneSeed.Engines;

namespace OneSeed.Compat;

/// <content>The rarer real-valued distributions of CPython's <c>random.Random</c>: gamma, beta, log-normal, Pareto, von Mises and Weibull.</content>
public sealed partial class PythonRandom
{
    // 2 * alpha overflows from here on: CPython's gammavariate then has sqrt(2 * alpha - 1) = inf and rejects forever.
    private const double GammaShapeLimit = 8.98846567431158e307; // 2^1023

    /// <summary>
    /// A gamma deviate with shape <paramref name="alpha"/> and scale <paramref name="beta"/> (mean alpha·beta), as
    /// <c>gammavariate(alpha, beta)</c>: Cheng's (1977) rejection method for alpha &gt; 1, <c>-log(1 - random()) * beta</c>
    /// for alpha = 1, and ALGORITHM GS (Kennedy and Gentle) for alpha &lt; 1.
    /// </summary>
    /// <remarks>Calls libm's <c>log</c>, <c>exp</c> and <c>pow</c> (see the class remarks).</remarks>
    /// <param name="alpha">The shape, &gt; 0 and below 2^1023.</param>
    /// <param name="beta">The scale, &gt; 0 (NaN passes, as in CPython, and gives NaN).</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="alpha"/> or <paramref name="beta"/> is not positive (CPython: ValueError "gammavariate: alpha and
    /// beta must be &gt; 0.0"), or <paramref name="alpha"/> is NaN or at least 2^1023, for which CPython's
    /// <c>gammavariate</c> never returns.
    /// </exception>
    public double GammaVariate(double alpha, double beta)
    {
        CheckGammaShape(alpha, nameof(alpha));
        if (beta <= 0.0)
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "gammavariate: alpha and beta must be > 0.0 (beta, the scale, is not).");
        }

        var source = new VirtualSource(_engine);
        return CPythonVariates.Gamma(ref source, alpha, beta);
    }

    /// <summary>
    /// A beta deviate in [0, 1], as <c>betavariate(alpha, beta)</c>: y = <c>gammavariate(alpha, 1)</c>, then
    /// y / (y + <c>gammavariate(beta, 1)</c>), or 0.0 without the second draw when y is 0.
    /// </summary>
    /// <remarks>
    /// Calls libm's <c>log</c>, <c>exp</c> and <c>pow</c>. Both parameters are checked before anything is drawn. CPython
    /// checks <paramref name="beta"/> only inside the second <c>gammavariate</c>, so when the first returns 0 (a tiny
    /// alpha) it returns 0.0 for any beta; this method refuses a bad beta every time.
    /// </remarks>
    /// <param name="alpha">The first shape, &gt; 0 and below 2^1023.</param>
    /// <param name="beta">The second shape, &gt; 0 and below 2^1023.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A parameter is not positive (CPython: ValueError from <c>gammavariate</c>) or is NaN or at least 2^1023 (CPython
    /// never returns).
    /// </exception>
    public double BetaVariate(double alpha, double beta)
    {
        CheckGammaShape(alpha, nameof(alpha));
        CheckGammaShape(beta, nameof(beta));
        var source = new VirtualSource(_engine);
        return CPythonVariates.Beta(ref source, alpha, beta);
    }

    /// <summary>
    /// A log-normal deviate, as <c>lognormvariate(mu, sigma)</c>: <c>exp(normalvariate(mu, sigma))</c> (CPython does
    /// not check sigma: a negative or NaN sigma is used as given).
    /// </summary>
    /// <remarks>Calls libm's <c>log</c> and <c>exp</c>.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="sigma"/> is 0 and exp(<paramref name="mu"/>) overflows: CPython draws, then always raises
    /// OverflowError.
    /// </exception>
    /// <exception cref="OverflowException">
    /// exp(mu + z·sigma) overflows for the drawn z: thrown after the draws, as CPython raises OverflowError.
    /// </exception>
    public double LogNormVariate(double mu, double sigma)
    {
        if (sigma == 0.0 && double.IsFinite(mu) && double.IsInfinity(Math.Exp(mu)))
        {
            throw new ArgumentOutOfRangeException(nameof(mu), mu, "lognormvariate(mu, 0) is exp(mu), which overflows for this mu (CPython raises OverflowError); mu must be at most log(double.MaxValue) = 709.78.");
        }

        var source = new VirtualSource(_engine);
        return CPythonVariates.LogNormal(ref source, mu, sigma);
    }

    /// <summary>A Pareto deviate with shape <paramref name="alpha"/>, as <c>paretovariate(alpha)</c>: <c>(1 - random()) ** (-1 / alpha)</c>.</summary>
    /// <remarks>Calls libm's <c>pow</c>, with CPython's special cases of <c>**</c> (an infinite or NaN alpha, for example).</remarks>
    /// <param name="alpha">The shape; non-zero (any other value is used as CPython uses it).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is 0 (CPython draws, then raises ZeroDivisionError).</exception>
    /// <exception cref="OverflowException">The power overflows for the drawn value (small alphas): thrown after the draw, as CPython raises OverflowError.</exception>
    public double ParetoVariate(double alpha)
    {
        if (alpha == 0.0)
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The shape must be non-zero (CPython's -1.0 / alpha raises ZeroDivisionError).");
        }

        var source = new VirtualSource(_engine);
        return CPythonVariates.Pareto(ref source, alpha);
    }

    /// <summary>
    /// A von Mises deviate (an angle in [0, 2π], mean angle <paramref name="mu"/>, concentration
    /// <paramref name="kappa"/>), as <c>vonmisesvariate(mu, kappa)</c>: Best and Fisher's rejection method, then
    /// <c>(mu ± acos(f)) % 2π</c> with Python's modulo; for kappa ≤ 1e-6, negative kappas included, <c>2π · random()</c>
    /// (mu is then not used, as in CPython).
    /// </summary>
    /// <remarks>Calls libm's <c>cos</c>, <c>exp</c> and <c>acos</c>.</remarks>
    /// <param name="mu">The mean angle; any value (the result is reduced modulo 2π; an infinite or NaN mu gives NaN).</param>
    /// <param name="kappa">The concentration; not NaN.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kappa"/> is NaN, for which CPython's <c>vonmisesvariate</c> never returns.</exception>
    /// <exception cref="DivideByZeroException">
    /// For kappa above about 4.5e15 (where r rounds to 1) and a draw with cos(π·u) = −1: thrown after the draws, as
    /// CPython raises ZeroDivisionError.
    /// </exception>
    public double VonMisesVariate(double mu, double kappa)
    {
        if (double.IsNaN(kappa))
        {
            throw new ArgumentOutOfRangeException(nameof(kappa), kappa, "The concentration kappa must not be NaN (CPython's vonmisesvariate never returns for NaN).");
        }

        var source = new VirtualSource(_engine);
        return CPythonVariates.VonMises(ref source, mu, kappa);
    }

    /// <summary>
    /// A Weibull deviate with scale <paramref name="alpha"/> and shape <paramref name="beta"/>, as
    /// <c>weibullvariate(alpha, beta)</c>: <c>alpha * (-log(1 - random())) ** (1 / beta)</c>.
    /// </summary>
    /// <remarks>Calls libm's <c>log</c> and <c>pow</c>, with CPython's special cases of <c>**</c>.</remarks>
    /// <param name="alpha">The scale; any value.</param>
    /// <param name="beta">The shape; non-zero.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is 0 (CPython draws, then raises ZeroDivisionError).</exception>
    /// <exception cref="OverflowException">The power overflows for the drawn value (small |beta|): thrown after the draw, as CPython raises OverflowError.</exception>
    /// <exception cref="DivideByZeroException">random() returned 0 and beta is negative (<c>(-0.0) ** negative</c>): thrown after the draw, as CPython raises ZeroDivisionError.</exception>
    public double WeibullVariate(double alpha, double beta)
    {
        if (beta == 0.0)
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "The shape beta must be non-zero (CPython's 1.0 / beta raises ZeroDivisionError).");
        }

        var source = new VirtualSource(_engine);
        return CPythonVariates.Weibull(ref source, alpha, beta);
    }

    private static void CheckGammaShape(double alpha, string paramName)
    {
        if (alpha <= 0.0)
        {
            throw new ArgumentOutOfRangeException(paramName, alpha, "gammavariate: alpha and beta must be > 0.0 (this shape is not).");
        }

        if (double.IsNaN(alpha) || alpha >= GammaShapeLimit)
        {
            throw new ArgumentOutOfRangeException(paramName, alpha, "The shape must be a number below 2^1023: for NaN or larger shapes CPython's gammavariate never returns (its rejection loop accepts nothing).");
        }
    }
}

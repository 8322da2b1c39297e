using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// The real-valued distributions of CPython's <c>random.Random</c> (3.11's <c>random.py</c>), line for line, over
/// <c>random()</c> = the source's <see cref="IRawSource.NextDouble"/> (MT19937's 53-bit double).
/// </summary>
/// <remarks>
/// <para>
/// Every floating-point step is CPython's, in CPython's order (the JIT does not contract multiply-adds, so each
/// product and sum rounds as in Python); <c>math</c> functions and <c>**</c> go through <see cref="CPythonFloatMath"/>,
/// which keeps CPython's special cases and raises where CPython raises (after the draws, as CPython).
/// No argument checks here: the façade checks first (<see cref="OneSeed.Compat.PythonRandom"/>).
/// </para>
/// <para>
/// Reproducibility tier: <b>stable</b> where only arithmetic and <see cref="Math.Sqrt"/> are involved; the calls to
/// <c>log</c>, <c>exp</c>, <c>cos</c>, <c>acos</c> and <c>pow</c> are the platform C library's, as in CPython
/// (glibc's bits on Linux).
/// </para>
/// </remarks>
internal static class CPythonVariates
{
    // random.NV_MAGICCONST = 4 * exp(-0.5) / sqrt(2.0), random.LOG4 = log(4.0) and random.SG_MAGICCONST = 1.0 + log(4.5),
    // written as the doubles CPython computes at import (glibc's correctly rounded results).
    private const double NvMagicConst = 1.7155277699214135;
    private const double Log4 = 1.3862943611198906;
    private const double SgMagicConst = 2.504077396776274;

    /// <summary><c>normalvariate(mu, sigma)</c>: Kinderman and Monahan's ratio-of-uniforms method.</summary>
    public static double Normal<TSource>(ref TSource source, double mu, double sigma)
        where TSource : struct, IRawSource
    {
        double z;
        while (true)
        {
            double u1 = source.NextDouble();
            double u2 = 1.0 - source.NextDouble();
            z = NvMagicConst * (u1 - 0.5) / u2;
            double zz = z * z / 4.0;
            if (zz <= -CPythonFloatMath.Log(u2))
            {
                break;
            }
        }

        return mu + (z * sigma);
    }

    /// <summary><c>lognormvariate(mu, sigma)</c>: <c>exp(normalvariate(mu, sigma))</c>.</summary>
    /// <exception cref="OverflowException">The exponential overflows (CPython: OverflowError).</exception>
    public static double LogNormal<TSource>(ref TSource source, double mu, double sigma)
        where TSource : struct, IRawSource => CPythonFloatMath.Exp(Normal(ref source, mu, sigma));

    /// <summary>
    /// <c>gammavariate(alpha, beta)</c> for alpha &gt; 0 (not NaN, 2·alpha finite) and beta &gt; 0: Cheng's GB rejection
    /// for alpha &gt; 1, an exponential for alpha = 1, and Kennedy and Gentle's ALGORITHM GS for alpha &lt; 1.
    /// </summary>
    public static double Gamma<TSource>(ref TSource source, double alpha, double beta)
        where TSource : struct, IRawSource
    {
        if (alpha > 1.0)
        {
            double ainv = Math.Sqrt((2.0 * alpha) - 1.0);
            double bbb = alpha - Log4;
            double ccc = alpha + ainv;
            while (true)
            {
                double u1 = source.NextDouble();
                if (!(1e-7 < u1 && u1 < 0.9999999))
                {
                    continue;
                }

                double u2 = 1.0 - source.NextDouble();
                double v = CPythonFloatMath.Log(u1 / (1.0 - u1)) / ainv;
                double x = alpha * CPythonFloatMath.Exp(v);
                double z = u1 * u1 * u2;
                double r = bbb + (ccc * v) - x;
                if (r + SgMagicConst - (4.5 * z) >= 0.0 || r >= CPythonFloatMath.Log(z))
                {
                    return x * beta;
                }
            }
        }

        if (alpha == 1.0)
        {
            return -CPythonFloatMath.Log(1.0 - source.NextDouble()) * beta;
        }

        double result;
        while (true)
        {
            double u = source.NextDouble();
            double b = (Math.E + alpha) / Math.E;
            double p = b * u;
            result = p <= 1.0
                ? CPythonFloatMath.Pow(p, 1.0 / alpha)
                : -CPythonFloatMath.Log((b - p) / alpha);
            double u1 = source.NextDouble();
            if (p > 1.0)
            {
                if (u1 <= CPythonFloatMath.Pow(result, alpha - 1.0))
                {
                    break;
                }
            }
            else if (u1 <= CPythonFloatMath.Exp(-result))
            {
                break;
            }
        }

        return result * beta;
    }

    /// <summary>
    /// <c>betavariate(alpha, beta)</c>: y = gammavariate(alpha, 1), then y / (y + gammavariate(beta, 1)); 0.0 without
    /// the second draw when y is zero.
    /// </summary>
    public static double Beta<TSource>(ref TSource source, double alpha, double beta)
        where TSource : struct, IRawSource
    {
        double y = Gamma(ref source, alpha, 1.0);
        return y != 0.0 ? y / (y + Gamma(ref source, beta, 1.0)) : 0.0;
    }

    /// <summary>
    /// <c>vonmisesvariate(mu, kappa)</c> for a kappa that is not NaN: Best and Fisher's rejection method as in Fisher
    /// (1993); <c>2π · random()</c>, ignoring mu, for kappa ≤ 1e-6 (negative kappas included).
    /// </summary>
    /// <exception cref="DivideByZeroException">r + z is 0 (r = 1 for kappa above about 4.5e15, and cos(π·u1) = −1; CPython: ZeroDivisionError).</exception>
    public static double VonMises<TSource>(ref TSource source, double mu, double kappa)
        where TSource : struct, IRawSource
    {
        if (kappa <= 1e-6)
        {
            return Math.Tau * source.NextDouble();
        }

        double s = 0.5 / kappa;
        double r = s + Math.Sqrt(1.0 + (s * s));
        double z;
        while (true)
        {
            double u1 = source.NextDouble();
            z = Math.Cos(Math.PI * u1);
            double d = CPythonFloatMath.Divide(z, r + z);
            double u2 = source.NextDouble();
            if (u2 < 1.0 - (d * d) || u2 <= (1.0 - d) * CPythonFloatMath.Exp(d))
            {
                break;
            }
        }

        double q = 1.0 / r;
        double f = CPythonFloatMath.Divide(q + z, 1.0 + (q * z));
        double u3 = source.NextDouble();
        return u3 > 0.5
            ? CPythonFloatMath.Remainder(mu + CPythonFloatMath.Acos(f), Math.Tau)
            : CPythonFloatMath.Remainder(mu - CPythonFloatMath.Acos(f), Math.Tau);
    }

    /// <summary><c>paretovariate(alpha)</c> for a non-zero alpha: <c>(1 - random()) ** (-1 / alpha)</c>.</summary>
    /// <exception cref="OverflowException">The power overflows (CPython: OverflowError).</exception>
    public static double Pareto<TSource>(ref TSource source, double alpha)
        where TSource : struct, IRawSource
    {
        double u = 1.0 - source.NextDouble();
        return CPythonFloatMath.Pow(u, -1.0 / alpha);
    }

    /// <summary><c>weibullvariate(alpha, beta)</c> for a non-zero beta: <c>alpha * (-log(1 - random())) ** (1 / beta)</c>.</summary>
    /// <exception cref="OverflowException">The power overflows (CPython: OverflowError).</exception>
    /// <exception cref="DivideByZeroException">random() is 0 and beta negative: <c>(-0.0) ** negative</c> (CPython: ZeroDivisionError).</exception>
    public static double Weibull<TSource>(ref TSource source, double alpha, double beta)
        where TSource : struct, IRawSource
    {
        double u = 1.0 - source.NextDouble();
        return alpha * CPythonFloatMath.Pow(-CPythonFloatMath.Log(u), 1.0 / beta);
    }
}

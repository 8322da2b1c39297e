using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Von Mises variates as NumPy draws them (Best and Fisher's rejection method): <c>Generator</c>'s
/// <c>random_vonmises</c>, which falls back to a wrapped normal for κ &gt; 10⁶, and <c>RandomState</c>'s
/// <c>legacy_vonmises</c>, which does not. Both return a uniform angle for κ &lt; 10⁻⁸ and NaN for a NaN κ.
/// </summary>
internal static class VonMises
{
    /// <summary>NumPy's <c>random_vonmises(mu, kappa)</c>.</summary>
    public static double Sample<TSource>(ref TSource source, double mu, double kappa)
        where TSource : struct, IRawSource
    {
        if (kappa > 1e6)
        {
            double result = mu + (Math.Sqrt(1.0 / kappa) * StandardNormal.Sample(ref source));
            if (result < -Math.PI)
            {
                result += 2 * Math.PI;
            }

            if (result > Math.PI)
            {
                result -= 2 * Math.PI;
            }

            return result;
        }

        return Rejection(ref source, mu, kappa);
    }

    /// <summary>NumPy's <c>legacy_vonmises(mu, kappa)</c>.</summary>
    public static double Legacy<TSource>(ref TSource source, double mu, double kappa)
        where TSource : struct, IRawSource => Rejection(ref source, mu, kappa);

    private static double Rejection<TSource>(ref TSource source, double mu, double kappa)
        where TSource : struct, IRawSource
    {
        if (double.IsNaN(kappa))
        {
            return CConversions.NaN;
        }

        if (kappa < 1e-8)
        {
            return Math.PI * ((2 * source.NextDouble()) - 1);
        }

        double s;
        if (kappa < 1e-5)
        {
            // Second-order Taylor expansion around kappa = 0 (rho is 0 in double precision below 1.4e-8).
            s = (1.0 / kappa) + kappa;
        }
        else
        {
            double r = 1 + Math.Sqrt(1 + (4 * kappa * kappa));
            double rho = (r - Math.Sqrt(2 * r)) / (2 * kappa);
            s = (1 + (rho * rho)) / (2 * rho);
        }

        double w;
        while (true)
        {
            double u = source.NextDouble();
            double z = Math.Cos(Math.PI * u);
            w = (1 + (s * z)) / (s + z);
            double y = kappa * (s - w);
            double v = source.NextDouble();
            // v = 0 is fine: y >= 0 always accepts, y < 0 always rejects.
            if ((y * (2 - y)) - v >= 0 || Math.Log(y / v) + 1 - y >= 0)
            {
                break;
            }
        }

        double sign = source.NextDouble();
        double angle = Math.Acos(w);
        if (sign < 0.5)
        {
            angle = -angle;
        }

        angle += mu;
        bool negative = angle < 0;
        double mod = (Math.Abs(angle) + Math.PI) % (2 * Math.PI) - Math.PI;
        return negative ? mod * -1 : mod;
    }
}

/// <summary><c>vonmises(mu, kappa)</c> of either façade, for bulk fills.</summary>
internal readonly struct VonMisesSampler(double mu, double kappa, bool legacy) : ISampler<double>
{
    public bool DrawsWords => !double.IsNaN(kappa);

    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => legacy ? VonMises.Legacy(ref source, mu, kappa) : VonMises.Sample(ref source, mu, kappa);
}

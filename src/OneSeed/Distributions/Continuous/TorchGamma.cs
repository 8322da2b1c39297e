namespace OneSeed.Distributions;

/// <summary>
/// Standard gamma variates as torch's CPU samplers draw them (<c>sample_gamma</c> in
/// <c>aten/src/ATen/native/Distributions.h</c>, behind <c>torch._standard_gamma</c> and <c>torch._sample_dirichlet</c>):
/// Marsaglia and Tsang's squeeze-and-reject on torch's cached double normals and 53-bit uniforms, with α &lt; 1 boosted
/// to α + 1 and scaled by <c>pow(1 - u, 1 / α)</c>, and 0 without a draw for α = 0. α and the boosted α stay in the
/// tensor's dtype (<typeparamref name="TScalar"/>), as torch's <c>scalar_t alpha</c> does; its float literals
/// (<c>1.0f / 3.0f</c>, <c>0.0331f</c>) are kept as the floats they are.
/// </summary>
internal static class TorchGamma<TScalar>
    where TScalar : struct, ITorchScalar
{
    // The float literals of sample_gamma, promoted to double exactly as C++ promotes them.
    private const double OneThirdF = 0.3333333432674408; // (double)(1.0f / 3.0f)
    private const double SqueezeF = 0.03310000151395798; // (double)0.0331f

    /// <summary>One variate for α already in <typeparamref name="TScalar"/>, before torch's clamp to the dtype's minimum.</summary>
    public static double Sample<TSource>(ref TSource source, double alpha)
        where TSource : struct, ITorchVariates
    {
        double scale = 1.0;
        if (alpha < 1.0)
        {
            if (alpha == 0)
            {
                return 0;
            }

            scale = Math.Pow(1 - source.NextDouble(), TScalar.Round(1.0 / alpha));
            alpha = TScalar.Round(alpha + 1.0);
        }

        double d = TScalar.Round(alpha - OneThirdF);
        double c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, y;
            do
            {
                x = source.NextStandardNormal();
                y = 1.0 + (c * x);
            }
            while (y <= 0);

            double v = y * y * y;
            double u = 1 - source.NextDouble();
            double xx = x * x;
            if (u < 1.0 - (SqueezeF * xx * xx))
            {
                return TScalar.Round(scale * d * v);
            }

            if (Math.Log(u) < (0.5 * xx) + (d * (1.0 - v + Math.Log(v))))
            {
                return TScalar.Round(scale * d * v);
            }
        }
    }

    /// <summary>
    /// <c>std::max(std::numeric_limits&lt;scalar_t&gt;::min(), sample)</c>, as <c>_s_gamma_cpu</c> clamps every
    /// variate: a NaN becomes the minimum too (<c>std::max(a, b)</c> is <c>a &lt; b ? b : a</c>).
    /// </summary>
    public static double ClampToMinNormal(double sample) => TScalar.MinNormal < sample ? sample : TScalar.MinNormal;
}

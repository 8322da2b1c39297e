using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Laplace, Gumbel, logistic and triangular variates as NumPy makes them from one uniform double
/// (<c>random_laplace</c>, <c>random_gumbel</c>, <c>random_logistic</c>, <c>random_triangular</c>): the same
/// functions serve <c>Generator</c> and <c>RandomState</c>. NumPy redraws by recursion where a uniform would give an
/// infinity; a loop draws the same values.
/// </summary>
internal static class UniformTransforms
{
    /// <summary>NumPy's <c>random_laplace(loc, scale)</c>.</summary>
    public static double Laplace<TSource>(ref TSource source, double loc, double scale)
        where TSource : struct, IRawSource
    {
        while (true)
        {
            double u = source.NextDouble();
            if (u >= 0.5)
            {
                return loc - (scale * Math.Log(2.0 - u - u));
            }

            if (u > 0.0)
            {
                return loc + (scale * Math.Log(u + u));
            }
        }
    }

    /// <summary>NumPy's <c>random_gumbel(loc, scale)</c>.</summary>
    public static double Gumbel<TSource>(ref TSource source, double loc, double scale)
        where TSource : struct, IRawSource
    {
        while (true)
        {
            double u = 1.0 - source.NextDouble();
            if (u < 1.0)
            {
                return loc - (scale * Math.Log(-Math.Log(u)));
            }
        }
    }

    /// <summary>NumPy's <c>random_logistic(loc, scale)</c>.</summary>
    public static double Logistic<TSource>(ref TSource source, double loc, double scale)
        where TSource : struct, IRawSource
    {
        while (true)
        {
            double u = source.NextDouble();
            if (u > 0.0)
            {
                return loc + (scale * Math.Log(u / (1.0 - u)));
            }
        }
    }

    /// <summary>NumPy's <c>random_triangular(left, mode, right)</c>.</summary>
    public static double Triangular<TSource>(ref TSource source, double left, double mode, double right)
        where TSource : struct, IRawSource
    {
        double range = right - left;
        double leftBase = mode - left;
        double ratio = leftBase / range;
        double leftProduct = leftBase * range;
        double rightProduct = (right - mode) * range;
        double u = source.NextDouble();
        return u <= ratio ? left + Math.Sqrt(u * leftProduct) : right - Math.Sqrt((1.0 - u) * rightProduct);
    }
}

/// <summary>Which of <see cref="UniformTransforms"/> a <see cref="UniformTransformSampler"/> draws.</summary>
internal enum UniformTransform
{
    Laplace,
    Gumbel,
    Logistic,
}

/// <summary>One of the location-scale <see cref="UniformTransforms"/>, for bulk fills.</summary>
internal readonly struct UniformTransformSampler(UniformTransform transform, double loc, double scale) : ISampler<double>
{
    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => transform switch
        {
            UniformTransform.Laplace => UniformTransforms.Laplace(ref source, loc, scale),
            UniformTransform.Gumbel => UniformTransforms.Gumbel(ref source, loc, scale),
            _ => UniformTransforms.Logistic(ref source, loc, scale),
        };
}

/// <summary><c>triangular(left, mode, right)</c>, for bulk fills.</summary>
internal readonly struct TriangularSampler(double left, double mode, double right) : ISampler<double>
{
    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => UniformTransforms.Triangular(ref source, left, mode, right);
}

using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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

    /// <summary>
    /// Fills <paramref name="destination"/> with the values, and leaves the engine in the state, of one
    /// <paramref name="transform"/> per element: the uniforms of a chunk come from the engine's bulk fill and their
    /// logarithms four at a time (<see cref="GlibcVectorMath.LogInPlace"/>, glibc's bits); a chunk holding a 0, which
    /// NumPy rejects and redraws, takes the scalar path over the same uniforms.
    /// </summary>
    /// <remarks>Every other operation is IEEE's, performed four lanes at a time, so each lane holds the scalar path's bits.</remarks>
    public static unsafe void Fill(BitGenerator engine, UniformTransform transform, double loc, double scale, Span<double> destination)
    {
        const int Chunk = 512;

        // Room for a last group of four past the chunk's end: padded with 0.5, a value every step takes without fault.
        double* buffer = stackalloc double[Chunk + 4];
        Span<double> u = new(buffer, Chunk + 4);
        Span<double> work = stackalloc double[Chunk + 4];
        ref double uStart = ref MemoryMarshal.GetReference(u);
        ref double wStart = ref MemoryMarshal.GetReference(work);
        var sampler = new UniformTransformSampler(transform, loc, scale);
        Vector256<double> half = Vector256.Create(0.5), two = Vector256.Create(2.0), one = Vector256<double>.One;
        Vector256<double> vloc = Vector256.Create(loc), vscale = Vector256.Create(scale);
        for (int i = 0; i < destination.Length;)
        {
            int k = Math.Min(Chunk, destination.Length - i);
            Span<double> dst = destination.Slice(i, k);
            engine.Fill(u[..k]);
            i += k;
            if (u[..k].Contains(0.0))
            {
                var source = new BufferedDoubles(buffer, k, engine);
                for (int j = 0; j < k; j++)
                {
                    dst[j] = sampler.Sample(ref source);
                }

                continue;
            }

            u.Slice(k, 4).Fill(0.5);
            int groups = (k + 3) & ~3;
            Span<double> logs = work[..groups];
            for (int j = 0; j < groups; j += 4)
            {
                Vector256<double> uj = Vector256.LoadUnsafe(ref uStart, (nuint)j);
                Vector256<double> arg = transform switch
                {
                    // Without a branch: which side of 0.5 a uniform falls is a coin toss, which a branch mispredicts.
                    UniformTransform.Laplace => Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(uj, half), two - uj - uj, uj + uj),
                    UniformTransform.Gumbel => one - uj,
                    _ => uj / (one - uj),
                };
                arg.StoreUnsafe(ref wStart, (nuint)j);
            }

            GlibcVectorMath.LogInPlace(logs);
            if (transform == UniformTransform.Gumbel)
            {
                // The second logarithm: of -log(1 - u).
                for (int j = 0; j < groups; j += 4)
                {
                    (-Vector256.LoadUnsafe(ref wStart, (nuint)j)).StoreUnsafe(ref wStart, (nuint)j);
                }

                GlibcVectorMath.LogInPlace(logs);
            }

            for (int j = 0; j < groups; j += 4)
            {
                Vector256<double> scaled = vscale * Vector256.LoadUnsafe(ref wStart, (nuint)j);
                Vector256<double> value = transform switch
                {
                    UniformTransform.Laplace => Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(Vector256.LoadUnsafe(ref uStart, (nuint)j), half), vloc - scaled, vloc + scaled),
                    UniformTransform.Gumbel => vloc - scaled,
                    _ => vloc + scaled,
                };
                value.StoreUnsafe(ref wStart, (nuint)j);
            }

            work[..k].CopyTo(dst);
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <see cref="Triangular{TSource}"/> values: one uniform each, from the
    /// engine's bulk fill, both branches computed four lanes at a time and the right one selected (IEEE operations only).
    /// </summary>
    public static void FillTriangular(BitGenerator engine, double left, double mode, double right, Span<double> destination)
    {
        double range = right - left;
        double leftBase = mode - left;
        double ratio = leftBase / range;
        double leftProduct = leftBase * range;
        double rightProduct = (right - mode) * range;
        engine.Fill(destination);
        ref double start = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        for (; i + 4 <= destination.Length; i += 4)
        {
            Vector256<double> u = Vector256.LoadUnsafe(ref start, (nuint)i);
            Vector256<double> low = Vector256.Create(left) + Vector256.Sqrt(u * Vector256.Create(leftProduct));
            Vector256<double> high = Vector256.Create(right) - Vector256.Sqrt((Vector256<double>.One - u) * Vector256.Create(rightProduct));
            Vector256.ConditionalSelect(Vector256.LessThanOrEqual(u, Vector256.Create(ratio)), low, high).StoreUnsafe(ref start, (nuint)i);
        }

        for (; i < destination.Length; i++)
        {
            double u = destination[i];
            destination[i] = u <= ratio ? left + Math.Sqrt(u * leftProduct) : right - Math.Sqrt((1.0 - u) * rightProduct);
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
    public bool DrawsWords => true;

    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => UniformTransforms.Triangular(ref source, left, mode, right);
}

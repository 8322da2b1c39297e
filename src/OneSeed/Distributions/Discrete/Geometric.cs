using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Geometric variates (trials to the first success) as NumPy draws them: a sequential search for p ≥ 1/3 (both
/// façades), else inversion: <c>Generator</c>'s <c>ceil(-E / log1p(-p))</c> over the ziggurat exponential,
/// <c>RandomState</c>'s <c>ceil(log1p(-U) / log(1 - p))</c>.
/// </summary>
internal static class Geometric
{
    /// <summary>NumPy's threshold: from it on, both façades search; below it they invert.</summary>
    public const double SearchFrom = 0.333333333333333333333333;

    /// <summary>NumPy's <c>random_geometric_inversion</c>: <c>ceil(-E / log1p(-p))</c>, given <paramref name="log1pMinusP"/> = log1p(−p).</summary>
    public static long Inversion<TSource>(ref TSource source, double log1pMinusP)
        where TSource : struct, IRawSource => CConversions.TruncateToInt64(Math.Ceiling(-StandardExponential.Sample(ref source) / log1pMinusP));

    /// <summary>NumPy's <c>legacy_geometric_inversion</c>: <c>ceil(log1p(-U) / log(1 - p))</c>, given <paramref name="logOneMinusP"/> = log(1 − p).</summary>
    public static long LegacyInversion<TSource>(ref TSource source, double logOneMinusP)
        where TSource : struct, IRawSource => CConversions.TruncateToInt64(Math.Ceiling(FdlibmMath.Log1p(-source.NextDouble()) / logOneMinusP));

    /// <summary>NumPy's <c>random_geometric_search</c>, both façades' method for p ≥ 1/3.</summary>
    public static long Search<TSource>(ref TSource source, double p)
        where TSource : struct, IRawSource
    {
        long x = 1;
        double sum = p, product = p;
        double q = 1.0 - p;
        double u = source.NextDouble();
        while (u > sum)
        {
            product *= q;
            sum += product;
            x++;
        }

        return x;
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <see cref="Search{TSource}"/>'s values for a p ≥ 1/3, one uniform each
    /// from the engine's bulk fill: the search's running sums depend only on p, so they are tabulated once, by the
    /// search's own additions, and each value is one plus the number of sums below its uniform (the sums never
    /// decrease), counted four at a time. NumPy walks the sums per value, with a branch per step.
    /// </summary>
    public static unsafe void FillSearch(BitGenerator engine, Span<long> destination, double p)
    {
        const int MaxSums = 4096;
        var sums = new List<double>();
        double sum = p, product = p, q = 1.0 - p;
        while (sums.Count < MaxSums)
        {
            sums.Add(sum);
            if (sum >= 1.0 || product == 0.0)
            {
                break;
            }

            product *= q;
            sum += product;
        }

        // Padded with +infinity to whole groups of four: no uniform is above it.
        double last = sums[^1];
        bool covers = last >= 1.0;
        while (sums.Count % 4 != 0)
        {
            sums.Add(double.PositiveInfinity);
        }

        double[] table = [.. sums];
        Span<double> uniforms = MemoryMarshal.Cast<long, double>(destination);
        engine.Fill(uniforms);
        for (int i = 0; i < destination.Length; i++)
        {
            // In place: each uniform is read before its slot takes the value.
            double u = uniforms[i];
            if (!covers && u > last)
            {
                // Beyond the tabulated sums: the search itself, from this uniform (NumPy's loop, step for step).
                var rest = new BufferedDoubles(&u, 1, engine);
                destination[i] = Search(ref rest, p);
                continue;
            }

            Vector256<double> ub = Vector256.Create(u);
            long x = 1;
            for (int k = 0; ; k += 4)
            {
                uint below = Vector256.LessThan(Vector256.Create(table[k], table[k + 1], table[k + 2], table[k + 3]), ub).ExtractMostSignificantBits();
                x += BitOperations.PopCount(below);
                if (below != 0xF)
                {
                    break;
                }
            }

            destination[i] = x;
        }
    }
}

/// <summary><c>geometric(p)</c> of either façade, for bulk fills.</summary>
/// <remarks>The inversion's logarithm of 1 − p is NumPy's per value; computed once here, it is the same value.</remarks>
internal readonly struct GeometricSampler(double p, bool legacy) : ISampler<long>
{
    private readonly double _logQ = p >= Geometric.SearchFrom ? 0 : legacy ? Math.Log(1 - p) : FdlibmMath.Log1p(-p);

    public bool DrawsWords => true;

    public long Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => p >= Geometric.SearchFrom ? Geometric.Search(ref source, p)
            : legacy ? Geometric.LegacyInversion(ref source, _logQ) : Geometric.Inversion(ref source, _logQ);
}

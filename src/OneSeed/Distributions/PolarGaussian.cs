using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// NumPy's legacy <c>legacy_gauss</c> (what <c>RandomState.standard_normal</c> uses): Marsaglia's polar method, which
/// makes two normals per accepted pair and caches the second (<c>has_gauss</c>, <c>gauss</c>: part of the state).
/// </summary>
/// <remarks>
/// A mutable struct held by its owner and passed by reference, so the cache is never copied by accident.
/// <c>log</c> is the platform's (<see cref="Math.Log(double)"/>), as in NumPy: glibc's on Linux.
/// </remarks>
internal struct PolarGaussian : ISampler<double>
{
    public bool HasCached;

    public double Cached;

    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource
    {
        if (HasCached)
        {
            return TakeCached();
        }

        double x1, x2, r2;
        do
        {
            r2 = Candidate(source.NextDouble(), source.NextDouble(), out x1, out x2);
        }
        while (!IsAccepted(r2));

        double f = Factor(r2);
        Cached = f * x1;
        HasCached = true;
        return f * x2;
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with the values, and leaves the engine and cache in the state, of
    /// <see cref="Sample{TSource}"/> called once per element, faster where <see cref="GlibcExactLogSinCos.IsSupported"/>.
    /// </summary>
    /// <remarks>
    /// A chunk of candidate pairs comes from the engine's bulk uniform doubles, never more pairs than the values still
    /// to produce need (each candidate gives at most one pair, so the engine never runs ahead); the accepted ones are
    /// kept in order without a branch, and their logarithms go four at a time through
    /// <see cref="GlibcVectorMath"/>, any lanes it leaves uncertain through <see cref="Math.Log(double)"/>. The
    /// arithmetic is the scalar path's, operation for operation (NumPy's build does not fuse <c>x1*x1 + x2*x2</c>).
    /// </remarks>
    public void Fill(BitGenerator engine, Span<double> destination)
    {
        const int ChunkPairs = 256;
        if (!GlibcExactLogSinCos.IsSupported)
        {
            engine.FillSampled(destination, ref this);
            return;
        }

        int i = 0;
        if (!destination.IsEmpty && HasCached)
        {
            destination[i++] = TakeCached();
        }

        if (i == destination.Length)
        {
            return;
        }

        Span<double> uniforms = stackalloc double[2 * ChunkPairs];
        // Room for the padding lanes of the last group of four.
        Span<double> x1s = stackalloc double[ChunkPairs + 4];
        Span<double> x2s = stackalloc double[ChunkPairs + 4];
        Span<double> r2s = stackalloc double[ChunkPairs + 4];
        Span<double> fs = stackalloc double[ChunkPairs + 4];
        FillChunks(engine, destination, i, uniforms, x1s, x2s, r2s, fs);
    }

    // Apart from the stackallocs, so that this loop tiers up (see UInt64DrawCursor.Fill).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void FillChunks(BitGenerator engine, Span<double> destination, int i, Span<double> uniforms, Span<double> x1s, Span<double> x2s, Span<double> r2s, Span<double> fs)
    {
        int chunkPairs = uniforms.Length / 2;
        while (i < destination.Length)
        {
            int pairs = Math.Min(chunkPairs, (destination.Length - i + 1) / 2);
            engine.Fill(uniforms[..(2 * pairs)]);
            int accepted = 0;
            for (int c = 0; c < pairs; c++)
            {
                double r2 = Candidate(uniforms[2 * c], uniforms[(2 * c) + 1], out double x1, out double x2);
                (x1s[accepted], x2s[accepted], r2s[accepted]) = (x1, x2, r2);
                accepted += IsAccepted(r2) ? 1 : 0;
            }

            r2s.Slice(accepted, 4).Fill(0.5);
            ref double r2Start = ref MemoryMarshal.GetReference(r2s);
            ref double fStart = ref MemoryMarshal.GetReference(fs);
            for (int a = 0; a < accepted; a += 4)
            {
                Factors(Vector256.LoadUnsafe(ref r2Start, (nuint)a)).StoreUnsafe(ref fStart, (nuint)a);
            }

            for (int a = 0; a < accepted; a++)
            {
                destination[i++] = fs[a] * x2s[a];
                if (i < destination.Length)
                {
                    destination[i++] = fs[a] * x1s[a];
                }
                else
                {
                    Cached = fs[a] * x1s[a];
                    HasCached = true;
                }
            }
        }
    }

    /// <summary>The candidate pair from two uniforms, and its squared radius (NumPy's operations, unfused).</summary>
    internal static double Candidate(double u1, double u2, out double x1, out double x2)
    {
        x1 = (2.0 * u1) - 1.0;
        x2 = (2.0 * u2) - 1.0;
        return (x1 * x1) + (x2 * x2);
    }

    /// <summary>Whether a candidate lies inside the unit disc, without its centre.</summary>
    internal static bool IsAccepted(double r2) => r2 < 1.0 && r2 != 0.0;

    /// <summary>The factor that scales an accepted pair into two normals, through glibc's <c>log</c>.</summary>
    internal static double Factor(double r2) => Math.Sqrt(-2.0 * Math.Log(r2) / r2);

    /// <summary>
    /// <see cref="Factor"/> of four accepted squared radii, glibc's log four lanes at a time and any lane it leaves
    /// uncertain through <see cref="Math.Log(double)"/>. Only where <see cref="GlibcExactLogSinCos.IsSupported"/>.
    /// </summary>
    internal static Vector256<double> Factors(Vector256<double> r2)
    {
        Vector256<double> log = GlibcVectorMath.Log(r2, out Vector256<double> certain);
        Vector256<double> f = Avx.Sqrt(Vector256.Create(-2.0) * log / r2);
        for (uint lanes = GlibcExactLogSinCos.UncertainLanes(certain); lanes != 0; lanes &= lanes - 1)
        {
            int k = BitOperations.TrailingZeroCount(lanes);
            f = f.WithElement(k, Factor(r2.GetElement(k)));
        }

        return f;
    }

    private double TakeCached()
    {
        double cached = Cached;
        HasCached = false;
        Cached = 0.0;
        return cached;
    }
}

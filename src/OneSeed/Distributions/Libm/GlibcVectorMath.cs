using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OneSeed.Distributions;

/// <summary>
/// Four of glibc's logarithms, sines and cosines at once, for the bulk paths that must return exactly what
/// <see cref="Math.Log(double)"/> and <see cref="Math.SinCos(double)"/> return: glibc's own algorithms where they are
/// available (<see cref="GlibcLogFma"/>, <see cref="GlibcSinCosFma"/>: every lane exact), else the certified ones
/// (<see cref="GlibcExactLogSinCos"/>: about one lane in eight per function left to the caller).
/// </summary>
/// <remarks>
/// Only where <see cref="GlibcExactLogSinCos.IsSupported"/>. The <c>exact</c> masks are all ones in the lanes that hold
/// glibc's bits; callers recompute the others with <see cref="Math"/>. Reproducibility tier: exact.
/// </remarks>
internal static class GlibcVectorMath
{
    /// <summary>
    /// Whether the transcriptions serve where supported (the default). Tests switch it off to hold the certified path to
    /// the same bits; as both paths give glibc's bits, switching it changes no output of any caller.
    /// </summary>
    internal static bool TranscriptionsEnabled { get; set; } = true;

    /// <summary>ln(x) per lane; the lanes outside <paramref name="exact"/> are the caller's to recompute.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Log(Vector256<double> x, out Vector256<double> exact) =>
        GlibcLogFma.IsSupported && TranscriptionsEnabled ? GlibcLogFma.Log(x, out exact) : GlibcExactLogSinCos.Log(x, out exact);

    /// <summary>sin(x) and cos(x) per lane; the lanes outside <paramref name="exact"/> are the caller's to recompute.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void SinCos(Vector256<double> x, out Vector256<double> sin, out Vector256<double> cos, out Vector256<double> exact)
    {
        if (GlibcSinCosFma.IsSupported && TranscriptionsEnabled)
        {
            GlibcSinCosFma.SinCos(x, out sin, out cos, out exact);
        }
        else
        {
            GlibcExactLogSinCos.SinCos(x, out sin, out cos, out exact);
        }
    }

    /// <summary>
    /// Replaces each value with its natural logarithm, exactly as <see cref="Math.Log(double)"/> would: four lanes at a
    /// time where <see cref="GlibcExactLogSinCos.IsSupported"/>, the lanes left uncertain and the rest through
    /// <see cref="Math.Log(double)"/>.
    /// </summary>
    internal static void LogInPlace(Span<double> values)
    {
        int i = 0;
        if (GlibcExactLogSinCos.IsSupported)
        {
            ref double start = ref MemoryMarshal.GetReference(values);
            for (; i + 4 <= values.Length; i += 4)
            {
                Vector256<double> x = Vector256.LoadUnsafe(ref start, (nuint)i);
                Log(x, out Vector256<double> exact).StoreUnsafe(ref start, (nuint)i);
                for (uint lanes = GlibcExactLogSinCos.UncertainLanes(exact); lanes != 0; lanes &= lanes - 1)
                {
                    int lane = BitOperations.TrailingZeroCount(lanes);
                    values[i + lane] = Math.Log(x.GetElement(lane));
                }
            }
        }

        for (; i < values.Length; i++)
        {
            values[i] = Math.Log(values[i]);
        }
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OneSeed.Distributions;

/// <summary>
/// Four of glibc's logarithms, sines and cosines at once, for the bulk paths that must return exactly what
/// <see cref="Math.Log(double)"/> and <see cref="Math.SinCos(double)"/> return: glibc's own algorithms where they are
/// available (<see cref="GlibcLogFma"/>, <see cref="GlibcSinCosFma"/>: every lane exact), else the certified ones
/// (<see cref="GlibcExactLogSinCos"/>: about one lane in eight per function left to the caller). Powers and
/// exponentials four at a time (<see cref="GlibcPowFma"/>, <see cref="GlibcExpFma"/>) have no certified fallback:
/// callers ask <see cref="PowServes"/> and <see cref="ExpServes"/>, and keep <see cref="Math"/> otherwise.
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

    /// <summary>Whether <see cref="GlibcPowFma"/> serves: supported here and not switched off.</summary>
    internal static bool PowServes => GlibcPowFma.IsSupported && TranscriptionsEnabled;

    /// <summary>Whether <see cref="GlibcExpFma"/> serves: supported here and not switched off.</summary>
    internal static bool ExpServes => GlibcExpFma.IsSupported && TranscriptionsEnabled;

    /// <summary>
    /// Replaces each value with its natural logarithm, exactly as <see cref="Math.Log(double)"/> would: four lanes at a
    /// time where <see cref="GlibcExactLogSinCos.IsSupported"/>, the lanes left uncertain and the rest through
    /// <see cref="Math.Log(double)"/>.
    /// </summary>
    internal static void LogInPlace(Span<double> values)
    {
        if (GlibcExactLogSinCos.IsSupported)
        {
            MapInPlace(values, default(LogLanes));
        }
        else
        {
            foreach (ref double x in values)
            {
                x = Math.Log(x);
            }
        }
    }

    /// <summary>
    /// Replaces each value x with x^<paramref name="exponent"/>, exactly as <see cref="Math.Pow(double, double)"/>
    /// would: four lanes at a time where <see cref="PowServes"/>, the lanes outside its domain and the rest through
    /// <see cref="Math.Pow(double, double)"/>.
    /// </summary>
    internal static void PowInPlace(Span<double> values, double exponent)
    {
        if (PowServes)
        {
            MapInPlace(values, new PowLanes(exponent));
        }
        else
        {
            foreach (ref double x in values)
            {
                x = Math.Pow(x, exponent);
            }
        }
    }

    /// <summary>
    /// Replaces each value x with <paramref name="function"/>(x): four lanes at a time by its vector form, the lanes it
    /// does not claim and the last few values by its scalar form. Only where the transcriptions it uses serve.
    /// </summary>
    internal static void MapInPlace<TFunction>(Span<double> values, TFunction function)
        where TFunction : struct, ILaneFunction
    {
        ref double start = ref MemoryMarshal.GetReference(values);
        int i = 0;
        for (; i + 4 <= values.Length; i += 4)
        {
            Vector256<double> x = Vector256.LoadUnsafe(ref start, (nuint)i);
            function.Apply(x, out Vector256<double> exact).StoreUnsafe(ref start, (nuint)i);
            for (uint lanes = GlibcExactLogSinCos.UncertainLanes(exact); lanes != 0; lanes &= lanes - 1)
            {
                int lane = BitOperations.TrailingZeroCount(lanes);
                values[i + lane] = function.Apply(x.GetElement(lane));
            }
        }

        for (; i < values.Length; i++)
        {
            values[i] = function.Apply(values[i]);
        }
    }

    private readonly struct LogLanes : ILaneFunction
    {
        public Vector256<double> Apply(Vector256<double> x, out Vector256<double> exact) => Log(x, out exact);

        public double Apply(double x) => Math.Log(x);
    }

    private readonly struct PowLanes(double exponent) : ILaneFunction
    {
        public Vector256<double> Apply(Vector256<double> x, out Vector256<double> exact) => GlibcPowFma.Pow(x, Vector256.Create(exponent), out exact);

        public double Apply(double x) => Math.Pow(x, exponent);
    }
}

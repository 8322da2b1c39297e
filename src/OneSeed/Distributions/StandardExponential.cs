using System.Runtime.CompilerServices;
using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Standard exponential doubles exactly as NumPy's <c>random_standard_exponential</c> draws them (what
/// <c>Generator.standard_exponential</c> and <c>Generator.exponential</c> use): a 256-layer ziggurat over one
/// 64-bit draw per attempt, with NumPy's own <c>ke/we/fe</c> tables.
/// </summary>
/// <remarks>
/// <para>
/// Each attempt drops the low 3 bits of one <see cref="BitGenerator.NextUInt64"/>, takes an 8-bit layer index and
/// a 53-bit value. About 97.8% of values return from that first test (2.23% of random draws fail it). Layer 0 returns r − log1p(−U) with
/// <see cref="FdlibmMath.Log1p"/> (ours, bit-identical everywhere); the other layers' wedge test compares against
/// <see cref="Math.Exp"/>, and a rejection starts a whole new attempt.
/// </para>
/// <para>
/// Reproducibility tier: <b>stable</b> (bit-exact with NumPy 1.17+ over the same engine state), with one caveat:
/// only the accept/reject decision of the rare (about 2 in 100 draws) wedge test depends on the platform's
/// <c>exp</c>. On Linux, .NET's <see cref="Math.Exp"/> is glibc's, exactly what NumPy uses there.
/// </para>
/// </remarks>
public static class StandardExponential
{
    /// <summary>One standard exponential double (NumPy's <c>random_standard_exponential</c>).</summary>
    public static double Next(BitGenerator engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var source = new VirtualSource(engine);
        return Sample(ref source);
    }

    /// <summary>Fills <paramref name="destination"/> with standard exponential doubles (NumPy's <c>random_standard_exponential_fill</c>).</summary>
    public static void Fill(BitGenerator engine, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(engine);
        // Without AVX2 the chunked scalar loop measured slower than the per-value loop, so only the vector path uses it.
        if (System.Runtime.Intrinsics.X86.Avx2.IsSupported && UInt64DrawCursor.CanBuffer(engine))
        {
            ZigguratFill.Exponential(engine, destination);
            return;
        }

        var sampler = default(Sampler);
        engine.FillSampled(destination, ref sampler);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource
    {
        ReadOnlySpan<ulong> ke = ZigguratTables.Ke;
        ReadOnlySpan<double> we = ZigguratTables.We;
        while (true)
        {
            ulong ri = source.NextUInt64() >> 3;
            int idx = (int)(ri & 0xff);
            ri >>= 8;
            double x = (long)ri * we[idx]; // ri < 2^53: exact through long, which converts faster than ulong
            if (ri < ke[idx])
            {
                return x;
            }

            if (Unlikely(ref source, idx, x, out double value))
            {
                return value;
            }

            // NumPy recurses into random_standard_exponential here; looping draws the same values.
        }
    }

    /// <summary>
    /// The rest of an attempt that failed the fast test in layer <paramref name="idx"/> with candidate
    /// <paramref name="x"/>: one uniform for the tail value (always accepted) or the wedge test.
    /// </summary>
    // Out of line so the hot loop stays small enough to inline into bulk fills.
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static bool Unlikely<TSource>(ref TSource source, int idx, double x, out double value)
        where TSource : struct, IRawSource
    {
        if (idx == 0)
        {
            // NumPy uses 1 - U (log1p(-U)) so that log(0) cannot happen.
            value = ZigguratTables.ExponentialR - FdlibmMath.Log1p(-source.NextDouble());
            return true;
        }

        value = x;
        return AcceptWedge(idx, x, source.NextDouble());
    }

    /// <summary>The wedge test of layer <paramref name="idx"/> (1 to 255) for candidate <paramref name="x"/> and uniform <paramref name="u"/>.</summary>
    internal static bool AcceptWedge(int idx, double x, double u)
    {
        ReadOnlySpan<double> fe = ZigguratTables.Fe;
        return ((fe[idx - 1] - fe[idx]) * u) + fe[idx] < Math.Exp(-x);
    }

    /// <summary>The per-value step for bulk fills.</summary>
    internal readonly struct Sampler : ISampler<double>
    {
        public double Sample<TSource>(ref TSource source)
            where TSource : struct, IRawSource => StandardExponential.Sample(ref source);
    }
}

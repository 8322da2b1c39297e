using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// NumPy's float32 samplers (<c>dtype=np.float32</c> in <c>Generator</c>), which draw differently from the float64
/// ones: <c>next_float</c> = <c>(next_uint32 &gt;&gt; 8) * 2^-24</c>; the 32-bit ziggurats
/// <c>random_standard_normal_f</c> and <c>random_standard_exponential_f</c> (one 32-bit draw per attempt, NumPy's
/// <c>ki/wi/fi_float</c> and <c>ke/we/fe_float</c> tables); the inversion exponential
/// <c>random_standard_exponential_inv_fill_f</c>; and <c>random_standard_gamma_f</c> (Marsaglia–Tsang on the float
/// normal, in single precision).
/// </summary>
/// <remarks>
/// <para>
/// Every one of them draws only 32-bit values (so 64-bit engines hand out both halves of each word, low half first,
/// as NumPy's <c>next_uint32</c> does). Floating-point steps are NumPy's, in NumPy's precision: the float normal's
/// wedge test is double (<c>exp(-0.5 * x * x)</c> with a float x), the float exponential's is <c>expf</c>; tails use
/// <c>log1pf</c> (<see cref="FdlibmMathF.Log1pF"/>, bit-identical everywhere); the inversion exponential uses the
/// double <c>log1p</c> of a float uniform (NumPy's <c>-npy_log1p(-next_float)</c>, rounded to float); the gamma uses
/// <c>powf</c>, <c>logf</c> and <c>sqrtf</c>, which are <see cref="MathF.Pow"/>, <see cref="MathF.Log(float)"/> and
/// <see cref="MathF.Sqrt"/> (.NET calls the C library's on Linux: glibc's bits, checked by the tests).
/// </para>
/// <para>
/// Reproducibility tier: <b>stable</b> (bit-exact with NumPy 1.17+ over the same engine state), with the same caveat
/// as the float64 ziggurats for the platform's <c>exp</c>/<c>expf</c> in the rare wedge tests, and, for the gamma,
/// its <c>powf</c>/<c>logf</c>: on Linux they are glibc's, exactly what NumPy uses there.
/// </para>
/// </remarks>
internal static class SingleDistributions
{
    /// <summary>NumPy's <c>next_float</c>: the top 24 bits of a 32-bit draw times 2^-24.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float NextFloat<TSource>(ref TSource source)
        where TSource : struct, IRawSource => (int)(source.NextUInt32() >> 8) * (1.0f / 16777216.0f);

    /// <summary>Fills <paramref name="destination"/> with NumPy's <c>next_float</c> values (<c>random_standard_uniform_fill_f</c>).</summary>
    public static void FillUniform(BitGenerator engine, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Span<uint> draws = MemoryMarshal.Cast<float, uint>(destination);
        engine.Fill(draws);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref uint start = ref MemoryMarshal.GetReference(draws);
            Vector256<float> scale = Vector256.Create(1.0f / 16777216.0f);
            for (; i <= draws.Length - Vector256<uint>.Count; i += Vector256<uint>.Count)
            {
                // Values below 2^24 convert exactly, so this is the scalar conversion and product lane by lane.
                Vector256<float> value = Vector256.ConvertToSingle((Vector256.LoadUnsafe(ref start, (nuint)i) >>> 8).AsInt32()) * scale;
                value.AsUInt32().StoreUnsafe(ref start, (nuint)i);
            }
        }

        for (; i < draws.Length; i++)
        {
            destination[i] = (int)(draws[i] >> 8) * (1.0f / 16777216.0f);
        }
    }

    /// <summary>One standard normal float (NumPy's <c>random_standard_normal_f</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float Normal<TSource>(ref TSource source)
        where TSource : struct, IRawSource
    {
        ReadOnlySpan<uint> ki = ZigguratTablesSingle.Ki;
        ReadOnlySpan<float> wi = ZigguratTablesSingle.Wi;
        while (true)
        {
            // r = n23sb8: an 8-bit layer, a sign bit, a 23-bit magnitude.
            uint r = source.NextUInt32();
            int idx = (int)(r & 0xff);
            uint rabs = (r >> 9) & 0x007fffff;

            // rabs < 2^23 converts exactly; flipping the sign bit is IEEE negation.
            float x = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits((int)rabs * wi[idx]) ^ (int)((r >> 8) << 31));
            if (rabs < ki[idx])
            {
                return x;
            }

            if (idx == 0)
            {
                return NormalTail(ref source, rabs);
            }

            if (AcceptNormalWedge(ref source, idx, x))
            {
                return x;
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool AcceptNormalWedge<TSource>(ref TSource source, int idx, float x)
        where TSource : struct, IRawSource
    {
        ReadOnlySpan<float> fi = ZigguratTablesSingle.Fi;

        // NumPy's float wedge: the left side in float, the density in double (exp of -0.5 * x * x in double), compared in double.
        float y = ((fi[idx - 1] - fi[idx]) * NextFloat(ref source)) + fi[idx];
        return y < Math.Exp(-0.5 * x * x);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float NormalTail<TSource>(ref TSource source, uint rabs)
        where TSource : struct, IRawSource
    {
        while (true)
        {
            // NumPy draws 1 - U (log1pf(-U)) so that log(0) cannot happen.
            float xx = -ZigguratTablesSingle.NormalInvR * FdlibmMathF.Log1pF(-NextFloat(ref source));
            float yy = -FdlibmMathF.Log1pF(-NextFloat(ref source));
            if (yy + yy > xx * xx)
            {
                // The sign comes from bit 8 of the magnitude, as in NumPy.
                return ((rabs >> 8) & 1) != 0 ? -(ZigguratTablesSingle.NormalR + xx) : ZigguratTablesSingle.NormalR + xx;
            }
        }
    }

    /// <summary>One standard exponential float (NumPy's <c>random_standard_exponential_f</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float Exponential<TSource>(ref TSource source)
        where TSource : struct, IRawSource
    {
        ReadOnlySpan<uint> ke = ZigguratTablesSingle.Ke;
        ReadOnlySpan<float> we = ZigguratTablesSingle.We;
        while (true)
        {
            uint ri = source.NextUInt32() >> 1;
            int idx = (int)(ri & 0xff);
            ri >>= 8;
            float x = (int)ri * we[idx]; // ri < 2^23: exact
            if (ri < ke[idx])
            {
                return x;
            }

            if (ExponentialUnlikely(ref source, idx, x, out float value))
            {
                return value;
            }

            // NumPy recurses into random_standard_exponential_f here; looping draws the same values.
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool ExponentialUnlikely<TSource>(ref TSource source, int idx, float x, out float value)
        where TSource : struct, IRawSource
    {
        if (idx == 0)
        {
            value = ZigguratTablesSingle.ExponentialR - FdlibmMathF.Log1pF(-NextFloat(ref source));
            return true;
        }

        ReadOnlySpan<float> fe = ZigguratTablesSingle.Fe;
        value = x;
        return ((fe[idx - 1] - fe[idx]) * NextFloat(ref source)) + fe[idx] < MathF.Exp(-x);
    }

    /// <summary>
    /// One standard exponential float by inversion (NumPy's <c>random_standard_exponential_inv_fill_f</c>:
    /// <c>-npy_log1p(-next_float)</c>, the double <c>log1p</c> of the float uniform, rounded to float).
    /// </summary>
    internal static float ExponentialInverse<TSource>(ref TSource source)
        where TSource : struct, IRawSource => (float)-FdlibmMath.Log1p(-NextFloat(ref source));

    /// <summary>One standard gamma float for a float <paramref name="shape"/> (NumPy's <c>random_standard_gamma_f</c>).</summary>
    internal static float Gamma<TSource>(ref TSource source, float shape)
        where TSource : struct, IRawSource
    {
        if (shape == 1.0f)
        {
            return Exponential(ref source);
        }

        if (shape == 0.0f)
        {
            return 0.0f;
        }

        if (shape < 1.0f)
        {
            while (true)
            {
                float u = NextFloat(ref source);
                float v = Exponential(ref source);
                if (u <= 1.0f - shape)
                {
                    float x = MathF.Pow(u, 1.0f / shape);
                    if (x <= v)
                    {
                        return x;
                    }
                }
                else
                {
                    float y = -MathF.Log((1.0f - u) / shape);
                    float x = MathF.Pow(1.0f - shape + (shape * y), 1.0f / shape);
                    if (x <= v + y)
                    {
                        return x;
                    }
                }
            }
        }

        // 1.0f / 3.0f as C folds it (0x3EAAAAAB).
        float b = shape - 0.333333343f;
        float c = 1.0f / MathF.Sqrt(9.0f * b);
        while (true)
        {
            float x, v;
            do
            {
                x = Normal(ref source);
                v = 1.0f + (c * x);
            }
            while (v <= 0.0f);

            v = v * v * v;
            float u = NextFloat(ref source);
            if (u < 1.0f - (0.0331f * (x * x) * (x * x)))
            {
                return b * v;
            }

            // logf(0) is fine here, as in NumPy.
            if (MathF.Log(u) < (0.5f * x * x) + (b * (1.0f - v + MathF.Log(v))))
            {
                return b * v;
            }
        }
    }

    /// <summary>Fills <paramref name="destination"/> with NumPy's float32 standard normals (<c>random_standard_normal_fill_f</c>).</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="destination">The values.</param>
    /// <param name="vectorize">False runs the buffered scalar loop even where AVX2 is available (tests).</param>
    public static void FillNormal(BitGenerator engine, Span<float> destination, bool vectorize = true)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var sampler = default(NormalSampler);
        FillBuffered(engine, destination, ref sampler, vectorize && Avx2.IsSupported);
    }

    /// <summary>Fills <paramref name="destination"/> with NumPy's float32 standard exponentials (<c>random_standard_exponential_fill_f</c>).</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="destination">The values.</param>
    /// <param name="vectorize">False runs the buffered scalar loop even where AVX2 is available (tests).</param>
    public static void FillExponential(BitGenerator engine, Span<float> destination, bool vectorize = true)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var sampler = default(ExponentialSampler);
        FillBuffered(engine, destination, ref sampler, vectorize && Avx2.IsSupported);
    }

    /// <summary>Fills <paramref name="destination"/> with NumPy's float32 inversion exponentials (<c>random_standard_exponential_inv_fill_f</c>).</summary>
    public static void FillExponentialInverse(BitGenerator engine, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var sampler = default(ExponentialInverseSampler);
        FillBuffered(engine, destination, ref sampler, vectorize: false);
    }

    /// <summary>Fills <paramref name="destination"/> with NumPy's float32 standard gammas of <paramref name="shape"/> (<c>random_standard_gamma_f</c> per value).</summary>
    public static void FillGamma(BitGenerator engine, float shape, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (shape == 0.0f)
        {
            // No draws at all: the buffered loop below needs at least one draw per value.
            destination.Clear();
            return;
        }

        var sampler = new GammaSampler(shape);
        FillBuffered(engine, destination, ref sampler, vectorize: false);
    }

    /// <summary>
    /// The per-value loop over an engine's 32-bit draws in chunks (<see cref="UInt32DrawCursor"/>: each value takes at
    /// least one draw, so the chunk never holds a draw the per-value loop would not have made), with the sampler's
    /// eight-lane fast path where it has one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FillBuffered<TSampler>(BitGenerator engine, Span<float> destination, ref TSampler sampler, bool vectorize)
        where TSampler : struct, ISingleSampler
    {
        if (destination.IsEmpty)
        {
            return;
        }

        uint[] buffer = ArrayPool<uint>.Shared.Rent(512);
        var cursor = new UInt32DrawCursor(engine, buffer);
        ref float start = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        while (i < destination.Length)
        {
            cursor.Refill(destination.Length - i);
            if (vectorize && TSampler.HasFastPath)
            {
                // i + 8 <= destination.Length whenever eight draws wait: the chunk had no more draws than values left,
                // and every value takes at least one draw.
                while (cursor.Available >= Vector256<uint>.Count)
                {
                    Vector256<float> values = TSampler.Fast(Vector256.Create(cursor.Waiting), out uint accepted);
                    values.StoreUnsafe(ref start, (nuint)i);
                    if (accepted == 0xFF)
                    {
                        i += Vector256<uint>.Count;
                        cursor.Skip(Vector256<uint>.Count);
                        continue;
                    }

                    // The values before the first lane that failed the fast test are final; that lane's draw starts an
                    // attempt that goes on through the exact sampler (its slow path reads further draws in order).
                    int passed = BitOperations.TrailingZeroCount(~accepted);
                    i += passed;
                    cursor.Skip(passed);
                    Unsafe.Add(ref start, i++) = sampler.Sample(ref cursor);
                }
            }

            while (cursor.Available > 0)
            {
                Unsafe.Add(ref start, i++) = sampler.Sample(ref cursor);
            }
        }

        ArrayPool<uint>.Shared.Return(buffer);
    }

    /// <summary>A float sampler over 32-bit draws, with an optional eight-lane fast path.</summary>
    private interface ISingleSampler : ISampler<float>
    {
        /// <summary>Whether <see cref="Fast"/> is implemented.</summary>
        static abstract bool HasFastPath { get; }

        /// <summary>The candidates of eight attempts, each from one draw, and a bit per lane (bit k = lane k) whose candidate the fast test accepts.</summary>
        static abstract Vector256<float> Fast(Vector256<uint> draws, out uint accepted);
    }

    private readonly struct NormalSampler : ISingleSampler
    {
        public static bool HasFastPath => true;

        public float Sample<TSource>(ref TSource source)
            where TSource : struct, IRawSource => Normal(ref source);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static unsafe Vector256<float> Fast(Vector256<uint> draws, out uint accepted)
        {
            Vector256<int> idx = (draws & Vector256.Create(0xffu)).AsInt32();
            Vector256<int> rabs = ((draws >>> 9) & Vector256.Create(0x007fffffu)).AsInt32();
            Vector256<int> k;
            Vector256<float> w;
            fixed (uint* ki = ZigguratTablesSingle.Ki)
            fixed (float* wi = ZigguratTablesSingle.Wi)
            {
                k = Avx2.GatherVector256((int*)ki, idx, 4);
                w = Avx2.GatherVector256(wi, idx, 4);
            }

            // Both sides are below 2^31, so the signed compare is the scalar unsigned one; the conversion is exact.
            accepted = Vector256.GreaterThan(k, rabs).ExtractMostSignificantBits();
            Vector256<float> x = Vector256.ConvertToSingle(rabs) * w;
            return (x.AsUInt32() ^ ((draws >>> 8) << 31)).AsSingle();
        }
    }

    private readonly struct ExponentialSampler : ISingleSampler
    {
        public static bool HasFastPath => true;

        public float Sample<TSource>(ref TSource source)
            where TSource : struct, IRawSource => Exponential(ref source);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static unsafe Vector256<float> Fast(Vector256<uint> draws, out uint accepted)
        {
            Vector256<int> idx = ((draws >>> 1) & Vector256.Create(0xffu)).AsInt32();
            Vector256<int> ri = (draws >>> 9).AsInt32();
            Vector256<int> k;
            Vector256<float> w;
            fixed (uint* ke = ZigguratTablesSingle.Ke)
            fixed (float* we = ZigguratTablesSingle.We)
            {
                k = Avx2.GatherVector256((int*)ke, idx, 4);
                w = Avx2.GatherVector256(we, idx, 4);
            }

            accepted = Vector256.GreaterThan(k, ri).ExtractMostSignificantBits();
            return Vector256.ConvertToSingle(ri) * w;
        }
    }

    private readonly struct ExponentialInverseSampler : ISingleSampler
    {
        public static bool HasFastPath => false;

        public float Sample<TSource>(ref TSource source)
            where TSource : struct, IRawSource => ExponentialInverse(ref source);

        public static Vector256<float> Fast(Vector256<uint> draws, out uint accepted) => throw new NotSupportedException();
    }

    private readonly struct GammaSampler(float shape) : ISingleSampler
    {
        public static bool HasFastPath => false;

        public float Sample<TSource>(ref TSource source)
            where TSource : struct, IRawSource => Gamma(ref source, shape);

        public static Vector256<float> Fast(Vector256<uint> draws, out uint accepted) => throw new NotSupportedException();
    }
}

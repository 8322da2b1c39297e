using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OneSeed.Distributions;

namespace OneSeed.Compat;

/// <summary>NumPy's float32 and narrow integer dtypes, and <c>permuted</c>.</summary>
public sealed partial class NumPyGenerator
{
    /// <summary>
    /// Fills <paramref name="destination"/> with floats in [0, 1) with 24 random bits, as NumPy's
    /// <c>random(dtype=np.float32, out=...)</c>: <c>(next_uint32 &gt;&gt; 8) * 2^-24</c>, one 32-bit draw a value
    /// (64-bit engines hand out both halves of a word, low half first).
    /// </summary>
    /// <remarks>Reproducibility tier: <b>stable</b> (bit-exact with NumPy 1.17+).</remarks>
    public void Random(Span<float> destination) => SingleDistributions.FillUniform(BitGenerator, destination);

    /// <summary>
    /// Fills <paramref name="destination"/> with standard normal floats, as NumPy's
    /// <c>standard_normal(dtype=np.float32, out=...)</c> (<c>random_standard_normal_f</c>): a 256-layer ziggurat over
    /// one 32-bit draw per attempt with NumPy's float tables; the tail uses <c>log1pf</c>
    /// (<see cref="FdlibmMathF.Log1pF"/>) and the wedge test compares a float with the double <c>exp(-0.5 x²)</c>, as in NumPy.
    /// </summary>
    /// <remarks>Reproducibility tier: <b>stable</b> (bit-exact with NumPy 1.17+; the wedge test's <c>exp</c> is the platform's, glibc's on Linux, as for <see cref="StandardNormal()"/>).</remarks>
    public void StandardNormal(Span<float> destination) => SingleDistributions.FillNormal(BitGenerator, destination);

    /// <summary>
    /// Fills <paramref name="destination"/> with standard exponential floats, as NumPy's
    /// <c>standard_exponential(dtype=np.float32, method=method, out=...)</c>.
    /// </summary>
    /// <param name="destination">The values.</param>
    /// <param name="method">
    /// <c>"zig"</c> (NumPy's default, <c>random_standard_exponential_f</c>: a 256-layer ziggurat over one 32-bit draw per
    /// attempt, with <c>log1pf</c> in the tail and <c>expf</c> in the wedge test) or <c>"inv"</c>
    /// (<c>random_standard_exponential_inv_fill_f</c>: <c>-log1p(-U)</c> of a float uniform U, computed in double, as
    /// NumPy computes it, and rounded to float).
    /// </param>
    /// <remarks>Reproducibility tier: <b>stable</b> (bit-exact with NumPy 1.17+; the wedge test's <c>expf</c> is the platform's, glibc's on Linux).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="method"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="method"/> is neither "zig" nor "inv" (NumPy treats any other string as "inv"; here it is refused as a likely mistake).</exception>
    public void StandardExponential(Span<float> destination, string method = "zig")
    {
        if (IsInversion(method))
        {
            SingleDistributions.FillExponentialInverse(BitGenerator, destination);
        }
        else
        {
            SingleDistributions.FillExponential(BitGenerator, destination);
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with standard gamma floats of shape <paramref name="shape"/>, as NumPy's
    /// <c>standard_gamma(shape, dtype=np.float32, out=...)</c> (<c>random_standard_gamma_f</c>, all in single precision):
    /// the shape is first rounded to float, as NumPy does; shape 1 draws float exponentials, shape 0 gives zeros without
    /// drawing, a shape below 1 uses NumPy's rejection method on a float uniform and a float exponential per attempt,
    /// and a larger one Marsaglia and Tsang's method on the float normal ziggurat, with
    /// <c>powf</c>, <c>logf</c> and <c>sqrtf</c>.
    /// </summary>
    /// <remarks>
    /// Reproducibility tier: <b>stable</b> (bit-exact with NumPy 1.17+; <c>powf</c>/<c>logf</c>/<c>expf</c> are the
    /// platform's, which on Linux are glibc's, exactly NumPy's there). As in NumPy, the shape is checked even when
    /// <paramref name="destination"/> is empty.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shape"/>, rounded to float, is negative (including −0.0; NaN is accepted, as in NumPy).</exception>
    public void StandardGamma(double shape, Span<float> destination)
    {
        float shapeF = (float)shape;
        if (!float.IsNaN(shapeF) && float.IsNegative(shapeF))
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "shape < 0: shape must be non-negative.");
        }

        SingleDistributions.FillGamma(BitGenerator, shapeF, destination);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with uniform integers in [<paramref name="low"/>, <paramref name="high"/>) — or
    /// [low, high] when <paramref name="endpoint"/> is true — as NumPy's
    /// <c>integers(low, high, size, dtype=np.int64, endpoint=endpoint)</c> (Lemire's method; ranges below 2^32 draw 32-bit values).
    /// </summary>
    /// <remarks>Reproducibility tier: <b>stable</b>. As in NumPy, an empty request returns without checking the bounds.</remarks>
    /// <exception cref="ArgumentException">The range is empty and <paramref name="destination"/> is not.</exception>
    public void Integers(long low, long high, Span<long> destination, bool endpoint = false)
    {
        if (destination.IsEmpty)
        {
            return;
        }

        ulong rng = IntegerRange(low, high, endpoint);
        BoundedIntegers.Fill(BitGenerator, (ulong)low, rng, useMasked: false, MemoryMarshal.Cast<long, ulong>(destination));
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with uniform integers in [<paramref name="low"/>, <paramref name="high"/>) — or
    /// [low, high] when <paramref name="endpoint"/> is true — as NumPy's <c>integers(low, high, size, dtype=np.int32, endpoint=endpoint)</c>
    /// (<c>random_bounded_uint32_fill</c>: Lemire's method over one 32-bit draw per attempt; the full 32-bit range takes raw draws).
    /// </summary>
    /// <remarks>Reproducibility tier: <b>stable</b>. As in NumPy, an empty request returns without checking the bounds.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="low"/> is below −2^31, or the largest value asked for (<paramref name="high"/>, less 1 unless <paramref name="endpoint"/>) is above 2^31 − 1 (NumPy's "out of bounds for int32").</exception>
    /// <exception cref="ArgumentException">The range is empty (<paramref name="low"/> ≥ <paramref name="high"/>, or &gt; when <paramref name="endpoint"/> is true).</exception>
    public void Integers(long low, long high, Span<int> destination, bool endpoint = false)
    {
        if (!destination.IsEmpty)
        {
            (ulong offset, ulong rng) = NarrowRange(low, high, endpoint, int.MinValue, int.MaxValue, "int32");
            BoundedIntegers.FillUInt32(BitGenerator, (uint)offset, (uint)rng, useMasked: false, MemoryMarshal.Cast<int, uint>(destination));
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with uniform integers in [<paramref name="low"/>, <paramref name="high"/>) — or
    /// [low, high] when <paramref name="endpoint"/> is true — as NumPy's <c>integers(low, high, size, dtype=np.uint32, endpoint=endpoint)</c>
    /// (<c>random_bounded_uint32_fill</c>: Lemire's method over one 32-bit draw per attempt; the full 32-bit range takes raw draws).
    /// </summary>
    /// <remarks>Reproducibility tier: <b>stable</b>. As in NumPy, an empty request returns without checking the bounds.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="low"/> is negative, or the largest value asked for (<paramref name="high"/>, less 1 unless <paramref name="endpoint"/>) is above 2^32 − 1.</exception>
    /// <exception cref="ArgumentException">The range is empty.</exception>
    public void Integers(long low, long high, Span<uint> destination, bool endpoint = false)
    {
        if (!destination.IsEmpty)
        {
            (ulong offset, ulong rng) = NarrowRange(low, high, endpoint, 0, uint.MaxValue, "uint32");
            BoundedIntegers.FillUInt32(BitGenerator, (uint)offset, (uint)rng, useMasked: false, destination);
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with uniform integers in [<paramref name="low"/>, <paramref name="high"/>) — or
    /// [low, high] when <paramref name="endpoint"/> is true — as NumPy's <c>integers(low, high, size, dtype=np.int16, endpoint=endpoint)</c>
    /// (<c>random_bounded_uint16_fill</c>: Lemire's method over 16-bit draws, two out of each 32-bit draw, low half first,
    /// the last unused half of a call discarded; the full 16-bit range takes raw halves).
    /// </summary>
    /// <remarks>Reproducibility tier: <b>stable</b>. As in NumPy, an empty request returns without checking the bounds.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="low"/> is below −2^15, or the largest value asked for (<paramref name="high"/>, less 1 unless <paramref name="endpoint"/>) is above 2^15 − 1.</exception>
    /// <exception cref="ArgumentException">The range is empty.</exception>
    public void Integers(long low, long high, Span<short> destination, bool endpoint = false)
    {
        if (!destination.IsEmpty)
        {
            (ulong offset, ulong rng) = NarrowRange(low, high, endpoint, short.MinValue, short.MaxValue, "int16");
            BoundedIntegers.FillUInt16(BitGenerator, (ushort)offset, (ushort)rng, useMasked: false, MemoryMarshal.Cast<short, ushort>(destination));
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with uniform integers in [<paramref name="low"/>, <paramref name="high"/>) — or
    /// [low, high] when <paramref name="endpoint"/> is true — as NumPy's <c>integers(low, high, size, dtype=np.uint16, endpoint=endpoint)</c>
    /// (<c>random_bounded_uint16_fill</c>: 16-bit draws, two out of each 32-bit draw; see <see cref="Integers(long, long, Span{short}, bool)"/>).
    /// </summary>
    /// <remarks>Reproducibility tier: <b>stable</b>. As in NumPy, an empty request returns without checking the bounds.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="low"/> is negative, or the largest value asked for (<paramref name="high"/>, less 1 unless <paramref name="endpoint"/>) is above 2^16 − 1.</exception>
    /// <exception cref="ArgumentException">The range is empty.</exception>
    public void Integers(long low, long high, Span<ushort> destination, bool endpoint = false)
    {
        if (!destination.IsEmpty)
        {
            (ulong offset, ulong rng) = NarrowRange(low, high, endpoint, 0, ushort.MaxValue, "uint16");
            BoundedIntegers.FillUInt16(BitGenerator, (ushort)offset, (ushort)rng, useMasked: false, destination);
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with uniform integers in [<paramref name="low"/>, <paramref name="high"/>) — or
    /// [low, high] when <paramref name="endpoint"/> is true — as NumPy's <c>integers(low, high, size, dtype=np.int8, endpoint=endpoint)</c>
    /// (<c>random_bounded_uint8_fill</c>: Lemire's method over 8-bit draws, four out of each 32-bit draw, lowest byte
    /// first, the unused bytes of a call's last draw discarded; the full 8-bit range takes raw bytes).
    /// </summary>
    /// <remarks>Reproducibility tier: <b>stable</b>. As in NumPy, an empty request returns without checking the bounds.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="low"/> is below −128, or the largest value asked for (<paramref name="high"/>, less 1 unless <paramref name="endpoint"/>) is above 127.</exception>
    /// <exception cref="ArgumentException">The range is empty.</exception>
    public void Integers(long low, long high, Span<sbyte> destination, bool endpoint = false)
    {
        if (!destination.IsEmpty)
        {
            (ulong offset, ulong rng) = NarrowRange(low, high, endpoint, sbyte.MinValue, sbyte.MaxValue, "int8");
            BoundedIntegers.FillUInt8(BitGenerator, (byte)offset, (byte)rng, useMasked: false, MemoryMarshal.Cast<sbyte, byte>(destination));
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with uniform integers in [<paramref name="low"/>, <paramref name="high"/>) — or
    /// [low, high] when <paramref name="endpoint"/> is true — as NumPy's <c>integers(low, high, size, dtype=np.uint8, endpoint=endpoint)</c>
    /// (<c>random_bounded_uint8_fill</c>: 8-bit draws, four out of each 32-bit draw; see <see cref="Integers(long, long, Span{sbyte}, bool)"/>).
    /// </summary>
    /// <remarks>Reproducibility tier: <b>stable</b>. As in NumPy, an empty request returns without checking the bounds.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="low"/> is negative, or the largest value asked for (<paramref name="high"/>, less 1 unless <paramref name="endpoint"/>) is above 255.</exception>
    /// <exception cref="ArgumentException">The range is empty.</exception>
    public void Integers(long low, long high, Span<byte> destination, bool endpoint = false)
    {
        if (!destination.IsEmpty)
        {
            (ulong offset, ulong rng) = NarrowRange(low, high, endpoint, 0, byte.MaxValue, "uint8");
            BoundedIntegers.FillUInt8(BitGenerator, (byte)offset, (byte)rng, useMasked: false, destination);
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with booleans in [<paramref name="low"/>, <paramref name="high"/>) — or
    /// [low, high] when <paramref name="endpoint"/> is true — as NumPy's <c>integers(low, high, size, dtype=np.bool_, endpoint=endpoint)</c>
    /// (<c>random_bounded_bool_fill</c>): the range [0, 1] takes one bit a value, 32 values out of each 32-bit draw, lowest
    /// bit first; a one-value range ([0, 0] or [1, 1]) draws nothing.
    /// </summary>
    /// <remarks>Reproducibility tier: <b>stable</b>. As in NumPy, an empty request returns without checking the bounds.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="low"/> is negative, or the largest value asked for (<paramref name="high"/>, less 1 unless <paramref name="endpoint"/>) is above 1.</exception>
    /// <exception cref="ArgumentException">The range is empty.</exception>
    public void Integers(long low, long high, Span<bool> destination, bool endpoint = false)
    {
        if (!destination.IsEmpty)
        {
            (ulong offset, ulong rng) = NarrowRange(low, high, endpoint, 0, 1, "bool");
            BoundedIntegers.FillBool(BitGenerator, offset != 0, rng != 0, destination);
        }
    }

    /// <summary>
    /// One uniform integer of type <typeparamref name="T"/> in [<paramref name="low"/>, <paramref name="high"/>) — or
    /// [low, high] when <paramref name="endpoint"/> is true — as NumPy's scalar
    /// <c>integers(low, high, dtype=...)</c>, which draws exactly as a one-value fill (so a narrow dtype's buffered draw
    /// is not kept for the next call): <typeparamref name="T"/> is <see cref="long"/>, <see cref="int"/>,
    /// <see cref="uint"/>, <see cref="short"/>, <see cref="ushort"/>, <see cref="sbyte"/>, <see cref="byte"/> or
    /// <see cref="bool"/> (NumPy's int64, int32, uint32, int16, uint16, int8, uint8, bool).
    /// </summary>
    /// <remarks>Reproducibility tier: <b>stable</b>. <c>Integers&lt;long&gt;</c> is <see cref="Integers(long, long, bool)"/>.</remarks>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not one of the types above (NumPy's "Unsupported dtype").</exception>
    /// <exception cref="ArgumentOutOfRangeException">A bound is outside <typeparamref name="T"/>'s range (see the span overloads).</exception>
    /// <exception cref="ArgumentException">The range is empty.</exception>
    public T Integers<T>(long low, long high, bool endpoint = false)
        where T : unmanaged
    {
        T value = default;
        Span<T> one = MemoryMarshal.CreateSpan(ref value, 1);
        if (typeof(T) == typeof(long))
        {
            Integers(low, high, MemoryMarshal.Cast<T, long>(one), endpoint);
        }
        else if (typeof(T) == typeof(int))
        {
            Integers(low, high, MemoryMarshal.Cast<T, int>(one), endpoint);
        }
        else if (typeof(T) == typeof(uint))
        {
            Integers(low, high, MemoryMarshal.Cast<T, uint>(one), endpoint);
        }
        else if (typeof(T) == typeof(short))
        {
            Integers(low, high, MemoryMarshal.Cast<T, short>(one), endpoint);
        }
        else if (typeof(T) == typeof(ushort))
        {
            Integers(low, high, MemoryMarshal.Cast<T, ushort>(one), endpoint);
        }
        else if (typeof(T) == typeof(sbyte))
        {
            Integers(low, high, MemoryMarshal.Cast<T, sbyte>(one), endpoint);
        }
        else if (typeof(T) == typeof(byte))
        {
            Integers(low, high, MemoryMarshal.Cast<T, byte>(one), endpoint);
        }
        else if (typeof(T) == typeof(bool))
        {
            Integers(low, high, MemoryMarshal.Cast<T, bool>(one), endpoint);
        }
        else
        {
            throw new NotSupportedException($"Unsupported dtype {typeof(T).Name} for integers: use long, int, uint, short, ushort, sbyte, byte or bool.");
        }

        return value;
    }

    /// <summary>
    /// A shuffled copy of <paramref name="x"/>, as NumPy's <c>permuted(x)</c> of a one-dimensional array (which shuffles
    /// a copy as <see cref="Shuffle{T}(Span{T})"/> does); <paramref name="x"/> is unchanged.
    /// </summary>
    /// <remarks>Reproducibility tier: <b>stable</b> (bit-exact with NumPy 1.20+).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    public T[] Permuted<T>(T[] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        T[] result = x.AsSpan().ToArray();
        FisherYates.Shuffle(BitGenerator, result.AsSpan());
        return result;
    }

    /// <summary>
    /// Copies <paramref name="x"/> into <paramref name="destination"/> and shuffles it there, as NumPy's
    /// <c>permuted(x, out=destination)</c> of one-dimensional arrays (<paramref name="destination"/> may be
    /// <paramref name="x"/> itself, NumPy's in-place form).
    /// </summary>
    /// <remarks>Reproducibility tier: <b>stable</b> (bit-exact with NumPy 1.20+).</remarks>
    /// <exception cref="ArgumentException">The lengths differ (NumPy's "out must have the same shape as x").</exception>
    public void Permuted<T>(ReadOnlySpan<T> x, Span<T> destination)
    {
        if (x.Length != destination.Length)
        {
            throw new ArgumentException($"destination must have the same length as x ({destination.Length} against {x.Length}).", nameof(destination));
        }

        x.CopyTo(destination);
        FisherYates.Shuffle(BitGenerator, destination);
    }

    /// <summary>
    /// A shuffled copy of the two-dimensional <paramref name="x"/>, as NumPy's <c>permuted(x, axis=axis)</c>; <paramref name="x"/> is unchanged.
    /// </summary>
    /// <param name="x">The array (row-major, as a C-ordered NumPy array).</param>
    /// <param name="axis">
    /// Null (NumPy's default): the flattened array is shuffled as one, as <see cref="Shuffle{T}(Span{T})"/> does, and
    /// reshaped. 0: each column is shuffled independently, first column first; 1: each row, first row first (NumPy's
    /// iteration over all but the axis, in C order). −1 and −2 mean 1 and 0, as in NumPy.
    /// </param>
    /// <remarks>Reproducibility tier: <b>stable</b> (bit-exact with NumPy 1.20+).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside −2 … 1 (NumPy's AxisError).</exception>
    public T[,] Permuted<T>(T[,] x, int? axis = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        int? ax = NormalizeAxis(axis);
        var result = (T[,])x.Clone();
        PermuteInPlace(result, ax);
        return result;
    }

    /// <summary>
    /// Copies the two-dimensional <paramref name="x"/> into <paramref name="destination"/> and shuffles it there, as NumPy's
    /// <c>permuted(x, axis=axis, out=destination)</c> (see <see cref="Permuted{T}(T[,], int?)"/>); <paramref name="destination"/>
    /// may be <paramref name="x"/> itself, NumPy's in-place form.
    /// </summary>
    /// <remarks>Reproducibility tier: <b>stable</b> (bit-exact with NumPy 1.20+).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="destination"/> is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ (NumPy's "out must have the same shape as x").</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside −2 … 1.</exception>
    public void Permuted<T>(T[,] x, int? axis, T[,] destination)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(destination);
        if (x.GetLength(0) != destination.GetLength(0) || x.GetLength(1) != destination.GetLength(1))
        {
            throw new ArgumentException(
                $"destination must have the same shape as x ({destination.GetLength(0)} x {destination.GetLength(1)} against {x.GetLength(0)} x {x.GetLength(1)}).",
                nameof(destination));
        }

        int? ax = NormalizeAxis(axis);
        if (!ReferenceEquals(x, destination))
        {
            Array.Copy(x, destination, x.Length);
        }

        PermuteInPlace(destination, ax);
    }

    private static int? NormalizeAxis(int? axis)
    {
        if (axis is int a && (a < -2 || a > 1))
        {
            throw new ArgumentOutOfRangeException(nameof(axis), a, $"axis {a} is out of bounds for array of dimension 2.");
        }

        return axis < 0 ? axis + 2 : axis;
    }

    /// <summary>
    /// NumPy's <c>permuted</c> on a C-ordered 2-d array in place. With an axis NumPy shuffles each slice with
    /// <c>_shuffle_raw(first=0)</c>, whose last step (position 0) draws nothing, so each slice draws exactly what
    /// <see cref="FisherYates.Shuffle{T}(Engines.BitGenerator, Span{T})"/> draws.
    /// </summary>
    private void PermuteInPlace<T>(T[,] a, int? axis)
    {
        if (a.Length == 0)
        {
            return;
        }

        int rows = a.GetLength(0), cols = a.GetLength(1);
        Span<T> all = MemoryMarshal.CreateSpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(a)), a.Length);
        switch (axis)
        {
            case null:
                FisherYates.Shuffle(BitGenerator, all);
                break;
            case 1:
                for (int r = 0; r < rows; r++)
                {
                    FisherYates.Shuffle(BitGenerator, all.Slice(r * cols, cols));
                }

                break;
            default:
                var column = new T[rows];
                for (int c = 0; c < cols; c++)
                {
                    for (int r = 0; r < rows; r++)
                    {
                        column[r] = all[(r * cols) + c];
                    }

                    FisherYates.Shuffle(BitGenerator, column.AsSpan());
                    for (int r = 0; r < rows; r++)
                    {
                        all[(r * cols) + c] = column[r];
                    }
                }

                break;
        }
    }

    private static (ulong Offset, ulong Rng) NarrowRange(long low, long high, bool endpoint, long min, long max, string dtype)
    {
        // NumPy (_rand_{dtype}) compares Python integers: first low against the dtype, then the largest value asked for, then the order.
        Int128 highInclusive = endpoint ? high : (Int128)high - 1;
        if (low < min)
        {
            throw new ArgumentOutOfRangeException(nameof(low), low, $"low is out of bounds for {dtype}: it must be in [{min}, {max}].");
        }

        if (highInclusive > max)
        {
            throw new ArgumentOutOfRangeException(
                nameof(high), high, $"high is out of bounds for {dtype}: it must be at most {(endpoint ? max : (Int128)max + 1)} with endpoint = {endpoint}.");
        }

        if (low > highInclusive)
        {
            throw new ArgumentException($"low >{(endpoint ? string.Empty : "=")} high (low = {low}, high = {high}, endpoint = {endpoint}); the range must not be empty.", nameof(low));
        }

        return ((ulong)low, (ulong)(highInclusive - low));
    }
}

using System.Buffers.Binary;
using OneSeed.Distributions;
using OneSeed.Engines;

namespace OneSeed.Compat;

/// <summary>
/// NumPy's <c>numpy.random.Generator</c> over any <see cref="Engines.BitGenerator"/>: for the same engine state it
/// returns the same values, bit for bit, as NumPy 1.17+ (checked against NumPy 1.24), and leaves the engine in the
/// same state.
/// </summary>
/// <remarks>
/// <para>
/// Method names are NumPy's in PascalCase. Every method consumes exactly the raw draws its NumPy counterpart
/// consumes, so calls can be interleaved with direct use of the engine (or with another façade over it) as in Python.
/// The <c>size</c> overloads return one-dimensional arrays (NumPy's <c>size=n</c>); the overloads without
/// <c>size</c> are NumPy's scalar calls (<c>size=None</c>). Integer methods use NumPy's default <c>int64</c> dtype
/// and floating-point methods its default <c>float64</c>.
/// </para>
/// <para>
/// Arguments are validated as NumPy validates them (with the same conditions, as <see cref="ArgumentException"/>s);
/// invalid arguments throw before any draw, so the engine is unchanged.
/// </para>
/// <para>
/// Every method of NumPy 1.24's <c>Generator</c> is here, each distribution in <c>distributions.c</c>'s algorithm
/// (<c>src/OneSeed/Distributions</c>), float32 and narrow integer dtypes included.
/// </para>
/// <para>
/// Reproducibility tier: <b>stable</b> (bit-exact with NumPy's <c>Generator</c> over the same engine state), except
/// <c>MultivariateNormal</c>, which is within 1e-10 of NumPy on reference LAPACK (see its remarks). The platform
/// dependence is the C library's <c>log</c>, <c>exp</c>, <c>pow</c>, <c>cos</c> and <c>acos</c> that NumPy's algorithms
/// call (the ziggurats' wedge tests, most distributions): OneSeed calls <see cref="Math"/>'s, which are glibc's on
/// Linux, so the values match NumPy exactly there (docs/compatibility.md).
/// Not thread-safe, like the engine it wraps.
/// </para>
/// </remarks>
public sealed partial class NumPyGenerator
{
    // NumPy's atol for choice's probabilities: sqrt(finfo(float64).eps).

    /// <summary>Creates a generator drawing from <paramref name="bitGenerator"/> (NumPy's <c>Generator(bit_generator)</c>); the engine is shared, not copied.</summary>
    public NumPyGenerator(BitGenerator bitGenerator)
    {
        ArgumentNullException.ThrowIfNull(bitGenerator);
        BitGenerator = bitGenerator;
    }

    /// <summary>The engine this generator draws from (NumPy's <c>Generator.bit_generator</c>).</summary>
    public BitGenerator BitGenerator { get; }

    /// <summary>A double in [0, 1) with 53 random bits (NumPy's <c>random()</c>).</summary>
    public double Random() => BitGenerator.NextDouble();

    /// <summary><paramref name="size"/> doubles in [0, 1) (NumPy's <c>random(size)</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    public double[] Random(int size)
    {
        double[] result = NewArray<double>(size);
        BitGenerator.Fill(result.AsSpan());
        return result;
    }

    /// <summary>Fills <paramref name="destination"/> with doubles in [0, 1) (NumPy's <c>random(out=...)</c>).</summary>
    public void Random(Span<double> destination) => BitGenerator.Fill(destination);

    /// <summary>
    /// A uniform integer in [<paramref name="low"/>, <paramref name="high"/>) — or [low, high] when
    /// <paramref name="endpoint"/> is true — drawn as NumPy's <c>integers(low, high, endpoint=endpoint)</c> (int64,
    /// Lemire's method; ranges below 2^32 draw 32-bit values).
    /// </summary>
    /// <exception cref="ArgumentException">The range is empty (<paramref name="low"/> ≥ <paramref name="high"/>, or &gt; when <paramref name="endpoint"/> is true).</exception>
    public long Integers(long low, long high, bool endpoint = false)
    {
        ulong rng = IntegerRange(low, high, endpoint);
        return (long)BoundedIntegers.Next(BitGenerator, (ulong)low, rng, useMasked: false);
    }

    /// <summary>
    /// <paramref name="size"/> uniform integers in [<paramref name="low"/>, <paramref name="high"/>) — or [low, high]
    /// when <paramref name="endpoint"/> is true — as NumPy's <c>integers(low, high, size, endpoint=endpoint)</c>.
    /// </summary>
    /// <remarks>As in NumPy, an empty request (<paramref name="size"/> = 0) returns an empty array without checking the bounds.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    /// <exception cref="ArgumentException">The range is empty and <paramref name="size"/> is not 0.</exception>
    public long[] Integers(long low, long high, int size, bool endpoint = false)
    {
        long[] result = NewArray<long>(size);
        if (size == 0)
        {
            return result;
        }

        ulong rng = IntegerRange(low, high, endpoint);
        BoundedIntegers.Fill(BitGenerator, (ulong)low, rng, useMasked: false, System.Runtime.InteropServices.MemoryMarshal.Cast<long, ulong>(result.AsSpan()));
        return result;
    }

    /// <summary>A standard normal double (NumPy's <c>standard_normal()</c>, ziggurat).</summary>
    public double StandardNormal() => Distributions.StandardNormal.Next(BitGenerator);

    /// <summary><paramref name="size"/> standard normal doubles (NumPy's <c>standard_normal(size)</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    public double[] StandardNormal(int size)
    {
        double[] result = NewArray<double>(size);
        Distributions.StandardNormal.Fill(BitGenerator, result);
        return result;
    }

    /// <summary>A normal double, computed as NumPy does: <c>loc + scale * standard_normal()</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is negative (including −0.0, as in NumPy; NaN is accepted, as in NumPy).</exception>
    public double Normal(double loc, double scale)
    {
        CheckNonNegative(scale, nameof(scale));
        return loc + (scale * Distributions.StandardNormal.Next(BitGenerator));
    }

    /// <summary><paramref name="size"/> normal doubles (NumPy's <c>normal(loc, scale, size)</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is negative, or <paramref name="size"/> is negative.</exception>
    public double[] Normal(double loc, double scale, int size)
    {
        CheckNonNegative(scale, nameof(scale));
        double[] result = NewArray<double>(size);
        Distributions.StandardNormal.Fill(BitGenerator, result);
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = loc + (scale * result[i]);
        }

        return result;
    }

    /// <summary>A standard exponential double (NumPy's <c>standard_exponential()</c>, ziggurat).</summary>
    public double StandardExponential() => Distributions.StandardExponential.Next(BitGenerator);

    /// <summary><paramref name="size"/> standard exponential doubles (NumPy's <c>standard_exponential(size)</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    public double[] StandardExponential(int size)
    {
        double[] result = NewArray<double>(size);
        Distributions.StandardExponential.Fill(BitGenerator, result);
        return result;
    }

    /// <summary>An exponential double with mean <paramref name="scale"/>: <c>scale * standard_exponential()</c>, as NumPy's <c>exponential(scale)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is negative (including −0.0, as in NumPy).</exception>
    public double Exponential(double scale = 1.0)
    {
        CheckNonNegative(scale, nameof(scale));
        return scale * Distributions.StandardExponential.Next(BitGenerator);
    }

    /// <summary><paramref name="size"/> exponential doubles with mean <paramref name="scale"/> (NumPy's <c>exponential(scale, size)</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> or <paramref name="size"/> is negative.</exception>
    public double[] Exponential(double scale, int size)
    {
        CheckNonNegative(scale, nameof(scale));
        double[] result = NewArray<double>(size);
        Distributions.StandardExponential.Fill(BitGenerator, result);
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = scale * result[i];
        }

        return result;
    }

    /// <summary>A double in [<paramref name="low"/>, <paramref name="high"/>): <c>low + (high - low) * random()</c>, as NumPy's <c>uniform(low, high)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><c>high - low</c> is not finite, or is negative (including −0.0), as NumPy refuses.</exception>
    public double Uniform(double low, double high)
    {
        double range = UniformRange(low, high);
        return low + (range * BitGenerator.NextDouble());
    }

    /// <summary><paramref name="size"/> doubles in [<paramref name="low"/>, <paramref name="high"/>) (NumPy's <c>uniform(low, high, size)</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is invalid (see <see cref="Uniform(double, double)"/>) or <paramref name="size"/> is negative.</exception>
    public double[] Uniform(double low, double high, int size)
    {
        double range = UniformRange(low, high);
        double[] result = NewArray<double>(size);
        BitGenerator.Fill(result.AsSpan());
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = low + (range * result[i]);
        }

        return result;
    }

    /// <summary>A random permutation of 0 … <paramref name="n"/> − 1 (NumPy's <c>permutation(n)</c>: <c>arange(n)</c> shuffled by <see cref="Shuffle{T}(Span{T})"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative (NumPy returns an empty array; we refuse it as a likely bug) or exceeds the largest array.</exception>
    public long[] Permutation(long n) => FisherYates.Permutation(BitGenerator, n);

    /// <summary>
    /// Shuffles <paramref name="list"/> in place as NumPy's <c>shuffle(x)</c> does for a sequence or a 1-d array: for i
    /// from n − 1 down to 1, swap x[i] with x[j], j drawn by <see cref="BoundedIntegers.Interval"/>(i).
    /// </summary>
    public void Shuffle<T>(IList<T> list) => FisherYates.Shuffle(BitGenerator, list);

    /// <summary>Shuffles <paramref name="span"/> in place, exactly as NumPy's <c>shuffle</c> of a 1-d array (see <see cref="Shuffle{T}(IList{T})"/>).</summary>
    public void Shuffle<T>(Span<T> span) => FisherYates.Shuffle(BitGenerator, span);

    /// <summary>
    /// <paramref name="length"/> random bytes (NumPy's <c>bytes(length)</c>: ⌈length/4⌉ raw 32-bit draws, little-endian, truncated; like NumPy, <c>Bytes(0)</c> still consumes one 32-bit draw).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public byte[] Bytes(int length) => Bytes(BitGenerator, length);

    /// <summary>One sample from 0 … <paramref name="a"/> − 1 (NumPy's scalar <c>choice(a, replace=..., p=..., shuffle=...)</c>, which draws as <c>size=1</c>).</summary>
    /// <exception cref="ArgumentException">See <see cref="Choice(long, int, bool, double[], bool)"/>.</exception>
    public long Choice(long a, bool replace = true, double[]? p = null, bool shuffle = true) => Choice(a, 1, replace, p, shuffle)[0];

    /// <summary>
    /// <paramref name="size"/> samples from 0 … <paramref name="a"/> − 1, exactly as NumPy's
    /// <c>choice(a, size, replace, p, shuffle=shuffle)</c>, every branch included: with replacement, uniform
    /// (<c>integers</c>) or weighted (cumulative sums and a right-sided search); without replacement and without
    /// weights, a partial shuffle of the whole population for large populations (a &gt; 10000 and size &gt; a // 50,
    /// or a // 20 when <paramref name="shuffle"/> is false) and otherwise Floyd's algorithm followed by a shuffle;
    /// without replacement with weights, NumPy's repeated draws that zero out the values already taken.
    /// </summary>
    /// <param name="a">The population size.</param>
    /// <param name="size">The number of samples.</param>
    /// <param name="replace">Whether a value can be drawn more than once.</param>
    /// <param name="p">Probabilities of each value (length <paramref name="a"/>, non-negative, summing to 1 within √ε), or null for uniform.</param>
    /// <param name="shuffle">Without replacement and weights: whether Floyd's sample is shuffled (if false its order is not random).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    /// <exception cref="ArgumentException">NumPy's conditions: <paramref name="a"/> ≤ 0 with samples requested; <paramref name="p"/> of the wrong length, with NaN, negative entries, or not summing to 1; without replacement, <paramref name="size"/> &gt; <paramref name="a"/> or fewer non-zero probabilities than <paramref name="size"/>.</exception>
    public long[] Choice(long a, int size, bool replace = true, double[]? p = null, bool shuffle = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (a <= 0 && size != 0)
        {
            throw new ArgumentException($"a must be a positive integer unless no samples are taken (a = {a}, size = {size}).", nameof(a));
        }

        if (p is not null)
        {
            WeightedChoice.Validate(a, p);
        }

        if (replace)
        {
            return p is null ? Integers(0, a, size) : WeightedChoice.WithReplacement(BitGenerator, p, size);
        }

        if (size > a)
        {
            throw new ArgumentException($"Cannot take a larger sample than population when replace is False (size = {size}, a = {a}).", nameof(size));
        }

        if (p is not null)
        {
            return WeightedChoice.WithoutReplacement(BitGenerator, p, size);
        }

        long cutoff = shuffle ? 50 : 20;
        if (a > 10000 && size > a / cutoff)
        {
            return ChoiceTailShuffle(a, size);
        }

        return ChoiceFloyd(a, size, shuffle);
    }

    /// <inheritdoc />
    public override string ToString() => $"NumPyGenerator({BitGenerator})";

    /// <summary><see cref="Bytes(int)"/> over any engine (also <c>RandomState.bytes</c>, which draws the same words).</summary>
    internal static byte[] Bytes(BitGenerator engine, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        byte[] result = new byte[length];
        if (length == 0)
        {
            // NumPy computes ((length - 1) // 4 + 1) words with C division (cdivision=True), so bytes(0) still draws one word.
            engine.NextUInt32();
            return result;
        }

        Span<byte> word = stackalloc byte[4];
        for (int i = 0; i < length; i += 4)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(word, engine.NextUInt32());
            int n = Math.Min(4, length - i);
            word[..n].CopyTo(result.AsSpan(i));
        }

        return result;
    }

    private static T[] NewArray<T>(int size, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(size))] string? name = null)
        where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size, name);
        return ResultArrays.Uninitialized<T>(size);
    }

    private static ulong IntegerRange(long low, long high, bool endpoint)
    {
        // NumPy compares with Python integers, so high - 1 cannot wrap: compare before subtracting.
        if (endpoint ? low > high : low >= high)
        {
            throw new ArgumentException($"low >{(endpoint ? string.Empty : "=")} high (low = {low}, high = {high}, endpoint = {endpoint}); the range must not be empty.", nameof(low));
        }

        long highInclusive = endpoint ? high : high - 1;
        return unchecked((ulong)highInclusive - (ulong)low);
    }

    private static void CheckNonNegative(double value, string name)
    {
        // NumPy's CONS_NON_NEGATIVE: refuses a set sign bit (so −0.0 too) but lets NaN through.
        if (!double.IsNaN(value) && double.IsNegative(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} < 0: {name} must be non-negative.");
        }
    }

    private static double UniformRange(double low, double high)
    {
        double range = high - low;
        if (!double.IsFinite(range))
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"high - low range exceeds valid bounds (low = {low}, high = {high}).");
        }

        if (double.IsNegative(range))
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"high - low < 0 (low = {low}, high = {high}): high must not be below low.");
        }

        return range;
    }

    private long[] ChoiceTailShuffle(long a, int size)
    {
        if (a > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(a), a, $"NumPy's tail-shuffle branch of choice materialises all {a} values, more than an array can hold.");
        }

        long[] idx = new long[a];
        for (int i = 0; i < idx.Length; i++)
        {
            idx[i] = i;
        }

        ShuffleInt64(idx, Math.Max(a - size, 1));
        return idx.AsSpan((int)(a - size)).ToArray();
    }

    private long[] ChoiceFloyd(long a, int size, bool shuffle)
    {
        long[] idx = new long[size];

        // NumPy: the smallest power of two above 1.2 * size, via gen_mask of the truncated product.
        ulong mask = BoundedIntegers.Mask((ulong)(1.2 * size));
        ulong[] hashSet = new ulong[mask + 1];
        hashSet.AsSpan().Fill(ulong.MaxValue);
        for (long j = a - size; j < a; j++)
        {
            ulong val = BoundedIntegers.Next(BitGenerator, 0, (ulong)j, useMasked: false);
            ulong loc = val & mask;
            while (hashSet[loc] != ulong.MaxValue && hashSet[loc] != val)
            {
                loc = (loc + 1) & mask;
            }

            if (hashSet[loc] == ulong.MaxValue)
            {
                hashSet[loc] = val;
                idx[j - a + size] = (long)val;
            }
            else
            {
                loc = (ulong)j & mask;
                while (hashSet[loc] != ulong.MaxValue)
                {
                    loc = (loc + 1) & mask;
                }

                hashSet[loc] = (ulong)j;
                idx[j - a + size] = j;
            }
        }

        if (shuffle)
        {
            ShuffleInt64(idx, 1);
        }

        return idx;
    }

    // NumPy's _shuffle_int: unlike shuffle(), it draws with random_bounded_uint64 (Lemire), not random_interval.
    private void ShuffleInt64(long[] data, long first)
    {
        for (long i = data.Length - 1; i >= first; i--)
        {
            long j = (long)BoundedIntegers.Next(BitGenerator, 0, (ulong)i, useMasked: false);
            (data[i], data[j]) = (data[j], data[i]);
        }
    }
}

using System.Runtime.InteropServices;
using OneSeed.Distributions;
using OneSeed.Engines;
using OneSeed.Seeding;

namespace OneSeed.Compat;

/// <summary>
/// NumPy's legacy <c>numpy.random.RandomState</c> (what <c>np.random.seed</c> and the <c>np.random.*</c> functions use):
/// the same numbers, bit for bit, for the same seed, draw sequence and state.
/// </summary>
/// <remarks>
/// <para>
/// An <see cref="Mt19937"/> engine plus the legacy Gaussian cache (<c>has_gauss</c>, <c>gauss</c>): the polar
/// Box–Muller method produces two normals per accepted pair and keeps the second for the next normal draw, so the
/// cache is part of the stream and of <see cref="GetState"/>. Integers are NumPy's default <c>int</c> dtype on
/// Linux (int64), drawn by masked rejection; doubles take 27 + 26 bits of two 32-bit draws.
/// </para>
/// <para>
/// Not thread-safe (NumPy serialises calls with a lock; give each thread its own instance).
/// </para>
/// <para>
/// Every method of NumPy 1.24's <c>RandomState</c> is here, each distribution in <c>legacy-distributions.c</c>'s
/// algorithm where NumPy keeps one.
/// </para>
/// <para>
/// Reproducibility tier: <b>stable</b> (NumPy froze this stream under NEP 19), except <c>MultivariateNormal</c>, which is
/// within 1e-10 of NumPy on reference LAPACK (see its remarks). Normals use the platform's natural
/// logarithm (<see cref="Math.Log(double)"/>), as NumPy does; on Linux that is glibc's <c>log</c>, the very function
/// NumPy calls. Other C runtimes may, in rare cases, round <c>log</c> differently in the last bit.
/// </para>
/// </remarks>
public sealed partial class NumPyRandomState
{
    private const string SeedArrayName = "seed";

    // NumPy's choice() accepts probabilities that sum to 1 within sqrt(float64 eps) = sqrt(2^-52) = 2^-26.

    // The process-wide instance behind Shared, replaceable per thread / async flow by OneSeed's runtime (data-loader workers).
    internal static readonly AmbientSlot<NumPyRandomState> SharedSlot = new(static () => new NumPyRandomState());

    private readonly Mt19937 _engine;
    private PolarGaussian _gauss;

    /// <summary>
    /// The shared instance that NumPy's module-level functions use (<c>np.random.seed(s)</c>, <c>np.random.rand()</c>, ...:
    /// <c>np.random.mtrand._rand</c>): seeded from operating-system entropy at first use, as NumPy does at import, and
    /// seeded with the run's seed by <see cref="OneSeed.Seed.Everything(uint)"/> (as <c>np.random.seed(seed)</c>).
    /// </summary>
    /// <remarks>
    /// Not thread-safe: draw from one thread, or give each thread its own instance with
    /// <see cref="OneSeed.Seed.UseAmbient(AmbientSources)"/>, which replaces what <see cref="Shared"/> returns for the
    /// current thread and async flow (data-loader workers do this).
    /// </remarks>
    public static NumPyRandomState Shared => SharedSlot.Current;

    /// <summary>
    /// A generator seeded with fresh entropy from the operating system, as <c>RandomState()</c> (an
    /// <c>MT19937</c> seeded through a fresh <see cref="SeedSequence"/>).
    /// </summary>
    public NumPyRandomState()
        : this(new Mt19937(new SeedSequence()))
    {
    }

    /// <summary>A generator seeded as <c>RandomState(seed)</c> (the reference <c>init_genrand</c>).</summary>
    public NumPyRandomState(uint seed)
        : this(Mt19937.CreateLegacy(seed))
    {
    }

    /// <summary>
    /// A generator seeded as <c>RandomState(np.array(seed, dtype=np.uint32))</c>: a one-element array is squeezed to
    /// the integer seed (as NumPy does for arrays), longer arrays go through <c>init_by_array</c>.
    /// </summary>
    /// <remarks>
    /// NumPy does not squeeze a one-element Python <i>list</i>: <c>RandomState([5])</c> uses <c>init_by_array</c>;
    /// for that stream use <c>new NumPyRandomState(Mt19937.CreateLegacy([5u]))</c>.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="seed"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="seed"/> is empty.</exception>
    public NumPyRandomState(uint[] seed)
        : this(CreateLegacy(seed))
    {
    }

    /// <summary>
    /// Wraps an existing engine, as <c>RandomState(MT19937(...))</c>; the engine is shared, not copied, and the
    /// Gaussian cache starts empty.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="bitGenerator"/> is null.</exception>
    public NumPyRandomState(Mt19937 bitGenerator)
    {
        ArgumentNullException.ThrowIfNull(bitGenerator);
        _engine = bitGenerator;
    }

    /// <summary>The underlying engine (NumPy's <c>_bit_generator</c>); drawing from it directly advances this generator.</summary>
    public Mt19937 BitGenerator => _engine;

    /// <summary>
    /// Reseeds with fresh OS entropy, as <c>seed()</c> / <c>seed(None)</c>, and empties the Gaussian cache.
    /// </summary>
    /// <remarks>
    /// Like NumPy, this replaces the key (from a fresh <see cref="SeedSequence"/>, first word forced to 0x80000000)
    /// but keeps the current read position.
    /// </remarks>
    public void Seed()
    {
        uint[] key = new SeedSequence().GenerateState(Mt19937.StateLength);
        key[0] = 0x80000000;
        _engine.SetState(new Mt19937State(key, _engine.GetState().Position));
        ResetGauss();
    }

    /// <summary>Reseeds as <c>seed(seed)</c> (<c>init_genrand</c>) and empties the Gaussian cache.</summary>
    public void Seed(uint seed)
    {
        _engine.SetState(Mt19937.CreateLegacy(seed).GetState());
        ResetGauss();
    }

    /// <summary>
    /// Reseeds as <c>seed(np.array(seed, dtype=np.uint32))</c> (one element: <c>init_genrand</c>; more:
    /// <c>init_by_array</c>) and empties the Gaussian cache.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="seed"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="seed"/> is empty.</exception>
    public void Seed(uint[] seed)
    {
        _engine.SetState(CreateLegacy(seed).GetState());
        ResetGauss();
    }

    /// <summary>One double in [0, 1), as <c>random_sample()</c>.</summary>
    public double RandomSample() => _engine.NextDouble();

    /// <summary><paramref name="size"/> doubles in [0, 1), as <c>random_sample(size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    public double[] RandomSample(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        double[] result = ResultArrays.Uninitialized<double>(size);
        RandomSample(result);
        return result;
    }

    /// <summary>Fills <paramref name="destination"/> with doubles in [0, 1), as <c>random_sample(len)</c>.</summary>
    public void RandomSample(Span<double> destination) => _engine.Fill(destination);

    /// <summary>One double in [0, 1), as <c>rand()</c> (the same as <see cref="RandomSample()"/>).</summary>
    public double Rand() => RandomSample();

    /// <summary><paramref name="size"/> doubles in [0, 1), as <c>rand(size)</c> (the same as <see cref="RandomSample(int)"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    public double[] Rand(int size) => RandomSample(size);

    /// <summary>One integer in [<paramref name="low"/>, <paramref name="high"/>), as <c>randint(low, high)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="low"/> ≥ <paramref name="high"/>.</exception>
    public long RandInt(long low, long high)
    {
        ulong rng = CheckBounds(low, high);
        Span<ulong> one = stackalloc ulong[1];
        BoundedIntegers.Fill(_engine, (ulong)low, rng, useMasked: true, one);
        return (long)one[0];
    }

    /// <summary>One integer in [0, <paramref name="high"/>), as <c>randint(high)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="high"/> ≤ 0.</exception>
    public long RandInt(long high) => RandInt(0, high);

    /// <summary>
    /// <paramref name="size"/> integers in [<paramref name="low"/>, <paramref name="high"/>), as
    /// <c>randint(low, high, size)</c> (int64, masked rejection; ranges up to 2^32 draw 32 bits per attempt).
    /// </summary>
    /// <remarks>As in NumPy, a size of 0 returns an empty array without checking the bounds.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative, or <paramref name="low"/> ≥ <paramref name="high"/>.</exception>
    public long[] RandInt(long low, long high, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (size == 0)
        {
            return [];
        }

        ulong rng = CheckBounds(low, high);
        long[] result = ResultArrays.Uninitialized<long>(size);
        BoundedIntegers.Fill(_engine, (ulong)low, rng, useMasked: true, MemoryMarshal.Cast<long, ulong>(result.AsSpan()));
        return result;
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with integers in [<paramref name="low"/>, <paramref name="high"/>): the
    /// values and final state of <see cref="RandInt(long, long, int)"/> for a size of <paramref name="destination"/>.Length,
    /// without allocating (NumPy's legacy API has no <c>out=</c>; this is the .NET form of the same draws).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="low"/> ≥ <paramref name="high"/> (checked even for an empty span).</exception>
    public void RandInt(long low, long high, Span<long> destination)
    {
        ulong rng = CheckBounds(low, high);
        BoundedIntegers.Fill(_engine, (ulong)low, rng, useMasked: true, MemoryMarshal.Cast<long, ulong>(destination));
    }

    /// <summary>
    /// One integer in the closed range [<paramref name="low"/>, <paramref name="high"/>], as the deprecated
    /// <c>random_integers(low, high)</c> (= <c>randint(low, high + 1)</c>; reaches the full int64 span).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="low"/> &gt; <paramref name="high"/>.</exception>
    public long RandomIntegers(long low, long high)
    {
        ulong rng = CheckClosedBounds(low, high);
        Span<ulong> one = stackalloc ulong[1];
        BoundedIntegers.Fill(_engine, (ulong)low, rng, useMasked: true, one);
        return (long)one[0];
    }

    /// <summary><paramref name="size"/> integers in [<paramref name="low"/>, <paramref name="high"/>], as <c>random_integers(low, high, size)</c>.</summary>
    /// <remarks>As in NumPy, a size of 0 returns an empty array without checking the bounds.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative, or <paramref name="low"/> &gt; <paramref name="high"/>.</exception>
    public long[] RandomIntegers(long low, long high, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (size == 0)
        {
            return [];
        }

        ulong rng = CheckClosedBounds(low, high);
        long[] result = ResultArrays.Uninitialized<long>(size);
        BoundedIntegers.Fill(_engine, (ulong)low, rng, useMasked: true, MemoryMarshal.Cast<long, ulong>(result.AsSpan()));
        return result;
    }

    /// <summary>One standard normal value, as <c>standard_normal()</c> (legacy polar Box–Muller with the cached second value).</summary>
    public double StandardNormal() => Gauss();

    /// <summary><paramref name="size"/> standard normal values, as <c>standard_normal(size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    public double[] StandardNormal(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        double[] result = ResultArrays.Uninitialized<double>(size);
        StandardNormal(result);
        return result;
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with standard normal values: the values and final state (Gaussian cache
    /// included) of <see cref="StandardNormal(int)"/> for a size of <paramref name="destination"/>.Length, without allocating.
    /// </summary>
    public void StandardNormal(Span<double> destination) => _gauss.Fill(_engine, destination);

    /// <summary><paramref name="size"/> standard normal values, as <c>randn(size)</c> (the same as <see cref="StandardNormal(int)"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    public double[] RandN(int size) => StandardNormal(size);

    /// <summary>One normal value <c>loc + scale * standard_normal()</c>, as <c>normal(loc, scale)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is negative (including −0.0, as NumPy).</exception>
    public double Normal(double loc, double scale)
    {
        CheckScale(scale);
        return loc + (scale * Gauss());
    }

    /// <summary><paramref name="size"/> normal values, as <c>normal(loc, scale, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is negative (including −0.0), or <paramref name="size"/> is negative.</exception>
    public double[] Normal(double loc, double scale, int size)
    {
        CheckScale(scale);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        double[] result = ResultArrays.Uninitialized<double>(size);
        _gauss.Fill(_engine, result);
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = loc + (scale * result[i]);
        }

        return result;
    }

    /// <summary>One value <c>low + (high - low) * random_sample()</c>, as <c>uniform(low, high)</c> (<paramref name="high"/> may be below <paramref name="low"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><c>high - low</c> is not finite (NumPy: "Range exceeds valid bounds").</exception>
    public double Uniform(double low, double high)
    {
        double range = CheckRange(low, high);
        return low + (range * _engine.NextDouble());
    }

    /// <summary><paramref name="size"/> values <c>low + (high - low) * random_sample()</c>, as <c>uniform(low, high, size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><c>high - low</c> is not finite, or <paramref name="size"/> is negative.</exception>
    public double[] Uniform(double low, double high, int size)
    {
        double range = CheckRange(low, high);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        double[] result = RandomSample(size);
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = low + (range * result[i]);
        }

        return result;
    }

    /// <summary>A random permutation of 0 … <paramref name="n"/> − 1, as <c>permutation(n)</c> (a shuffled <c>arange(n)</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative or larger than an array can hold (NumPy returns an empty array for negative n).</exception>
    public long[] Permutation(long n) => FisherYates.Permutation(_engine, n);

    /// <summary>Shuffles <paramref name="items"/> in place, as <c>shuffle(x)</c> (Fisher–Yates from the end, <c>random_interval</c> draws).</summary>
    public void Shuffle<T>(Span<T> items) => FisherYates.Shuffle(_engine, items);

    /// <summary>Shuffles <paramref name="items"/> in place, as <c>shuffle(x)</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public void Shuffle<T>(T[] items) => FisherYates.Shuffle(_engine, (IList<T>)items);

    /// <summary>Shuffles <paramref name="items"/> in place, as <c>shuffle(x)</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public void Shuffle<T>(IList<T> items) => FisherYates.Shuffle(_engine, items);

    /// <summary>One element of 0 … <paramref name="a"/> − 1, as <c>choice(a, replace=replace, p=p)</c> (the same draws as a size of 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> ≤ 0.</exception>
    /// <exception cref="ArgumentException"><paramref name="p"/> is invalid (see <see cref="Choice(long, int, bool, double[])"/>).</exception>
    public long Choice(long a, bool replace = true, double[]? p = null) => Choice(a, 1, replace, p)[0];

    /// <summary>
    /// <paramref name="size"/> elements of 0 … <paramref name="a"/> − 1, as <c>choice(a, size, replace, p)</c>: uniform
    /// <c>randint</c> draws; or inverse-CDF draws over <paramref name="p"/>; or the first <paramref name="size"/> of a
    /// permutation; or, without replacement and with <paramref name="p"/>, NumPy's redraw-and-zero loop.
    /// </summary>
    /// <param name="a">The population size.</param>
    /// <param name="size">The number of samples.</param>
    /// <param name="replace">Whether an element may be drawn more than once.</param>
    /// <param name="p">The probability of each element (length <paramref name="a"/>, non-negative, summing to 1 within √ε ≈ 1.5e-8), or null for uniform.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative; <paramref name="a"/> ≤ 0 with a non-zero size; or, without replacement, <paramref name="size"/> exceeds the population.</exception>
    /// <exception cref="ArgumentException"><paramref name="p"/> has the wrong length, contains NaN or negative values, or does not sum to 1; or, without replacement, has fewer non-zero entries than <paramref name="size"/>.</exception>
    public long[] Choice(long a, int size, bool replace = true, double[]? p = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (a <= 0 && size != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(a), a, "a must be greater than 0 unless no samples are taken.");
        }

        if (p is not null)
        {
            WeightedChoice.Validate(a, p);
        }

        if (replace)
        {
            return p is null ? RandInt(0, a, size) : WeightedChoice.WithReplacement(_engine, p, size);
        }

        if (size > a)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"Cannot take a larger sample than the population ({a}) when replace is false.");
        }

        if (p is null)
        {
            return Permutation(a)[..size];
        }

        return WeightedChoice.WithoutReplacement(_engine, p, size);
    }

    /// <summary>A copy of the complete state (engine and Gaussian cache), as <c>get_state(legacy=False)</c>.</summary>
    public NumPyLegacyState GetState() => new(_engine.GetState(), _gauss.HasCached, _gauss.Cached);

    /// <summary>Replaces the complete state, as <c>set_state(state)</c>; an invalid state changes nothing.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    public void SetState(NumPyLegacyState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _engine.SetState(state.BitGeneratorState);
        _gauss.HasCached = state.HasGauss;
        _gauss.Cached = state.CachedGaussian;
    }

    /// <summary>
    /// Replaces the complete state from NumPy's legacy tuple, as
    /// <c>set_state(('MT19937', key, pos, has_gauss, cached_gaussian))</c>; an invalid state changes nothing.
    /// </summary>
    /// <param name="algorithm">Must be <c>"MT19937"</c>.</param>
    /// <param name="key">The 624 key words.</param>
    /// <param name="pos">The read position, 0 … 624.</param>
    /// <param name="hasGauss">Non-zero when a Gaussian value is cached (as NumPy, any non-zero int means true).</param>
    /// <param name="cachedGaussian">The cached value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> or <paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The algorithm is not MT19937, or the key, position or cached value is invalid.</exception>
    public void SetState(string algorithm, uint[] key, int pos, int hasGauss = 0, double cachedGaussian = 0)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        ArgumentNullException.ThrowIfNull(key);
        if (algorithm != "MT19937")
        {
            throw new ArgumentException($"set_state can only be used with legacy MT19937 state instances, not '{algorithm}'.", nameof(algorithm));
        }

        SetState(new NumPyLegacyState(new Mt19937State(key, pos), hasGauss != 0, cachedGaussian));
    }

    /// <summary>The complete state as JSON in NumPy's <c>get_state(legacy=False)</c> layout (what <c>tools/state_json.py</c> reads).</summary>
    public string GetStateJson() => GetState().ToJson();

    /// <summary>Replaces the complete state from JSON in NumPy's <c>get_state(legacy=False)</c> layout; invalid JSON changes nothing.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">The JSON is malformed, for another bit generator, or describes an invalid state.</exception>
    public void SetStateJson(string json) => SetState(NumPyLegacyState.FromJson(json));

    /// <inheritdoc />
    public override string ToString() => "NumPyRandomState(MT19937)";

    private static Mt19937 CreateLegacy(uint[] seed)
    {
        ArgumentNullException.ThrowIfNull(seed, SeedArrayName);
        return seed.Length switch
        {
            0 => throw new ArgumentException("The seed array must be non-empty.", SeedArrayName),
            1 => Mt19937.CreateLegacy(seed[0]),
            _ => Mt19937.CreateLegacy(seed),
        };
    }

    private static ulong CheckBounds(long low, long high)
    {
        if (low >= high)
        {
            throw low == 0
                ? new ArgumentOutOfRangeException(nameof(high), high, "high <= 0: randint(high) draws from [0, high).")
                : new ArgumentOutOfRangeException(nameof(high), high, $"low >= high: the range [{low}, {high}) is empty.");
        }

        return (ulong)(high - 1) - (ulong)low;
    }

    private static ulong CheckClosedBounds(long low, long high)
    {
        if (low > high)
        {
            throw low == 0
                ? new ArgumentOutOfRangeException(nameof(high), high, "high < 0: the range [0, high] is empty.")
                : new ArgumentOutOfRangeException(nameof(high), high, $"low > high: the range [{low}, {high}] is empty.");
        }

        return (ulong)high - (ulong)low;
    }

    private static void CheckScale(double scale)
    {
        if (!double.IsNaN(scale) && double.IsNegative(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale < 0: the scale must be non-negative.");
        }
    }

    private static double CheckRange(double low, double high)
    {
        double range = high - low;
        return double.IsFinite(range)
            ? range
            : throw new ArgumentOutOfRangeException(nameof(high), high, $"Range exceeds valid bounds: high - low must be finite (low is {low}).");
    }

    private double Gauss()
    {
        var source = new VirtualSource(_engine);
        return _gauss.Sample(ref source);
    }

    private void ResetGauss() => _gauss = default;
}

using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using OneSeed.Distributions;
using OneSeed.Engines;

namespace OneSeed.Compat;

/// <summary>
/// CPython 3's <c>random.Random</c>, bit for bit: the same seeding, the same integers, choices, shuffles, samples
/// and floats for the same seed, and the same state layout (<c>getstate()</c>/<c>setstate()</c>). Every public method
/// of CPython 3.11's <c>random.Random</c> has its counterpart here.
/// </summary>
/// <remarks>
/// <para>
/// Seeding: an integer seed <c>n</c> feeds the little-endian 32-bit words of |n| (one zero word for 0) to
/// MT19937's <c>init_by_array</c>; a string is UTF-8 encoded and, like a byte array, becomes the big-endian integer
/// of its bytes followed by their SHA-512 digest (CPython's default "version 2" seeding); no seed means 624 words of
/// operating-system entropy, as <c>random.Random()</c>. Integers come from <c>getrandbits</c> with rejection
/// (<c>_randbelow_with_getrandbits</c>); floats are CPython's 53-bit <c>random()</c>; every distribution is
/// <c>random.py</c>'s algorithm, operation for operation.
/// </para>
/// <para>
/// Reproducibility tier: <b>stable</b>. Checked bit for bit against CPython 3.11 (the seeding, <c>random()</c>,
/// <c>getrandbits</c>, <c>randrange</c>/<c>randint</c>/<c>choice</c>/<c>shuffle</c>/<c>sample</c> and <c>gauss</c>
/// algorithms have been the same since CPython 3.2; <c>RandBytes</c> and <c>GetRandBits(0)</c> need 3.9, and 3.12 changed
/// <c>randrange</c>'s handling of non-integer arguments only, which this integer-only API does not have).
/// <see cref="Random"/>, <see cref="Uniform"/>, <see cref="Triangular"/>, <see cref="Choices"/> and the integer paths
/// use only exact arithmetic (and <see cref="Math.Sqrt"/>, which is correctly rounded everywhere), so they are identical
/// on every platform. <see cref="Gauss"/>, <see cref="NormalVariate"/>, <see cref="ExpoVariate"/>,
/// <see cref="LogNormVariate"/>, <see cref="GammaVariate"/>, <see cref="BetaVariate"/>, <see cref="ParetoVariate"/>,
/// <see cref="VonMisesVariate"/> and <see cref="WeibullVariate"/> call <c>log</c>, <c>exp</c>, <c>cos</c>, <c>sin</c>,
/// <c>acos</c> or <c>pow</c> through <see cref="Math"/>, which .NET delegates to the platform's C math library, as
/// CPython does: on Linux (glibc) both give the same bits; on other operating systems they match a CPython on the same
/// OS only as far as the two use the same libm (in practice they do, but it is not guaranteed).
/// </para>
/// <para>
/// Errors are .NET exceptions: <see cref="ArgumentException"/>s naming the parameter where CPython raises ValueError,
/// TypeError, IndexError or ZeroDivisionError for an argument, thrown before anything is drawn, so a refused call
/// changes nothing. Where CPython's error depends on a drawn value (an overflowing <c>exp</c> or <c>**</c> in
/// <see cref="LogNormVariate"/>, <see cref="ParetoVariate"/>, <see cref="WeibullVariate"/>; a zero division after an
/// extreme draw in <see cref="VonMisesVariate"/> and <see cref="WeibullVariate"/>), the draws happen as in CPython and
/// an <see cref="OverflowException"/> or <see cref="DivideByZeroException"/> follows, leaving the state where CPython's is.
/// </para>
/// <para>
/// Deliberate differences, all on bad input only: where CPython draws before it fails on an argument
/// (<c>expovariate(0)</c>, <c>paretovariate(0)</c>, <c>weibullvariate(alpha, 0)</c>, <c>lognormvariate(mu, 0)</c> with
/// exp(mu) overflowing, <c>choices</c> of an empty population without weights), the argument is refused before any
/// draw; <see cref="BetaVariate"/> refuses a bad beta even when CPython would return 0.0 without looking at it; shapes
/// for which CPython's loops never end (a NaN or ≥ 2^1023 gamma or beta shape, a NaN von Mises kappa) are refused;
/// <see cref="SetState"/> refuses an all-zero key, which CPython accepts and then outputs only zeros, and reads only
/// state version 3 (CPython 3). Not provided: <c>seed(version=1)</c>, float and other hashable seeds
/// (<c>seed(3.5)</c>), and the non-integer arguments that <c>randrange</c> accepted before 3.12.
/// </para>
/// <para>Not thread-safe, like CPython's <c>Random</c> instances (which rely on the GIL).</para>
/// </remarks>
public sealed partial class PythonRandom
{
    // CPython's math.tau.
    private const double TwoPi = 6.283185307179586;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The process-wide instance behind Shared, replaceable per thread / async flow by OneSeed's runtime (data-loader
    // workers); declared after the constants above so the type initializer has them when Shared is first created.
    internal static readonly AmbientSlot<PythonRandom> SharedSlot = new(static () => new PythonRandom());

    private Mt19937 _engine;
    private double? _gaussNext;

    /// <summary>
    /// The shared instance that Python's module-level functions use (<c>random.random()</c>, <c>random.seed(s)</c>, ...):
    /// seeded from operating-system entropy at first use, as CPython does at import, and seeded with the run's seed by
    /// <see cref="OneSeed.Seed.Everything(uint)"/> (which calls <c>Shared.Seed(seed)</c>, as <c>random.seed(seed)</c>).
    /// </summary>
    /// <remarks>
    /// Not thread-safe (CPython relies on its GIL): draw from one thread, or give each thread its own instance with
    /// <see cref="OneSeed.Seed.UseAmbient(AmbientSources)"/>, which replaces what <see cref="Shared"/> returns for the
    /// current thread and async flow (data-loader workers do this).
    /// </remarks>
    public static PythonRandom Shared => SharedSlot.Current;

    /// <summary>Seeds from operating-system entropy, as <c>random.Random()</c>.</summary>
    public PythonRandom()
    {
        _engine = SeedFromEntropy();
    }

    /// <summary>Seeds from an integer of any size, as <c>random.Random(seed)</c>; a negative seed acts as its absolute value.</summary>
    public PythonRandom(BigInteger seed)
    {
        _engine = SeedFromInteger(seed);
    }

    /// <summary>Seeds from an integer, as <c>random.Random(seed)</c>; a negative seed acts as its absolute value.</summary>
    public PythonRandom(long seed)
        : this((BigInteger)seed)
    {
    }

    /// <summary>Seeds from a string, as <c>random.Random(seed)</c> (version 2: its UTF-8 bytes plus their SHA-512 digest).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="seed"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="seed"/> holds an unpaired surrogate, which has no UTF-8 encoding (CPython raises UnicodeEncodeError).</exception>
    public PythonRandom(string seed)
    {
        _engine = SeedFromBytes(EncodeSeed(seed));
    }

    /// <summary>Seeds from bytes, as <c>random.Random(seed)</c> with a <c>bytes</c> seed (version 2: the bytes plus their SHA-512 digest).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="seed"/> is null.</exception>
    public PythonRandom(byte[] seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        _engine = SeedFromBytes(seed);
    }

    /// <summary>Creates a generator with the given state (see <see cref="SetState"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    public PythonRandom(PythonRandomState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _engine = new Mt19937(state.ToEngineState());
        _gaussNext = state.GaussNext;
    }

    /// <summary>Reseeds from operating-system entropy, as <c>seed()</c>; clears the cached normal.</summary>
    public void Seed()
    {
        _engine = SeedFromEntropy();
        _gaussNext = null;
    }

    /// <summary>Reseeds from an integer, as <c>seed(n)</c> (negative seeds act as their absolute value); clears the cached normal.</summary>
    public void Seed(BigInteger seed)
    {
        _engine = SeedFromInteger(seed);
        _gaussNext = null;
    }

    /// <summary>Reseeds from an integer, as <c>seed(n)</c> (negative seeds act as their absolute value); clears the cached normal.</summary>
    public void Seed(long seed) => Seed((BigInteger)seed);

    /// <summary>Reseeds from a string, as <c>seed(s)</c> (version 2); clears the cached normal.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="seed"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="seed"/> holds an unpaired surrogate.</exception>
    public void Seed(string seed)
    {
        _engine = SeedFromBytes(EncodeSeed(seed));
        _gaussNext = null;
    }

    /// <summary>Reseeds from bytes, as <c>seed(b)</c> (version 2); clears the cached normal.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="seed"/> is null.</exception>
    public void Seed(byte[] seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        _engine = SeedFromBytes(seed);
        _gaussNext = null;
    }

    /// <summary>The next float in [0, 1) with 53 random bits, as <c>random()</c>.</summary>
    public double Random() => _engine.NextDouble();

    /// <summary>A non-negative integer with <paramref name="k"/> random bits, as <c>getrandbits(k)</c> (0 for <paramref name="k"/> = 0, drawing nothing).</summary>
    /// <param name="k">The number of bits, at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is negative.</exception>
    public BigInteger GetRandBits(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (k <= 32)
        {
            return k == 0 ? BigInteger.Zero : new BigInteger(_engine.NextUInt32() >> (32 - k));
        }

        byte[] bytes = new byte[(((k - 1) / 32) + 1) * 4];
        FillBits(bytes, k);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
    }

    /// <summary><paramref name="n"/> random bytes, as <c>randbytes(n)</c> (the little-endian bytes of <c>getrandbits(8n)</c>).</summary>
    /// <param name="n">The number of bytes, at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative or above <see cref="int.MaxValue"/> / 8.</exception>
    public byte[] RandBytes(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, int.MaxValue / 8);
        if (n == 0)
        {
            return [];
        }

        byte[] buffer = new byte[(((n - 1) / 4) + 1) * 4];
        FillBits(buffer, n * 8);
        return buffer.Length == n ? buffer : buffer.AsSpan(0, n).ToArray();
    }

    /// <summary>A random integer in [0, <paramref name="stop"/>), as <c>randrange(stop)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stop"/> is not positive (CPython: "empty range for randrange()").</exception>
    public long RandRange(long stop)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stop);
        return (long)RandBelow((ulong)stop);
    }

    /// <summary>A random element of <c>range(start, stop, step)</c>, as <c>randrange(start, stop, step)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is 0.</exception>
    /// <exception cref="ArgumentException">The range is empty (CPython: "empty range for randrange()").</exception>
    public long RandRange(long start, long stop, long step = 1)
    {
        Int128 width = (Int128)stop - start;
        Int128 n = CountRange(width, step, start, stop);
        return (long)(start + (step * (Int128)RandBelow((ulong)n)));
    }

    /// <summary>A random integer in [0, <paramref name="stop"/>), as <c>randrange(stop)</c>, for integers of any size.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stop"/> is not positive.</exception>
    public BigInteger RandRange(BigInteger stop)
    {
        if (stop.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(stop), stop, "randrange(stop) needs stop > 0 (the range [0, stop) is empty).");
        }

        return RandBelow(stop);
    }

    /// <summary>A random integer in [<paramref name="start"/>, <paramref name="stop"/>), as <c>randrange(start, stop)</c>, for integers of any size.</summary>
    /// <exception cref="ArgumentException">The range is empty.</exception>
    public BigInteger RandRange(BigInteger start, BigInteger stop) => RandRange(start, stop, BigInteger.One);

    /// <summary>A random element of <c>range(start, stop, step)</c>, as <c>randrange(start, stop, step)</c>, for integers of any size.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is 0.</exception>
    /// <exception cref="ArgumentException">The range is empty.</exception>
    public BigInteger RandRange(BigInteger start, BigInteger stop, BigInteger step)
    {
        BigInteger width = stop - start;
        BigInteger n;
        if (step.IsOne)
        {
            n = width;
        }
        else if (step.Sign > 0)
        {
            n = FloorDiv(width + step - 1, step);
        }
        else if (step.Sign < 0)
        {
            n = FloorDiv(width + step + 1, step);
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "randrange() needs a non-zero step.");
        }

        if (n.Sign <= 0)
        {
            throw EmptyRange(start.ToString(CultureInfo.InvariantCulture), stop.ToString(CultureInfo.InvariantCulture), step.ToString(CultureInfo.InvariantCulture), nameof(stop));
        }

        return start + (step * RandBelow(n));
    }

    /// <summary>A random integer in [<paramref name="a"/>, <paramref name="b"/>], both ends included, as <c>randint(a, b)</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="b"/> is less than <paramref name="a"/>.</exception>
    public long RandInt(long a, long b)
    {
        if (b < a)
        {
            throw new ArgumentException($"randint(a, b) needs a <= b; got a = {a}, b = {b}.", nameof(b));
        }

        Int128 width = (Int128)b - a + 1;

        // Only [long.MinValue, long.MaxValue] itself has 2^64 values, one more than RandBelow(ulong) takes.
        return width > ulong.MaxValue
            ? (long)(a + RandBelow((BigInteger)width))
            : (long)(a + (Int128)RandBelow((ulong)width));
    }

    /// <summary>A random integer in [<paramref name="a"/>, <paramref name="b"/>], both ends included, as <c>randint(a, b)</c>, for integers of any size.</summary>
    /// <exception cref="ArgumentException"><paramref name="b"/> is less than <paramref name="a"/>.</exception>
    public BigInteger RandInt(BigInteger a, BigInteger b)
    {
        if (b < a)
        {
            throw new ArgumentException($"randint(a, b) needs a <= b; got a = {a}, b = {b}.", nameof(b));
        }

        return a + RandBelow(b - a + 1);
    }

    /// <summary>A random element of <paramref name="seq"/>, as <c>choice(seq)</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="seq"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="seq"/> is empty (CPython: IndexError "Cannot choose from an empty sequence").</exception>
    public T Choice<T>(IReadOnlyList<T> seq)
    {
        ArgumentNullException.ThrowIfNull(seq);
        if (seq.Count == 0)
        {
            throw new ArgumentException("Cannot choose from an empty sequence (it must hold at least one element).", nameof(seq));
        }

        return seq[(int)RandBelow((ulong)seq.Count)];
    }

    /// <summary>Shuffles <paramref name="x"/> in place, as <c>shuffle(x)</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    public void Shuffle<T>(IList<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        for (int i = x.Count - 1; i > 0; i--)
        {
            int j = (int)RandBelow((ulong)i + 1);
            (x[i], x[j]) = (x[j], x[i]);
        }
    }

    /// <summary>Shuffles <paramref name="x"/> in place, as <c>shuffle(x)</c> on a list with the same elements.</summary>
    public void Shuffle<T>(Span<T> x)
    {
        for (int i = x.Length - 1; i > 0; i--)
        {
            int j = (int)RandBelow((ulong)i + 1);
            (x[i], x[j]) = (x[j], x[i]);
        }
    }

    /// <summary>
    /// <paramref name="k"/> distinct positions of <paramref name="population"/>, in selection order, as
    /// <c>sample(population, k)</c> (including CPython's switch between a pool and a set of selected indices).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="population"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is negative or larger than the population (CPython: "Sample larger than population or is negative").</exception>
    public T[] Sample<T>(IReadOnlyList<T> population, int k)
    {
        ArgumentNullException.ThrowIfNull(population);
        int n = population.Count;
        if (k < 0 || k > n)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"The sample size must be in [0, {n}] (the population size).");
        }

        var result = new T[k];
        if (n <= SampleSetSize(k))
        {
            T[] pool = [.. population];
            for (int i = 0; i < k; i++)
            {
                int j = (int)RandBelow((ulong)(n - i));
                result[i] = pool[j];
                pool[j] = pool[n - i - 1];
            }
        }
        else
        {
            var selected = new HashSet<int>();
            for (int i = 0; i < k; i++)
            {
                int j = (int)RandBelow((ulong)n);
                while (!selected.Add(j))
                {
                    j = (int)RandBelow((ulong)n);
                }

                result[i] = population[j];
            }
        }

        return result;
    }

    /// <summary><c>a + (b - a) * random()</c>, as <c>uniform(a, b)</c>.</summary>
    public double Uniform(double a, double b) => a + ((b - a) * Random());

    /// <summary>
    /// The triangular distribution on [<paramref name="low"/>, <paramref name="high"/>] with the given mode (the
    /// midpoint when null), as <c>triangular(low, high, mode)</c>; returns <paramref name="low"/> when
    /// <paramref name="high"/> equals it (after drawing, as CPython).
    /// </summary>
    public double Triangular(double low = 0.0, double high = 1.0, double? mode = null)
    {
        double u = Random();
        if (mode is not null && high - low == 0.0)
        {
            // CPython's (mode - low) / (high - low) raises ZeroDivisionError here, which triangular() turns into low.
            return low;
        }

        double c = mode is double m ? (m - low) / (high - low) : 0.5;
        if (u > c)
        {
            u = 1.0 - u;
            c = 1.0 - c;
            (low, high) = (high, low);
        }

        return low + ((high - low) * Math.Sqrt(u * c));
    }

    /// <summary>
    /// A normal deviate by the Box–Muller transform, as <c>gauss(mu, sigma)</c>: every other call returns the
    /// cached second value of the previous pair (the state's <see cref="PythonRandomState.GaussNext"/>).
    /// </summary>
    public double Gauss(double mu = 0.0, double sigma = 1.0)
    {
        double z;
        if (_gaussNext is double cached)
        {
            z = cached;
            _gaussNext = null;
        }
        else
        {
            double x2pi = Random() * TwoPi;
            double g2rad = Math.Sqrt(-2.0 * Math.Log(1.0 - Random()));
            z = Math.Cos(x2pi) * g2rad;
            _gaussNext = Math.Sin(x2pi) * g2rad;
        }

        return mu + (z * sigma);
    }

    /// <summary>A normal deviate by Kinderman and Monahan's ratio method, as <c>normalvariate(mu, sigma)</c>.</summary>
    public double NormalVariate(double mu = 0.0, double sigma = 1.0)
    {
        var source = new VirtualSource(_engine);
        return CPythonVariates.Normal(ref source, mu, sigma);
    }

    /// <summary>An exponential deviate with rate <paramref name="lambd"/> (mean 1 / <paramref name="lambd"/>), as <c>expovariate(lambd)</c>.</summary>
    /// <param name="lambd">The rate; non-zero (a negative rate gives values in (-inf, 0]).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambd"/> is 0 (CPython: ZeroDivisionError).</exception>
    public double ExpoVariate(double lambd)
    {
        if (lambd == 0.0)
        {
            throw new ArgumentOutOfRangeException(nameof(lambd), lambd, "The rate must be non-zero.");
        }

        return -Math.Log(1.0 - Random()) / lambd;
    }

    /// <summary>Returns a copy of the complete state, as <c>getstate()</c>.</summary>
    public PythonRandomState GetState()
    {
        Mt19937State engine = _engine.GetState();
        return new PythonRandomState(engine.Key, engine.Position, _gaussNext);
    }

    /// <summary>Replaces the complete state, as <c>setstate(state)</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    public void SetState(PythonRandomState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _engine.SetState(state.ToEngineState());
        _gaussNext = state.GaussNext;
    }

    /// <summary>The state as JSON in the layout of <see cref="PythonRandomState"/> (readable by <c>tools/state_json.py</c>).</summary>
    public string GetStateJson() => GetState().ToJson();

    /// <summary>Replaces the state from JSON (see <see cref="PythonRandomState.FromJson"/>); bad JSON or an invalid state changes nothing.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">The JSON is malformed or the state is invalid.</exception>
    public void SetStateJson(string json) => SetState(PythonRandomState.FromJson(json));

    /// <inheritdoc />
    public override string ToString() => "PythonRandom (CPython random.Random, MT19937)";

    // random.sample's threshold: a pool copy when the population is no bigger than a set of k entries would be.
    // CPython computes it with floating-point log; Math.Log and the division are the same IEEE operations.
    internal static int SampleSetSize(int k)
    {
        long setsize = 21;
        if (k > 5)
        {
            double exponent = Math.Ceiling(Math.Log(k * 3.0) / Math.Log(4.0));
            setsize += 1L << (2 * (int)exponent);
        }

        return (int)Math.Min(setsize, int.MaxValue);
    }

    private static Mt19937 SeedFromEntropy()
    {
        // CPython's random_seed_urandom: 624 words from the OS into init_by_array.
        Span<byte> bytes = stackalloc byte[Mt19937.StateLength * 4];
        RandomNumberGenerator.Fill(bytes);
        uint[] key = new uint[Mt19937.StateLength];
        for (int i = 0; i < key.Length; i++)
        {
            key[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * 4)..]);
        }

        return Mt19937.CreateLegacy(key);
    }

    private static Mt19937 SeedFromInteger(BigInteger seed)
    {
        BigInteger n = BigInteger.Abs(seed);
        byte[] bytes = n.ToByteArray(isUnsigned: true, isBigEndian: false);
        long bits = (long)n.GetBitLength();
        int words = bits == 0 ? 1 : (int)(((bits - 1) / 32) + 1);
        uint[] key = new uint[words];
        for (int i = 0; i < bytes.Length; i++)
        {
            key[i / 4] |= (uint)bytes[i] << (8 * (i % 4));
        }

        return Mt19937.CreateLegacy(key);
    }

    private static Mt19937 SeedFromBytes(byte[] seed)
    {
        byte[] material = new byte[seed.Length + SHA512.HashSizeInBytes];
        seed.CopyTo(material, 0);
        SHA512.HashData(seed, material.AsSpan(seed.Length));
        return SeedFromInteger(new BigInteger(material, isUnsigned: true, isBigEndian: true));
    }

    private static byte[] EncodeSeed(string seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        try
        {
            return StrictUtf8.GetBytes(seed);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException("The seed string holds an unpaired surrogate, which has no UTF-8 encoding (CPython raises UnicodeEncodeError).", nameof(seed), e);
        }
    }

    private static ArgumentException EmptyRange(string start, string stop, string step, string paramName) =>
        new($"randrange(start, stop, step) has an empty range: start = {start}, stop = {stop}, step = {step} selects no integers.", paramName);

    private static BigInteger FloorDiv(BigInteger a, BigInteger b)
    {
        BigInteger q = BigInteger.DivRem(a, b, out BigInteger r);
        return !r.IsZero && (r.Sign < 0) != (b.Sign < 0) ? q - 1 : q;
    }

    private static Int128 FloorDiv(Int128 a, Int128 b)
    {
        Int128 q = a / b;
        Int128 r = a - (q * b);
        return r != 0 && (r < 0) != (b < 0) ? q - 1 : q;
    }

    // randrange's count of values: CPython's n = (width + step - 1) // step (or + 1 for negative steps).
    private static Int128 CountRange(Int128 width, long step, long start, long stop)
    {
        Int128 n;
        if (step == 1)
        {
            n = width;
        }
        else if (step > 0)
        {
            n = FloorDiv(width + step - 1, step);
        }
        else if (step < 0)
        {
            n = FloorDiv(width + step + 1, step);
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "randrange() needs a non-zero step.");
        }

        if (n <= 0)
        {
            throw EmptyRange(start.ToString(CultureInfo.InvariantCulture), stop.ToString(CultureInfo.InvariantCulture), step.ToString(CultureInfo.InvariantCulture), nameof(stop));
        }

        return n;
    }

    /// <summary>CPython's getrandbits(k) as little-endian bytes: whole 32-bit words, the last one shifted down to its remaining bits.</summary>
    private void FillBits(Span<byte> destination, int k)
    {
        for (int offset = 0; k > 0; offset += 4, k -= 32)
        {
            uint r = _engine.NextUInt32();
            if (k < 32)
            {
                r >>= 32 - k;
            }

            if (offset + 4 <= destination.Length)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(destination[offset..], r);
            }
            else
            {
                for (int b = 0; offset + b < destination.Length; b++)
                {
                    destination[offset + b] = (byte)(r >> (8 * b));
                }
            }
        }
    }

    /// <summary>_randbelow_with_getrandbits for n in [1, 2^64): draws getrandbits(bit_length(n)) until below n.</summary>
    private ulong RandBelow(ulong n)
    {
        int k = 64 - BitOperations.LeadingZeroCount(n);
        if (k <= 32)
        {
            int shift = 32 - k;
            ulong r = _engine.NextUInt32() >> shift;
            while (r >= n)
            {
                r = _engine.NextUInt32() >> shift;
            }

            return r;
        }

        // Over 32 bits getrandbits takes the low word first, then the high word shifted down to k - 32 bits.
        int highShift = 64 - k;
        ulong value;
        do
        {
            ulong low = _engine.NextUInt32();
            ulong high = _engine.NextUInt32() >> highShift;
            value = (high << 32) | low;
        }
        while (value >= n);
        return value;
    }

    private BigInteger RandBelow(BigInteger n)
    {
        if (n <= ulong.MaxValue)
        {
            return RandBelow((ulong)n);
        }

        int k = (int)n.GetBitLength();
        BigInteger r = GetRandBits(k);
        while (r >= n)
        {
            r = GetRandBits(k);
        }

        return r;
    }
}

using System.Numerics;
using System.Security.Cryptography;

namespace OneSeed.Seeding;

/// <summary>
/// NumPy's <c>np.random.SeedSequence</c>, bit for bit: mixes entropy of any size (plus a spawn key) into a
/// pool of 32-bit words, and derives from it high-quality, independent engine states and child sequences.
/// </summary>
/// <remarks>
/// <para>
/// Every engine seeded from an integer goes through this type, exactly as NumPy's <c>PCG64(seed)</c>,
/// <c>Philox(seed)</c> and friends do, so <c>new Pcg64(42)</c> starts where <c>np.random.PCG64(42)</c> starts.
/// The algorithm (hashmix constants, pool mixing, output hashing, spawn-key layout) is Melissa O'Neill's
/// <c>seed_seq</c> redesign as implemented in <c>numpy/random/bit_generator.pyx</c>.
/// </para>
/// <para>
/// <see cref="Spawn(int)"/> mutates this instance (it counts the children already handed out, like NumPy);
/// everything else is a pure function of (<see cref="Entropy"/>, <see cref="SpawnKey"/>, <see cref="PoolSize"/>).
/// </para>
/// <para>Reproducibility tier: <b>stable</b> (bit-exact with NumPy 1.17+).</para>
/// </remarks>
public sealed class SeedSequence
{
    /// <summary>NumPy's default (and minimum) pool size, in 32-bit words.</summary>
    public const int DefaultPoolSize = 4;

    /// <summary>The spawn-key element that marks a child made by <see cref="Derive"/>: "OneS" as a little-endian ASCII word.</summary>
    public const uint DerivationTag = 0x53656E4F;

    private const uint InitA = 0x43b0d7e5;
    private const uint MultA = 0x931e8875;
    private const uint InitB = 0x8b51f9dd;
    private const uint MultB = 0x58f38ded;
    private const uint MixMultL = 0xca01f9dd;
    private const uint MixMultR = 0x4973f715;
    private const int XShift = 16;

    private readonly uint[] _pool;
    private readonly BigInteger[] _spawnKey;

    /// <summary>A sequence with 128 bits of fresh entropy from the operating system (NumPy's <c>SeedSequence()</c>).</summary>
    /// <remarks>Read <see cref="Entropy"/> afterwards and record it: it is what makes the run repeatable.</remarks>
    public SeedSequence()
        : this(FreshEntropy())
    {
    }

    /// <summary>A sequence from a non-negative integer of any size (NumPy's <c>SeedSequence(entropy)</c>).</summary>
    /// <param name="entropy">The seed; must be ≥ 0.</param>
    /// <param name="spawnKey">The spawn key (each element ≥ 0); empty for a root sequence.</param>
    /// <param name="poolSize">The pool size in 32-bit words; at least <see cref="DefaultPoolSize"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative entropy or spawn-key element, or a pool smaller than 4 words.</exception>
    public SeedSequence(BigInteger entropy, IEnumerable<BigInteger>? spawnKey = null, int poolSize = DefaultPoolSize)
        : this(ToWords(entropy, nameof(entropy)), entropy, spawnKey, poolSize)
    {
    }

    /// <summary>A sequence from a 64-bit seed; same as the <see cref="BigInteger"/> constructor.</summary>
    public SeedSequence(ulong entropy)
        : this(new BigInteger(entropy))
    {
    }

    /// <summary>
    /// A sequence from an array of 32-bit words, as NumPy's <c>SeedSequence(np.array(words, dtype=np.uint32))</c>:
    /// the words are used as they are (an empty array is allowed).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="entropy"/> is null.</exception>
    public SeedSequence(uint[] entropy, IEnumerable<BigInteger>? spawnKey = null, int poolSize = DefaultPoolSize)
        : this((uint[])(entropy ?? throw new ArgumentNullException(nameof(entropy))).Clone(), WordsToInteger(entropy), spawnKey, poolSize)
    {
        EntropyWords = (uint[])entropy.Clone();
    }

    private SeedSequence(uint[] runEntropy, BigInteger entropy, IEnumerable<BigInteger>? spawnKey, int poolSize)
    {
        if (poolSize < DefaultPoolSize)
        {
            throw new ArgumentOutOfRangeException(nameof(poolSize), poolSize, $"The pool size must be at least {DefaultPoolSize} words.");
        }

        _spawnKey = spawnKey?.ToArray() ?? [];
        foreach (BigInteger k in _spawnKey)
        {
            if (k.Sign < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(spawnKey), k, "Spawn-key elements must be non-negative integers.");
            }
        }

        Entropy = entropy;
        PoolSize = poolSize;
        _pool = new uint[poolSize];
        MixEntropy(_pool, AssembleEntropy(runEntropy, _spawnKey, poolSize));
    }

    /// <summary>The entropy this sequence was built from (for a word array: the words read as a little-endian integer).</summary>
    public BigInteger Entropy { get; }

    /// <summary>The entropy as given, when it was given as 32-bit words; otherwise null.</summary>
    public IReadOnlyList<uint>? EntropyWords { get; }

    /// <summary>The spawn key: the path of child indices from the root sequence.</summary>
    public IReadOnlyList<BigInteger> SpawnKey => _spawnKey;

    /// <summary>The pool size in 32-bit words.</summary>
    public int PoolSize { get; }

    /// <summary>How many children <see cref="Spawn(int)"/> has handed out so far.</summary>
    public int ChildrenSpawned { get; private set; }

    /// <summary>A copy of the mixed entropy pool (NumPy's <c>pool</c>).</summary>
    public uint[] Pool => (uint[])_pool.Clone();

    /// <summary>Derives <paramref name="words"/> 32-bit words of state (NumPy's <c>generate_state(n, np.uint32)</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="words"/> is negative.</exception>
    public uint[] GenerateState(int words)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(words);
        uint[] state = new uint[words];
        GenerateStateInto(state);
        return state;
    }

    /// <summary>
    /// Derives <paramref name="words"/> 64-bit words of state (NumPy's <c>generate_state(n, np.uint64)</c>:
    /// twice as many 32-bit words, paired low word first).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="words"/> is negative or above 2^30.</exception>
    public ulong[] GenerateState64(int words)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(words);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(words, 1 << 30);
        uint[] halves = new uint[2 * words];
        GenerateStateInto(halves);
        ulong[] state = new ulong[words];
        for (int i = 0; i < words; i++)
        {
            state[i] = halves[2 * i] | ((ulong)halves[(2 * i) + 1] << 32);
        }

        return state;
    }

    /// <summary>
    /// Hands out <paramref name="count"/> child sequences whose spawn keys extend this one's with the next
    /// unused indices, as NumPy's <c>spawn(n)</c>: children are statistically independent of each other and of the parent.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public SeedSequence[] Spawn(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var children = new SeedSequence[count];
        for (int i = 0; i < count; i++)
        {
            children[i] = CreateChild(ChildrenSpawned + i);
        }

        ChildrenSpawned += count;
        return children;
    }

    /// <summary>
    /// The child at <paramref name="index"/> under this sequence (spawn key extended by <paramref name="index"/>),
    /// without counting it as spawned: a pure function, for keyed derivation (epoch, worker, rank, sample index).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public SeedSequence CreateChild(BigInteger index)
    {
        if (index.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "A child index must be non-negative.");
        }

        return WithSpawnKey([.. _spawnKey, index]);
    }

    /// <summary>
    /// The independent sequence for the stream <paramref name="name"/> with integer <paramref name="keys"/>
    /// (epoch, worker, rank, sample index…) under this one: a pure function of (this sequence, name, keys),
    /// so a stream's numbers never depend on which other streams exist, in what order they are drawn, or on which thread.
    /// </summary>
    /// <remarks>
    /// The child's spawn key is this one's extended by <c>[DerivationTag, StableHash.Hash64(name), keys...]</c>;
    /// the tag keeps named streams apart from the numbered children of <see cref="Spawn(int)"/>. In Python:
    /// <c>SeedSequence(entropy, spawn_key=(*parent_key, 0x53656E4F, stable_hash(name), *keys))</c>.
    /// Reproducibility tier: <b>stable</b> (forever).
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="keys"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A key is negative.</exception>
    public SeedSequence Derive(string name, params long[] keys)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(keys);
        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i] < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(keys), keys[i], $"Stream keys must be non-negative; keys[{i}] is {keys[i]}.");
            }
        }

        return WithSpawnKey([.. _spawnKey, DerivationTag, StableHash.Hash64(name), .. keys.Select(k => new BigInteger(k))]);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"SeedSequence(entropy={Entropy}{(_spawnKey.Length > 0 ? $", spawn_key=({string.Join(", ", _spawnKey)},)" : string.Empty)}{(PoolSize != DefaultPoolSize ? $", pool_size={PoolSize}" : string.Empty)})";

    private SeedSequence WithSpawnKey(BigInteger[] spawnKey) => EntropyWords is { } words
        ? new SeedSequence(words.ToArray(), spawnKey, PoolSize)
        : new SeedSequence(Entropy, spawnKey, PoolSize);

    private void GenerateStateInto(Span<uint> destination)
    {
        uint hashConst = InitB;
        for (int i = 0; i < destination.Length; i++)
        {
            uint value = _pool[i % _pool.Length];
            value ^= hashConst;
            hashConst *= MultB;
            value *= hashConst;
            value ^= value >> XShift;
            destination[i] = value;
        }
    }

    private static uint[] AssembleEntropy(uint[] runEntropy, BigInteger[] spawnKey, int poolSize)
    {
        var words = new List<uint>(runEntropy);
        if (spawnKey.Length > 0)
        {
            // NumPy pads the run entropy to the pool size before appending the spawn key, so that a spawn key
            // can never be confused with more entropy.
            while (words.Count < poolSize)
            {
                words.Add(0);
            }

            foreach (BigInteger k in spawnKey)
            {
                words.AddRange(ToWords(k, nameof(spawnKey)));
            }
        }

        return [.. words];
    }

    private static void MixEntropy(uint[] mixer, uint[] entropy)
    {
        uint hashConst = InitA;

        uint HashMix(uint value)
        {
            value ^= hashConst;
            hashConst *= MultA;
            value *= hashConst;
            value ^= value >> XShift;
            return value;
        }

        static uint Mix(uint x, uint y)
        {
            uint result = (MixMultL * x) - (MixMultR * y);
            result ^= result >> XShift;
            return result;
        }

        for (int i = 0; i < mixer.Length; i++)
        {
            mixer[i] = HashMix(i < entropy.Length ? entropy[i] : 0u);
        }

        for (int src = 0; src < mixer.Length; src++)
        {
            for (int dst = 0; dst < mixer.Length; dst++)
            {
                if (src != dst)
                {
                    mixer[dst] = Mix(mixer[dst], HashMix(mixer[src]));
                }
            }
        }

        for (int src = mixer.Length; src < entropy.Length; src++)
        {
            for (int dst = 0; dst < mixer.Length; dst++)
            {
                mixer[dst] = Mix(mixer[dst], HashMix(entropy[src]));
            }
        }
    }

    /// <summary>NumPy's <c>_int_to_uint32_array</c>: little-endian 32-bit words, and [0] for zero.</summary>
    internal static uint[] ToWords(BigInteger value, string paramName)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Seed entropy must be a non-negative integer.");
        }

        if (value.IsZero)
        {
            return [0u];
        }

        byte[] bytes = value.ToByteArray(isUnsigned: true, isBigEndian: false);
        uint[] words = new uint[(bytes.Length + 3) / 4];
        for (int i = 0; i < bytes.Length; i++)
        {
            words[i / 4] |= (uint)bytes[i] << (8 * (i % 4));
        }

        return words;
    }

    private static BigInteger WordsToInteger(uint[] words)
    {
        BigInteger result = BigInteger.Zero;
        for (int i = words.Length - 1; i >= 0; i--)
        {
            result = (result << 32) | words[i];
        }

        return result;
    }

    private static BigInteger FreshEntropy()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
    }
}

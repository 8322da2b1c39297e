using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using OneSeed.Compat;
using OneSeed.Engines;
using OneSeed.Seeding;

namespace OneSeed;

/// <summary>
/// One seed for everything: <see cref="Everything(uint)"/> seeds every registered source of randomness (the Python and
/// NumPy shared façades, <see cref="Global"/>, the named streams and whatever integrations registered themselves),
/// <see cref="Stream"/> hands out independent named streams, <see cref="Isolate"/> restores all random state on exit.
/// </summary>
/// <remarks>
/// <para>
/// What each built-in source derives from the root seed <c>s</c> (stable; a Python port reproduces each):
/// <c>python.random</c> = <see cref="PythonRandom.Shared"/>.<c>Seed(s)</c> (<c>random.seed(s)</c>);
/// <c>numpy.random</c> = <see cref="NumPyRandomState.Shared"/>.<c>Seed(s)</c> (<c>np.random.seed(s)</c>);
/// <c>oneseed.global</c> = <see cref="Global"/> with the PCG64 state of
/// <c>PCG64(SeedSequence(s).Derive("oneseed.global"))</c>; <c>oneseed.streams</c> = every stream in use, reset to
/// its start for the new root (see <see cref="Stream"/>).
/// </para>
/// <para>
/// Thread-safety: the registry, <see cref="Everything(uint)"/>, <see cref="Stream"/> and snapshots are synchronized
/// with one lock. <see cref="Global"/> is thread-safe; the Python and NumPy shared façades and the stream instances
/// are not (give each thread its own stream, or use <see cref="UseAmbient"/>).
/// </para>
/// <para>Reproducibility tier: <b>stable</b> (the derivations above are fixed forever).</para>
/// </remarks>
public static class Seed
{
    /// <summary>The environment variable <see cref="Everything()"/> reads, and <see cref="Everything(uint)"/> sets, so child processes inherit the run's seed.</summary>
    public const string EnvironmentVariable = "ONESEED_SEED";

    /// <summary>The largest root seed (NumPy's and Lightning's range is 0 to 2^32 - 1).</summary>
    public const uint MaxSeed = uint.MaxValue;

    /// <summary>The name <see cref="Global"/>'s seed is derived under (<c>SeedSequence(root).Derive("oneseed.global")</c>).</summary>
    public const string GlobalStreamName = "oneseed.global";

    private static readonly object Gate = new();
    private static readonly NamedStreams Streams = new();
    private static readonly AmbientSlot<SynchronizedRandom> GlobalSlot = new(static () => CreateGlobal(Initial));
    private static readonly List<IRandomStateSource> Sources = [.. BuiltInSources()];
    private static readonly int BuiltInCount = Sources.Count;

    // Before any Seed.Everything the root is a fresh OS seed, so Global and the streams are still repeatable from
    // Seed.Initial (as torch.initial_seed() reports the default generator's seed).
    private static uint s_root = FreshSeed();
    private static bool s_everythingCalled;
    private static Action<string>? s_logger = static message => Console.Error.WriteLine(message);

    /// <summary>
    /// The root seed (as <c>torch.initial_seed()</c>): the last one given to <see cref="Everything(uint)"/> or restored
    /// from a snapshot; before either, a seed drawn from the operating system when this type was first used.
    /// </summary>
    public static uint Initial
    {
        get
        {
            lock (Gate)
            {
                return s_root;
            }
        }
    }

    /// <summary>The root seed if <see cref="Everything(uint)"/> chose one in this process; null while it is still the OS default.</summary>
    internal static uint? ChosenRoot
    {
        get
        {
            lock (Gate)
            {
                return s_everythingCalled ? s_root : null;
            }
        }
    }

    /// <summary>
    /// A thread-safe OneSeed generator, usable as a <see cref="System.Random"/>, for code that just wants "the" random
    /// source. Reseeded in place by <see cref="Everything(uint)"/> (so references taken earlier stay valid); replaced for
    /// the current thread and async flow inside a <see cref="UseAmbient"/> scope.
    /// </summary>
    /// <remarks>
    /// PCG64 seeded by <c>SeedSequence(root).Derive("oneseed.global")</c>; in Python the same numbers come from
    /// <c>np.random.Generator(np.random.PCG64(seq))</c> with <c>seq</c> as in <see cref="Stream"/>'s remarks and the
    /// <see cref="BitGeneratorRandom"/> algorithms (doubles = <c>random()</c>). Every call takes a lock; see
    /// <see cref="SynchronizedRandom"/>.
    /// </remarks>
    public static SynchronizedRandom Global => GlobalSlot.Current;

    /// <summary>
    /// Where <see cref="Everything()"/> reports the seed it chose; by default one line on standard error.
    /// Set it to your logger (or to null for silence).
    /// </summary>
    public static Action<string>? Logger
    {
        get => Volatile.Read(ref s_logger);
        set => Volatile.Write(ref s_logger, value);
    }

    /// <summary>The names of the registered sources, built-in ones first, in the order they are seeded.</summary>
    public static IReadOnlyList<string> SourceNames
    {
        get
        {
            lock (Gate)
            {
                return [.. Sources.Select(s => s.Name)];
            }
        }
    }

    /// <summary>
    /// Seeds every registered source from <paramref name="seed"/>, as Python's
    /// <c>random.seed(s); np.random.seed(s); torch.manual_seed(s)</c>: afterwards <see cref="PythonRandom.Shared"/> and
    /// <see cref="NumPyRandomState.Shared"/> produce exactly what CPython and NumPy produce after those calls. Also sets
    /// <see cref="Initial"/> and the <c>ONESEED_SEED</c> environment variable (inherited by child processes started
    /// afterwards, like Lightning's <c>PL_GLOBAL_SEED</c>).
    /// </summary>
    /// <returns><paramref name="seed"/>.</returns>
    public static uint Everything(uint seed)
    {
        lock (Gate)
        {
            s_root = seed;
            s_everythingCalled = true;
            foreach (IRandomStateSource source in Sources)
            {
                source.Seed(seed);
            }
        }

        Environment.SetEnvironmentVariable(EnvironmentVariable, seed.ToString(CultureInfo.InvariantCulture));
        return seed;
    }

    /// <summary>As <see cref="Everything(uint)"/>, for a seed held in a wider integer (e.g. parsed from a command line).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seed"/> is outside 0 to 4294967295.</exception>
    public static uint Everything(long seed)
    {
        if (seed < 0 || seed > MaxSeed)
        {
            throw new ArgumentOutOfRangeException(nameof(seed), seed, $"A seed must be in the range 0 to {MaxSeed} (2^32 - 1); got {seed}.");
        }

        return Everything((uint)seed);
    }

    /// <summary>
    /// Seeds everything from <c>ONESEED_SEED</c> if it is set (so a child process continues its parent's run), otherwise
    /// from a fresh seed drawn from the operating system; reports the seed through <see cref="Logger"/> (one line) and
    /// returns it, so even an unplanned run can be repeated with <c>ONESEED_SEED=&lt;seed&gt;</c>.
    /// </summary>
    /// <exception cref="FormatException"><c>ONESEED_SEED</c> is set but is not an integer.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><c>ONESEED_SEED</c> is outside 0 to 4294967295.</exception>
    public static uint Everything()
    {
        string? text = Environment.GetEnvironmentVariable(EnvironmentVariable);
        uint seed;
        string origin;
        if (string.IsNullOrWhiteSpace(text))
        {
            seed = FreshSeed();
            origin = $"a fresh seed from the OS; set {EnvironmentVariable}={seed} to repeat this run";
        }
        else
        {
            seed = ParseSeed(text, EnvironmentVariable);
            origin = $"from {EnvironmentVariable}";
        }

        Everything(seed);
        Logger?.Invoke($"OneSeed: Seed.Everything({seed.ToString(CultureInfo.InvariantCulture)}) ({origin})");
        return seed;
    }

    /// <summary>
    /// Parses a seed written as a decimal integer (surrounding white space allowed), refusing anything outside 0 to
    /// 4294967295.
    /// </summary>
    /// <param name="text">The text, e.g. a command-line argument or an environment variable's value.</param>
    /// <param name="origin">Where the text came from, for the error message (e.g. <c>ONESEED_SEED</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not an integer.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The integer is outside 0 to 4294967295.</exception>
    public static uint ParseSeed(string text, string origin = "seed")
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!BigInteger.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out BigInteger value))
        {
            throw new FormatException($"{origin}='{text}' is not an integer; a seed is a whole number in the range 0 to {MaxSeed}.");
        }

        if (value.Sign < 0 || value > MaxSeed)
        {
            throw new ArgumentOutOfRangeException(origin, text, $"{origin}={text} is out of range; a seed must be in the range 0 to {MaxSeed} (2^32 - 1).");
        }

        return (uint)value;
    }

    /// <summary>
    /// The named stream for (<paramref name="name"/>, <paramref name="keys"/>): a generator whose values depend only on
    /// (<see cref="Initial"/>, name, keys), never on what else was drawn, in which order or on which thread.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The same (name, keys) returns the same live instance, so a function that asks for its stream on every call
    /// continues where it left off, and snapshots capture every stream in use. The instance is not thread-safe: give
    /// each thread its own stream (e.g. <c>Seed.Stream("augment", workerId)</c>).
    /// </para>
    /// <para>
    /// Derivation (stable forever): PCG64, NumPy's default engine for new code, seeded with
    /// <c>SeedSequence(root).Derive(name, keys)</c>, i.e. a NumPy <c>SeedSequence</c> with entropy = root seed and
    /// spawn key <c>(0x53656E4F, StableHash.Hash64(name), *keys)</c>. In Python:
    /// <c>h = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "little");
    /// rng = np.random.default_rng(np.random.SeedSequence(root, spawn_key=(0x53656E4F, h, *keys)))</c> gives the
    /// same numbers from the same <see cref="NumPyGenerator"/> calls.
    /// </para>
    /// <para>
    /// <see cref="Everything(uint)"/> resets every stream in use to its start for the new root, in place. Streams stay
    /// alive for the process's lifetime (so snapshots can capture them): use a bounded set of (name, keys), and
    /// <see cref="CreateStream"/> for per-sample or per-item generators. Names starting with <c>oneseed.</c> are
    /// reserved for OneSeed's own streams (<see cref="GlobalStreamName"/>).
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="keys"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A key is negative.</exception>
    public static NumPyGenerator Stream(string name, params long[] keys)
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

        lock (Gate)
        {
            return Streams.Get(s_root, name, keys);
        }
    }

    /// <summary>
    /// A new, untracked generator at the start of the named stream (<paramref name="name"/>, <paramref name="keys"/>):
    /// the values <see cref="Stream"/> would give for a stream not used yet, but a fresh instance on every call that
    /// <see cref="Everything(uint)"/> does not reset and snapshots do not capture.
    /// </summary>
    /// <remarks>
    /// For short-lived, numerous generators (one per sample, per item, per request): <see cref="Stream"/> keeps every
    /// stream it hands out alive for the process's lifetime so it can snapshot them, which suits a bounded set of names.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="keys"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A key is negative.</exception>
    public static NumPyGenerator CreateStream(string name, params long[] keys)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(keys);
        return new NumPyGenerator(NamedStreams.CreateEngine(Initial, name, keys));
    }

    /// <summary>
    /// Registers a source so that <see cref="Everything(uint)"/> seeds it, <see cref="Isolate"/> restores it and
    /// <see cref="RngSnapshot"/> captures it. If <see cref="Everything(uint)"/> has already run, the source is seeded
    /// with the current root at once, so registration order does not matter.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentException">A source with the same name is registered, or the name is empty.</exception>
    public static void Register(IRandomStateSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        string name = source.Name;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A source needs a non-empty name.", nameof(source));
        }

        lock (Gate)
        {
            if (Sources.Any(s => s.Name == name))
            {
                throw new ArgumentException($"A source named '{name}' is already registered.", nameof(source));
            }

            if (s_everythingCalled)
            {
                source.Seed(s_root);
            }

            Sources.Add(source);
        }
    }

    /// <summary>Whether this very instance is registered (for idempotent registration helpers such as OneSeed.TorchSharp's).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static bool IsRegistered(IRandomStateSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        lock (Gate)
        {
            return Sources.Contains(source);
        }
    }

    /// <summary>Removes a source added with <see cref="Register"/>; returns false if it was not registered.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="source"/> is one of the built-in sources.</exception>
    public static bool Unregister(IRandomStateSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        lock (Gate)
        {
            int index = Sources.IndexOf(source);
            if (index < 0)
            {
                return false;
            }

            if (index < BuiltInCount)
            {
                throw new InvalidOperationException($"The built-in source '{source.Name}' cannot be unregistered.");
            }

            Sources.RemoveAt(index);
            return true;
        }
    }

    /// <summary>
    /// Captures the state of every registered source (and <see cref="Initial"/>) and restores it when disposed,
    /// exceptions included, like Lightning's <c>isolate_rng</c>: <c>using (Seed.Isolate()) { ... }</c>.
    /// </summary>
    /// <remarks>Streams first used inside the scope are rewound to their start on exit (they did not exist before it).</remarks>
    public static IDisposable Isolate() => new IsolationScope(RngSnapshot.Capture());

    /// <summary>
    /// Installs per-thread (per async flow) instances behind <see cref="Global"/>, <see cref="PythonRandom.Shared"/> and
    /// <see cref="NumPyRandomState.Shared"/> until the returned scope is disposed; null properties leave that source as
    /// it is. Data-loader workers use this so that user code calling the shared sources never shares state across workers.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The override is an <see cref="AsyncLocal{T}"/>: it follows <c>await</c> continuations and flows into tasks and
    /// threads started inside the scope (which then share the instances: don't draw from them concurrently; a worker
    /// thread should open its own scope, or be started with <see cref="Thread.UnsafeStart()"/>). Dispose the scope
    /// on the flow that created it; scopes nest. Nothing else sees the instances: <see cref="Everything(uint)"/>,
    /// <see cref="Isolate"/> and <see cref="RngSnapshot"/> act on the process-wide instances only; the code that owns
    /// the scope owns its instances' state.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="sources"/> is null.</exception>
    public static IDisposable UseAmbient(AmbientSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var undo = new List<Action>(3);
        Install(undo, GlobalSlot, sources.Global);
        Install(undo, PythonRandom.SharedSlot, sources.Python);
        Install(undo, NumPyRandomState.SharedSlot, sources.NumPy);
        Install(undo, TorchGenerator.DefaultSlot, sources.Torch);
        return new AmbientScope(undo);
    }

    /// <summary>The PCG64 engine behind <see cref="Global"/> for <paramref name="rootSeed"/>.</summary>
    internal static SynchronizedRandom CreateGlobal(uint rootSeed) =>
        new(new Pcg64(new SeedSequence(rootSeed).Derive(GlobalStreamName)));

    internal static object SyncRoot => Gate;

    /// <summary>The registered sources; call under <see cref="SyncRoot"/>.</summary>
    internal static IReadOnlyList<IRandomStateSource> RegisteredSources => Sources;

    /// <summary>Sets the root (a snapshot restore); call under <see cref="SyncRoot"/>.</summary>
    internal static void SetRoot(uint root) => s_root = root;

    internal static uint RootUnlocked => s_root;

    internal static int StreamsInUse => Streams.Count;

    private static void Install<T>(List<Action> undo, AmbientSlot<T> slot, T? value)
        where T : class
    {
        if (value is not null)
        {
            T? previous = slot.Exchange(value);
            undo.Add(() => slot.Exchange(previous));
        }
    }

    // The built-in sources, seeded in this order. Integrations living in the core assembly add themselves here
    // (e.g. torch's default generator, seeded as torch.manual_seed(s)); packages outside it call Register.
    private static IEnumerable<IRandomStateSource> BuiltInSources()
    {
        yield return new DelegateStateSource(
            "python.random",
            seed => PythonRandom.SharedSlot.Global.Seed((long)seed),
            () => PythonRandom.SharedSlot.Global.GetStateJson(),
            state => _ = PythonRandomState.FromJson(state),
            state => PythonRandom.SharedSlot.Global.SetStateJson(state));
        yield return new DelegateStateSource(
            "numpy.random",
            seed => NumPyRandomState.SharedSlot.Global.Seed(seed),
            () => NumPyRandomState.SharedSlot.Global.GetStateJson(),
            state => _ = NumPyLegacyState.FromJson(state),
            state => NumPyRandomState.SharedSlot.Global.SetStateJson(state));
        yield return new DelegateStateSource(
            "torch.default",
            seed => TorchGenerator.DefaultSlot.Global.ManualSeed((long)seed),
            () => TorchGenerator.DefaultSlot.Global.GetStateJson(),
            state => new TorchGenerator().SetStateJson(state),
            state => TorchGenerator.DefaultSlot.Global.SetStateJson(state));
        yield return new DelegateStateSource(
            GlobalStreamName,
            seed => GlobalSlot.Global.SetStateJson(CreateGlobal(seed).GetStateJson()),
            () => GlobalSlot.Global.GetStateJson(),
            state => _ = Pcg64State.FromJson(state),
            state => GlobalSlot.Global.SetStateJson(state));
        yield return Streams;
    }

    private static uint FreshSeed()
    {
        Span<byte> bytes = stackalloc byte[4];
        RandomNumberGenerator.Fill(bytes);
        return BinaryPrimitives.ReadUInt32LittleEndian(bytes);
    }
}

using OneSeed.Engines;

namespace OneSeed;

/// <summary>
/// A thread-safe <see cref="System.Random"/> over a OneSeed <see cref="BitGenerator"/>: every call takes one lock,
/// so concurrent draws never corrupt the state. This is the type of <see cref="Seed.Global"/>.
/// </summary>
/// <remarks>
/// <para>
/// Synchronization: a monitor lock per call (not per element: <see cref="Fill(Span{double})"/> and
/// <see cref="NextBytes(Span{byte})"/> hold it for the whole fill). An uncontended lock costs a few nanoseconds;
/// code that draws millions of values in a hot loop should take its own stream (<see cref="Seed.Stream"/>) instead,
/// which also makes its values independent of thread timing. Concurrent callers each get valid draws, but which
/// caller gets which value depends on scheduling: only the multiset of all values drawn is reproducible.
/// </para>
/// <para>
/// The draws are those of <see cref="BitGeneratorRandom"/> over the same engine (Lemire integers, the engine's
/// 53-bit doubles). .NET's own helpers that build on <see cref="Random"/> (<c>Shuffle</c>, <c>GetItems</c>) call
/// these members one element at a time, each under the lock: safe, but not atomic as a whole.
/// </para>
/// <para>Reproducibility tier: <b>stable within a major version</b> (single-threaded use).</para>
/// </remarks>
public sealed class SynchronizedRandom : Random
{
    private readonly object _gate = new();
    private readonly BitGenerator _engine;
    private readonly BitGeneratorRandom _random;

    /// <summary>Wraps <paramref name="engine"/>; the caller must not draw from the engine directly afterwards.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    public SynchronizedRandom(BitGenerator engine)
        : base(0) // the seeded base avoids allocating System.Random's own (unused) implementation
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        _random = new BitGeneratorRandom(engine);
    }

    /// <summary>The engine's algorithm name (as in its state JSON, e.g. <c>PCG64</c>).</summary>
    public string EngineName => _engine.GetType().Name;

    /// <inheritdoc />
    public override int Next()
    {
        lock (_gate)
        {
            return _random.Next();
        }
    }

    /// <inheritdoc />
    public override int Next(int maxValue)
    {
        lock (_gate)
        {
            return _random.Next(maxValue);
        }
    }

    /// <inheritdoc />
    public override int Next(int minValue, int maxValue)
    {
        lock (_gate)
        {
            return _random.Next(minValue, maxValue);
        }
    }

    /// <inheritdoc />
    public override long NextInt64()
    {
        lock (_gate)
        {
            return _random.NextInt64();
        }
    }

    /// <inheritdoc />
    public override long NextInt64(long maxValue)
    {
        lock (_gate)
        {
            return _random.NextInt64(maxValue);
        }
    }

    /// <inheritdoc />
    public override long NextInt64(long minValue, long maxValue)
    {
        lock (_gate)
        {
            return _random.NextInt64(minValue, maxValue);
        }
    }

    /// <inheritdoc />
    public override double NextDouble()
    {
        lock (_gate)
        {
            return _engine.NextDouble();
        }
    }

    /// <inheritdoc />
    public override float NextSingle()
    {
        lock (_gate)
        {
            return _random.NextSingle();
        }
    }

    /// <inheritdoc />
    public override void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        NextBytes(buffer.AsSpan());
    }

    /// <inheritdoc />
    public override void NextBytes(Span<byte> buffer)
    {
        lock (_gate)
        {
            _random.NextBytes(buffer);
        }
    }

    /// <summary>The engine's next raw 64-bit output.</summary>
    public ulong NextUInt64()
    {
        lock (_gate)
        {
            return _engine.NextUInt64();
        }
    }

    /// <summary>The engine's next raw 32-bit output.</summary>
    public uint NextUInt32()
    {
        lock (_gate)
        {
            return _engine.NextUInt32();
        }
    }

    /// <summary>Fills <paramref name="destination"/> with doubles in [0, 1), holding the lock once for the whole fill.</summary>
    public void Fill(Span<double> destination)
    {
        lock (_gate)
        {
            _engine.Fill(destination);
        }
    }

    /// <summary>Fills <paramref name="destination"/> with raw 64-bit outputs, holding the lock once for the whole fill.</summary>
    public void Fill(Span<ulong> destination)
    {
        lock (_gate)
        {
            _engine.Fill(destination);
        }
    }

    /// <summary>The engine's state as JSON (NumPy's <c>bit_generator.state</c> layout).</summary>
    public string GetStateJson()
    {
        lock (_gate)
        {
            return _engine.GetStateJson();
        }
    }

    /// <summary>Replaces the engine's state; invalid JSON is refused and changes nothing.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">The state is malformed or for another engine.</exception>
    public void SetStateJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        lock (_gate)
        {
            _engine.SetStateJson(json);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(SynchronizedRandom)}({_engine})";

    /// <inheritdoc />
    protected override double Sample() => NextDouble();
}

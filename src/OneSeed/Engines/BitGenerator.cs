namespace OneSeed.Engines;

/// <summary>
/// A source of raw random bits: the engine layer under every distribution and compatibility façade.
/// </summary>
/// <remarks>
/// <para>
/// The three primitive draws mirror NumPy's <c>bitgen_t</c> (<c>next_uint64</c>, <c>next_uint32</c>,
/// <c>next_double</c>), so a distribution written against this type consumes bits exactly as NumPy's
/// C code does over the same engine. Engines never parse seeds: they are built from a
/// <see cref="Seeding.SeedSequence"/> (or, where an upstream library defines one, an algorithm-specific
/// legacy initialisation), and their complete state is an explicit, versioned type.
/// </para>
/// <para>
/// Engines are sealed classes rather than structs: copying a struct silently duplicates a stream.
/// They are not thread-safe; give each thread its own engine (see <see cref="Seeding.SeedSequence.Spawn(int)"/>).
/// <see cref="object.ToString"/> never prints internal state.
/// </para>
/// <para>Reproducibility tier: <b>stable</b> — each engine's output for a given state is bit-exact forever.</para>
/// </remarks>
public abstract class BitGenerator
{
    /// <summary>Returns the next 64 random bits (NumPy's <c>next_uint64</c>).</summary>
    public abstract ulong NextUInt64();

    /// <summary>Returns the next 32 random bits (NumPy's <c>next_uint32</c>; 64-bit engines hand out the halves of one 64-bit draw, low half first).</summary>
    public abstract uint NextUInt32();

    /// <summary>Returns a double in [0, 1) with 53 random bits (NumPy's <c>next_double</c>).</summary>
    /// <remarks>The default is NumPy's <c>(next_uint64 &gt;&gt; 11) * 2^-53</c>; engines whose NumPy counterpart differs (MT19937) override it.</remarks>
    public virtual double NextDouble() => NextDoubleFromRaw(NextUInt64());

    /// <summary>
    /// The <see cref="NextDouble"/> value that the draws behind one <see cref="NextUInt64"/> value <paramref name="raw"/>
    /// give, for bulk paths that pre-draw raw words with <see cref="Fill(Span{ulong})"/> and need an occasional double
    /// from them. The default is NumPy's <c>(x &gt;&gt; 11) * 2^-53</c>; an engine whose <see cref="NextDouble"/> is
    /// another function of the same bits (MT19937's two words) overrides it.
    /// </summary>
    internal virtual double NextDoubleFromRaw(ulong raw) => UnitDoubles.FromUInt53(raw >> 11);

    /// <summary>Fills <paramref name="destination"/> with successive <see cref="NextUInt64"/> values.</summary>
    public virtual void Fill(Span<ulong> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = NextUInt64();
        }
    }

    /// <summary>Fills <paramref name="destination"/> with successive <see cref="NextUInt32"/> values.</summary>
    public virtual void Fill(Span<uint> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = NextUInt32();
        }
    }

    /// <summary>Fills <paramref name="destination"/> with successive <see cref="NextDouble"/> values (NumPy's <c>random_standard_uniform_fill</c>).</summary>
    public virtual void Fill(Span<double> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = NextDouble();
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with values of <paramref name="sampler"/>, drawing from this engine. Sealed
    /// engines override it to pass their own <see cref="IRawSource"/>, so the whole loop is specialised and the draws
    /// are inlined; the draws consumed, and so the results, are exactly those of calling the sampler once per value.
    /// </summary>
    internal virtual void FillSampled<TSampler, T>(Span<T> destination, ref TSampler sampler)
        where TSampler : struct, ISampler<T>
    {
        var source = new VirtualSource(this);
        FillSampled(ref source, destination, ref sampler);
    }

    /// <summary>The loop behind every <see cref="FillSampled{TSampler, T}(Span{T}, ref TSampler)"/> override.</summary>
    private protected static void FillSampled<TSource, TSampler, T>(ref TSource source, Span<T> destination, ref TSampler sampler)
        where TSource : struct, IRawSource
        where TSampler : struct, ISampler<T>
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = sampler.Sample(ref source);
        }
    }

    /// <summary>
    /// The complete engine state as JSON in the layout of NumPy's <c>bit_generator.state</c> dictionary
    /// (integers as JSON numbers of any size, arrays as lists), so it round-trips with Python
    /// (see <c>tools/numpy_state.py</c>).
    /// </summary>
    public abstract string GetStateJson();

    /// <summary>
    /// Replaces the engine state with one produced by <see cref="GetStateJson"/> or by NumPy.
    /// </summary>
    /// <exception cref="FormatException">The JSON is malformed, names another engine, or holds an invalid state; the engine is left unchanged.</exception>
    public abstract void SetStateJson(string json);

    /// <summary>
    /// Wraps this engine as a <see cref="System.Random"/>, so code and libraries written against
    /// <see cref="System.Random"/> draw from this reproducible stream. The adapter shares this engine's state.
    /// </summary>
    public Random AsRandom() => new BitGeneratorRandom(this);

    /// <inheritdoc />
    public override string ToString() => GetType().Name;
}

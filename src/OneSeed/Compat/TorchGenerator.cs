using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;
using OneSeed.Distributions;
using OneSeed.Engines;

namespace OneSeed.Compat;

/// <summary>
/// PyTorch's CPU generator (<c>torch.Generator()</c>, <c>at::CPUGeneratorImpl</c>) and the CPU sampling kernels of
/// <c>torch.rand</c>, <c>randn</c>, <c>randint</c>, <c>randperm</c>, <c>uniform_</c>, <c>normal_</c>, <c>random_</c>
/// and <c>bernoulli_</c>: the same numbers, bit for bit, as torch 1.13 for the same seed or state and the same calls.
/// </summary>
/// <remarks>
/// <para>
/// The engine is the 32-bit Mersenne Twister (<see cref="Mt19937"/>) seeded with <c>init_genrand</c> of the low 32
/// bits of the 64-bit seed; 64-bit draws are two 32-bit draws, the first in the high half. The generator also holds
/// torch's two cached normal deviates (<c>next_double_normal_sample</c>, <c>next_float_normal_sample</c>), which are
/// part of its state (<see cref="GetState"/>) and are cleared by <see cref="ManualSeed(ulong)"/>.
/// </para>
/// <para>
/// Each method says which torch call it reproduces. The double-precision Box–Muller paths (every normal of fewer
/// than 16 values, and <see cref="RandnDouble(int)"/>/<see cref="NormalDouble(double, double, int)"/> from 16 on) call the platform's
/// <c>log</c>, <c>sin</c> and <c>cos</c> through <see cref="Math"/>, as torch calls the C library's: on Linux
/// (glibc) they are bit-identical to torch on Linux; on another C runtime a value may differ in its last bit.
/// <see cref="Randn(int)"/> and <see cref="Normal(double, double, int)"/> for 16 or more values follow torch's AVX2 kernel
/// (<c>normal_fill_AVX2</c>, which torch uses on any x86-64 CPU with AVX2) in portable arithmetic, so they are the
/// same everywhere; torch itself, running without AVX2 (ARM, or <c>ATEN_CPU_CAPABILITY=default</c>), gives
/// different float32 normals there. See docs/torch.md.
/// </para>
/// <para>Reproducibility tier: <b>stable</b> (with the platform note above for the double-precision normals).</para>
/// <para>Not thread-safe: use one generator per thread, as torch's lock would serialise them anyway.</para>
/// </remarks>
public sealed partial class TorchGenerator
{
    /// <summary>The seed of torch's default CPU generator and of <c>torch.Generator()</c>: 67280421310721.</summary>
    public const ulong DefaultSeed = 67280421310721;

    /// <summary>The size in bytes of torch's state (<c>CPUGeneratorImplState</c>): 5056.</summary>
    public const int StateSize = 5056;

    /// <summary>The size in bytes of torch's legacy state (<c>CPUGeneratorImplStateLegacy</c>), which <see cref="SetState"/> also accepts: 5048.</summary>
    public const int LegacyStateSize = 5048;

    /// <summary>The name under <c>"bit_generator"</c> in the JSON layout of <see cref="GetStateJson"/>.</summary>
    public const string StateJsonName = "torch.CPUGenerator";

    private const int MtN = Mt19937.StateLength;

    // Values per chunk of the two-pass bulk paths (a multiple of normal_fill's block of 16).
    private const int UniformChunk = 2048;
    private const double TwoPi = 2.0 * Math.PI;

    // The process-wide instance behind Default, replaceable per thread / async flow by OneSeed's runtime (data-loader
    // workers); declared after the constants above so the type initializer has them when Default is first created.
    internal static readonly AmbientSlot<TorchGenerator> DefaultSlot = new(static () => new TorchGenerator());

    private Mt19937 _engine;
    private ulong _initialSeed;

    // torch's mt19937 keeps (left, next); after seeding it is (1, 0) and after the 624th draw (1, 624); both mean
    // "twist before the next draw", which Mt19937 models as position 624. This remembers which 'next' torch reports.
    private uint _nextWhenExhausted;
    private double? _nextDoubleNormal;
    private float? _nextFloatNormal;

    /// <summary>
    /// The default generator, as <c>torch.default_generator</c> (what <c>torch.rand(n)</c> draws from without a
    /// <c>generator=</c>): seeded with torch's default seed until <see cref="OneSeed.Seed.Everything(uint)"/> seeds it as
    /// <c>torch.manual_seed(seed)</c>. Not thread-safe; inside a <see cref="OneSeed.Seed.UseAmbient(AmbientSources)"/> scope
    /// (data-loader workers) it is that scope's own instance.
    /// </summary>
    public static TorchGenerator Default => DefaultSlot.Current;

    /// <summary>Creates a generator seeded with <see cref="DefaultSeed"/>, as <c>torch.Generator()</c>.</summary>
    public TorchGenerator()
        : this(DefaultSeed)
    {
    }

    /// <summary>Creates a generator seeded as <c>torch.Generator().manual_seed(seed)</c>; negative seeds map to their two's complement.</summary>
    public TorchGenerator(long seed)
        : this(unchecked((ulong)seed))
    {
    }

    /// <summary>Creates a generator seeded as <c>torch.Generator().manual_seed(seed)</c>.</summary>
    public TorchGenerator(ulong seed)
    {
        _engine = Mt19937.CreateLegacy((uint)seed);
        _initialSeed = seed;
    }

    /// <summary>The seed as <c>g.initial_seed()</c> reports it: the 64-bit seed last set (negative seeds as their two's complement).</summary>
    public ulong InitialSeed => _initialSeed;

    /// <summary>Reseeds as <c>g.manual_seed(seed)</c>: negative values are taken as their two's complement, as torch does.</summary>
    /// <returns>This generator.</returns>
    public TorchGenerator ManualSeed(long seed) => ManualSeed(unchecked((ulong)seed));

    /// <summary>Reseeds as <c>g.manual_seed(seed)</c> for seeds in [0, 2^64): <c>init_genrand</c> of the low 32 bits; clears the cached normals.</summary>
    /// <returns>This generator.</returns>
    public TorchGenerator ManualSeed(ulong seed)
    {
        _engine = Mt19937.CreateLegacy((uint)seed);
        _initialSeed = seed;
        _nextWhenExhausted = 0;
        _nextDoubleNormal = null;
        _nextFloatNormal = null;
        return this;
    }

    /// <summary>
    /// Reseeds with a fresh non-deterministic 53-bit seed and returns it, as <c>g.seed()</c> (torch also keeps its
    /// non-deterministic seeds below 2^53 so they survive a round trip through a double).
    /// </summary>
    public ulong Seed()
    {
        ulong seed = BinaryPrimitives.ReadUInt64LittleEndian(RandomNumberGenerator.GetBytes(8)) & ((1UL << 53) - 1);
        ManualSeed(seed);
        return seed;
    }

    /// <summary>Returns a copy of the complete state in torch's exact 5056-byte layout, as <c>bytes(g.get_state().tolist())</c>.</summary>
    /// <remarks>
    /// Layout (little-endian, as torch on x86-64 and ARM64): u64 initial seed, i32 left, i32 seeded (1), u64 next,
    /// 624 × u64 key words, f64 normal_x (0), f64 normal_y (the cached double normal), f64 normal_rho (0),
    /// i32 normal_is_valid, 4 zero bytes, f32 cached float normal, u8 its validity, 3 zero bytes.
    /// </remarks>
    public byte[] GetState()
    {
        var bytes = new byte[StateSize];
        Span<byte> s = bytes;
        Mt19937State engine = _engine.GetState();
        int pos = engine.Position;
        BinaryPrimitives.WriteUInt64LittleEndian(s, _initialSeed);
        BinaryPrimitives.WriteInt32LittleEndian(s[8..], pos >= MtN ? 1 : MtN + 1 - pos);
        BinaryPrimitives.WriteInt32LittleEndian(s[12..], 1);
        BinaryPrimitives.WriteUInt64LittleEndian(s[16..], pos >= MtN ? _nextWhenExhausted : (ulong)pos);
        for (int i = 0; i < MtN; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(s[(24 + (8 * i))..], engine.Key[i]);
        }

        if (_nextDoubleNormal is double d)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(s[5024..], d);
            BinaryPrimitives.WriteInt32LittleEndian(s[5040..], 1);
        }

        if (_nextFloatNormal is float f)
        {
            BinaryPrimitives.WriteSingleLittleEndian(s[5048..], f);
            s[5052] = 1;
        }

        return bytes;
    }

    /// <summary>
    /// Replaces the complete state with one in torch's layout (<see cref="StateSize"/> bytes, or the legacy
    /// <see cref="LegacyStateSize"/> bytes), as <c>g.set_state(torch.tensor(list(state), dtype=torch.uint8))</c>.
    /// A state that torch would refuse, or that torch's own generator can never reach, is refused and this generator is left unchanged.
    /// </summary>
    /// <remarks>
    /// As torch, key words are truncated to 32 bits, <c>next</c> to 32 bits, and any non-zero flag counts as true.
    /// OneSeed is stricter than torch in one respect: it requires <c>left + next == 625</c> unless <c>left == 1</c>
    /// (every state torch produces satisfies this; others would make torch read past its key array), and it refuses
    /// a key whose 19937 significant bits are all zero. A legacy state's cached normal is
    /// <c>normal_rho * sin(2π normal_x)</c>, computed with the platform's <c>sin</c> as torch does.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    /// <exception cref="ArgumentException">The state has the wrong size or invalid fields (the message names the field).</exception>
    public void SetState(byte[] state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Length != StateSize && state.Length != LegacyStateSize)
        {
            throw new ArgumentException($"A torch CPU generator state has {StateSize} bytes (or {LegacyStateSize} for the legacy layout); got {state.Length}.", nameof(state));
        }

        ReadOnlySpan<byte> s = state;
        ulong initialSeed = BinaryPrimitives.ReadUInt64LittleEndian(s);
        int left = BinaryPrimitives.ReadInt32LittleEndian(s[8..]);
        int seeded = BinaryPrimitives.ReadInt32LittleEndian(s[12..]);
        uint next = (uint)BinaryPrimitives.ReadUInt64LittleEndian(s[16..]);
        if (seeded == 0)
        {
            throw new ArgumentException("Invalid torch generator state: 'seeded' is 0 (torch refuses it as an invalid mt19937 state).", nameof(state));
        }

        if (left is < 1 or > MtN)
        {
            throw new ArgumentException($"Invalid torch generator state: 'left' is {left}; it must be in [1, {MtN}].", nameof(state));
        }

        if (next > MtN)
        {
            throw new ArgumentException($"Invalid torch generator state: 'next' is {next}; it must be in [0, {MtN}].", nameof(state));
        }

        if (left != 1 && left + next != MtN + 1)
        {
            throw new ArgumentException($"Invalid torch generator state: 'left' {left} and 'next' {next} must add up to {MtN + 1} (unless left is 1); torch never produces such a state.", nameof(state));
        }

        var key = new uint[MtN];
        for (int i = 0; i < MtN; i++)
        {
            key[i] = (uint)BinaryPrimitives.ReadUInt64LittleEndian(s[(24 + (8 * i))..]);
        }

        double? doubleNormal = null;
        float? floatNormal = null;
        bool normalValid = BinaryPrimitives.ReadInt32LittleEndian(s[5040..]) != 0;
        if (state.Length == StateSize)
        {
            if (normalValid)
            {
                doubleNormal = BinaryPrimitives.ReadDoubleLittleEndian(s[5024..]);
            }

            if (s[5052] != 0)
            {
                floatNormal = BinaryPrimitives.ReadSingleLittleEndian(s[5048..]);
            }
        }
        else if (normalValid)
        {
            double x = BinaryPrimitives.ReadDoubleLittleEndian(s[5016..]);
            double rho = BinaryPrimitives.ReadDoubleLittleEndian(s[5032..]);
            doubleNormal = rho * Math.Sin(TwoPi * x);
        }

        Mt19937State engineState;
        try
        {
            engineState = new Mt19937State(key, left == 1 ? MtN : (int)next);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Invalid torch generator state: {e.Message}", nameof(state), e);
        }

        _engine = new Mt19937(engineState);
        _initialSeed = initialSeed;
        _nextWhenExhausted = left == 1 ? next : MtN;
        _nextDoubleNormal = doubleNormal;
        _nextFloatNormal = floatNormal;
    }

    /// <summary>
    /// The state as JSON: <c>{"bit_generator": "torch.CPUGenerator", "oneseed_state_version": 1, "state": base64 of the 5056 bytes of <see cref="GetState"/>}</c>.
    /// In Python: <c>g.set_state(torch.tensor(list(base64.b64decode(j["state"])), dtype=torch.uint8))</c>.
    /// </summary>
    public string GetStateJson()
    {
        string base64 = Convert.ToBase64String(GetState());
        return StateJson.Write(StateJsonName, w => w.WriteString("state", base64));
    }

    /// <summary>Restores a state written by <see cref="GetStateJson"/> (or by Python in the same layout); bad input leaves this generator unchanged.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">The JSON is malformed, not a torch CPU generator state, or the state is invalid.</exception>
    public void SetStateJson(string json)
    {
        byte[] bytes = StateJson.Read(json, StateJsonName, root =>
        {
            string text = StateJson.GetString(root, "state");
            try
            {
                return Convert.FromBase64String(text);
            }
            catch (FormatException e)
            {
                throw new FormatException($"State entry 'state' is not valid base64: {e.Message}", e);
            }
        });
        try
        {
            SetState(bytes);
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message, e);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"TorchGenerator(initial_seed={_initialSeed})";

    // ------------------------------------------------------------------ uniform

    /// <summary><c>torch.rand(n, generator=g)</c> (float32): 24 bits of one 32-bit draw each, times 2^-24.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public float[] Rand(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        // Every element is overwritten below, so skip zeroing the (usually large) array first.
        float[] result = ResultArrays.Uninitialized<float>(n);
        FillUniformFloat(result);
        return result;
    }

    /// <summary>
    /// <c>torch.rand(n, generator=g, out=result)</c> (float32) for n = <paramref name="result"/>.Length: the values of
    /// <see cref="Rand(int)"/>, written into the caller's memory (no allocation).
    /// </summary>
    public void Rand(Span<float> result) => FillUniformFloat(result);

    /// <summary><c>torch.rand(n, dtype=torch.float64, generator=g, out=result)</c>: the values of <see cref="RandDouble(int)"/>, written into the caller's memory.</summary>
    public void RandDouble(Span<double> result) => FillUniformDouble(result);

    /// <summary><c>torch.rand(n, dtype=torch.float64, generator=g)</c>: the low 53 bits of one 64-bit draw each, times 2^-53.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public double[] RandDouble(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        // Every element is overwritten below, so skip zeroing the (usually large) array first.
        double[] result = ResultArrays.Uninitialized<double>(n);
        FillUniformDouble(result);
        return result;
    }

    /// <summary><c>torch.empty(n).uniform_(from, to, generator=g)</c> (float32); the bounds are first rounded to float32, as torch does.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative, a bound is outside the float32 range, <paramref name="from"/> &gt; <paramref name="to"/>, or the float32 range overflows.</exception>
    public float[] Uniform(double from, double to, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        CheckUniformRange(from, to, float.MaxValue);
        // Every element is overwritten below, so skip zeroing the (usually large) array first.
        float[] result = ResultArrays.Uninitialized<float>(n);
        Uniform(from, to, result.AsSpan());
        return result;
    }

    /// <summary><c>torch.empty(n, dtype=torch.float64).uniform_(from, to, generator=g)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative, a bound is not finite, <paramref name="from"/> &gt; <paramref name="to"/>, or the range overflows.</exception>
    public double[] UniformDouble(double from, double to, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        CheckUniformRange(from, to, double.MaxValue);
        double[] result = ResultArrays.Uninitialized<double>(n);
        UniformDouble(from, to, result.AsSpan());
        return result;
    }

    // ------------------------------------------------------------------ integers

    /// <summary>
    /// <c>torch.randint(low, high, (n,), generator=g)</c> (int64): <c>low + draw % (high - low)</c>, where the draw is
    /// 32 bits for ranges below 2^32 and 64 bits otherwise (torch's modulo, with its small bias, kept for compatibility).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative or <paramref name="low"/> ≥ <paramref name="high"/>.</exception>
    public long[] RandInt(long low, long high, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (low >= high)
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"randint needs low < high; got low = {low}, high = {high}.");
        }

        ulong range = unchecked((ulong)high - (ulong)low);
        long[] result = ResultArrays.Uninitialized<long>(n);
        if (n == 0)
        {
            return result;
        }

        if (range < (1UL << 32))
        {
            Span<uint> words = MemoryMarshal.Cast<long, uint>(result.AsSpan())[..n];
            _engine.Fill(words);
            Touch();

            // Backwards, so widening in place never overwrites a word not yet read.
            for (int i = n - 1; i >= 0; i--)
            {
                result[i] = unchecked((long)((words[i] % range) + (ulong)low));
            }
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                result[i] = unchecked((long)((NextUInt64() % range) + (ulong)low));
            }
        }

        return result;
    }

    /// <summary><c>torch.randint(high, (n,), generator=g)</c>: <see cref="RandInt(long, long, int)"/> with low 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative or <paramref name="high"/> ≤ 0.</exception>
    public long[] RandInt(long high, int n) => RandInt(0, high, n);

    /// <summary><c>torch.empty((), dtype=torch.int64).random_(generator=g)</c>: one 64-bit draw modulo 2^63, in [0, 2^63).</summary>
    /// <remarks>This is the base seed torch's <c>DataLoader</c> draws at the start of each epoch.</remarks>
    public long Random() => (long)(NextUInt64() & long.MaxValue);

    /// <summary>
    /// <c>torch.randperm(n, generator=g)</c> (int64) on the CPU: the identity, then for i = 0 … n−2 a swap of i with
    /// i + (32-bit draw % (n − i)).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative or larger than <see cref="Array.MaxLength"/>.</exception>
    public long[] RandPerm(long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, Array.MaxLength);
        long[] result = ResultArrays.Uninitialized<long>((int)n);
        RandPerm(result);
        return result;
    }

    /// <summary>
    /// <c>torch.randperm(n, generator=g, out=result)</c> with n = <paramref name="result"/>.Length: the values and draws
    /// of <see cref="RandPerm(long)"/>, written into a caller's buffer.
    /// </summary>
    public void RandPerm(Span<long> result)
    {
        if (result.Length >= FisherYates.NarrowFrom)
        {
            FisherYates.ShuffledPositions(result, positions => ShuffleLikeRandPerm(positions));
            return;
        }

        FisherYates.ArangeInto(result);
        if (result.Length > 1)
        {
            ShuffleLikeRandPerm(result);
        }
    }

    /// <summary><c>torch.randperm(n, generator=g)</c> as <see cref="int"/> indices (the same draws as <see cref="RandPerm(long)"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public int[] RandPermInt32(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        int[] result = ResultArrays.Uninitialized<int>(n);
        FisherYates.ArangeInto<int>(result);

        if (n > 1)
        {
            ShuffleLikeRandPerm<int>(result);
        }

        return result;
    }

    // ------------------------------------------------------------------ Bernoulli

    /// <summary>
    /// <c>torch.empty(n).bernoulli_(p, generator=g)</c> with the portable CPU kernel (torch builds without MKL,
    /// such as Debian's): <c>u &lt; p</c> for a 53-bit double u per value. Torch builds with MKL (the pip wheels for x86-64)
    /// draw one 32-bit seed and use MKL's own generator instead, which this does not reproduce.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative or <paramref name="p"/> is not in [0, 1].</exception>
    public bool[] Bernoulli(double p, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "bernoulli_ expects p in [0, 1].");
        }

        double[] u = ResultArrays.Uninitialized<double>(n);
        FillUniformDouble(u);
        bool[] result = ResultArrays.Uninitialized<bool>(n);
        for (int i = 0; i < n; i++)
        {
            result[i] = u[i] < p;
        }

        return result;
    }

    // ------------------------------------------------------------------ normal

    /// <summary>
    /// <c>torch.randn(n, generator=g)</c> (float32). Below 16 values each is a double Box–Muller deviate (sharing the
    /// generator's cached double normal) rounded to float32; from 16 on, torch's vectorized path: n uniforms, then
    /// Box–Muller on blocks of 16, and for n not a multiple of 16 the last 16 values are drawn again and recomputed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public float[] Randn(int n) => Normal(0.0, 1.0, n);

    /// <summary><c>torch.randn(n, dtype=torch.float64, generator=g)</c>: the same two paths as <see cref="Randn(int)"/>, in double precision.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public double[] RandnDouble(int n) => NormalDouble(0.0, 1.0, n);

    /// <summary><c>torch.empty(n).normal_(mean, std, generator=g)</c> (float32); see <see cref="Randn(int)"/> for the two paths.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative, <paramref name="std"/> is negative or either parameter is not finite.</exception>
    public float[] Normal(double mean, double std, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        CheckNormal(mean, std);
        float[] result = ResultArrays.Uninitialized<float>(n);
        FillNormal(result, mean, std);
        return result;
    }

    /// <summary>
    /// <c>result.normal_(mean, std, generator=g)</c> on a float32 tensor of <paramref name="result"/>.Length values (and
    /// <c>torch.randn(n, generator=g, out=result)</c> for mean 0, std 1): the values of <see cref="Normal(double, double, int)"/>,
    /// written into the caller's memory.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="std"/> is negative or either parameter is not finite.</exception>
    public void Normal(double mean, double std, Span<float> result)
    {
        CheckNormal(mean, std);
        FillNormal(result, mean, std);
    }

    /// <summary><c>torch.randn(n, generator=g, out=result)</c> (float32): see <see cref="Normal(double, double, Span{float})"/>.</summary>
    public void Randn(Span<float> result) => FillNormal(result, 0.0, 1.0);

    private void FillNormal(Span<float> result, double mean, double std)
    {
        int n = result.Length;
        if (n >= 16)
        {
            // torch draws all n uniforms, then transforms each complete block of 16 (blocks are independent): chunk by
            // chunk (a multiple of 16) gives the same draws and keeps each chunk in L1 between the two passes.
            for (int start = 0; start < n; start += UniformChunk)
            {
                Span<float> chunk = result.Slice(start, Math.Min(UniformChunk, n - start));
                FillUniformFloat(chunk);
                TorchNormalAvx2.Transform(chunk, (float)mean, (float)std);
            }

            if (n % 16 != 0)
            {
                Span<float> tail = result[(n - 16)..];
                FillUniformFloat(tail);
                TorchNormalAvx2.Transform(tail, (float)mean, (float)std);
            }
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                result[i] = (float)ScalarNormal(mean, std);
            }
        }
    }

    /// <summary><c>torch.empty(n, dtype=torch.float64).normal_(mean, std, generator=g)</c>; see <see cref="Randn(int)"/> for the two paths.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative, <paramref name="std"/> is negative or either parameter is not finite.</exception>
    public double[] NormalDouble(double mean, double std, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        CheckNormal(mean, std);
        double[] result = ResultArrays.Uninitialized<double>(n);
        FillNormalDouble(result, mean, std);
        return result;
    }

    /// <summary><c>result.normal_(mean, std, generator=g)</c> on a float64 tensor: the values of <see cref="NormalDouble(double, double, int)"/>, written into the caller's memory.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="std"/> is negative or either parameter is not finite.</exception>
    public void NormalDouble(double mean, double std, Span<double> result)
    {
        CheckNormal(mean, std);
        FillNormalDouble(result, mean, std);
    }

    /// <summary><c>torch.randn(n, dtype=torch.float64, generator=g, out=result)</c>: see <see cref="NormalDouble(double, double, Span{double})"/>.</summary>
    public void RandnDouble(Span<double> result) => FillNormalDouble(result, 0.0, 1.0);

    private void FillNormalDouble(Span<double> result, double mean, double std)
    {
        int n = result.Length;
        if (n >= 16)
        {
            // As FillNormal: chunk by chunk (a multiple of 16), the same draws as torch's one pass over all n.
            for (int start = 0; start < n; start += UniformChunk)
            {
                Span<double> chunk = result.Slice(start, Math.Min(UniformChunk, n - start));
                FillUniformDouble(chunk);
                TorchNormalFloat64.Transform(chunk, mean, std);
            }

            if (n % 16 != 0)
            {
                Span<double> tail = result[(n - 16)..];
                FillUniformDouble(tail);
                TorchNormalFloat64.Transform(tail, mean, std);
            }
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                result[i] = ScalarNormal(mean, std);
            }
        }
    }

    // ------------------------------------------------------------------ internals

    internal uint NextUInt32()
    {
        Touch();
        return _engine.NextUInt32();
    }

    internal ulong NextUInt64()
    {
        Touch();
        return _engine.NextUInt64();
    }

    private void Touch() => _nextWhenExhausted = MtN;

    // The span forms take no shapes: an output or a second input must have the length torch's output would have.
    private static void CheckSameLength(int expected, int actual, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"{name} has {actual} elements; it must have {expected}, one per element of torch's output (torch would broadcast or refuse the shapes).", name);
        }
    }

    private static void CheckUniformRange(double from, double to, double max)
    {
        // As torch's check_uniform_bounds: both bounds representable in the output type.
        if (!(Math.Abs(from) <= max))
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, $"uniform_ expects 'from' to be in [{-max}, {max}].");
        }

        if (!(Math.Abs(to) <= max))
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"uniform_ expects 'to' to be in [{-max}, {max}].");
        }

        if (from > to)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"uniform_ expects from <= to; got from = {from}, to = {to}.");
        }

        if (to - from > max)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"uniform_ expects to - from <= {max}; got from = {from}, to = {to}.");
        }
    }

    private static void CheckNormal(double mean, double std)
    {
        if (!double.IsFinite(mean))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "normal_ expects a finite mean.");
        }

        if (!(std >= 0) || !double.IsFinite(std))
        {
            throw new ArgumentOutOfRangeException(nameof(std), std, "normal_ expects a finite std >= 0.");
        }
    }

    private void FillUniformFloat(Span<float> destination)
    {
        if (destination.IsEmpty)
        {
            return;
        }

        Touch();
        for (int start = 0; start < destination.Length; start += UniformChunk)
        {
            // In chunks, so the tempered words are still in L1 when they are converted.
            Span<float> chunk = destination.Slice(start, Math.Min(UniformChunk, destination.Length - start));
            _engine.Fill(MemoryMarshal.Cast<float, uint>(chunk));
            ToUnitFloats(chunk);
        }
    }

    private static void ToUnitFloats(Span<float> destination)
    {
        // (word & 0xFFFFFF) * 2^-24: the int-to-float conversion and the scaling are exact, so lanes give the scalar bits.
        // Raw loads and stores, two vectors per step: the Span-slicing Vector<int> form cost about as much as the
        // engine's own fill of the same words (bounds checks and copies around each vcvtdq2ps).
        ref int words = ref Unsafe.As<float, int>(ref MemoryMarshal.GetReference(destination));
        int n = destination.Length;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<int> mask = Vector256.Create(0xFFFFFF);
            Vector256<float> scale = Vector256.Create(1.0f / 16777216.0f);
            for (; i <= n - (2 * Vector256<int>.Count); i += 2 * Vector256<int>.Count)
            {
                Vector256<int> a = Vector256.LoadUnsafe(ref words, (nuint)i);
                Vector256<int> b = Vector256.LoadUnsafe(ref words, (nuint)(i + Vector256<int>.Count));
                (Vector256.ConvertToSingle(a & mask) * scale).AsInt32().StoreUnsafe(ref words, (nuint)i);
                (Vector256.ConvertToSingle(b & mask) * scale).AsInt32().StoreUnsafe(ref words, (nuint)(i + Vector256<int>.Count));
            }
        }

        for (; i < n; i++)
        {
            ref int word = ref Unsafe.Add(ref words, i);
            Unsafe.As<int, float>(ref word) = (word & 0xFFFFFF) * (1.0f / 16777216.0f);
        }
    }

    private void FillUniformDouble(Span<double> destination)
    {
        if (destination.IsEmpty)
        {
            return;
        }

        Touch();
        for (int start = 0; start < destination.Length; start += UniformChunk)
        {
            Span<double> chunk = destination.Slice(start, Math.Min(UniformChunk, destination.Length - start));
            _engine.Fill(MemoryMarshal.Cast<double, uint>(chunk));
            ToUnitDoubles(chunk);
        }
    }

    private static void ToUnitDoubles(Span<double> destination)
    {

        // random64() = first draw << 32 | second draw, i.e. each little-endian 64-bit pair with its halves swapped;
        // keep its low 53 bits. UnitDoubles converts that 53-bit integer exactly (AVX2 has no u64-to-double, and the
        // generic long-to-double conversion is emulated lane by lane there), and the scaling by 2^-53 is exact.
        Span<ulong> pairs = MemoryMarshal.Cast<double, ulong>(destination);
        const ulong Mask53 = (1UL << 53) - 1;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref ulong start = ref MemoryMarshal.GetReference(pairs);
            for (; i <= pairs.Length - Vector256<ulong>.Count; i += Vector256<ulong>.Count)
            {
                Vector256<ulong> v = Vector256.LoadUnsafe(ref start, (nuint)i);
                UnitDoubles.FromUInt53(((v << 32) | (v >>> 32)) & Vector256.Create(Mask53)).AsUInt64().StoreUnsafe(ref start, (nuint)i);
            }
        }

        for (; i < pairs.Length; i++)
        {
            ulong value = BitOperations.RotateLeft(pairs[i], 32);
            destination[i] = UnitDoubles.FromUInt53(value & Mask53);
        }
    }

    private double NextUniformDouble() => UnitDoubles.FromUInt53(NextUInt64() & ((1UL << 53) - 1));

    // at::normal_distribution<double>: Box–Muller on two 53-bit uniforms, the sine deviate cached for the next call.
    private double ScalarNormal(double mean, double std)
    {
        double z;
        if (_nextDoubleNormal is double cached)
        {
            _nextDoubleNormal = null;
            z = cached;
        }
        else
        {
            double u1 = NextUniformDouble();
            double u2 = NextUniformDouble();
            double r = Math.Sqrt(-2.0 * Math.Log(1.0 - u2));
            (double sin, double cos) = Math.SinCos(TwoPi * u1);
            _nextDoubleNormal = r * sin;
            z = r * cos;
        }

        return Math.FusedMultiplyAdd(z, std, mean);
    }

    /// <summary>
    /// partners[k] = i + k + draws[k] % (n - i - k). The remainder comes from a double division where AVX2 is present:
    /// for x &lt; 2^32 and 0 &lt; d &lt; 2^31, floor(fl(x / d)) is exactly floor(x / d) (a non-integer x / d lies at
    /// least 1/d from the next integer, which is more than half an ulp of the quotient), and x - q * d is exact in
    /// doubles. Four remainders per <c>vdivpd</c> instead of one integer division each.
    /// </summary>
    internal static void RandPermPartners(ReadOnlySpan<uint> draws, Span<int> partners, int i, int n)
    {
        int k = 0;
        if (Avx2.IsSupported)
        {
            Vector256<double> bias = Vector256.Create(2147483648.0);
            for (; k <= draws.Length - Vector128<uint>.Count; k += Vector128<uint>.Count)
            {
                // vcvtdq2pd is signed: the draws go through it shifted down by 2^31 and come back up.
                Vector128<int> shifted = (Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(draws), (nuint)k) ^ Vector128.Create(0x80000000u)).AsInt32();
                Vector256<double> x = Avx.ConvertToVector256Double(shifted) + bias;
                Vector128<int> position = Vector128.Create(i + k) + Vector128.Create(0, 1, 2, 3);
                Vector256<double> d = Avx.ConvertToVector256Double(Vector128.Create(n) - position);
                Vector256<double> q = Avx.RoundToNegativeInfinity(x / d);
                Vector128<int> remainder = Avx.ConvertToVector128Int32WithTruncation(x - (q * d));
                (position + remainder).StoreUnsafe(ref MemoryMarshal.GetReference(partners), (nuint)k);
            }
        }

        for (; k < draws.Length; k++)
        {
            partners[k] = i + k + (int)(draws[k] % (uint)(n - i - k));
        }
    }

    private void ShuffleLikeRandPerm<T>(Span<T> values)
    {
        // Exactly n - 1 draws, taken from the engine in blocks (Fill draws no more than asked, so the state stays exact).
        // The partners depend only on the position, so a block's partners are computed first and their cache lines
        // fetched ahead of the swaps (the swaps stay in torch's order).
        Span<uint> draws = stackalloc uint[256];
        Span<int> partners = stackalloc int[256];
        int n = values.Length;
        int i = 0;
        while (i < n - 1)
        {
            Span<uint> block = draws[..Math.Min(draws.Length, n - 1 - i)];
            _engine.Fill(block);
            RandPermPartners(block, partners, i, n);

            for (int k = 0; k < Math.Min(CacheHints.PrefetchDistance, block.Length); k++)
            {
                CacheHints.Prefetch(ref values[partners[k]]);
            }

            for (int k = 0; k < block.Length; k++)
            {
                if (k + CacheHints.PrefetchDistance < block.Length)
                {
                    CacheHints.Prefetch(ref values[partners[k + CacheHints.PrefetchDistance]]);
                }

                int z = partners[k];
                (values[i], values[z]) = (values[z], values[i]);
                i++;
            }
        }

        Touch();
    }
}

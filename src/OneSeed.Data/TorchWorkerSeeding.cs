using System.Numerics;
using OneSeed.Compat;
using OneSeed.Engines;
using OneSeed.Seeding;

namespace OneSeed.Data;

/// <summary>
/// How PyTorch's worker loop (torch 1.13, <c>torch/utils/data/_utils/worker.py</c>) seeds a worker's ambient generators,
/// which <see cref="DataLoader{T, TBatch}"/> reproduces on each of its worker threads.
/// </summary>
/// <remarks>
/// <para>
/// For a worker with id <c>w</c> and the epoch's base seed <c>b</c>, torch sets <c>seed = b + w</c> (a Python integer: no
/// wrapping), then calls <c>random.seed(seed)</c>, <c>torch.manual_seed(seed)</c> and
/// <c>np.random.seed(_generate_state(b, w))</c>, four 32-bit words from a SeedSequence-like hash of
/// <c>[w, b &amp; 0xFFFFFFFF, b &gt;&gt; 32, 0]</c> (<see cref="GenerateState"/>). OneSeed adds <see cref="Seed.Global"/>, seeded
/// from a PCG64 over <c>SeedSequence(seed).Derive("oneseed.global")</c> — what <see cref="AmbientSources.Seeded"/> and
/// <see cref="Seed.Everything(uint)"/> do for a root seed, widened to the worker seed's range.
/// </para>
/// <para>Reproducibility tier: <b>stable</b> (bit-identical to torch 1.13's worker seeding; checked live).</para>
/// </remarks>
public static class TorchWorkerSeeding
{
    private const uint InitA = 0x43b0d7e5;
    private const uint MultA = 0x931e8875;
    private const uint InitB = 0x8b51f9dd;
    private const uint MultB = 0x58f38ded;
    private const uint MixMultL = 0xca01f9dd;
    private const uint MixMultR = 0x4973f715;
    private const int XShift = 16;

    /// <summary>The worker's seed, <c>baseSeed + workerId</c>, as Python computes it (no wrapping).</summary>
    /// <param name="baseSeed">The epoch's base seed.</param>
    /// <param name="workerId">The worker's id, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workerId"/> is negative.</exception>
    public static BigInteger WorkerSeed(long baseSeed, int workerId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workerId);
        return (BigInteger)baseSeed + workerId;
    }

    /// <summary>
    /// torch's <c>_generate_state(base_seed, worker_id)</c>: the four 32-bit words the worker loop passes to
    /// <c>np.random.seed</c> (so that NumPy's legacy state differs between workers and epochs).
    /// </summary>
    /// <param name="baseSeed">The epoch's base seed.</param>
    /// <param name="workerId">The worker's id, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workerId"/> is negative.</exception>
    public static uint[] GenerateState(long baseSeed, int workerId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workerId);

        // Python's base_seed >> 32 is an arithmetic shift; only its low 32 bits survive the hash's masking.
        ReadOnlySpan<uint> entropy = [(uint)workerId, (uint)baseSeed, (uint)(baseSeed >> 32), 0u];
        Span<uint> pool = stackalloc uint[4];
        uint hashConstA = InitA;
        for (int i = 0; i < pool.Length; i++)
        {
            pool[i] = Hash(entropy[i], ref hashConstA);
        }

        for (int src = 0; src < pool.Length; src++)
        {
            for (int dst = 0; dst < pool.Length; dst++)
            {
                if (src != dst)
                {
                    pool[dst] = Mix(pool[dst], Hash(pool[src], ref hashConstA));
                }
            }
        }

        uint hashConstB = InitB;
        uint[] state = new uint[4];
        for (int i = 0; i < state.Length; i++)
        {
            uint value = pool[i] ^ hashConstB;
            hashConstB = unchecked(hashConstB * MultB);
            value = unchecked(value * hashConstB);
            state[i] = value ^ (value >> XShift);
        }

        return state;
    }

    /// <summary>
    /// Fresh instances seeded as torch's worker loop seeds worker <paramref name="workerId"/> for base seed
    /// <paramref name="baseSeed"/>, plus <see cref="Seed.Global"/>'s (see the remarks), for <see cref="Seed.UseAmbient"/>.
    /// </summary>
    /// <param name="baseSeed">The epoch's base seed.</param>
    /// <param name="workerId">The worker's id, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workerId"/> is negative.</exception>
    public static AmbientSources CreateSources(long baseSeed, int workerId)
    {
        BigInteger seed = WorkerSeed(baseSeed, workerId);

        // torch.manual_seed takes the value modulo 2^64 (a loader's base seed is below 2^63, so b + w always fits; only a
        // custom sampler's negative base seed wraps). SeedSequence takes no negative entropy, hence the absolute value
        // (random.seed does the same with negative integers).
        ulong torchSeed = (ulong)(seed & ulong.MaxValue);
        return new AmbientSources
        {
            Python = new PythonRandom(seed),
            NumPy = new NumPyRandomState(GenerateState(baseSeed, workerId)),
            Torch = new TorchGenerator(torchSeed),
            Global = new SynchronizedRandom(new Pcg64(new SeedSequence(BigInteger.Abs(seed)).Derive(Seed.GlobalStreamName))),
        };
    }

    private static uint Hash(uint value, ref uint hashConstA)
    {
        value ^= hashConstA;
        hashConstA = unchecked(hashConstA * MultA);
        value = unchecked(value * hashConstA);
        return value ^ (value >> XShift);
    }

    private static uint Mix(uint x, uint y)
    {
        uint result = unchecked((MixMultL * x) - (MixMultR * y));
        return result ^ (result >> XShift);
    }
}

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

        // torch's _generate_state is NumPy's SeedSequence algorithm over the words [worker_id, base & 0xFFFFFFFF,
        // base >> 32, 0] (pool size 4, four output words). Python's >> is arithmetic; only the low 32 bits survive.
        return new SeedSequence([(uint)workerId, (uint)baseSeed, (uint)(baseSeed >> 32), 0u]).GenerateState(4);
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
}

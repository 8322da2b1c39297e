using BenchmarkDotNet.Attributes;
using OneSeed.Data;

namespace OneSeed.Benchmarks;

/// <summary>
/// The data loader's cost per sample: a trivial dataset (pure overhead: sampler, batching, context, enumeration) at batch
/// 64 on the calling thread, and a CPU-bound transform (4096 normals from the per-sample generator, sorted) with 0/1/2
/// workers. bench/torch_dataloader_bench.py times the same workloads through PyTorch's DataLoader.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1001 // BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes the loaders.
public class DataLoaderBenchmarks
#pragma warning restore CA1001
{
    private const int TrivialSamples = 64 * 1024;
    private const int TransformSamples = 512;
    private const int TransformSize = 4096;

    private DataLoader<int> _trivial = null!;
    private DataLoader<double> _transform = null!;

    /// <summary>Worker threads for the CPU-bound transform.</summary>
    [Params(0, 1, 2)]
    public int Workers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _trivial = new DataLoader<int>(Dataset.FromList(Enumerable.Range(0, TrivialSamples).ToArray()), new DataLoaderOptions { BatchSize = 64, Shuffle = true, Seed = 1 });
        _transform = new DataLoader<double>(
            Dataset.Create(TransformSamples, static (i, context) =>
            {
                double[] values = context.Rng.StandardNormal(TransformSize);
                Array.Sort(values);
                return values[TransformSize / 2];
            }),
            new DataLoaderOptions { BatchSize = 64, Shuffle = true, Seed = 1, Workers = Workers });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _trivial.Dispose();
        _transform.Dispose();
    }

    /// <summary>One shuffled epoch of a trivial in-memory dataset, batch 64, no workers; reported per sample.</summary>
    [Benchmark(OperationsPerInvoke = TrivialSamples)]
    public int TrivialPerSample()
    {
        // The trivial workload does not depend on Workers; it is measured once (the Workers=0 row is the one to read).
        int sum = 0;
        foreach (IReadOnlyList<int> batch in _trivial)
        {
            sum += batch[0];
        }

        return sum;
    }

    /// <summary>One epoch of the CPU-bound transform with <see cref="Workers"/> workers; reported per sample.</summary>
    [Benchmark(OperationsPerInvoke = TransformSamples)]
    public double TransformPerSample()
    {
        double sum = 0;
        foreach (IReadOnlyList<double> batch in _transform)
        {
            sum += batch[0];
        }

        return sum;
    }
}

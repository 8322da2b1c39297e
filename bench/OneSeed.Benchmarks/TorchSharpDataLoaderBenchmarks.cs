using BenchmarkDotNet.Attributes;
using OneSeed.Compat;
using OneSeed.Engines;
using OneSeed.Seeding;
using OneSeed.TorchSharp;
using TorchSharp;
using TorchSharp.Modules;

namespace OneSeed.Benchmarks;

/// <summary>
/// The workloads of <see cref="DataLoaderBenchmarks"/> through TorchSharp's own <c>DataLoader</c> (0.107), for the
/// side-by-side table: a trivial in-memory dataset at batch 64, and the CPU-bound transform (4096 normals from a
/// per-sample generator, sorted) with 1 and 2 workers. TorchSharp has no "0 workers" mode; its 1 is the calling-thread
/// equivalent. The per-sample generator is seeded from the sample index only, as OneSeed's loader does.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1001 // BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes the loaders.
public class TorchSharpDataLoaderBenchmarks
#pragma warning restore CA1001
{
    private const int TrivialSamples = 64 * 1024;
    private const int TransformSamples = 512;
    private const int TransformSize = 4096;

    private DataLoader<int, int[]> _trivial = null!;
    private DataLoader<double, double[]> _transform = null!;

    /// <summary>TorchSharp's num_worker for the CPU-bound transform.</summary>
    [Params(1, 2)]
    public int Workers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        TorchSharpNative.EnsureLoaded();
#pragma warning disable ONESEED007 // TorchSharp's own loader is what this benchmark times, shuffling as users run it; its order is not a result
        _trivial = new DataLoader<int, int[]>(new TrivialDataset(TrivialSamples), 64, static (items, _) => [.. items], shuffle: true, device: torch.CPU, seed: 1);
        _transform = new DataLoader<double, double[]>(new TransformDataset(TransformSamples), 64, static (items, _) => [.. items], shuffle: true, device: torch.CPU, seed: 1, num_worker: Workers);
#pragma warning restore ONESEED007
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _trivial.Dispose();
        _transform.Dispose();
    }

    /// <summary>One shuffled epoch of a trivial dataset, batch 64, one worker; reported per sample.</summary>
    [Benchmark(OperationsPerInvoke = TrivialSamples)]
    public int TrivialPerSample()
    {
        int sum = 0;
        foreach (int[] batch in _trivial)
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
        foreach (double[] batch in _transform)
        {
            sum += batch[0];
        }

        return sum;
    }

    private sealed class TrivialDataset(int count) : torch.utils.data.Dataset<int>
    {
        public override long Count => count;

        public override int GetTensor(long index) => (int)index;
    }

    private sealed class TransformDataset(int count) : torch.utils.data.Dataset<double>
    {
        private static readonly SeedSequence Root = new(1);

        public override long Count => count;

        public override double GetTensor(long index)
        {
            double[] values = new NumPyGenerator(new Pcg64(Root.Derive("sample", 0, index))).StandardNormal(TransformSize);
            Array.Sort(values);
            return values[TransformSize / 2];
        }
    }
}

using BenchmarkDotNet.Attributes;
using OneSeed.Compat;

namespace OneSeed.Benchmarks;

/// <summary>
/// The torch-compatible generator's bulk draws; bench/torch_bench.py times torch 1.13 doing the same calls on one
/// thread. Each call allocates its result, as <c>torch.rand(N)</c> and friends do.
/// </summary>
public class TorchBenchmarks
{
    private readonly TorchGenerator _generator = new(12345);

    /// <summary>torch.rand(N) (float32).</summary>
    [Benchmark]
    public float[] Rand() => _generator.Rand(BulkFillBenchmarks.N);

    /// <summary>torch.rand(N, dtype=torch.float64).</summary>
    [Benchmark]
    public double[] RandDouble() => _generator.RandDouble(BulkFillBenchmarks.N);

    /// <summary>torch.randn(N) (float32, torch's AVX2 path).</summary>
    [Benchmark]
    public float[] Randn() => _generator.Randn(BulkFillBenchmarks.N);

    /// <summary>torch.randn(N, dtype=torch.float64).</summary>
    [Benchmark]
    public double[] RandnDouble() => _generator.RandnDouble(BulkFillBenchmarks.N);

    /// <summary>torch.randperm(N).</summary>
    [Benchmark]
    public long[] RandPerm() => _generator.RandPerm(BulkFillBenchmarks.N);
}

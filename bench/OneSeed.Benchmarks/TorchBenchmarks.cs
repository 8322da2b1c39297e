using BenchmarkDotNet.Attributes;
using OneSeed.Compat;

namespace OneSeed.Benchmarks;

/// <summary>
/// The torch-compatible generator's bulk draws; bench/torch_bench.py times torch 1.13 doing the same calls on one
/// thread. rand/randn write into a preallocated buffer, as <c>torch.rand(N, out=t)</c> does; randperm is timed both allocating and with out=.
/// </summary>
public class TorchBenchmarks
{
    private readonly TorchGenerator _generator = new(12345);
    private readonly float[] _floats = new float[BulkFillBenchmarks.N];
    private readonly double[] _doubles = new double[BulkFillBenchmarks.N];
    private readonly long[] _longs = new long[BulkFillBenchmarks.N];

    /// <summary>torch.rand(N, out=t) (float32).</summary>
    [Benchmark]
    public void Rand() => _generator.Rand(_floats);

    /// <summary>torch.rand(N, dtype=torch.float64, out=t).</summary>
    [Benchmark]
    public void RandDouble() => _generator.RandDouble(_doubles);

    /// <summary>torch.randn(N, out=t) (float32, torch's AVX2 path).</summary>
    [Benchmark]
    public void Randn() => _generator.Randn(_floats);

    /// <summary>torch.randn(N, dtype=torch.float64, out=t).</summary>
    [Benchmark]
    public void RandnDouble() => _generator.RandnDouble(_doubles);

    /// <summary>torch.randperm(N): allocates its result, as torch's does.</summary>
    [Benchmark]
    public long[] RandPerm() => _generator.RandPerm(BulkFillBenchmarks.N);

    /// <summary>torch.randperm(N, out=t): into a preallocated buffer.</summary>
    [Benchmark]
    public void RandPermInto() => _generator.RandPerm(_longs);
}

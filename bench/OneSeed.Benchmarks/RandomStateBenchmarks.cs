using BenchmarkDotNet.Attributes;
using OneSeed.Compat;

namespace OneSeed.Benchmarks;

/// <summary>NumPy's legacy RandomState workloads (bench/numpy_bench.py times the same calls on NumPy).</summary>
public class RandomStateBenchmarks
{
    private readonly double[] _doubles = new double[BulkFillBenchmarks.N];
    private readonly NumPyRandomState _random = new(12345);

    [Benchmark]
    public void Uniform() => _random.RandomSample(_doubles);

    /// <summary>Allocates its result, as NumPy's standard_normal(N) does.</summary>
    [Benchmark]
    public double[] Normal() => _random.StandardNormal(BulkFillBenchmarks.N);

    /// <summary>Allocates its result, as NumPy's randint(0, 1000, N) does.</summary>
    [Benchmark]
    public long[] RandInt1000() => _random.RandInt(0, 1000, BulkFillBenchmarks.N);
}

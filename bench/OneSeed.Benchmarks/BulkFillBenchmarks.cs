using BenchmarkDotNet.Attributes;
using OneSeed.Distributions;
using OneSeed.Engines;

namespace OneSeed.Benchmarks;

/// <summary>
/// Bulk generation over every engine: the same work bench/numpy_bench.py times NumPy doing
/// (N values into a preallocated buffer per call), for the side-by-side table in docs/performance.md.
/// </summary>
public class BulkFillBenchmarks
{
    private readonly double[] _doubles = new double[N];
    private readonly ulong[] _words = new ulong[N];
    private BitGenerator _engine = null!;

    /// <summary>Values per call.</summary>
    public const int N = 1_000_000;

    [Params("MT19937", "PCG64", "PCG64DXSM", "Philox", "SFC64")]
    public string Engine { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup() => _engine = BitGenerators.Create(Engine, new Seeding.SeedSequence(12345));

    [Benchmark]
    public void RawUInt64() => _engine.Fill(_words);

    [Benchmark]
    public void Uniform() => _engine.Fill(_doubles);

    /// <summary>Generator.integers(0, 1000): Lemire over 32-bit draws.</summary>
    [Benchmark]
    public void Integers1000() => BoundedIntegers.Fill(_engine, 0, 999, useMasked: false, _words);

    /// <summary>Generator.integers(0, 2**40): Lemire over 64-bit draws.</summary>
    [Benchmark]
    public void Integers2Pow40() => BoundedIntegers.Fill(_engine, 0, (1UL << 40) - 1, useMasked: false, _words);

    [Benchmark]
    public void Normal() => StandardNormal.Fill(_engine, _doubles);

    /// <summary>Generator.permutation(N): allocates its result, as NumPy's does.</summary>
    [Benchmark]
    public long[] Permutation() => FisherYates.Permutation(_engine, N);

    [Benchmark]
    public void Exponential() => StandardExponential.Fill(_engine, _doubles);
}

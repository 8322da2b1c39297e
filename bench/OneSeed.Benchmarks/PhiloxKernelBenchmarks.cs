using BenchmarkDotNet.Attributes;
using OneSeed.Engines;

namespace OneSeed.Benchmarks;

/// <summary>Philox's bulk block kernels on their own: the AVX2 eight-block path against the two-block scalar one.</summary>
public class PhiloxKernelBenchmarks
{
    private readonly ulong[] _words = new ulong[BulkFillBenchmarks.N];
    private Philox.Counter _counter = new(1, 2, 3, 4);

    [Benchmark]
    public void Vector() => Philox.GenerateBlocks<RawWords>(ref _counter, 0x1234, 0x5678, _words);

    [Benchmark]
    public void VectorDoubles() => Philox.GenerateBlocks<UnitDoubleBits>(ref _counter, 0x1234, 0x5678, _words);

    [Benchmark]
    public void Scalar() => Philox.GenerateBlocksScalar<RawWords>(ref _counter, 0x1234, 0x5678, _words);
}

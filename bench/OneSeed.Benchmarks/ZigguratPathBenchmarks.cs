using BenchmarkDotNet.Attributes;
using OneSeed.Distributions;
using OneSeed.Engines;

namespace OneSeed.Benchmarks;

/// <summary>
/// Ablation of the ziggurat fills (not part of bench/compare.sh's table): the per-value loop they replaced and the
/// chunked scalar loop used without AVX2, next to <see cref="BulkFillBenchmarks.Normal"/> / <see cref="BulkFillBenchmarks.Exponential"/>.
/// </summary>
public class ZigguratPathBenchmarks
{
    private readonly double[] _doubles = new double[BulkFillBenchmarks.N];
    private BitGenerator _engine = null!;

    [Params("MT19937", "PCG64", "PCG64DXSM", "Philox", "SFC64")]
    public string Engine { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup() => _engine = BitGenerators.Create(Engine, new Seeding.SeedSequence(12345));

    /// <summary>The per-value loop with the engine's draws inlined (the fill before chunked draws), for comparison.</summary>
    [Benchmark]
    public void NormalPerValue()
    {
        var sampler = default(StandardNormal.Sampler);
        _engine.FillSampled(_doubles.AsSpan(), ref sampler);
    }

    /// <summary>Chunked draws with the scalar ziggurat (the path without AVX2), for comparison.</summary>
    [Benchmark]
    public void NormalBufferedScalar() => ZigguratFill.Normal(_engine, _doubles, vectorize: false);

    /// <summary>The per-value loop with the engine's draws inlined (the fill before chunked draws), for comparison.</summary>
    [Benchmark]
    public void ExponentialPerValue()
    {
        var sampler = default(StandardExponential.Sampler);
        _engine.FillSampled(_doubles.AsSpan(), ref sampler);
    }

    /// <summary>Chunked draws with the scalar ziggurat (the path without AVX2), for comparison.</summary>
    [Benchmark]
    public void ExponentialBufferedScalar() => ZigguratFill.Exponential(_engine, _doubles, vectorize: false);
}

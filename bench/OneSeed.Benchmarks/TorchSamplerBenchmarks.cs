using BenchmarkDotNet.Attributes;
using OneSeed.Compat;

namespace OneSeed.Benchmarks;

/// <summary>
/// TorchGenerator's samplers of issue 21 on the workloads of bench/torch_sampler_workloads.py; bench/torch_sampler_bench.py
/// times torch 1.13 on one thread doing the same calls, and bench/compare_torch_samplers.sh prints both side by side.
/// Inputs are built once, of the same shapes and value ranges as the Python side's; outputs go into preallocated
/// buffers where torch writes in place (the in-place samplers, rand/randn out=) and are allocated where torch allocates.
/// </summary>
public class TorchSamplerBenchmarks
{
    private readonly TorchGenerator _generator = new(12345);
    private readonly float[,] _p1e3 = new float[100, 1000];
    private readonly float[,] _p1e5 = new float[1, 100_000];
    private readonly float[] _rates = new float[1_000_000];
    private readonly float[] _floats = new float[1_000_000];
    private readonly double[] _doubles = new double[1_000_000];
    private readonly float[] _weight = new float[4096 * 4096];
    private readonly float[] _x = new float[10_000_000];
    private readonly float[] _dropped = new float[10_000_000];

    /// <summary>Fills the inputs from a separate generator, as the Python side does.</summary>
    public TorchSamplerBenchmarks()
    {
        var inputs = new TorchGenerator(1);
        inputs.Rand(System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref _p1e3[0, 0], _p1e3.Length));
        inputs.Rand(System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref _p1e5[0, 0], _p1e5.Length));
        inputs.Rand(_rates);
        for (int i = 0; i < _rates.Length; i++)
        {
            _rates[i] *= 20;
        }

        inputs.Rand(_x);
    }

    /// <summary>multinomial(p[100, 1000], 1000, replacement=True).</summary>
    [Benchmark]
    public long[,] MultinomialWithReplacement1e3() => _generator.Multinomial(_p1e3, 1000, replacement: true);

    /// <summary>multinomial(p[1, 100000], 100000, replacement=True).</summary>
    [Benchmark]
    public long[,] MultinomialWithReplacement1e5() => _generator.Multinomial(_p1e5, 100_000, replacement: true);

    /// <summary>multinomial(p[100, 1000], 100) without replacement.</summary>
    [Benchmark]
    public long[,] MultinomialWithoutReplacement1e3() => _generator.Multinomial(_p1e3, 100);

    /// <summary>multinomial(p[1, 100000], 1000) without replacement.</summary>
    [Benchmark]
    public long[,] MultinomialWithoutReplacement1e5() => _generator.Multinomial(_p1e5, 1000);

    /// <summary>poisson(rates[1e6]), rates uniform in [0, 20).</summary>
    [Benchmark]
    public float[] Poisson() => _generator.Poisson(_rates);

    /// <summary>empty(1e6).exponential_(1.5).</summary>
    [Benchmark]
    public void Exponential() => _generator.Exponential(1.5, _floats);

    /// <summary>empty(1e6, float64).exponential_(1.5).</summary>
    [Benchmark]
    public void ExponentialDouble() => _generator.ExponentialDouble(1.5, _doubles);

    /// <summary>empty(1e6).log_normal_(0.5, 2).</summary>
    [Benchmark]
    public void LogNormal() => _generator.LogNormal(0.5, 2.0, _floats);

    /// <summary>empty(1e6).cauchy_(0.5, 2).</summary>
    [Benchmark]
    public void Cauchy() => _generator.Cauchy(0.5, 2.0, _floats);

    /// <summary>nn.init.kaiming_uniform_(empty(4096, 4096), a=sqrt(5)): nn.Linear's default weight initialisation.</summary>
    [Benchmark]
    public void KaimingUniform4096() => TorchInit.KaimingUniform(_generator, _weight, [4096, 4096], a: Math.Sqrt(5));

    /// <summary>F.dropout(x[1e7], 0.5, training=True).</summary>
    [Benchmark]
    public void Dropout1e7() => _generator.Dropout(_x, 0.5, _dropped);

    /// <summary>rand(1e6, out=t) (float32).</summary>
    [Benchmark]
    public void Rand() => _generator.Rand(_floats);

    /// <summary>randn(1e6, out=t) (float32).</summary>
    [Benchmark]
    public void Randn() => _generator.Randn(_floats);
}

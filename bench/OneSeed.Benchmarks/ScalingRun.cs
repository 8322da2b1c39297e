using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Distributions;
using OneSeed.Engines;
using OneSeed.Seeding;

namespace OneSeed.Benchmarks;

/// <summary>
/// Throughput against problem size (1e3 to 1e8 values per call) for the size-scaling table and plot in
/// docs/performance.md. BenchmarkDotNet's per-case overhead makes a sweep to 1e8 impractical, so this times each
/// call with a stopwatch and keeps the best of several repeats, exactly as bench/scaling_bench.py times NumPy and
/// torch; both sides therefore measure the same way. Usage: OneSeed.Benchmarks --scaling [maxExponent]
/// </summary>
internal static class ScalingRun
{
    /// <summary>Runs the sweep and writes {"rates_mps": {"work/size": M values per second}} to <paramref name="output"/>.</summary>
    public static void Run(TextWriter output, int maxExponent)
    {
        int maxN = (int)Math.Pow(10, maxExponent);
        double[] doubles = new double[maxN];
        var rates = new JsonObject();
        (string Name, Action<int> Work)[] workloads = [.. Workloads(doubles)];

        // Tiered compilation would otherwise time the small sizes in unoptimised code: run every workload long enough
        // for its methods to reach their final tier first (the Python side has no JIT and needs no such step).
        foreach ((_, Action<int> work) in workloads)
        {
            long start = Stopwatch.GetTimestamp();
            for (int calls = 0; calls < 200 || Stopwatch.GetElapsedTime(start).TotalSeconds < 1.0; calls++)
            {
                work(1000);
            }
        }

        for (int exponent = 3; exponent <= maxExponent; exponent++)
        {
            int n = (int)Math.Pow(10, exponent);
            foreach ((string name, Action<int> work) in workloads)
            {
                rates[$"{name}/{n}"] = BestRate(work, n);
            }
        }

        output.Write(new JsonObject { ["library"] = "OneSeed", ["rates_mps"] = rates }.ToJsonString());
    }

    /// <summary>The same workloads as bench/scaling_bench.py, under the same names.</summary>
    private static IEnumerable<(string Name, Action<int> Work)> Workloads(double[] doubles)
    {
        BitGenerator pcg = new Pcg64(new SeedSequence(12345));
        BitGenerator philox = new Philox(new SeedSequence(12345));
        BitGenerator mt = new Mt19937(new SeedSequence(12345));
        var torch = new TorchGenerator(12345);
        yield return ("PCG64/uniform", n => pcg.Fill(doubles.AsSpan(0, n)));
        yield return ("Philox/uniform", n => philox.Fill(doubles.AsSpan(0, n)));
        yield return ("MT19937/uniform", n => mt.Fill(doubles.AsSpan(0, n)));
        yield return ("PCG64/normal", n => StandardNormal.Fill(pcg, doubles.AsSpan(0, n)));

        // A .NET caller fills its own buffer; NumPy's integers() has no out= and allocates (documented with the table).
        ulong[] words = new ulong[doubles.Length];
        yield return ("PCG64/integers_1000", n => BoundedIntegers.Fill(pcg, 0, 999, useMasked: false, words.AsSpan(0, n)));
        float[] floats = new float[doubles.Length];
        yield return ("torch/randn_f32", n => torch.Randn(floats.AsSpan(0, n)));
    }

    private static double BestRate(Action<int> work, int n)
    {
        // Repeats scale with the size so each point takes a similar time; bench/scaling_bench.py uses the same rule.
        int repeats = Math.Clamp(20_000_000 / n, 3, 200);
        work(n);
        work(n);
        double best = double.MaxValue;
        for (int i = 0; i < repeats; i++)
        {
            long start = Stopwatch.GetTimestamp();
            work(n);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        return Math.Round(n / best / 1e6, 1);
    }

    /// <summary>Parses the optional largest exponent (default 8, i.e. 1e8 values).</summary>
    public static int ParseMaxExponent(string[] args) =>
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
}

using Microsoft.CodeAnalysis.Testing;

namespace OneSeed.Analyzers.Tests;

/// <summary>ONESEED005: floating-point reductions from Parallel loops and unordered PLINQ; integer, ordered and sequential ones are not.</summary>
public sealed class ParallelReductionTests
{
    [Theory]
    [InlineData("double total = 0; Parallel.For(0, xs.Length, i => { {|ONESEED005:total += xs[i]|}; });")]
    [InlineData("float total = 0; Parallel.ForEach(fs, f => { {|ONESEED005:total -= f|}; });")]
    [InlineData("decimal product = 1; Parallel.ForEach(ms, m => { lock (_gate) { {|ONESEED005:product *= m|}; } });")]
    [InlineData("Parallel.For(0, xs.Length, i => { lock (_gate) { {|ONESEED005:_sum += xs[i]|}; } });")]
    [InlineData("Parallel.For(0, xs.Length, delegate (int i) { {|ONESEED005:s_total += xs[i]|}; });")]
    [InlineData("Parallel.For(0, xs.Length, i => { double seen, next; do { seen = _sum; next = seen + xs[i]; } while ({|ONESEED005:Interlocked.CompareExchange(ref _sum, next, seen)|} != seen); });")]
    public Task Reports_shared_floating_point_accumulators(string statement) => AnalyzerVerifier.VerifyAsync($$"""
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            private readonly object _gate = new();
            private double _sum;
            private static double s_total;
            void M(double[] xs, float[] fs, decimal[] ms)
            {
                {{statement}}
            }
        }
        """);

    [Theory]
    [InlineData("{|ONESEED005:xs.AsParallel().Sum()|}")]
    [InlineData("{|ONESEED005:xs.AsParallel().Where(x => x > 0).Select(x => x * 2).Sum()|}")]
    [InlineData("{|ONESEED005:ns.AsParallel().Sum(n => n * 0.5)|}")]
    [InlineData("{|ONESEED005:xs.AsParallel().Average()|}")]
    [InlineData("{|ONESEED005:ns.AsParallel().Aggregate(0.0, (acc, n) => acc + n)|}")]
    [InlineData("{|ONESEED005:xs.AsParallel().Aggregate((a, b) => a + b)|}")]
    [InlineData("{|ONESEED005:xs.AsParallel().AsUnordered().Sum()|}")]
    public Task Reports_unordered_PLINQ_reductions(string query) => AnalyzerVerifier.VerifyAsync($$"""
        using System.Linq;
        class C
        {
            object M(double[] xs, int[] ns) => {{query}};
        }
        """);

    [Theory]
    [InlineData("long total = 0; Parallel.For(0, ns.Length, i => { Interlocked.Add(ref total, ns[i]); });")]
    [InlineData("int total = 0; Parallel.For(0, ns.Length, i => { lock (_gate) { total += ns[i]; } });")]
    [InlineData("Parallel.For(0, xs.Length, i => { double local = 0; local += xs[i]; xs[i] = local; });")]
    [InlineData("var parts = new double[xs.Length]; Parallel.For(0, xs.Length, i => { parts[i] = xs[i] * 2; }); double total = 0; foreach (double p in parts) { total += p; }")]
    [InlineData("double total = 0; for (int i = 0; i < xs.Length; i++) { total += xs[i]; }")]
    [InlineData("Parallel.For(0, xs.Length, i => { Interlocked.Increment(ref _count); });")]
    public Task Leaves_exact_and_sequential_accumulation_alone(string statement) => AnalyzerVerifier.VerifyAsync($$"""
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            private readonly object _gate = new();
            private int _count;
            void M(double[] xs, int[] ns)
            {
                {{statement}}
            }
        }
        """);

    [Theory]
    [InlineData("xs.Sum()")]
    [InlineData("ns.AsParallel().Sum()")]
    [InlineData("ns.AsParallel().Average()")]
    [InlineData("xs.AsParallel().AsOrdered().Sum()")]
    [InlineData("xs.AsParallel().AsOrdered().Select(x => x * 2).Sum()")]
    [InlineData("xs.AsParallel().Select(x => x * 2).ToArray().Sum()")]
    [InlineData("query.Sum()")]
    public Task Leaves_exact_ordered_and_sequential_queries_alone(string query) => AnalyzerVerifier.VerifyAsync($$"""
        using System.Linq;
        class C
        {
            object M(double[] xs, int[] ns, ParallelQuery<double> query) => {{query}};
        }
        """);

    [Fact]
    public Task Message_names_the_accumulator_and_the_loop() => AnalyzerVerifier.VerifyAsync(
        """
        using System.Threading.Tasks;
        class C
        {
            double M(double[] xs)
            {
                double total = 0;
                Parallel.For(0, xs.Length, i => { total += xs[i]; });
                return total;
            }
        }
        """,
        new DiagnosticResult(ParallelReductionAnalyzer.Rule).WithSpan(7, 43, 7, 57).WithArguments(
            "total += xs[i]",
            "updates the shared double 'total' from the threads of Parallel.For",
            "a result per index (an array filled in parallel) summed in order afterwards, or a sequential loop"));

    [Fact]
    public Task Message_names_the_query() => AnalyzerVerifier.VerifyAsync(
        """
        using System.Linq;
        class C
        {
            double M(double[] xs) => xs.AsParallel().Sum();
        }
        """,
        new DiagnosticResult(ParallelReductionAnalyzer.Rule).WithSpan(4, 30, 4, 51).WithArguments(
            "xs.AsParallel().Sum()",
            "reduces double values in partitions that PLINQ combines as threads finish",
            "a sequential Sum over the parallel results in order (.AsOrdered()... .ToArray().Sum(...))"));
}

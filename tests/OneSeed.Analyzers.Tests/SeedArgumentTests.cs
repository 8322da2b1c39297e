using Microsoft.CodeAnalysis.Testing;

namespace OneSeed.Analyzers.Tests;

/// <summary>ONESEED006: run-dependent values given to seed-named parameters, properties and fields of any library.</summary>
public sealed class SeedArgumentTests
{
    // A stand-in for ML.NET's MLContext (the tests do not reference ML.NET) and a library options type.
    private const string Library = """
        using System;
        using System.Diagnostics;
        class MLContext { public MLContext(int? seed = null) { } }
        class Sampler { public static Sampler Create(string name, int randomSeed) => new(); public void Reseed(long baseSeed) { } }
        class Options { public int Seed { get; set; } public int Count { get; set; } }
        class DerivedRandom : Random { public DerivedRandom(int seed) : base(seed) { } }
        """;

    [Theory]
    [InlineData("new MLContext({|ONESEED006:seed: Environment.TickCount|})")]
    [InlineData("new MLContext({|ONESEED006:(int)DateTime.Now.Ticks|})")]
    [InlineData("Sampler.Create(\"s\", {|ONESEED006:Guid.NewGuid().GetHashCode()|})")]
    [InlineData("Sampler.Create({|ONESEED006:randomSeed: Environment.ProcessId|}, name: \"s\")")]
    [InlineData("new DerivedRandom({|ONESEED006:HashCode.Combine(1, 2)|})")]
    [InlineData("new MLContext({|ONESEED006:\"run\".GetHashCode()|})")]
    [InlineData("OneSeed.Seed.Everything({|ONESEED006:(uint)Stopwatch.GetTimestamp()|})")]
    public Task Reports_run_dependent_seed_arguments(string call) => AnalyzerVerifier.VerifyAsync(Library + $$"""

        class C
        {
            object M() => {{call}};
        }
        """);

    [Fact]
    public Task Reports_seed_properties_and_fields() => AnalyzerVerifier.VerifyAsync(Library + """

        class C
        {
            int _seed = {|ONESEED006:Environment.TickCount|};
            static long BaseSeed { get; } = {|ONESEED006:DateTime.UtcNow.Ticks|};
            Options M(Options options)
            {
                {|ONESEED006:options.Seed = DateTime.Now.Millisecond|};
                new Sampler().Reseed({|ONESEED006:Environment.TickCount64|});
                return new Options { {|ONESEED006:Seed = Process.GetCurrentProcess().Id|}, Count = Environment.TickCount };
            }
        }
        """);

    [Theory]
    [InlineData("new MLContext(seed: 42)")]
    [InlineData("new MLContext(seed)")]
    [InlineData("new MLContext()")]
    [InlineData("new MLContext(local)")]
    [InlineData("Sampler.Create(DateTime.Now.ToString(), 7)")]
    [InlineData("OneSeed.Seed.Everything(42)")]
    [InlineData("new Options { Seed = 3, Count = Environment.TickCount }")]
    public Task Leaves_reproducible_seeds_alone(string expression) => AnalyzerVerifier.VerifyAsync(Library + $$"""

        class C
        {
            object M(int seed)
            {
                int local = Environment.TickCount;
                return {{expression}};
            }
        }
        """);

    [Fact]
    public Task Leaves_System_Random_to_ONESEED001() => AnalyzerVerifier.VerifyAsync("""
        using System;
        class C
        {
            Random M() => {|ONESEED001:new Random(Seed: Environment.TickCount)|};
        }
        """);

    [Fact]
    public Task Message_names_the_call_the_seed_and_the_source() => AnalyzerVerifier.VerifyAsync(
        Library + """

        class C
        {
            MLContext M() => new MLContext(seed: Environment.TickCount);
        }
        """,
        new DiagnosticResult(SeedArgumentAnalyzer.Rule).WithSpan(9, 36, 9, 63).WithArguments(
            "new MLContext(seed: Environment.TickCount)", "seed", "Environment.TickCount"));
}

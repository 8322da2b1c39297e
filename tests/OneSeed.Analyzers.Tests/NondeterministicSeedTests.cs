using Microsoft.CodeAnalysis.Testing;

namespace OneSeed.Analyzers.Tests;

/// <summary>ONESEED001: which <c>new Random(...)</c> it reports, which it leaves alone, and what its message says.</summary>
public sealed class NondeterministicSeedTests
{
    [Theory]
    [InlineData("new Random()")]
    [InlineData("new System.Random()")]
    [InlineData("new Random((int)DateTime.Now.Ticks)")]
    [InlineData("new Random(unchecked((int)DateTime.UtcNow.Ticks) ^ 17)")]
    [InlineData("new Random(DateTime.Today.Millisecond)")]
    [InlineData("new Random(DateTime.Now.GetHashCode())")]
    [InlineData("new Random((int)DateTimeOffset.UtcNow.ToUnixTimeSeconds())")]
    [InlineData("new Random(DateTimeOffset.Now.Second)")]
    [InlineData("new Random(Environment.TickCount)")]
    [InlineData("new Random((int)Environment.TickCount64)")]
    [InlineData("new Random(Math.Abs(Environment.TickCount))")]
    [InlineData("new Random((int)Stopwatch.GetTimestamp())")]
    [InlineData("new Random(Guid.NewGuid().GetHashCode())")]
    [InlineData("new Random(Environment.ProcessId)")]
    [InlineData("new Random(Process.GetCurrentProcess().Id)")]
    [InlineData("new Random(\"experiment\".GetHashCode())")]
    [InlineData("new Random(new object().GetHashCode())")]
    [InlineData("new Random(new Identity().GetHashCode())")]
    [InlineData("new Random(new int[3].GetHashCode())")]
    [InlineData("new Random(HashCode.Combine(1, 2))")]
    [InlineData("new Random(flag ? 1 : Environment.TickCount)")]
    public Task Reports_unseeded_and_run_dependent_seeds(string creation) => AnalyzerVerifier.VerifyAsync($$"""
        using System;
        using System.Diagnostics;
        class Identity { }
        class C
        {
            Random M(bool flag) => {|ONESEED001:{{creation}}|};
        }
        """);

    [Fact]
    public Task Reports_target_typed_new() => AnalyzerVerifier.VerifyAsync("""
        using System;
        class C
        {
            Random _random = {|ONESEED001:new()|};
        }
        """);

    [Theory]
    [InlineData("new Random(42)")]
    [InlineData("new Random(seed)")]
    [InlineData("new Random(seed * 31 + 7)")]
    [InlineData("new Random(seed.GetHashCode())")]
    [InlineData("new Random(\"experiment\".Length)")]
    [InlineData("new Random(new Keyed(3).GetHashCode())")]
    [InlineData("new Random(local)")]
    [InlineData("new Random((int)OneSeed.Seed.Stream(\"C.M\").BitGenerator.NextUInt32())")]
    [InlineData("OneSeed.Seed.Stream(\"C.M\").BitGenerator.AsRandom()")]
    [InlineData("OneSeed.Seed.Global")]
    [InlineData("new Derived()")]
    public Task Leaves_reproducible_randoms_alone(string expression) => AnalyzerVerifier.VerifyAsync($$"""
        using System;
        class Derived : Random { }
        record Keyed(int Key);
        class C
        {
            Random M(int seed)
            {
                int local = seed + 1;
                return {{expression}};
            }
        }
        """);

    // ONESEED001 and ONESEED002 know only System.Random; a clock value given to another type's "seed" is ONESEED006's.
    [Fact]
    public Task Leaves_a_user_type_named_Random_alone() => AnalyzerVerifier.VerifyAsync("""
        namespace App
        {
            class Random { public static Random Shared { get; } = new Random(); public Random(int seed = 0) { } }
            class C
            {
                Random M() => new Random({|ONESEED006:System.Environment.TickCount|});
                Random N() => Random.Shared;
            }
        }
        """);

    [Fact]
    public Task Message_names_the_call_and_a_stream_for_the_member() => AnalyzerVerifier.VerifyAsync(
        """
        using System;
        class Trainer
        {
            void Shuffle() { var r = new Random(); }
        }
        """,
        new DiagnosticResult(NondeterministicRandomAnalyzer.NondeterministicSeedRule).WithSpan(4, 30, 4, 42).WithArguments(
            "new Random()", "has no seed", "Seed.Stream(\"Trainer.Shuffle\").BitGenerator.AsRandom() or Seed.Global"));

    [Fact]
    public Task Message_names_the_run_dependent_source() => AnalyzerVerifier.VerifyAsync(
        """
        using System;
        class Trainer
        {
            Random Make() => new Random(Guid.NewGuid().GetHashCode());
        }
        """,
        new DiagnosticResult(NondeterministicRandomAnalyzer.NondeterministicSeedRule).WithSpan(4, 22, 4, 62).WithArguments(
            "new Random(Guid.NewGuid().GetHashCode())",
            "is seeded from Guid.NewGuid()",
            "a fixed seed, Seed.Stream(\"Trainer.Make\").BitGenerator.AsRandom() or Seed.Global"));

    [Fact]
    public Task Stream_names_come_from_properties_and_constructors() => AnalyzerVerifier.VerifyAsync(
        """
        using System;
        class Trainer
        {
            Random _random;
            Trainer() { _random = new Random(); }
            Random Fresh => new Random();
        }
        """,
        new DiagnosticResult(NondeterministicRandomAnalyzer.NondeterministicSeedRule).WithSpan(5, 27, 5, 39).WithArguments(
            "new Random()", "has no seed", "Seed.Stream(\"Trainer\").BitGenerator.AsRandom() or Seed.Global"),
        new DiagnosticResult(NondeterministicRandomAnalyzer.NondeterministicSeedRule).WithSpan(6, 21, 6, 33).WithArguments(
            "new Random()", "has no seed", "Seed.Stream(\"Trainer.Fresh\").BitGenerator.AsRandom() or Seed.Global"));

    [Fact]
    public Task Top_level_statements_name_the_stream_after_Program() => AnalyzerVerifier.VerifyProgramAsync(
        """
        var random = new System.Random();
        System.Console.WriteLine(random.Next());
        """,
        new DiagnosticResult(NondeterministicRandomAnalyzer.NondeterministicSeedRule).WithSpan(1, 14, 1, 33).WithArguments(
            "new System.Random()", "has no seed", "Seed.Stream(\"Program\").BitGenerator.AsRandom() or Seed.Global"));
}

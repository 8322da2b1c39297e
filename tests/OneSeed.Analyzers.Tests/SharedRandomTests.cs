using Microsoft.CodeAnalysis.Testing;

namespace OneSeed.Analyzers.Tests;

/// <summary>ONESEED002: every way of reaching <c>Random.Shared</c> is reported; naming it is not.</summary>
public sealed class SharedRandomTests
{
    [Fact]
    public Task Reports_Random_Shared() => AnalyzerVerifier.VerifyAsync("""
        using System;
        class C
        {
            int M() => {|ONESEED002:Random.Shared|}.Next(10);
            Random N() => {|ONESEED002:System.Random.Shared|};
        }
        """);

    [Fact]
    public Task Reports_Shared_through_using_static() => AnalyzerVerifier.VerifyAsync("""
        using static System.Random;
        class C
        {
            double M() => {|ONESEED002:Shared|}.NextDouble();
        }
        """);

    [Fact]
    public Task Leaves_nameof_alone() => AnalyzerVerifier.VerifyAsync("""
        using System;
        class C
        {
            string M() => nameof(Random.Shared);
        }
        """);

    [Fact]
    public Task Message_names_the_expression() => AnalyzerVerifier.VerifyAsync(
        """
        class C
        {
            int M() => System.Random.Shared.Next();
        }
        """,
        new DiagnosticResult(NondeterministicRandomAnalyzer.SharedRandomRule).WithSpan(3, 16, 3, 36).WithArguments("System.Random.Shared"));
}

using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace OneSeed.Analyzers.Tests;

/// <summary>
/// Runs <see cref="NondeterministicRandomAnalyzer"/> and a code fix over C# source with <c>{|ONESEED001:...|}</c>
/// markup, against the local framework and OneSeed.dll (see <see cref="RuntimeReferences"/>).
/// </summary>
internal static class AnalyzerVerifier
{
    /// <summary>Asserts the markup's diagnostics and <paramref name="expected"/>, and no others, in <paramref name="source"/>.</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<NondeterministicRandomAnalyzer, DefaultVerifier> { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        Configure(test.TestState, referenceOneSeed: true);
        return test.RunAsync();
    }

    /// <summary>As <see cref="VerifyAsync"/>, for a program of top-level statements.</summary>
    public static Task VerifyProgramAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<NondeterministicRandomAnalyzer, DefaultVerifier> { TestCode = source };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.AddRange(expected);
        Configure(test.TestState, referenceOneSeed: true);
        return test.RunAsync();
    }

    /// <summary>
    /// Asserts the diagnostics in <paramref name="source"/>, then that the fix registered under
    /// <paramref name="equivalenceKey"/> turns it into <paramref name="fixedSource"/>, which must compile cleanly.
    /// </summary>
    public static Task VerifyFixAsync<TCodeFix>(string source, string fixedSource, string? equivalenceKey = null, bool referenceOneSeed = true)
        where TCodeFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<NondeterministicRandomAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        Configure(test.TestState, referenceOneSeed);
        Configure(test.FixedState, referenceOneSeed);
        return test.RunAsync();
    }

    private static void Configure(SolutionState state, bool referenceOneSeed)
    {
        state.ReferenceAssemblies = RuntimeReferences.None;
        state.AdditionalReferences.AddRange(referenceOneSeed ? RuntimeReferences.WithOneSeed : RuntimeReferences.Framework);
    }
}

using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace OneSeed.Analyzers.Tests;

/// <summary>
/// Runs every OneSeed analyzer, and a code fix, over C# source with <c>{|ONESEED001:...|}</c> markup, against the local
/// framework and OneSeed.dll (see <see cref="RuntimeReferences"/>).
/// </summary>
/// <remarks>All analyzers run in every test, so a test of one rule also asserts that no other rule reports the same code
/// (ONESEED006 and ONESEED003 must leave <c>new Random(...)</c> to ONESEED001).</remarks>
internal static class AnalyzerVerifier
{
    /// <summary>Asserts the markup's diagnostics and <paramref name="expected"/>, and no others, in <paramref name="source"/>.</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AllAnalyzersTest { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        Configure(test.TestState, referenceOneSeed: true);
        return test.RunAsync();
    }

    /// <summary>As <see cref="VerifyAsync"/>, compiled against the framework and <paramref name="references"/> instead of OneSeed.</summary>
    public static Task VerifyWithReferencesAsync(string source, IEnumerable<Microsoft.CodeAnalysis.MetadataReference> references, params DiagnosticResult[] expected)
    {
        var test = new AllAnalyzersTest { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        Configure(test.TestState, referenceOneSeed: false);
        test.TestState.AdditionalReferences.AddRange(references);
        return test.RunAsync();
    }

    /// <summary>As <see cref="VerifyAsync"/>, for a program of top-level statements.</summary>
    public static Task VerifyProgramAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AllAnalyzersTest { TestCode = source };
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
        var test = new AllAnalyzersFixTest<TCodeFix>
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

    private static DiagnosticAnalyzer[] AllAnalyzers() =>
        [new NondeterministicRandomAnalyzer(), new RandomizedHashAnalyzer(), new HashOrderedEnumerationAnalyzer(), new SeedArgumentAnalyzer(), new ParallelReductionAnalyzer(), new TorchSharpAnalyzer()];

    private sealed class AllAnalyzersTest : CSharpAnalyzerTest<NondeterministicRandomAnalyzer, DefaultVerifier>
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => AllAnalyzers();
    }

    private sealed class AllAnalyzersFixTest<TCodeFix> : CSharpCodeFixTest<NondeterministicRandomAnalyzer, TCodeFix, DefaultVerifier>
        where TCodeFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => AllAnalyzers();
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace OneSeed.Analyzers;

/// <summary>
/// The common part of the OneSeed analyzers: generated code is skipped, callbacks run concurrently, and the framework
/// types are resolved once per compilation (<see cref="RandomTypes"/>) before the rule registers its callbacks.
/// </summary>
public abstract class OneSeedAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // Without System.Random the compilation is not a .NET one any rule knows about: nothing to register.
            if (RandomTypes.TryCreate(start.Compilation) is { } types)
            {
                Register(start, types);
            }
        });
    }

    /// <summary>Registers the rule's callbacks for one compilation, whose framework types are <paramref name="types"/>.</summary>
    private protected abstract void Register(CompilationStartAnalysisContext start, RandomTypes types);

    /// <summary>Reports <paramref name="rule"/> on <paramref name="operation"/>, whose code (shortened) is the message's
    /// first argument, followed by <paramref name="arguments"/>.</summary>
    private protected static void ReportQuoting(OperationAnalysisContext context, DiagnosticDescriptor rule, IOperation operation, params string[] arguments) =>
        context.ReportDiagnostic(Diagnostic.Create(
            rule,
            operation.Syntax.GetLocation(),
            new object[] { RuleText.Shorten(operation.Syntax.ToString()) }.Concat(arguments).ToArray()));
}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace OneSeed.Analyzers;

/// <summary>
/// Reports ONESEED006: a value from the clock, a GUID, a process id or a per-process hash code given to a parameter,
/// property or field named like a seed (<c>new MLContext(seed: Environment.TickCount)</c>,
/// <c>options.Seed = DateTime.Now.Millisecond</c>), in any library.
/// </summary>
/// <remarks>
/// The seed of <c>new System.Random(...)</c> is left to ONESEED001, so one mistake gives one warning. As in ONESEED001,
/// only the seed expression itself is searched (<see cref="NondeterministicSeedSources"/>): locals and parameters are not
/// followed.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SeedArgumentAnalyzer : OneSeedAnalyzer
{
    /// <summary>ONESEED006: a run-dependent value used as a seed.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.NondeterministicSeedArgument,
        title: "Seed comes from the clock or an identity",
        messageFormat: "'{0}' sets the seed '{1}' from {2}, so every run is seeded differently; use a fixed seed or the one Seed.Everything returned instead",
        RuleText.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A seed taken from the clock, a GUID, a process id or a per-process hash code differs on every run, so the component it seeds (an MLContext, a sampler, a library's options) cannot be reproduced. Pass a fixed seed, a configured one, or the seed OneSeed's Seed.Everything returned.",
        helpLinkUri: RuleText.HelpBase + "oneseed006");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    private protected override void Register(CompilationStartAnalysisContext start, RandomTypes types)
    {
        start.RegisterOperationAction(c => AnalyzeArgument(c, types), OperationKind.Argument);
        start.RegisterOperationAction(c => AnalyzeAssignment(c, types), OperationKind.SimpleAssignment);
        start.RegisterOperationAction(c => AnalyzeInitializer(c, types), OperationKind.FieldInitializer, OperationKind.PropertyInitializer);
    }

    private static void AnalyzeArgument(OperationAnalysisContext context, RandomTypes types)
    {
        var argument = (IArgumentOperation)context.Operation;
        if (argument.IsImplicit
            || argument.Parameter is not { } parameter
            || !SeedNames.IsSeedLike(parameter.Name)
            || SeedNames.SeedsSystemRandom(argument, types))
        {
            return;
        }

        Report(context, argument.Value, argument.Syntax, argument.Parent?.Syntax ?? argument.Syntax, parameter.Name, types);
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, RandomTypes types)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (SeedTarget(assignment.Target) is { } name)
        {
            Report(context, assignment.Value, assignment.Syntax, assignment.Syntax, name, types);
        }
    }

    private static void AnalyzeInitializer(OperationAnalysisContext context, RandomTypes types)
    {
        var initializer = (ISymbolInitializerOperation)context.Operation;
        if (SeedTarget(initializer) is { } name)
        {
            Report(context, initializer.Value, initializer.Value.Syntax, initializer.Syntax, name, types);
        }
    }

    /// <summary>The seed-like name of the field or property <paramref name="target"/> writes, or null.</summary>
    internal static string? SeedTarget(IOperation target)
    {
        ISymbol? member = target switch
        {
            IPropertyReferenceOperation property => property.Property,
            IFieldReferenceOperation field => field.Field,
            IFieldInitializerOperation { InitializedFields.Length: 1 } field => field.InitializedFields[0],
            IPropertyInitializerOperation { InitializedProperties.Length: 1 } property => property.InitializedProperties[0],
            _ => null,
        };
        return member is not null && SeedNames.IsSeedLike(member.Name) ? member.Name : null;
    }

    private static void Report(OperationAnalysisContext context, IOperation value, SyntaxNode at, SyntaxNode quoted, string name, RandomTypes types)
    {
        string? source = NondeterministicSeedSources.Find(value, types);
        if (source is null)
        {
            return;
        }

        // A field or property initializer quotes as "= value": the member's name makes it readable.
        string text = quoted is Microsoft.CodeAnalysis.CSharp.Syntax.EqualsValueClauseSyntax ? name + " " + quoted : quoted.ToString();
        context.ReportDiagnostic(Diagnostic.Create(Rule, at.GetLocation(), RuleText.Shorten(text), name, source));
    }
}

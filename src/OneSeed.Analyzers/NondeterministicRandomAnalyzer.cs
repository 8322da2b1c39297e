using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace OneSeed.Analyzers;

/// <summary>
/// Reports <c>System.Random</c> instances whose numbers differ from run to run: <c>new Random()</c> without a
/// seed or with a seed from the clock, a GUID, a process id or a hash code (ONESEED001), and <c>Random.Shared</c>
/// (ONESEED002).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NondeterministicRandomAnalyzer : OneSeedAnalyzer
{
    /// <summary>ONESEED001: <c>new Random()</c> without a seed or with a run-dependent one.</summary>
    public static readonly DiagnosticDescriptor NondeterministicSeedRule = new(
        DiagnosticIds.NondeterministicRandomSeed,
        title: "Random is not seeded reproducibly",
        messageFormat: "'{0}' {1}, so every run draws different numbers; use {2} instead",
        RuleText.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A System.Random created without a seed, or seeded from the clock, a GUID, a process id or a hash code, gives different numbers on every run, and no seed set elsewhere (Seed.Everything) reaches it. Draw from a OneSeed named stream, Seed.Global, or a fixed seed.",
        helpLinkUri: RuleText.HelpBase + "oneseed001");

    /// <summary>ONESEED002: <c>Random.Shared</c>.</summary>
    public static readonly DiagnosticDescriptor SharedRandomRule = new(
        DiagnosticIds.SharedRandom,
        title: "Random.Shared is not reproducible",
        messageFormat: "'{0}' is seeded differently in every process and cannot be seeded; use Seed.Global instead",
        RuleText.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Random.Shared is a process-wide generator with a random seed that no API can set, so code drawing from it cannot be reproduced. OneSeed's Seed.Global is a thread-safe System.Random seeded by Seed.Everything.",
        helpLinkUri: RuleText.HelpBase + "oneseed002");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(NondeterministicSeedRule, SharedRandomRule);

    private protected override void Register(CompilationStartAnalysisContext start, RandomTypes types)
    {
        start.RegisterOperationAction(c => AnalyzeCreation(c, types), OperationKind.ObjectCreation);
        start.RegisterOperationAction(c => AnalyzePropertyReference(c, types), OperationKind.PropertyReference);
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, RandomTypes types)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        // Exactly System.Random: its subclasses (OneSeed's own adapters among them) bring their own seeding.
        if (!SymbolEqualityComparer.Default.Equals(creation.Type, types.Random))
        {
            return;
        }

        string streamName = StreamNameFor(context.ContainingSymbol);
        string replacement = $"Seed.Stream(\"{streamName}\").BitGenerator.AsRandom() or Seed.Global";
        var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.StreamName, streamName);
        if (creation.Arguments.Length == 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                NondeterministicSeedRule,
                creation.Syntax.GetLocation(),
                properties.Add(DiagnosticProperties.Unseeded, "true"),
                RuleText.Shorten(creation.Syntax.ToString()),
                "has no seed",
                replacement));
            return;
        }

        string? source = NondeterministicSeedSources.Find(creation.Arguments[0].Value, types);
        if (source is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                NondeterministicSeedRule,
                creation.Syntax.GetLocation(),
                properties,
                RuleText.Shorten(creation.Syntax.ToString()),
                $"is seeded from {source}",
                "a fixed seed, " + replacement));
        }
    }

    private static void AnalyzePropertyReference(OperationAnalysisContext context, RandomTypes types)
    {
        var reference = (IPropertyReferenceOperation)context.Operation;
        if (reference.Property.Name != "Shared"
            || !reference.Property.IsStatic
            || !SymbolEqualityComparer.Default.Equals(reference.Property.ContainingType, types.Random)
            || IsInsideNameOf(reference))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(SharedRandomRule, reference.Syntax.GetLocation(), reference.Syntax.ToString()));
    }

    // nameof(Random.Shared) names the property without drawing from it.
    private static bool IsInsideNameOf(IOperation operation)
    {
        for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current.Kind == OperationKind.NameOf)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Type.Member" for the member that owns the code, the natural name for a stream only it draws from.</summary>
    private static string StreamNameFor(ISymbol owner)
    {
        ISymbol member = owner is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : owner;
        INamedTypeSymbol? type = member as INamedTypeSymbol ?? member.ContainingType;
        bool isConstructor = member is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor };
        // Constructors, and members only the compiler can name (top-level statements' "<Main>$"), give the type's name.
        if (type is null || isConstructor || !member.CanBeReferencedByName || ReferenceEquals(member, type))
        {
            return type?.Name ?? member.Name;
        }

        return type.Name + "." + member.Name;
    }
}

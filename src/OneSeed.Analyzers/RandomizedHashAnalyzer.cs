using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace OneSeed.Analyzers;

/// <summary>
/// Reports ONESEED003: a hash that .NET randomises per process (<c>string.GetHashCode()</c>, a string comparer's or
/// <c>EqualityComparer&lt;string&gt;.Default</c>'s <c>GetHashCode</c>, <c>HashCode.Combine</c>, <c>HashCode.ToHashCode</c>)
/// whose value reaches a seed, a <c>%</c> bucket, an ordering or a write (see <see cref="HashFlow"/>).
/// </summary>
/// <remarks>
/// The same hashes used as hash-table internals are correct (a process only needs them consistent within itself), so
/// nothing inside a <c>GetHashCode</c> method is reported, and a hash that is only compared or used as a key is not followed.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RandomizedHashAnalyzer : OneSeedAnalyzer
{
    /// <summary>ONESEED003: a per-process randomised hash used where its value matters across runs.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.RandomizedHash,
        title: "Randomised hash code used across runs",
        messageFormat: "'{0}' is randomised in every process, and here it {1}; use {2} instead",
        RuleText.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: ".NET seeds string hashing (string.GetHashCode, StringComparer, EqualityComparer<string>.Default) and System.HashCode randomly in every process, and no setting fixes it (.NET has no PYTHONHASHSEED). Such a hash used as a seed, to choose a shard or partition, to order data or written to a file gives a different result on every run. OneSeed's StableHash is the same everywhere.",
        helpLinkUri: RuleText.HelpBase + "oneseed003");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    private protected override void Register(CompilationStartAnalysisContext start, RandomTypes types)
    {
        start.RegisterOperationAction(c => AnalyzeInvocation(c, types), OperationKind.Invocation);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, RandomTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        // Hash-table code: a GetHashCode override or comparer implementation only needs a hash that is stable within the process.
        if (!IsRandomizedHash(invocation.TargetMethod, types) || context.ContainingSymbol.Name == "GetHashCode")
        {
            return;
        }

        if (HashFlow.Find(invocation, types) is not { } sink)
        {
            return;
        }

        IMethodSymbol method = invocation.TargetMethod;
        bool stringHashCode = method.ContainingType.SpecialType == SpecialType.System_String
            && method.Parameters.Length == 0
            && invocation.Instance is not null;
        ImmutableDictionary<string, string?> properties = stringHashCode
            ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.StringHashCode, "true")
            : ImmutableDictionary<string, string?>.Empty;
        string replacement = sink.IsBucket ? "StableHash.Bucket(key, buckets)" : "StableHash.Hash64";
        context.ReportDiagnostic(Diagnostic.Create(
            Rule,
            invocation.Syntax.GetLocation(),
            properties,
            RuleText.Shorten(invocation.Syntax.ToString()),
            sink.Description,
            replacement));
    }

    private static bool IsRandomizedHash(IMethodSymbol method, RandomTypes types)
    {
        INamedTypeSymbol type = method.ContainingType;
        if (method.Name == "GetHashCode")
        {
            // string's own (instance, with a StringComparison, and the static span overloads), any StringComparer's
            // (ordinal and culture comparers all randomise), and EqualityComparer<string>.Default's.
            return type.SpecialType == SpecialType.System_String
                || SymbolEqualityComparer.Default.Equals(type, types.StringComparer)
                || (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, types.EqualityComparer)
                    && type.TypeArguments[0].SpecialType == SpecialType.System_String);
        }

        return SymbolEqualityComparer.Default.Equals(type, types.HashCode) && method.Name is "Combine" or "ToHashCode";
    }
}

using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OneSeed.Analyzers;

/// <summary>
/// Fixes ONESEED004 by sorting the collection before it is enumerated: <c>.OrderBy(x =&gt; x.Key)</c> for a dictionary's
/// pairs, <c>.OrderBy(x =&gt; x)</c> for its keys or a set's elements, with <c>StringComparer.Ordinal</c> for strings.
/// </summary>
/// <remarks>
/// Offered only where the analyzer found the sort key to be a primitive, a string or an enum (see
/// <see cref="DiagnosticProperties.OrderBySelector"/>): equal keys are then the same value, so the sorted order is
/// complete, and the element type, hence the code around it, is unchanged. A dictionary's values (duplicates, whose
/// order among themselves would stay unchosen), a <c>Hashtable</c> and keys of other types get no fix. Adds
/// <c>using System.Linq;</c> when <c>OrderBy</c> is not in scope. The order it picks (ascending key) is a new order,
/// which is the point: it is the same in every run.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HashOrderedEnumerationCodeFixProvider))]
[Shared]
public sealed class HashOrderedEnumerationCodeFixProvider : OneSeedCodeFixProvider
{
    private static readonly string[] ParameterNames = { "x", "item", "element", "entry", "x1", "x2", "x3" };

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HashOrderedEnumeration);

    // Only System.Linq: the fix works without OneSeed.
    private protected override bool NeedsOneSeed => false;

    private protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.OrderBySelector, out string? selector)
            || selector is null
            || diagnostic.AdditionalLocations.Count == 0
            || root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax collection)
        {
            return;
        }

        bool byKey = selector.EndsWith(".Key", StringComparison.Ordinal);
        bool ordinal = diagnostic.Properties.ContainsKey(DiagnosticProperties.OrdinalComparer);
        context.RegisterCodeFix(
            CodeAction.Create(
                "Sort with .OrderBy(" + selector + (ordinal ? ", StringComparer.Ordinal" : string.Empty) + ")",
                cancellation => SortAsync(context.Document, root, collection, byKey, ordinal, cancellation),
                equivalenceKey: "OneSeed.OrderBy"),
            diagnostic);
    }

    private static async Task<Document> SortAsync(Document document, SyntaxNode root, ExpressionSyntax collection, bool byKey, bool ordinal, CancellationToken cancellation)
    {
        SemanticModel? model = await document.GetSemanticModelAsync(cancellation).ConfigureAwait(false);
        if (model is null)
        {
            return document;
        }

        int position = collection.SpanStart;
        // A parameter named like a variable in scope would not compile (or would shadow it): the first free name.
        string parameter = ParameterNames.FirstOrDefault(name => model.LookupSymbols(position, name: name).IsEmpty) ?? "sortKey";
        ExpressionSyntax sorted = OneSeedReplacements.OrderedBy(collection, parameter, byKey, ordinal).WithTriviaFrom(collection);
        bool orderByInScope = model.GetTypeInfo(collection, cancellation).Type is { } type
            && !model.LookupSymbols(position, container: type, name: "OrderBy", includeReducedExtensionMethods: true).IsEmpty;
        SyntaxNode fixedRoot = root.ReplaceNode(collection, sorted);
        if (!orderByInScope && fixedRoot is CompilationUnitSyntax unit)
        {
            fixedRoot = unit.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName("System.Linq")).NormalizeWhitespace().WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed));
        }

        return document.WithSyntaxRoot(fixedRoot);
    }
}

using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OneSeed.Analyzers;

/// <summary>
/// Fixes ONESEED002: replaces <c>Random.Shared</c> with <c>Seed.Global</c>, a thread-safe <c>System.Random</c>
/// (OneSeed's <c>SynchronizedRandom</c>) that <c>Seed.Everything</c> seeds, so it fits wherever Random.Shared did.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SharedRandomCodeFixProvider))]
[Shared]
public sealed class SharedRandomCodeFixProvider : OneSeedCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SharedRandom);

    private protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax reference)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Use Seed.Global",
                _ => Replace(context.Document, root, reference, OneSeedReplacements.GlobalRandom()),
                equivalenceKey: "OneSeed.Global"),
            diagnostic);
    }
}

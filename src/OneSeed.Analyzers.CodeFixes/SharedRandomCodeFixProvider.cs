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
public sealed class SharedRandomCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SharedRandom);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        Compilation? compilation = await context.Document.Project.GetCompilationAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || compilation is null || !OneSeedReplacements.IsAvailable(compilation))
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax reference)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use Seed.Global",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(
                        root.ReplaceNode(reference, OneSeedReplacements.GlobalRandom().WithTriviaFrom(reference)))),
                    equivalenceKey: "OneSeed.Global"),
                diagnostic);
        }
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace OneSeed.Analyzers;

/// <summary>
/// The common part of the OneSeed code fixes: those that write OneSeed's API offer nothing unless the project references
/// OneSeed (their replacements would not compile), and all fix every occurrence in one batch.
/// </summary>
public abstract class OneSeedCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        Compilation? compilation = await context.Document.Project.GetCompilationAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || compilation is null || (NeedsOneSeed && !OneSeedReplacements.IsAvailable(compilation)))
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            RegisterFixes(context, root, diagnostic);
        }
    }

    /// <summary>True (the default) when the fix writes OneSeed's API, so it is offered only where OneSeed is referenced.</summary>
    private protected virtual bool NeedsOneSeed => true;

    /// <summary>Registers the fixes for one diagnostic, if it has any; OneSeed is known to be referenced when
    /// <see cref="NeedsOneSeed"/> is.</summary>
    private protected abstract void RegisterFixes(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic);

    /// <summary>The document with <paramref name="old"/> replaced by <paramref name="replacement"/>, trivia kept.</summary>
    private protected static Task<Document> Replace(Document document, SyntaxNode root, SyntaxNode old, SyntaxNode replacement) =>
        Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(old, replacement.WithTriviaFrom(old))));
}

using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OneSeed.Analyzers;

/// <summary>
/// Fixes ONESEED003 for <c>s.GetHashCode()</c> on a string: replaces it with
/// <c>unchecked((int)StableHash.Hash64(s))</c>, an <c>int</c> that is the same in every process.
/// </summary>
/// <remarks>
/// Only that call gets a fix: it is the one whose replacement has the same type and meaning (a hash of the string's
/// characters, as ordinal equality sees them). A culture or case-insensitive comparer's hash, or <c>HashCode.Combine</c>
/// over values of any type, would need the author to choose how the values become bytes; and turning <c>h % n</c> into
/// <c>StableHash.Bucket</c> would change which bucket negative hashes land in, which the surrounding code may rely on.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StableHashCodeFixProvider))]
[Shared]
public sealed class StableHashCodeFixProvider : OneSeedCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.RandomizedHash);

    private protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        // "s?.GetHashCode()" (an int?) has a member binding, not a member access: left alone.
        if (!diagnostic.Properties.ContainsKey(DiagnosticProperties.StringHashCode)
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax
            {
                Expression: MemberAccessExpressionSyntax { Expression: var text },
            } invocation)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Use StableHash.Hash64",
                _ => Replace(context.Document, root, invocation, OneSeedReplacements.StableHash32(text)),
                equivalenceKey: "OneSeed.StableHash"),
            diagnostic);
    }
}

using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OneSeed.Analyzers;

/// <summary>
/// Fixes ONESEED001 for an unseeded <c>new Random()</c>: replaces it with a OneSeed named stream
/// (<c>Seed.Stream("Type.Member").BitGenerator.AsRandom()</c>) or with <c>Seed.Global</c>.
/// </summary>
/// <remarks>
/// A <c>new Random(x)</c> with a clock- or identity-derived seed gets no fix: what the seed should be instead (a
/// constant, a configuration value, a stream) is the author's decision, not one a tool can make safely.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NondeterministicRandomSeedCodeFixProvider))]
[Shared]
public sealed class NondeterministicRandomSeedCodeFixProvider : OneSeedCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NondeterministicRandomSeed);

    private protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.ContainsKey(DiagnosticProperties.Unseeded)
            || !diagnostic.Properties.TryGetValue(DiagnosticProperties.StreamName, out string? streamName)
            || streamName is null
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not BaseObjectCreationExpressionSyntax creation
            || creation.Initializer is not null)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                $"Use the named stream Seed.Stream(\"{streamName}\")",
                _ => Replace(context.Document, root, creation, OneSeedReplacements.NamedStreamRandom(streamName)),
                equivalenceKey: "OneSeed.NamedStream"),
            diagnostic);
        context.RegisterCodeFix(
            CodeAction.Create(
                "Use Seed.Global",
                _ => Replace(context.Document, root, creation, OneSeedReplacements.GlobalRandom()),
                equivalenceKey: "OneSeed.Global"),
            diagnostic);
    }
}

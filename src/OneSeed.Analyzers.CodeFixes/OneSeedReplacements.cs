using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace OneSeed.Analyzers;

/// <summary>
/// The OneSeed expressions the code fixes put in place of a non-reproducible <c>System.Random</c>, and the check that
/// the project can compile them.
/// </summary>
internal static class OneSeedReplacements
{
    /// <summary>Metadata name of the type every replacement starts from.</summary>
    public const string SeedTypeName = "OneSeed.Seed";

    /// <summary>
    /// True when the compilation references OneSeed: without it a replacement would not compile, so no fix is offered.
    /// </summary>
    public static bool IsAvailable(Compilation compilation) => compilation.GetTypeByMetadataName(SeedTypeName) is not null;

    /// <summary><c>Seed.Stream("name").BitGenerator.AsRandom()</c>: a <c>System.Random</c> over the named stream.</summary>
    public static ExpressionSyntax NamedStreamRandom(string streamName) =>
        Qualified(
            "global::OneSeed.Seed.Stream(" + SyntaxFactory.Literal(streamName).ToFullString() + ").BitGenerator.AsRandom()");

    /// <summary><c>Seed.Global</c>: OneSeed's thread-safe, process-wide <c>System.Random</c>.</summary>
    public static ExpressionSyntax GlobalRandom() => Qualified("global::OneSeed.Seed.Global");

    // Written fully qualified so it binds whatever the file's usings and namespaces; the simplifier then shortens the
    // type name to what the file can resolve (Seed under "using OneSeed;"). The annotation goes on the type name itself:
    // on the whole invocation chain the simplifier leaves the "global::" in place.
    private static ExpressionSyntax Qualified(string text)
    {
        ExpressionSyntax expression = SyntaxFactory.ParseExpression(text);
        SyntaxNode seedType = expression.DescendantNodesAndSelf()
            .First(node => node is MemberAccessExpressionSyntax && node.ToString() == "global::OneSeed.Seed");
        return expression
            .ReplaceNode(seedType, seedType.WithAdditionalAnnotations(Simplifier.Annotation))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace OneSeed.Analyzers;

/// <summary>
/// The OneSeed expressions the code fixes put in place of a non-reproducible <c>System.Random</c> or hash code, and the
/// check that the project can compile them.
/// </summary>
internal static class OneSeedReplacements
{
    /// <summary>Metadata name of the type every replacement starts from.</summary>
    public const string SeedTypeName = "OneSeed.Seed";

    private const string SeedType = "global::OneSeed.Seed";
    private const string StableHashType = "global::OneSeed.Seeding.StableHash";
    private const string StringComparerType = "global::System.StringComparer";
    // Stands for the hashed expression while the replacement is parsed; swapped for the real syntax node after.
    private const string Placeholder = "__text";

    /// <summary>
    /// True when the compilation references OneSeed: without it a replacement would not compile, so no fix is offered.
    /// </summary>
    public static bool IsAvailable(Compilation compilation) => compilation.GetTypeByMetadataName(SeedTypeName) is not null;

    /// <summary><c>Seed.Stream("name").BitGenerator.AsRandom()</c>: a <c>System.Random</c> over the named stream.</summary>
    public static ExpressionSyntax NamedStreamRandom(string streamName) =>
        Qualified(
            "global::OneSeed.Seed.Stream(" + SyntaxFactory.Literal(streamName).ToFullString() + ").BitGenerator.AsRandom()",
            SeedType);

    /// <summary><c>Seed.Global</c>: OneSeed's thread-safe, process-wide <c>System.Random</c>.</summary>
    public static ExpressionSyntax GlobalRandom() => Qualified("global::OneSeed.Seed.Global", SeedType);

    /// <summary>
    /// <c>unchecked((int)StableHash.Hash64(text))</c>: an <c>int</c>, as <c>text.GetHashCode()</c> was, so the code around
    /// it compiles and keeps its meaning; <c>unchecked</c> because the narrowing must not throw under
    /// <c>CheckForOverflowUnderflow</c>.
    /// </summary>
    public static ExpressionSyntax StableHash32(ExpressionSyntax text)
    {
        ExpressionSyntax template = SyntaxFactory.ParseExpression(
            "unchecked((int)" + StableHashType + ".Hash64(" + Placeholder + "))");
        SyntaxNode placeholder = template.DescendantNodes().OfType<IdentifierNameSyntax>().First(node => node.Identifier.Text == Placeholder);
        // "(a + b).GetHashCode()" needed the parentheses for the member access; as an argument it does not.
        ExpressionSyntax argument = text is ParenthesizedExpressionSyntax parenthesized ? parenthesized.Expression : text;
        return Annotate(template.ReplaceNode(placeholder, argument.WithoutTrivia()), StableHashType);
    }

    /// <summary>
    /// <c>collection.OrderBy(x =&gt; x.Key)</c> (<paramref name="byKey"/>) or <c>collection.OrderBy(x =&gt; x)</c>, with
    /// <c>StringComparer.Ordinal</c> when <paramref name="ordinal"/>: the culture's comparer would order strings
    /// differently on another machine. <paramref name="parameter"/> names the lambda's parameter.
    /// </summary>
    public static ExpressionSyntax OrderedBy(ExpressionSyntax collection, string parameter, bool byKey, bool ordinal)
    {
        string comparer = ordinal ? ", " + StringComparerType + ".Ordinal" : string.Empty;
        ExpressionSyntax template = SyntaxFactory.ParseExpression(
            Placeholder + ".OrderBy(" + parameter + " => " + parameter + (byKey ? ".Key" : string.Empty) + comparer + ")");
        SyntaxNode placeholder = template.DescendantNodes().OfType<IdentifierNameSyntax>().First(node => node.Identifier.Text == Placeholder);
        // A member access binds tighter than anything but a primary expression: "a ?? b" must become "(a ?? b).OrderBy(...)".
        ExpressionSyntax receiver = collection.WithoutTrivia();
        if (receiver is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax
            or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax or ThisExpressionSyntax))
        {
            receiver = SyntaxFactory.ParenthesizedExpression(receiver);
        }

        ExpressionSyntax sorted = template.ReplaceNode(placeholder, receiver);
        return ordinal ? Annotate(sorted, StringComparerType) : sorted.WithAdditionalAnnotations(Formatter.Annotation);
    }

    // Written fully qualified so it binds whatever the file's usings and namespaces; the simplifier then shortens the
    // type name to what the file can resolve (Seed under "using OneSeed;"). The annotation goes on the type name itself:
    // on the whole invocation chain the simplifier leaves the "global::" in place.
    private static ExpressionSyntax Qualified(string text, string typeName) => Annotate(SyntaxFactory.ParseExpression(text), typeName);

    private static ExpressionSyntax Annotate(ExpressionSyntax expression, string typeName)
    {
        SyntaxNode type = expression.DescendantNodesAndSelf()
            .First(node => node is MemberAccessExpressionSyntax && node.ToString() == typeName);
        return expression
            .ReplaceNode(type, type.WithAdditionalAnnotations(Simplifier.Annotation))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }
}

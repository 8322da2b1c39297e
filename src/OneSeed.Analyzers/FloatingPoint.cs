using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace OneSeed.Analyzers;

/// <summary>What ONESEED004 and ONESEED005 share about floating-point accumulation: which types round (so the order of
/// the additions changes the result), which values a LINQ reduction adds, and whether an accumulator outlives the code
/// that updates it.</summary>
internal static class FloatingPoint
{
    /// <summary>True for <c>float</c>, <c>double</c>, <c>decimal</c> and their nullable forms: additions that round, so
    /// their order matters.</summary>
    public static bool IsFloatingPoint(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type?.SpecialType is SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal;
    }

    /// <summary>The type whose values a <c>Sum</c>, <c>Average</c> or <c>Aggregate</c> (LINQ's or PLINQ's) adds: the
    /// selector's result or the element type for Sum/Average (Average of integers sums them exactly), the accumulator
    /// for Aggregate.</summary>
    public static ITypeSymbol? ReducedType(IMethodSymbol method)
    {
        if (method.Name == "Aggregate")
        {
            return method.TypeArguments.Length > 1 ? method.TypeArguments[1] : method.ReturnType;
        }

        if (method.Parameters.Length > 1 && method.Parameters[1].Type is INamedTypeSymbol { DelegateInvokeMethod: { } selector })
        {
            return selector.ReturnType;
        }

        return method.Parameters.Length > 0 && method.Parameters[0].Type is INamedTypeSymbol { TypeArguments.Length: 1 } query
            ? query.TypeArguments[0]
            : null;
    }

    /// <summary>The name of the variable <paramref name="target"/> updates when it outlives <paramref name="region"/> (a
    /// lambda, a loop body): a field, or a local or parameter declared outside the region; null for the region's own
    /// locals and for anything else.</summary>
    public static string? SharedName(IOperation target, SyntaxNode region)
    {
        ISymbol? symbol = target switch
        {
            IFieldReferenceOperation field => field.Field,
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        if (symbol is null)
        {
            return null;
        }

        if (symbol is IFieldSymbol)
        {
            return symbol.Name;
        }

        Microsoft.CodeAnalysis.Text.TextSpan span = region.Span;
        bool declaredInside = symbol.DeclaringSyntaxReferences.Any(reference =>
            reference.SyntaxTree == region.SyntaxTree && span.Contains(reference.Span));
        return declaredInside ? null : symbol.Name;
    }
}

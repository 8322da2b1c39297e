using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace OneSeed.Analyzers;

/// <summary>
/// Finds, inside a seed expression, a value that differs from run to run: the clock, a GUID, a process id or a
/// (per-process randomised) hash code.
/// </summary>
/// <remarks>
/// Only the expression itself is searched, through conversions, arithmetic, member accesses and invocations
/// (<c>(int)DateTime.Now.Ticks</c>, <c>Guid.NewGuid().GetHashCode() ^ 7</c>, <c>Math.Abs(Environment.TickCount)</c>).
/// Locals, fields and parameters are not followed: a seed that arrives through them may well be deterministic, and a
/// false warning costs more trust than a missed one.
/// </remarks>
internal static class NondeterministicSeedSources
{
    /// <summary>How the first run-dependent value in <paramref name="seed"/> is written (e.g. "DateTime.Now"), or null.</summary>
    public static string? Find(IOperation seed, RandomTypes types)
    {
        switch (seed)
        {
            case IConversionOperation conversion:
                return Find(conversion.Operand, types);
            case IParenthesizedOperation parenthesized:
                return Find(parenthesized.Operand, types);
            case IUnaryOperation unary:
                return Find(unary.Operand, types);
            case IBinaryOperation binary:
                return Find(binary.LeftOperand, types) ?? Find(binary.RightOperand, types);
            case IConditionalOperation conditional:
                return Find(conditional.WhenTrue, types) ?? (conditional.WhenFalse is null ? null : Find(conditional.WhenFalse, types));
            case IPropertyReferenceOperation property:
                return Describe(property.Property, types) ?? FindIn(property.Instance, types);
            case IFieldReferenceOperation field:
                return FindIn(field.Instance, types);
            case IInvocationOperation invocation:
                return Describe(invocation, types) ?? FindIn(invocation.Instance, types) ?? FindInArguments(invocation.Arguments, types);
            default:
                return null;
        }
    }

    private static string? FindIn(IOperation? operation, RandomTypes types) => operation is null ? null : Find(operation, types);

    private static string? FindInArguments(IEnumerable<IArgumentOperation> arguments, RandomTypes types)
    {
        foreach (IArgumentOperation argument in arguments)
        {
            string? found = Find(argument.Value, types);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static string? Describe(IPropertySymbol property, RandomTypes types)
    {
        INamedTypeSymbol type = property.ContainingType;
        if (!property.IsStatic)
        {
            // Process.GetCurrentProcess().Id is found through its receiver; other instance properties (.Ticks, .Id of
            // a process read from a list) only carry the value of what they are read from.
            return null;
        }

        if (Is(type, types.DateTime) && property.Name is "Now" or "UtcNow" or "Today")
        {
            return "DateTime." + property.Name;
        }

        if (Is(type, types.DateTimeOffset) && property.Name is "Now" or "UtcNow")
        {
            return "DateTimeOffset." + property.Name;
        }

        if (Is(type, types.Environment) && property.Name is "TickCount" or "TickCount64" or "ProcessId")
        {
            return "Environment." + property.Name;
        }

        return null;
    }

    private static string? Describe(IInvocationOperation invocation, RandomTypes types)
    {
        IMethodSymbol method = invocation.TargetMethod;
        INamedTypeSymbol type = method.ContainingType;
        if (method.IsStatic)
        {
            if (Is(type, types.Stopwatch) && method.Name == "GetTimestamp")
            {
                return "Stopwatch.GetTimestamp()";
            }

            if (Is(type, types.Guid) && method.Name == "NewGuid")
            {
                return "Guid.NewGuid()";
            }

            if (Is(type, types.Process) && method.Name == "GetCurrentProcess")
            {
                return "Process.GetCurrentProcess()";
            }

            if (Is(type, types.HashCode) && method.Name == "Combine")
            {
                return "HashCode.Combine(...)";
            }

            return null;
        }

        // GetHashCode() of a string is randomised per process; of a class that keeps object's, it depends on allocation
        // order. Other types hash their value (int, a record), which is only run-dependent if the value is, so their
        // hash is reported as that value's source (Guid.NewGuid().GetHashCode() as Guid.NewGuid()).
        if (method.Name == "GetHashCode" && method.Parameters.Length == 0)
        {
            ITypeSymbol? receiver = invocation.Instance?.Type;
            string? found = FindIn(invocation.Instance, types);
            if (found is not null || receiver is null)
            {
                return found;
            }

            if (receiver.SpecialType == SpecialType.System_String || HasIdentityHash(receiver))
            {
                return receiver.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + ".GetHashCode()";
            }
        }

        return null;
    }

    /// <summary>True for a class or array whose GetHashCode is object's identity hash (no type on the way overrides it).</summary>
    private static bool HasIdentityHash(ITypeSymbol type)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Array))
        {
            return false;
        }

        for (ITypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers("GetHashCode"))
            {
                if (member is IMethodSymbol { IsOverride: true, Parameters.Length: 0 })
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool Is(INamedTypeSymbol type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace OneSeed.Analyzers;

/// <summary>
/// Follows a per-process randomised hash upwards through the operation tree of one method to the first place where its
/// run-to-run difference matters: a seed, a <c>%</c> bucket, an ordering or a write.
/// </summary>
/// <remarks>
/// The walk is deliberately narrow, so that what it reports is real: it passes through conversions, parentheses, unary and
/// arithmetic operators, string interpolation, <c>System.Math</c> calls (<c>Math.Abs(h) % n</c>) and <c>CompareTo</c>,
/// and into a local variable only when that local is written exactly once (then every read of it is followed). Fields,
/// parameters, return values and other methods are not followed; any other use (a comparison, a dictionary key, an
/// argument to an unknown method) ends the walk without a finding.
/// </remarks>
internal static class HashFlow
{
    // Locals followed in a chain (h = s.GetHashCode(); b = h % 7; ...): enough for real code, bounded for speed.
    private const int MaxLocalHops = 3;

    /// <summary>How the hash computed by <paramref name="source"/> is used harmfully ("chooses a bucket with '%'"), or null.</summary>
    public static Sink? Find(IOperation source, RandomTypes types) => Find(source, types, 0);

    private static Sink? Find(IOperation value, RandomTypes types, int hops)
    {
        IOperation current = value;
        while (current.Parent is { } parent)
        {
            switch (parent)
            {
                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Remainder:
                    return binary.LeftOperand == current ? new Sink("chooses a bucket with '%'", isBucket: true) : null;
                case IBinaryOperation binary when IsArithmetic(binary.OperatorKind):
                case IConversionOperation or IParenthesizedOperation or IUnaryOperation:
                case IInterpolationOperation or IInterpolatedStringOperation:
                    current = parent;
                    continue;
                case IInvocationOperation invocation when invocation.Instance == current && invocation.TargetMethod.Name == "CompareTo":
                    current = invocation;
                    continue;
                case IArgumentOperation argument:
                    if (SeedNames.IsSeedLike(argument.Parameter?.Name ?? string.Empty))
                    {
                        return SeedSink(argument.Value, argument.Parameter!.Name, types);
                    }

                    if (argument.Parent is not IInvocationOperation call)
                    {
                        return null;
                    }

                    if (call.TargetMethod.Name.StartsWith("Write", StringComparison.Ordinal))
                    {
                        return new Sink($"is written out by '{call.TargetMethod.Name}'", isBucket: false);
                    }

                    if (call.TargetMethod.Name == "CompareTo" || SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, types.Math))
                    {
                        current = call;
                        continue;
                    }

                    return null;
                case ISimpleAssignmentOperation assignment when assignment.Value == current:
                    if (SeedArgumentAnalyzer.SeedTarget(assignment.Target) is { } seedName)
                    {
                        return SeedSink(assignment.Value, seedName, types);
                    }

                    return assignment.Target is ILocalReferenceOperation local && hops < MaxLocalHops
                        ? FindThroughLocal(local.Local, assignment, types, hops)
                        : null;
                case ISymbolInitializerOperation initializer when SeedArgumentAnalyzer.SeedTarget(initializer) is { } initializedName:
                    return SeedSink(initializer.Value, initializedName, types);
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when hops < MaxLocalHops:
                    return FindThroughLocal(declarator.Symbol, declarator, types, hops);
                case IReturnOperation:
                    return OrderingSink(parent);
                default:
                    return null;
            }
        }

        return null;
    }

    // A seed expression in which the run-dependent value can be seen directly is ONESEED001's (new Random) or
    // ONESEED006's (any other seed): only a hash they cannot see (through a local, or from a string comparer) is reported here.
    private static Sink? SeedSink(IOperation seed, string name, RandomTypes types) =>
        NondeterministicSeedSources.Find(seed, types) is null ? new Sink($"seeds '{name}'", isBucket: false) : null;

    /// <summary>An ordering when the return belongs to a lambda given to OrderBy/ThenBy(Descending) or Sort.</summary>
    private static Sink? OrderingSink(IOperation returned)
    {
        for (IOperation? current = returned.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation function:
                    IOperation? up = function.Parent;
                    while (up is IDelegateCreationOperation or IConversionOperation)
                    {
                        up = up.Parent;
                    }

                    return up is IArgumentOperation { Parent: IInvocationOperation call } && IsOrdering(call.TargetMethod.Name)
                        ? new Sink($"orders elements in '{call.TargetMethod.Name}'", isBucket: false)
                        : null;
                case ILocalFunctionOperation or IMethodBodyBaseOperation:
                    return null;
            }
        }

        return null;
    }

    private static Sink? FindThroughLocal(ILocalSymbol local, IOperation write, RandomTypes types, int hops)
    {
        IOperation root = write;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        var reads = new List<ILocalReferenceOperation>();
        int writes = write is IVariableDeclaratorOperation ? 1 : 0;
        foreach (IOperation operation in root.Descendants())
        {
            if (operation is IVariableDeclaratorOperation declarator
                && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local)
                && declarator != write
                && declarator.GetVariableInitializer() is not null)
            {
                writes++;
            }
            else if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                if (IsWritten(reference))
                {
                    writes++;
                }
                else
                {
                    reads.Add(reference);
                }
            }
        }

        // Written more than once, the local may hold something else where it is read: not followed.
        if (writes != 1)
        {
            return null;
        }

        foreach (ILocalReferenceOperation read in reads)
        {
            if (Find(read, types, hops + 1) is { } sink)
            {
                return sink;
            }
        }

        return null;
    }

    // Any reference that is not a plain read counts as a write: ref/out arguments and tuple targets included.
    private static bool IsWritten(ILocalReferenceOperation reference) => reference.Parent switch
    {
        IAssignmentOperation assignment => assignment.Target == reference,
        IIncrementOrDecrementOperation => true,
        IArgumentOperation argument => argument.Parameter?.RefKind is not (null or RefKind.None or RefKind.In),
        ITupleOperation or IDeclarationExpressionOperation => true,
        _ => false,
    };

    private static bool IsArithmetic(BinaryOperatorKind kind) => kind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract
        or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide or BinaryOperatorKind.And or BinaryOperatorKind.Or
        or BinaryOperatorKind.ExclusiveOr or BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift
        or BinaryOperatorKind.UnsignedRightShift;

    private static bool IsOrdering(string name) => name is "OrderBy" or "OrderByDescending" or "ThenBy" or "ThenByDescending" or "Sort";

    /// <summary>A harmful use of a hash: its description for the message, and whether it is a bucket choice (for which
    /// <c>StableHash.Bucket</c> is the better replacement).</summary>
    // A plain struct: netstandard2.0 has no IsExternalInit for records.
    internal readonly struct Sink
    {
        public Sink(string description, bool isBucket)
        {
            Description = description;
            IsBucket = isBucket;
        }

        public string Description { get; }

        public bool IsBucket { get; }
    }
}

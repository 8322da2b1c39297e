using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace OneSeed.Analyzers;

/// <summary>
/// Reports ONESEED005: a <c>float</c>/<c>double</c>/<c>decimal</c> reduction whose result depends on thread timing.
/// Inside a lambda given to <c>Parallel.For</c>/<c>Parallel.ForEach</c>: <c>+=</c>, <c>-=</c> or <c>*=</c> on a captured
/// local, parameter or a field (locked or not), and <c>Interlocked.CompareExchange</c>/<c>Exchange</c> on a
/// floating-point location. In PLINQ: <c>Sum</c>, <c>Average</c> or <c>Aggregate</c> over floating-point values after an
/// <c>AsParallel()</c> with no <c>AsOrdered()</c> between them.
/// </summary>
/// <remarks>
/// Floating-point addition and multiplication are not associative, so the order in which threads reach the accumulator
/// (or PLINQ combines its partitions) changes the last bits of the result from run to run. Integer reductions are exact
/// and are not reported; nor is an accumulator declared inside the lambda.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ParallelReductionAnalyzer : OneSeedAnalyzer
{
    /// <summary>ONESEED005: a floating-point reduction in thread-timing order.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.ParallelFloatingPointReduction,
        title: "Floating-point reduction depends on thread timing",
        messageFormat: "'{0}' {1}, so the result depends on thread timing; use {2} instead",
        RuleText.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Floating-point addition and multiplication are not associative: a float, double or decimal accumulated by Parallel.For/ForEach bodies, or summed by an unordered PLINQ query, depends on the order in which threads finish, and differs in its last bits from run to run even with every seed fixed. Compute the parts in parallel and combine them in a fixed order.",
        helpLinkUri: RuleText.HelpBase + "oneseed005");

    private const string OrderedCombination = "a result per index (an array filled in parallel) summed in order afterwards, or a sequential loop";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    private protected override void Register(CompilationStartAnalysisContext start, RandomTypes types)
    {
        if (types.Parallel is not null)
        {
            start.RegisterOperationAction(c => AnalyzeParallelLoop(c, types), OperationKind.Invocation);
        }

        if (types.ParallelEnumerable is not null)
        {
            start.RegisterOperationAction(c => AnalyzePlinq(c, types), OperationKind.Invocation);
        }
    }

    private static void AnalyzeParallelLoop(OperationAnalysisContext context, RandomTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        if (method.Name is not ("For" or "ForEach") || !SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Parallel))
        {
            return;
        }

        string loop = "Parallel." + method.Name;
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (Lambda(argument.Value) is not { } lambda)
            {
                continue;
            }

            foreach (IOperation operation in lambda.Body.Descendants())
            {
                if (operation is ICompoundAssignmentOperation compound
                    && compound.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply
                    && FloatingPoint.IsFloatingPoint(compound.Target.Type)
                    && FloatingPoint.SharedName(compound.Target, lambda.Syntax) is { } name)
                {
                    ReportQuoting(context, Rule, compound, $"updates the shared {compound.Target.Type!.ToDisplayString()} '{name}' from the threads of {loop}", OrderedCombination);
                }
                else if (operation is IInvocationOperation { TargetMethod: { Name: "CompareExchange" or "Exchange" } exchange } interlocked
                    && SymbolEqualityComparer.Default.Equals(exchange.ContainingType, types.Interlocked)
                    && exchange.Parameters.Length > 0
                    && FloatingPoint.IsFloatingPoint(exchange.Parameters[0].Type))
                {
                    ReportQuoting(context, Rule, interlocked, $"accumulates a {exchange.Parameters[0].Type.ToDisplayString()} in an exchange loop on the threads of {loop}", OrderedCombination);
                }
            }
        }
    }

    private static void AnalyzePlinq(OperationAnalysisContext context, RandomTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        if (method.Name is not ("Sum" or "Average" or "Aggregate")
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType, types.ParallelEnumerable)
            || !FloatingPoint.IsFloatingPoint(FloatingPoint.ReducedType(method))
            || !IsUnordered(invocation, types))
        {
            return;
        }

        ReportQuoting(
            context,
            Rule,
            invocation,
            $"reduces {FloatingPoint.ReducedType(method)!.ToDisplayString()} values in partitions that PLINQ combines as threads finish",
            "a sequential " + method.Name + " over the parallel results in order (.AsOrdered()... .ToArray()." + method.Name + "(...))");
    }

    /// <summary>True when the query under <paramref name="reduction"/> reaches <c>AsParallel()</c> without passing an
    /// <c>AsOrdered()</c>.</summary>
    private static bool IsUnordered(IInvocationOperation reduction, RandomTypes types)
    {
        IOperation? current = Source(reduction);
        while (current is IInvocationOperation call && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, types.ParallelEnumerable))
        {
            switch (call.TargetMethod.Name)
            {
                case "AsOrdered":
                    return false;
                case "AsParallel":
                    return true;
            }

            current = Source(call);
        }

        // A ParallelQuery from elsewhere (a parameter, a field): its ordering is not known, so nothing is reported.
        return false;
    }

    // The query an extension-method call operates on: its first argument, through conversions.
    private static IOperation? Source(IInvocationOperation call)
    {
        IOperation? source = call.Arguments.Length > 0 ? call.Arguments[0].Value : call.Instance;
        while (source is IConversionOperation conversion)
        {
            source = conversion.Operand;
        }

        return source;
    }

    private static IAnonymousFunctionOperation? Lambda(IOperation value)
    {
        while (value is IDelegateCreationOperation or IConversionOperation)
        {
            value = value is IDelegateCreationOperation creation ? creation.Target : ((IConversionOperation)value).Operand;
        }

        return value as IAnonymousFunctionOperation;
    }
}

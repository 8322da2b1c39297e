using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace OneSeed.Analyzers;

/// <summary>
/// Reports ONESEED004: a collection whose enumeration order nobody chose (<see cref="HashOrderedCollections"/>)
/// enumerated into something whose result depends on that order: a list or array (<c>ToList</c>, <c>ToArray</c>,
/// <c>new List&lt;T&gt;(x)</c>, <c>AddRange</c>), a joined string, a file (<c>File.WriteAllLines</c>), a choice by
/// position (<c>First</c>, <c>Take</c>, <c>ElementAt</c>, ...), a floating-point <c>Sum</c>/<c>Average</c>, an
/// <c>Aggregate</c>, or a <c>foreach</c> whose body draws random numbers, adds floating-point values or builds a string
/// into a variable declared outside the loop, fills a list declared outside it, or writes (<c>Write*</c>).
/// </summary>
/// <remarks>
/// The order reaches the sink through order-keeping LINQ operators (<c>Where</c>, <c>Select</c>, <c>Distinct</c>, ...);
/// an <c>OrderBy</c> on the way, or a <c>Sort</c> of the list afterwards (or only sorted reads of it), silences it.
/// Order-insensitive sinks (<c>Count</c>, <c>Any</c>, <c>Contains</c>, <c>ToDictionary</c>, <c>ToHashSet</c>, integer
/// sums, <c>Min</c>/<c>Max</c>, a <c>foreach</c> doing anything else) are not sinks at all. <c>Dictionary</c> and
/// <c>HashSet</c> are reported only when the same variable (local, parameter, field or property) is both removed from
/// (<c>Remove</c>, <c>RemoveWhere</c>, <c>ExceptWith</c>, <c>IntersectWith</c>, <c>SymmetricExceptWith</c>) and added to
/// (<c>Add</c>, <c>TryAdd</c>, <c>UnionWith</c>, an indexer write, <c>CollectionsMarshal.GetValueRefOrAddDefault</c>)
/// somewhere in the type that encloses the enumeration: those reports wait for the end of the type.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HashOrderedEnumerationAnalyzer : OneSeedAnalyzer
{
    /// <summary>ONESEED004: an unchosen enumeration order that decides a result.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.HashOrderedEnumeration,
        title: "Enumeration order depends on hash codes or thread timing",
        messageFormat: "'{0}' {1} the enumeration order of {2}, which {3}; use {4} instead",
        RuleText.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "ConcurrentDictionary, ConcurrentBag, Hashtable, ImmutableHashSet and ImmutableDictionary enumerate in an order set by hash codes (randomised per process for strings) or by thread timing; Dictionary and HashSet stop enumerating in insertion order once a removal frees a slot that a later Add reuses. A list, a string, a file, a choice by position, a floating-point sum or random draws made in that order differ from run to run. Sort first, or keep the items in an ordered collection.",
        helpLinkUri: RuleText.HelpBase + "oneseed004");

    private const string Keeps = "keeps";
    private const string PicksByPosition = "picks elements by their position in";

    private static readonly ImmutableHashSet<string> OrderKeepingOperators = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "Where", "Select", "SelectMany", "Cast", "OfType", "Distinct", "DistinctBy", "Reverse", "AsEnumerable", "Append",
        "Prepend", "Concat", "Union", "UnionBy", "Except", "ExceptBy", "Intersect", "IntersectBy", "DefaultIfEmpty");

    private static readonly ImmutableDictionary<string, string> LinqSinks = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ToList"] = Keeps,
        ["ToArray"] = Keeps,
        ["ToImmutableArray"] = Keeps,
        ["ToImmutableList"] = Keeps,
        ["Chunk"] = Keeps,
        ["First"] = PicksByPosition,
        ["FirstOrDefault"] = PicksByPosition,
        ["Last"] = PicksByPosition,
        ["LastOrDefault"] = PicksByPosition,
        ["ElementAt"] = PicksByPosition,
        ["ElementAtOrDefault"] = PicksByPosition,
        ["Take"] = PicksByPosition,
        ["TakeLast"] = PicksByPosition,
        ["TakeWhile"] = PicksByPosition,
        ["Skip"] = PicksByPosition,
        ["SkipLast"] = PicksByPosition,
        ["SkipWhile"] = PicksByPosition,
        ["Zip"] = "pairs elements by their position in",
        ["Aggregate"] = "accumulates a result in",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private static readonly ImmutableHashSet<string> ListAppends = ImmutableHashSet.Create(
        StringComparer.Ordinal, "Add", "AddRange", "Insert", "InsertRange", "Enqueue", "Push", "AddFirst", "AddLast");

    private static readonly ImmutableHashSet<string> Removals = ImmutableHashSet.Create(
        StringComparer.Ordinal, "Remove", "RemoveWhere", "ExceptWith", "IntersectWith", "SymmetricExceptWith");

    private static readonly ImmutableHashSet<string> Insertions = ImmutableHashSet.Create(
        StringComparer.Ordinal, "Add", "TryAdd", "UnionWith", "SymmetricExceptWith");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    private protected override void Register(CompilationStartAnalysisContext start, RandomTypes types)
    {
        var known = new KnownTypes(start.Compilation, types);
        start.RegisterSymbolStartAction(
            symbolStart =>
            {
                var state = new TypeState();
                symbolStart.RegisterOperationAction(c => AnalyzeInvocation(c, known, state), OperationKind.Invocation);
                symbolStart.RegisterOperationAction(c => AnalyzeCreation(c, known, state), OperationKind.ObjectCreation);
                symbolStart.RegisterOperationAction(c => AnalyzeForEach(c, known, state), OperationKind.Loop);
                symbolStart.RegisterOperationAction(c => RecordIndexerWrite(c, known, state), OperationKind.SimpleAssignment, OperationKind.CompoundAssignment, OperationKind.CoalesceAssignment);
                symbolStart.RegisterSymbolEndAction(state.ReportDeferred);
            },
            SymbolKind.NamedType);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, KnownTypes known, TypeState state)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        RecordMutation(invocation, known, state);
        if (EnumeratedBy(invocation, known) is not { } sink
            || FindSource(sink.Enumerated, known) is not { } source
            || (sink.Verb == Keeps && IsSortedLater(method.Name is "AddRange" or "InsertRange" ? invocation.Instance : invocation)))
        {
            return;
        }

        Report(context, state, invocation.Syntax, invocation.Syntax.ToString(), sink.Verb, source);
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, KnownTypes known, TypeState state)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!known.IsOrderedList(creation.Type)
            || creation.Arguments.FirstOrDefault(a => IsEnumerable(a.Parameter?.Type)) is not { } argument
            || FindSource(argument.Value, known) is not { } source
            || IsSortedLater(creation))
        {
            return;
        }

        Report(context, state, creation.Syntax, creation.Syntax.ToString(), Keeps, source);
    }

    private static void AnalyzeForEach(OperationAnalysisContext context, KnownTypes known, TypeState state)
    {
        if (context.Operation is not IForEachLoopOperation loop
            || FindSource(loop.Collection, known) is not { } source
            || OrderSensitiveWork(loop.Body, known) is not { } verb)
        {
            return;
        }

        // Quoted as its header, "foreach (var kv in counts)"; reported on the collection, the part a fix changes.
        SyntaxNode header = loop.Syntax;
        string quoted = header is CommonForEachStatementSyntax statement
            ? header.ToString().Substring(0, statement.CloseParenToken.Span.End - header.SpanStart)
            : header.ToString();
        Report(context, state, loop.Collection.Syntax, quoted, verb, source);
    }

    // d[key] = value adds the key when it is new: an insertion.
    private static void RecordIndexerWrite(OperationAnalysisContext context, KnownTypes known, TypeState state)
    {
        if (context.Operation is IAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance } }
            && known.Collections.IsInsertionOrdered(instance.Type)
            && HashOrderedCollections.ReferencedSymbol(instance) is { } symbol)
        {
            state.Inserted.TryAdd(symbol, 0);
        }
    }

    private static void RecordMutation(IInvocationOperation invocation, KnownTypes known, TypeState state)
    {
        IMethodSymbol method = invocation.TargetMethod;
        IOperation? target = invocation.Instance;
        if (method.Name == "GetValueRefOrAddDefault" && SymbolEqualityComparer.Default.Equals(method.ContainingType, known.CollectionsMarshal))
        {
            target = invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;
        }

        if (target is null
            || !known.Collections.IsInsertionOrdered(target.Type)
            || HashOrderedCollections.ReferencedSymbol(target) is not { } symbol)
        {
            return;
        }

        if (Removals.Contains(method.Name))
        {
            state.Removed.TryAdd(symbol, 0);
        }

        if (Insertions.Contains(method.Name) || method.Name == "GetValueRefOrAddDefault")
        {
            state.Inserted.TryAdd(symbol, 0);
        }
    }

    /// <summary>The sequence <paramref name="invocation"/> consumes in order, and how, when it is an order-sensitive sink.</summary>
    private static Sink? EnumeratedBy(IInvocationOperation invocation, KnownTypes known)
    {
        IMethodSymbol method = invocation.TargetMethod;
        INamedTypeSymbol type = method.ContainingType;
        if (known.IsLinq(type) && invocation.Arguments.Length > 0)
        {
            if (LinqSinks.TryGetValue(method.Name, out string? verb))
            {
                return new Sink(invocation.Arguments[0].Value, verb);
            }

            return method.Name is "Sum" or "Average" && FloatingPoint.IsFloatingPoint(FloatingPoint.ReducedType(method))
                ? new Sink(invocation.Arguments[0].Value, "adds floating-point values in")
                : null;
        }

        // The collections' own snapshots: ConcurrentDictionary.ToArray(), ConcurrentBag.ToArray().
        if (method.Name is "ToArray" or "ToList" && invocation.Instance is { } instance && !method.IsStatic)
        {
            return new Sink(instance, Keeps);
        }

        string? sinkVerb = type.SpecialType == SpecialType.System_String && method.Name is "Join" or "Concat" ? "joins strings in"
            : known.IsOrderedList(type) && method.Name is "AddRange" or "InsertRange" ? Keeps
            : SymbolEqualityComparer.Default.Equals(type, known.File) && method.Name.Contains("AllLines") ? "writes lines in"
            : null;
        return sinkVerb is not null && invocation.Arguments.FirstOrDefault(a => IsEnumerable(a.Parameter?.Type) && a.Parameter?.Type.SpecialType != SpecialType.System_String) is { } argument
            ? new Sink(argument.Value, sinkVerb)
            : null;
    }

    /// <summary>The collection under <paramref name="enumerated"/>, through order-keeping LINQ operators; null when
    /// there is none, or when an <c>OrderBy</c> (or anything unknown) comes first.</summary>
    private static HashOrderedSource? FindSource(IOperation enumerated, KnownTypes known)
    {
        IOperation current = HashOrderedCollections.Strip(enumerated);
        for (int hops = 0; hops < 16; hops++)
        {
            if (known.Collections.Classify(current) is { } source)
            {
                return source;
            }

            if (current is not IInvocationOperation { Arguments.Length: > 0 } call
                || !known.IsLinq(call.TargetMethod.ContainingType)
                || !OrderKeepingOperators.Contains(call.TargetMethod.Name))
            {
                return null;
            }

            current = HashOrderedCollections.Strip(call.Arguments[0].Value);
        }

        return null;
    }

    /// <summary>What the loop body does in the loop's order that changes a result, or null when all it does is
    /// order-insensitive (counting, integer sums, filling a dictionary or set, ...). Random draws come first in the
    /// message (they are the subject of this library), then the first other finding.</summary>
    private static string? OrderSensitiveWork(IOperation body, KnownTypes known)
    {
        SyntaxNode region = body.Syntax;
        string? found = null;
        foreach (IOperation operation in body.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation draw && known.IsGenerator(draw.Instance?.Type))
            {
                return "draws random numbers in";
            }

            found ??= OrderSensitiveStep(operation, region, known);
        }

        return found;
    }

    private static string? OrderSensitiveStep(IOperation operation, SyntaxNode region, KnownTypes known)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                IMethodSymbol method = invocation.TargetMethod;
                // Volatile.Write and its kin publish a value; they write nothing out.
                if ((method.Name.StartsWith("Write", StringComparison.Ordinal) && method.ContainingNamespace?.ToDisplayString() != "System.Threading")
                    || (SymbolEqualityComparer.Default.Equals(method.ContainingType, known.File) && method.Name.StartsWith("Append", StringComparison.Ordinal)))
                {
                    return "writes in";
                }

                if (invocation.Instance is { } list && IsShared(list, region))
                {
                    if (known.IsOrderedList(list.Type) && ListAppends.Contains(method.Name))
                    {
                        return "fills a list in";
                    }

                    if (SymbolEqualityComparer.Default.Equals(list.Type, known.StringBuilder) && method.Name.StartsWith("Append", StringComparison.Ordinal))
                    {
                        return "builds a string in";
                    }
                }

                return null;
            case ICompoundAssignmentOperation compound when FloatingPoint.SharedName(compound.Target, region) is not null:
                if (FloatingPoint.IsFloatingPoint(compound.Target.Type)
                    && compound.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide)
                {
                    return "adds floating-point values in";
                }

                return compound.Target.Type?.SpecialType == SpecialType.System_String && compound.OperatorKind == BinaryOperatorKind.Add
                    ? "builds a string in"
                    : null;
            default:
                return null;
        }
    }

    // A receiver that outlives one iteration: a field, a property, or a local or parameter declared outside the body.
    private static bool IsShared(IOperation instance, SyntaxNode region)
    {
        IOperation receiver = HashOrderedCollections.Strip(instance);
        return receiver is IPropertyReferenceOperation || FloatingPoint.SharedName(receiver, region) is not null;
    }

    /// <summary>True when the list <paramref name="produced"/> makes (or fills) is stored in a variable that the method
    /// then sorts in place, or reads only through <c>OrderBy</c>: then the unchosen order never matters.</summary>
    private static bool IsSortedLater(IOperation? produced)
    {
        if (produced is null)
        {
            return false;
        }

        ISymbol? variable = HashOrderedCollections.ReferencedSymbol(produced);
        if (variable is null)
        {
            IOperation? parent = produced.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            variable = parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation assignment => HashOrderedCollections.ReferencedSymbol(assignment.Target),
                _ => null,
            };
        }

        if (variable is null)
        {
            return false;
        }

        IOperation root = produced;
        while (root.Parent is { } up)
        {
            root = up;
        }

        bool anyRead = false, allOrdered = true;
        foreach (IOperation operation in root.Descendants())
        {
            if (operation is IInvocationOperation { TargetMethod.Name: "Sort" } sort
                && ((sort.Instance is { } instance && SymbolEqualityComparer.Default.Equals(HashOrderedCollections.ReferencedSymbol(instance), variable))
                    || (sort.Arguments.Length > 0 && SymbolEqualityComparer.Default.Equals(HashOrderedCollections.ReferencedSymbol(sort.Arguments[0].Value), variable))))
            {
                return true;
            }

            if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, variable))
            {
                anyRead = true;
                IOperation? user = reference.Parent;
                while (user is IConversionOperation or IArgumentOperation)
                {
                    user = user.Parent;
                }

                allOrdered &= user is IInvocationOperation { TargetMethod.Name: "OrderBy" or "OrderByDescending" };
            }
        }

        return anyRead && allOrdered;
    }

    private static bool IsEnumerable(ITypeSymbol? type) =>
        type is not null
        && (type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
            || type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T));

    private static void Report(OperationAnalysisContext context, TypeState state, SyntaxNode at, string quoted, string verb, HashOrderedSource source)
    {
        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty;
        if (source.OrderBySelector is { } selector)
        {
            properties = properties.Add(DiagnosticProperties.OrderBySelector, selector);
            if (source.Ordinal)
            {
                properties = properties.Add(DiagnosticProperties.OrdinalComparer, "true");
            }
        }

        var diagnostic = Diagnostic.Create(
            Rule,
            at.GetLocation(),
            additionalLocations: new[] { source.Collection.Syntax.GetLocation() },
            properties,
            RuleText.Shorten(quoted),
            verb,
            source.Description,
            source.Reason,
            source.Replacement);
        if (source.TrackedSymbol is { } tracked)
        {
            state.Deferred.Enqueue(new KeyValuePair<ISymbol, Diagnostic>(tracked, diagnostic));
        }
        else
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    // A plain struct: netstandard2.0 has no IsExternalInit for records.
    private readonly struct Sink
    {
        public Sink(IOperation enumerated, string verb)
        {
            Enumerated = enumerated;
            Verb = verb;
        }

        public IOperation Enumerated { get; }

        public string Verb { get; }
    }

    /// <summary>What one type's code does to its <c>Dictionary</c>/<c>HashSet</c> variables, gathered from callbacks
    /// that run concurrently, and the reports that wait on it.</summary>
    private sealed class TypeState
    {
        public ConcurrentDictionary<ISymbol, byte> Removed { get; } = new(SymbolEqualityComparer.Default);

        public ConcurrentDictionary<ISymbol, byte> Inserted { get; } = new(SymbolEqualityComparer.Default);

        public ConcurrentQueue<KeyValuePair<ISymbol, Diagnostic>> Deferred { get; } = new();

        public void ReportDeferred(SymbolAnalysisContext context)
        {
            foreach (KeyValuePair<ISymbol, Diagnostic> entry in Deferred)
            {
                if (Removed.ContainsKey(entry.Key) && Inserted.ContainsKey(entry.Key))
                {
                    context.ReportDiagnostic(entry.Value);
                }
            }
        }
    }

    /// <summary>The types ONESEED004 compares against, resolved once per compilation.</summary>
    private sealed class KnownTypes
    {
        private readonly INamedTypeSymbol?[] _generators;
        private readonly INamedTypeSymbol?[] _linq;
        private readonly INamedTypeSymbol?[] _orderedLists;

        public KnownTypes(Compilation compilation, RandomTypes types)
        {
            Collections = HashOrderedCollections.Create(compilation);
            File = compilation.GetTypeByMetadataName("System.IO.File");
            StringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
            CollectionsMarshal = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.CollectionsMarshal");
            _linq = new[]
            {
                compilation.GetTypeByMetadataName("System.Linq.Enumerable"),
                compilation.GetTypeByMetadataName("System.Collections.Immutable.ImmutableArray"),
                compilation.GetTypeByMetadataName("System.Collections.Immutable.ImmutableList"),
            };
            _orderedLists = new[]
            {
                compilation.GetTypeByMetadataName("System.Collections.Generic.List`1"),
                compilation.GetTypeByMetadataName("System.Collections.Generic.IList`1"),
                compilation.GetTypeByMetadataName("System.Collections.Generic.Queue`1"),
                compilation.GetTypeByMetadataName("System.Collections.Generic.Stack`1"),
                compilation.GetTypeByMetadataName("System.Collections.Generic.LinkedList`1"),
            };
            // OneSeed's own generators draw in call order just as System.Random does.
            _generators = new[]
            {
                types.Random,
                compilation.GetTypeByMetadataName("OneSeed.Engines.BitGenerator"),
                compilation.GetTypeByMetadataName("OneSeed.Compat.PythonRandom"),
                compilation.GetTypeByMetadataName("OneSeed.Compat.NumPyRandomState"),
                compilation.GetTypeByMetadataName("OneSeed.Compat.NumPyGenerator"),
                compilation.GetTypeByMetadataName("OneSeed.Compat.TorchGenerator"),
            };
        }

        public HashOrderedCollections Collections { get; }

        public INamedTypeSymbol? File { get; }

        public INamedTypeSymbol? StringBuilder { get; }

        public INamedTypeSymbol? CollectionsMarshal { get; }

        public bool IsLinq(INamedTypeSymbol type) => _linq.Contains(type, SymbolEqualityComparer.Default);

        public bool IsOrderedList(ITypeSymbol? type) =>
            type is INamedTypeSymbol named && _orderedLists.Contains(named.OriginalDefinition, SymbolEqualityComparer.Default);

        public bool IsGenerator(ITypeSymbol? type)
        {
            for (INamedTypeSymbol? current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
            {
                if (_generators.Contains(current, SymbolEqualityComparer.Default))
                {
                    return true;
                }
            }

            return false;
        }
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace OneSeed.Analyzers;

/// <summary>
/// The collections ONESEED004 knows the enumeration order of, resolved once per compilation, and the classification of an
/// expression as one of them (<see cref="HashOrderedSource"/>).
/// </summary>
/// <remarks>
/// Always reported: <c>ConcurrentDictionary</c> (buckets in hash order, each bucket newest first, so the order follows
/// hash codes and which thread added first), <c>ConcurrentBag</c> (a list per adding thread), <c>Hashtable</c> (buckets in
/// hash order, keys of any type), <c>ImmutableHashSet</c> and <c>ImmutableDictionary</c> (a tree sorted by hash code),
/// the last two unless the key is a primitive or an enum, whose hash code is a fixed function of its value.
/// Reported only with removals: <c>Dictionary</c> and <c>HashSet</c>, which enumerate their entry array in index order,
/// insertion order until a <c>Remove</c> frees a slot that a later <c>Add</c> reuses (<c>Clear</c> resets the free list,
/// so it does not count).
/// </remarks>
internal sealed class HashOrderedCollections
{
    private HashOrderedCollections(Compilation compilation)
    {
        ConcurrentDictionary = compilation.GetTypeByMetadataName("System.Collections.Concurrent.ConcurrentDictionary`2");
        ConcurrentBag = compilation.GetTypeByMetadataName("System.Collections.Concurrent.ConcurrentBag`1");
        ImmutableHashSet = compilation.GetTypeByMetadataName("System.Collections.Immutable.ImmutableHashSet`1");
        ImmutableDictionary = compilation.GetTypeByMetadataName("System.Collections.Immutable.ImmutableDictionary`2");
        Hashtable = compilation.GetTypeByMetadataName("System.Collections.Hashtable");
        Dictionary = compilation.GetTypeByMetadataName("System.Collections.Generic.Dictionary`2");
        HashSet = compilation.GetTypeByMetadataName("System.Collections.Generic.HashSet`1");
    }

    public INamedTypeSymbol? ConcurrentDictionary { get; }

    public INamedTypeSymbol? ConcurrentBag { get; }

    public INamedTypeSymbol? ImmutableHashSet { get; }

    public INamedTypeSymbol? ImmutableDictionary { get; }

    public INamedTypeSymbol? Hashtable { get; }

    public INamedTypeSymbol? Dictionary { get; }

    public INamedTypeSymbol? HashSet { get; }

    public static HashOrderedCollections Create(Compilation compilation) => new(compilation);

    /// <summary>The variable (local, parameter, field or property) <paramref name="operation"/> reads, or null.</summary>
    public static ISymbol? ReferencedSymbol(IOperation operation) => Strip(operation) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field.OriginalDefinition,
        IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property.OriginalDefinition,
        _ => null,
    };

    /// <summary><paramref name="operation"/> without the implicit and explicit conversions around it.</summary>
    public static IOperation Strip(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>True when <paramref name="type"/> is <c>Dictionary</c> or <c>HashSet</c> (or derives from one): the
    /// collections whose order only removals disturb.</summary>
    public bool IsInsertionOrdered(ITypeSymbol? type) => Is(type, Dictionary) || Is(type, HashSet);

    /// <summary>
    /// What <paramref name="value"/> enumerates when it is one of the collections, or its <c>Keys</c> or <c>Values</c>;
    /// null otherwise. A <c>Dictionary</c>/<c>HashSet</c> counts only as a variable (its removals are looked for by
    /// symbol) and comes back with <see cref="HashOrderedSource.TrackedSymbol"/> set.
    /// </summary>
    public HashOrderedSource? Classify(IOperation value)
    {
        IOperation collection = Strip(value);
        string part = string.Empty;
        bool keys = false, values = false;
        if (collection is IPropertyReferenceOperation { Property.IsIndexer: false, Property.Name: "Keys" or "Values", Instance: { } instance } property)
        {
            keys = property.Property.Name == "Keys";
            values = !keys;
            part = keys ? "the keys of " : "the values of ";
            collection = Strip(instance);
        }

        if (collection.Type is not INamedTypeSymbol type)
        {
            return null;
        }

        string name = ReferencedSymbol(collection)?.Name ?? RuleText.Shorten(collection.Syntax.ToString());
        string described = part + type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + " '" + name + "'";
        ITypeSymbol? key = (Find(type, ConcurrentDictionary) ?? Find(type, ImmutableDictionary) ?? Find(type, Dictionary))?.TypeArguments[0];
        ITypeSymbol? element = (Find(type, ConcurrentBag) ?? Find(type, ImmutableHashSet) ?? Find(type, HashSet))?.TypeArguments[0];
        ITypeSymbol? sortKey = values ? null : key ?? element;
        string reason;
        bool afterRemovals = false;
        if (Is(type, ConcurrentDictionary))
        {
            reason = "depends on the keys' hash codes" + Randomised(key) + " and on the order in which threads added them";
        }
        else if (Is(type, ConcurrentBag))
        {
            reason = "depends on which threads added the items, and in what order";
        }
        else if (Is(type, ImmutableDictionary) || Is(type, ImmutableHashSet))
        {
            ITypeSymbol hashed = (key ?? element)!;
            if (HashesItsValue(hashed))
            {
                return null;
            }

            reason = "is the order of the " + (key is null ? "elements'" : "keys'") + " hash codes" + Randomised(hashed);
        }
        else if (Is(type, Hashtable))
        {
            reason = "is the order of the keys' hash codes (randomised in every process for strings)";
        }
        else if (IsInsertionOrdered(type) && ReferencedSymbol(collection) is not null)
        {
            afterRemovals = true;
            reason = "is not insertion order once a Remove has freed a slot that a later Add reuses (.NET defines no order, unlike Python's dict)";
        }
        else
        {
            return null;
        }

        string? selector = sortKey is not null && IsIndistinguishableWhenEqual(sortKey) ? (key is not null && !keys ? "x => x.Key" : "x => x") : null;
        bool ordinal = sortKey?.SpecialType == SpecialType.System_String;
        string comparer = ordinal ? ", StringComparer.Ordinal" : string.Empty;
        string replacement;
        if (Is(type, Hashtable))
        {
            replacement = "a SortedDictionary or an explicit list of keys";
        }
        else if (values)
        {
            replacement = "the keys in a fixed order (.OrderBy(x => x.Key" + comparer + ")) and their values, or a SortedDictionary";
        }
        else if (key is not null)
        {
            replacement = ".OrderBy(x => x" + (keys ? string.Empty : ".Key") + comparer + ") before it, a SortedDictionary or an explicit list of keys";
        }
        else
        {
            replacement = ".OrderBy(x => x" + comparer + ") before it, a SortedSet or a List in a fixed order";
        }

        return new HashOrderedSource(
            collection: value,
            description: described,
            reason: reason,
            replacement: replacement,
            trackedSymbol: afterRemovals ? ReferencedSymbol(collection) : null,
            orderBySelector: selector,
            ordinal: ordinal);
    }

    private static string Randomised(ITypeSymbol? key) =>
        key?.SpecialType == SpecialType.System_String ? " (randomised in every process for strings)" : string.Empty;

    // Types whose GetHashCode is a fixed function of the value: their hash order is the same in every run.
    private static bool HashesItsValue(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Enum
        || type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Char or SpecialType.System_SByte
            or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32
            or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Decimal
            or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_IntPtr or SpecialType.System_UIntPtr;

    // Sorting by such a key leaves nothing to chance: two equal keys are the same value, whichever comes first.
    private static bool IsIndistinguishableWhenEqual(ITypeSymbol type) =>
        HashesItsValue(type) || type.SpecialType == SpecialType.System_String;

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? definition) => Find(type, definition) is not null;

    // The constructed form of 'definition' that 'type' is or derives from.
    private static INamedTypeSymbol? Find(ITypeSymbol? type, INamedTypeSymbol? definition)
    {
        if (definition is null)
        {
            return null;
        }

        for (INamedTypeSymbol? current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, definition))
            {
                return current;
            }
        }

        return null;
    }
}

using Microsoft.CodeAnalysis;

namespace OneSeed.Analyzers;

/// <summary>A collection expression whose enumeration order is not one anybody chose, as ONESEED004's message and fix
/// need it.</summary>
// A plain class: netstandard2.0 has no IsExternalInit for records.
internal sealed class HashOrderedSource
{
    public HashOrderedSource(IOperation collection, string description, string reason, string replacement, ISymbol? trackedSymbol, string? orderBySelector, bool ordinal)
    {
        Collection = collection;
        Description = description;
        Reason = reason;
        Replacement = replacement;
        TrackedSymbol = trackedSymbol;
        OrderBySelector = orderBySelector;
        Ordinal = ordinal;
    }

    /// <summary>The expression enumerated (the collection, or its <c>Keys</c>/<c>Values</c>): where the fix inserts <c>OrderBy</c>.</summary>
    public IOperation Collection { get; }

    /// <summary>"the keys of ConcurrentDictionary&lt;string, int&gt; 'counts'".</summary>
    public string Description { get; }

    /// <summary>Why its order is not reproducible, completing "whose enumeration order ...".</summary>
    public string Reason { get; }

    /// <summary>What to use instead, for the message.</summary>
    public string Replacement { get; }

    /// <summary>For a <c>Dictionary</c>/<c>HashSet</c>: the variable whose removals and insertions decide whether the
    /// order is disturbed; null for the collections whose order is never reproducible.</summary>
    public ISymbol? TrackedSymbol { get; }

    /// <summary>The fix's key selector, or null when no safe fix exists (see <see cref="DiagnosticProperties.OrderBySelector"/>).</summary>
    public string? OrderBySelector { get; }

    /// <summary>True when the sort key is a string (the fix adds <c>StringComparer.Ordinal</c>).</summary>
    public bool Ordinal { get; }
}

namespace OneSeed.Analyzers;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> through which the analyzers hand the code fixes
/// what they already worked out, so the fixes need not repeat the analysis.
/// </summary>
internal static class DiagnosticProperties
{
    /// <summary>The stream name a fix should use: the containing member, as "Type.Member".</summary>
    public const string StreamName = "StreamName";

    /// <summary>Present (value "true") when the <c>new Random(...)</c> has no seed argument at all: only then is
    /// replacing it with a OneSeed stream a safe, behaviour-preserving fix.</summary>
    public const string Unseeded = "Unseeded";

    /// <summary>Present (value "true") when the ONESEED003 source is <c>s.GetHashCode()</c> on a string: only that call
    /// has a stable replacement of the same type and meaning (<c>StableHash.Hash64(s)</c> narrowed to <c>int</c>).</summary>
    public const string StringHashCode = "StringHashCode";

    /// <summary>The key selector of the ONESEED004 fix (<c>x =&gt; x.Key</c> for a dictionary's pairs, <c>x =&gt; x</c> for
    /// keys or set elements), present only when the sort key is a primitive, string or enum: then equal keys are
    /// indistinguishable, so sorting by them leaves no order to chance.</summary>
    public const string OrderBySelector = "OrderBySelector";

    /// <summary>Present (value "true") when the ONESEED004 fix sorts strings: with <c>StringComparer.Ordinal</c>, the same
    /// on every machine, rather than the culture's comparer.</summary>
    public const string OrdinalComparer = "OrdinalComparer";
}

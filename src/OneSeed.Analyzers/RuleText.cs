namespace OneSeed.Analyzers;

/// <summary>What every OneSeed rule's descriptor and message share: the category, the help link base and the way a
/// call is quoted.</summary>
internal static class RuleText
{
    /// <summary>The category of every OneSeed rule (what <c>[SuppressMessage]</c> names).</summary>
    public const string Category = "Reproducibility";

    // The repository has no public URL yet (the packaging slice of issue 24 sets RepositoryUrl): the link names the page
    // within the repository, to be made absolute together with the package metadata.
    public const string HelpBase = "docs/analyzers.md#";

    private static readonly char[] LineBreaks = { '\r', '\n' };

    /// <summary>The code on one line, cut to 80 characters, for quoting in a message.</summary>
    public static string Shorten(string text)
    {
        const int MaxLength = 80;
        string oneLine = string.Join(" ", text.Split(LineBreaks, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()));
        return oneLine.Length <= MaxLength ? oneLine : oneLine.Substring(0, MaxLength - 3) + "...";
    }
}

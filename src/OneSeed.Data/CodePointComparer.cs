namespace OneSeed.Data;

/// <summary>
/// Orders strings by Unicode code point, as Python's <c>sorted</c> orders <c>str</c>. Ordinal comparison of UTF-16
/// differs for characters above U+FFFF: their surrogates (U+D800–U+DFFF) sort below U+E000–U+FFFF, whose code points
/// are smaller. Moving the surrogate range above the rest at the first difference restores code-point order.
/// </summary>
internal sealed class CodePointComparer : IComparer<string>
{
    public static readonly CodePointComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        int length = Math.Min(x.Length, y.Length);
        for (int i = 0; i < length; i++)
        {
            char a = x[i];
            char b = y[i];
            if (a != b)
            {
                return Fix(a).CompareTo(Fix(b));
            }
        }

        return x.Length.CompareTo(y.Length);
    }

    private static int Fix(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
}

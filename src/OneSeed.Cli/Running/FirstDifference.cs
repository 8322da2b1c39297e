using System.Globalization;
using System.Text;

namespace OneSeed.Cli.Running;

/// <summary>
/// The first place where two outputs differ: line and column (1-based, columns count UTF-16 characters) when
/// both are text (valid UTF-8 without NUL bytes), otherwise the byte offset (0-based); with both values.
/// </summary>
internal sealed record FirstDifference(bool IsText, long Line, long Column, long Offset, string Left, string Right)
{
    private const int Shown = 100;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string Location => IsText
        ? string.Create(CultureInfo.InvariantCulture, $"line {Line}, column {Column}")
        : string.Create(CultureInfo.InvariantCulture, $"byte offset {Offset}");

    /// <summary>Null when the two are byte-for-byte equal.</summary>
    public static FirstDifference? Find(byte[] left, byte[] right)
    {
        if (left.AsSpan().SequenceEqual(right))
        {
            return null;
        }

        string? a = AsText(left);
        string? b = AsText(right);
        return a is not null && b is not null ? FindText(a, b) : FindBinary(left, right);
    }

    private static string? AsText(byte[] bytes)
    {
        if (bytes.AsSpan().Contains((byte)0))
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static FirstDifference FindText(string a, string b)
    {
        string[] la = a.Split('\n');
        string[] lb = b.Split('\n');
        int n = Math.Min(la.Length, lb.Length);
        for (int i = 0; i < n; i++)
        {
            if (la[i] == lb[i])
            {
                continue;
            }

            int c = 0;
            while (c < la[i].Length && c < lb[i].Length && la[i][c] == lb[i][c])
            {
                c++;
            }

            return new FirstDifference(true, i + 1, c + 1, -1, ShowLine(la[i], c), ShowLine(lb[i], c));
        }

        // One output is the other plus more lines (the split always yields a last, possibly empty, piece).
        int line = n + 1;
        string Extra(string[] lines) => lines.Length > n ? ShowLine(lines[n], 0) : "(end of output)";
        return new FirstDifference(true, line, 1, -1, Extra(la), Extra(lb));
    }

    private static FirstDifference FindBinary(byte[] a, byte[] b)
    {
        int n = Math.Min(a.Length, b.Length);
        int i = 0;
        while (i < n && a[i] == b[i])
        {
            i++;
        }

        return new FirstDifference(false, -1, -1, i, ShowBytes(a, i), ShowBytes(b, i));
    }

    private static string ShowLine(string line, int column)
    {
        line = line.TrimEnd('\r');
        if (line.Length <= Shown)
        {
            return Quote(line);
        }

        int start = Math.Clamp(column - (Shown / 2), 0, line.Length - Shown);
        return (start > 0 ? "…" : "") + Quote(line.Substring(start, Shown)) + (start + Shown < line.Length ? "…" : "");
    }

    private static string Quote(string s) => "\"" + s.Replace("\t", "\\t", StringComparison.Ordinal) + "\"";

    private static string ShowBytes(byte[] bytes, int offset)
    {
        if (offset >= bytes.Length)
        {
            return string.Create(CultureInfo.InvariantCulture, $"(end of data, {bytes.Length} bytes)");
        }

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"0x{bytes[offset]:X2}");
        int end = Math.Min(bytes.Length, offset + 16);
        if (end - offset > 1)
        {
            sb.Append(" (next:");
            for (int i = offset + 1; i < end; i++)
            {
                sb.Append(CultureInfo.InvariantCulture, $" {bytes[i]:X2}");
            }

            sb.Append(end < bytes.Length ? " …)" : ")");
        }

        return sb.ToString();
    }
}

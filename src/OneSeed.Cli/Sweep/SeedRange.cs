using System.Globalization;

namespace OneSeed.Cli.Sweep;

/// <summary>
/// Parses seed lists: <c>0..99</c> (both ends included), <c>7</c>, and comma-separated mixes such as
/// <c>0..9,100,200..204</c>. Seeds are integers 0 ≤ s ≤ 2^63−1 (NumPy refuses negative seeds); duplicates are
/// dropped, keeping the first occurrence's order.
/// </summary>
internal static class SeedRange
{
    public const int MaxSeeds = 1_000_000;

    public static List<long> Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw CliException.Usage("--seeds is empty; expected e.g. 0..99 or 1,2,3");
        }

        var seen = new HashSet<long>();
        var seeds = new List<long>();
        foreach (string raw in text.Split(','))
        {
            string part = raw.Trim();
            int dots = part.IndexOf("..", StringComparison.Ordinal);
            long first, last;
            if (dots >= 0)
            {
                first = ParseSeed(part[..dots], text);
                last = ParseSeed(part[(dots + 2)..], text);
                if (last < first)
                {
                    throw CliException.Usage($"--seeds '{part}': the range runs backwards ({first} > {last})");
                }
            }
            else
            {
                first = last = ParseSeed(part, text);
            }

            if (last - first >= MaxSeeds || seeds.Count + (last - first + 1) > MaxSeeds)
            {
                throw CliException.Usage($"--seeds '{text}' has more than {MaxSeeds} seeds");
            }

            for (long s = first; ; s++)
            {
                if (seen.Add(s))
                {
                    seeds.Add(s);
                }

                if (s == last)
                {
                    break;
                }
            }
        }

        return seeds;
    }

    private static long ParseSeed(string s, string whole)
    {
        s = s.Trim();
        if (!long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            throw CliException.Usage($"--seeds '{whole}': '{s}' is not an integer (expected e.g. 0..99 or 1,2,3)");
        }

        return value < 0 ? throw CliException.Usage($"--seeds '{whole}': seeds must be non-negative, not {value}") : value;
    }
}

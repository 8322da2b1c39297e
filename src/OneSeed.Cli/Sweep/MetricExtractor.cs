using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OneSeed.Cli.Sweep;

/// <summary>
/// Reads a run's metric from its standard output, in one of two ways:
/// a regular expression with a capture group (the group named <c>metric</c> if present, else group 1) whose
/// <em>last</em> match in the output is the value; or a JSON key path (<c>a.b.0.c</c>; numeric parts index
/// arrays) looked up in the last line of the output that is a JSON object.
/// Forms: <c>regex:PATTERN</c>, <c>json:PATH</c>, or bare: a pattern containing '(' is a regex, otherwise a key path.
/// </summary>
internal sealed class MetricExtractor
{
    private readonly Regex? _regex;
    private readonly string[]? _path;

    private MetricExtractor(string text, Regex? regex, string[]? path)
    {
        Text = text;
        _regex = regex;
        _path = path;
    }

    public string Text { get; }

    public bool IsRegex => _regex is not null;

    public static MetricExtractor Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        bool regex;
        string body;
        if (text.StartsWith("regex:", StringComparison.Ordinal))
        {
            (regex, body) = (true, text[6..]);
        }
        else if (text.StartsWith("json:", StringComparison.Ordinal))
        {
            (regex, body) = (false, text[5..]);
        }
        else
        {
            (regex, body) = (text.Contains('(', StringComparison.Ordinal), text);
        }

        if (body.Length == 0)
        {
            throw CliException.Usage("--metric is empty");
        }

        if (!regex)
        {
            string[] path = body.Split('.');
            return path.Any(p => p.Length == 0)
                ? throw CliException.Usage($"--metric '{text}': empty part in the JSON key path")
                : new MetricExtractor(text, null, path);
        }

        Regex r;
        try
        {
            r = new Regex(body, RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
        }
        catch (ArgumentException e)
        {
            throw CliException.Usage($"--metric '{text}' is not a valid regular expression: {e.Message}");
        }

        return r.GetGroupNumbers().Length < 2
            ? throw CliException.Usage($"--metric '{text}': the regular expression needs a capture group around the number, e.g. 'acc=([0-9.]+)'")
            : new MetricExtractor(text, r, null);
    }

    /// <summary>The metric, or an error saying why none was found.</summary>
    public (double? Value, string? Error) Extract(string output)
    {
        string? raw;
        if (_regex is not null)
        {
            Match? last = null;
            try
            {
                for (Match m = _regex.Match(output); m.Success; m = m.NextMatch())
                {
                    last = m;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return (null, "the metric regex timed out");
            }

            if (last is null)
            {
                return (null, "the metric regex did not match the output");
            }

            Group g = last.Groups["metric"].Success ? last.Groups["metric"] : last.Groups[1];
            if (!g.Success)
            {
                return (null, "the metric regex matched but its group is empty");
            }

            raw = g.Value;
        }
        else
        {
            (raw, string? error) = FromJson(output);
            if (raw is null)
            {
                return (null, error);
            }
        }

        return double.TryParse(raw.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? double.IsFinite(value) ? (value, null) : (null, $"the metric is not finite ({raw})")
            : (null, $"the metric '{Truncate(raw)}' is not a number");
    }

    private (string? Raw, string? Error) FromJson(string output)
    {
        string[] lines = output.Split('\n');
        for (int i = lines.Length - 1; i >= 0; i--)
        {
            string line = lines[i].Trim();
            if (!line.StartsWith('{'))
            {
                continue;
            }

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line);
            }
            catch (JsonException)
            {
                continue;
            }

            using (doc)
            {
                JsonElement e = doc.RootElement;
                foreach (string part in _path!)
                {
                    if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty(part, out JsonElement child))
                    {
                        e = child;
                    }
                    else if (e.ValueKind == JsonValueKind.Array && int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < e.GetArrayLength())
                    {
                        e = e[index];
                    }
                    else
                    {
                        return (null, $"key '{string.Join('.', _path!)}' not found in the last JSON line of the output");
                    }
                }

                return e.ValueKind switch
                {
                    JsonValueKind.Number => (e.GetRawText(), null),
                    JsonValueKind.String => (e.GetString(), null),
                    _ => (null, $"key '{string.Join('.', _path!)}' holds {e.ValueKind}, not a number"),
                };
            }
        }

        return (null, "no JSON object line in the output");
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}

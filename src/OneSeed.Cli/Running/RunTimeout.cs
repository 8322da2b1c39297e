using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OneSeed.Cli.Running;

/// <summary>The per-run <c>--timeout</c> of audit and sweep: parsing its duration and showing it.</summary>
internal static partial class RunTimeout
{
    public const string OptionName = "--timeout";

    /// <summary>The longest limit accepted (a week); longer values are almost certainly a unit mistake.</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromDays(7);

    private const string Allowed = "a positive number with a unit ms, s, m or h (250ms, 90s, 5m, 1h) or plain seconds (30), at most 168h";

    public static Option<string?> CreateOption() => new(OptionName)
    {
        Description = "End a run that takes longer than this, with its whole process tree, and record it as timed out; the other runs go on. A duration: 250ms, 90s, 5m, 1h, or plain seconds (30). Default: no limit.",
        HelpName = "DURATION",
    };

    /// <summary>Null for no limit; otherwise the parsed duration. Malformed, zero, negative or too long values are usage errors.</summary>
    public static TimeSpan? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        Match m = Duration().Match(text.Trim());
        if (!m.Success || !double.TryParse(m.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double n))
        {
            throw CliException.Usage($"{OptionName}: '{text}' is not a duration; use {Allowed}");
        }

        double milliseconds = m.Groups["unit"].Value switch
        {
            "ms" => n,
            "" or "s" => n * 1000,
            "m" => n * 60_000,
            _ => n * 3_600_000,
        };
        if (milliseconds < 1)
        {
            throw CliException.Usage($"{OptionName} must be greater than zero (at least 1ms), not '{text}'; use {Allowed}");
        }

        if (milliseconds > Maximum.TotalMilliseconds)
        {
            throw CliException.Usage($"{OptionName}: '{text}' is longer than the maximum of 168h; use {Allowed}");
        }

        return TimeSpan.FromMilliseconds(milliseconds);
    }

    /// <summary>The limit as shown in reports: <c>1.5 s</c>, <c>0.25 s</c>, <c>300 s</c>.</summary>
    public static string Describe(TimeSpan limit) => Seconds(limit).ToString("0.###", CultureInfo.InvariantCulture) + " s";

    /// <summary>The limit in seconds, rounded to the millisecond, as stored in JSON (<c>timeout_s</c>).</summary>
    public static double Seconds(TimeSpan limit) => Math.Round(limit.TotalSeconds, 3);

    // A sign is not accepted, so "-5s" is malformed; "0" and "0s" parse and are then refused as not positive.
    [GeneratedRegex(@"^(?<n>[0-9]+(\.[0-9]+)?)(?<unit>ms|s|m|h)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Duration();
}

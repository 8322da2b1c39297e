using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneSeed.Cli.Sweep;

/// <summary>The outcome of one seed's run, one line of runs.jsonl. <paramref name="TimeoutSeconds"/> is the time limit a timed-out run exceeded.</summary>
internal sealed record SweepRecord(long Seed, bool Ok, int? ExitCode, double? Metric, double ElapsedSeconds, string? Error, string? StderrTail, double? TimeoutSeconds = null)
{
    public bool TimedOut => TimeoutSeconds is not null;

    /// <summary><c>ok</c>, <c>failed</c> or <c>timed_out</c> (also a failure: it counts as failed and <c>--retry-failed</c> runs it again).</summary>
    public string Status => Ok ? "ok" : TimedOut ? "timed_out" : "failed";

    public string ToJsonLine()
    {
        var o = new JsonObject
        {
            ["seed"] = Seed,
            ["status"] = Status,
            ["exit_code"] = ExitCode,
            ["metric"] = Metric,
            ["elapsed_s"] = Math.Round(ElapsedSeconds, 3),
            ["error"] = Error,
        };
        if (TimeoutSeconds is double limit)
        {
            o["timeout_s"] = limit;
        }

        if (StderrTail is { Length: > 0 })
        {
            o["stderr_tail"] = StderrTail;
        }

        return o.ToJsonString();
    }

    public JsonObject ToJsonObject() => (JsonObject)JsonNode.Parse(ToJsonLine())!;

    public static SweepRecord? TryParse(string line)
    {
        try
        {
            if (JsonNode.Parse(line) is not JsonObject o || o["seed"] is null || o["status"] is null)
            {
                return null;
            }

            return new SweepRecord(
                o["seed"]!.GetValue<long>(),
                o["status"]!.GetValue<string>() == "ok",
                o["exit_code"]?.GetValue<int>(),
                o["metric"]?.GetValue<double>(),
                o["elapsed_s"]?.GetValue<double>() ?? 0,
                o["error"]?.GetValue<string>(),
                o["stderr_tail"]?.GetValue<string>(),
                o["timeout_s"]?.GetValue<double>());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    public string ToCsvRow() => string.Join(',',
        Seed.ToString(CultureInfo.InvariantCulture),
        Status,
        ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "",
        Metric?.ToString("R", CultureInfo.InvariantCulture) ?? "",
        ElapsedSeconds.ToString("0.###", CultureInfo.InvariantCulture),
        Csv(Error ?? ""));

    public const string CsvHeader = "seed,status,exit_code,metric,elapsed_s,error";

    private static string Csv(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

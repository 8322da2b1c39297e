using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneSeed.Cli.Running;
using OneSeed.Cli.Sweep;
using Spectre.Console;

namespace OneSeed.Cli.Commands;

/// <summary><c>oneseed sweep --seeds 0..99 [--parallel K] [--metric M] [--out DIR] [--goal max|min] [--retry-failed] [--timeout D] -- COMMAND ... {seed} ...</c>.</summary>
internal static class SweepCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var seeds = new Option<string>("--seeds", "-s") { Description = "The seeds: '0..99' (both ends included), '7', or a comma-separated mix such as '0..9,42'. Non-negative integers.", Required = true, HelpName = "RANGE" };
        var parallel = new Option<int>("--parallel", "-j") { Description = "How many runs at once (default 1).", DefaultValueFactory = _ => 1, HelpName = "K" };
        var metric = new Option<string?>("--metric", "-m") { Description = "How to read the metric from standard output: a regex with a capture group (its last match counts; 'regex:' prefix optional), or a JSON key path such as 'val.acc' looked up in the last JSON line ('json:' prefix optional; a bare value without '(' is a key path).", HelpName = "REGEX|KEY" };
        var output = new Option<string>("--out", "-o") { Description = "Directory for runs.jsonl (the resumable journal), results.csv, results.json and plot.svg (default: oneseed-sweep).", DefaultValueFactory = _ => "oneseed-sweep", HelpName = "DIR" };
        var goal = new Option<string>("--goal") { Description = "Which end of the metric is best, for the labels: max (accuracy) or min (loss). Default max.", DefaultValueFactory = _ => "max", HelpName = "max|min" };
        goal.AcceptOnlyFromAmong("max", "min");
        var retry = new Option<bool>("--retry-failed") { Description = "Run again the seeds recorded as failed (finished successful seeds are never re-run)." };
        Option<string?> timeout = RunTimeout.CreateOption();
        var command = new Argument<string[]>("COMMAND") { Description = "The command and its arguments (after '--'); every '{seed}' is replaced by the seed, which is also in ONESEED_SEED.", Arity = ArgumentArity.OneOrMore };
        var cmd = new Command("sweep", "Run an experiment once per seed, read its metric, and summarise the spread: mean, standard deviation, min, max, quantiles (NumPy's linear method), outlier seeds (Tukey: beyond 1.5 IQR), CSV + JSON results and an SVG plot. Interrupted sweeps resume without re-running finished seeds; failed runs are recorded with their exit code, runs ended by --timeout as timed out.\nExit codes: 0 every seed succeeded, 2 bad arguments, 3 the output directory is not writable, 4 the command could not be started, 5 some seeds failed or timed out (recorded), 130 interrupted (run again to resume).")
        {
            seeds, parallel, metric, output, goal, retry, timeout, command,
        };
        cmd.SetAction((parse, cancellation) => RunAsync(
            SeedRange.Parse(parse.GetValue(seeds)!), parse.GetValue(parallel), parse.GetValue(metric), parse.GetValue(output)!,
            parse.GetValue(goal) != "min", parse.GetValue(retry), RunTimeout.Parse(parse.GetValue(timeout)), parse.GetValue(command)!, cancellation));
        return cmd;
    }

    private static async Task<int> RunAsync(List<long> seeds, int parallel, string? metricText, string outDir, bool higherIsBetter, bool retryFailed, TimeSpan? timeout, string[] command, CancellationToken cancellation)
    {
        if (parallel is < 1 or > 256)
        {
            throw CliException.Usage($"--parallel must be between 1 and 256, not {parallel}");
        }

        MetricExtractor? metric = metricText is null ? null : MetricExtractor.Parse(metricText);
        var store = new SweepStore(outDir);
        var config = new JsonObject
        {
            ["oneseed_sweep_version"] = 1,
            ["command"] = new JsonArray(command.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
            ["metric"] = metricText,
        };
        Dictionary<long, SweepRecord> done;
        try
        {
            store.CheckOrWriteConfig(config.ToJsonString(Indented), CommandRunner.Describe(command));
            done = store.Load();

            // The environment of the sweep, recorded once beside its results (`oneseed verify DIR/fingerprint.json` later).
            string fingerprint = Path.Combine(store.Directory, "fingerprint.json");
            if (!File.Exists(fingerprint))
            {
                FingerprintCommand.Capture(null, git: true).Save(fingerprint);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Io($"cannot use output directory '{outDir}': {e.Message}");
        }

        List<long> pending = seeds.Where(s => !done.TryGetValue(s, out SweepRecord? r) || (retryFailed && !r.Ok)).ToList();
        int skipped = seeds.Count - pending.Count;
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"sweep: {seeds.Count} seeds, {skipped} already finished in {store.Directory}, {pending.Count} to run, {parallel} at a time")).ConfigureAwait(false);

        int finished = 0;
        async ValueTask RunSeed(long seed, CancellationToken token, Action<SweepRecord> report)
        {
            string s = seed.ToString(CultureInfo.InvariantCulture);
            string[] argv = command.Select(a => a.Replace("{seed}", s, StringComparison.Ordinal)).ToArray();
            RunResult run = await CommandRunner.RunAsync(argv, new Dictionary<string, string?> { ["ONESEED_SEED"] = s }, timeout, token).ConfigureAwait(false);
            double? value = null;
            string? error = run.TimeLimit is { } limit ? $"timed out after {RunTimeout.Describe(limit)} (--timeout), process tree killed"
                : run.ExitCode != 0 ? $"exit code {run.ExitCode}" : null;
            if (error is null && metric is not null)
            {
                (value, error) = metric.Extract(run.StandardOutputText);
            }

            var record = new SweepRecord(seed, error is null, run.TimedOut ? null : run.ExitCode, value, run.Elapsed.TotalSeconds, error, error is null ? null : run.StandardErrorTail,
                run.TimeLimit is { } exceeded ? RunTimeout.Seconds(exceeded) : null);
            store.Append(record);
            lock (done)
            {
                done[seed] = record;
                finished++;
            }

            report(record);
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellation };
        try
        {
            if (pending.Count > 0 && !Console.IsErrorRedirected)
            {
                IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .StartAsync(async ctx =>
                    {
                        ProgressTask task = ctx.AddTask("seeds", maxValue: pending.Count);
                        await Parallel.ForEachAsync(pending, options, (seed, token) => RunSeed(seed, token, r => task.Increment(1))).ConfigureAwait(false);
                    }).ConfigureAwait(false);
            }
            else
            {
                await Parallel.ForEachAsync(pending, options, (seed, token) => RunSeed(seed, token, r =>
                {
                    string what = r.Ok ? (r.Metric is double m ? "ok, metric " + m.ToString("R", CultureInfo.InvariantCulture) : "ok") : "FAILED: " + r.Error;
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {r.Seed}: {what} ({Volatile.Read(ref finished)}/{pending.Count})"));
                })).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            throw new CliException(ExitCodes.Interrupted, $"interrupted; {skipped + finished} of {seeds.Count} seeds are saved in {store.Directory}; run the same command again to resume");
        }

        var records = seeds.Select(s => done[s]).ToList();
        var values = records.Where(r => r.Ok && r.Metric is not null).Select(r => (r.Seed, r.Metric!.Value)).ToList();
        int failed = records.Count(r => !r.Ok);
        SweepStatistics? stats = metric is null ? null : SweepStatistics.Compute(values);
        try
        {
            WriteResults(store, command, metricText, higherIsBetter, records, stats, failed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Io($"cannot write results in '{store.Directory}': {e.Message}");
        }

        PrintSummary(records, stats, metricText, higherIsBetter, failed, store);
        return failed > 0 ? ExitCodes.SomeRunsFailed : ExitCodes.Ok;
    }

    private static void WriteResults(SweepStore store, string[] command, string? metric, bool higherIsBetter, List<SweepRecord> records, SweepStatistics? stats, int failed)
    {
        var csv = new System.Text.StringBuilder(SweepRecord.CsvHeader).Append('\n');
        foreach (SweepRecord r in records)
        {
            csv.Append(r.ToCsvRow()).Append('\n');
        }

        SweepStore.WriteAtomically(Path.Combine(store.Directory, "results.csv"), csv.ToString());
        var json = new JsonObject
        {
            ["oneseed_sweep_version"] = 1,
            ["command"] = new JsonArray(command.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
            ["metric"] = metric,
            ["goal"] = higherIsBetter ? "max" : "min",
            ["seeds"] = records.Count,
            ["succeeded"] = records.Count - failed,
            ["failed"] = failed,
            ["timed_out"] = records.Count(r => r.TimedOut),
            ["statistics"] = stats is null ? null : StatsJson(stats),
            ["runs"] = new JsonArray(records.Select(r => (JsonNode?)r.ToJsonObject()).ToArray()),
        };
        SweepStore.WriteAtomically(Path.Combine(store.Directory, "results.json"), json.ToJsonString(Indented) + "\n");
        if (stats is not null)
        {
            var values = records.Where(r => r.Ok && r.Metric is not null).Select(r => (r.Seed, r.Metric!.Value)).ToList();
            SweepStore.WriteAtomically(Path.Combine(store.Directory, "plot.svg"), SvgPlot.Render(values, stats, metric!, higherIsBetter, failed));
        }
    }

    private static JsonObject StatsJson(SweepStatistics s)
    {
        var quantiles = new JsonObject();
        foreach ((double p, double v) in s.Quantiles)
        {
            quantiles[p.ToString("0.##", CultureInfo.InvariantCulture)] = v;
        }

        return new JsonObject
        {
            ["count"] = s.Count,
            ["mean"] = s.Mean,
            ["std"] = s.StandardDeviation,
            ["std_definition"] = "sample (n-1)",
            ["min"] = new JsonObject { ["seed"] = s.MinSeed, ["value"] = s.Min },
            ["max"] = new JsonObject { ["seed"] = s.MaxSeed, ["value"] = s.Max },
            ["quantiles"] = quantiles,
            ["quantile_method"] = "linear (NumPy default; Hyndman-Fan type 7)",
            ["outlier_rule"] = "Tukey: below Q1 - 1.5 IQR or above Q3 + 1.5 IQR",
            ["fences"] = new JsonArray(s.LowerFence, s.UpperFence),
            ["outliers"] = new JsonArray(s.Outliers.Select(o => (JsonNode?)new JsonObject { ["seed"] = o.Seed, ["value"] = o.Value }).ToArray()),
        };
    }

    private static void PrintSummary(List<SweepRecord> records, SweepStatistics? stats, string? metric, bool higherIsBetter, int failed, SweepStore store)
    {
        var o = Console.Out;
        var inv = CultureInfo.InvariantCulture;
        int timedOut = records.Count(r => r.TimedOut);
        o.WriteLine(string.Create(inv, $"sweep: {records.Count} seeds, {records.Count - failed} succeeded, {failed} failed{(timedOut > 0 ? $" ({timedOut} timed out)" : "")}"));
        foreach (SweepRecord r in records.Where(r => !r.Ok))
        {
            o.WriteLine(string.Create(inv, $"  failed seed {r.Seed}: {r.Error}"));
        }

        if (stats is not null)
        {
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
            var table = new Table().Title(Markup.Escape($"{metric}")).AddColumn("statistic").AddColumn(new TableColumn("value").RightAligned()).AddColumn("seed");
            string G(double d) => d.ToString("G8", inv);
            table.AddRow("count", stats.Count.ToString(inv), "");
            table.AddRow("mean", G(stats.Mean), "");
            table.AddRow("std (n-1)", G(stats.StandardDeviation), "");
            table.AddRow("min", G(stats.Min), stats.MinSeed.ToString(inv));
            foreach ((double p, double v) in stats.Quantiles)
            {
                table.AddRow(Markup.Escape($"q{p * 100:0}"), G(v), "");
            }

            table.AddRow("max", G(stats.Max), stats.MaxSeed.ToString(inv));
            console.Write(table);
            o.WriteLine(string.Create(inv, $"best seed: {(higherIsBetter ? stats.MaxSeed : stats.MinSeed)}, worst seed: {(higherIsBetter ? stats.MinSeed : stats.MaxSeed)} ({(higherIsBetter ? "higher" : "lower")} is better)"));
            o.WriteLine(stats.Outliers.Count == 0
                ? "outliers (beyond 1.5 IQR): none"
                : "outliers (beyond 1.5 IQR): " + string.Join(", ", stats.Outliers.Select(x => string.Create(inv, $"seed {x.Seed} ({G(x.Value)})"))));
        }
        else if (metric is not null)
        {
            o.WriteLine("no run produced a metric");
        }

        o.WriteLine($"results: {Path.Combine(store.Directory, "results.csv")}, results.json{(stats is null ? "" : ", plot.svg")}");
    }
}

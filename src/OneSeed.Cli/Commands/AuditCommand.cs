using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using OneSeed.Cli.Running;

namespace OneSeed.Cli.Commands;

/// <summary><c>oneseed audit [--runs N] [--artifact PATH]... [--vary NAME=V1,V2]... [--seed S] [--timeout D] -- COMMAND ...</c>.</summary>
internal static partial class AuditCommand
{
    public static Command Create()
    {
        var runs = new Option<int>("--runs", "-n") { Description = "How many times to run the command with the same seed and environment (at least 2 without --vary, at least 1 with it).", DefaultValueFactory = _ => 2, HelpName = "N" };
        var artifacts = new Option<string[]>("--artifact", "-a") { Description = "A file the command writes, compared between runs (repeatable). It is deleted before each run so a stale copy is never compared.", HelpName = "PATH", AllowMultipleArgumentsPerToken = false };
        var vary = new Option<string[]>("--vary") { Description = "Vary one factor on purpose (repeatable): 'workers=0,2,4' sets ONESEED_WORKERS; 'simd=off' runs with DOTNET_EnableHWIntrinsic=0 beside the normal run; 'NAME=a,b' sets the environment variable NAME.", HelpName = "FACTOR=V1,V2" };
        var seed = new Option<string?>("--seed") { Description = "The seed passed as ONESEED_SEED to every run (default: the current ONESEED_SEED, else 0).", HelpName = "SEED" };
        Option<string?> timeout = RunTimeout.CreateOption();
        var command = new Argument<string[]>("COMMAND") { Description = "The command to run and its arguments (after '--'); no shell is involved, use 'sh -c \"...\"' for one.", Arity = ArgumentArity.OneOrMore };
        var cmd = new Command("audit", "Run a command several times with the same seed and environment and compare its standard output and artifact files; report the first difference (line and column for text, byte offset for binary, both values). With --vary, show which factor changes the result. Runs ended by --timeout are reported as timed out and left out of the comparison.\nExit codes: 0 all runs agree, 1 runs differ, 2 bad arguments, 4 the command could not be started, 5 the runs that finished agree but some timed out.")
        {
            runs, artifacts, vary, seed, timeout, command,
        };
        cmd.SetAction((parse, cancellation) => RunAsync(
            parse.GetValue(command)!, parse.GetValue(runs), parse.GetValue(artifacts) ?? [], parse.GetValue(vary) ?? [],
            parse.GetValue(seed) ?? Environment.GetEnvironmentVariable("ONESEED_SEED") ?? "0", RunTimeout.Parse(parse.GetValue(timeout)), cancellation));
        return cmd;
    }

    private sealed record Setting(string Label, Dictionary<string, string?> Environment);

    private sealed record Factor(string Name, List<Setting> Settings);

    private sealed record Outcome(RunResult Run, Dictionary<string, byte[]?> Artifacts);

    private static async Task<int> RunAsync(string[] command, int runs, string[] artifacts, string[] vary, string seed, TimeSpan? timeout, CancellationToken cancellation)
    {
        List<Factor> factors = vary.Select(ParseFactor).ToList();
        int minimum = factors.Count > 0 ? 1 : 2;
        if (runs < minimum || runs > 1000)
        {
            throw CliException.Usage($"--runs must be between {minimum} and 1000, not {runs}");
        }

        var baseEnvironment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["ONESEED_SEED"] = seed };
        Console.Out.WriteLine($"audit: {CommandRunner.Describe(command)}");
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {runs} run(s) per setting, ONESEED_SEED={seed}, artifacts: {(artifacts.Length == 0 ? "none" : string.Join(", ", artifacts))}{(timeout is { } t ? ", timeout " + RunTimeout.Describe(t) + " per run" : "")}"));

        bool agree = true;
        int timedOut = 0;
        var cache = new Dictionary<string, List<Outcome>>(StringComparer.Ordinal);

        async Task<List<Outcome>> RunSetting(Setting setting)
        {
            string key = string.Join(";", setting.Environment.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
            if (cache.TryGetValue(key, out List<Outcome>? known))
            {
                return known;
            }

            var outcomes = new List<Outcome>();
            var env = new Dictionary<string, string?>(baseEnvironment, StringComparer.Ordinal);
            foreach ((string k, string? v) in setting.Environment)
            {
                env[k] = v;
            }

            for (int i = 1; i <= runs; i++)
            {
                foreach (string artifact in artifacts)
                {
                    DeleteArtifact(artifact);
                }

                RunResult result = await CommandRunner.RunAsync(command, env, timeout, cancellation).ConfigureAwait(false);
                var files = artifacts.ToDictionary(a => a, ReadArtifact, StringComparer.Ordinal);
                outcomes.Add(new Outcome(result, files));
                Console.Out.WriteLine(result.TimeLimit is { } limit
                    ? string.Create(CultureInfo.InvariantCulture, $"  [{setting.Label}] run {i}: TIMED OUT after {RunTimeout.Describe(limit)} (--timeout), process tree killed; not compared")
                    : string.Create(CultureInfo.InvariantCulture, $"  [{setting.Label}] run {i}: exit {result.ExitCode}, {result.StandardOutput.Length} bytes of output, {result.Elapsed.TotalSeconds:0.00} s"));
                timedOut += result.TimedOut ? 1 : 0;
            }

            // Timed-out runs are cut short at an arbitrary point: only the runs that finished are compared, with the first of them.
            List<int> finished = Enumerable.Range(0, outcomes.Count).Where(i => !outcomes[i].Run.TimedOut).ToList();
            foreach (int i in finished.Skip(1))
            {
                agree &= Report($"[{setting.Label}] run {finished[0] + 1} vs run {i + 1}", $"run {finished[0] + 1}", $"run {i + 1}", outcomes[finished[0]], outcomes[i], artifacts);
            }

            if (finished.Count > 1 && finished.Skip(1).All(i => Same(outcomes[finished[0]], outcomes[i], artifacts)))
            {
                Console.Out.WriteLine(finished.Count == outcomes.Count
                    ? $"  [{setting.Label}] all {outcomes.Count} runs agree"
                    : $"  [{setting.Label}] the {finished.Count} runs that finished agree ({outcomes.Count - finished.Count} timed out)");
            }

            cache[key] = outcomes;
            return outcomes;
        }

        if (factors.Count == 0)
        {
            await RunSetting(new Setting("same seed", [])).ConfigureAwait(false);
        }

        foreach (Factor factor in factors)
        {
            Console.Out.WriteLine($"factor {factor.Name}:");
            var firsts = new List<(Setting Setting, Outcome Outcome)>();
            foreach (Setting setting in factor.Settings)
            {
                List<Outcome> outcomes = await RunSetting(setting).ConfigureAwait(false);
                if (outcomes.FirstOrDefault(o => !o.Run.TimedOut) is { } first)
                {
                    firsts.Add((setting, first));
                }
                else
                {
                    Console.Out.WriteLine($"  [{setting.Label}] every run timed out; this setting is not compared");
                }
            }

            bool invariant = true;
            for (int i = 1; i < firsts.Count; i++)
            {
                invariant &= Report($"{firsts[0].Setting.Label} vs {firsts[i].Setting.Label}", firsts[0].Setting.Label, firsts[i].Setting.Label, firsts[0].Outcome, firsts[i].Outcome, artifacts);
            }

            Console.Out.WriteLine(invariant
                ? $"  the result does not depend on {factor.Name}"
                : $"  the result DEPENDS on {factor.Name}");
            agree &= invariant;
        }

        if (!agree)
        {
            Console.Out.WriteLine("result: runs DISAGREE" + (timedOut > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({timedOut} run(s) TIMED OUT)") : ""));
            return ExitCodes.Differences;
        }

        if (timedOut > 0)
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"result: {timedOut} run(s) TIMED OUT (limit {RunTimeout.Describe(timeout!.Value)}); the runs that finished agree"));
            return ExitCodes.SomeRunsFailed;
        }

        Console.Out.WriteLine("result: all runs agree");
        return ExitCodes.Ok;
    }

    private static bool Same(Outcome a, Outcome b, string[] artifacts) =>
        a.Run.ExitCode == b.Run.ExitCode && FirstDifference.Find(a.Run.StandardOutput, b.Run.StandardOutput) is null &&
        artifacts.All(p => Equal(a.Artifacts[p], b.Artifacts[p]));

    private static bool Equal(byte[]? a, byte[]? b) => a is null || b is null ? a is null && b is null : a.AsSpan().SequenceEqual(b);

    /// <summary>Prints each difference between two outcomes; returns whether they agree.</summary>
    private static bool Report(string title, string left, string right, Outcome a, Outcome b, string[] artifacts)
    {
        bool same = true;
        if (a.Run.ExitCode != b.Run.ExitCode)
        {
            Console.Out.WriteLine($"  DIFFERENT exit code ({title}): {left} {a.Run.ExitCode}, {right} {b.Run.ExitCode}");
            same = false;
        }

        same &= ReportBytes(title, "stdout", left, right, a.Run.StandardOutput, b.Run.StandardOutput);
        foreach (string artifact in artifacts)
        {
            same &= ReportBytes(title, "artifact " + artifact, left, right, a.Artifacts[artifact], b.Artifacts[artifact]);
        }

        return same;
    }

    private static bool ReportBytes(string title, string what, string left, string right, byte[]? a, byte[]? b)
    {
        if (a is null || b is null)
        {
            if (a is null && b is null)
            {
                Console.Out.WriteLine($"  note: {what} was not written in either run ({title})");
                return true;
            }

            Console.Out.WriteLine($"  DIFFERENT {what} ({title}): written only in {(a is null ? right : left)}");
            return false;
        }

        FirstDifference? d = FirstDifference.Find(a, b);
        if (d is null)
        {
            return true;
        }

        Console.Out.WriteLine($"  DIFFERENT {what} ({title}) at {d.Location}:");
        Console.Out.WriteLine($"    {left}: {d.Left}");
        Console.Out.WriteLine($"    {right}: {d.Right}");
        return false;
    }

    private static void DeleteArtifact(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Io($"cannot delete artifact '{path}' before a run: {e.Message}");
        }
    }

    private static byte[]? ReadArtifact(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Io($"cannot read artifact '{path}': {e.Message}");
        }
    }

    private static Factor ParseFactor(string text)
    {
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == text.Length - 1)
        {
            throw CliException.Usage($"--vary expects FACTOR=V1,V2,... (e.g. workers=0,2,4 or simd=off), not '{text}'");
        }

        string name = text[..eq];
        string[] values = text[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries);
        if (values.Any(v => v.Length == 0))
        {
            throw CliException.Usage($"--vary {name}: empty value in '{text}'");
        }

        switch (name)
        {
            case "workers":
                return new Factor(name, values.Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                    ? new Setting($"workers={v}", new() { ["ONESEED_WORKERS"] = v })
                    : throw CliException.Usage($"--vary workers: '{v}' is not a non-negative integer")).ToList());
            case "simd":
                var settings = new List<Setting>();
                foreach (string v in values.Prepend("on").Distinct(StringComparer.Ordinal))
                {
                    settings.Add(v switch
                    {
                        "on" => new Setting("simd=on", []),
                        "off" => new Setting("simd=off", new() { ["DOTNET_EnableHWIntrinsic"] = "0" }),
                        _ => throw CliException.Usage($"--vary simd: values are 'on' and 'off', not '{v}'"),
                    });
                }

                return new Factor(name, settings);
            default:
                if (!EnvironmentName().IsMatch(name))
                {
                    throw CliException.Usage($"--vary: unknown factor '{name}' (use workers, simd, or an environment variable name)");
                }

                return new Factor(name, values.Select(v => new Setting($"{name}={v}", new() { [name] = v })).ToList());
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvironmentName();
}

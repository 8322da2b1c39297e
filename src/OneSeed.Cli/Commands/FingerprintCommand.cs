using System.CommandLine;
using System.Globalization;
using OneSeed.Diagnostics;

namespace OneSeed.Cli.Commands;

/// <summary><c>oneseed fingerprint [-o FILE] [--json] [--no-git] [--seed S]</c>.</summary>
internal static class FingerprintCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--output", "-o") { Description = "Write the fingerprint as JSON to this file (atomically); the readable summary still goes to standard output.", HelpName = "FILE" };
        var json = new Option<bool>("--json") { Description = "Print the JSON to standard output instead of the readable summary." };
        var noGit = new Option<bool>("--no-git") { Description = "Do not run git (commit and dirty state are recorded as unknown)." };
        var seed = new Option<string?>("--seed") { Description = "The seed to record (default: the ONESEED_SEED environment variable, else unknown).", HelpName = "SEED" };
        var command = new Command("fingerprint", "Record the environment a result depends on: OS, .NET runtime and SDK, CPU and SIMD sets, culture, loaded assembly versions, result-changing environment variables, git commit and dirty state, and the seed.\nExit codes: 0 written, 2 bad arguments, 3 the file could not be written.")
        {
            output, json, noGit, seed,
        };
        command.SetAction(parse =>
        {
            EnvironmentFingerprint fp = Capture(parse.GetValue(seed), !parse.GetValue(noGit));
            string? path = parse.GetValue(output);
            if (path is not null)
            {
                Save(fp, path);
            }

            Console.Out.Write(parse.GetValue(json) ? fp.ToJson() : Summary(fp));
            if (path is not null && !parse.GetValue(json))
            {
                Console.Out.WriteLine($"fingerprint written to {path}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static EnvironmentFingerprint Capture(string? seed, bool git) =>
        EnvironmentFingerprint.Capture(new FingerprintOptions { Seed = seed, SdkVersion = Sdk.Version(), IncludeGit = git });

    private static void Save(EnvironmentFingerprint fp, string path)
    {
        try
        {
            fp.Save(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw CliException.Io($"cannot write '{path}': {e.Message}");
        }
    }

    public static string Summary(EnvironmentFingerprint fp)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"OneSeed environment fingerprint, captured {fp.CapturedUtc.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC\n");
        int width = fp.Entries.Max(e => e.Name.Length);
        foreach (IGrouping<string, FingerprintEntry> section in fp.Entries.GroupBy(e => e.Section))
        {
            sb.Append(section.Key).Append('\n');
            foreach (FingerprintEntry e in section)
            {
                sb.Append("  ").Append(e.Name.PadRight(width)).Append("  ").Append(e.Value ?? "(unknown)").Append('\n');
            }
        }

        if (!fp.Entries.Any(e => e.Section == "environment"))
        {
            sb.Append("environment\n  (no result-changing variables set)\n");
        }

        return sb.ToString();
    }
}

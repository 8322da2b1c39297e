using System.CommandLine;
using System.Globalization;
using OneSeed.Diagnostics;

namespace OneSeed.Cli.Commands;

/// <summary><c>oneseed verify FILE [--strict] [--all]</c>.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A fingerprint saved by 'oneseed fingerprint -o' or EnvironmentFingerprint.Save." };
        var strict = new Option<bool>("--strict") { Description = "Also fail (exit 1) on differences that may change results, not only on those that break bit-exactness." };
        var all = new Option<bool>("--all") { Description = "Also list informational differences (by default only counted)." };
        var noGit = new Option<bool>("--no-git") { Description = "Do not run git for this machine's side (its commit is then unknown and not compared)." };
        var command = new Command("verify", "Compare a saved fingerprint with this machine and list each difference with its severity: breaks bit-exactness, may change results, or informational.\nExit codes: 0 nothing breaking, 1 a breaking difference (with --strict: or a result-changing one), 2 bad arguments, 3 the file is unreadable or not a fingerprint.")
        {
            file, strict, all, noGit,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            EnvironmentFingerprint saved = Load(path);
            EnvironmentFingerprint current = FingerprintCommand.Capture(null, !parse.GetValue(noGit));
            FingerprintComparison comparison = FingerprintComparison.Compare(saved, current);
            bool showAll = parse.GetValue(all);
            int breaking = 0, may = 0, info = 0;
            foreach (FingerprintDifference d in comparison.Differences)
            {
                switch (d.Severity)
                {
                    case DifferenceSeverity.BreaksBitExactness: breaking++; break;
                    case DifferenceSeverity.MayChangeResults: may++; break;
                    default: info++; break;
                }

                if (d.Severity == DifferenceSeverity.Informational && !showAll)
                {
                    continue;
                }

                string tag = d.Severity switch
                {
                    DifferenceSeverity.BreaksBitExactness => "BREAKS",
                    DifferenceSeverity.MayChangeResults => "MAY   ",
                    _ => "INFO  ",
                };
                Console.Out.WriteLine($"{tag} {d.Key}: {Show(d.Expected, d.ExpectedPresent)} -> {Show(d.Actual, d.ActualPresent)}");
                Console.Out.WriteLine($"       {d.Reason}");
            }

            string hidden = !showAll && info > 0 ? " (--all lists the informational ones)" : "";
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"verify {path}: {breaking} breaking, {may} may change results, {info} informational{hidden}"));
            bool fail = breaking > 0 || (parse.GetValue(strict) && may > 0);
            Console.Out.WriteLine(fail ? "result: this machine may NOT reproduce the saved result bit for bit" : "result: no difference that breaks bit-exactness");
            return fail ? ExitCodes.Differences : ExitCodes.Ok;
        });
        return command;
    }

    private static string Show(string? value, bool present) => !present ? "(absent)" : value ?? "(unknown)";

    private static EnvironmentFingerprint Load(string path)
    {
        try
        {
            return EnvironmentFingerprint.Load(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw CliException.Io($"cannot read '{path}': {e.Message}");
        }
        catch (FormatException e)
        {
            throw CliException.Io($"'{path}' is not a valid fingerprint: {e.Message}");
        }
    }
}

using System.CommandLine;
using System.CommandLine.Help;
using OneSeed.Cli.Commands;

namespace OneSeed.Cli;

/// <summary>Builds the command tree and turns every failure into one line on standard error and an exit code.</summary>
internal static class CliApp
{
    public static Command BuildRoot()
    {
        // A plain command named "oneseed" rather than RootCommand, whose name would be the assembly's (OneSeed.Cli).
        var root = new Command("oneseed",
            "oneseed: record and check what a result depends on, audit a command for nondeterminism, and measure how much the seed moves a result.\n" +
            "Exit codes: 0 ok, 1 differences found, 2 bad command line, 3 unreadable/invalid file, 4 command could not start, 5 some sweep runs failed or audit/sweep runs timed out, 130 interrupted.");
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        root.Subcommands.Add(FingerprintCommand.Create());
        root.Subcommands.Add(VerifyCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(SweepCommand.Create());

        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(StreamCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        Command root = BuildRoot();
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            string command = parsed.CommandResult.Command == root ? "oneseed" : "oneseed " + parsed.CommandResult.Command.Name;
            string hint = parsed.CommandResult.Command.Name is "audit" or "sweep" && !args.Contains("--") ? " (put the command to run after '--')" : "";
            // An unrecognized token explains more than the "required command missing" it causes.
            string message = (parsed.Errors.FirstOrDefault(e => e.Message.Contains("Unrecognized", StringComparison.OrdinalIgnoreCase)) ?? parsed.Errors[0]).Message;
            await Console.Error.WriteLineAsync($"oneseed: {OneLine(message).TrimEnd('.')}{hint}; see '{command} --help'.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (CliException e)
        {
            await Console.Error.WriteLineAsync("oneseed: " + OneLine(e.Message)).ConfigureAwait(false);
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("oneseed: interrupted").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync("oneseed: " + OneLine(e.Message)).ConfigureAwait(false);
            return ExitCodes.Io;
        }
#pragma warning disable CA1031 // The last line of defence: a bug still gets one line, not a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync($"oneseed: internal error ({e.GetType().Name}): {OneLine(e.Message)}").ConfigureAwait(false);
            if (Environment.GetEnvironmentVariable("ONESEED_DEBUG") == "1")
            {
                await Console.Error.WriteLineAsync(e.ToString()).ConfigureAwait(false);
            }

            return ExitCodes.Internal;
        }
    }

    public static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}

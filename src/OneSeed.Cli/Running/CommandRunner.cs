using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace OneSeed.Cli.Running;

/// <summary>Runs a command (program + arguments, no shell) with extra environment variables, capturing its output.</summary>
internal static class CommandRunner
{
    private const int StderrTailChars = 2000;

    public static async Task<RunResult> RunAsync(IReadOnlyList<string> command, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellation)
    {
        var info = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Environment.CurrentDirectory,
        };
        foreach (string argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        foreach ((string name, string? value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new CliException(ExitCodes.CannotStart, $"cannot start '{command[0]}': {e.Message}");
        }

        process.StandardInput.Close();
        using var stdout = new MemoryStream();
        Task copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout, CancellationToken.None);
        Task<string> copyErr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }

        await copyOut.ConfigureAwait(false);
        string stderr = await copyErr.ConfigureAwait(false);
        return new RunResult(process.ExitCode, stdout.ToArray(), Tail(stderr), watch.Elapsed);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    private static string Tail(string text)
    {
        text = text.TrimEnd();
        return text.Length <= StderrTailChars ? text : "…" + text[^StderrTailChars..];
    }

    /// <summary>The command as one line for messages (arguments with spaces quoted).</summary>
    public static string Describe(IReadOnlyList<string> command)
    {
        var sb = new StringBuilder();
        foreach (string part in command)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(part.Length == 0 || part.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '\\') ? "'" + part.Replace("'", "'\\''", StringComparison.Ordinal) + "'" : part);
        }

        return sb.ToString();
    }
}

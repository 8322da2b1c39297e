using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace OneSeed.Cli.Running;

/// <summary>Runs a command (program + arguments, no shell) with extra environment variables, capturing its output.</summary>
internal static class CommandRunner
{
    private const int StderrTailChars = 2000;

    /// <summary>How long to wait for the output pipes to close after a timed-out run was killed (a process outside its tree may hold them).</summary>
    private static readonly TimeSpan DrainAfterKill = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs the command to its end, or, when <paramref name="timeout"/> is given and the run (process exit and the end of its
    /// output) takes longer, kills its whole process tree and returns a result with <see cref="RunResult.TimeLimit"/> set.
    /// </summary>
    public static async Task<RunResult> RunAsync(IReadOnlyList<string> command, IReadOnlyDictionary<string, string?> environment, TimeSpan? timeout, CancellationToken cancellation)
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
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        if (timeout is { } t)
        {
            limit.CancelAfter(t);
        }

        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            await Task.WhenAll(copyOut, copyErr).WaitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            TimeSpan elapsed = watch.Elapsed;
            bool drained = await Drain(Task.WhenAll(copyOut, copyErr)).ConfigureAwait(false);
            return new RunResult(process.ExitCode, drained ? stdout.ToArray() : [], drained ? Tail(await copyErr.ConfigureAwait(false)) : "", elapsed, timeout);
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

    private static async Task<bool> Drain(Task copies)
    {
        try
        {
            await copies.WaitAsync(DrainAfterKill).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
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

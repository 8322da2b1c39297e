namespace OneSeed.Cli.Running;

/// <summary>What one run of a command produced. <paramref name="TimeLimit"/> is set when the run exceeded it and was ended (with its process tree).</summary>
internal sealed record RunResult(int ExitCode, byte[] StandardOutput, string StandardErrorTail, TimeSpan Elapsed, TimeSpan? TimeLimit = null)
{
    public bool TimedOut => TimeLimit is not null;

    public string StandardOutputText => System.Text.Encoding.UTF8.GetString(StandardOutput);
}

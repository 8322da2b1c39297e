namespace OneSeed.Cli.Running;

/// <summary>What one run of a command produced.</summary>
internal sealed record RunResult(int ExitCode, byte[] StandardOutput, string StandardErrorTail, TimeSpan Elapsed)
{
    public string StandardOutputText => System.Text.Encoding.UTF8.GetString(StandardOutput);
}

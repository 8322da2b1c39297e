namespace OneSeed.Cli;

/// <summary>A failure reported to the user as one line on standard error and an exit code.</summary>
internal sealed class CliException : Exception
{
    public CliException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
        ExitCode = ExitCodes.Usage;
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.Usage;
    }

    public int ExitCode { get; } = ExitCodes.Usage;

    public static CliException Usage(string message) => new(ExitCodes.Usage, message);

    public static CliException Io(string message) => new(ExitCodes.Io, message);
}

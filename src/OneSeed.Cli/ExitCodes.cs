namespace OneSeed.Cli;

/// <summary>The tool's exit codes; docs/cli.md lists them per command. Keep them in step.</summary>
internal static class ExitCodes
{
    /// <summary>Success: the fingerprint was written, verify found nothing breaking, audited runs agree, every seed of a sweep succeeded.</summary>
    public const int Ok = 0;

    /// <summary>verify: a difference that breaks bit-exactness (or, with --strict, any result-changing one); audit: runs disagree.</summary>
    public const int Differences = 1;

    /// <summary>Malformed command line (unknown option, bad value, bad seed range, bad regex…).</summary>
    public const int Usage = 2;

    /// <summary>An input file could not be read or is invalid, or an output could not be written.</summary>
    public const int Io = 3;

    /// <summary>The command under audit or sweep could not be started (not found, not executable).</summary>
    public const int CannotStart = 4;

    /// <summary>sweep: finished, but some seeds failed (non-zero exit, no metric found, or --timeout); they are recorded. audit: the runs that finished agree, but some timed out.</summary>
    public const int SomeRunsFailed = 5;

    /// <summary>An unexpected internal error (a bug); the message is printed on one line.</summary>
    public const int Internal = 70;

    /// <summary>Interrupted (Ctrl+C); a sweep can be resumed by running it again.</summary>
    public const int Interrupted = 130;
}

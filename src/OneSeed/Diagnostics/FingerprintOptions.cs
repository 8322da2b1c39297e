namespace OneSeed.Diagnostics;

/// <summary>Options for <see cref="EnvironmentFingerprint.Capture(FingerprintOptions)"/>.</summary>
/// <remarks>Reproducibility tier: <b>stable within a major version</b>.</remarks>
public sealed class FingerprintOptions
{
    /// <summary>
    /// The seed in force, recorded as <c>seed.value</c>. <see langword="null"/> (the default) reads the
    /// <c>ONESEED_SEED</c> environment variable; when neither is present the seed is recorded as unknown.
    /// </summary>
    public string? Seed { get; set; }

    /// <summary>
    /// The .NET SDK version, recorded as <c>runtime.sdk</c>. The library does not start <c>dotnet --version</c>
    /// itself (a deployed program usually runs on a host without an SDK, and starting the SDK resolver costs
    /// time); the <c>oneseed</c> tool fills it in. <see langword="null"/> records it as unknown.
    /// </summary>
    public string? SdkVersion { get; set; }

    /// <summary>The directory whose git repository is recorded; <see langword="null"/> means the current directory.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>Whether to run <c>git</c> to record the commit and dirty state (default <see langword="true"/>); when false they are unknown.</summary>
    public bool IncludeGit { get; set; } = true;
}

namespace OneSeed.Diagnostics;

/// <summary>
/// Adds entries to every <see cref="EnvironmentFingerprint"/> captured in this process, for facts the core
/// package cannot observe itself (CUDA and cuDNN versions, GPU names, native library builds…).
/// Register one with <see cref="EnvironmentFingerprint.RegisterContributor"/>.
/// </summary>
/// <remarks>
/// Integration packages such as OneSeed.TorchSharp implement this. Contributed entries are saved with their
/// severity, so a process that does not load the contributor (for example <c>oneseed verify</c>) still knows
/// how much a difference matters. Reproducibility tier: <b>stable within a major version</b>.
/// </remarks>
public interface IFingerprintContributor
{
    /// <summary>The section this contributor's entries go into (e.g. <c>torchsharp</c>); must not be a core section name.</summary>
    string Section { get; }

    /// <summary>Observes the environment. Every entry must use <see cref="Section"/>. Exceptions are caught and recorded as an unknown entry.</summary>
    IEnumerable<FingerprintEntry> Collect();
}

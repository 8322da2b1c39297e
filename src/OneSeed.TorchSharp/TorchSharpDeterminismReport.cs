namespace OneSeed.TorchSharp;

/// <summary>What <see cref="TorchSharpDeterminism.Enable"/> set, what it could not set, and any warnings.</summary>
/// <remarks>Reproducibility tier: not applicable (a report, no random numbers).</remarks>
public sealed class TorchSharpDeterminismReport
{
    internal TorchSharpDeterminismReport(IReadOnlyList<string> applied, IReadOnlyList<string> notApplied, IReadOnlyList<string> warnings)
    {
        Applied = applied;
        NotApplied = notApplied;
        Warnings = warnings;
    }

    /// <summary>The settings that were applied, e.g. <c>CUBLAS_WORKSPACE_CONFIG=:4096:8</c>.</summary>
    public IReadOnlyList<string> Applied { get; }

    /// <summary>The settings that could not be applied on this platform, each with the reason.</summary>
    public IReadOnlyList<string> NotApplied { get; }

    /// <summary>Warnings, e.g. that CUDA had already started so the cuBLAS setting may come too late.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"applied: [{string.Join("; ", Applied)}]; not applied: [{string.Join("; ", NotApplied)}]; warnings: [{string.Join("; ", Warnings)}]";
}

namespace OneSeed.Diagnostics;

/// <summary>
/// The classification of the core fingerprint entries: how much a difference in each matters, and why.
/// Contributed entries carry their own severity. docs/cli.md reproduces this table; keep them in step.
/// </summary>
internal static class FingerprintRules
{
    public static readonly string[] CoreSections = ["host", "os", "runtime", "cpu", "simd", "culture", "assemblies", "environment", "git", "seed"];

    /// <summary>Environment variables recorded by exact name.</summary>
    public static readonly string[] EnvironmentNames =
    [
        "CUBLAS_WORKSPACE_CONFIG", "CUDA_VISIBLE_DEVICES", "CUDA_LAUNCH_BLOCKING", "NVIDIA_TF32_OVERRIDE",
        "PYTHONHASHSEED", "TF_DETERMINISTIC_OPS", "TF_CUDNN_DETERMINISTIC", "DOTNET_PreferredVectorBitWidth",
        "DOTNET_TieredCompilation", "DOTNET_TieredPGO", "DOTNET_ReadyToRun", "DOTNET_gcServer", "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT",
    ];

    /// <summary>Environment variables recorded by prefix (ordinal, case-sensitive as on Linux; Windows names are matched ignoring case).</summary>
    public static readonly string[] EnvironmentPrefixes =
    [
        "ONESEED_", "DOTNET_Enable", "COMPlus_Enable", "COMPlus_PreferredVectorBitWidth", "OMP_", "MKL_", "OPENBLAS_", "KMP_",
        "CUBLAS_", "CUDNN_", "TORCH_", "PYTORCH_",
    ];

    public static bool IsRecordedVariable(string name)
    {
        StringComparison comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (string exact in EnvironmentNames)
        {
            if (string.Equals(name, exact, comparison))
            {
                return true;
            }
        }

        foreach (string prefix in EnvironmentPrefixes)
        {
            if (name.StartsWith(prefix, comparison))
            {
                return true;
            }
        }

        return false;
    }

    public static (DifferenceSeverity Severity, string Reason) Classify(string section, string name) => section switch
    {
        "host" => (DifferenceSeverity.Informational, "The host name does not change results."),
        "os" => name switch
        {
            "platform" => (DifferenceSeverity.MayChangeResults, "Math.Sin/Exp/Pow and native libraries call the platform's C math library, which differs between operating systems."),
            _ => (DifferenceSeverity.Informational, "The OS release and kernel do not change managed floating-point results."),
        },
        "runtime" => name switch
        {
            "version" or "framework" => (DifferenceSeverity.BreaksBitExactness, "A different .NET runtime may JIT different instruction sequences (vectorization, FMA contraction, math intrinsics), changing floating-point bits."),
            "process_architecture" => (DifferenceSeverity.BreaksBitExactness, "A different instruction set (x64, Arm64, x86) uses different floating-point instructions and vector widths."),
            "sdk" => (DifferenceSeverity.MayChangeResults, "A different SDK may compile different code (compiler and library versions)."),
            _ => (DifferenceSeverity.Informational, "Recorded for the reader."),
        },
        "cpu" => name switch
        {
            "model" => (DifferenceSeverity.MayChangeResults, "Native libraries (MKL, OpenBLAS, libtorch) choose kernels by CPU model, and their reduction order may differ."),
            "logical_processors" => (DifferenceSeverity.MayChangeResults, "Default thread counts follow the processor count, and parallel reductions add in a different order."),
            _ => (DifferenceSeverity.Informational, "Recorded for the reader."),
        },
        "simd" => (DifferenceSeverity.BreaksBitExactness, "Vectorized code (Vector<T>, TensorPrimitives, libraries) sums in a different order or uses FMA on different SIMD sets, changing floating-point bits."),
        "culture" => name switch
        {
            "current" or "invariant_globalization" => (DifferenceSeverity.MayChangeResults, "Number parsing and formatting follow the culture, which can change text-based pipelines."),
            _ => (DifferenceSeverity.Informational, "Does not change numbers."),
        },
        "assemblies" => name switch
        {
            "TorchSharp" or "libtorch" => (DifferenceSeverity.BreaksBitExactness, "Another TorchSharp/libtorch build runs other kernels."),
            "OneSeed" => (DifferenceSeverity.MayChangeResults, "Streams documented as 'stable' never change; others may change between OneSeed versions."),
            _ => (DifferenceSeverity.MayChangeResults, "Another version of a loaded library may compute differently."),
        },
        "environment" => ClassifyVariable(name),
        "git" => name switch
        {
            "commit" or "dirty" => (DifferenceSeverity.MayChangeResults, "The code that produced the result differs."),
            _ => (DifferenceSeverity.Informational, "Recorded for the reader."),
        },
        "seed" => name switch
        {
            "value" => (DifferenceSeverity.BreaksBitExactness, "Another seed gives other random numbers."),
            _ => (DifferenceSeverity.Informational, "Where the seed was read from."),
        },
        _ => (DifferenceSeverity.MayChangeResults, "An entry this version of OneSeed does not classify."),
    };

    private static (DifferenceSeverity, string) ClassifyVariable(string name)
    {
        string upper = name.ToUpperInvariant();
        if (upper.StartsWith("DOTNET_ENABLE", StringComparison.Ordinal) || upper.StartsWith("COMPLUS_ENABLE", StringComparison.Ordinal) ||
            upper.EndsWith("PREFERREDVECTORBITWIDTH", StringComparison.Ordinal))
        {
            return (DifferenceSeverity.BreaksBitExactness, "Switches SIMD instruction sets on or off in the .NET JIT, changing vectorized floating-point results.");
        }

        return upper switch
        {
            "ONESEED_SEED" => (DifferenceSeverity.BreaksBitExactness, "The seed in force differs."),
            "CUBLAS_WORKSPACE_CONFIG" => (DifferenceSeverity.BreaksBitExactness, "cuBLAS is deterministic only with a fixed workspace configuration (':4096:8' or ':16:8')."),
            "NVIDIA_TF32_OVERRIDE" => (DifferenceSeverity.BreaksBitExactness, "Turns TF32 tensor-core math on or off, changing float32 matrix products."),
            "MKL_CBWR" => (DifferenceSeverity.BreaksBitExactness, "Selects MKL's conditional numerical reproducibility code path."),
            "CUDA_LAUNCH_BLOCKING" or "DOTNET_GCSERVER" => (DifferenceSeverity.Informational, "Changes timing, not results."),
            _ => (DifferenceSeverity.MayChangeResults, "Changes thread counts, library code paths or hashing, which may change results."),
        };
    }
}

using System.Globalization;
using System.Reflection;
using System.Text.Json;
using OneSeed.Diagnostics;
using OneSeed.TorchSharp.Native;
using TorchSharp;

namespace OneSeed.TorchSharp;

/// <summary>
/// Adds a <c>torchsharp</c> section to every <see cref="EnvironmentFingerprint"/>: TorchSharp and libtorch versions,
/// CUDA and cuDNN, GPU names, whether OneSeed patched the native library, and the determinism switches. Registered by
/// <see cref="OneSeedTorchSharp.Register"/>.
/// </summary>
/// <remarks>
/// <para>Entries (a value that cannot be observed is null, never guessed):</para>
/// <list type="bullet">
/// <item><c>torchsharp_version</c>, <c>libtorch_version</c> (the libtorch NuGet package the app was built with, from its
/// deps.json; null when the app was not deployed with one), <c>libtorch_package</c>: other kernels, breaks bit-exactness.</item>
/// <item><c>cuda_available</c>, <c>cuda_device_count</c>, <c>gpu0</c>, <c>gpu1</c>, … (device names, read from the CUDA
/// driver because TorchSharp 0.107 has no <c>get_device_name</c>): may change results.</item>
/// <item><c>cudnn_available</c>; <c>cudnn_version</c> (cuDNN's <c>cudnnGetVersion()</c>, e.g. 90100; TorchSharp 0.107
/// has no <c>torch.backends.cudnn.version()</c>): breaks bit-exactness.</item>
/// <item><c>native_patch</c>: <c>applied</c> (with the patched copy's path in <c>native_patch_path</c>) or
/// <c>not needed</c>; informational (the patch changes one symbol-version flag, no code).</item>
/// <item><c>deterministic_algorithms</c>, <c>deterministic_algorithms_warn_only</c>, <c>cudnn_deterministic</c>,
/// <c>cudnn_benchmark</c> (libtorch's switches, see <see cref="TorchSharpDeterminism"/>),
/// <c>cudnn_allow_tf32</c>, <c>cublas_allow_tf32</c>: may change results (on a GPU they decide kernels);
/// <c>cublas_workspace_config</c> (the native environment's value): breaks bit-exactness, as in the core's rules.</item>
/// </list>
/// <para>Reproducibility tier: the entry names are <b>stable within a major version</b>.</para>
/// </remarks>
public sealed class TorchSharpFingerprint : IFingerprintContributor
{
    /// <summary>The fingerprint section this contributor fills.</summary>
    public const string SectionName = "torchsharp";

    private TorchSharpFingerprint()
    {
    }

    /// <summary>The one instance.</summary>
    public static TorchSharpFingerprint Instance { get; } = new();

    /// <inheritdoc/>
    public string Section => SectionName;

    /// <inheritdoc/>
    public IEnumerable<FingerprintEntry> Collect()
    {
        TorchSharpNative.EnsureLoaded();
        var entries = new List<FingerprintEntry>();
        void Add(string name, string? value, DifferenceSeverity severity, string reason) =>
            entries.Add(new FingerprintEntry(SectionName, name, value, severity, reason));

        const DifferenceSeverity Breaks = DifferenceSeverity.BreaksBitExactness;
        const DifferenceSeverity May = DifferenceSeverity.MayChangeResults;
        const DifferenceSeverity Info = DifferenceSeverity.Informational;

        Add("torchsharp_version", typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(torch).Assembly.GetName().Version?.ToString(), Breaks, "Another TorchSharp may call other libtorch functions.");
        (string? package, string? libtorchVersion) = LibTorchPackage();
        Add("libtorch_version", libtorchVersion, Breaks, "Another libtorch runs other kernels and consumes random streams differently.");
        Add("libtorch_package", package, Breaks, "CPU and CUDA builds of libtorch run other kernels.");

        bool cuda = torch.cuda.is_available();
        int devices = cuda ? torch.cuda.device_count() : 0;
        Add("cuda_available", Bool(cuda), May, "GPU and CPU kernels give different floating-point results.");
        Add("cuda_device_count", devices.ToString(CultureInfo.InvariantCulture), May, "Multi-GPU runs split and reduce work differently.");
        for (int i = 0; i < devices; i++)
        {
            Add($"gpu{i.ToString(CultureInfo.InvariantCulture)}", Try(() => CudaProbe.DeviceName(i)), May, "Another GPU model runs other kernels.");
        }

        bool? cudnn = cuda ? Try(torch.cuda.is_cudnn_available) : false;
        Add("cudnn_available", Bool(cudnn), May, "cuDNN and native kernels give different results.");
        Add("cudnn_version", cudnn == true ? Try(CudaProbe.CudnnVersion)?.ToString(CultureInfo.InvariantCulture) : null,
            Breaks, "cuDNN picks algorithms per version.");

        string? patched = TorchSharpNative.PatchedLibraryPath;
        Add("native_patch", patched is null ? "not needed" : "applied", Info, "The patch changes one symbol-version flag, not code.");
        if (patched is not null)
        {
            Add("native_patch_path", patched, Info, "Where the patched copy lives.");
        }

        Add("deterministic_algorithms", Bool(TorchSharpDeterminism.DeterministicAlgorithmsEnabled), May, "Selects deterministic kernels (or refuses nondeterministic ones).");
        Add("deterministic_algorithms_warn_only", Bool(TorchSharpDeterminism.DeterministicAlgorithmsWarnOnly), Info, "Only changes whether a nondeterministic kernel warns or throws.");
        Add("cudnn_deterministic", Bool(TorchSharpDeterminism.CuDnnDeterministic), May, "cuDNN may pick nondeterministic algorithms.");
        Add("cudnn_benchmark", Bool(TorchSharpDeterminism.CuDnnBenchmark), May, "Benchmarking picks cuDNN algorithms by timing.");
        Add("cudnn_allow_tf32", Bool(Try(() => torch.backends.cudnn.allow_tf32)), May, "TF32 convolutions round differently on Ampere and newer GPUs.");
        Add("cublas_allow_tf32", Bool(Try(() => torch.backends.cuda.matmul.allow_tf32)), May, "TF32 matrix products round differently on Ampere and newer GPUs.");
        Add("cublas_workspace_config", TorchSharpDeterminism.CublasWorkspaceConfigValue, Breaks, "cuBLAS is deterministic only with a fixed workspace configuration.");
        return entries;
    }

    /// <inheritdoc/>
    public override string ToString() => SectionName;

    private static string? Bool(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };

    private static T? Try<T>(Func<T?> probe)
    {
        try
        {
            return probe();
        }
#pragma warning disable CA1031 // A fact that cannot be observed is recorded as unknown, whatever the native side threw.
        catch (Exception)
#pragma warning restore CA1031
        {
            return default;
        }
    }

    private static (string? Package, string? Version) LibTorchPackage()
    {
        // The app's deps.json files list every package with its version ("libtorch-cpu-linux-x64/2.10.0"); libtorch
        // itself carries no readable version, and TorchSharp reports only its own.
        if (AppContext.GetData("APP_CONTEXT_DEPS_FILES") is not string files)
        {
            return (null, null);
        }

        // The host separates the files with ';' on every platform.
        foreach (string file in files.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                using JsonDocument deps = JsonDocument.Parse(File.ReadAllBytes(file));
                if (!deps.RootElement.TryGetProperty("libraries", out JsonElement libraries) || libraries.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                foreach (JsonProperty library in libraries.EnumerateObject())
                {
                    int slash = library.Name.IndexOf('/', StringComparison.Ordinal);
                    if (slash > 0 && library.Name.StartsWith("libtorch-", StringComparison.OrdinalIgnoreCase))
                    {
                        return (library.Name[..slash], library.Name[(slash + 1)..]);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                // An unreadable deps file: the version stays unknown.
            }
        }

        return (null, null);
    }
}

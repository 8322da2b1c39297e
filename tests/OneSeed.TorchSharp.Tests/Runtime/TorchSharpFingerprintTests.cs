using System.Reflection;
using OneSeed.Diagnostics;
using TorchSharp;

namespace OneSeed.TorchSharp.Tests.Runtime;

/// <summary>The torchsharp fingerprint section, as captured on this machine (CPU-only libtorch 2.10, TorchSharp 0.107).</summary>
public class TorchSharpFingerprintTests
{
    private static FingerprintOptions NoGit => new() { IncludeGit = false };

    [Fact]
    public void Register_adds_the_torchsharp_section_with_the_facts_of_this_machine()
    {
        OneSeedTorchSharp.Register();
        TorchSharpDeterminism.Disable();
        EnvironmentFingerprint fp = EnvironmentFingerprint.Capture(NoGit);

        string? assemblyVersion = typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        Assert.Equal(assemblyVersion, fp["torchsharp.torchsharp_version"]);
        Assert.StartsWith("0.107.0", fp["torchsharp.torchsharp_version"], StringComparison.Ordinal);
        Assert.Equal("2.10.0", fp["torchsharp.libtorch_version"]);
        Assert.Equal("libtorch-cpu-linux-x64", fp["torchsharp.libtorch_package"]);
        Assert.Equal(torch.cuda.is_available() ? "true" : "false", fp["torchsharp.cuda_available"]);
        Assert.Equal(TorchSharpRandom.CudaDeviceCount.ToString(System.Globalization.CultureInfo.InvariantCulture), fp["torchsharp.cuda_device_count"]);
        if (!torch.cuda.is_available())
        {
            Assert.Equal("0", fp["torchsharp.cuda_device_count"]);
            Assert.Equal("false", fp["torchsharp.cudnn_available"]);
            Assert.Null(fp["torchsharp.cudnn_version"]);
            Assert.DoesNotContain(fp.Entries, e => e.Key == "torchsharp.gpu0");
        }

        Assert.Equal(TorchSharpNative.PatchedLibraryPath is null ? "not needed" : "applied", fp["torchsharp.native_patch"]);
        Assert.Equal(TorchSharpNative.PatchedLibraryPath, fp["torchsharp.native_patch_path"]);
        Assert.Equal("false", fp["torchsharp.deterministic_algorithms"]);
        Assert.Equal("false", fp["torchsharp.cudnn_deterministic"]);
        Assert.Equal("false", fp["torchsharp.cudnn_benchmark"]);
        Assert.Equal(TorchSharpDeterminism.CublasWorkspaceConfigValue, fp["torchsharp.cublas_workspace_config"]);

        FingerprintEntry libtorch = fp.Entries.Single(e => e.Key == "torchsharp.libtorch_version");
        Assert.Equal(DifferenceSeverity.BreaksBitExactness, libtorch.Severity);
        Assert.Equal(DifferenceSeverity.Informational, fp.Entries.Single(e => e.Key == "torchsharp.native_patch").Severity);
        Assert.All(fp.Entries.Where(e => e.Section == "torchsharp"), e => Assert.False(string.IsNullOrEmpty(e.Reason)));
    }

    [Fact]
    public void The_determinism_switches_show_in_the_fingerprint_and_a_change_is_reported()
    {
        OneSeedTorchSharp.Register();
        TorchSharpDeterminism.Disable();
        EnvironmentFingerprint before = EnvironmentFingerprint.Capture(NoGit);
        try
        {
            TorchSharpDeterminism.Enable();
            EnvironmentFingerprint after = EnvironmentFingerprint.Capture(NoGit);
            Assert.Equal("true", after["torchsharp.deterministic_algorithms"]);
            Assert.Equal("true", after["torchsharp.cudnn_deterministic"]);
            Assert.Equal(TorchSharpDeterminism.CublasWorkspaceConfig, after["torchsharp.cublas_workspace_config"]);

            // The section survives JSON (severities included), and a comparison names the switch.
            EnvironmentFingerprint reloaded = EnvironmentFingerprint.FromJson(after.ToJson());
            Assert.Equal("true", reloaded["torchsharp.deterministic_algorithms"]);
            FingerprintComparison comparison = FingerprintComparison.Compare(before, reloaded);
            Assert.Contains(comparison.Differences, d => d.Key == "torchsharp.deterministic_algorithms");
        }
        finally
        {
            TorchSharpDeterminism.Disable();
        }
    }

    [Fact]
    public void Registering_twice_keeps_one_section()
    {
        OneSeedTorchSharp.Register();
        OneSeedTorchSharp.Register();
        EnvironmentFingerprint fp = EnvironmentFingerprint.Capture(NoGit);
        Assert.Single(fp.Entries, e => e.Key == "torchsharp.libtorch_version");
        Assert.Equal("torchsharp", TorchSharpFingerprint.Instance.Section);
    }
}

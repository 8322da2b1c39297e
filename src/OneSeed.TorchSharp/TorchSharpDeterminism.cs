using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OneSeed.TorchSharp;

/// <summary>
/// Turns on every determinism setting of libtorch that can be reached from TorchSharp 0.107: PyTorch's
/// <c>torch.use_deterministic_algorithms(True)</c>, <c>torch.backends.cudnn.deterministic = True</c>,
/// <c>torch.backends.cudnn.benchmark = False</c> and <c>CUBLAS_WORKSPACE_CONFIG=:4096:8</c>.
/// </summary>
/// <remarks>
/// <para>
/// TorchSharp 0.107 declares <c>torch.use_deterministic_algorithms</c> and
/// <c>torch.are_deterministic_algorithms_enabled</c> only as <c>[Obsolete("not implemented", error: true)]</c>, and it
/// has no cuDNN deterministic or benchmark switch. libtorch itself exports the setters of its global context
/// (<c>at::Context::setDeterministicAlgorithms</c>, <c>setDeterministicCuDNN</c>, <c>setBenchmarkCuDNN</c> and
/// their getters) from <c>libtorch_cpu</c>; on Linux and macOS (Itanium C++ ABI) OneSeed calls those directly.
/// On Windows (MSVC-mangled names) they are reported in <see cref="TorchSharpDeterminismReport.NotApplied"/>.
/// <c>CUBLAS_WORKSPACE_CONFIG</c> is set in the native environment (<see cref="NativeEnvironment"/>); cuBLAS reads it
/// when it creates its workspace, so it must be set before the first CUDA matrix operation.
/// </para>
/// <para>Reproducibility tier: not applicable (settings, no random numbers).</para>
/// </remarks>
public static unsafe class TorchSharpDeterminism
{
    /// <summary>The cuBLAS workspace setting that makes cuBLAS deterministic (PyTorch's documented value).</summary>
    public const string CublasWorkspaceConfig = ":4096:8";

    private const string CublasVariable = "CUBLAS_WORKSPACE_CONFIG";

    private static readonly Lazy<ContextApi?> Api = new(ContextApi.TryLoad);

    /// <summary>
    /// Turns every reachable determinism setting on (see the type's remarks) and returns what was and was not set.
    /// Warnings (also written with <see cref="Trace.TraceWarning(string)"/>) say when CUDA had already started.
    /// </summary>
    /// <param name="warnOnly">
    /// As PyTorch's <c>warn_only</c>: nondeterministic operations warn instead of throwing.
    /// </param>
    public static TorchSharpDeterminismReport Enable(bool warnOnly = false)
    {
        TorchSharpNative.EnsureLoaded();
        var applied = new List<string>();
        var notApplied = new List<string>();
        var warnings = new List<string>();

        if (CudaAlreadyStarted() is { } cudaLibrary)
        {
            warnings.Add($"CUDA has already started in this process ({cudaLibrary} is loaded): {CublasVariable} may come too late for cuBLAS handles created before; call Enable before any CUDA work.");
        }

        NativeEnvironment.SetVariable(CublasVariable, CublasWorkspaceConfig);
        applied.Add($"{CublasVariable}={CublasWorkspaceConfig} (native and managed environment)");

        ContextApi? api = Api.Value;
        if (api is null)
        {
            string reason = OperatingSystem.IsWindows()
                ? "TorchSharp 0.107 does not expose it and libtorch's C++ setter cannot be called by name on Windows"
                : "TorchSharp 0.107 does not expose it and libtorch_cpu does not export the at::Context setter";
            notApplied.Add($"use_deterministic_algorithms: {reason}");
            notApplied.Add($"cudnn.deterministic: {reason}");
            notApplied.Add($"cudnn.benchmark: {reason}");
        }
        else
        {
            api.SetDeterministicAlgorithms(true, warnOnly);
            applied.Add($"use_deterministic_algorithms(True, warn_only={(warnOnly ? "True" : "False")})");
            api.SetDeterministicCuDnn(true);
            applied.Add("cudnn.deterministic = True");
            api.SetBenchmarkCuDnn(false);
            applied.Add("cudnn.benchmark = False");
        }

        foreach (string warning in warnings)
        {
            Trace.TraceWarning("OneSeed.TorchSharp: " + warning);
        }

        return new TorchSharpDeterminismReport(applied, notApplied, warnings);
    }

    /// <summary>
    /// Puts libtorch's switches back to PyTorch's defaults (deterministic algorithms off, cuDNN deterministic off,
    /// cuDNN benchmark off). <c>CUBLAS_WORKSPACE_CONFIG</c> is left as it is: cuBLAS has read it already.
    /// </summary>
    /// <returns>True when the switches could be reached (see the type's remarks).</returns>
    public static bool Disable()
    {
        TorchSharpNative.EnsureLoaded();
        if (Api.Value is not { } api)
        {
            return false;
        }

        api.SetDeterministicAlgorithms(false, false);
        api.SetDeterministicCuDnn(false);
        api.SetBenchmarkCuDnn(false);
        return true;
    }

    /// <summary>
    /// libtorch's <c>at::globalContext().deterministicAlgorithms()</c> (PyTorch's
    /// <c>torch.are_deterministic_algorithms_enabled()</c>), or null where it cannot be read (see remarks).
    /// </summary>
    public static bool? DeterministicAlgorithmsEnabled => Read(api => api.DeterministicAlgorithms());

    /// <summary>
    /// libtorch's <c>deterministicAlgorithmsWarnOnly()</c> (PyTorch's
    /// <c>torch.is_deterministic_algorithms_warn_only_enabled()</c>), or null where it cannot be read.
    /// </summary>
    public static bool? DeterministicAlgorithmsWarnOnly => Read(api => api.DeterministicAlgorithmsWarnOnly());

    /// <summary>libtorch's <c>deterministicCuDNN()</c> (<c>torch.backends.cudnn.deterministic</c>), or null where it cannot be read.</summary>
    public static bool? CuDnnDeterministic => Read(api => api.DeterministicCuDnn());

    /// <summary>libtorch's <c>benchmarkCuDNN()</c> (<c>torch.backends.cudnn.benchmark</c>), or null where it cannot be read.</summary>
    public static bool? CuDnnBenchmark => Read(api => api.BenchmarkCuDnn());

    /// <summary>The value of <c>CUBLAS_WORKSPACE_CONFIG</c> native code sees, or null when unset.</summary>
    public static string? CublasWorkspaceConfigValue => NativeEnvironment.GetVariable(CublasVariable);

    private static bool? Read(Func<ContextApi, bool> read)
    {
        TorchSharpNative.EnsureLoaded();
        return Api.Value is { } api ? read(api) : null;
    }

    /// <summary>The first CUDA runtime library mapped into this process, or null (Linux only: /proc/self/maps).</summary>
    private static string? CudaAlreadyStarted()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/self/maps"))
        {
            return null;
        }

        foreach (string line in File.ReadLines("/proc/self/maps"))
        {
            foreach (string library in (ReadOnlySpan<string>)["libcublas", "libcuda.so", "libcudart"])
            {
                if (line.Contains(library, StringComparison.Ordinal))
                {
                    return library;
                }
            }
        }

        return null;
    }

    /// <summary>libtorch's exported <c>at::Context</c> determinism accessors (Itanium C++ ABI: <c>this</c> first).</summary>
    private sealed class ContextApi
    {
        private readonly IntPtr _context;
        private readonly delegate* unmanaged<IntPtr, byte, byte, void> _setDeterministicAlgorithms;
        private readonly delegate* unmanaged<IntPtr, byte, void> _setDeterministicCuDnn;
        private readonly delegate* unmanaged<IntPtr, byte, void> _setBenchmarkCuDnn;
        private readonly delegate* unmanaged<IntPtr, byte> _deterministicAlgorithms;
        private readonly delegate* unmanaged<IntPtr, byte> _deterministicAlgorithmsWarnOnly;
        private readonly delegate* unmanaged<IntPtr, byte> _deterministicCuDnn;
        private readonly delegate* unmanaged<IntPtr, byte> _benchmarkCuDnn;

        private ContextApi(IntPtr library)
        {
            var globalContext = (delegate* unmanaged<IntPtr>)NativeLibrary.GetExport(library, "_ZN2at13globalContextEv");
            _setDeterministicAlgorithms = (delegate* unmanaged<IntPtr, byte, byte, void>)NativeLibrary.GetExport(library, "_ZN2at7Context26setDeterministicAlgorithmsEbb");
            _setDeterministicCuDnn = (delegate* unmanaged<IntPtr, byte, void>)NativeLibrary.GetExport(library, "_ZN2at7Context21setDeterministicCuDNNEb");
            _setBenchmarkCuDnn = (delegate* unmanaged<IntPtr, byte, void>)NativeLibrary.GetExport(library, "_ZN2at7Context17setBenchmarkCuDNNEb");
            _deterministicAlgorithms = (delegate* unmanaged<IntPtr, byte>)NativeLibrary.GetExport(library, "_ZNK2at7Context23deterministicAlgorithmsEv");
            _deterministicAlgorithmsWarnOnly = (delegate* unmanaged<IntPtr, byte>)NativeLibrary.GetExport(library, "_ZNK2at7Context31deterministicAlgorithmsWarnOnlyEv");
            _deterministicCuDnn = (delegate* unmanaged<IntPtr, byte>)NativeLibrary.GetExport(library, "_ZNK2at7Context18deterministicCuDNNEv");
            _benchmarkCuDnn = (delegate* unmanaged<IntPtr, byte>)NativeLibrary.GetExport(library, "_ZNK2at7Context14benchmarkCuDNNEv");
            // at::globalContext() returns a reference to a process-wide static: the pointer never changes.
            _context = globalContext();
        }

        public static ContextApi? TryLoad()
        {
            if (OperatingSystem.IsWindows())
            {
                return null;
            }

            // libtorch_cpu is already loaded (TorchSharpNative.EnsureLoaded); the dynamic loader finds it by soname.
            string name = OperatingSystem.IsMacOS() ? "libtorch_cpu.dylib" : "libtorch_cpu.so";
            if (!NativeLibrary.TryLoad(name, typeof(global::TorchSharp.torch).Assembly, null, out IntPtr library) && !NativeLibrary.TryLoad(name, out library))
            {
                return null;
            }

            try
            {
                return new ContextApi(library);
            }
            catch (EntryPointNotFoundException)
            {
                return null;
            }
        }

        public void SetDeterministicAlgorithms(bool enabled, bool warnOnly) => _setDeterministicAlgorithms(_context, enabled ? (byte)1 : (byte)0, warnOnly ? (byte)1 : (byte)0);

        public void SetDeterministicCuDnn(bool enabled) => _setDeterministicCuDnn(_context, enabled ? (byte)1 : (byte)0);

        public void SetBenchmarkCuDnn(bool enabled) => _setBenchmarkCuDnn(_context, enabled ? (byte)1 : (byte)0);

        public bool DeterministicAlgorithms() => _deterministicAlgorithms(_context) != 0;

        public bool DeterministicAlgorithmsWarnOnly() => _deterministicAlgorithmsWarnOnly(_context) != 0;

        public bool DeterministicCuDnn() => _deterministicCuDnn(_context) != 0;

        public bool BenchmarkCuDnn() => _benchmarkCuDnn(_context) != 0;
    }
}

using System.Runtime.InteropServices;
using System.Text;

namespace OneSeed.TorchSharp.Native;

/// <summary>
/// Facts TorchSharp 0.107 does not expose (cuDNN version, GPU names), read from the CUDA libraries that a CUDA build
/// of libtorch has loaded. Every probe returns null when the library or symbol is not there (CPU-only hosts).
/// </summary>
internal static unsafe class CudaProbe
{
    // cudnnGetVersion() has had this signature (size_t, no arguments) in every cuDNN release.
    private static readonly string[] CudnnNames = OperatingSystem.IsWindows()
        ? ["cudnn64_9.dll", "cudnn64_8.dll"]
        : ["libcudnn.so.9", "libcudnn.so.8", "libcudnn.so"];

    // The CUDA driver API: cuInit, cuDeviceGet and cuDeviceGetName are stable across driver versions.
    private static readonly string[] DriverNames = OperatingSystem.IsWindows() ? ["nvcuda.dll"] : ["libcuda.so.1", "libcuda.so"];

    /// <summary>cuDNN's version as cuDNN numbers it (e.g. 90100 for 9.1.0), or null.</summary>
    public static long? CudnnVersion()
    {
        if (Export(CudnnNames, "cudnnGetVersion") is not { } address)
        {
            return null;
        }

        return (long)((delegate* unmanaged<nuint>)address)();
    }

    /// <summary>The name of CUDA device <paramref name="ordinal"/>, or null.</summary>
    public static string? DeviceName(int ordinal)
    {
        if (Export(DriverNames, "cuInit") is not { } init
            || Export(DriverNames, "cuDeviceGet") is not { } get
            || Export(DriverNames, "cuDeviceGetName") is not { } getName)
        {
            return null;
        }

        if (((delegate* unmanaged<uint, int>)init)(0) != 0)
        {
            return null;
        }

        int device;
        if (((delegate* unmanaged<int*, int, int>)get)(&device, ordinal) != 0)
        {
            return null;
        }

        byte* name = stackalloc byte[256];
        if (((delegate* unmanaged<byte*, int, int, int>)getName)(name, 256, device) != 0)
        {
            return null;
        }

        int length = 0;
        while (length < 256 && name[length] != 0)
        {
            length++;
        }

        return Encoding.UTF8.GetString(name, length);
    }

    private static nint? Export(string[] libraries, string symbol)
    {
        foreach (string library in libraries)
        {
            // Only libraries already in the process count (or loadable by name): loading a CUDA library here would
            // not change results, and a CPU-only host simply has none.
            if (NativeLibrary.TryLoad(library, out nint handle) && NativeLibrary.TryGetExport(handle, symbol, out nint address))
            {
                return address;
            }
        }

        return null;
    }
}

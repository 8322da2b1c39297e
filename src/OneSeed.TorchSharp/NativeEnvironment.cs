using System.Runtime.InteropServices;

namespace OneSeed.TorchSharp;

/// <summary>
/// The process environment as native libraries see it (C <c>getenv</c>). On Linux and macOS,
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> changes only .NET's own copy, which libtorch,
/// cuBLAS and cuDNN never read; settings such as <c>CUBLAS_WORKSPACE_CONFIG</c> must go through here.
/// </summary>
/// <remarks>
/// Like C's <c>setenv</c>, setting a variable is not safe while another thread calls <c>getenv</c>; set variables
/// early, before native libraries start threads. Reproducibility tier: not applicable (no random numbers).
/// </remarks>
public static partial class NativeEnvironment
{
    /// <summary>
    /// Sets <paramref name="name"/> to <paramref name="value"/> in the native environment (C <c>setenv</c>; on
    /// Windows the C runtime's <c>_putenv_s</c>) and in .NET's environment, so that both native code and child
    /// processes see it.
    /// </summary>
    /// <param name="name">The variable name: non-empty, without '='.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or contains '='.</exception>
    /// <exception cref="InvalidOperationException">The C library refused the change.</exception>
    public static void SetVariable(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        if (name.Contains('=', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Environment variable name '{name}' must not contain '=' or NUL.", nameof(name));
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("Environment variable value must not contain NUL.", nameof(value));
        }

        int status = OperatingSystem.IsWindows() ? PutEnvWindows(name, value) : SetEnvUnix(name, value, 1);
        if (status != 0)
        {
            throw new InvalidOperationException($"The C library refused to set the environment variable {name} (status {status}, errno {Marshal.GetLastPInvokeError()}).");
        }

        Environment.SetEnvironmentVariable(name, value);
    }

    /// <summary>The value native code reads for <paramref name="name"/> (C <c>getenv</c>), or null when unset.</summary>
    /// <param name="name">The variable name.</param>
    public static string? GetVariable(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        IntPtr value = OperatingSystem.IsWindows() ? GetEnvWindows(name) : GetEnvUnix(name);
        return value == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(value);
    }

    private const string LibC = "libc.so.6";

    [LibraryImport(LibC, EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetEnvUnixLinux(string name, string value, int overwrite);

    [LibraryImport(LibC, EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnvUnixLinux(string name);

    [LibraryImport("libSystem.B.dylib", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetEnvMac(string name, string value, int overwrite);

    [LibraryImport("libSystem.B.dylib", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnvMac(string name);

    [LibraryImport("ucrtbase.dll", EntryPoint = "_putenv_s", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int PutEnvWindows(string name, string value);

    [LibraryImport("ucrtbase.dll", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnvWindows(string name);

    private static int SetEnvUnix(string name, string value, int overwrite) =>
        OperatingSystem.IsMacOS() ? SetEnvMac(name, value, overwrite) : SetEnvUnixLinux(name, value, overwrite);

    private static IntPtr GetEnvUnix(string name) => OperatingSystem.IsMacOS() ? GetEnvMac(name) : GetEnvUnixLinux(name);
}

using System.Runtime.InteropServices;

namespace OneSeed.Tests.Infrastructure;

/// <summary>The version of the glibc this process runs on ("2.36"), or null on another libc.</summary>
internal static class GlibcVersion
{
    public static string? Current { get; } = Read();

    private static string? Read()
    {
        try
        {
            return OperatingSystem.IsLinux() ? Marshal.PtrToStringUTF8(GnuGetLibcVersion()) : null;
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libc.so.6", EntryPoint = "gnu_get_libc_version")]
    private static extern IntPtr GnuGetLibcVersion();
}

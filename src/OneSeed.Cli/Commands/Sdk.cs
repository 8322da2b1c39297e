using System.ComponentModel;
using System.Diagnostics;

namespace OneSeed.Cli.Commands;

/// <summary>The SDK version, from <c>dotnet --version</c> in the current directory (global.json applies), or null.</summary>
internal static class Sdk
{
    public static string? Version()
    {
        var info = new ProcessStartInfo("dotnet", "--version")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        try
        {
            using Process p = Process.Start(info)!;
            Task<string> output = p.StandardOutput.ReadToEndAsync();
            _ = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                p.Kill(entireProcessTree: true);
                return null;
            }

            string version = output.Result.Trim();
            return p.ExitCode == 0 && version.Length > 0 ? version : null;
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }
}

using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace OneSeed.Diagnostics;

/// <summary>The observations behind <see cref="EnvironmentFingerprint.Capture(FingerprintOptions)"/>; each returns null when it cannot observe.</summary>
internal static class FingerprintProbes
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(10);

    public static string Platform() =>
        OperatingSystem.IsLinux() ? "Linux" :
        OperatingSystem.IsWindows() ? "Windows" :
        OperatingSystem.IsMacOS() ? "macOS" :
        OperatingSystem.IsFreeBSD() ? "FreeBSD" : RuntimeInformation.OSDescription;

    public static string KernelVersion()
    {
        if (OperatingSystem.IsLinux())
        {
            string? release = ReadFirstLine("/proc/sys/kernel/osrelease");
            if (release is not null)
            {
                return release;
            }
        }

        return Environment.OSVersion.VersionString;
    }

    /// <summary>/proc/cpuinfo on Linux (x86 "model name", Arm "Model"/"Hardware"/"CPU part"), sysctl on macOS, PROCESSOR_IDENTIFIER on Windows.</summary>
    public static string? CpuModel()
    {
        if (OperatingSystem.IsLinux())
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines("/proc/cpuinfo");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }

            foreach (string key in (string[])["model name", "Model", "Hardware", "cpu model", "CPU part"])
            {
                foreach (string line in lines)
                {
                    int colon = line.IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0 && line[..colon].Trim() == key)
                    {
                        string value = line[(colon + 1)..].Trim();
                        return key == "CPU part" ? "Arm CPU part " + value : value;
                    }
                }
            }

            return null;
        }

        if (OperatingSystem.IsMacOS())
        {
            (int code, string output) = Run("sysctl", Environment.CurrentDirectory, "-n", "machdep.cpu.brand_string") ?? (-1, "");
            return code == 0 && output.Trim().Length > 0 ? output.Trim() : null;
        }

        return Environment.GetEnvironmentVariable("PROCESSOR_IDENTIFIER");
    }

    /// <summary>Name and informational version of every loaded assembly outside the shared framework (OneSeed first, then by name).</summary>
    public static List<(string Name, string Version)> LoadedAssemblies()
    {
        string frameworkDirectory = Path.GetFullPath(RuntimeEnvironment.GetRuntimeDirectory());
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (Assembly assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (assembly.IsDynamic)
            {
                continue;
            }

            string location = assembly.Location;
            if (location.Length > 0 && Path.GetFullPath(location).StartsWith(frameworkDirectory, StringComparison.Ordinal))
            {
                continue; // covered by runtime.version
            }

            AssemblyName name = assembly.GetName();
            if (name.Name is null)
            {
                continue;
            }

            string? version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? name.Version?.ToString();
            result[name.Name] = version ?? "unknown";
        }

        var list = new List<(string, string)>();
        if (result.Remove("OneSeed", out string? own))
        {
            list.Add(("OneSeed", own));
        }

        list.AddRange(result.Select(p => (p.Key, p.Value)));
        return list;
    }

    public static List<(string Name, string Value)> RecordedVariables()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            if (e.Key is string name && e.Value is string value && FingerprintRules.IsRecordedVariable(name))
            {
                result[name] = value;
            }
        }

        return result.Select(p => (p.Key, p.Value)).ToList();
    }

    /// <summary>Commit, dirty flag ("true"/"false") and a status word. Untracked files do not count as dirty (outputs often are).</summary>
    public static (string? Commit, string? Dirty, string Status) Git(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return (null, null, "directory not found");
        }

        (int Code, string Output)? head = Run("git", directory, "rev-parse", "--verify", "HEAD");
        if (head is null)
        {
            return (null, null, "git not available");
        }

        if (head.Value.Code != 0)
        {
            return (null, null, "not a git repository (or no commit yet)");
        }

        (int Code, string Output)? status = Run("git", directory, "status", "--porcelain", "--untracked-files=no");
        string? dirty = status is { Code: 0 } s ? (s.Output.Trim().Length > 0 ? "true" : "false") : null;
        return (head.Value.Output.Trim(), dirty, "ok");
    }

    /// <summary>Runs a program and returns its exit code and standard output, or null when it cannot start or times out.</summary>
    private static (int Code, string Output)? Run(string program, string directory, params string[] arguments)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        // Keep `git status` from refreshing (writing) the index of the user's repository.
        info.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        try
        {
            using Process process = Process.Start(info)!;
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(GitTimeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            process.WaitForExit();
            _ = error.Result;
            return (process.ExitCode, output.Result);
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    private static string? ReadFirstLine(string path)
    {
        try
        {
            return File.ReadLines(path).FirstOrDefault()?.Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

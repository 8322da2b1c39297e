using System.Diagnostics;

namespace OneSeed.Cli.Tests;

/// <summary>Runs the built tool (<c>dotnet OneSeed.Cli.dll ...</c>) as a process, in a working directory, with a clean environment.</summary>
internal static class CliProcess
{
    private static readonly Lazy<string> Dll = new(FindDll);

    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
    }

    public static string DllPath => Dll.Value;

    public static Process Start(string workDir, IDictionary<string, string>? env, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll.Value);
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        // The test runner's own settings must not leak into the fingerprints and sweeps under test.
        foreach (string name in info.Environment.Keys.ToList())
        {
            if (name.StartsWith("ONESEED_", StringComparison.Ordinal) || name.StartsWith("OMP_", StringComparison.Ordinal) ||
                name.StartsWith("DOTNET_Enable", StringComparison.Ordinal))
            {
                info.Environment.Remove(name);
            }
        }

        foreach ((string k, string v) in env ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        var p = Process.Start(info)!;
        p.StandardInput.Close();
        return p;
    }

    public static Result Run(string workDir, IDictionary<string, string>? env, params string[] args)
    {
        using Process p = Start(workDir, env, args);
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("oneseed " + string.Join(' ', args) + " did not finish in 2 minutes");
        }

        p.WaitForExit();
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    public static Result Run(string workDir, params string[] args) => Run(workDir, null, args);

    private static string FindDll()
    {
        // tests/OneSeed.Cli.Tests/bin/<Configuration>/net10.0/ -> src/OneSeed.Cli/bin/<Configuration>/net10.0/OneSeed.Cli.dll
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string tfm = here.Name;
        string configuration = here.Parent!.Name;
        DirectoryInfo? root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "OneSeed.slnx")))
        {
            root = root.Parent;
        }

        if (root is not null)
        {
            string candidate = Path.Combine(root.FullName, "src", "OneSeed.Cli", "bin", configuration, tfm, "OneSeed.Cli.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        string local = Path.Combine(AppContext.BaseDirectory, "OneSeed.Cli.dll");
        return File.Exists(local) ? local : throw new FileNotFoundException("The built OneSeed.Cli.dll was not found; build src/OneSeed.Cli first.");
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using OneSeed.Compat;

namespace OneSeed.Tests.Runtime;

/// <summary>
/// The test assembly's entry point: <c>dotnet OneSeed.Tests.dll runtime-child MODE ...</c> runs one step of a
/// cross-process test in a fresh process (the test runner never calls Main).
/// </summary>
public static class ChildProcess
{
    public static int Main(string[] args)
    {
        if (args.Length < 2 || args[0] != "runtime-child")
        {
            Console.Error.WriteLine("usage: OneSeed.Tests runtime-child (resume PATH | save SEED PATH | everything-env | parity-digest)");
            return 64;
        }

        try
        {
            switch (args[1])
            {
                case "resume":
                    RngSnapshot.Load(args[2]).Restore();
                    Console.Out.Write(Draws().ToJsonString());
                    return 0;
                case "save":
                    Seed.Everything(uint.Parse(args[2], CultureInfo.InvariantCulture));
                    _ = Draws();
                    RngSnapshot.Capture().Save(args[3]);
                    Console.Out.Write(Draws().ToJsonString());
                    return 0;
                case "everything-env":
                    uint seed = Seed.Everything();
                    Console.Out.Write(new JsonObject
                    {
                        ["seed"] = seed,
                        ["initial"] = Seed.Initial,
                        ["env"] = Environment.GetEnvironmentVariable(Seed.EnvironmentVariable),
                        ["py"] = BitConverter.DoubleToUInt64Bits(PythonRandom.Shared.Random()),
                    }.ToJsonString());
                    return 0;
                case "parity-digest":
                    JsonObject report = Distributions.IntrinsicsParityTests.Features();
                    report["digest"] = Distributions.IntrinsicsParityTests.Digest();
                    Console.Out.Write(report.ToJsonString());
                    return 0;
                default:
                    Console.Error.WriteLine($"unknown mode {args[1]}");
                    return 64;
            }
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            Console.Out.Write(new JsonObject { ["error"] = e.GetType().Name, ["message"] = e.Message }.ToJsonString());
            return 2;
        }
    }

    /// <summary>
    /// Draws from every built-in source, leaving the Python and NumPy Gaussian caches full, so the state after it is a
    /// demanding one to carry across processes.
    /// </summary>
    internal static JsonObject Draws()
    {
        static JsonArray Bits(IEnumerable<double> values) => [.. values.Select(v => (JsonNode)BitConverter.DoubleToUInt64Bits(v))];
        return new JsonObject
        {
            ["python"] = Bits([PythonRandom.Shared.Random(), PythonRandom.Shared.Gauss(), PythonRandom.Shared.Random()]),
            ["python_bits"] = PythonRandom.Shared.GetRandBits(100).ToString(CultureInfo.InvariantCulture),
            ["numpy"] = Bits([.. NumPyRandomState.Shared.RandomSample(3), NumPyRandomState.Shared.StandardNormal()]),
            ["global"] = new JsonArray([.. Enumerable.Range(0, 4).Select(_ => (JsonNode)Seed.Global.NextUInt64())]),
            ["global_int"] = Seed.Global.Next(1000),
            ["stream_a"] = Bits(Seed.Stream("a", 1).Random(3)),
            ["stream_b"] = new JsonArray([.. Seed.Stream("b").Integers(0, 1000, 3).Select(v => (JsonNode)v)]),
        };
    }

    /// <summary>Runs this assembly as a child process and returns its exit code and standard output / error.</summary>
    internal static (int ExitCode, string Output, string Errors) Run(IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        start.ArgumentList.Add("runtime-child");
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The child must not inherit this process's run seed unless a test hands it one.
        start.Environment.Remove(Seed.EnvironmentVariable);
        foreach ((string key, string? value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dotnet}.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The child process did not finish within 60 s.");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}

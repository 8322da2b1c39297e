using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using OneSeed.Compat;
using TorchSharp;

namespace OneSeed.TorchSharp.Tests.Runtime;

/// <summary>
/// The test assembly's entry point: <c>dotnet OneSeed.TorchSharp.Tests.dll torchsharp-child MODE ...</c> runs one step of
/// a cross-process snapshot test in a fresh process (the test runner never calls Main).
/// </summary>
public static class TorchSharpChildProcess
{
    public static int Main(string[] args)
    {
        if (args.Length < 3 || args[0] != "torchsharp-child")
        {
            Console.Error.WriteLine("usage: OneSeed.TorchSharp.Tests torchsharp-child (resume PATH | save SEED PATH)");
            return 64;
        }

        try
        {
            OneSeedTorchSharp.Register();
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
    /// Draws from TorchSharp (leaving torch's cached float normal set: odd-length scalar randn) and from the core's
    /// sources, as bits, so a resumed process can be compared bit for bit.
    /// </summary>
    internal static JsonObject Draws()
    {
        static JsonArray Floats(torch.Tensor t)
        {
            using (t)
            {
                return t.dtype == torch.ScalarType.Float64
                    ? [.. t.data<double>().ToArray().Select(v => (JsonNode)BitConverter.DoubleToUInt64Bits(v))]
                    : [.. t.data<float>().ToArray().Select(v => (JsonNode)BitConverter.SingleToUInt32Bits(v))];
            }
        }

        JsonArray ints;
        using (torch.Tensor r = torch.randint(0, 1000, [5], torch.ScalarType.Int64))
        {
            ints = [.. r.data<long>().ToArray().Select(v => (JsonNode)v)];
        }

        return new JsonObject
        {
            ["torch_rand"] = Floats(torch.rand([5])),
            ["torch_randn_odd"] = Floats(torch.randn([3])),
            ["torch_rand64"] = Floats(torch.rand([4], torch.ScalarType.Float64)),
            ["torch_randn_vec"] = Floats(torch.randn([20])),
            ["torch_randint"] = ints,
            ["python"] = BitConverter.DoubleToUInt64Bits(PythonRandom.Shared.Random()),
            ["numpy"] = BitConverter.DoubleToUInt64Bits(NumPyRandomState.Shared.StandardNormal()),
            ["global"] = Seed.Global.NextUInt64(),
        };
    }

    /// <summary>Runs this assembly as a child process and returns its exit code and standard output / error.</summary>
    internal static (int ExitCode, string Output, string Errors) Run(params string[] args)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(TorchSharpChildProcess).Assembly.Location);
        start.ArgumentList.Add("torchsharp-child");
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove(Seed.EnvironmentVariable);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dotnet}.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The child process did not finish within 120 s.");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using OneSeed.Data;

namespace OneSeed.Data.Tests;

/// <summary>A sample with augmentations drawn from the per-sample generator.</summary>
internal sealed record Sample(int Index, int Epoch, double Noise, long Crop);

internal static class TestData
{
    /// <summary>Sample i = (i, epoch, a uniform double, an integer in [0, 1000)), the last two from <see cref="SampleContext.Rng"/>.</summary>
    public static IDataset<Sample> Augmented(int count) =>
        Dataset.Create(count, static (i, context) => new Sample(i, context.Epoch, context.Rng.Random(), context.Rng.Integers(0, 1000)));

    /// <summary>A batch as exact text (doubles by their bits), for comparisons whose failures are readable.</summary>
    public static string Describe(IReadOnlyList<Sample> batch)
    {
        var text = new StringBuilder();
        foreach (Sample s in batch)
        {
            text.Append(CultureInfo.InvariantCulture, $"{s.Index}@{s.Epoch}:{BitConverter.DoubleToInt64Bits(s.Noise):X}:{s.Crop} ");
        }

        return text.ToString();
    }

    /// <summary>Enumerates <paramref name="epochs"/> epochs, each as a list of described batches.</summary>
    public static List<List<string>> Collect(DataLoader<Sample> loader, int epochs)
    {
        var result = new List<List<string>>();
        for (int e = 0; e < epochs; e++)
        {
            result.Add([.. loader.Select(Describe)]);
        }

        return result;
    }

    /// <summary>Runs <paramref name="body"/> on the pool and fails (instead of hanging the suite) if it takes longer than <paramref name="seconds"/>.</summary>
    public static void WithTimeout(double seconds, Action body)
    {
        var task = Task.Run(body);
        if (!task.Wait(TimeSpan.FromSeconds(seconds)))
        {
            Assert.Fail($"Timed out after {seconds} s: a deadlock or a worker that did not stop.");
        }

        task.GetAwaiter().GetResult();
    }

    /// <summary>How to run this test assembly as a child process (see Program.cs) with <paramref name="args"/>, output redirected.</summary>
    public static ProcessStartInfo ChildStartInfo(params string[] args) => ChildStartInfo(new Dictionary<string, string>(), args);

    /// <summary>As <see cref="ChildStartInfo(string[])"/>, with extra environment variables (a launcher's, for ranks).</summary>
    public static ProcessStartInfo ChildStartInfo(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(typeof(TestData).Assembly.Location);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    /// <summary>Runs this test assembly as a child process (see Program.cs) and returns its standard output.</summary>
    public static string RunChild(params string[] args) => Run(ChildStartInfo(args), 60);

    /// <summary>Runs this test assembly as a child process with extra environment variables and returns its standard output.</summary>
    public static string RunChild(IReadOnlyDictionary<string, string> environment, params string[] args) => Run(ChildStartInfo(environment, args), 60);

    /// <summary>Runs <paramref name="start"/> (output redirected) and returns its standard output; fails the test if it exits non-zero or outlives <paramref name="seconds"/>.</summary>
    public static string Run(ProcessStartInfo start, double seconds)
    {
        string name = Path.GetFileName(start.FileName);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(seconds)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The child process ({name} {string.Join(' ', start.ArgumentList)}) did not finish within {seconds} s.");
        }

        Assert.True(process.ExitCode == 0, $"The child process ({name}) exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}

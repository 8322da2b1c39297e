using System.Diagnostics;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.TorchVision.Tests.Samples;

/// <summary>
/// samples/ImageAugmentation as a process, with a fresh seed: it must prove its three claims (0 and 3 workers and a
/// resumed run give one weight digest; TorchSharp's own transform gives two different ones) and say so.
/// </summary>
public sealed class ImageAugmentationSampleTests
{
    [Fact]
    public async Task The_sample_proves_its_three_claims_for_a_fresh_seed()
    {
        var seeds = new LiveSeeds();
        uint seed = seeds.UInt32();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(FindSample());
        start.ArgumentList.Add("--seed");
        start.ArgumentList.Add(seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        string output = await stdout;
        string context = $"seed {seed}: {output} {await stderr} {seeds.Replay}";
        Assert.True(process.ExitCode == 0, context);
        string[] digests = [.. output.Split('\n').Where(l => l.Contains(':', StringComparison.Ordinal) && l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l[(l.LastIndexOf(' ') + 1)..].Trim())];
        Assert.True(digests.Length == 5, context);
        Assert.True(digests[0] == digests[1] && digests[0] == digests[2], context);
        Assert.True(digests[3] != digests[4] && digests[3] != digests[0], context);
        Assert.Contains("OK: 0 and 3 workers and the resumed run agree bit for bit", output, StringComparison.Ordinal);
    }

    private static string FindSample()
    {
        // tests/OneSeed.TorchVision.Tests/bin/<Configuration>/<tfm>/ -> samples/ImageAugmentation/bin/<Configuration>/<tfm>/.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        DirectoryInfo? root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "OneSeed.slnx")))
        {
            root = root.Parent;
        }

        string candidate = Path.Combine(root?.FullName ?? ".", "samples", "ImageAugmentation", "bin", here.Parent!.Name, here.Name, "ImageAugmentation.dll");
        return File.Exists(candidate) ? candidate : throw new FileNotFoundException("Build samples/ImageAugmentation first: " + candidate);
    }
}

using OneSeed.Tests.Infrastructure;

namespace OneSeed.Data.Tests.Shards;

/// <summary>
/// A fact that needs Node.js and the Arrow JS package installed in tests/OneSeed.Data.Tests/ArrowJs
/// (<c>npm ci --prefix tests/OneSeed.Data.Tests/ArrowJs</c>). Locally, without them, the test is skipped with that
/// instruction; under CI (CI set) it runs and fails, since a missing independent reader must not pass silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ArrowJsFactAttribute : FactAttribute
{
    public ArrowJsFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") is null && ArrowJs.Missing() is { } missing)
        {
            Skip = missing;
        }
    }
}

/// <summary>Runs tests/OneSeed.Data.Tests/ArrowJs/read_shards.mjs under Node.js.</summary>
internal static class ArrowJs
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "OneSeed.Data.Tests", "ArrowJs");

    /// <summary>Null when node and the package are there; otherwise what is missing and how to install it.</summary>
    public static string? Missing()
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "apache-arrow")))
        {
            return $"Arrow JS is not installed: run `npm ci --prefix tests/OneSeed.Data.Tests/ArrowJs` (needs Node.js ≥ 20 and npm); {Folder}/node_modules/apache-arrow is missing.";
        }

        return FindNode() is null ? "Node.js (node) is not on PATH: install nodejs (Debian: apt-get install nodejs npm)." : null;
    }

    public static string? FindNode() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "node")).FirstOrDefault(File.Exists);

    /// <summary>The JSON that read_shards.mjs prints for <paramref name="directory"/>.</summary>
    public static string Read(string directory)
    {
        if (Missing() is { } missing)
        {
            Assert.Fail(missing);
        }

        var start = new System.Diagnostics.ProcessStartInfo(FindNode()!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Folder,
        };
        start.ArgumentList.Add(Path.Combine(Folder, "read_shards.mjs"));
        start.ArgumentList.Add(directory);
        return TestData.Run(start, 120);
    }
}

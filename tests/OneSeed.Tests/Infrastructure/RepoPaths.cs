namespace OneSeed.Tests.Infrastructure;

/// <summary>Locates the repository (the folder holding OneSeed.slnx) from the test binaries.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OneSeed.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"OneSeed.slnx not found above {AppContext.BaseDirectory}.");
    });

    public static string Root => RootLazy.Value;

    /// <summary>tests/oracles: the Python scripts that ask CPython/NumPy/PyTorch for reference values.</summary>
    public static string Oracles => Path.Combine(Root, "tests", "oracles");

    /// <summary>tests/OneSeed.Tests/GoldenVectors: checked-in outputs of the scripts in tests/oracles.</summary>
    public static string GoldenVectors => Path.Combine(Root, "tests", "OneSeed.Tests", "GoldenVectors");
}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace OneSeed.Analyzers.Tests;

/// <summary>
/// The references test compilations build against: the running .NET runtime's own assemblies and OneSeed.dll.
/// </summary>
/// <remarks>
/// The testing framework's usual <c>ReferenceAssemblies.Net.Net100</c> downloads Microsoft.NETCore.App.Ref from NuGet on
/// first use; the runtime that runs these tests already holds every framework assembly, so the tests need no network and
/// no package cache. OneSeed.dll (built for this same framework) is added for the code fixes, whose output must compile
/// against the real API.
/// </remarks>
internal static class RuntimeReferences
{
    /// <summary>An empty reference set (no package to download) for the framework the tests run on.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    /// <summary>The runtime's framework assemblies, without OneSeed.</summary>
    public static ImmutableArray<MetadataReference> Framework { get; } = LoadFramework();

    /// <summary>The framework assemblies plus OneSeed.dll.</summary>
    public static ImmutableArray<MetadataReference> WithOneSeed { get; } =
        Framework.Add(MetadataReference.CreateFromFile(typeof(OneSeed.Seed).Assembly.Location));

    private static ImmutableArray<MetadataReference> LoadFramework()
    {
        // The trusted platform assemblies also list the test's own dependencies (xunit, Roslyn, OneSeed): keep only
        // those in the shared framework's directory.
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string paths = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return paths.Split(Path.PathSeparator)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}

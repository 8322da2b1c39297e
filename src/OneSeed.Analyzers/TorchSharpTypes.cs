using Microsoft.CodeAnalysis;

namespace OneSeed.Analyzers;

/// <summary>
/// The TorchSharp (and TorchSharp torchvision) types ONESEED007 looks for, resolved once per compilation by their metadata
/// names, so the rule matches TorchSharp's own API and never a user's method that happens to be called <c>manual_seed</c>.
/// </summary>
internal sealed class TorchSharpTypes
{
    private TorchSharpTypes(Compilation compilation, INamedTypeSymbol torch)
    {
        Torch = torch;
        TorchRandom = compilation.GetTypeByMetadataName("TorchSharp.torch+random");
        UtilsData = compilation.GetTypeByMetadataName("TorchSharp.torch+utils+data");
        // In TorchSharp's TorchVision package; absent when only TorchSharp is referenced.
        Transforms = compilation.GetTypeByMetadataName("TorchSharp.torchvision+transforms");
        DataLoaders = new[]
        {
            compilation.GetTypeByMetadataName("TorchSharp.Modules.DataLoader"),
            compilation.GetTypeByMetadataName("TorchSharp.Modules.DataLoader`2"),
            compilation.GetTypeByMetadataName("TorchSharp.Modules.IterableDataLoader"),
        }.Where(type => type is not null).Select(type => type!).ToArray();
    }

    /// <summary><c>TorchSharp.torch</c>.</summary>
    public INamedTypeSymbol Torch { get; }

    /// <summary><c>TorchSharp.torch.random</c>.</summary>
    public INamedTypeSymbol? TorchRandom { get; }

    /// <summary><c>TorchSharp.torch.utils.data</c>, home of the <c>DataLoader(...)</c> factories.</summary>
    public INamedTypeSymbol? UtilsData { get; }

    /// <summary><c>TorchSharp.torchvision.transforms</c>, home of the <c>Random*(...)</c> factories.</summary>
    public INamedTypeSymbol? Transforms { get; }

    /// <summary>TorchSharp's loader classes (<c>TorchSharp.Modules.DataLoader</c>, its generic form and <c>IterableDataLoader</c>), unconstructed.</summary>
    public IReadOnlyList<INamedTypeSymbol> DataLoaders { get; }

    /// <summary>True for <c>torch.manual_seed</c> and <c>torch.random.manual_seed</c> (not <c>torch.cuda.manual_seed</c> or a <c>Generator</c>'s).</summary>
    public bool IsManualSeed(IMethodSymbol method) =>
        method.Name == "manual_seed"
        && (SymbolEqualityComparer.Default.Equals(method.ContainingType, Torch)
            || SymbolEqualityComparer.Default.Equals(method.ContainingType, TorchRandom));

    /// <summary>True for a <c>torchvision.transforms.Random*(...)</c> factory.</summary>
    public bool IsRandomTransformFactory(IMethodSymbol method) =>
        method.Name.StartsWith("Random", StringComparison.Ordinal)
        && SymbolEqualityComparer.Default.Equals(method.ContainingType, Transforms);

    /// <summary>True for a type named <c>Random*</c> nested in <c>torchvision</c> or <c>torchvision.transforms</c>, or
    /// declared in the <c>TorchSharp.torchvision</c> namespace.</summary>
    public bool IsRandomTransformType(INamedTypeSymbol type) =>
        Transforms is not null
        && type.Name.StartsWith("Random", StringComparison.Ordinal)
        && (SymbolEqualityComparer.Default.Equals(type.ContainingType, Transforms)
            || SymbolEqualityComparer.Default.Equals(type.ContainingType, Transforms.ContainingType)
            || type.ContainingNamespace?.ToDisplayString() == "TorchSharp.torchvision");

    /// <summary>True for a <c>torch.utils.data.DataLoader(...)</c> factory.</summary>
    public bool IsDataLoaderFactory(IMethodSymbol method) =>
        method.Name == "DataLoader" && SymbolEqualityComparer.Default.Equals(method.ContainingType, UtilsData);

    /// <summary>True for one of TorchSharp's loader classes, constructed or not.</summary>
    public bool IsDataLoaderType(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && DataLoaders.Contains(named.OriginalDefinition, SymbolEqualityComparer.Default);

    /// <summary>The resolved types, or null when the compilation does not reference TorchSharp (then ONESEED007 registers nothing).</summary>
    public static TorchSharpTypes? TryCreate(Compilation compilation)
    {
        INamedTypeSymbol? torch = compilation.GetTypeByMetadataName("TorchSharp.torch");
        return torch is null ? null : new TorchSharpTypes(compilation, torch);
    }
}

using System.Collections.Immutable;
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

    /// <summary>
    /// The torchvision transforms that draw from a <c>new System.Random()</c> of their own, which no seed reaches: in
    /// TorchVision 0.107.0's IL, <c>RandomResizedCrop.call</c>, <c>RandomRotation.call</c> and <c>RandomOrder.call</c>
    /// create one per call and <c>RandomPerspective</c> one per instance (for its apply-or-not choice).
    /// </summary>
    /// <remarks>
    /// The other random transforms (<c>RandomHorizontalFlip</c>, <c>RandomVerticalFlip</c>, <c>RandomGrayscale</c>,
    /// <c>RandomInvert</c>, <c>RandomApply</c>, <c>RandomChoice</c>, ... through TorchVision's <c>Randomizer</c>, and
    /// <c>ColorJitter</c>, <c>RandAugment</c>, <c>AutoAugment</c>, <c>TrivialAugmentWide</c>, <c>AugMix</c>) draw with
    /// <c>torch.rand</c>/<c>torch.randint</c> from TorchSharp's default generator, which <c>torch.manual_seed</c> and
    /// OneSeed's TorchSharp registration seed: they are not reported.
    /// </remarks>
    public static readonly ImmutableHashSet<string> SystemRandomTransforms = ImmutableHashSet.Create(
        StringComparer.Ordinal, "RandomResizedCrop", "RandomRotation", "RandomPerspective", "RandomOrder");

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

    /// <summary>True for a <c>torchvision.transforms</c> factory of a transform that draws from a <c>System.Random</c>
    /// of its own (<see cref="SystemRandomTransforms"/>).</summary>
    public bool IsRandomTransformFactory(IMethodSymbol method) =>
        SystemRandomTransforms.Contains(method.Name)
        && SymbolEqualityComparer.Default.Equals(method.ContainingType, Transforms);

    /// <summary>True for one of <see cref="SystemRandomTransforms"/> as a type nested in <c>torchvision</c> or
    /// <c>torchvision.transforms</c>, or declared in the <c>TorchSharp.torchvision</c> namespace (TorchVision 0.107 makes
    /// them internal; a later version might not).</summary>
    public bool IsRandomTransformType(INamedTypeSymbol type) =>
        Transforms is not null
        && SystemRandomTransforms.Contains(type.Name)
        && (SymbolEqualityComparer.Default.Equals(type.ContainingType, Transforms)
            || SymbolEqualityComparer.Default.Equals(type.ContainingType, Transforms.ContainingType)
            || type.ContainingNamespace?.ToDisplayString() == "TorchSharp.torchvision");

    /// <summary>True for a <c>torch.utils.data.DataLoader(...)</c> or <c>IterableDataLoader(...)</c> factory.</summary>
    public bool IsDataLoaderFactory(IMethodSymbol method) =>
        method.Name is "DataLoader" or "IterableDataLoader" && SymbolEqualityComparer.Default.Equals(method.ContainingType, UtilsData);

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

using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace OneSeed.Analyzers.Tests;

/// <summary>ONESEED007 against the real TorchSharp 0.107.0 and TorchVision 0.107.0 reference assemblies: the metadata
/// names the rule looks up (TorchSharp.torch, torch+random, torch+utils+data, torchvision+transforms,
/// TorchSharp.Modules.DataLoader) must be the real ones, or nothing fires here; the snippet must also compile, so the
/// signatures used are the real ones.</summary>
public sealed class RealTorchSharpTests
{
    private static readonly ImmutableArray<MetadataReference> TorchReferences = LoadTorchReferences();

    [Fact]
    public Task Fires_on_the_real_manual_seed_RandomResizedCrop_and_shuffling_DataLoader() => AnalyzerVerifier.VerifyWithReferencesAsync(
        """
        using TorchSharp;
        using static TorchSharp.torch;
        class Training
        {
            void Run(utils.data.Dataset data)
            {
                {|ONESEED007:torch.manual_seed(1)|};
                {|ONESEED007:torch.random.manual_seed(2)|};
                torch.cuda.manual_seed(3);
                var crop = {|ONESEED007:torchvision.transforms.RandomResizedCrop(224)|};
                var rotate = {|ONESEED007:torchvision.transforms.RandomRotation(30)|};
                var perspective = {|ONESEED007:torchvision.transforms.RandomPerspective()|};
                var order = {|ONESEED007:torchvision.transforms.RandomOrder(crop, rotate)|};
                // Draw from TorchSharp's default generator, which OneSeed's registration seeds: not reported.
                var flip = torchvision.transforms.RandomHorizontalFlip();
                var jitter = torchvision.transforms.ColorJitter(0.4f, 0.4f, 0.4f, 0.1f);
                using var loader = {|ONESEED007:torch.utils.data.DataLoader(data, 32, shuffle: true)|};
                using var seeded = {|ONESEED007:torch.utils.data.DataLoader(data, 32, shuffle: true, seed: 7)|};
                using var direct = {|ONESEED007:new TorchSharp.Modules.DataLoader(data, 32, shuffle: true)|};
                using var ordered = torch.utils.data.DataLoader(data, 32);
            }
        }
        """,
        TorchReferences);

    // TorchSharp.dll and TorchVision.dll, and the assemblies they reference that sit beside them in the test's output
    // (SkiaSharp, Google.Protobuf, ...): enough to bind every call above.
    private static ImmutableArray<MetadataReference> LoadTorchReferences()
    {
        Assembly[] roots = [typeof(TorchSharp.torch).Assembly, typeof(TorchSharp.torchvision).Assembly];
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Assembly root in roots)
        {
            paths.Add(root.Location);
            foreach (AssemblyName dependency in root.GetReferencedAssemblies())
            {
                string candidate = Path.Combine(AppContext.BaseDirectory, dependency.Name + ".dll");
                if (File.Exists(candidate))
                {
                    paths.Add(candidate);
                }
            }
        }

        return paths.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace OneSeed.Analyzers;

/// <summary>Recognises the places a value becomes a seed by their names: parameters, properties and fields called
/// <c>seed</c> or <c>...Seed</c> (<c>randomSeed</c>, <c>_seed</c>, <c>MLContext(seed:)</c>).</summary>
/// <remarks>Names are all an analyzer can go on for libraries it does not know (ML.NET, TorchSharp, the user's own), and
/// "seed" is what every one of them calls the value.</remarks>
internal static class SeedNames
{
    /// <summary>True for a name equal to "seed" or ending in "seed", ignoring case.</summary>
    public static bool IsSeedLike(string name) => name.EndsWith("seed", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="argument"/> is the seed of <c>new System.Random(...)</c>, which ONESEED001
    /// reports on its own, so the other rules leave it to it.</summary>
    public static bool SeedsSystemRandom(IArgumentOperation argument, RandomTypes types) =>
        argument.Parent is IObjectCreationOperation creation && SymbolEqualityComparer.Default.Equals(creation.Type, types.Random);
}

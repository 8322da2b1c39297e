using Microsoft.CodeAnalysis;

namespace OneSeed.Analyzers;

/// <summary>
/// The framework types the rules look for, resolved once per compilation so each operation callback compares symbols
/// instead of looking names up again.
/// </summary>
internal sealed class RandomTypes
{
    private RandomTypes(Compilation compilation, INamedTypeSymbol random)
    {
        Random = random;
        DateTime = compilation.GetTypeByMetadataName("System.DateTime");
        DateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
        Environment = compilation.GetTypeByMetadataName("System.Environment");
        Stopwatch = compilation.GetTypeByMetadataName("System.Diagnostics.Stopwatch");
        Process = compilation.GetTypeByMetadataName("System.Diagnostics.Process");
        Guid = compilation.GetTypeByMetadataName("System.Guid");
        HashCode = compilation.GetTypeByMetadataName("System.HashCode");
        StringComparer = compilation.GetTypeByMetadataName("System.StringComparer");
        EqualityComparer = compilation.GetTypeByMetadataName("System.Collections.Generic.EqualityComparer`1");
        Math = compilation.GetTypeByMetadataName("System.Math");
        Parallel = compilation.GetTypeByMetadataName("System.Threading.Tasks.Parallel");
        Interlocked = compilation.GetTypeByMetadataName("System.Threading.Interlocked");
        ParallelEnumerable = compilation.GetTypeByMetadataName("System.Linq.ParallelEnumerable");
    }

    public INamedTypeSymbol Random { get; }

    public INamedTypeSymbol? DateTime { get; }

    public INamedTypeSymbol? DateTimeOffset { get; }

    public INamedTypeSymbol? Environment { get; }

    public INamedTypeSymbol? Stopwatch { get; }

    public INamedTypeSymbol? Process { get; }

    public INamedTypeSymbol? Guid { get; }

    public INamedTypeSymbol? HashCode { get; }

    public INamedTypeSymbol? StringComparer { get; }

    /// <summary><c>EqualityComparer&lt;T&gt;</c>, unconstructed.</summary>
    public INamedTypeSymbol? EqualityComparer { get; }

    public INamedTypeSymbol? Math { get; }

    public INamedTypeSymbol? Parallel { get; }

    public INamedTypeSymbol? Interlocked { get; }

    /// <summary>PLINQ's operators (<c>AsParallel</c>, <c>AsOrdered</c>, <c>Sum</c>, ...).</summary>
    public INamedTypeSymbol? ParallelEnumerable { get; }

    /// <summary>The resolved types, or null when the compilation has no <c>System.Random</c> (then no rule can fire).</summary>
    public static RandomTypes? TryCreate(Compilation compilation)
    {
        INamedTypeSymbol? random = compilation.GetTypeByMetadataName("System.Random");
        return random is null ? null : new RandomTypes(compilation, random);
    }
}

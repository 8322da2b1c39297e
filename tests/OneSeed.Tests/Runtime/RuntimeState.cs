namespace OneSeed.Tests.Runtime;

/// <summary>Every test that touches the process-wide runtime (Seed, the shared façades, snapshots) runs in this one serial collection.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RuntimeState
{
    public const string Name = "OneSeed runtime (process-wide state)";
}

using OneSeed.Seeding;

namespace OneSeed.Data;

/// <summary>One epoch's fixed inputs, shared read-only by the consumer and the workers.</summary>
internal sealed record EpochPlan(
    int Epoch,
    int[] Indices,
    int BatchCount,
    int FirstBatch,
    string? SamplerStateBefore,
    string? SamplerStateAfter,
    long WorkerBaseSeed,
    SeedSequence Root);

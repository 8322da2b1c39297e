using OneSeed.Engines;

namespace OneSeed.Tests.Engines;

public sealed class PhiloxTests
{
    private const string Name = "Philox";

    [Fact]
    public void Golden_vectors_match_numpy() => EngineHarness.CheckGolden(Name);

    [Fact]
    public void Live_random_seeds_and_op_sequences_match_numpy() => EngineHarness.CheckLive(Name, 300);

    [Fact]
    public void Live_state_json_from_csharp_continues_in_numpy() => EngineHarness.CheckCSharpStateToPython(Name, 200);

    [Fact]
    public void Fill_matches_scalar_draws() => EngineHarness.CheckFillMatchesScalar(() => new Philox(20240601));

    [Fact]
    public void ToString_does_not_print_state() => Assert.Equal("Philox", new Philox(1).ToString());
}

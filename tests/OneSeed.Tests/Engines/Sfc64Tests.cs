using OneSeed.Engines;

namespace OneSeed.Tests.Engines;

public sealed class Sfc64Tests
{
    private const string Name = "SFC64";

    [Fact]
    public void Golden_vectors_match_numpy() => EngineHarness.CheckGolden(Name);

    [Fact]
    public void Live_random_seeds_and_op_sequences_match_numpy() => EngineHarness.CheckLive(Name, 300);

    [Fact]
    public void Live_state_json_from_csharp_continues_in_numpy() => EngineHarness.CheckCSharpStateToPython(Name, 200);

    [Fact]
    public void Fill_matches_scalar_draws() => EngineHarness.CheckFillMatchesScalar(() => new Sfc64(20240601));

    [Fact]
    public void ToString_does_not_print_state() => Assert.Equal("Sfc64", new Sfc64(1).ToString());

    [Fact]
    public void Bad_state_is_refused_and_the_engine_is_unchanged()
    {
        var engine = new Sfc64(5);
        engine.NextUInt32();
        string before = engine.GetStateJson();
        string good = "{\"bit_generator\":\"SFC64\",\"state\":{\"state\":[1,2,3,4]},\"has_uint32\":1,\"uinteger\":9}";
        engine.SetStateJson(good);
        Sfc64State s = engine.GetState();
        Assert.Equal((1ul, 2ul, 3ul, 4ul, true, 9u, 1), (s.A, s.B, s.C, s.Counter, s.HasUInt32, s.BufferedUInt32, s.Version));
        Assert.Equal(9u, engine.NextUInt32());
        Assert.Equal(1ul + 2ul + 4ul, engine.NextUInt64());
        engine.SetStateJson(before);

        foreach (string bad in new[]
        {
            good.Replace("[1,2,3,4]", "[1,2,3]", StringComparison.Ordinal),
            good.Replace("[1,2,3,4]", "[1,2,3,4,5]", StringComparison.Ordinal),
            good.Replace("[1,2,3,4]", "[1,2,3,18446744073709551616]", StringComparison.Ordinal),
            good.Replace("[1,2,3,4]", "[1,2,-3,4]", StringComparison.Ordinal),
            good.Replace("\"has_uint32\":1", "\"has_uint32\":2", StringComparison.Ordinal),
            good.Replace("\"uinteger\":9", "\"uinteger\":-9", StringComparison.Ordinal),
            good.Replace("SFC64", "PCG64", StringComparison.Ordinal),
            good.Replace(",\"uinteger\":9", string.Empty, StringComparison.Ordinal),
            "{not json",
        })
        {
            Assert.Throws<FormatException>(() => engine.SetStateJson(bad));
            Assert.Equal(before, engine.GetStateJson());
        }

        Assert.Throws<ArgumentNullException>(() => engine.SetState(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sfc64(System.Numerics.BigInteger.MinusOne));
        Assert.Equal(before, engine.GetStateJson());
        Assert.Equal("Sfc64State", engine.GetState().ToString());
    }
}

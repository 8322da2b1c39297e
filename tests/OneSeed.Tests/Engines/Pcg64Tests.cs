using System.Numerics;
using OneSeed.Engines;

namespace OneSeed.Tests.Engines;

public sealed class Pcg64Tests
{
    private const string Name = "PCG64";

    [Fact]
    public void Golden_vectors_match_numpy() => EngineHarness.CheckGolden(Name);

    [Fact]
    public void Live_random_seeds_and_op_sequences_match_numpy() => EngineHarness.CheckLive(Name, 300);

    [Fact]
    public void Live_state_json_from_csharp_continues_in_numpy() => EngineHarness.CheckCSharpStateToPython(Name, 200);

    [Fact]
    public void Fill_matches_scalar_draws() => EngineHarness.CheckFillMatchesScalar(() => new Pcg64(20240601));

    [Fact]
    public void ToString_does_not_print_state() => Assert.Equal("Pcg64", new Pcg64(1).ToString());

    [Fact]
    public void Bad_state_is_refused_and_the_engine_is_unchanged()
    {
        var engine = new Pcg64(5);
        engine.NextUInt32();
        string before = engine.GetStateJson();
        Assert.Contains("odd", Assert.Throws<ArgumentException>(() => new Pcg64State(UInt128.One, new UInt128(0, 2))).Message, StringComparison.Ordinal);
        string good = "{\"bit_generator\":\"PCG64\",\"state\":{\"state\":STATE,\"inc\":INC},\"has_uint32\":HAS,\"uinteger\":UINT}";
        string Make(string state = "1", string inc = "3", string has = "0", string uinteger = "0") =>
            good.Replace("STATE", state, StringComparison.Ordinal).Replace("INC", inc, StringComparison.Ordinal).Replace("HAS", has, StringComparison.Ordinal).Replace("UINT", uinteger, StringComparison.Ordinal);
        string two128 = (BigInteger.One << 128).ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (string bad in new[]
        {
            Make(inc: "4"),
            Make(inc: two128),
            Make(state: two128),
            Make(state: "-1"),
            Make(has: "2"),
            Make(uinteger: "4294967296"),
            Make(uinteger: "-1"),
            Make(state: "1.5"),
            Make().Replace("PCG64", "PCG64DXSM", StringComparison.Ordinal),
            Make().Replace("\"inc\"", "\"increment\"", StringComparison.Ordinal),
            "[1,2]",
            "{not json",
            before.Replace("\"oneseed_state_version\":1", "\"oneseed_state_version\":2", StringComparison.Ordinal),
        })
        {
            Assert.Throws<FormatException>(() => engine.SetStateJson(bad));
            Assert.Equal(before, engine.GetStateJson());
        }

        Assert.Throws<ArgumentNullException>(() => engine.SetState(null!));
        Assert.Throws<ArgumentException>(() => Pcg64State.FromJson(Make(), "MT19937"));
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.Jumped(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Pcg64(BigInteger.MinusOne));
        Assert.Equal(before, engine.GetStateJson());

        // The largest valid values load and a state written by C# reads back equal.
        string max = (BigInteger.One << 128) - 1 + "";
        engine.SetStateJson(Make(state: max, inc: max, has: "1", uinteger: "4294967295"));
        Pcg64State s = engine.GetState();
        Assert.Equal(UInt128.MaxValue, s.State);
        Assert.Equal(UInt128.MaxValue, s.Increment);
        Assert.True(s.HasUInt32);
        Assert.Equal(uint.MaxValue, s.BufferedUInt32);
        Assert.Equal(1, s.Version);
        Assert.Equal(4294967295u, engine.NextUInt32());
        Assert.Equal("Pcg64State", s.ToString());
    }

    [Fact]
    public void Advance_forward_then_back_restores_the_lcg_and_clears_the_buffer()
    {
        var engine = new Pcg64(77);
        engine.NextUInt32();
        Pcg64State start = engine.GetState();
        Assert.True(start.HasUInt32);
        BigInteger delta = (BigInteger.One << 100) + 12345;
        engine.Advance(delta);
        engine.Advance(-delta);
        Pcg64State end = engine.GetState();
        Assert.Equal(start.State, end.State);
        Assert.Equal(start.Increment, end.Increment);
        Assert.False(end.HasUInt32);
        Assert.Equal(0u, end.BufferedUInt32);

        var a = new Pcg64(start);
        var b = new Pcg64(start);
        a.Advance(3);
        b.NextUInt64();
        b.NextUInt64();
        b.NextUInt64();
        Assert.Equal(b.NextUInt64(), a.NextUInt64());
    }
}

using System.Numerics;
using OneSeed.Engines;

namespace OneSeed.Tests.Engines;

/// <summary>
/// The tests both NumPy PCG variants share (<see cref="Pcg64Tests"/>, <see cref="Pcg64DxsmTests"/>): the engines have
/// the same API and state type, and differ only in their step and output function.
/// </summary>
public abstract class Pcg64VariantTests<TEngine>
    where TEngine : BitGenerator
{
    /// <summary>NumPy's class name (the state's <c>bit_generator</c>).</summary>
    protected abstract string Name { get; }

    /// <summary>The other variant's name, whose states this one must refuse.</summary>
    protected abstract string OtherName { get; }

    protected abstract TEngine Create(BigInteger seed);

    protected abstract TEngine Create(Pcg64State state);

    protected abstract Pcg64State GetState(TEngine engine);

    protected abstract void SetState(TEngine engine, Pcg64State state);

    protected abstract void Advance(TEngine engine, BigInteger delta);

    protected abstract TEngine Jumped(TEngine engine, int jumps);

    [Fact]
    public void Golden_vectors_match_numpy() => EngineHarness.CheckGolden(Name);

    [Fact]
    public void Live_random_seeds_and_op_sequences_match_numpy() => EngineHarness.CheckLive(Name, 300);

    [Fact]
    public void Live_state_json_from_csharp_continues_in_numpy() => EngineHarness.CheckCSharpStateToPython(Name, 200);

    [Fact]
    public void Fill_matches_scalar_draws() => EngineHarness.CheckFillMatchesScalar(() => Create(20240601));

    [Fact]
    public void ToString_does_not_print_state() => Assert.Equal(typeof(TEngine).Name, Create(1).ToString());

    [Fact]
    public void Bad_state_is_refused_and_the_engine_is_unchanged()
    {
        TEngine engine = Create(5);
        engine.NextUInt32();
        string before = engine.GetStateJson();
        Assert.Contains("odd", Assert.Throws<ArgumentException>(() => new Pcg64State(UInt128.One, new UInt128(0, 2))).Message, StringComparison.Ordinal);
        string good = "{\"bit_generator\":\"" + Name + "\",\"state\":{\"state\":STATE,\"inc\":INC},\"has_uint32\":HAS,\"uinteger\":UINT}";
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
            Make().Replace($"\"{Name}\"", $"\"{OtherName}\"", StringComparison.Ordinal),
            Make().Replace("\"inc\"", "\"increment\"", StringComparison.Ordinal),
            "[1,2]",
            "{not json",
            before.Replace("\"oneseed_state_version\":1", "\"oneseed_state_version\":2", StringComparison.Ordinal),
        })
        {
            Assert.Throws<FormatException>(() => engine.SetStateJson(bad));
            Assert.Equal(before, engine.GetStateJson());
        }

        Assert.Throws<ArgumentNullException>(() => SetState(engine, null!));
        Assert.Throws<ArgumentException>(() => Pcg64State.FromJson(Make(), "MT19937"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Jumped(engine, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(BigInteger.MinusOne));
        Assert.Equal(before, engine.GetStateJson());

        // The largest valid values load and a state written by C# reads back equal.
        string max = (BigInteger.One << 128) - 1 + "";
        engine.SetStateJson(Make(state: max, inc: max, has: "1", uinteger: "4294967295"));
        Pcg64State s = GetState(engine);
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
        TEngine engine = Create(77);
        engine.NextUInt32();
        Pcg64State start = GetState(engine);
        Assert.True(start.HasUInt32);
        BigInteger delta = (BigInteger.One << 100) + 12345;
        Advance(engine, delta);
        Advance(engine, -delta);
        Pcg64State end = GetState(engine);
        Assert.Equal(start.State, end.State);
        Assert.Equal(start.Increment, end.Increment);
        Assert.False(end.HasUInt32);
        Assert.Equal(0u, end.BufferedUInt32);

        TEngine a = Create(start);
        TEngine b = Create(start);
        Advance(a, 3);
        b.NextUInt64();
        b.NextUInt64();
        b.NextUInt64();
        Assert.Equal(b.NextUInt64(), a.NextUInt64());
    }
}

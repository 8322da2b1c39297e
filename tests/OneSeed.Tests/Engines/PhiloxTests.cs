using System.Numerics;
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

    [Fact]
    public void Bad_state_is_refused_and_the_engine_is_unchanged()
    {
        var engine = new Philox(5);
        engine.NextUInt32();
        string before = engine.GetStateJson();
        string good = "{\"bit_generator\":\"Philox\",\"state\":{\"counter\":[1,2,3,4],\"key\":[5,6]},\"buffer\":[7,8,9,10],\"buffer_pos\":2,\"has_uint32\":1,\"uinteger\":11}";
        engine.SetStateJson(good);
        PhiloxState loaded = engine.GetState();
        Assert.Equal(new ulong[] { 1, 2, 3, 4 }, loaded.Counter);
        Assert.Equal(new ulong[] { 5, 6 }, loaded.Key);
        Assert.Equal(new ulong[] { 7, 8, 9, 10 }, loaded.Buffer);
        Assert.Equal(2, loaded.BufferPosition);
        Assert.True(loaded.HasUInt32);
        Assert.Equal(11u, loaded.BufferedUInt32);
        Assert.Equal(1, loaded.Version);
        Assert.Equal(11u, engine.NextUInt32());
        Assert.Equal(9ul, engine.NextUInt64());
        Assert.Equal(10ul, engine.NextUInt64());
        engine.SetStateJson(before);

        foreach (string bad in new[]
        {
            good.Replace("\"buffer_pos\":2", "\"buffer_pos\":5", StringComparison.Ordinal),
            good.Replace("\"buffer_pos\":2", "\"buffer_pos\":-1", StringComparison.Ordinal),
            good.Replace("[1,2,3,4]", "[1,2,3]", StringComparison.Ordinal),
            good.Replace("[5,6]", "[5,6,7]", StringComparison.Ordinal),
            good.Replace("[5,6]", "[5,-6]", StringComparison.Ordinal),
            good.Replace("[5,6]", "[5,18446744073709551616]", StringComparison.Ordinal),
            good.Replace("[7,8,9,10]", "[7,8,9]", StringComparison.Ordinal),
            good.Replace("[7,8,9,10]", "7", StringComparison.Ordinal),
            good.Replace("\"has_uint32\":1", "\"has_uint32\":3", StringComparison.Ordinal),
            good.Replace("\"uinteger\":11", "\"uinteger\":4294967296", StringComparison.Ordinal),
            good.Replace(",\"buffer\":[7,8,9,10]", string.Empty, StringComparison.Ordinal),
            good.Replace("Philox", "SFC64", StringComparison.Ordinal),
            "{not json",
        })
        {
            Assert.Throws<FormatException>(() => engine.SetStateJson(bad));
            Assert.Equal(before, engine.GetStateJson());
        }

        Assert.Throws<ArgumentException>(() => new PhiloxState(new ulong[3], new ulong[2], new ulong[4], 4));
        Assert.Throws<ArgumentException>(() => new PhiloxState(new ulong[4], new ulong[1], new ulong[4], 4));
        Assert.Throws<ArgumentException>(() => new PhiloxState(new ulong[4], new ulong[2], new ulong[5], 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PhiloxState(new ulong[4], new ulong[2], new ulong[4], 5));
        Assert.Throws<ArgumentNullException>(() => engine.SetState(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.Jumped(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Philox.FromKey(BigInteger.One << 128, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Philox.FromKey(BigInteger.MinusOne, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Philox.FromKey(0, BigInteger.One << 256));
        Assert.Throws<ArgumentException>(() => Philox.FromKey(1, 2, new ulong[3]));
        Assert.Equal(before, engine.GetStateJson());
        Assert.Equal("PhiloxState", engine.GetState().ToString());
    }

    [Fact]
    public void Advance_wraps_the_256_bit_counter_and_clears_the_buffers()
    {
        Philox engine = Philox.FromKey(1, 2, [ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue]);
        engine.NextUInt32();
        engine.Advance(1);
        PhiloxState s = engine.GetState();
        Assert.Equal(new ulong[] { 1, 0, 0, 0 }, s.Counter);
        Assert.Equal(PhiloxState.BufferSize, s.BufferPosition);
        Assert.Equal(new ulong[4], s.Buffer);
        Assert.False(s.HasUInt32);
        engine.Advance(-2);
        Assert.Equal(new ulong[] { ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue }, engine.GetState().Counter);

        // One counter step is one block of four outputs.
        Philox a = Philox.FromKey(3, 4);
        Philox b = Philox.FromKey(3, 4);
        a.Advance(2);
        for (int i = 0; i < 8; i++)
        {
            b.NextUInt64();
        }

        Assert.Equal(b.NextUInt64(), a.NextUInt64());
        // A jump is 2^128 counter steps: the third counter word.
        Philox origin = Philox.FromKey(0, 0);
        Assert.Equal(new ulong[] { 0, 0, 1, 0 }, origin.Jumped().GetState().Counter);
        Assert.Equal(new ulong[] { 0, 0, 3, 0 }, origin.Jumped(3).GetState().Counter);
        Assert.Equal(new ulong[4], origin.GetState().Counter);
    }
}

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

    /// <summary>
    /// Counters whose low words are about to wrap, so the 256-bit increment carries inside a vector group or at the
    /// scalar block beside them (AVX2: 8 + 1 blocks, AVX-512: 16 + 1, its leftover through AVX2), first or later iteration.
    /// </summary>
    private static readonly ulong[][] CarryingCounters =
    [
        [0, 0, 0, 0],
        [ulong.MaxValue - 2, 0, 0, 0],
        [ulong.MaxValue - 5, 7, 0, 0],
        [ulong.MaxValue - 9, ulong.MaxValue, 3, 0],
        [ulong.MaxValue - 16, 4, 0, 0],
        [ulong.MaxValue - 17, 11, 0, 0],
        [ulong.MaxValue - 25, ulong.MaxValue, 9, 0],
        [ulong.MaxValue - 30, ulong.MaxValue, 0, 2],
        [ulong.MaxValue - 33, 0, ulong.MaxValue, 1],
        [ulong.MaxValue - 1, ulong.MaxValue, ulong.MaxValue, 5],
        [ulong.MaxValue - 3, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue],
        [ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue],
    ];

    [Fact]
    public void Vector_blocks_match_scalar_blocks_including_counter_carries()
    {
        var random = new Random(7);
        var counters = CarryingCounters.ToList();
        for (int n = 0; n < 20; n++)
        {
            counters.Add([(ulong)random.NextInt64() * 3, (ulong)random.NextInt64(), (ulong)random.NextInt64() << 1, (ulong)random.NextInt64()]);
        }

        foreach (ulong[] c in counters)
        {
            foreach (int blocks in new[] { 1, 7, 8, 9, 16, 17, 26, 27, 32, 34, 35, 43, 49, 51 })
            {
                ulong k0 = (ulong)random.NextInt64() << 1, k1 = (ulong)random.NextInt64() ^ ulong.MaxValue;
                var vectorCounter = new Philox.Counter(c[0], c[1], c[2], c[3]);
                var scalarCounter = vectorCounter;
                ulong[] vector = new ulong[4 * blocks];
                ulong[] scalar = new ulong[4 * blocks];
                Philox.GenerateBlocks<RawWords>(ref vectorCounter, k0, k1, vector);
                Philox.GenerateBlocksScalar<RawWords>(ref scalarCounter, k0, k1, scalar);
                Assert.Equal(scalar, vector);
                Assert.Equal(scalarCounter, vectorCounter);

                // And both are the engine's own draws from that key and counter.
                Philox engine = Philox.FromKey(k0, k1, c);
                Assert.Equal(scalar, Enumerable.Range(0, scalar.Length).Select(_ => engine.NextUInt64()).ToArray());
                Assert.Equal(engine.GetState().Counter, new[] { scalarCounter.C0, scalarCounter.C1, scalarCounter.C2, scalarCounter.C3 });

                double[] doubles = new double[4 * blocks];
                scalarCounter = new Philox.Counter(c[0], c[1], c[2], c[3]);
                Philox.GenerateBlocks<UnitDoubleBits>(ref scalarCounter, k0, k1, System.Runtime.InteropServices.MemoryMarshal.Cast<double, ulong>(doubles.AsSpan()));
                Assert.Equal(scalar.Select(x => (x >> 11) * (1.0 / 9007199254740992.0)).ToArray(), doubles);
            }
        }
    }

    [Fact]
    public void Long_fills_match_scalar_draws_from_every_buffer_position()
    {
        foreach (int length in new[] { 31, 32, 33, 35, 36, 4099, 100_003 })
        {
            // Skip 0..4 words (every buffer position), with and without a buffered 32-bit half, near a counter carry too.
            for (int start = 0; start < 10; start++)
            {
                Philox Create() => start < 5 ? new Philox(99 + length) : Philox.FromKey(5, 6, [ulong.MaxValue - 11, ulong.MaxValue, 0, 0]);
                void Skip(Philox e)
                {
                    for (int s = 0; s < start % 5; s++)
                    {
                        e.NextUInt64();
                    }

                    if (length % 2 == 1)
                    {
                        e.NextUInt32();
                    }
                }

                Philox a = Create(), b = Create();
                Skip(a);
                Skip(b);
                ulong[] words = new ulong[length];
                a.Fill(words);
                Assert.Equal(Enumerable.Range(0, length).Select(_ => b.NextUInt64()).ToArray(), words);
                Assert.Equal(b.GetStateJson(), a.GetStateJson());

                double[] doubles = new double[length];
                a.Fill(doubles);
                Assert.Equal(Enumerable.Range(0, length).Select(_ => b.NextDouble()).ToArray(), doubles);
                Assert.Equal(b.GetStateJson(), a.GetStateJson());

                uint[] halves = new uint[length];
                a.Fill(halves.AsSpan(0, length));
                Assert.Equal(Enumerable.Range(0, length).Select(_ => b.NextUInt32()).ToArray(), halves);
                Assert.Equal(b.GetStateJson(), a.GetStateJson());
            }
        }
    }
}

using System.Text.Json.Nodes;
using OneSeed.Engines;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Engines;

public sealed class Mt19937Tests
{
    [Fact]
    public void Golden_vectors_match_numpy()
    {
        foreach (JsonNode? c in PythonOracle.LoadGolden("mt19937.json")["cases"]!.AsArray())
        {
            Check(c!, c!, $"golden {c!["label"]}", 1300);
        }
    }

    [Fact]
    public void Live_seedsequence_and_legacy_seeding_match_numpy()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        for (int i = 0; i < 200; i++)
        {
            var c = new JsonObject { ["n"] = seeds.Int(1, 1400) };
            switch (seeds.Int(0, 3))
            {
                case 0:
                    c["kind"] = "seedseq";
                    c["seed"] = JsonAssert.Big(seeds.BigSeed());
                    break;
                case 1:
                    c["kind"] = "legacy_int";
                    c["seed"] = seeds.UInt32();
                    break;
                default:
                    // NumPy squeezes a one-word array to an integer seed (init_genrand), so keys start at two words.
                    c["kind"] = "legacy_array";
                    c["key"] = new JsonArray(Enumerable.Range(0, seeds.Int(2, 800)).Select(_ => (JsonNode)seeds.UInt32()).ToArray());
                    break;
            }

            cases.Add(c);
        }

        JsonArray results = PythonOracle.Run("seed_sequence.py", new JsonObject { ["op"] = "mt19937", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        for (int i = 0; i < cases.Count; i++)
        {
            Check(cases[i]!, results[i]!, $"case {i} ({cases[i]!["kind"]}) {seeds.Replay}", (int)cases[i]!["n"]!);
        }
    }

    [Fact]
    public void Fill_matches_scalar_draws_across_twists()
    {
        var a = new Mt19937(123);
        var b = new Mt19937(123);
        uint[] bulk = new uint[2000];
        a.Fill(bulk.AsSpan(0, 7));
        a.Fill(bulk.AsSpan(7));
        Assert.Equal(Enumerable.Range(0, 2000).Select(_ => b.NextUInt32()), bulk);
    }

    [Fact]
    public void Vectorised_twist_equals_the_scalar_twist()
    {
        var random = new Random(20251125);
        for (int trial = 0; trial < 200; trial++)
        {
            uint[] scalar = new uint[Mt19937.StateLength];
            for (int i = 0; i < scalar.Length; i++)
            {
                scalar[i] = (uint)random.NextInt64(0, 1L << 32);
            }

            uint[] vectorised = (uint[])scalar.Clone();
            // Several twists in a row, so later ones start from twisted (not just random) states.
            for (int t = 0; t < 3; t++)
            {
                Mt19937.TwistScalar(scalar);
                Mt19937.TwistVectorised(vectorised);
                Assert.Equal(scalar, vectorised);
            }
        }
    }

    [Fact]
    public void Bulk_fills_match_scalar_draws_from_every_position_near_the_twist()
    {
        // Every start position in the first and last 24 words of a block, and lengths that end on either side of
        // the vector width and of the next twist; the final state must match too.
        int[] starts = [.. Enumerable.Range(0, 24), .. Enumerable.Range(Mt19937.StateLength - 24, 25)];
        int[] lengths = [1, 3, 4, 5, 8, 9, 311, 312, 313, 624, 1250];
        foreach (int start in starts)
        {
            foreach (int length in lengths)
            {
                CheckFill<ulong>(start, length, (e, s) => e.Fill(s), e => e.NextUInt64());
                CheckFill<double>(start, length, (e, s) => e.Fill(s), e => e.NextDouble());
                CheckFill<uint>(start, length, (e, s) => e.Fill(s), e => e.NextUInt32());
            }
        }
    }

    private static void CheckFill<T>(int start, int length, Action<Mt19937, Span<T>> bulk, Func<Mt19937, T> scalar)
        where T : unmanaged
    {
        Mt19937 a = Mt19937.CreateLegacy(5489);
        Mt19937 b = Mt19937.CreateLegacy(5489);
        a.NextUInt32();
        b.NextUInt32();
        Mt19937State state = a.GetState();
        a.SetState(new Mt19937State(state.Key.ToArray(), start));
        b.SetState(new Mt19937State(state.Key.ToArray(), start));
        T[] bulkValues = new T[length];
        bulk(a, bulkValues);
        T[] expected = Enumerable.Range(0, length).Select(_ => scalar(b)).ToArray();
        Assert.True(
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(expected.AsSpan()).SequenceEqual(System.Runtime.InteropServices.MemoryMarshal.AsBytes(bulkValues.AsSpan())),
            $"{typeof(T).Name} from position {start}, length {length}");
        Assert.Equal(b.GetStateJson(), a.GetStateJson());
    }

    [Fact]
    public void State_round_trips_through_json_and_continues_the_stream()
    {
        var engine = new Mt19937(99);
        for (int i = 0; i < 700; i++)
        {
            engine.NextUInt32();
        }

        string json = engine.GetStateJson();
        var copy = new Mt19937(1);
        copy.SetStateJson(json);
        Assert.Equal(Enumerable.Range(0, 1000).Select(_ => engine.NextUInt64()), Enumerable.Range(0, 1000).Select(_ => copy.NextUInt64()));
    }

    [Fact]
    public void Bad_state_is_refused_and_the_engine_is_unchanged()
    {
        var engine = new Mt19937(5);
        string before = engine.GetStateJson();
        uint[] key = new uint[624];
        Assert.Contains("zero", Assert.Throws<ArgumentException>(() => engine.SetState(new Mt19937State(key, 0))).Message, StringComparison.Ordinal);
        key[0] = 0x7fffffff; // only the low 31 bits: still degenerate
        Assert.Throws<ArgumentException>(() => new Mt19937State(key, 624));
        Assert.Throws<ArgumentException>(() => new Mt19937State(new uint[623], 0));
        key[5] = 1;
        Assert.Throws<ArgumentOutOfRangeException>(() => new Mt19937State(key, 625));
        Assert.Throws<FormatException>(() => engine.SetStateJson("{\"bit_generator\":\"PCG64\",\"state\":{}}"));
        Assert.Throws<FormatException>(() => engine.SetStateJson("{not json"));
        Assert.Throws<FormatException>(() => engine.SetStateJson(before.Replace("\"pos\":624", "\"pos\":625", StringComparison.Ordinal).Replace("\"pos\":623", "\"pos\":625", StringComparison.Ordinal)));
        Assert.Throws<FormatException>(() => engine.SetStateJson(before.Replace("\"oneseed_state_version\":1", "\"oneseed_state_version\":2", StringComparison.Ordinal)));
        Assert.Equal(before, engine.GetStateJson());
    }

    private static void Check(JsonNode c, JsonNode expected, string context, int n)
    {
        Mt19937 engine = Create(c);
        JsonAssert.Equal(JsonAssert.UInt32s(expected["u32"]), Enumerable.Range(0, n).Select(_ => engine.NextUInt32()).ToArray(), context + " u32");
        ulong[] u64 = JsonAssert.UInt64s(expected["u64"]);
        JsonAssert.Equal(u64, u64.Select(_ => engine.NextUInt64()).ToArray(), context + " u64");
        double[] f64 = JsonAssert.DoubleBits(expected["f64"]);
        JsonAssert.Equal(f64, f64.Select(_ => engine.NextDouble()).ToArray(), context + " f64");
    }

    private static Mt19937 Create(JsonNode c) => (string)c["kind"]! switch
    {
        "seedseq" => new Mt19937(JsonAssert.ToBig(c["seed"])),
        "legacy_int" => Mt19937.CreateLegacy((uint)c["seed"]!),
        _ => Mt19937.CreateLegacy(JsonAssert.UInt32s(c["key"])),
    };
}

using System.Diagnostics;
using System.Numerics;
using System.Text.Json.Nodes;
using OneSeed.Engines;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Engines;

public sealed class Mt19937JumpTests
{
    [Fact]
    public void Golden_vectors_match_numpy()
    {
        foreach (JsonNode? c in PythonOracle.LoadGolden("mt19937_jump.json")["cases"]!.AsArray())
        {
            string context = $"golden {c!["label"]}";
            Mt19937 jumped = Prepare(c).Jumped((int)c["jumps"]!);
            Assert.True((int)c["pos"]! == jumped.GetState().Position, $"{context}: pos");
            uint[] expected = JsonAssert.UInt32s(c["u32"]);
            JsonAssert.Equal(expected, expected.Select(_ => jumped.NextUInt32()).ToArray(), context);
        }
    }

    [Fact]
    public void Live_jumps_match_numpy()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        for (int i = 0; i < 200; i++)
        {
            bool legacy = seeds.Bool();
            BigInteger seed = legacy ? seeds.UInt32() : seeds.BigSeed();

            // Bias the pre-jump draws toward the positions that matter: fresh (623/624), just before and after twists.
            int pre = seeds.Int(0, 4) switch
            {
                0 => 0,
                1 => seeds.Pick([1, 622, 623, 624, 625, 1247, 1248, 1249]),
                _ => seeds.Int(0, 2000),
            };
            cases.Add(new JsonObject
            {
                ["seed"] = JsonAssert.Big(seed),
                ["legacy"] = legacy,
                ["pre"] = pre,
                ["jumps"] = seeds.Int(0, 5),
                ["n"] = seeds.Int(1, 1300),
            });
        }

        JsonArray results = PythonOracle.Run("mt19937_jump.py", new JsonObject { ["op"] = "jumped", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        for (int i = 0; i < cases.Count; i++)
        {
            JsonNode c = cases[i]!;
            JsonNode r = results[i]!;
            string context = $"case {i} (seed {c["seed"]}, legacy {c["legacy"]}, pre {c["pre"]}, jumps {c["jumps"]}) {seeds.Replay}";
            Mt19937 original = Prepare(c);
            string before = original.GetStateJson();
            Mt19937 jumped = original.Jumped((int)c["jumps"]!);
            Assert.True(before == original.GetStateJson(), $"{context}: the original engine changed");
            Mt19937State state = jumped.GetState();
            Assert.True((int)r["pos"]! == state.Position, $"{context}: pos {state.Position}, NumPy {r["pos"]}");
            JsonAssert.Equal(JsonAssert.UInt32s(r["key"]), state.Key, context + " key");
            uint[] expected = JsonAssert.UInt32s(r["u32"]);
            JsonAssert.Equal(expected, expected.Select(_ => jumped.NextUInt32()).ToArray(), context + " u32");
        }
    }

    [Fact]
    public void Jumping_twice_once_each_equals_jumping_two()
    {
        var engine = new Mt19937(2024);
        engine.NextUInt32();
        Assert.Equal(engine.Jumped(2).GetStateJson(), engine.Jumped().Jumped().GetStateJson());
        Assert.Equal(engine.GetStateJson(), engine.Jumped(0).GetStateJson());
    }

    [Fact]
    public void Negative_jumps_are_refused()
    {
        var engine = new Mt19937(1);
        string before = engine.GetStateJson();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => engine.Jumped(-1));
        Assert.Equal("jumps", e.ParamName);
        Assert.Equal(before, engine.GetStateJson());
    }

    [Fact]
    public void A_jump_is_fast()
    {
        var engine = new Mt19937(7);
        engine.Jumped(); // warm up the JIT
        var watch = Stopwatch.StartNew();
        engine.Jumped(10);
        Assert.True(watch.ElapsedMilliseconds < 2000, $"10 jumps took {watch.ElapsedMilliseconds} ms");
    }

    private static Mt19937 Prepare(JsonNode c)
    {
        BigInteger seed = JsonAssert.ToBig(c["seed"]);
        Mt19937 engine = (bool)c["legacy"]! ? Mt19937.CreateLegacy((uint)seed) : new Mt19937(seed);
        for (int i = 0; i < (int)c["pre"]!; i++)
        {
            engine.NextUInt32();
        }

        return engine;
    }
}

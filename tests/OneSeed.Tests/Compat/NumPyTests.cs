using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Engines;
using OneSeed.Seeding;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Compat;

public sealed class NumPyTests
{
    [Fact]
    public void DefaultRng_42_gives_numpys_documented_integers()
    {
        // Checked on this machine: np.random.default_rng(42).integers(0, 10, 4) -> [0, 7, 6, 4] (shared/reference notes).
        Assert.Equal([0L, 7, 6, 4], NumPy.DefaultRng(42).Integers(0, 10, 4));
    }

    [Fact]
    public void Live_default_rng_matches_numpy_for_every_seed_form()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        for (int i = 0; i < 200; i++)
        {
            var c = new JsonObject { ["n"] = seeds.Int(1, 50) };
            if (seeds.Int(0, 3) == 0)
            {
                c["words"] = new JsonArray(Enumerable.Range(0, seeds.Int(1, 6)).Select(_ => (JsonNode)seeds.UInt32()).ToArray());
            }
            else
            {
                c["seed"] = JsonAssert.Big(seeds.BigSeed(200));
            }

            cases.Add(c);
        }

        JsonArray results = PythonOracle.Run("default_rng.py", new JsonObject { ["op"] = "default_rng", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        for (int i = 0; i < cases.Count; i++)
        {
            JsonNode c = cases[i]!;
            NumPyGenerator rng = c["words"] is JsonArray words ? NumPy.DefaultRng(JsonAssert.UInt32s(words)) : NumPy.DefaultRng(JsonAssert.ToBig(c["seed"]));
            int n = (int)c["n"]!;
            string context = $"case {c.ToJsonString()} {seeds.Replay}";
            JsonAssert.Equal(JsonAssert.DoubleBits(results[i]!["random"]), rng.Random(n), context + " random");
            JsonAssert.Equal(JsonAssert.Int64s(results[i]!["integers"]), rng.Integers(-5, 1000, n), context + " integers");
            JsonAssert.Equal(JsonAssert.DoubleBits(results[i]!["normal"]), rng.StandardNormal(n), context + " standard_normal");
        }
    }

    [Fact]
    public void Other_seed_forms_are_the_same_engine_and_seeding()
    {
        Assert.Equal(NumPy.DefaultRng(7).Random(5), NumPy.DefaultRng(new SeedSequence(7)).Random(5));
        var engine = new Pcg64(7);
        NumPyGenerator wrapped = NumPy.DefaultRng(engine);
        Assert.Same(engine, wrapped.BitGenerator);
        Assert.NotEqual(NumPy.DefaultRng().Random(4), NumPy.DefaultRng().Random(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => NumPy.DefaultRng(-1));
        Assert.Throws<ArgumentNullException>(() => NumPy.DefaultRng((SeedSequence)null!));
    }
}

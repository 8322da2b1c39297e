using System.Numerics;
using System.Text.Json.Nodes;
using OneSeed.Seeding;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Seeding;

public sealed class SeedSequenceTests
{
    [Fact]
    public void Golden_vectors_match_numpy()
    {
        JsonNode golden = PythonOracle.LoadGolden("seed_sequence.json");
        foreach (JsonNode? c in golden["cases"]!.AsArray())
        {
            SeedSequence seq = Build(c!);
            string context = $"golden {c!["label"]}";
            JsonAssert.Equal(JsonAssert.UInt32s(c["pool"]), seq.Pool, context + " pool");
            int words = (int)c["words"]!;
            JsonAssert.Equal(JsonAssert.UInt32s(c["state32"]), seq.GenerateState(words), context + " state32");
            JsonAssert.Equal(JsonAssert.UInt64s(c["state64"]), seq.GenerateState64(words), context + " state64");
        }
    }

    [Fact]
    public void Live_fresh_entropy_spawn_keys_and_pool_sizes_match_numpy()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        for (int i = 0; i < 300; i++)
        {
            var c = new JsonObject { ["words"] = seeds.Int(0, 12), ["children"] = seeds.Int(0, 4) };
            if (seeds.Int(0, 4) == 0)
            {
                c["entropy_words"] = new JsonArray(Enumerable.Range(0, seeds.Int(0, 9)).Select(_ => (JsonNode)seeds.UInt32()).ToArray());
                c["entropy"] = 0;
            }
            else
            {
                c["entropy"] = JsonAssert.Big(seeds.BigSeed(300));
            }

            if (seeds.Bool())
            {
                c["spawn_key"] = new JsonArray(Enumerable.Range(0, seeds.Int(1, 4)).Select(_ => JsonAssert.Big(seeds.BigSeed(70))).ToArray());
            }

            if (seeds.Int(0, 4) == 0)
            {
                c["pool_size"] = seeds.Int(4, 10);
            }

            cases.Add(c);
        }

        JsonArray results = PythonOracle.Run("seed_sequence.py", new JsonObject { ["op"] = "generate", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        for (int i = 0; i < cases.Count; i++)
        {
            JsonNode c = cases[i]!;
            JsonNode r = results[i]!;
            string context = $"case {c.ToJsonString()} {seeds.Replay}";
            SeedSequence seq = Build(c);
            int words = (int)c["words"]!;
            JsonAssert.Equal(JsonAssert.UInt32s(r["pool"]), seq.Pool, context + " pool");
            JsonAssert.Equal(JsonAssert.UInt32s(r["state32"]), seq.GenerateState(words), context + " state32");
            JsonAssert.Equal(JsonAssert.UInt64s(r["state64"]), seq.GenerateState64(words), context + " state64");
            SeedSequence[] children = seq.Spawn((int)c["children"]!);
            JsonArray expectedChildren = r["children"]!.AsArray();
            Assert.Equal(expectedChildren.Count, children.Length);
            for (int k = 0; k < children.Length; k++)
            {
                JsonAssert.Equal(JsonAssert.UInt32s(expectedChildren[k]!["state32"]), children[k].GenerateState(4), $"{context} child {k}");
                Assert.Equal(expectedChildren[k]!["spawn_key"]!.AsArray().Select(JsonAssert.ToBig), children[k].SpawnKey);
            }
        }
    }

    [Fact]
    public void Spawn_continues_numbering_and_CreateChild_does_not_count()
    {
        var root = new SeedSequence(7);
        SeedSequence first = root.Spawn(2)[1];
        SeedSequence viaChild = root.CreateChild(1);
        SeedSequence third = root.Spawn(1)[0];
        Assert.Equal(first.GenerateState(8), viaChild.GenerateState(8));
        Assert.Equal([new BigInteger(2)], third.SpawnKey);
        Assert.Equal(3, root.ChildrenSpawned);
    }

    [Fact]
    public void Bad_arguments_are_refused_with_the_allowed_range()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SeedSequence(BigInteger.MinusOne));
        Assert.Contains("non-negative", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => new SeedSequence(1, poolSize: 3));
        Assert.Contains("at least 4", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SeedSequence(1, [BigInteger.MinusOne]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SeedSequence(1).GenerateState(-1));
    }

    [Fact]
    public void Fresh_sequences_differ_and_report_their_entropy()
    {
        var a = new SeedSequence();
        var b = new SeedSequence();
        Assert.NotEqual(a.Entropy, b.Entropy);
        Assert.Equal(new SeedSequence(a.Entropy).GenerateState(4), a.GenerateState(4));
        Assert.DoesNotContain(string.Join(",", a.Pool), a.ToString(), StringComparison.Ordinal);
    }

    internal static SeedSequence Build(JsonNode c)
    {
        IEnumerable<BigInteger>? spawnKey = c["spawn_key"]?.AsArray().Select(n => JsonAssert.ToBig(n)).ToArray();
        int poolSize = c["pool_size"] is { } p ? (int)p : SeedSequence.DefaultPoolSize;
        return c["entropy_words"] is JsonArray words
            ? new SeedSequence(JsonAssert.UInt32s(words), spawnKey, poolSize)
            : new SeedSequence(JsonAssert.ToBig(c["entropy"]), spawnKey, poolSize);
    }
}

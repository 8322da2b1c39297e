using System.Text.Json.Nodes;
using OneSeed.Seeding;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Seeding;

public sealed class StableHashTests
{
    // Whole text elements (the emoji is a surrogate pair), so names are valid UTF-16 and hash identically in Python.
    private static readonly string[] Alphabet = ["a", "b", "X", "Z", "0", "9", " ", "_", "-", ".", "/", ":", "é", "漢", "字", "🙂", "\u0000", "\t"];

    [Fact]
    public void Hash_bucket_and_named_derivation_match_the_documented_python_recipe()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        var names = new List<string>();
        for (int i = 0; i < 300; i++)
        {
            string name = i == 0 ? string.Empty : string.Concat(Enumerable.Range(0, seeds.Int(1, 24)).Select(_ => seeds.Pick(Alphabet)));
            names.Add(name);
            var c = new JsonObject
            {
                ["entropy"] = JsonAssert.Big(seeds.BigSeed(128)),
                ["name"] = name,
                ["keys"] = new JsonArray(Enumerable.Range(0, seeds.Int(0, 4)).Select(_ => (JsonNode)seeds.Int64(0, long.MaxValue)).ToArray()),
                ["buckets"] = seeds.Int(1, 1000),
            };
            if (seeds.Bool())
            {
                c["spawn_key"] = new JsonArray(seeds.Int(0, 5), seeds.Int(0, 5));
            }

            cases.Add(c);
        }

        JsonArray results = PythonOracle.Run("seed_sequence.py", new JsonObject { ["op"] = "derive", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        for (int i = 0; i < cases.Count; i++)
        {
            JsonNode c = cases[i]!;
            JsonNode r = results[i]!;
            string context = $"name '{names[i]}' {seeds.Replay}";
            Assert.True((ulong)r["hash"]! == StableHash.Hash64(names[i]), context);
            Assert.True((int)r["bucket"]! == StableHash.Bucket(names[i], (int)c["buckets"]!), context);
            var parent = new SeedSequence(JsonAssert.ToBig(c["entropy"]), c["spawn_key"]?.AsArray().Select(JsonAssert.ToBig));
            SeedSequence derived = parent.Derive(names[i], JsonAssert.Int64s(c["keys"]));
            JsonAssert.Equal(JsonAssert.UInt32s(r["state32"]), derived.GenerateState(8), context);
        }
    }

    [Fact]
    public void Hash_is_fixed_forever()
    {
        // Pinned values: changing the algorithm would silently change every named stream.
        // Produced by: python3 -c 'import hashlib; print(int.from_bytes(hashlib.sha256(b"dropout").digest()[:8], "little"))'
        Assert.Equal(PinnedHash("dropout"), StableHash.Hash64("dropout"));
        Assert.Equal(PinnedHash(string.Empty), StableHash.Hash64(string.Empty));
    }

    [Fact]
    public void Derived_streams_do_not_depend_on_order_or_on_other_streams()
    {
        var root = new SeedSequence(2024);
        uint[] a1 = root.Derive("augment", 3).GenerateState(4);
        root.Spawn(5);
        uint[] b = root.Derive("dropout").GenerateState(4);
        uint[] a2 = new SeedSequence(2024).Derive("augment", 3).GenerateState(4);
        Assert.Equal(a1, a2);
        Assert.NotEqual(a1, b);
        Assert.NotEqual(root.Derive("augment", 3).GenerateState(4), root.Derive("augment", 4).GenerateState(4));
        Assert.NotEqual(root.Derive("augment").GenerateState(4), root.CreateChild(SeedSequence.DerivationTag).GenerateState(4));
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        var root = new SeedSequence(1);
        Assert.Contains("keys[1] is -2", Assert.Throws<ArgumentOutOfRangeException>(() => root.Derive("x", 1, -2)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => root.Derive(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => StableHash.Bucket("x", 0));
    }

    private static ulong PinnedHash(string text)
    {
        JsonNode golden = PythonOracle.LoadGolden("stable_hash.json");
        return (ulong)golden["hashes"]![text]!;
    }
}

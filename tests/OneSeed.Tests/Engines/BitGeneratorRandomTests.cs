using System.Text.Json.Nodes;
using OneSeed.Engines;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Engines;

public sealed class BitGeneratorRandomTests
{
    [Fact]
    public void Live_draws_follow_the_documented_algorithms()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        for (int i = 0; i < 200; i++)
        {
            var ops = new JsonArray();
            for (int j = seeds.Int(1, 40); j > 0; j--)
            {
                switch (seeds.Int(0, 6))
                {
                    case 0:
                        ops.Add(new JsonArray("double"));
                        break;
                    case 1:
                        ops.Add(new JsonArray("bytes", seeds.Int(0, 20)));
                        break;
                    case 2:
                        int lo = seeds.Int(int.MinValue, int.MaxValue);
                        ops.Add(new JsonArray("range", (long)lo, (long)seeds.Int(lo, int.MaxValue)));
                        break;
                    default:
                        long low = seeds.Bool() ? 0 : seeds.Int64(long.MinValue / 2, 0);
                        long high = low + seeds.Pick(new long[] { 1, 2, 3, 1L << 32, (1L << 32) + 1, seeds.Int64(1, long.MaxValue / 2), (1L << 62) + 1 });
                        ops.Add(new JsonArray("range", low, high));
                        break;
                }
            }

            cases.Add(new JsonObject { ["seed"] = seeds.UInt32(), ["ops"] = ops });
        }

        JsonArray results = PythonOracle.Run("system_random_adapter.py", new JsonObject { ["op"] = "run", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        for (int i = 0; i < cases.Count; i++)
        {
            var random = new Mt19937((uint)cases[i]!["seed"]!).AsRandom();
            JsonArray ops = cases[i]!["ops"]!.AsArray();
            for (int j = 0; j < ops.Count; j++)
            {
                JsonNode op = ops[j]!;
                JsonNode expected = results[i]![j]!;
                string context = $"case {i} op {j} {op.ToJsonString()} {seeds.Replay}";
                switch ((string)op[0]!)
                {
                    case "double":
                        Assert.True((ulong)expected == BitConverter.DoubleToUInt64Bits(random.NextDouble()), context);
                        break;
                    case "bytes":
                        byte[] buffer = new byte[(int)op[1]!];
                        random.NextBytes(buffer);
                        Assert.True(expected.AsArray().Select(b => (byte)b!).SequenceEqual(buffer), context);
                        break;
                    default:
                        long low = (long)op[1]!;
                        long high = (long)op[2]!;
                        long actual = low >= int.MinValue && high <= int.MaxValue ? random.Next((int)low, (int)high) : random.NextInt64(low, high);
                        Assert.True((long)expected == actual, $"{context}: expected {expected}, got {actual}");
                        break;
                }
            }
        }
    }

    [Fact]
    public void Same_seed_same_numbers_and_shared_state_with_the_engine()
    {
        Random a = new Mt19937(7).AsRandom();
        Random b = new Mt19937(7).AsRandom();
        Assert.Equal(Enumerable.Range(0, 100).Select(_ => a.Next(1000)), Enumerable.Range(0, 100).Select(_ => b.Next(1000)));

        var engine = new Mt19937(8);
        var adapter = new BitGeneratorRandom(engine);
        var twin = new Mt19937(8);
        adapter.NextDouble();
        twin.NextDouble();
        Assert.Equal(twin.NextUInt64(), engine.NextUInt64());
    }

    [Fact]
    public void Draws_stay_in_range_and_cover_it()
    {
        Random random = new Mt19937(1).AsRandom();
        var seen = new HashSet<int>();
        for (int i = 0; i < 2000; i++)
        {
            int v = random.Next(-3, 4);
            Assert.InRange(v, -3, 3);
            seen.Add(v);
            Assert.InRange(random.Next(), 0, int.MaxValue - 1);
            Assert.InRange(random.NextInt64(), 0, long.MaxValue - 1);
            Assert.InRange(random.NextDouble(), 0.0, 1.0 - 1e-17);
            Assert.InRange(random.NextSingle(), 0f, 0.99999994f);
            Assert.InRange(random.NextInt64(long.MinValue, long.MaxValue), long.MinValue, long.MaxValue - 1);
        }

        Assert.Equal(7, seen.Count);
        Assert.Equal(0, random.Next(0));
        Assert.Equal(5, random.Next(5, 5));
        Assert.Equal(0, random.Next(1));
    }

    [Fact]
    public void Bad_ranges_are_refused_like_System_Random()
    {
        Random random = new Mt19937(1).AsRandom();
        Assert.Throws<ArgumentOutOfRangeException>(() => random.Next(-1));
        Assert.Contains("must not exceed", Assert.Throws<ArgumentOutOfRangeException>(() => random.Next(5, 4)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextInt64(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextInt64(5, 4));
        Assert.Throws<ArgumentNullException>(() => new BitGeneratorRandom(null!));
        Assert.DoesNotContain("key", random.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}

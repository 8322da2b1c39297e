using System.Globalization;
using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Runtime;

[Collection(RuntimeState.Name)]
public sealed class SeedEverythingTests
{
    private static readonly string[] StreamNames = ["a", "b", "augment", "dropout", "épreuve", "漢字", ""];

    [Fact]
    public void Live_everything_matches_random_seed_and_np_random_seed()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        for (int i = 0; i < 300; i++)
        {
            uint seed = i switch
            {
                0 => 0,
                1 => uint.MaxValue,
                2 => 42,
                3 => 1u << 31,
                _ => seeds.Int(0, 3) == 0 ? (uint)seeds.Int(0, 1000) : seeds.UInt32(),
            };
            var streams = new JsonArray();
            for (int s = seeds.Int(0, 3); s > 0; s--)
            {
                var keys = new JsonArray();
                for (int k = seeds.Int(0, 3); k > 0; k--)
                {
                    keys.Add(seeds.Bool() ? (long)seeds.Int(0, 16) : seeds.Int64(0, long.MaxValue));
                }

                streams.Add(new JsonObject { ["name"] = seeds.Pick(StreamNames), ["keys"] = keys, ["n"] = seeds.Int(1, 6) });
            }

            cases.Add(new JsonObject
            {
                ["seed"] = seed,
                ["py_n"] = seeds.Int(0, 700),           // crosses the 624-word twist of CPython's MT19937
                ["py_bits"] = seeds.Int(1, 200),
                ["py_gauss"] = seeds.Int(0, 4),
                ["py_range"] = seeds.Int64(1, long.MaxValue),
                ["np_n"] = seeds.Int(0, 700),
                ["np_high"] = (long)seeds.Int(1, int.MaxValue),
                ["np_normal"] = seeds.Int(0, 6),        // odd counts leave NumPy's Gaussian cache full
                ["global_n"] = seeds.Int(1, 8),
                ["torch_n"] = seeds.Int(0, 40),         // both sides of torch's 16-element vectorized normal path
                ["streams"] = streams,
            });
        }

        JsonArray results = PythonOracle.Run("seed_everything.py", new JsonObject { ["op"] = "everything", ["cases"] = cases })["results"]!.AsArray();
        for (int i = 0; i < cases.Count; i++)
        {
            JsonNode c = cases[i]!;
            JsonNode r = results[i]!;
            uint seed = (uint)c["seed"]!;
            string context = $"case {i} (seed {seed}) {seeds.Replay}";

            // Leave stale state behind (including both Gaussian caches) to prove Everything resets all of it.
            PythonRandom.Shared.Gauss();
            NumPyRandomState.Shared.StandardNormal();
            Seed.Global.NextUInt64();
            foreach (JsonNode? st in c["streams"]!.AsArray())
            {
                Seed.Stream((string)st!["name"]!, JsonAssert.Int64s(st["keys"])).Random();
            }

            Assert.Equal(seed, Seed.Everything(seed));
            Assert.Equal(seed, Seed.Initial);

            JsonAssert.Equal(JsonAssert.DoubleBits(r["py_random"]), [.. Enumerable.Range(0, (int)c["py_n"]!).Select(_ => PythonRandom.Shared.Random())], context + " random()");
            Assert.True((string)r["py_bits"]! == PythonRandom.Shared.GetRandBits((int)c["py_bits"]!).ToString(CultureInfo.InvariantCulture), context + " getrandbits");
            JsonAssert.Equal(JsonAssert.DoubleBits(r["py_gauss"]), [.. Enumerable.Range(0, (int)c["py_gauss"]!).Select(_ => PythonRandom.Shared.Gauss())], context + " gauss");
            Assert.True((long)r["py_randrange"]! == PythonRandom.Shared.RandRange((long)c["py_range"]!), context + " randrange");

            JsonAssert.Equal(JsonAssert.DoubleBits(r["np_random"]), NumPyRandomState.Shared.RandomSample((int)c["np_n"]!), context + " np.random.random_sample");
            JsonAssert.Equal(JsonAssert.Int64s(r["np_randint"]), NumPyRandomState.Shared.RandInt(0, (long)c["np_high"]!, 5), context + " np.random.randint");
            JsonAssert.Equal(JsonAssert.DoubleBits(r["np_normal"]), NumPyRandomState.Shared.StandardNormal((int)c["np_normal"]!), context + " np.random.standard_normal");
            JsonAssert.Equal(JsonAssert.DoubleBits(r["np_after"]), NumPyRandomState.Shared.Rand(3), context + " np.random.rand after normals");

            JsonAssert.Equal(JsonAssert.UInt64s(r["global"]), [.. Enumerable.Range(0, (int)c["global_n"]!).Select(_ => Seed.Global.NextUInt64())], context + " Seed.Global");

            int torchN = (int)c["torch_n"]!;
            JsonAssert.Equal(JsonAssert.UInt32s(r["torch_rand"]), [.. TorchGenerator.Default.Rand(torchN).Select(BitConverter.SingleToUInt32Bits)], context + " torch.rand");
            JsonAssert.Equal(JsonAssert.UInt32s(r["torch_randn"]), [.. TorchGenerator.Default.Randn(torchN).Select(BitConverter.SingleToUInt32Bits)], context + " torch.randn");
            Assert.True((ulong)r["torch_initial_seed"]! == TorchGenerator.Default.InitialSeed, context + " torch.initial_seed()");

            JsonArray streams = c["streams"]!.AsArray();
            for (int s = 0; s < streams.Count; s++)
            {
                JsonNode st = streams[s]!;
                long[] keys = JsonAssert.Int64s(st["keys"]);
                // Same (name, keys) twice in one case would share the live instance; Python makes a fresh one each time.
                if (streams.Take(s).Any(o => (string)o!["name"]! == (string)st["name"]! && JsonAssert.Int64s(o["keys"]).SequenceEqual(keys)))
                {
                    continue;
                }

                JsonAssert.Equal(JsonAssert.DoubleBits(r["streams"]![s]), Seed.Stream((string)st["name"]!, keys).Random((int)st["n"]!), $"{context} stream '{st["name"]}' [{string.Join(",", keys)}]");
            }
        }
    }

    [Fact]
    public void Everything_sets_the_environment_variable_for_child_processes()
    {
        Seed.Everything(123456u);
        Assert.Equal("123456", Environment.GetEnvironmentVariable(Seed.EnvironmentVariable));
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(4294967296L)]
    [InlineData(long.MinValue)]
    public void Everything_refuses_out_of_range_seeds_and_changes_nothing(long seed)
    {
        Seed.Everything(7u);
        double expected = new PythonRandom(7).Random();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Seed.Everything(seed));
        Assert.Contains("0 to 4294967295", e.Message, StringComparison.Ordinal);
        Assert.Equal(7u, Seed.Initial);
        Assert.Equal(expected, PythonRandom.Shared.Random());
    }

    [Fact]
    public void An_int_literal_binds_to_the_uint_overload_and_an_int_variable_to_the_checked_one()
    {
        Assert.Equal(42u, Seed.Everything(42));
        int fromConfig = -3;
        Assert.Throws<ArgumentOutOfRangeException>(() => Seed.Everything(fromConfig));
        Assert.Equal(42u, Seed.Initial);
    }

    [Fact]
    public void Everything_long_overload_accepts_the_whole_range()
    {
        Assert.Equal(uint.MaxValue, Seed.Everything(4294967295L));
        Assert.Equal(0u, Seed.Everything(0L));
    }

    [Theory]
    [InlineData("0", 0u)]
    [InlineData(" 42 ", 42u)]
    [InlineData("+17", 17u)]
    [InlineData("4294967295", uint.MaxValue)]
    [InlineData("000123", 123u)]
    public void ParseSeed_accepts_decimal_integers_in_range(string text, uint expected) =>
        Assert.Equal(expected, Seed.ParseSeed(text));

    [Theory]
    [InlineData("-1")]
    [InlineData("4294967296")]
    [InlineData("99999999999999999999999999")]
    public void ParseSeed_refuses_out_of_range_naming_the_range(string text)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Seed.ParseSeed(text, "ONESEED_SEED"));
        Assert.Contains("0 to 4294967295", e.Message, StringComparison.Ordinal);
        Assert.Contains("ONESEED_SEED", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("0x10")]
    [InlineData("1e3")]
    public void ParseSeed_refuses_non_integers(string text)
    {
        var e = Assert.Throws<FormatException>(() => Seed.ParseSeed(text, "ONESEED_SEED"));
        Assert.Contains("ONESEED_SEED", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Everything_without_a_seed_reads_ONESEED_SEED_in_a_child_process()
    {
        var (code, output, errors) = ChildProcess.Run(new Dictionary<string, string?> { [Seed.EnvironmentVariable] = "31337" }, "everything-env");
        Assert.True(code == 0, output + errors);
        JsonNode result = JsonNode.Parse(output)!;
        Assert.Equal(31337u, (uint)result["seed"]!);
        Assert.Equal(31337u, (uint)result["initial"]!);
        Assert.Equal(BitConverter.DoubleToUInt64Bits(new PythonRandom(31337).Random()), (ulong)result["py"]!);
        Assert.Contains("Seed.Everything(31337)", errors, StringComparison.Ordinal);
        Assert.Contains("ONESEED_SEED", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Everything_without_a_seed_picks_logs_and_exports_a_fresh_one_in_a_child_process()
    {
        var (code, output, errors) = ChildProcess.Run(null, "everything-env");
        Assert.True(code == 0, output + errors);
        JsonNode result = JsonNode.Parse(output)!;
        uint seed = (uint)result["seed"]!;
        Assert.Equal(seed, (uint)result["initial"]!);
        Assert.Equal(seed.ToString(CultureInfo.InvariantCulture), (string)result["env"]!);
        Assert.Equal(BitConverter.DoubleToUInt64Bits(new PythonRandom(seed).Random()), (ulong)result["py"]!);
        Assert.Contains($"Seed.Everything({seed})", errors, StringComparison.Ordinal);
        Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("banana", "FormatException")]
    [InlineData("-5", "ArgumentOutOfRangeException")]
    [InlineData("4294967296", "ArgumentOutOfRangeException")]
    public void Everything_without_a_seed_refuses_a_bad_ONESEED_SEED(string value, string exception)
    {
        var (code, output, errors) = ChildProcess.Run(new Dictionary<string, string?> { [Seed.EnvironmentVariable] = value }, "everything-env");
        Assert.True(code == 2, $"exit {code}: {output} {errors}");
        JsonNode result = JsonNode.Parse(output)!;
        Assert.Equal(exception, (string)result["error"]!);
        Assert.Contains("ONESEED_SEED", (string)result["message"]!, StringComparison.Ordinal);
        Assert.Contains("4294967295", (string)result["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Logger_is_pluggable_and_reports_the_chosen_seed()
    {
        Action<string>? saved = Seed.Logger;
        string? savedEnv = Environment.GetEnvironmentVariable(Seed.EnvironmentVariable);
        var lines = new List<string>();
        try
        {
            Seed.Logger = lines.Add;
            Environment.SetEnvironmentVariable(Seed.EnvironmentVariable, "99");
            Assert.Equal(99u, Seed.Everything());
            Assert.Equal(["OneSeed: Seed.Everything(99) (from ONESEED_SEED)"], lines);
        }
        finally
        {
            Seed.Logger = saved;
            Environment.SetEnvironmentVariable(Seed.EnvironmentVariable, savedEnv);
        }
    }

    [Fact]
    public void Global_is_a_System_Random_reseeded_in_place()
    {
        SynchronizedRandom held = Seed.Global;
        Seed.Everything(5u);
        int[] first = [.. Enumerable.Range(0, 10).Select(_ => held.Next(100))];
        Seed.Everything(5u);
        Random asRandom = Seed.Global;
        Assert.Same(held, asRandom);
        Assert.Equal(first, Enumerable.Range(0, 10).Select(_ => asRandom.Next(100)));
    }
}

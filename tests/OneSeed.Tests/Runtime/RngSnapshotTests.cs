using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Runtime;

[Collection(RuntimeState.Name)]
public sealed class RngSnapshotTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("oneseed-snapshot-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Restore_makes_the_next_draws_identical()
    {
        Seed.Everything(31u);
        _ = ChildProcess.Draws();
        RngSnapshot snapshot = RngSnapshot.Capture();
        string expected = ChildProcess.Draws().ToJsonString();

        Seed.Everything(32u);
        _ = ChildProcess.Draws();
        snapshot.Restore();
        Assert.Equal(31u, Seed.Initial);
        Assert.Equal(expected, ChildProcess.Draws().ToJsonString());
    }

    [Fact]
    public void Json_and_file_round_trips_resume_bit_identically()
    {
        Seed.Everything(33u);
        _ = ChildProcess.Draws();
        RngSnapshot snapshot = RngSnapshot.Capture();
        string path = Path.Combine(_folder, "rng.json");
        File.WriteAllText(path, "an older file that the atomic save replaces");
        snapshot.Save(path);
        string expected = ChildProcess.Draws().ToJsonString();

        Assert.Equal([path], Directory.GetFiles(_folder)); // no temporary file left behind
        RngSnapshot loaded = RngSnapshot.Load(path);
        Assert.Equal(snapshot.ToJson(), loaded.ToJson());
        Assert.Equal(snapshot.SourceNames, loaded.SourceNames);
        Assert.Equal(33u, loaded.RootSeed);

        Seed.Everything(34u);
        loaded.Restore();
        Assert.Equal(expected, ChildProcess.Draws().ToJsonString());

        RngSnapshot.FromJson(snapshot.ToJson()).Restore();
        Assert.Equal(expected, ChildProcess.Draws().ToJsonString());
    }

    [Fact]
    public void Reindented_files_still_load_but_any_value_change_is_refused()
    {
        Seed.Everything(35u);
        string json = RngSnapshot.Capture().ToJson();
        string indented = JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        Assert.Equal(json, RngSnapshot.FromJson(indented).ToJson());

        JsonNode edited = JsonNode.Parse(json)!;
        edited["payload"]!["root_seed"] = 36;
        var e = Assert.Throws<FormatException>(() => RngSnapshot.FromJson(edited.ToJsonString()));
        Assert.Contains("checksum", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_saved_here_resumes_bit_identically_in_another_process()
    {
        Seed.Everything(37u);
        _ = ChildProcess.Draws();
        Seed.Stream("never.drawn.in.child", 5).Random(2);
        string path = Path.Combine(_folder, "parent.json");
        RngSnapshot.Capture().Save(path);
        string expected = ChildProcess.Draws().ToJsonString();

        var (code, output, errors) = ChildProcess.Run(null, "resume", path);
        Assert.True(code == 0, output + errors);
        Assert.Equal(expected, output);
    }

    [Fact]
    public void A_snapshot_saved_in_another_process_resumes_bit_identically_here()
    {
        string path = Path.Combine(_folder, "child.json");
        var (code, output, errors) = ChildProcess.Run(null, "save", "38", path);
        Assert.True(code == 0, output + errors);

        Seed.Everything(39u);
        _ = ChildProcess.Draws();
        RngSnapshot.Load(path).Restore();
        Assert.Equal(38u, Seed.Initial);
        Assert.Equal(output, ChildProcess.Draws().ToJsonString());
    }

    [Fact]
    public void Truncated_and_corrupted_files_are_refused()
    {
        Seed.Everything(40u);
        string path = Path.Combine(_folder, "good.json");
        RngSnapshot.Capture().Save(path);
        byte[] good = File.ReadAllBytes(path);
        var random = new Random(40);
        string bad = Path.Combine(_folder, "bad.json");

        foreach (int length in new[] { 0, 1, good.Length / 2, good.Length - 1 }.Concat(Enumerable.Range(0, 20).Select(_ => random.Next(good.Length))))
        {
            File.WriteAllBytes(bad, good[..length]);
            Assert.Throws<FormatException>(() => RngSnapshot.Load(bad));
        }

        for (int i = 0; i < 200; i++)
        {
            byte[] corrupted = (byte[])good.Clone();
            int at = random.Next(corrupted.Length);
            corrupted[at] ^= (byte)(1 << random.Next(8));
            File.WriteAllBytes(bad, corrupted);
            string context = $"bit flip at byte {at} ('{(char)good[at]}')";
            try
            {
                RngSnapshot loaded = RngSnapshot.Load(bad);
                // A flip can only survive where it changes nothing that matters: white space or the checksum's hex case.
                Assert.True(loaded.ToJson() == RngSnapshot.Load(path).ToJson(), context);
            }
            catch (FormatException)
            {
            }
        }
    }

    [Fact]
    public void Other_versions_and_formats_are_refused()
    {
        Seed.Everything(41u);
        JsonNode node = JsonNode.Parse(RngSnapshot.Capture().ToJson())!;

        node["version"] = 2;
        var e = Assert.Throws<FormatException>(() => RngSnapshot.FromJson(node.ToJsonString()));
        Assert.Contains("version 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("version 1", e.Message, StringComparison.Ordinal);

        node["version"] = 1;
        node["format"] = "something.else";
        Assert.Contains("not a OneSeed RNG snapshot", Assert.Throws<FormatException>(() => RngSnapshot.FromJson(node.ToJsonString())).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => RngSnapshot.FromJson("[1, 2, 3]"));
        Assert.Throws<ArgumentNullException>(() => RngSnapshot.FromJson(null!));
        Assert.Throws<ArgumentException>(() => RngSnapshot.Load(""));
    }

    [Fact]
    public void Unknown_sources_are_refused_at_restore_and_nothing_changes()
    {
        Seed.Everything(42u);
        JsonNode node = JsonNode.Parse(RngSnapshot.Capture().ToJson())!;
        node["payload"]!["sources"]!.AsArray().Add(new JsonObject { ["name"] = "torch.cuda", ["state"] = new JsonObject() });
        RngSnapshot forged = RngSnapshot.FromJson(Resign(node));

        Seed.Everything(43u);
        string expected = Untouched();
        var e = Assert.Throws<InvalidOperationException>(forged.Restore);
        Assert.Contains("torch.cuda", e.Message, StringComparison.Ordinal);
        Assert.Equal(expected, ChildProcess.Draws().ToJsonString());
        Assert.Equal(43u, Seed.Initial);
    }

    [Fact]
    public void A_state_a_source_refuses_is_caught_before_anything_is_restored()
    {
        Seed.Everything(44u);
        JsonNode node = JsonNode.Parse(RngSnapshot.Capture().ToJson())!;
        JsonArray sources = node["payload"]!["sources"]!.AsArray();
        // NumPy's entry is restored after Python's; breaking it must leave Python untouched too.
        JsonNode numpy = sources.First(s => (string)s!["name"]! == "numpy.random")!;
        numpy["state"]!["state"]!["pos"] = 999;
        RngSnapshot forged = RngSnapshot.FromJson(Resign(node));

        Seed.Everything(45u);
        string expected = Untouched();
        var e = Assert.Throws<FormatException>(forged.Restore);
        Assert.Contains("numpy.random", e.Message, StringComparison.Ordinal);
        Assert.Equal(expected, ChildProcess.Draws().ToJsonString());
    }

    [Fact]
    public void A_source_failing_midway_is_rolled_back_with_all_the_others()
    {
        var source = new TestSource("test.failing");
        Seed.Register(source);
        try
        {
            Seed.Everything(46u);
            RngSnapshot snapshot = RngSnapshot.Capture();
            Seed.Everything(47u);
            string expected = Untouched();
            ulong expectedTest = new OneSeed.Engines.Pcg64(new OneSeed.Seeding.SeedSequence(47u).Derive("test.failing")).NextUInt64();

            source.FailRestore = true;
            var e = Assert.Throws<FormatException>(snapshot.Restore);
            Assert.Contains("rolled back", e.Message, StringComparison.Ordinal);
            source.FailRestore = false;
            Assert.Equal(expected, ChildProcess.Draws().ToJsonString());
            Assert.Equal(expectedTest, source.Engine.NextUInt64());
            Assert.Equal(47u, Seed.Initial);
        }
        finally
        {
            Seed.Unregister(source);
        }
    }

    [Fact]
    public void Snapshots_list_the_named_streams_in_use_and_do_not_print_state()
    {
        Seed.Everything(48u);
        Seed.Stream("listed", 1, 2).Random();
        RngSnapshot snapshot = RngSnapshot.Capture();
        JsonNode streams = JsonNode.Parse(snapshot.GetState("oneseed.streams")!)!;
        Assert.Contains(streams["streams"]!.AsArray(), s => (string)s!["name"]! == "listed" && s["keys"]!.ToJsonString() == "[1,2]");
        Assert.Null(snapshot.GetState("nope"));
        Assert.DoesNotContain("internalstate", snapshot.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Live_snapshot_states_resume_in_python_with_tools_state_json()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        var expected = new List<JsonObject>();
        for (int i = 0; i < 40; i++)
        {
            int n = seeds.Int(1, 9);
            Seed.Everything(seeds.UInt32());
            // Leave the state mid-stream: odd normal counts fill both Gaussian caches, draws cross MT19937 twists.
            for (int k = seeds.Int(0, 3); k > 0; k--)
            {
                PythonRandom.Shared.Gauss();
                NumPyRandomState.Shared.StandardNormal(seeds.Int(0, 4));
            }

            PythonRandom.Shared.Random();
            NumPyRandomState.Shared.RandomSample(seeds.Int(0, 1300));
            Seed.Global.Fill(new double[seeds.Int(0, 5)]);
            Seed.Stream("live", i).Random(seeds.Int(0, 5));
            Seed.Stream("live.other").Random(seeds.Int(0, 5));
            cases.Add(new JsonObject { ["snapshot"] = RngSnapshot.Capture().ToJson(), ["n"] = n });
            expected.Add(new JsonObject
            {
                ["py_random"] = Bits(Enumerable.Range(0, n).Select(_ => PythonRandom.Shared.Random())),
                ["py_gauss"] = Bits(Enumerable.Range(0, n).Select(_ => PythonRandom.Shared.Gauss())),
                ["np_random"] = Bits(NumPyRandomState.Shared.RandomSample(n)),
                ["np_normal"] = Bits(NumPyRandomState.Shared.StandardNormal(n)),
                ["global"] = new JsonArray([.. Enumerable.Range(0, n).Select(_ => (JsonNode)Seed.Global.NextUInt64())]),
                ["live"] = Bits(Seed.Stream("live", i).Random(n)),
                ["live.other"] = Bits(Seed.Stream("live.other").Random(n)),
            });
        }

        JsonArray results = PythonOracle.Run("seed_everything.py", new JsonObject { ["op"] = "resume", ["cases"] = cases })["results"]!.AsArray();
        for (int i = 0; i < cases.Count; i++)
        {
            JsonNode r = results[i]!;
            JsonObject e = expected[i];
            string context = $"case {i} {seeds.Replay}";
            foreach (string key in new[] { "py_random", "py_gauss", "np_random", "np_normal", "global" })
            {
                Assert.True(JsonNode.DeepEquals(e[key], r[key]), $"{context} {key}: C# {e[key]!.ToJsonString()} Python {r[key]!.ToJsonString()}");
            }

            // The snapshot lists every stream in use (earlier cases' "live" keys too); check this case's two.
            JsonNode Stream(string name, string keys) => r["streams"]!.AsArray().Single(s => (string)s!["name"]! == name && s["keys"]!.ToJsonString() == keys)!["random"]!;
            Assert.True(JsonNode.DeepEquals(e["live"], Stream("live", $"[{i}]")), $"{context} stream live [{i}]");
            Assert.True(JsonNode.DeepEquals(e["live.other"], Stream("live.other", "[]")), $"{context} stream live.other");
            Assert.True(r["streams"]!.AsArray().Count >= i + 2, context);
        }
    }

    private static JsonArray Bits(IEnumerable<double> values) => [.. values.Select(v => (JsonNode)BitConverter.DoubleToUInt64Bits(v))];

    // What the draws would be if nothing touched the state now: captured and put back, so the check itself is neutral.
    private static string Untouched()
    {
        RngSnapshot now = RngSnapshot.Capture();
        string draws = ChildProcess.Draws().ToJsonString();
        now.Restore();
        return draws;
    }

    // Recomputes the checksum of an edited snapshot, as a forger (or a buggy tool) would.
    private static string Resign(JsonNode node)
    {
        using JsonDocument payload = JsonDocument.Parse(node["payload"]!.ToJsonString());
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            payload.RootElement.WriteTo(writer);
        }

        node["sha256"] = Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
        return node.ToJsonString();
    }
}

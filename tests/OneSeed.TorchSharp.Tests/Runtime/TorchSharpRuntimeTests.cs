using System.Text.Json.Nodes;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.TorchSharp.Tests.Runtime;

/// <summary>
/// TorchSharp inside OneSeed's runtime: Seed.Everything seeds it as torch.manual_seed (live against PyTorch 1.13),
/// snapshots and isolation scopes carry its CPU generator, in this process and across processes.
/// </summary>
public class TorchSharpRuntimeTests
{
    private static readonly uint[] EdgeSeeds = [0, 1, 42, 3407, 1u << 31, uint.MaxValue - 1, uint.MaxValue];

    // Draws that libtorch 2.10 and torch 1.13 compute identically (docs/torchsharp.md): scalar randn only in float32,
    // randint ranges below 2^28 or from 2^32 on.
    private static JsonObject AgreeingDraw(LiveSeeds seeds) => seeds.Int(0, 7) switch
    {
        0 => new JsonObject { ["kind"] = "rand", ["n"] = DrawCases.Length(seeds, 1, 600), ["dtype"] = seeds.Bool() ? "float64" : "float32" },
        1 => new JsonObject { ["kind"] = "randn", ["n"] = seeds.Int(1, 16), ["dtype"] = "float32" },
        2 => new JsonObject { ["kind"] = "randn", ["n"] = DrawCases.Length(seeds, 16, 300), ["dtype"] = seeds.Bool() ? "float64" : "float32" },
        3 => new JsonObject { ["kind"] = "randint", ["n"] = DrawCases.Length(seeds, 1, 100), ["low"] = 0, ["high"] = seeds.Int64(1, 1L << 28) },
        4 => new JsonObject { ["kind"] = "randint", ["n"] = DrawCases.Length(seeds, 1, 50), ["low"] = -5, ["high"] = seeds.Int64(1L << 32, 1L << 62) },
        5 => new JsonObject { ["kind"] = "randperm", ["n"] = DrawCases.Length(seeds, 1, 300) },
        _ => new JsonObject { ["kind"] = "uniform_", ["n"] = DrawCases.Length(seeds, 1, 100), ["dtype"] = seeds.Bool() ? "float64" : "float32", ["a"] = -2.5, ["b"] = 7.0 },
    };

    private static JsonArray Draws(LiveSeeds seeds, int min, int max) =>
        new(Enumerable.Range(0, seeds.Int(min, max + 1)).Select(_ => (JsonNode)AgreeingDraw(seeds)).ToArray());

    private static long[][] Run(JsonArray draws) => draws.Select(d => TorchDraws.Draw(d!)).ToArray();

    private static void AssertSame(long[][] expected, long[][] actual, string context)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            JsonAssert.Equal(expected[i], actual[i], $"draw {i}: {context}");
        }
    }

    [Fact]
    public void Seed_Everything_makes_TorchSharp_draw_what_PyTorch_draws_after_manual_seed()
    {
        OneSeedTorchSharp.Register();
        var seeds = new LiveSeeds();
        var cases = new List<(uint Seed, JsonArray Then, int Entry)>();
        for (int i = 0; i < 240; i++)
        {
            uint seed = i < EdgeSeeds.Length ? EdgeSeeds[i] : seeds.Int(0, 3) == 0 ? (uint)seeds.Int(0, 1000) : seeds.UInt32();
            cases.Add((seed, Draws(seeds, 1, 4), seeds.Int(0, 4)));
        }

        var request = new JsonObject
        {
            ["op"] = "state",
            ["cases"] = new JsonArray(cases.Select(c => (JsonNode)new JsonObject { ["seed"] = c.Seed, ["skip"] = new JsonArray(), ["then"] = c.Then.DeepClone() }).ToArray()),
        };
        JsonArray results = PythonOracle.Run("torch_draws.py", request)["results"]!.AsArray();
        for (int i = 0; i < cases.Count; i++)
        {
            (uint seed, JsonArray then, int entry) = cases[i];
            string context = $"seed={seed} entry={entry} draws={then.ToJsonString()} {seeds.Replay}";

            // Scramble first, so a source that did not reseed would show.
            TorchSharpTestUtil.Scramble();

            // Every way in: the core call after Register, the C# 14 extension, the helper, the environment variable.
            switch (entry)
            {
                case 0:
                    Seed.Everything(seed);
                    break;
                case 1:
                    Seed.Everything(seed, deterministic: false);
                    break;
                case 2:
                    OneSeedTorchSharp.Everything(seed);
                    break;
                default:
                    string? saved = Environment.GetEnvironmentVariable(Seed.EnvironmentVariable);
                    Action<string>? logger = Seed.Logger;
                    Seed.Logger = null;
                    try
                    {
                        Environment.SetEnvironmentVariable(Seed.EnvironmentVariable, seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        Assert.Equal(seed, Seed.Everything(deterministic: false));
                    }
                    finally
                    {
                        Seed.Logger = logger;
                        Environment.SetEnvironmentVariable(Seed.EnvironmentVariable, saved);
                    }

                    break;
            }

            Assert.Equal((long)seed, TorchSharpRandom.InitialSeed);
            byte[] pythonState = results[i]!["state"]!.AsArray().Select(b => (byte)(int)b!).ToArray();
            JsonAssert.Equal(pythonState, TorchSharpStateSource.Parse(TorchSharpStateSource.Instance.CaptureState()), "state after seeding: " + context);
            AssertSame(results[i]!["then"]!.AsArray().Select(TorchDraws.FromJson).ToArray(), Run(then), context);
        }
    }

    [Fact]
    public void Snapshot_restore_and_isolation_give_the_same_next_TorchSharp_draws()
    {
        OneSeedTorchSharp.Register();
        var seeds = new LiveSeeds();
        for (int i = 0; i < 60; i++)
        {
            uint seed = seeds.UInt32();
            JsonArray before = Draws(seeds, 0, 3);
            JsonArray after = Draws(seeds, 1, 3);
            JsonArray inside = Draws(seeds, 1, 3);
            string context = $"seed={seed} before={before.ToJsonString()} after={after.ToJsonString()} {seeds.Replay}";

            Seed.Everything(seed);
            _ = Run(before);
            RngSnapshot snapshot = RngSnapshot.Capture();
            long[][] first = Run(after);

            // Restore: the same draws again, even after reseeding in between.
            Seed.Everything(seed ^ 0x9E3779B9u);
            _ = Run(inside);
            snapshot.Restore();
            AssertSame(first, Run(after), "after Restore: " + context);

            // Isolation: draws and reseeding inside the scope leave TorchSharp where it was.
            snapshot.Restore();
            using (Seed.Isolate())
            {
                _ = Run(inside);
                Seed.Everything(seed + 1);
                _ = Run(inside);
            }

            AssertSame(first, Run(after), "after Seed.Isolate: " + context);

            // Isolation also on exceptions.
            snapshot.Restore();
            Assert.Throws<InvalidOperationException>((Action)(() =>
            {
                using (Seed.Isolate())
                {
                    _ = Run(inside);
                    throw new InvalidOperationException("boom");
                }
            }));
            AssertSame(first, Run(after), "after Seed.Isolate with an exception: " + context);
        }
    }

    [Fact]
    public void A_snapshot_saved_in_one_process_resumes_bit_identically_in_another_both_ways()
    {
        OneSeedTorchSharp.Register();
        var seeds = new LiveSeeds();
        string dir = Directory.CreateTempSubdirectory("oneseed-ts-snap-").FullName;
        try
        {
            // Child saves, this process resumes.
            uint seed = seeds.UInt32();
            string childFile = Path.Combine(dir, "child.json");
            (int code, string output, string errors) = TorchSharpChildProcess.Run("save", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), childFile);
            Assert.True(code == 0, $"child save failed ({code}): {output} {errors} seed={seed} {seeds.Replay}");
            Seed.Everything(seed ^ 12345u);
            RngSnapshot.Load(childFile).Restore();
            Assert.Equal(output, TorchSharpChildProcess.Draws().ToJsonString());

            // This process saves, a child resumes.
            seed = seeds.UInt32();
            string parentFile = Path.Combine(dir, "parent.json");
            Seed.Everything(seed);
            _ = TorchSharpChildProcess.Draws();
            RngSnapshot.Capture().Save(parentFile);
            string expected = TorchSharpChildProcess.Draws().ToJsonString();
            (code, output, errors) = TorchSharpChildProcess.Run("resume", parentFile);
            Assert.True(code == 0, $"child resume failed ({code}): {output} {errors} seed={seed} {seeds.Replay}");
            Assert.Equal(expected, output);
            Assert.Contains("\"torchsharp\"", File.ReadAllText(parentFile), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_captured_state_continues_the_same_stream_in_PyTorch()
    {
        OneSeedTorchSharp.Register();
        var seeds = new LiveSeeds();
        var cases = new List<(string State, JsonArray Then, long[][] Mine)>();
        for (int i = 0; i < 120; i++)
        {
            Seed.Everything(seeds.UInt32());
            _ = Run(Draws(seeds, 0, 3));
            string state = TorchSharpStateSource.Instance.CaptureState();
            JsonArray then = Draws(seeds, 1, 3);
            cases.Add((state, then, Run(then)));
        }

        var request = new JsonObject
        {
            ["op"] = "continue",
            ["cases"] = new JsonArray(cases.Select(c => (JsonNode)new JsonObject
            {
                ["state"] = new JsonArray(TorchSharpStateSource.Parse(c.State).Select(b => (JsonNode)(int)b).ToArray()),
                ["then"] = c.Then.DeepClone(),
            }).ToArray()),
        };
        JsonArray results = PythonOracle.Run("torch_draws.py", request)["results"]!.AsArray();
        for (int i = 0; i < cases.Count; i++)
        {
            AssertSame(results[i]!.AsArray().Select(TorchDraws.FromJson).ToArray(), cases[i].Mine, $"case {i} then={cases[i].Then.ToJsonString()} {seeds.Replay}");
        }
    }

    [Fact]
    public void Register_is_idempotent_and_seeds_a_late_registration_with_the_current_root()
    {
        OneSeedTorchSharp.Register();
        Seed.Everything(20261125u);
        TorchSharpTestUtil.Scramble();

        string state = TorchSharpStateSource.Instance.CaptureState();
        OneSeedTorchSharp.Register();
        OneSeedTorchSharp.Register();
        Assert.Equal(state, TorchSharpStateSource.Instance.CaptureState());
        Assert.Single(Seed.SourceNames, n => n == TorchSharpStateSource.SourceName);
        Assert.True(Seed.IsRegistered(TorchSharpStateSource.Instance));

        // Unregistered, it is not seeded; registered again after Everything, it is seeded with the root at once.
        Assert.True(Seed.Unregister(TorchSharpStateSource.Instance));
        try
        {
            Seed.Everything(7u);
            TorchSharpRandom.ManualSeed(99);
            Assert.Equal(99L, TorchSharpRandom.InitialSeed);
        }
        finally
        {
            OneSeedTorchSharp.Register();
        }

        Assert.Equal(7L, TorchSharpRandom.InitialSeed);
        TorchSharpRandom.ManualSeed(7);
        string fresh = TorchSharpStateSource.Instance.CaptureState();
        Seed.Everything(7u);
        Assert.Equal(fresh, TorchSharpStateSource.Instance.CaptureState());
    }

    [Fact]
    public void Register_refuses_a_foreign_source_with_the_same_name()
    {
        OneSeedTorchSharp.Register();
        Assert.True(Seed.Unregister(TorchSharpStateSource.Instance));
        var impostor = new Impostor();
        Seed.Register(impostor);
        try
        {
            InvalidOperationException e = Assert.Throws<InvalidOperationException>(OneSeedTorchSharp.Register);
            Assert.Contains("torchsharp", e.Message, StringComparison.Ordinal);
            Assert.False(Seed.IsRegistered(TorchSharpStateSource.Instance));
        }
        finally
        {
            Seed.Unregister(impostor);
            OneSeedTorchSharp.Register();
        }
    }

    private sealed class Impostor : IRandomStateSource
    {
        public string Name => TorchSharpStateSource.SourceName;

        public void Seed(uint rootSeed)
        {
        }

        public string CaptureState() => "{}";

        public void RestoreState(string state)
        {
        }
    }
}

using System.Text.Json.Nodes;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.TorchSharp.Tests;

/// <summary>The 5056-byte CPU generator state moves between TorchSharp and PyTorch 1.13 and continues the same stream.</summary>
public class TorchSharpRandomStateTests
{
    private const int NormalY = 5024;

    // Draws that consume the stream identically in both versions; odd-length float32 randn leaves torch's cached
    // normal in the state, so the round trip covers those fields too.
    private static JsonObject RandomDraw(LiveSeeds seeds) => seeds.Int(0, 5) switch
    {
        0 => new JsonObject { ["kind"] = "rand", ["n"] = DrawCases.Length(seeds, 1, 700), ["dtype"] = seeds.Bool() ? "float64" : "float32" },
        1 => new JsonObject { ["kind"] = "randn", ["n"] = seeds.Pick(new[] { 1, 3, 5, 15 }), ["dtype"] = "float32" },
        2 => new JsonObject { ["kind"] = "randn", ["n"] = DrawCases.Length(seeds, 16, 300), ["dtype"] = seeds.Bool() ? "float64" : "float32" },
        3 => new JsonObject { ["kind"] = "randint", ["n"] = DrawCases.Length(seeds, 1, 100), ["low"] = 0, ["high"] = seeds.Int64(1, 1L << 28) },
        _ => new JsonObject { ["kind"] = "randperm", ["n"] = DrawCases.Length(seeds, 1, 200) },
    };

    private static void Case(LiveSeeds seeds, out long seed, out JsonArray skip, out JsonArray then)
    {
        seed = DrawCases.Seed(seeds);
        skip = new JsonArray(Enumerable.Range(0, seeds.Int(0, 4)).Select(_ => (JsonNode)RandomDraw(seeds)).ToArray());
        then = new JsonArray(Enumerable.Range(0, seeds.Int(1, 4)).Select(_ => (JsonNode)RandomDraw(seeds)).ToArray());
    }

    [Fact]
    public void A_state_from_PyTorch_continues_its_stream_in_TorchSharp_and_equals_TorchSharps_own()
    {
        TorchSharpNative.EnsureLoaded();
        var seeds = new LiveSeeds();
        var cases = new List<(long Seed, JsonArray Skip, JsonArray Then)>();
        for (int i = 0; i < 150; i++)
        {
            Case(seeds, out long seed, out JsonArray skip, out JsonArray then);
            cases.Add((seed, skip, then));
        }

        var request = new JsonObject
        {
            ["op"] = "state",
            ["cases"] = new JsonArray(cases.Select(c => (JsonNode)new JsonObject { ["seed"] = c.Seed, ["skip"] = c.Skip.DeepClone(), ["then"] = c.Then.DeepClone() }).ToArray()),
        };
        JsonArray results = PythonOracle.Run("torch_draws.py", request)["results"]!.AsArray();
        for (int i = 0; i < cases.Count; i++)
        {
            string context = $"case seed={cases[i].Seed} skip={cases[i].Skip.ToJsonString()} then={cases[i].Then.ToJsonString()} {seeds.Replay}";
            byte[] pythonState = results[i]!["state"]!.AsArray().Select(b => (byte)(int)b!).ToArray();
            Assert.Equal(TorchSharpRandom.CpuStateSize, pythonState.Length);

            // Same seed and draws in TorchSharp: the same 5056 bytes.
            TorchSharpRandom.ManualSeed(cases[i].Seed);
            foreach (JsonNode? d in cases[i].Skip)
            {
                TorchDraws.Draw(d!);
            }

            // Same bytes, except that the cached double normal (legacy normal_y, bytes 5024..5031) comes from the
            // scalar Box-Muller path, which libtorch 2.10 rounds slightly differently (docs/torchsharp.md).
            byte[] mine = TorchSharpRandom.GetCpuState();
            JsonAssert.Equal(pythonState[..NormalY], mine[..NormalY], "state after seed and draws: " + context);
            JsonAssert.Equal(pythonState[(NormalY + 8)..], mine[(NormalY + 8)..], "state after seed and draws: " + context);
            long ulps = Math.Abs(BitConverter.ToInt64(pythonState, NormalY) - BitConverter.ToInt64(mine, NormalY));
            Assert.True(ulps <= 4, $"cached normal {ulps} ulps apart: {context}");

            // Python's state set into a generator somewhere else in its stream continues Python's stream.
            TorchSharpRandom.ManualSeed(cases[i].Seed ^ 0x5DEECE66DL);
            TorchSharpRandom.SetCpuState(pythonState);
            JsonArray expected = results[i]!["then"]!.AsArray();
            for (int j = 0; j < cases[i].Then.Count; j++)
            {
                JsonAssert.Equal(TorchDraws.FromJson(expected[j]), TorchDraws.Draw(cases[i].Then[j]!), $"draw {j} after SetCpuState: " + context);
            }
        }
    }

    [Fact]
    public void A_state_from_TorchSharp_continues_its_stream_in_PyTorch()
    {
        TorchSharpNative.EnsureLoaded();
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        var expected = new List<List<long[]>>();
        for (int i = 0; i < 150; i++)
        {
            Case(seeds, out long seed, out JsonArray skip, out JsonArray then);
            TorchSharpRandom.ManualSeed(seed);
            foreach (JsonNode? d in skip)
            {
                TorchDraws.Draw(d!);
            }

            byte[] state = TorchSharpRandom.GetCpuState();
            expected.Add(then.Select(d => TorchDraws.Draw(d!)).ToList());
            cases.Add(new JsonObject { ["state"] = new JsonArray(state.Select(b => (JsonNode)(int)b).ToArray()), ["then"] = then });
        }

        JsonArray results = PythonOracle.Run("torch_draws.py", new JsonObject { ["op"] = "continue", ["cases"] = cases })["results"]!.AsArray();
        for (int i = 0; i < expected.Count; i++)
        {
            for (int j = 0; j < expected[i].Count; j++)
            {
                JsonAssert.Equal(TorchDraws.FromJson(results[i]![j]), expected[i][j], $"case {i} draw {j} ({cases[i]!["then"]![j]!.ToJsonString()}) {seeds.Replay}");
            }
        }
    }

    [Fact]
    public void GetCpuState_SetCpuState_round_trip_in_process()
    {
        var seeds = new LiveSeeds();
        TorchSharpRandom.ManualSeed(DrawCases.Seed(seeds));
        TorchDraws.Draw(new JsonObject { ["kind"] = "randn", ["n"] = 3, ["dtype"] = "float32" });
        byte[] state = TorchSharpRandom.GetCpuState();
        long[] first = TorchDraws.Draw(new JsonObject { ["kind"] = "randn", ["n"] = 5, ["dtype"] = "float32" });
        TorchSharpRandom.SetCpuState(state);
        Assert.Equal(first, TorchDraws.Draw(new JsonObject { ["kind"] = "randn", ["n"] = 5, ["dtype"] = "float32" }));
        TorchSharpRandom.SetCpuState(state);
        Assert.Equal(state, TorchSharpRandom.GetCpuState());
    }

    [Fact]
    public void ManualSeed_sets_InitialSeed_as_torch_does()
    {
        TorchSharpRandom.ManualSeed(-5);
        Assert.Equal(-5, TorchSharpRandom.InitialSeed);
        TorchSharpRandom.ManualSeed(42);
        Assert.Equal(42, TorchSharpRandom.InitialSeed);
        Assert.False(TorchSharpRandom.IsCudaAvailable && TorchSharpRandom.CudaDeviceCount == 0);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("long")]
    [InlineData("unseeded")]
    [InlineData("left0")]
    [InlineData("left625")]
    [InlineData("next625")]
    public void A_malformed_state_is_refused_and_changes_nothing(string damage)
    {
        TorchSharpRandom.ManualSeed(1234);
        byte[] good = TorchSharpRandom.GetCpuState();
        byte[] bad = damage switch
        {
            "short" => good[..5048],
            "long" => [.. good, 0],
            _ => (byte[])good.Clone(),
        };
        switch (damage)
        {
            case "unseeded": BitConverter.TryWriteBytes(bad.AsSpan(12), 0); break;
            case "left0": BitConverter.TryWriteBytes(bad.AsSpan(8), 0); break;
            case "left625": BitConverter.TryWriteBytes(bad.AsSpan(8), 625); break;
            case "next625": BitConverter.TryWriteBytes(bad.AsSpan(16), 625L); break;
        }

        var e = Assert.Throws<ArgumentException>(() => TorchSharpRandom.SetCpuState(bad));
        Assert.Equal("state", e.ParamName);
        Assert.Equal(good, TorchSharpRandom.GetCpuState());
        Assert.Throws<ArgumentNullException>(() => TorchSharpRandom.SetCpuState(null!));
    }
}

using System.Text.Json.Nodes;
using OneSeed.Tests.Infrastructure;
using OneSeed.TorchVision.Policies;

namespace OneSeed.TorchVision.Tests.Policies;

/// <summary>The float32 linspace behind the magnitude tables and the affine grids equals torch 1.13's (AVX2 build) bit for bit.</summary>
public sealed class TorchLinspaceTests
{
    [Fact]
    public void Float32_equals_torch_linspace_on_fresh_ranges()
    {
        var seeds = new LiveSeeds();
        List<JsonObject> cases = [.. Enumerable.Range(0, 500).Select(_ => new JsonObject
        {
            ["start"] = seeds.Pick([0.0, 255.0, -seeds.Int(1, 600) * 0.5 + 0.5, seeds.Double() * 200 - 100]),
            ["end"] = seeds.Pick([0.3, 0.9, 0.99, 30.0, 135.0, 0.0, 150.0 / 331.0 * seeds.Int(1, 1000), seeds.Int(1, 1000) / 3.0, seeds.Double() * 200 - 100]),
            ["steps"] = seeds.Pick([0, 1, 2, 10, 31, seeds.Int(2, 70), seeds.Int(2, 1200)]),
        })];
        JsonArray expected = PolicyCases.Ask("linspace", cases);
        for (int i = 0; i < cases.Count; i++)
        {
            JsonObject c = cases[i];
            float[] ours = TorchLinspace.Float32(PolicyCases.Number(c["start"]!), PolicyCases.Number(c["end"]!), (int)c["steps"]!);
            Assert.True(
                expected[i]!.AsArray().Select(v => (uint)v!).SequenceEqual(ours.Select(BitConverter.SingleToUInt32Bits)),
                $"linspace differs for {c.ToJsonString()} {seeds.Replay}");
        }
    }
}

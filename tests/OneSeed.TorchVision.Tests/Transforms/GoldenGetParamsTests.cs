using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Tests.Infrastructure;
using OneSeed.TorchSharp;
using OneSeed.TorchVision.Tests.Infrastructure;
using static TorchSharp.torch;

namespace OneSeed.TorchVision.Tests.Transforms;

/// <summary>
/// Replays GoldenVectors/torchvision_transforms.json (tests/oracles/make_golden_torchvision_transforms.py, torchvision
/// 0.14's get_params for fixed seeds) without Python: every draw and the generator state after each case.
/// </summary>
public sealed class GoldenGetParamsTests
{
    [Fact]
    public void GetParams_replay_torchvision_golden_vectors()
    {
        TorchSharpNative.EnsureLoaded();
        string path = Path.Combine(RepoPaths.Root, "tests", "OneSeed.TorchVision.Tests", "GoldenVectors", "torchvision_transforms.json");
        JsonNode golden = JsonNode.Parse(File.ReadAllText(path))!;
        JsonArray cases = golden["cases"]!.AsArray();
        JsonArray results = golden["results"]!.AsArray();
        Assert.Equal(cases.Count, results.Count);
        int calls = 0;
        for (int k = 0; k < cases.Count; k++)
        {
            JsonObject c = cases[k]!.AsObject();
            using var scope = NewDisposeScope();
            Tensor? img = c["shape"] is JsonArray shape ? zeros(shape.Select(VisionOracle.L).ToArray(), ScalarType.Byte) : null;
            var generator = new TorchGenerator(VisionOracle.L(c["seed"]));
            foreach (JsonNode? expectedCall in results[k]!["params"]!.AsArray())
            {
                List<string> expected = expectedCall!.AsArray().Select(v => v is null ? "None" : v.ToJsonString().Trim('"')).ToList();
                List<string> actual = GetParamsCalls.Call(c, img, generator);
                Assert.True(expected.SequenceEqual(actual), $"golden case {k} ({c["t"]}): [{string.Join(", ", actual)}] vs [{string.Join(", ", expected)}]");
                calls++;
            }

            Assert.Equal((string)results[k]!["state"]!, VisionOracle.StateHash(generator));
        }

        Assert.True(calls > 100, $"only {calls} golden calls");
    }
}

using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Tests.Infrastructure;
using OneSeed.TorchSharp;

namespace OneSeed.TorchVision.Tests.Policies;

/// <summary>
/// Replays GoldenVectors/torchvision_policies.json (tests/oracles/make_golden_torchvision_policies.py, torchvision 0.14.1
/// on torch 1.13.1) without Python: 120 policy cases and 20 AutoAugment.get_params cases.
/// </summary>
public sealed class PolicyGoldenTests
{
    private static JsonNode Golden() => JsonNode.Parse(File.ReadAllText(Path.Combine(
        RepoPaths.Root, "tests", "OneSeed.TorchVision.Tests", "GoldenVectors", "torchvision_policies.json")))!;

    [Fact]
    public void Recorded_policy_draws_replay_bit_for_bit()
    {
        TorchSharpNative.EnsureLoaded();
        JsonArray draws = Golden()["draws"]!.AsArray();
        Assert.Equal(120, draws.Count);
        foreach (JsonNode? entry in draws)
        {
            var c = entry!["case"]!.AsObject();
            JsonNode expected = entry["expected"]!;
            var generator = new TorchGenerator((long)c["seed"]!);
            (List<(string Name, ulong Bits)> steps, List<uint[]> weights) = PolicyCases.Create(c).Draw(generator, PolicyCases.Shape(c));
            Assert.Equal(expected["steps"]!.AsArray().Select(s => ((string)s![0]!, (ulong)s[1]!)).ToList(), steps);
            Assert.Equal(expected["weights"]!.AsArray().Select(w => w!.AsArray().Select(v => (uint)v!).ToArray()).ToList(), weights);
            Assert.Equal((string)expected["state"]!, PolicyCases.StateDigest(generator));
        }
    }

    [Fact]
    public void Recorded_get_params_replay_bit_for_bit()
    {
        JsonArray cases = Golden()["get_params"]!.AsArray();
        Assert.Equal(20, cases.Count);
        foreach (JsonNode? entry in cases)
        {
            JsonNode c = entry!["case"]!;
            JsonNode expected = entry["expected"]!;
            var generator = new TorchGenerator((long)c["seed"]!);
            (int policyId, float[] probs, long[] signs) = AutoAugment.GetParams(generator, (int)c["transform_num"]!);
            Assert.Equal((int)expected["policy_id"]!, policyId);
            Assert.Equal(expected["probs"]!.AsArray().Select(v => (uint)v!), probs.Select(BitConverter.SingleToUInt32Bits));
            Assert.Equal(expected["signs"]!.AsArray().Select(v => (long)v!), signs);
            Assert.Equal((string)expected["state"]!, PolicyCases.StateDigest(generator));
        }
    }
}

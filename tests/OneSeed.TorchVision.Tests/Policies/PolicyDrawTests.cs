using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Tests.Infrastructure;
using OneSeed.TorchSharp;

namespace OneSeed.TorchVision.Tests.Policies;

/// <summary>
/// The four policies draw what torchvision 0.14 draws after <c>torch.manual_seed</c>: the same operations with the same
/// magnitudes (as double bits), AugMix's Dirichlet weights (float32 bits), and the same generator state afterwards.
/// </summary>
public sealed class PolicyDrawTests
{
    [Fact]
    public void Operations_magnitudes_weights_and_state_equal_torchvisions_on_fresh_cases()
    {
        TorchSharpNative.EnsureLoaded();
        var seeds = new LiveSeeds();
        List<JsonObject> cases = [.. Enumerable.Range(0, 400).Select(i => PolicyCases.Fresh(seeds, i < 40 ? "augmix" : null))];
        JsonArray expected = PolicyCases.Ask("draws", cases);

        for (int i = 0; i < cases.Count; i++)
        {
            JsonObject c = cases[i];
            var generator = new TorchGenerator((long)c["seed"]!);
            (List<(string Name, ulong Bits)> steps, List<uint[]> weights) = PolicyCases.Create(c).Draw(generator, PolicyCases.Shape(c));
            string where = $"case {c.ToJsonString()} {seeds.Replay}";
            JsonNode answer = expected[i]!;
            Assert.Equal(
                answer["steps"]!.AsArray().Select(s => ((string)s![0]!, (ulong)s[1]!)).ToList(),
                steps);
            Assert.Equal(
                answer["weights"]!.AsArray().Select(w => w!.AsArray().Select(v => (uint)v!).ToArray()).ToList(),
                weights);
            Assert.True((string)answer["state"]! == PolicyCases.StateDigest(generator), $"generator state differs after {where}");
        }
    }

    [Fact]
    public void AutoAugment_GetParams_equals_torchvisions_get_params()
    {
        var seeds = new LiveSeeds();
        List<JsonObject> cases = [.. Enumerable.Range(0, 200).Select(_ => new JsonObject
        {
            ["seed"] = seeds.Int64(0, long.MaxValue),
            ["transform_num"] = seeds.Pick([1, 2, 25, seeds.Int(1, 1000), seeds.Int(1, int.MaxValue)]),
        })];
        JsonArray expected = PolicyCases.Ask("get_params", cases);
        for (int i = 0; i < cases.Count; i++)
        {
            var generator = new TorchGenerator((long)cases[i]["seed"]!);
            (int policyId, float[] probs, long[] signs) = AutoAugment.GetParams(generator, (int)cases[i]["transform_num"]!);
            JsonNode answer = expected[i]!;
            Assert.Equal((int)answer["policy_id"]!, policyId);
            Assert.Equal(answer["probs"]!.AsArray().Select(v => (uint)v!), probs.Select(BitConverter.SingleToUInt32Bits));
            Assert.Equal(answer["signs"]!.AsArray().Select(v => (long)v!), signs);
            Assert.True((string)answer["state"]! == PolicyCases.StateDigest(generator), $"state differs for {cases[i].ToJsonString()} {seeds.Replay}");
        }
    }
}

using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Tests.Infrastructure;
using Xunit;

namespace OneSeed.Tests.Compat;

public sealed class TorchRandomSamplerTests
{
    [Fact]
    public void GoldenVectors()
    {
        foreach (JsonNode? testCase in PythonOracle.LoadGolden("torch_samplers.json")["random_sampler"]!.AsArray())
        {
            Check(testCase!, testCase!["expected"]!, "golden " + testCase!.ToJsonString()[..80]);
        }
    }

    [Fact]
    public void LiveOverSeveralEpochs()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        for (int k = 0; k < 300; k++)
        {
            int n = seeds.Pick(new[] { 1, 2, 3, 7, 10, 31, 32, 33, 100, 624, 1000, seeds.Int(1, 3000) });
            bool replacement = seeds.Bool();
            JsonNode? numSamples = seeds.Int(0, 3) switch
            {
                0 => null,
                1 => seeds.Pick(new[] { 1, 31, 32, 33, 64, 65 }),
                _ => seeds.Int(1, 3 * n + 2),
            };
            cases.Add(new JsonObject
            {
                ["seed"] = TorchGeneratorTests.RandomSeed(seeds),
                ["n"] = n,
                ["replacement"] = replacement,
                ["num_samples"] = numSamples,
                ["epochs"] = seeds.Int(1, 4),
            });
        }

        JsonArray results = PythonOracle.Run("torch_generator.py", new JsonObject { ["op"] = "random_sampler", ["cases"] = cases.DeepClone() })["results"]!.AsArray();
        for (int k = 0; k < cases.Count; k++)
        {
            Check(cases[k]!, results[k]!, $"case {k} {cases[k]!.ToJsonString()} {seeds.Replay}");
        }
    }

    [Fact]
    public void DrawsLazilyLikeTorchsGeneratorFunction()
    {
        var g = new TorchGenerator(3);
        byte[] before = g.GetState();
        var sampler = new TorchRandomSampler(10, g);
        using IEnumerator<int> e = sampler.GetEnumerator();
        Assert.Equal(before, g.GetState());
        Assert.True(e.MoveNext());
        var reference = new TorchGenerator(3);
        Assert.Equal(reference.RandPerm(10)[0], e.Current);
        Assert.Equal(reference.GetState(), g.GetState());
    }

    [Fact]
    public void ArgumentsAreValidated()
    {
        var g = new TorchGenerator(0);
        Assert.Throws<ArgumentNullException>(() => new TorchRandomSampler(3, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TorchRandomSampler(-1, g));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TorchRandomSampler(0, g));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TorchRandomSampler(0, g, true, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TorchRandomSampler(3, g, false, 0));
        Assert.Equal(5, new TorchRandomSampler(3, g, false, 5).NumSamples);
    }

    private static void Check(JsonNode testCase, JsonNode expected, string context)
    {
        TorchGenerator g = TorchCalls.Seeded(JsonAssert.ToBig(testCase["seed"]));
        int? numSamples = testCase["num_samples"] is JsonNode s ? (int)s : null;
        var sampler = new TorchRandomSampler((int)testCase["n"]!, g, (bool)testCase["replacement"]!, numSamples);
        JsonArray epochs = expected["epochs"]!.AsArray();
        for (int e = 0; e < epochs.Count; e++)
        {
            JsonAssert.Equal(JsonAssert.Int64s(epochs[e]), sampler.Select(i => (long)i).ToArray(), $"epoch {e}, {context}");
        }

        Assert.True((string)expected["state"]! == Convert.ToBase64String(g.GetState()), "state after the epochs, " + context);
    }
}

using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Tests.Infrastructure;
using OneSeed.TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace OneSeed.TorchVision.Tests.Infrastructure;

/// <summary>
/// Runs the same transform cases through torchvision 0.14 and OneSeed and compares, case by case, every output
/// (exactly, or within a tolerance) and the generator state afterwards (bit for bit).
/// </summary>
internal sealed class TransformDifferential(ITestOutputHelper output)
{
    public LiveSeeds Seeds { get; } = CreateSeeds();

    public List<Tensor> Images { get; } = [];

    public List<JsonObject> Cases { get; } = [];

    private static LiveSeeds CreateSeeds()
    {
        TorchSharpNative.EnsureLoaded();
        return new LiveSeeds();
    }

    /// <summary>Adds a fresh random image of the given shape and dtype and returns its index.</summary>
    public int AddImage(long[] shape, ScalarType dtype = ScalarType.Byte)
    {
        Images.Add(VisionOracle.RandomImage(Seeds, shape, dtype));
        return Images.Count - 1;
    }

    /// <summary>A random image shape: [C, H, W] or [N, C, H, W] with C = 1 or 3 (or 3 only), sides from <paramref name="minSide"/> to <paramref name="maxSide"/>.</summary>
    public long[] Shape(int minSide = 1, int maxSide = 24, bool threeChannels = false, bool allowBatch = true)
    {
        long c = threeChannels || Seeds.Int(0, 4) != 0 ? 3 : 1;
        long h = Seeds.Int(minSide, maxSide + 1), w = Seeds.Int(minSide, maxSide + 1);
        return allowBatch && Seeds.Int(0, 4) == 0 ? [Seeds.Int(1, 4), c, h, w] : [c, h, w];
    }

    public JsonObject AddCase(string transform, JsonObject kw, int image, int calls = 1, JsonArray? inner = null)
    {
        var c = new JsonObject { ["t"] = transform, ["kw"] = kw, ["seed"] = Seeds.Int(0, int.MaxValue), ["image"] = image, ["calls"] = calls };
        if (inner is not null)
        {
            c["inner"] = inner;
        }

        Cases.Add(c);
        return c;
    }

    /// <summary>
    /// Runs every case on both sides. <paramref name="tolerance"/> maps a transform name and image dtype to the largest
    /// absolute pixel difference allowed (missing: exact, same dtype and values). Returns the largest difference seen per
    /// transform and dtype.
    /// </summary>
    public Dictionary<string, double> Run(Func<string, ScalarType, double>? tolerance = null)
    {
        JsonArray results = VisionOracle.Run("apply", Images, Cases);
        var worst = new Dictionary<string, double>();
        for (int k = 0; k < Cases.Count; k++)
        {
            JsonObject c = Cases[k];
            string name = (string)c["t"]!;
            long seed = VisionOracle.L(c["seed"]);
            var generator = new TorchGenerator(seed);
            var random = new PythonRandom(seed);
            var transform = TransformFactory.Build(c, generator, random);
            Tensor image = Images[(int)VisionOracle.L(c["image"])];
            JsonArray outputs = results[k]!["outputs"]!.AsArray();
            double allowed = tolerance?.Invoke(name, image.dtype) ?? 0;
            string key = $"{name} {VisionOracle.DtypeName(image.dtype)}";
            for (int call = 0; call < outputs.Count; call++)
            {
                using var scope = NewDisposeScope();
                // Only a perspective needs the draws replayed (to find its horizon line): only it keeps the state before.
                byte[]? stateBefore = transform is RandomPerspective ? generator.GetState() : null;
                Tensor actual = transform.call(image.clone());
                Tensor expected = VisionOracle.Decode(outputs[call]!);
                if (transform is RandomPerspective perspective && PerspectiveHorizon.MaskOfCall(perspective, stateBefore!, image.shape[^2], image.shape[^1]) is { } horizon)
                {
                    actual = actual.masked_fill(horizon, 0);
                    expected = expected.masked_fill(horizon, 0);
                }

                string where = $"{name} case {k} call {call}: {VisionOracle.Describe(c)} {Seeds.Replay}";
                Assert.True(actual.dtype == expected.dtype, $"dtype {actual.dtype} vs torchvision's {expected.dtype} in {where}");
                Assert.True(actual.shape.SequenceEqual(expected.shape), $"shape [{string.Join(",", actual.shape)}] vs torchvision's [{string.Join(",", expected.shape)}] in {where}");
                double diff = VisionOracle.MaxAbsDiff(actual, expected);
                worst[key] = Math.Max(worst.GetValueOrDefault(key), diff);
                if (diff > 1)
                {
                    output.WriteLine($"near the tolerance: |difference| {diff} in {where}");
                }
                Assert.True(diff <= allowed, $"max |difference| {diff} > {allowed} in {where}");
            }

            Assert.True((string)results[k]!["state"]! == VisionOracle.StateHash(generator), $"generator state after {name} differs from torch's: case {k} {VisionOracle.Describe(c)} {Seeds.Replay}");
        }

        foreach (var (name, diff) in worst.OrderBy(p => p.Key))
        {
            output.WriteLine($"{name}: largest |difference| {diff}");
        }

        return worst;
    }
}

using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Tests.Infrastructure;
using OneSeed.TorchVision.Policies;
using TorchSharp;
using static TorchSharp.torch;

namespace OneSeed.TorchVision.Tests.Policies;

/// <summary>
/// The C# side of tests/oracles/torchvision_policies.py: fresh policy cases (kind, constructor arguments, seed, image
/// shape) as JSON, the transforms they describe, what those draw, and uint8 images exchanged as base64 of raw bytes.
/// </summary>
internal static class PolicyCases
{
    public const string Oracle = "torchvision_policies.py";

    private static readonly string[] Kinds = ["auto", "rand", "trivial", "augmix"];
    private static readonly string[] PolicyNames = ["imagenet", "cifar10", "svhn"];

    /// <summary>A fresh case of <paramref name="kind"/> (or a random kind) with an image of at most <paramref name="maxSide"/> pixels a side.</summary>
    public static JsonObject Fresh(LiveSeeds seeds, string? kind = null, int maxSide = 400)
    {
        kind ??= seeds.Pick(Kinds);
        int channels = seeds.Bool() ? 3 : 1;
        int height = seeds.Int(1, maxSide + 1);
        int width = seeds.Int(1, maxSide + 1);
        JsonArray shape = seeds.Int(0, 3) == 0
            ? [seeds.Int(1, 4), channels, height, width]
            : [channels, height, width];
        var c = new JsonObject
        {
            ["kind"] = kind,
            ["seed"] = seeds.Int64(0, long.MaxValue),
            ["interpolation"] = seeds.Bool() ? "nearest" : "bilinear",
            ["shape"] = shape,
        };
        if (seeds.Int(0, 3) == 0)
        {
            c["fill"] = seeds.Bool()
                ? new JsonArray(seeds.Int(0, 256))
                : new JsonArray(Enumerable.Range(0, channels).Select(_ => (JsonNode)seeds.Int(0, 256)).ToArray());
        }

        switch (kind)
        {
            case "auto":
                c["policy"] = seeds.Pick(PolicyNames);
                break;
            case "rand":
                int bins = seeds.Int(2, 60);
                c["num_ops"] = seeds.Int(0, 6);
                c["bins"] = bins;
                c["magnitude"] = seeds.Int(-bins, bins);
                break;
            case "trivial":
                c["bins"] = seeds.Int(2, 60);
                break;
            default:
                c["severity"] = seeds.Int(1, 11);
                c["width"] = seeds.Int(1, 5);
                c["depth"] = seeds.Int(-1, 4);
                c["alpha"] = seeds.Pick([1.0, 0.5, 0.1, 2.5, seeds.Double() * 4 + 0.05]);
                c["all_ops"] = seeds.Bool();
                break;
        }

        return c;
    }

    public static ITransformWithDraws Create(JsonObject c, TorchGenerator? generator = null)
    {
        InterpolationMode mode = (string)c["interpolation"]! == "nearest" ? InterpolationMode.Nearest : InterpolationMode.Bilinear;
        float[]? fill = c["fill"]?.AsArray().Select(v => (float)Number(v!)).ToArray();
        return (string)c["kind"]! switch
        {
            "auto" => new Auto(new AutoAugment(
                (string)c["policy"]! switch { "imagenet" => AutoAugmentPolicy.ImageNet, "cifar10" => AutoAugmentPolicy.Cifar10, _ => AutoAugmentPolicy.Svhn },
                mode, fill, generator)),
            "rand" => new Rand(new RandAugment((int)c["num_ops"]!, (int)c["magnitude"]!, (int)c["bins"]!, mode, fill, generator)),
            "trivial" => new Trivial(new TrivialAugmentWide((int)c["bins"]!, mode, fill, generator)),
            _ => new Mix(new AugMix((int)c["severity"]!, (int)c["width"]!, (int)c["depth"]!, Number(c["alpha"]!), (bool)c["all_ops"]!, mode, fill, generator)),
        };
    }

    /// <summary>A JSON number as a double, whether it was built in memory from an int or a double or parsed from text.</summary>
    public static double Number(JsonNode v) => double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    public static long[] Shape(JsonObject c) => c["shape"]!.AsArray().Select(v => (long)Number(v!)).ToArray();

    /// <summary>SHA-256 of the generator's state bytes (torch.get_rng_state()'s layout), as the oracle reports it.</summary>
    public static string StateDigest(TorchGenerator generator) => Convert.ToHexStringLower(SHA256.HashData(generator.GetState()));

    /// <summary>Torch's answers for the cases under <paramref name="op"/>.</summary>
    public static JsonArray Ask(string op, IEnumerable<JsonObject> cases) =>
        PythonOracle.Run(Oracle, new JsonObject { ["op"] = op, ["cases"] = new JsonArray(cases.Select(c => (JsonNode)c.DeepClone()).ToArray()) })["results"]!.AsArray();

    /// <summary>A random uint8 image of the case's shape, stored in the case as base64 for the oracle.</summary>
    public static Tensor AttachImage(JsonObject c, LiveSeeds seeds)
    {
        long[] shape = Shape(c);
        byte[] pixels = new byte[shape.Aggregate(1L, (a, b) => a * b)];
        int style = seeds.Int(0, 3);
        for (int i = 0; i < pixels.Length; i++)
        {
            // Noise, a low-contrast band (exercises autocontrast/equalize) or a smooth ramp (exercises interpolation).
            pixels[i] = style switch
            {
                0 => (byte)seeds.Int(0, 256),
                1 => (byte)seeds.Int(90, 140),
                _ => (byte)((i * 7 / (1 + (int)shape[^1])) + seeds.Int(0, 4)),
            };
        }

        c["image"] = Convert.ToBase64String(pixels);
        return tensor(pixels, shape, ScalarType.Byte);
    }

    public static byte[] Bytes(Tensor t)
    {
        using Tensor contiguous = t.contiguous();
        return contiguous.data<byte>().ToArray();
    }

    /// <summary>A transform under test with access to what it draws (for comparison with the recorded steps).</summary>
    internal interface ITransformWithDraws
    {
        torchvision.ITransform Transform { get; }

        /// <summary>The steps as (torchvision name, magnitude bits), and AugMix's Dirichlet weights (float32 bits, row-major).</summary>
        (List<(string Name, ulong Bits)> Steps, List<uint[]> Weights) Draw(TorchGenerator generator, long[] shape);
    }

    private sealed record Auto(AutoAugment Transform) : ITransformWithDraws
    {
        torchvision.ITransform ITransformWithDraws.Transform => Transform;

        public (List<(string Name, ulong Bits)> Steps, List<uint[]> Weights) Draw(TorchGenerator generator, long[] shape) =>
            (Named(Transform.DrawSteps(generator, shape[^2], shape[^1])), []);
    }

    private sealed record Rand(RandAugment Transform) : ITransformWithDraws
    {
        torchvision.ITransform ITransformWithDraws.Transform => Transform;

        public (List<(string Name, ulong Bits)> Steps, List<uint[]> Weights) Draw(TorchGenerator generator, long[] shape) =>
            (Named(Transform.DrawSteps(generator, shape[^2], shape[^1])), []);
    }

    private sealed record Trivial(TrivialAugmentWide Transform) : ITransformWithDraws
    {
        torchvision.ITransform ITransformWithDraws.Transform => Transform;

        public (List<(string Name, ulong Bits)> Steps, List<uint[]> Weights) Draw(TorchGenerator generator, long[] shape) =>
            (Named([Transform.DrawStep(generator)]), []);
    }

    private sealed record Mix(AugMix Transform) : ITransformWithDraws
    {
        torchvision.ITransform ITransformWithDraws.Transform => Transform;

        public (List<(string Name, ulong Bits)> Steps, List<uint[]> Weights) Draw(TorchGenerator generator, long[] shape)
        {
            long n = shape.Length == 4 ? shape[0] : 1;
            AugMix.Draw draw = Transform.DrawAll(generator, n, shape[^2], shape[^1]);

            // torchvision records the raw Dirichlet sample of the chain weights, before the product with m[:, 1].
            var weights = new List<uint[]> { Flat(draw.Weights), Flat(draw.RawChainWeights) };
            return (Named(draw.Chains.SelectMany(chain => chain)), weights);
        }

        private static uint[] Flat(float[,] values) => values.Cast<float>().Select(BitConverter.SingleToUInt32Bits).ToArray();
    }

    private static List<(string Name, ulong Bits)> Named(IEnumerable<AugmentStep> steps) =>
        steps.Select(s => (s.Operation.ToString(), BitConverter.DoubleToUInt64Bits(s.Magnitude))).ToList();
}

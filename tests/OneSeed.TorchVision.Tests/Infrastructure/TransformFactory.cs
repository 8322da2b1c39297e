using System.Text.Json.Nodes;
using OneSeed.Compat;
using static TorchSharp.torch;
using static TorchSharp.torchvision;

namespace OneSeed.TorchVision.Tests.Infrastructure;

/// <summary>
/// Builds the OneSeed transform a JSON case describes, with the same arguments tests/oracles/torchvision_transforms.py
/// passes to torchvision (keyword names and JSON shapes as torchvision's).
/// </summary>
internal static class TransformFactory
{
    public static ITransform Build(JsonObject c, TorchGenerator generator, PythonRandom random)
    {
        string name = (string)c["t"]!;
        JsonObject kw = c["kw"]?.AsObject() ?? new JsonObject();
        double P(double fallback) => kw["p"] is { } p ? VisionOracle.D(p) : fallback;
        switch (name)
        {
            case "RandomHorizontalFlip": return new RandomHorizontalFlip(P(0.5), generator);
            case "RandomVerticalFlip": return new RandomVerticalFlip(P(0.5), generator);
            case "RandomInvert": return new RandomInvert(P(0.5), generator);
            case "RandomAutocontrast": return new RandomAutocontrast(P(0.5), generator);
            case "RandomEqualize": return new RandomEqualize(P(0.5), generator);
            case "RandomGrayscale": return new RandomGrayscale(P(0.1), generator);
            case "RandomPosterize": return new RandomPosterize((int)VisionOracle.L(kw["bits"]), P(0.5), generator);
            case "RandomSolarize": return new RandomSolarize(VisionOracle.D(kw["threshold"]), P(0.5), generator);
            case "RandomAdjustSharpness": return new RandomAdjustSharpness(VisionOracle.D(kw["sharpness_factor"]), P(0.5), generator);
            case "RandomCrop":
                return new RandomCrop(
                    Pair(kw["size"]),
                    kw["padding"]?.AsArray().Select(v => (int)VisionOracle.L(v)).ToArray(),
                    kw["pad_if_needed"] is { } pin && (bool)pin,
                    kw["fill"] is { } fill ? VisionOracle.D(fill) : 0,
                    kw["padding_mode"] is { } mode ? Enum.Parse<PaddingMode>((string)mode!, ignoreCase: true) : PaddingMode.Constant,
                    generator);
            case "RandomResizedCrop":
                return new RandomResizedCrop(
                    Pair(kw["size"]),
                    Range(kw["scale"]),
                    Range(kw["ratio"]),
                    Interpolation(kw["interpolation"], InterpolationMode.Bilinear),
                    kw["antialias"] is { } aa ? (bool)aa : null,
                    generator);
            case "RandomErasing":
            {
                double p = P(0.5);
                bool inplace = kw["inplace"] is { } ip && (bool)ip;
                return kw["value"] switch
                {
                    null => new RandomErasing(p, Range(kw["scale"]), Range(kw["ratio"]), 0, inplace, generator),
                    JsonArray values => new RandomErasing(p, Range(kw["scale"]), Range(kw["ratio"]), values.Select(VisionOracle.D).ToArray(), inplace, generator),
                    JsonValue v when v.TryGetValue(out string? s) => new RandomErasing(p, Range(kw["scale"]), Range(kw["ratio"]), s!, inplace, generator),
                    JsonNode v => new RandomErasing(p, Range(kw["scale"]), Range(kw["ratio"]), VisionOracle.D(v), inplace, generator),
                };
            }

            case "RandomApply": return new RandomApply(Inner(c, generator, random), P(0.5), generator);
            case "RandomChoice": return new RandomChoice(Inner(c, generator, random), kw["p"]?.AsArray().Select(VisionOracle.D).ToArray(), random);
            case "RandomOrder": return new RandomOrder(Inner(c, generator, random), random);
            default: return BuildGeometric(name, kw, generator);
        }
    }

    private static ITransform[] Inner(JsonObject c, TorchGenerator generator, PythonRandom random) =>
        c["inner"]!.AsArray().Select(i => Build(i!.AsObject(), generator, random)).ToArray();

    public static (int, int) Pair(JsonNode? node) => node is JsonArray a
        ? ((int)VisionOracle.L(a[0]), (int)VisionOracle.L(a[a.Count == 1 ? 0 : 1]))
        : ((int)VisionOracle.L(node), (int)VisionOracle.L(node));

    public static (double, double)? Range(JsonNode? node) => node is JsonArray a ? (VisionOracle.D(a[0]), VisionOracle.D(a[1])) : null;

    public static InterpolationMode Interpolation(JsonNode? node, InterpolationMode fallback) => node is null ? fallback : (string)node! switch
    {
        "nearest" => InterpolationMode.Nearest,
        "bilinear" => InterpolationMode.Bilinear,
        "bicubic" => InterpolationMode.Bicubic,
        string other => throw new ArgumentException($"unknown interpolation {other}"),
    };

    private static ITransform BuildGeometric(string name, JsonObject kw, TorchGenerator generator)
    {
        double[]? Fill() => kw["fill"] switch
        {
            null => null,
            JsonArray a => a.Select(VisionOracle.D).ToArray(),
            JsonNode v => [VisionOracle.D(v)],
        };
        (double, double)? Center() => Range(kw["center"]);
        switch (name)
        {
            case "RandomRotation":
            {
                var interpolation = Interpolation(kw["interpolation"], InterpolationMode.Nearest);
                bool expand = kw["expand"] is { } e && (bool)e;
                return kw["degrees"] is JsonArray
                    ? new RandomRotation(Range(kw["degrees"])!.Value, interpolation, expand, Center(), Fill(), generator)
                    : new RandomRotation(VisionOracle.D(kw["degrees"]), interpolation, expand, Center(), Fill(), generator);
            }

            case "RandomAffine":
            {
                var interpolation = Interpolation(kw["interpolation"], InterpolationMode.Nearest);
                double[]? shear = kw["shear"] switch
                {
                    null => null,
                    JsonArray a => a.Select(VisionOracle.D).ToArray(),
                    JsonNode v => [VisionOracle.D(v)],
                };
                return kw["degrees"] is JsonArray
                    ? new RandomAffine(Range(kw["degrees"])!.Value, Range(kw["translate"]), Range(kw["scale"]), shear, interpolation, Fill(), Center(), generator)
                    : new RandomAffine(VisionOracle.D(kw["degrees"]), Range(kw["translate"]), Range(kw["scale"]), shear, interpolation, Fill(), Center(), generator);
            }

            case "RandomPerspective":
                return new RandomPerspective(
                    kw["distortion_scale"] is { } ds ? VisionOracle.D(ds) : 0.5,
                    kw["p"] is { } p ? VisionOracle.D(p) : 0.5,
                    Interpolation(kw["interpolation"], InterpolationMode.Bilinear),
                    Fill(),
                    generator);
            case "ColorJitter":
            {
                string[] keys = ["brightness", "contrast", "saturation", "hue"];
                if (keys.Any(k => kw[k] is JsonArray))
                {
                    return new ColorJitter(Range(kw["brightness"]), Range(kw["contrast"]), Range(kw["saturation"]), Range(kw["hue"]), generator);
                }

                double Number(string k) => kw[k] is { } v ? VisionOracle.D(v) : 0;
                return new ColorJitter(Number("brightness"), Number("contrast"), Number("saturation"), Number("hue"), generator);
            }

            case "GaussianBlur":
            {
                var kernel = Pair(kw["kernel_size"]);
                return kw["sigma"] switch
                {
                    null => new GaussianBlur(kernel, (0.1, 2.0), generator),
                    JsonArray => new GaussianBlur(kernel, Range(kw["sigma"])!.Value, generator),
                    JsonNode v => new GaussianBlur(kernel.Item1 == kernel.Item2 ? kernel.Item1 : throw new ArgumentException("a fixed sigma needs a square kernel here"), VisionOracle.D(v), generator),
                };
            }

            default: throw new ArgumentException($"unknown transform {name}");
        }
    }
}

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

    private static ITransform BuildGeometric(string name, JsonObject kw, TorchGenerator generator) =>
        throw new ArgumentException($"unknown transform {name}");
}

using System.Text.Json.Nodes;
using OneSeed.Compat;
using static OneSeed.TorchVision.Tests.Infrastructure.ParamsDifferential;
using static TorchSharp.torch;

namespace OneSeed.TorchVision.Tests.Infrastructure;

/// <summary>
/// The <c>GetParams</c> call a JSON case of tests/oracles/torchvision_transforms.py's "get_params" op describes, with the
/// result flattened as the oracle flattens it (for the golden file, replayed without Python).
/// </summary>
internal static class GetParamsCalls
{
    public static List<string> Call(JsonObject c, Tensor? img, TorchGenerator g)
    {
        JsonObject a = c["args"]!.AsObject();
        (double, double) R(string key) => TransformFactory.Range(a[key])!.Value;
        (double, double)? OptionalR(string key) => TransformFactory.Range(a[key]);
        switch ((string)c["t"]!)
        {
            case "RandomCrop":
            {
                var (i, j, h, w) = RandomCrop.GetParams(g, img!, TransformFactory.Pair(a["output_size"]));
                return [I(i), I(j), I(h), I(w)];
            }

            case "RandomResizedCrop":
            {
                var (i, j, h, w) = RandomResizedCrop.GetParams(g, img!, R("scale"), R("ratio"));
                return [I(i), I(j), I(h), I(w)];
            }

            case "RandomErasing":
            {
                double[]? value = a["value"]?.AsArray().Select(VisionOracle.D).ToArray();
                var (i, j, h, w, v) = RandomErasing.GetParams(g, img!, R("scale"), R("ratio"), value);
                List<string> flat = [I(i), I(j), I(h), I(w)];
                if (ReferenceEquals(v, img))
                {
                    flat.Add("img");
                }
                else
                {
                    flat.AddRange(T(v));
                    v.Dispose();
                }

                return flat;
            }

            case "RandomRotation": return [F(RandomRotation.GetParams(g, R("degrees")))];
            case "RandomAffine":
            {
                double[]? shears = a["shears"]?.AsArray().Select(VisionOracle.D).ToArray();
                var (angle, (tx, ty), s, (shx, shy)) = RandomAffine.GetParams(g, R("degrees"), OptionalR("translate"), OptionalR("scale_ranges"), shears, TransformFactory.Pair(a["img_size"]));
                return [F(angle), I(tx), I(ty), F(s), F(shx), F(shy)];
            }

            case "RandomPerspective":
            {
                var (start, end) = RandomPerspective.GetParams(g, (int)VisionOracle.L(a["width"]), (int)VisionOracle.L(a["height"]), VisionOracle.D(a["distortion_scale"]));
                return start.Concat(end).SelectMany(p => new[] { I(p.X), I(p.Y) }).ToList();
            }

            case "ColorJitter":
            {
                var (fnIdx, b, cc, s, h) = ColorJitter.GetParams(g, OptionalR("brightness"), OptionalR("contrast"), OptionalR("saturation"), OptionalR("hue"));
                return [.. fnIdx.Select(i => I(i)), F(b), F(cc), F(s), F(h)];
            }

            case "GaussianBlur": return [F(GaussianBlur.GetParams(g, VisionOracle.D(a["sigma_min"]), VisionOracle.D(a["sigma_max"])))];
            default: throw new ArgumentException($"unknown transform {c["t"]}");
        }
    }
}

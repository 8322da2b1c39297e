using System.Text.Json.Nodes;
using OneSeed.TorchVision.Tests.Infrastructure;

namespace OneSeed.TorchVision.Tests.Transforms;

/// <summary>
/// Every <c>GetParams</c> against torchvision 0.14's <c>get_params</c>, bit for bit, on fresh seeds, image sizes and
/// arguments every run, including the generator state after the draws.
/// </summary>
public sealed class GetParamsTests
{
    private static JsonArray Pair(double a, double b) => new(JsonValue.Create(a), JsonValue.Create(b));

    private static double R(ParamsDifferential d, double scale, int digits = 4) => Math.Round(d.Seeds.Double() * scale, digits);

    [Fact]
    public void RandomCrop_RandomResizedCrop_RandomErasing_GetParams_equal_torchvision()
    {
        var d = new ParamsDifferential();
        for (int k = 0; k < 150; k++)
        {
            long[] shape = [d.Seeds.Int(1, 4), d.Seeds.Int(1, 300), d.Seeds.Int(1, 300)];
            int image = d.AddImage(shape);
            int th = d.Seeds.Int(0, (int)shape[1] + 1), tw = d.Seeds.Int(0, (int)shape[2] + 1);
            if (d.Seeds.Int(0, 5) == 0)
            {
                (th, tw) = ((int)shape[1], (int)shape[2]);
            }

            d.Add("RandomCrop", new JsonObject { ["output_size"] = new JsonArray(th, tw) }, image, d.Seeds.Int(1, 4));

            // Ranges from the default to narrow and wide ones (inverted ones make torch's uniform_ fail).
            double s0 = R(d, 1), s1 = R(d, 1);
            double r0 = 0.05 + R(d, 3), r1 = 0.05 + R(d, 3);
            (s0, s1) = (Math.Min(s0, s1), Math.Max(s0, s1));
            (r0, r1) = (Math.Min(r0, r1), Math.Max(r0, r1));
            if (d.Seeds.Bool())
            {
                (s0, s1, r0, r1) = (0.08, 1.0, 3.0 / 4.0, 4.0 / 3.0);
            }

            d.Add("RandomResizedCrop", new JsonObject { ["scale"] = Pair(s0, s1), ["ratio"] = Pair(r0, r1) }, image, d.Seeds.Int(1, 4));

            double e0 = R(d, 0.5), e1 = e0 + R(d, 0.5);
            double q0 = 0.1 + R(d, 2), q1 = q0 + R(d, 3);
            int kind = d.Seeds.Int(0, 3);
            double[]? value = kind switch
            {
                0 => null,
                1 => [d.Seeds.Int(0, 256)],
                _ => Enumerable.Range(0, (int)shape[0]).Select(_ => R(d, 1)).ToArray(),
            };
            var args = new JsonObject { ["scale"] = Pair(e0, e1), ["ratio"] = Pair(q0, q1) };
            if (value is not null)
            {
                args["value"] = new JsonArray(value.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
            }

            d.Add("RandomErasing", args, image, d.Seeds.Int(1, 3));
        }

        Assert.Equal(450, d.Run());
    }

    [Fact]
    public void RandomRotation_RandomAffine_RandomPerspective_ColorJitter_GaussianBlur_GetParams_equal_torchvision()
    {
        var d = new ParamsDifferential();
        for (int k = 0; k < 150; k++)
        {
            double a0 = Math.Round((d.Seeds.Double() * 360) - 180, 3), a1 = a0 + R(d, 200, 3);
            d.Add("RandomRotation", new JsonObject { ["degrees"] = Pair(a0, a1) }, calls: d.Seeds.Int(1, 4));

            (double, double)? translate = d.Seeds.Bool() ? (R(d, 1, 3), R(d, 1, 3)) : null;
            (double, double)? scale = null;
            if (d.Seeds.Bool())
            {
                double s0 = 0.05 + R(d, 2, 3);
                scale = (s0, s0 + R(d, 2, 3));
            }

            double[]? shears = d.Seeds.Int(0, 3) switch
            {
                0 => null,
                1 => [-R(d, 40, 2), R(d, 40, 2)],
                _ => [-R(d, 40, 2), R(d, 40, 2), -R(d, 40, 2), R(d, 40, 2)],
            };
            (int, int) imgSize = (d.Seeds.Int(1, 500), d.Seeds.Int(1, 500));
            var affineArgs = new JsonObject { ["degrees"] = Pair(a0, a1), ["img_size"] = new JsonArray(imgSize.Item1, imgSize.Item2) };
            if (translate is { } t)
            {
                affineArgs["translate"] = Pair(t.Item1, t.Item2);
            }

            if (scale is { } sc)
            {
                affineArgs["scale_ranges"] = Pair(sc.Item1, sc.Item2);
            }

            if (shears is not null)
            {
                affineArgs["shears"] = new JsonArray(shears.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
            }

            d.Add("RandomAffine", affineArgs, calls: d.Seeds.Int(1, 3));

            int width = d.Seeds.Int(1, 400), height = d.Seeds.Int(1, 400);
            double distortion = d.Seeds.Int(0, 5) == 0 ? d.Seeds.Int(0, 2) : R(d, 1, 3);
            d.Add("RandomPerspective", new JsonObject { ["width"] = width, ["height"] = height, ["distortion_scale"] = distortion }, calls: d.Seeds.Int(1, 3));

            (double, double)? Jitter(double low, double spread) => d.Seeds.Bool() ? null : (low, low + R(d, spread, 3));
            var b = Jitter(R(d, 1, 3), 2);
            var c = Jitter(R(d, 1, 3), 2);
            var s2 = Jitter(R(d, 1, 3), 2);
            double h0 = -R(d, 0.5, 3);
            var h = Jitter(h0, -h0 + 0.5 - 0.001);
            var jitterArgs = new JsonObject();
            foreach (var (key, range) in new[] { ("brightness", b), ("contrast", c), ("saturation", s2), ("hue", h) })
            {
                if (range is { } r)
                {
                    jitterArgs[key] = Pair(r.Item1, r.Item2);
                }
            }

            d.Add("ColorJitter", jitterArgs, calls: d.Seeds.Int(1, 3));

            double sigmaMin = 0.01 + R(d, 3, 3), sigmaMax = sigmaMin + (d.Seeds.Int(0, 4) == 0 ? 0 : R(d, 3, 3));
            d.Add("GaussianBlur", new JsonObject { ["sigma_min"] = sigmaMin, ["sigma_max"] = sigmaMax }, calls: d.Seeds.Int(1, 4));
        }

        Assert.Equal(750, d.Run());
    }
}

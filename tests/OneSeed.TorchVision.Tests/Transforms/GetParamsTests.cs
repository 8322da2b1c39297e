using System.Text.Json.Nodes;
using OneSeed.TorchVision.Tests.Infrastructure;
using static OneSeed.TorchVision.Tests.Infrastructure.ParamsDifferential;

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
            var img = d.Images[image];
            int th = d.Seeds.Int(0, (int)shape[1] + 1), tw = d.Seeds.Int(0, (int)shape[2] + 1);
            if (d.Seeds.Int(0, 5) == 0)
            {
                (th, tw) = ((int)shape[1], (int)shape[2]);
            }

            d.Add("RandomCrop", new JsonObject { ["output_size"] = new JsonArray(th, tw) }, g =>
            {
                var (i, j, h, w) = RandomCrop.GetParams(g, img, (th, tw));
                return [I(i), I(j), I(h), I(w)];
            }, image, d.Seeds.Int(1, 4));

            // Ranges from the default to narrow and wide ones (inverted ones make torch's uniform_ fail).
            double s0 = R(d, 1), s1 = R(d, 1);
            double r0 = 0.05 + R(d, 3), r1 = 0.05 + R(d, 3);
            (s0, s1) = (Math.Min(s0, s1), Math.Max(s0, s1));
            (r0, r1) = (Math.Min(r0, r1), Math.Max(r0, r1));
            if (d.Seeds.Bool())
            {
                (s0, s1, r0, r1) = (0.08, 1.0, 3.0 / 4.0, 4.0 / 3.0);
            }

            d.Add("RandomResizedCrop", new JsonObject { ["scale"] = Pair(s0, s1), ["ratio"] = Pair(r0, r1) }, g =>
            {
                var (i, j, h, w) = RandomResizedCrop.GetParams(g, img, (s0, s1), (r0, r1));
                return [I(i), I(j), I(h), I(w)];
            }, image, d.Seeds.Int(1, 4));

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

            d.Add("RandomErasing", args, g =>
            {
                var (i, j, h, w, v) = RandomErasing.GetParams(g, img, (e0, e1), (q0, q1), value);
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
            }, image, d.Seeds.Int(1, 3));
        }

        Assert.Equal(450, d.Run());
    }
}

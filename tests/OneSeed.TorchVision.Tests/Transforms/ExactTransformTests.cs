using System.Text.Json.Nodes;
using OneSeed.TorchVision.Tests.Infrastructure;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace OneSeed.TorchVision.Tests.Transforms;

/// <summary>
/// The transforms whose pixels equal torchvision's exactly (flips, crops, erasing, grayscale, invert, posterize,
/// solarize, equalize): fresh seeds, arguments and images every run, each output compared value for value with
/// torchvision 0.14's and the generator state afterwards with torch's.
/// </summary>
public sealed class ExactTransformTests(ITestOutputHelper output)
{
    private static JsonValue N(double v) => JsonValue.Create(v);

    private static double Probability(TransformDifferential d) => d.Seeds.Int(0, 5) switch
    {
        0 => 0.5,
        1 => d.Seeds.Int(0, 2),
        // Values that are not float32 numbers, so the float32-versus-double comparisons are exercised.
        _ => Math.Round(d.Seeds.Double(), 3),
    };

    [Fact]
    public void FlipsGrayscaleInvertPosterizeSolarizeEqualize_equal_torchvision()
    {
        var d = new TransformDifferential(output);
        for (int k = 0; k < 40; k++)
        {
            int image = d.AddImage(d.Shape());
            int calls = d.Seeds.Int(1, 4);
            d.AddCase("RandomHorizontalFlip", new JsonObject { ["p"] = N(Probability(d)) }, image, calls);
            d.AddCase("RandomVerticalFlip", new JsonObject { ["p"] = N(Probability(d)) }, image, calls);
            d.AddCase("RandomGrayscale", new JsonObject { ["p"] = N(Probability(d)) }, image, calls);
            d.AddCase("RandomInvert", new JsonObject { ["p"] = N(Probability(d)) }, image, calls);
            d.AddCase("RandomPosterize", new JsonObject { ["bits"] = d.Seeds.Int(0, 9), ["p"] = N(Probability(d)) }, image, calls);
            d.AddCase("RandomSolarize", new JsonObject { ["threshold"] = d.Seeds.Int(0, 256), ["p"] = N(Probability(d)) }, image, calls);
            d.AddCase("RandomEqualize", new JsonObject { ["p"] = N(Probability(d)) }, image, calls);
        }

        for (int k = 0; k < 10; k++)
        {
            int image = d.AddImage(d.Shape(), ScalarType.Float32);
            d.AddCase("RandomHorizontalFlip", new JsonObject { ["p"] = N(Probability(d)) }, image, 2);
            d.AddCase("RandomGrayscale", new JsonObject { ["p"] = N(Probability(d)) }, image, 2);
            d.AddCase("RandomInvert", new JsonObject { ["p"] = N(Probability(d)) }, image, 2);
            d.AddCase("RandomSolarize", new JsonObject { ["threshold"] = N(Math.Round(d.Seeds.Double(), 2)), ["p"] = N(Probability(d)) }, image, 2);
        }

        d.Run();
    }

    [Fact]
    public void RandomCrop_with_padding_modes_and_pad_if_needed_equals_torchvision()
    {
        var d = new TransformDifferential(output);
        string[] modes = ["constant", "edge", "reflect", "symmetric"];
        for (int k = 0; k < 120; k++)
        {
            bool batch = d.Seeds.Int(0, 4) == 0;
            long[] shape = d.Shape(minSide: 3, maxSide: 20, allowBatch: batch);
            ScalarType dtype = d.Seeds.Int(0, 4) == 0 ? ScalarType.Float32 : ScalarType.Byte;
            int image = d.AddImage(shape, dtype);
            long h = shape[^2], w = shape[^1];
            var kw = new JsonObject();
            int pad = 0;
            if (d.Seeds.Bool())
            {
                // Reflect needs padding smaller than the side.
                int most = (int)Math.Min(h, w) - 1;
                int[] padding = d.Seeds.Int(0, 3) switch
                {
                    0 => [d.Seeds.Int(0, most + 1)],
                    1 => [d.Seeds.Int(0, most + 1), d.Seeds.Int(0, most + 1)],
                    _ => [d.Seeds.Int(0, most + 1), d.Seeds.Int(0, most + 1), d.Seeds.Int(0, most + 1), d.Seeds.Int(0, most + 1)],
                };
                kw["padding"] = new JsonArray(padding.Select(p => (JsonNode)p).ToArray());
                pad = padding.Min();
            }

            bool padIfNeeded = d.Seeds.Bool();
            kw["pad_if_needed"] = padIfNeeded;
            int extra = padIfNeeded ? (int)Math.Min(h, w) - 1 : 0;
            kw["size"] = new JsonArray(d.Seeds.Int(1, (int)h + (2 * pad) + extra + 1), d.Seeds.Int(1, (int)w + (2 * pad) + extra + 1));
            kw["padding_mode"] = d.Seeds.Pick(modes);
            kw["fill"] = d.Seeds.Int(0, 256);
            d.AddCase("RandomCrop", kw, image, d.Seeds.Int(1, 3));
        }

        d.Run();
    }

    [Fact]
    public void RandomErasing_with_constant_tuple_and_random_values_equals_torchvision()
    {
        var d = new TransformDifferential(output);
        for (int k = 0; k < 150; k++)
        {
            long[] shape = d.Shape(minSide: 2, maxSide: 24);
            ScalarType dtype = d.Seeds.Int(0, 3) == 0 ? ScalarType.Byte : ScalarType.Float32;
            int image = d.AddImage(shape, dtype);
            double s0 = Math.Round(d.Seeds.Double() * 0.3, 3);
            double r0 = 0.2 + Math.Round(d.Seeds.Double(), 3);
            var kw = new JsonObject
            {
                ["p"] = N(d.Seeds.Int(0, 4) == 0 ? Math.Round(d.Seeds.Double(), 3) : 1.0),
                ["scale"] = new JsonArray(N(s0), N(Math.Min(1.0, s0 + Math.Round(d.Seeds.Double() * 0.6, 3)))),
                ["ratio"] = new JsonArray(N(r0), N(r0 + Math.Round(d.Seeds.Double() * 3, 3))),
            };
            switch (d.Seeds.Int(0, 4))
            {
                case 0: kw["value"] = d.Seeds.Int(0, 256); break;
                case 1: kw["value"] = new JsonArray(Enumerable.Range(0, (int)shape[^3]).Select(_ => (JsonNode)d.Seeds.Int(0, 256)).ToArray()); break;
                case 2: kw["value"] = "random"; break;
                default: kw["value"] = N(Math.Round(d.Seeds.Double(), 3)); break;
            }

            d.AddCase("RandomErasing", kw, image, d.Seeds.Int(1, 3));
        }

        d.Run();
    }

    [Fact]
    public void RandomApply_RandomChoice_RandomOrder_equal_torchvision()
    {
        var d = new TransformDifferential(output);
        JsonObject Inner(string t, JsonObject kw) => new() { ["t"] = t, ["kw"] = kw };
        JsonArray Pool() => new(
            Inner("RandomHorizontalFlip", new JsonObject { ["p"] = N(Math.Round(d.Seeds.Double(), 3)) }),
            Inner("RandomVerticalFlip", new JsonObject { ["p"] = N(Math.Round(d.Seeds.Double(), 3)) }),
            Inner("RandomInvert", new JsonObject { ["p"] = N(Math.Round(d.Seeds.Double(), 3)) }),
            Inner("RandomPosterize", new JsonObject { ["bits"] = d.Seeds.Int(0, 9), ["p"] = N(Math.Round(d.Seeds.Double(), 3)) }),
            Inner("RandomCrop", new JsonObject { ["size"] = new JsonArray(4, 4), ["padding"] = new JsonArray(2) }));
        for (int k = 0; k < 60; k++)
        {
            int image = d.AddImage(d.Shape(minSide: 4, maxSide: 12));
            d.AddCase("RandomApply", new JsonObject { ["p"] = N(Math.Round(d.Seeds.Double(), 3)) }, image, d.Seeds.Int(1, 4), Pool());
            JsonArray pool = Pool();
            var weights = new JsonArray(pool.Select(_ => (JsonNode)d.Seeds.Int(0, 5)).ToArray());
            weights[0] = 1;
            d.AddCase("RandomChoice", d.Seeds.Bool() ? new JsonObject { ["p"] = weights } : new JsonObject(), image, d.Seeds.Int(1, 4), pool);
            d.AddCase("RandomOrder", new JsonObject(), image, d.Seeds.Int(1, 4), Pool());
        }

        d.Run();
    }

    /// <summary>
    /// The draw equal to float32(p): torchvision's tensor comparisons (<c>torch.rand(1) &lt; p</c>, <c>p &lt; torch.rand(1)</c>)
    /// round p to float32 and see equality, its <c>.item() &lt; p</c> comparisons see the draw below p. p is chosen per
    /// seed so the first draw hits it, which random cases almost never do.
    /// </summary>
    [Fact]
    public void The_draw_equal_to_float32_p_is_decided_as_torchvision_decides_it()
    {
        var d = new TransformDifferential(output);
        string[] tensorCompared = ["RandomHorizontalFlip", "RandomVerticalFlip", "RandomGrayscale", "RandomErasing", "RandomPerspective"];
        string[] itemCompared = ["RandomInvert", "RandomAutocontrast", "RandomEqualize"];
        for (int k = 0; k < 20; k++)
        {
            int image = d.AddImage([3, 8, 8]);
            foreach (string t in tensorCompared.Concat(itemCompared).Append("RandomApply"))
            {
                JsonObject c = d.AddCase(t, new JsonObject(), image);
                float r = new OneSeed.Compat.TorchGenerator(VisionOracle.L(c["seed"])).Rand(1)[0];
                // A double above r that rounds to r in float32.
                double p = r + ((MathF.BitIncrement(r) - (double)r) / 4);
                Assert.Equal(r, (float)p);
                c["kw"]!["p"] = p;
                if (t == "RandomApply")
                {
                    c["inner"] = new JsonArray(new JsonObject { ["t"] = "RandomInvert", ["kw"] = new JsonObject { ["p"] = 1.0 } });
                }
            }
        }

        d.Run();
    }
}

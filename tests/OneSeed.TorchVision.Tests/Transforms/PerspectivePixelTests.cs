using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Tests.Infrastructure;
using OneSeed.TorchSharp;
using OneSeed.TorchVision.Tests.Infrastructure;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace OneSeed.TorchVision.Tests.Transforms;

/// <summary>
/// RandomPerspective's two halves: the coefficients, which torchvision solves from the 8x8 corner system with float32
/// <c>torch.linalg.lstsq(driver="gels")</c> (percents off the exact solution: only the same rounding gives the same
/// answer; Debian's torch links reference LAPACK, which OneSeed transcribes), compared bit for bit with
/// <c>F._get_perspective_coeffs</c>; and the pixels, compared with torchvision's <c>F_t.perspective</c> given them.
/// </summary>
public sealed class PerspectivePixelTests(ITestOutputHelper output)
{
    [Fact]
    public void Perspective_coefficients_are_torchvisions_bit_for_bit_and_pixels_match_torchvision_given_them()
    {
        var d = new TransformDifferential(output);
        var cases = new List<(JsonObject Case, (int X, int Y)[] Start, (int X, int Y)[] End, string Mode, double[] Fill)>();
        double worstTorchvision = 0;
        for (int k = 0; k < 100; k++)
        {
            ScalarType dtype = d.Seeds.Int(0, 3) == 0 ? ScalarType.Float32 : ScalarType.Byte;
            long[] shape = d.Shape(minSide: 2, maxSide: 32);
            int image = d.AddImage(shape, dtype);
            var generator = new TorchGenerator(d.Seeds.Int(0, int.MaxValue));
            var (start, end) = RandomPerspective.GetParams(generator, (int)shape[^1], (int)shape[^2], Math.Round(d.Seeds.Double(), 3));
            string mode = d.Seeds.Bool() ? "nearest" : "bilinear";
            double[] fill = d.Seeds.Bool() ? [d.Seeds.Int(0, 256)] : Enumerable.Range(0, (int)shape[^3]).Select(_ => (double)d.Seeds.Int(0, 256)).ToArray();
            double[] coeffs = ImageOps.PerspectiveCoefficients(start, end);
            static JsonArray Points((int X, int Y)[] points) => new(points.Select(p => (JsonNode)new JsonArray(p.X, p.Y)).ToArray());
            var c = new JsonObject
            {
                ["image"] = image,
                ["coeffs"] = new JsonArray(coeffs.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()),
                ["startpoints"] = Points(start),
                ["endpoints"] = Points(end),
                ["interpolation"] = mode,
                ["fill"] = new JsonArray(fill.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()),
            };
            cases.Add((c, start, end, mode, fill));
        }

        JsonArray results = VisionOracle.Run("perspective", d.Images, cases.Select(c => c.Case));
        double worstPixel = 0;
        for (int k = 0; k < cases.Count; k++)
        {
            var (c, start, end, mode, fill) = cases[k];
            double[] coeffs = ImageOps.PerspectiveCoefficients(start, end);
            double[] exact = results[k]!["exact"]!.AsArray().Select(v => BitConverter.UInt64BitsToDouble((ulong)v!)).ToArray();
            double[] torchvision = results[k]!["torchvision"]!.AsArray().Select(v => BitConverter.UInt64BitsToDouble((ulong)v!)).ToArray();
            Assert.True(coeffs.SequenceEqual(torchvision), $"coefficients [{string.Join(", ", coeffs.Select(v => v.ToString("R")))}] vs torchvision's [{string.Join(", ", torchvision.Select(v => v.ToString("R")))}] in case {k} {VisionOracle.Describe(c)} {d.Seeds.Replay}");
            for (int i = 0; i < 8; i++)
            {
                // How far float32 lstsq is from the exact solution (reported: why nothing but the same rounding will do).
                worstTorchvision = Math.Max(worstTorchvision, Math.Abs(torchvision[i] - exact[i]) / Math.Max(Math.Abs(exact[i]), 1e-3));
            }

            using var scope = NewDisposeScope();
            Tensor image = d.Images[(int)VisionOracle.L(c["image"])];
            Tensor actual = ImageOps.Perspective(image, start, end, TransformFactory.Interpolation(c["interpolation"], InterpolationMode.Bilinear), fill);
            Tensor expected = VisionOracle.Decode(results[k]!["outputs"]![0]!);
            Assert.Equal(expected.dtype, actual.dtype);

            // Pixel centres on the horizon line are undefined in both libraries (PerspectiveHorizon).
            Tensor onHorizon = PerspectiveHorizon.Mask(coeffs, image.shape[^2], image.shape[^1]);
            actual = actual.masked_fill(onHorizon, 0);
            expected = expected.masked_fill(onHorizon, 0);
            double diff = VisionOracle.MaxAbsDiff(actual, expected);
            worstPixel = Math.Max(worstPixel, diff);
            Assert.True(diff <= InterpolatingTransformTests.Tolerance("RandomRotation", image.dtype), $"max |difference| {diff} in case {k} {VisionOracle.Describe(c)} {d.Seeds.Replay}");
        }

        output.WriteLine($"coefficients: all torchvision's; their largest relative distance from the exact solution {worstTorchvision}; pixels: largest |difference| {worstPixel}");
    }

    [Fact]
    public void Perspective_coefficients_are_torchvisions_bit_for_bit_for_images_up_to_4096_pixels_a_side()
    {
        var d = new TransformDifferential(output);
        var cases = new List<((int X, int Y)[] Start, (int X, int Y)[] End)>();
        for (int k = 0; k < 600; k++)
        {
            int width = d.Seeds.Int(0, 4) == 0 ? d.Seeds.Int(2, 17) : d.Seeds.Int(2, 4097);
            int height = d.Seeds.Int(0, 4) == 0 ? d.Seeds.Int(2, 17) : d.Seeds.Int(2, 4097);
            var generator = new TorchGenerator(d.Seeds.Int(0, int.MaxValue));
            cases.Add(RandomPerspective.GetParams(generator, width, height, Math.Round(d.Seeds.Double(), 3)));
        }

        static JsonArray Points((int X, int Y)[] points) => new(points.Select(p => (JsonNode)new JsonArray(p.X, p.Y)).ToArray());
        JsonArray results = VisionOracle.Run("perspective_coeffs", [], cases.Select(c => new JsonObject { ["startpoints"] = Points(c.Start), ["endpoints"] = Points(c.End) }));
        for (int k = 0; k < cases.Count; k++)
        {
            double[] expected = results[k]!.AsArray().Select(v => BitConverter.UInt64BitsToDouble((ulong)v!)).ToArray();
            double[] actual = ImageOps.PerspectiveCoefficients(cases[k].Start, cases[k].End);
            Assert.True(actual.SequenceEqual(expected), $"case {k}: start {Points(cases[k].Start).ToJsonString()}, end {Points(cases[k].End).ToJsonString()}: [{string.Join(", ", actual.Select(v => v.ToString("R")))}] vs torchvision's [{string.Join(", ", expected.Select(v => v.ToString("R")))}] {d.Seeds.Replay}");
        }
    }

    [Fact]
    public void Perspective_coefficients_replay_torchvision_golden_vectors()
    {
        TorchSharpNative.EnsureLoaded();
        string path = Path.Combine(RepoPaths.Root, "tests", "OneSeed.TorchVision.Tests", "GoldenVectors", "torchvision_perspective_coeffs.json");
        JsonNode golden = JsonNode.Parse(File.ReadAllText(path))!;
        JsonArray cases = golden["cases"]!.AsArray();
        JsonArray results = golden["results"]!.AsArray();
        Assert.Equal(200, cases.Count);
        static (int X, int Y)[] Points(JsonNode? points) => points!.AsArray().Select(p => ((int)p![0]!, (int)p[1]!)).ToArray();
        for (int k = 0; k < cases.Count; k++)
        {
            double[] expected = results[k]!.AsArray().Select(v => BitConverter.UInt64BitsToDouble((ulong)v!)).ToArray();
            double[] actual = ImageOps.PerspectiveCoefficients(Points(cases[k]!["startpoints"]), Points(cases[k]!["endpoints"]));
            Assert.True(actual.SequenceEqual(expected), $"golden case {k}: [{string.Join(", ", actual.Select(v => v.ToString("R")))}] vs [{string.Join(", ", expected.Select(v => v.ToString("R")))}]");
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.TorchSharp;
using OneSeed.TorchVision;
using TorchSharp;
using static TorchSharp.torch;

namespace OneSeed.Benchmarks;

/// <summary>
/// A typical ImageNet training augmentation — RandomResizedCrop(224), RandomHorizontalFlip(), ColorJitter(0.4, 0.4,
/// 0.4) — on uint8 [3, 375, 500] images, one thread, images per second, beside torchvision's (bench/compare_augmentation.sh,
/// bench/torchvision_augmentation_bench.py), and the parameter draws alone (GetParams) to show they add nothing
/// measurable. Times whole passes with a stopwatch, best of several, as the Python side does.
/// Usage: OneSeed.Benchmarks --augmentation
/// </summary>
internal static class AugmentationRun
{
    private const int Images = 64;
    private const int Repeats = 5;

    public static void Run(TextWriter output)
    {
        TorchSharpNative.EnsureLoaded();
        torch.set_num_threads(1);
        var generator = new TorchGenerator(2026);
        using Tensor batch = torch.randint(0, 256, [Images, 3, 375, 500], ScalarType.Byte, generator: new Generator(7));
        Tensor[] images = [.. Enumerable.Range(0, Images).Select(i => batch[i].clone())];
        var pipeline = torchvision.transforms.Compose(
            new RandomResizedCrop(224, generator: generator),
            new RandomHorizontalFlip(generator: generator),
            new ColorJitter(0.4, 0.4, 0.4, generator: generator));

        double full = Best(() =>
        {
            foreach (Tensor image in images)
            {
                using var scope = torch.NewDisposeScope();
                _ = pipeline.call(image);
            }
        });

        double drawsOnly = Best(() =>
        {
            foreach (Tensor image in images)
            {
                _ = RandomResizedCrop.GetParams(generator, image, (0.08, 1.0), (3.0 / 4.0, 4.0 / 3.0));
                _ = generator.Rand(1);
                _ = ColorJitter.GetParams(generator, (0.6, 1.4), (0.6, 1.4), (0.6, 1.4), null);
            }
        });

        // Where the time goes: each stage alone, and libtorch's bilinear interpolate alone on the float32 image the
        // crop's resize hands it (the same call torchvision makes on torch 1.13).
        var crop = new RandomResizedCrop(224, generator: generator);
        var jitter = new ColorJitter(0.4, 0.4, 0.4, generator: generator);
        Tensor[] crops = [.. images.Select(image => crop.call(image))];
        double cropOnly = PerImage(images, image => crop.call(image));
        double jitterOnly = PerImage(crops, image => jitter.call(image));
        using Tensor floats = torch.rand([1, 3, 300, 400], generator: new Generator(7));
        double interpolateOnly = PerImage(images, _ => nn.functional.interpolate(floats, size: [224, 224], mode: InterpolationMode.Bilinear, align_corners: false));

        var result = new JsonObject
        {
            ["images_per_s"] = Images / full,
            ["draws_per_image_us"] = drawsOnly / Images * 1e6,
            ["pixels_per_image_us"] = full / Images * 1e6,
            ["random_resized_crop_us"] = cropOnly,
            ["color_jitter_us"] = jitterOnly,
            ["interpolate_300x400_to_224_us"] = interpolateOnly,
        };
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"OneSeed.TorchVision: {Images / full:0.0} images/s on one thread; parameter draws {drawsOnly / Images * 1e6:0.0} us of {full / Images * 1e6:0} us per image; RandomResizedCrop {cropOnly:0} us, ColorJitter {jitterOnly:0} us, libtorch's bilinear interpolate 300x400 -> 224 {interpolateOnly:0} us"));
        output.WriteLine(result.ToJsonString());
        foreach (Tensor image in images.Concat(crops))
        {
            image.Dispose();
        }
    }

    // Microseconds per image of one stage over the images, best of the passes.
    private static double PerImage(Tensor[] inputs, Func<Tensor, Tensor> stage) => Best(() =>
    {
        foreach (Tensor input in inputs)
        {
            using var scope = torch.NewDisposeScope();
            _ = stage(input);
        }
    }) / inputs.Length * 1e6;

    private static double Best(Action pass)
    {
        pass();
        double best = double.MaxValue;
        for (int r = 0; r < Repeats; r++)
        {
            long start = Stopwatch.GetTimestamp();
            pass();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        return best;
    }
}

using OneSeed.Compat;
using OneSeed.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torchvision;

namespace OneSeed.TorchVision.Tests.Transforms;

/// <summary>
/// What the transforms promise besides torchvision's numbers: torchvision's argument checks (refused in the
/// constructor, before any draw), refused calls that leave the generator untouched, the ambient default generator read
/// at call time, and use inside TorchSharp's own <c>transforms.Compose</c>.
/// </summary>
public sealed class TransformContractTests
{
    public TransformContractTests() => TorchSharpNative.EnsureLoaded();

    [Fact]
    public void Constructors_refuse_what_torchvision_refuses()
    {
        Assert.Throws<ArgumentException>(() => new RandomCrop(4, padding: [1, 2, 3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomCrop(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomResizedCrop(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomResizedCrop(8, scale: (0.9, 0.1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomResizedCrop(8, ratio: (0, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomResizedCrop(8, interpolation: InterpolationMode.Area));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomResizedCrop(8, interpolation: InterpolationMode.Nearest, antialias: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomErasing(p: 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomErasing(scale: (0.1, 1.5)));
        Assert.Throws<ArgumentException>(() => new RandomErasing(0.5, null, null, "noise"));
        Assert.Throws<ArgumentException>(() => new RandomErasing(0.5, null, null, Array.Empty<double>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomPosterize(9));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomAdjustSharpness(-0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomRotation(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomRotation(10, interpolation: InterpolationMode.Bicubic));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomAffine(10, translate: (0.5, 1.5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomAffine(10, scale: (0, 1)));
        Assert.Throws<ArgumentException>(() => new RandomAffine(10, shear: [1, 2, 3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomAffine(10, shear: [-1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomPerspective(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ColorJitter(brightness: -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ColorJitter(hue: 0.6));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ColorJitter(null, null, null, (-0.6, 0.1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ColorJitter((1.5, 1.2), null, null, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianBlur(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianBlur(3, 0.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianBlur((3, 5), (2.0, 1.0)));
        Assert.Throws<ArgumentException>(() => new RandomChoice([]));
        Assert.Throws<ArgumentException>(() => new RandomChoice([new RandomInvert()], [1, 2]));
        Assert.Throws<ArgumentException>(() => new RandomChoice([new RandomInvert()], [0]));
    }

    [Fact]
    public void ColorJitter_turns_off_what_torchvision_turns_off()
    {
        var jitter = new ColorJitter(brightness: 0, contrast: 1.5, saturation: 0, hue: 0);
        Assert.Null(jitter.Brightness);
        Assert.Equal((0.0, 2.5), jitter.Contrast);
        Assert.Null(new ColorJitter((1, 1), (0.5, 0.5), null, (0, 0)).Brightness);
        Assert.Equal((0.5, 0.5), new ColorJitter((1, 1), (0.5, 0.5), null, (0, 0)).Contrast);
    }

    [Fact]
    public void A_refused_call_leaves_the_generator_untouched()
    {
        var generator = new TorchGenerator(5);
        byte[] before = generator.GetState();
        using Tensor floats = rand(3, 8, 8);
        using Tensor fourChannels = zeros([4, 8, 8], ScalarType.Byte);
        Assert.Throws<ArgumentException>(() => new RandomPosterize(3, 1.0, generator).call(floats));
        Assert.Throws<ArgumentException>(() => new RandomEqualize(1.0, generator).call(floats));
        Assert.Throws<ArgumentException>(() => new RandomInvert(1.0, generator).call(fourChannels));
        Assert.Throws<ArgumentException>(() => new RandomSolarize(300, 1.0, generator).call(fourChannels[..3]));
        Assert.Throws<ArgumentException>(() => new RandomErasing(1.0, null, null, [1.0, 2.0], false, generator).call(fourChannels));
        Assert.Throws<ArgumentException>(() => new RandomRotation(10, fill: [1, 2], generator: generator).call(fourChannels));
        Assert.Throws<ArgumentException>(() => new RandomCrop(9, generator: generator).call(fourChannels));
        Assert.Equal(before, generator.GetState());
    }

    [Fact]
    public void Without_a_generator_the_ambient_default_generator_is_read_at_call_time()
    {
        using Tensor image = arange(3 * 20 * 20, ScalarType.Int32).reshape(3, 20, 20).to_type(ScalarType.Byte);
        var transform = new RandomResizedCrop(8);
        var order = new RandomOrder([new RandomHorizontalFlip(), new RandomVerticalFlip(), new RandomInvert()]);
        var seeded = new TorchGenerator(1234);
        var python = new PythonRandom(77);
        var worker = new TorchGenerator(1234);
        var workerPython = new PythonRandom(77);

        // As inside a data-loader worker: the ambient generators are replaced after the transforms were built.
        using (Seed.UseAmbient(new AmbientSources { Torch = worker, Python = workerPython }))
        {
            using Tensor fromAmbient = order.call(transform.call(image));
            using Tensor fromSeeded = new RandomOrder([new RandomHorizontalFlip(generator: seeded), new RandomVerticalFlip(generator: seeded), new RandomInvert(generator: seeded)], python)
                .call(new RandomResizedCrop(8, generator: seeded).call(image));
            Assert.Equal(0, Infrastructure.VisionOracle.MaxAbsDiff(fromAmbient, fromSeeded));
        }

        Assert.Equal(seeded.GetState(), worker.GetState());
        Assert.Equal(python.Random(), workerPython.Random());
    }

    [Fact]
    public void The_transforms_drop_into_TorchSharps_Compose_and_draw_in_order()
    {
        using Tensor image = arange(3 * 24 * 24, ScalarType.Int32).reshape(3, 24, 24).to_type(ScalarType.Byte);
        ITransform Pipeline(TorchGenerator g) => transforms.Compose(
            new RandomResizedCrop(16, generator: g),
            new RandomHorizontalFlip(generator: g),
            new ColorJitter(0.4, 0.4, 0.4, 0.1, g),
            new RandomErasing(generator: g));
        var composed = Pipeline(new TorchGenerator(99));
        var g2 = new TorchGenerator(99);
        ITransform[] steps = [new RandomResizedCrop(16, generator: g2), new RandomHorizontalFlip(generator: g2), new ColorJitter(0.4, 0.4, 0.4, 0.1, g2), new RandomErasing(generator: g2)];
        for (int round = 0; round < 5; round++)
        {
            using Tensor viaCompose = composed.call(image);
            Tensor x = image;
            foreach (ITransform step in steps)
            {
                x = step.call(x);
            }

            Assert.Equal(0, Infrastructure.VisionOracle.MaxAbsDiff(viaCompose, x));
        }
    }

    /// <summary>
    /// The claim docs/torchvision.md makes about TorchSharp's own transforms (TorchVision 0.107): its RandomResizedCrop
    /// draws from a new unseeded <see cref="System.Random"/> per call (src/TorchVision/RandomResizedCrop.cs), so
    /// reseeding torch does not repeat its crops, while this package's does.
    /// </summary>
    [Fact]
    public void TorchSharps_own_RandomResizedCrop_ignores_the_torch_seed_and_this_one_does_not()
    {
        using Tensor image = arange(64 * 64, ScalarType.Float32).reshape(1, 64, 64);
        var theirs = new HashSet<double>();
        var ours = new HashSet<double>();
        for (int i = 0; i < 8; i++)
        {
            torch.random.manual_seed(7);
            using Tensor a = transforms.RandomResizedCrop(8, 8).call(image);

            // TorchSharp's own bug (docs/torchvision.md): a crop that already has the output size comes back disposed.
            theirs.Add(a.IsInvalid ? double.NaN : a.sum().item<float>());
            using Tensor b = new RandomResizedCrop(8, generator: new TorchGenerator(7)).call(image);
            ours.Add(b.sum().item<float>());
        }

        Assert.True(theirs.Count > 1, "TorchSharp's RandomResizedCrop repeated itself after reseeding torch: the documented claim no longer holds.");
        Assert.Single(ours);
    }
}

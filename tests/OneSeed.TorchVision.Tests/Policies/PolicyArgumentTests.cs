using OneSeed.Compat;
using OneSeed.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace OneSeed.TorchVision.Tests.Policies;

/// <summary>Constructor and input checks of the policies, and where they take their generator from.</summary>
public sealed class PolicyArgumentTests
{
    public PolicyArgumentTests() => TorchSharpNative.EnsureLoaded();

    [Fact]
    public void Constructors_refuse_out_of_range_arguments_naming_them()
    {
        Assert.Equal("severity", Assert.Throws<ArgumentOutOfRangeException>(() => new AugMix(severity: 0)).ParamName);
        Assert.Equal("severity", Assert.Throws<ArgumentOutOfRangeException>(() => new AugMix(severity: 11)).ParamName);
        Assert.Equal("mixtureWidth", Assert.Throws<ArgumentOutOfRangeException>(() => new AugMix(mixtureWidth: 0)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new AugMix(alpha: 0.0)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new AugMix(alpha: double.NaN)).ParamName);
        Assert.Equal("magnitude", Assert.Throws<ArgumentOutOfRangeException>(() => new RandAugment(magnitude: 31)).ParamName);
        Assert.Equal("magnitude", Assert.Throws<ArgumentOutOfRangeException>(() => new RandAugment(magnitude: -32)).ParamName);
        Assert.Equal("numOps", Assert.Throws<ArgumentOutOfRangeException>(() => new RandAugment(numOps: -1)).ParamName);
        Assert.Equal("numMagnitudeBins", Assert.Throws<ArgumentOutOfRangeException>(() => new RandAugment(numMagnitudeBins: 1, magnitude: 0)).ParamName);
        Assert.Equal("numMagnitudeBins", Assert.Throws<ArgumentOutOfRangeException>(() => new TrivialAugmentWide(numMagnitudeBins: 1)).ParamName);
        Assert.Equal("interpolation", Assert.Throws<ArgumentOutOfRangeException>(() => new AutoAugment(interpolation: InterpolationMode.Bicubic)).ParamName);
        Assert.Equal("policy", Assert.Throws<ArgumentOutOfRangeException>(() => new AutoAugment((AutoAugmentPolicy)7)).ParamName);
        Assert.Equal("fill", Assert.Throws<ArgumentException>(() => new TrivialAugmentWide(fill: [])).ParamName);
        Assert.Equal("transformNum", Assert.Throws<ArgumentOutOfRangeException>(() => AutoAugment.GetParams(new TorchGenerator(), 0)).ParamName);
    }

    [Theory]
    [InlineData("float")]
    [InlineData("2d")]
    [InlineData("5d")]
    [InlineData("channels")]
    [InlineData("fill")]
    public void Images_the_operations_cannot_take_are_refused_before_any_draw(string problem)
    {
        using Tensor image = problem switch
        {
            "float" => zeros([3, 8, 8]),
            "2d" => zeros([8, 8], ScalarType.Byte),
            "5d" => zeros([1, 1, 3, 8, 8], ScalarType.Byte),
            "channels" => zeros([2, 8, 8], ScalarType.Byte),
            _ => zeros([3, 8, 8], ScalarType.Byte),
        };
        float[]? fill = problem == "fill" ? [1f, 2f] : null;
        var generator = new TorchGenerator(5);
        byte[] before = generator.GetState();
        foreach (torchvision.ITransform transform in new torchvision.ITransform[]
                 {
                     new AutoAugment(fill: fill, generator: generator), new RandAugment(fill: fill, generator: generator),
                     new TrivialAugmentWide(fill: fill, generator: generator), new AugMix(fill: fill, generator: generator),
                 })
        {
            Assert.Equal("input", Assert.Throws<ArgumentException>(() => transform.call(image)).ParamName);
        }

        Assert.Equal(before, generator.GetState());
    }

    [Fact]
    public void Without_a_generator_the_policies_draw_from_the_ambient_default_at_call_time()
    {
        using Tensor image = randint(0, 256, [3, 20, 24], ScalarType.Byte);
        var transforms = new torchvision.ITransform[] { new AutoAugment(), new RandAugment(), new TrivialAugmentWide(), new AugMix() };
        foreach (torchvision.ITransform transform in transforms)
        {
            var ambient = new TorchGenerator(123);
            var explicitOne = new TorchGenerator(123);
            Tensor viaDefault;
            using (Seed.UseAmbient(new AmbientSources { Torch = ambient }))
            {
                viaDefault = transform.call(image);
            }

            torchvision.ITransform withGenerator = transform switch
            {
                AutoAugment => new AutoAugment(generator: explicitOne),
                RandAugment => new RandAugment(generator: explicitOne),
                TrivialAugmentWide => new TrivialAugmentWide(generator: explicitOne),
                _ => new AugMix(generator: explicitOne),
            };
            using Tensor viaConstructor = withGenerator.call(image);
            Assert.Equal(PolicyCases.Bytes(viaConstructor), PolicyCases.Bytes(viaDefault));
            Assert.Equal(explicitOne.GetState(), ambient.GetState());
            Assert.NotEqual(new TorchGenerator(123).GetState(), ambient.GetState());
        }
    }

    [Fact]
    public void Policies_compose_with_TorchSharps_Compose()
    {
        using Tensor image = randint(0, 256, [2, 3, 16, 16], ScalarType.Byte);
        var generator = new TorchGenerator(9);
        torchvision.ITransform pipeline = torchvision.transforms.Compose(new RandAugment(generator: generator), new AugMix(generator: generator));
        using Tensor result = pipeline.call(image);
        Assert.Equal(image.shape, result.shape);
        Assert.Equal(ScalarType.Byte, result.dtype);
    }
}

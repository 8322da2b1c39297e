using OneSeed.Compat;
using static TorchSharp.torch;
using static TorchSharp.torchvision;

namespace OneSeed.TorchVision;

/// <summary>
/// torchvision 0.14's <c>transforms.RandomVerticalFlip(p)</c> on tensors: flips the image vertically (<c>img.flip(-2)</c>) when <c>torch.rand(1) &lt; p</c>, a
/// float32 comparison (p rounded to float32, as torch compares a tensor with a Python float), for a draw from a
/// <see cref="TorchGenerator"/>.
/// </summary>
/// <remarks>
/// <para>Draws exactly what torchvision draws, in the same order: one <c>torch.rand(1)</c> per call.</para>
/// <para>Reproducibility tier: <b>stable</b> (the draw and the pixels are bit-exact with torchvision 0.14).</para>
/// </remarks>
public sealed class RandomVerticalFlip : ITransform
{
    private readonly TorchGenerator? _generator;

    /// <summary>Creates the transform.</summary>
    /// <param name="p">The probability of flipping (torchvision's default 0.5); as in torchvision, any value is accepted and compared with the float32 draw.</param>
    /// <param name="generator">The generator to draw from; null (the default) draws from <see cref="TorchGenerator.Default"/> at each call.</param>
    public RandomVerticalFlip(double p = 0.5, TorchGenerator? generator = null)
    {
        P = p;
        _generator = generator;
    }

    /// <summary>The probability of flipping.</summary>
    public double P { get; }

    /// <summary>Applies the transform to a <c>[..., H, W]</c> image tensor.</summary>
    /// <param name="input">The image (any dtype; any number of leading dimensions, which all get the same decision).</param>
    /// <returns>A new flipped tensor when the draw says so, else <paramref name="input"/> itself.</returns>
    public Tensor call(Tensor input)
    {
        Internal.ImageDimensions.Of(input, nameof(input));
        TorchGenerator generator = TorchDraw.Resolve(_generator);
        return TorchDraw.RandTensorLessThan(generator, P) ? ImageOps.VerticalFlip(input) : input;
    }
}

using OneSeed.Compat;
using static TorchSharp.torch;
using static TorchSharp.torchvision;

namespace OneSeed.TorchVision;

/// <summary>
/// torchvision 0.14's <c>transforms.RandomGrayscale(p)</c> on tensors: with probability <c>p</c> (when
/// <c>torch.rand(1) &lt; p</c>, compared in float32), converts the image to grayscale keeping its number of channels
/// (<c>0.2989 R + 0.587 G + 0.114 B</c>, truncated to the dtype, repeated over 3 channels; a 1-channel image is copied).
/// </summary>
/// <remarks>
/// <para>Draws exactly what torchvision draws: one <c>torch.rand(1)</c> per call.</para>
/// <para>Reproducibility tier: <b>stable</b> (the draw and the pixels are bit-exact with torchvision 0.14).</para>
/// </remarks>
public sealed class RandomGrayscale : ITransform
{
    private readonly TorchGenerator? _generator;

    /// <summary>Creates the transform.</summary>
    /// <param name="p">The probability of converting (torchvision's default 0.1); as in torchvision, any value is accepted.</param>
    /// <param name="generator">The generator to draw from; null (the default) draws from <see cref="TorchGenerator.Default"/> at each call.</param>
    public RandomGrayscale(double p = 0.1, TorchGenerator? generator = null)
    {
        P = p;
        _generator = generator;
    }

    /// <summary>The probability of converting.</summary>
    public double P { get; }

    /// <summary>Applies the transform to a <c>[..., C, H, W]</c> image tensor (C = 1 or 3).</summary>
    /// <param name="input">The image; every image of a batch gets the same decision, as in torchvision.</param>
    /// <returns>A new tensor with the input's shape when the draw says so, else <paramref name="input"/> itself.</returns>
    /// <exception cref="ArgumentException">Fewer than 3 dimensions, or not 1 or 3 channels; refused before the draw.</exception>
    public Tensor call(Tensor input)
    {
        ImageOps.RequireThreeDimensions(input, nameof(RandomGrayscale));
        ImageOps.RequireOneOrThreeChannels(input, nameof(RandomGrayscale));
        TorchGenerator generator = TorchDraw.Resolve(_generator);
        long channels = Internal.ImageDimensions.Of(input).Channels;
        return TorchDraw.RandTensorLessThan(generator, P) ? ImageOps.RgbToGrayscale(input, channels) : input;
    }
}

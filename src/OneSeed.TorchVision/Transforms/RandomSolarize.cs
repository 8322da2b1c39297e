using OneSeed.Compat;
using static TorchSharp.torch;
using static TorchSharp.torchvision;

namespace OneSeed.TorchVision;

/// <summary>
/// torchvision 0.14's <c>transforms.RandomSolarize(threshold, p)</c> on tensors: inverts every value at or above <c>threshold</c> with probability <c>p</c>, when
/// <c>torch.rand(1).item() &lt; p</c> (the float32 draw compared in double precision) for a draw from a <see cref="TorchGenerator"/>.
/// </summary>
/// <remarks>
/// <para>Draws exactly what torchvision draws, in the same order: one <c>torch.rand(1)</c> per call.</para>
/// <para>Reproducibility tier: <b>stable</b> for the draw; the pixels are exact.</para>
/// </remarks>
public sealed class RandomSolarize : ITransform
{
    private readonly TorchGenerator? _generator;

    /// <summary>Creates the transform inverting values at or above <paramref name="threshold"/>.</summary>
    /// <param name="threshold">Values at or above it are inverted; at most the image's bound (255 for uint8, 1 for floats), checked at each call as torchvision does.</param>
    /// <param name="p">The probability of applying it (torchvision's default 0.5); as in torchvision, any value is accepted.</param>
    /// <param name="generator">The generator to draw from; null (the default) draws from <see cref="TorchGenerator.Default"/> at each call.</param>
    public RandomSolarize(double threshold, double p = 0.5, TorchGenerator? generator = null)
    {
        Threshold = threshold;
        P = p;
        _generator = generator;
    }

    /// <summary>Values at or above this threshold are inverted.</summary>
    public double Threshold { get; }

    /// <summary>The probability of applying the transform.</summary>
    public double P { get; }

    /// <summary>Applies the transform to a <c>[..., C, H, W]</c> image tensor (C = 1 or 3).</summary>
    /// <param name="input">The image; every image of a batch gets the same decision, as in torchvision.</param>
    /// <returns>A new tensor when the draw says so, else <paramref name="input"/> itself.</returns>
    /// <exception cref="ArgumentException">The image is one torchvision refuses (fewer than 3 dimensions, not 1 or 3 channels, or a threshold above the dtype's bound); refused before the draw.</exception>
    public Tensor call(Tensor input)
    {
        ImageOps.RequireThreeDimensions(input, nameof(RandomSolarize));
        ImageOps.RequireOneOrThreeChannels(input, nameof(RandomSolarize));
        ImageOps.RequireThreshold(input, Threshold);
        TorchGenerator generator = TorchDraw.Resolve(_generator);
        return TorchDraw.RandItemLessThan(generator, P) ? ImageOps.Solarize(input, Threshold) : input;
    }
}

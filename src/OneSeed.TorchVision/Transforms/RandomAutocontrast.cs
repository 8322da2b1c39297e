using OneSeed.Compat;
using static TorchSharp.torch;
using static TorchSharp.torchvision;

namespace OneSeed.TorchVision;

/// <summary>
/// torchvision 0.14's <c>transforms.RandomAutocontrast(p)</c> on tensors: stretches each channel so that its minimum becomes 0 and its maximum the dtype's bound with probability <c>p</c>, when
/// <c>torch.rand(1).item() &lt; p</c> (the float32 draw compared in double precision) for a draw from a <see cref="TorchGenerator"/>.
/// </summary>
/// <remarks>
/// <para>Draws exactly what torchvision draws, in the same order: one <c>torch.rand(1)</c> per call.</para>
/// <para>Reproducibility tier: <b>stable</b> for the draw; the pixels agree with torchvision within the tolerance docs/torchvision.md states.</para>
/// </remarks>
public sealed class RandomAutocontrast : ITransform
{
    private readonly TorchGenerator? _generator;

    /// <summary>Creates the transform.</summary>
    /// <param name="p">The probability of applying it (torchvision's default 0.5); as in torchvision, any value is accepted.</param>
    /// <param name="generator">The generator to draw from; null (the default) draws from <see cref="TorchGenerator.Default"/> at each call.</param>
    public RandomAutocontrast(double p = 0.5, TorchGenerator? generator = null)
    {
        P = p;
        _generator = generator;
    }

    /// <summary>The probability of applying the transform.</summary>
    public double P { get; }

    /// <summary>Applies the transform to a <c>[..., C, H, W]</c> image tensor (C = 1 or 3).</summary>
    /// <param name="input">The image; every image of a batch gets the same decision, as in torchvision.</param>
    /// <returns>A new tensor when the draw says so, else <paramref name="input"/> itself.</returns>
    /// <exception cref="ArgumentException">The image is one torchvision refuses (fewer than 3 dimensions, or not 1 or 3 channels); refused before the draw.</exception>
    public Tensor call(Tensor input)
    {
        ImageOps.RequireThreeDimensions(input, nameof(RandomAutocontrast));
        ImageOps.RequireOneOrThreeChannels(input, nameof(RandomAutocontrast));
        TorchGenerator generator = TorchDraw.Resolve(_generator);
        return TorchDraw.RandItemLessThan(generator, P) ? ImageOps.Autocontrast(input) : input;
    }
}

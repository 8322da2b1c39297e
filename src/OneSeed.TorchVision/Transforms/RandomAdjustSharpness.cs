using OneSeed.Compat;
using static TorchSharp.torch;
using static TorchSharp.torchvision;

namespace OneSeed.TorchVision;

/// <summary>
/// torchvision 0.14's <c>transforms.RandomAdjustSharpness(sharpness_factor, p)</c> on tensors: blends the image with its 3x3-smoothed version by <c>sharpness_factor</c> with probability <c>p</c>, when
/// <c>torch.rand(1).item() &lt; p</c> (the float32 draw compared in double precision) for a draw from a <see cref="TorchGenerator"/>.
/// </summary>
/// <remarks>
/// <para>Draws exactly what torchvision draws, in the same order: one <c>torch.rand(1)</c> per call.</para>
/// <para>Reproducibility tier: <b>stable</b> for the draw; the pixels agree with torchvision within the tolerance docs/torchvision.md states (the smoothing is a float32 convolution).</para>
/// </remarks>
public sealed class RandomAdjustSharpness : ITransform
{
    private readonly TorchGenerator? _generator;

    /// <summary>Creates the transform with the given sharpness factor.</summary>
    /// <param name="sharpnessFactor">How much to sharpen: 0 blurs, 1 keeps the image, 2 doubles the sharpness; not negative.</param>
    /// <param name="p">The probability of applying it (torchvision's default 0.5); as in torchvision, any value is accepted.</param>
    /// <param name="generator">The generator to draw from; null (the default) draws from <see cref="TorchGenerator.Default"/> at each call.</param>
    public RandomAdjustSharpness(double sharpnessFactor, double p = 0.5, TorchGenerator? generator = null)
    {
        // torchvision checks the factor only when it sharpens (F.adjust_sharpness); refusing it here keeps a bad value from failing mid-epoch.
        if (!(sharpnessFactor >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(sharpnessFactor), sharpnessFactor, "sharpness_factor must be a non-negative number, as torchvision requires.");
        }

        SharpnessFactor = sharpnessFactor;
        P = p;
        _generator = generator;
    }

    /// <summary>The sharpness factor.</summary>
    public double SharpnessFactor { get; }

    /// <summary>The probability of applying the transform.</summary>
    public double P { get; }

    /// <summary>Applies the transform to a <c>[..., C, H, W]</c> image tensor (C = 1 or 3).</summary>
    /// <param name="input">The image; every image of a batch gets the same decision, as in torchvision.</param>
    /// <returns>A new tensor when the draw says so, else <paramref name="input"/> itself.</returns>
    /// <exception cref="ArgumentException">The image is one torchvision refuses (not 1 or 3 channels); refused before the draw.</exception>
    public Tensor call(Tensor input)
    {
        ImageOps.RequireOneOrThreeChannels(input, nameof(RandomAdjustSharpness));
        TorchGenerator generator = TorchDraw.Resolve(_generator);
        return TorchDraw.RandItemLessThan(generator, P) ? ImageOps.AdjustSharpness(input, SharpnessFactor) : input;
    }
}

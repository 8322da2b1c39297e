using OneSeed.Compat;
using static TorchSharp.torch;
using static TorchSharp.torchvision;

namespace OneSeed.TorchVision;

/// <summary>
/// torchvision 0.14's <c>transforms.RandomEqualize(p)</c> on tensors: equalizes the histogram of each uint8 channel with probability <c>p</c>, when
/// <c>torch.rand(1).item() &lt; p</c> (the float32 draw compared in double precision) for a draw from a <see cref="TorchGenerator"/>.
/// </summary>
/// <remarks>
/// <para>Draws exactly what torchvision draws, in the same order: one <c>torch.rand(1)</c> per call.</para>
/// <para>Reproducibility tier: <b>stable</b> for the draw; the pixels are exact (integer arithmetic).</para>
/// </remarks>
public sealed class RandomEqualize : ITransform
{
    private readonly TorchGenerator? _generator;

    /// <summary>Creates the transform.</summary>
    /// <param name="p">The probability of applying it (torchvision's default 0.5); as in torchvision, any value is accepted.</param>
    /// <param name="generator">The generator to draw from; null (the default) draws from <see cref="TorchGenerator.Default"/> at each call.</param>
    public RandomEqualize(double p = 0.5, TorchGenerator? generator = null)
    {
        P = p;
        _generator = generator;
    }

    /// <summary>The probability of applying the transform.</summary>
    public double P { get; }

    /// <summary>Applies the transform to a <c>[..., C, H, W]</c> image tensor (C = 1 or 3).</summary>
    /// <param name="input">The image; every image of a batch gets the same decision, as in torchvision.</param>
    /// <returns>A new tensor when the draw says so, else <paramref name="input"/> itself.</returns>
    /// <exception cref="ArgumentException">The image is one torchvision refuses (not 3 or 4 dimensions, not uint8, or not 1 or 3 channels); refused before the draw.</exception>
    public Tensor call(Tensor input)
    {
        if (input.dim() is not (3 or 4))
        {
            throw new ArgumentException($"RandomEqualize needs an image tensor with 3 or 4 dimensions, as torchvision; got {input.dim()}.", nameof(input));
        }

        ImageOps.RequireByte(input, nameof(RandomEqualize));
        ImageOps.RequireOneOrThreeChannels(input, nameof(RandomEqualize));
        TorchGenerator generator = TorchDraw.Resolve(_generator);
        return TorchDraw.RandItemLessThan(generator, P) ? ImageOps.Equalize(input) : input;
    }
}

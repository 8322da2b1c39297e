using OneSeed.Compat;
using static TorchSharp.torch;
using static TorchSharp.torchvision;

namespace OneSeed.TorchVision;

/// <summary>
/// torchvision 0.14's <c>transforms.RandomPosterize(bits, p)</c> on tensors: keeps the <c>bits</c> high bits of each uint8 value with probability <c>p</c>, when
/// <c>torch.rand(1).item() &lt; p</c> (the float32 draw compared in double precision) for a draw from a <see cref="TorchGenerator"/>.
/// </summary>
/// <remarks>
/// <para>Draws exactly what torchvision draws, in the same order: one <c>torch.rand(1)</c> per call.</para>
/// <para>Reproducibility tier: <b>stable</b> for the draw; the pixels are exact.</para>
/// </remarks>
public sealed class RandomPosterize : ITransform
{
    private readonly TorchGenerator? _generator;

    /// <summary>Creates the transform keeping <paramref name="bits"/> bits.</summary>
    /// <param name="bits">The number of bits to keep per channel, 0 to 8.</param>
    /// <param name="p">The probability of applying it (torchvision's default 0.5); as in torchvision, any value is accepted.</param>
    /// <param name="generator">The generator to draw from; null (the default) draws from <see cref="TorchGenerator.Default"/> at each call.</param>
    public RandomPosterize(int bits, double p = 0.5, TorchGenerator? generator = null)
    {
        // torchvision checks bits only when it posterizes (F.posterize); refusing it here keeps a bad value from failing mid-epoch.
        ArgumentOutOfRangeException.ThrowIfNegative(bits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 8);
        Bits = bits;
        P = p;
        _generator = generator;
    }

    /// <summary>The number of bits kept per channel.</summary>
    public int Bits { get; }

    /// <summary>The probability of applying the transform.</summary>
    public double P { get; }

    /// <summary>Applies the transform to a <c>[..., C, H, W]</c> image tensor (C = 1 or 3).</summary>
    /// <param name="input">The image; every image of a batch gets the same decision, as in torchvision.</param>
    /// <returns>A new tensor when the draw says so, else <paramref name="input"/> itself.</returns>
    /// <exception cref="ArgumentException">The image is one torchvision refuses (fewer than 3 dimensions, not uint8, or not 1 or 3 channels); refused before the draw.</exception>
    public Tensor call(Tensor input)
    {
        ImageOps.RequireThreeDimensions(input, nameof(RandomPosterize));
        ImageOps.RequireByte(input, nameof(RandomPosterize));
        ImageOps.RequireOneOrThreeChannels(input, nameof(RandomPosterize));
        TorchGenerator generator = TorchDraw.Resolve(_generator);
        return TorchDraw.RandItemLessThan(generator, P) ? ImageOps.Posterize(input, Bits) : input;
    }
}

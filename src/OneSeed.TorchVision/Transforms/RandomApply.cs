using OneSeed.Compat;
using static TorchSharp.torch;
using static TorchSharp.torchvision;

namespace OneSeed.TorchVision;

/// <summary>
/// torchvision 0.14's <c>transforms.RandomApply(transforms, p)</c>: applies the transforms in order with probability
/// <c>p</c>, skipping them all when <c>p &lt; torch.rand(1)</c> (compared in float32).
/// </summary>
/// <remarks>
/// <para>
/// Draws one <c>torch.rand(1)</c> from its <see cref="TorchGenerator"/> per call, before the inner transforms draw (from
/// their own generators, or <see cref="TorchGenerator.Default"/>: give them the same generator to draw as torchvision's
/// single global one does).
/// </para>
/// <para>Reproducibility tier: <b>stable</b> for its draw; the result is as exact as the inner transforms.</para>
/// </remarks>
public sealed class RandomApply : ITransform
{
    private readonly TorchGenerator? _generator;
    private readonly ITransform[] _transforms;

    /// <summary>Creates the composition.</summary>
    /// <param name="transforms">The transforms, applied in order.</param>
    /// <param name="p">The probability of applying them (torchvision's default 0.5); as in torchvision, any value is accepted.</param>
    /// <param name="generator">The generator to draw from; null (the default) draws from <see cref="TorchGenerator.Default"/> at each call.</param>
    /// <exception cref="ArgumentNullException"><paramref name="transforms"/> or one of them is null.</exception>
    public RandomApply(IReadOnlyList<ITransform> transforms, double p = 0.5, TorchGenerator? generator = null)
    {
        _transforms = TransformArguments.Transforms(transforms, nameof(transforms));
        P = p;
        _generator = generator;
    }

    /// <summary>The transforms, in order.</summary>
    public IReadOnlyList<ITransform> Transforms => _transforms;

    /// <summary>The probability of applying the transforms.</summary>
    public double P { get; }

    /// <summary>Applies the composition.</summary>
    /// <param name="input">The image.</param>
    /// <returns>The last transform's output, or <paramref name="input"/> itself when skipped. Intermediate outputs are disposed.</returns>
    public Tensor call(Tensor input)
    {
        TorchGenerator generator = TorchDraw.Resolve(_generator);
        if ((float)P < TorchDraw.Rand(generator))
        {
            return input;
        }

        return TransformArguments.ApplyInOrder(_transforms, Enumerable.Range(0, _transforms.Length), input);
    }
}

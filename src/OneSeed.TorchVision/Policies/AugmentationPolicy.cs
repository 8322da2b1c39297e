using OneSeed.Compat;
using OneSeed.TorchSharp;
using OneSeed.TorchVision.Policies;
using TorchSharp;
using static TorchSharp.torch;

namespace OneSeed.TorchVision;

/// <summary>
/// What torchvision 0.14's four augmentation policies share (<see cref="AutoAugment"/>, <see cref="RandAugment"/>,
/// <see cref="TrivialAugmentWide"/>, <see cref="AugMix"/>): the interpolation and fill of their geometric operations and
/// the generator they draw from. torchvision copies these between its classes ("FIXME: Eliminate copy-pasted code").
/// </summary>
/// <remarks>
/// Not extensible outside this package. Reproducibility tier: <b>stable</b> for the drawn operations; pixels as stated
/// in docs/torchvision.md.
/// </remarks>
public abstract class AugmentationPolicy : torchvision.ITransform
{
    /// <summary>Checks and keeps the shared arguments.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interpolation"/> is neither nearest nor bilinear.</exception>
    /// <exception cref="ArgumentException"><paramref name="fill"/> is empty.</exception>
    private protected AugmentationPolicy(InterpolationMode interpolation, IReadOnlyList<float>? fill, TorchGenerator? generator)
    {
        Interpolation = PolicyArguments.Interpolation(interpolation, nameof(interpolation));
        FillValues = PolicyArguments.Fill(fill, nameof(fill));
        Generator = generator;
        TorchSharpNative.EnsureLoaded();
    }

    /// <summary>The interpolation of the geometric operations (nearest or bilinear).</summary>
    public InterpolationMode Interpolation { get; }

    /// <summary>The value for pixels outside a transformed image: null (zeros), one value for every channel, or one per channel.</summary>
    public IReadOnlyList<float>? Fill => FillValues;

    /// <summary>The generator given to the constructor, or null when the transform reads <see cref="TorchGenerator.Default"/> at each call.</summary>
    public TorchGenerator? Generator { get; }

    /// <summary>The fill values as torchvision's forward passes them on (a copy of the constructor's list).</summary>
    private protected float[]? FillValues { get; }

    /// <summary>The generator a call draws from: the constructor's, or the ambient default at call time.</summary>
    private protected TorchGenerator CurrentGenerator => Generator ?? TorchGenerator.Default;

    /// <summary>Augments <paramref name="input"/>, a uint8 <c>[C, H, W]</c> or <c>[N, C, H, W]</c> image with 1 or 3 channels.</summary>
    /// <param name="input">The image; a batch gets one set of operations, as in torchvision.</param>
    /// <returns>The augmented image (see each policy for when the input itself is returned).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException">The image is not one the policy can transform; nothing is drawn.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "call is TorchSharp's ITransform/IModule method name, which this implements.")]
    public abstract Tensor call(Tensor input);
}

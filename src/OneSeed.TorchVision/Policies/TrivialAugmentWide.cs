using System.Globalization;
using OneSeed.Compat;
using OneSeed.TorchVision.Policies;
using TorchSharp;
using static TorchSharp.torch;

namespace OneSeed.TorchVision;

/// <summary>
/// torchvision 0.14's <c>transforms.TrivialAugmentWide(num_magnitude_bins, interpolation, fill)</c> for uint8 image
/// tensors, drawing from a seeded <see cref="TorchGenerator"/>: the operation index (<c>randint(14, (1,))</c>), the
/// magnitude bin (<c>randint(num_magnitude_bins, (1,))</c>, only for operations with a table) and the sign coin (only
/// for signed operations), exactly as torchvision draws them.
/// </summary>
/// <remarks>
/// <para>
/// The draws come from the generator given to the constructor, or else from <see cref="TorchGenerator.Default"/> read at
/// each call. A batch gets one operation. Images and fills are checked before anything is drawn (see <see cref="AutoAugment"/>).
/// </para>
/// <para>Reproducibility tier: <b>stable</b> for the drawn operation; pixels as stated in docs/torchvision.md.</para>
/// </remarks>
public sealed class TrivialAugmentWide : AugmentationPolicy
{

    /// <summary>Creates the transform (torchvision's <c>TrivialAugmentWide(num_magnitude_bins=31, interpolation=NEAREST, fill=None)</c>).</summary>
    /// <param name="numMagnitudeBins">The number of magnitude values, ≥ 2 (with 1, torchvision's posterize table divides 0 by 0).</param>
    /// <param name="interpolation">Nearest or bilinear.</param>
    /// <param name="fill">The value for pixels outside the transformed image: null (zeros), one value for every channel, or one per channel.</param>
    /// <param name="generator">The generator to draw from; null to read <see cref="TorchGenerator.Default"/> at each call.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range (the message names it).</exception>
    /// <exception cref="ArgumentException"><paramref name="fill"/> is empty.</exception>
    public TrivialAugmentWide(
        int numMagnitudeBins = 31,
        InterpolationMode interpolation = InterpolationMode.Nearest,
        IReadOnlyList<float>? fill = null,
        TorchGenerator? generator = null)
        : base(interpolation, fill, generator)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numMagnitudeBins, 2);
        NumMagnitudeBins = numMagnitudeBins;
    }

    /// <summary>The number of magnitude values.</summary>
    public int NumMagnitudeBins { get; }

    /// <summary>Applies one randomly chosen operation to <paramref name="input"/> (uint8 <c>[C, H, W]</c> or <c>[N, C, H, W]</c>, 1 or 3 channels).</summary>
    /// <returns>The augmented image, or <paramref name="input"/> itself when Identity is drawn.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException">The image is not one the policy can transform; nothing is drawn.</exception>
    public override Tensor call(Tensor input)
    {
        PolicyArguments.Image(input, FillValues, nameof(input));
        return PolicyArguments.ApplyAll(input, [DrawStep(CurrentGenerator)], Interpolation, FillValues);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"TrivialAugmentWide(num_magnitude_bins={NumMagnitudeBins}, interpolation={Interpolation})");

    internal AugmentStep DrawStep(TorchGenerator generator)
    {
        AugmentationSpace.Entry[] space = AugmentationSpace.TrivialAugmentWide(NumMagnitudeBins);
        AugmentationSpace.Entry entry = space[generator.RandInt(space.Length, 1)[0]];
        double magnitude = entry.Magnitudes is { } table ? PolicyArguments.Magnitude(entry, generator.RandInt(table.Length, 1)[0]) : 0.0;
        return new AugmentStep(entry.Operation, PolicyArguments.SignedByCoin(entry, magnitude, generator));
    }
}

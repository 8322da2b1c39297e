using System.Globalization;
using OneSeed.Compat;
using OneSeed.TorchVision.Policies;
using TorchSharp;
using static TorchSharp.torch;

namespace OneSeed.TorchVision;

/// <summary>
/// torchvision 0.14's <c>transforms.RandAugment(num_ops, magnitude, num_magnitude_bins, interpolation, fill)</c> for uint8
/// image tensors, drawing from a seeded <see cref="TorchGenerator"/>: for each of <see cref="NumOps"/> operations, the
/// operation index (<c>randint(14, (1,))</c>) and, for signed operations only, the sign coin (<c>randint(2, (1,))</c>),
/// exactly as torchvision draws them.
/// </summary>
/// <remarks>
/// <para>
/// The draws come from the generator given to the constructor, or else from <see cref="TorchGenerator.Default"/> read at
/// each call. The magnitudes are torchvision's float32 <c>torch.linspace</c> tables, computed as torch 1.13 computes them.
/// A batch gets one set of operations. Unlike torchvision, which raises an <c>IndexError</c> only when an operation with
/// a magnitude table is drawn, a magnitude outside the table is refused at construction (Python's
/// negative indexing, counting from the end, is kept); images and fills are checked before anything is drawn (see
/// <see cref="AutoAugment"/>).
/// </para>
/// <para>Reproducibility tier: <b>stable</b> for the drawn operations; pixels as stated in docs/torchvision.md.</para>
/// </remarks>
public sealed class RandAugment : AugmentationPolicy
{

    /// <summary>Creates the transform (torchvision's <c>RandAugment(num_ops=2, magnitude=9, num_magnitude_bins=31, interpolation=NEAREST, fill=None)</c>).</summary>
    /// <param name="numOps">The number of operations applied in sequence, ≥ 0.</param>
    /// <param name="magnitude">The index into every magnitude table, in [−numMagnitudeBins, numMagnitudeBins) (negative counts from the end, as in Python).</param>
    /// <param name="numMagnitudeBins">The number of magnitude values, ≥ 2 (with 1, torchvision's posterize table divides 0 by 0).</param>
    /// <param name="interpolation">Nearest or bilinear.</param>
    /// <param name="fill">The value for pixels outside the transformed image: null (zeros), one value for every channel, or one per channel.</param>
    /// <param name="generator">The generator to draw from; null to read <see cref="TorchGenerator.Default"/> at each call.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range (the message names it).</exception>
    /// <exception cref="ArgumentException"><paramref name="fill"/> is empty.</exception>
    public RandAugment(
        int numOps = 2,
        int magnitude = 9,
        int numMagnitudeBins = 31,
        InterpolationMode interpolation = InterpolationMode.Nearest,
        IReadOnlyList<float>? fill = null,
        TorchGenerator? generator = null)
        : base(interpolation, fill, generator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numOps);
        ArgumentOutOfRangeException.ThrowIfLessThan(numMagnitudeBins, 2);
        if (magnitude < -numMagnitudeBins || magnitude >= numMagnitudeBins)
        {
            throw new ArgumentOutOfRangeException(nameof(magnitude), magnitude, string.Create(CultureInfo.InvariantCulture, $"magnitude indexes the {numMagnitudeBins} magnitude bins: it must be in [{-numMagnitudeBins}, {numMagnitudeBins - 1}]; got {magnitude}."));
        }

        NumOps = numOps;
        Magnitude = magnitude;
        NumMagnitudeBins = numMagnitudeBins;
    }

    /// <summary>The number of operations applied in sequence.</summary>
    public int NumOps { get; }

    /// <summary>The index into every magnitude table.</summary>
    public int Magnitude { get; }

    /// <summary>The number of magnitude values.</summary>
    public int NumMagnitudeBins { get; }

    /// <summary>Applies <see cref="NumOps"/> randomly chosen operations to <paramref name="input"/> (uint8 <c>[C, H, W]</c> or <c>[N, C, H, W]</c>, 1 or 3 channels).</summary>
    /// <returns>The augmented image, or <paramref name="input"/> itself when every drawn operation is Identity.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException">The image is not one the policy can transform; nothing is drawn.</exception>
    public override Tensor call(Tensor input)
    {
        (_, long height, long width) = PolicyArguments.Image(input, FillValues, nameof(input));
        return PolicyArguments.ApplyAll(input, DrawSteps(CurrentGenerator, height, width), Interpolation, FillValues);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"RandAugment(num_ops={NumOps}, magnitude={Magnitude}, num_magnitude_bins={NumMagnitudeBins}, interpolation={Interpolation})");

    internal List<AugmentStep> DrawSteps(TorchGenerator generator, long height, long width)
    {
        AugmentationSpace.Entry[] space = AugmentationSpace.RandAugment(NumMagnitudeBins, height, width);
        int bin = Magnitude < 0 ? Magnitude + NumMagnitudeBins : Magnitude;
        var steps = new List<AugmentStep>(NumOps);
        for (int i = 0; i < NumOps; i++)
        {
            AugmentationSpace.Entry entry = space[generator.RandInt(space.Length, 1)[0]];
            double magnitude = PolicyArguments.SignedByCoin(entry, PolicyArguments.Magnitude(entry, bin), generator);
            steps.Add(new AugmentStep(entry.Operation, magnitude));
        }

        return steps;
    }
}

using OneSeed.Compat;
using OneSeed.TorchVision.Policies;
using TorchSharp;
using static TorchSharp.torch;
using Op = OneSeed.TorchVision.Policies.AugmentOperation;

namespace OneSeed.TorchVision;

/// <summary>
/// torchvision 0.14's <c>transforms.AutoAugment(policy, interpolation, fill)</c> for uint8 image tensors, drawing from a
/// seeded <see cref="TorchGenerator"/>: the sub-policy, the two probabilities and the two signs exactly as torchvision's
/// <c>get_params</c> draws them (<c>randint</c>, <c>rand(2)</c>, <c>randint(2, (2,))</c>), so after
/// <c>torch.manual_seed(s)</c> and <see cref="Seed.Everything(uint)"/> with the same seed both pick the same operations
/// and magnitudes.
/// </summary>
/// <remarks>
/// <para>
/// The draws come from the generator given to the constructor, or else from <see cref="TorchGenerator.Default"/> read at
/// each call (inside OneSeed's loader workers, the worker's own generator). A batch <c>[N, C, H, W]</c> gets one set of
/// operations, as in torchvision. The operations' pixels follow torchvision's tensor code (see docs/torchvision.md
/// for what is exact and what is within a tolerance against torch 1.13).
/// </para>
/// <para>
/// Unlike torchvision, which raises only when an operation that needs it is drawn, a non-uint8 image, a dimension
/// count other than 3 or 4, a channel count other than 1 or 3, a fill list of the wrong length and an interpolation
/// other than nearest or bilinear are refused before anything is drawn.
/// </para>
/// <para>Reproducibility tier: <b>stable</b> for the drawn operations; pixels as stated in docs/torchvision.md.</para>
/// </remarks>
public sealed class AutoAugment : AugmentationPolicy
{
    private const int MagnitudeBins = 10;
    private readonly SubPolicy[] _subPolicies;

    /// <summary>Creates the transform (torchvision's <c>AutoAugment(policy=IMAGENET, interpolation=NEAREST, fill=None)</c>).</summary>
    /// <param name="policy">The learned policy.</param>
    /// <param name="interpolation">Nearest or bilinear (the only modes torchvision supports on tensors).</param>
    /// <param name="fill">The value for pixels outside the transformed image: null (zeros), one value for every channel, or one per channel.</param>
    /// <param name="generator">The generator to draw from; null to read <see cref="TorchGenerator.Default"/> at each call.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="policy"/> is not a defined policy, or <paramref name="interpolation"/> is neither nearest nor bilinear.</exception>
    /// <exception cref="ArgumentException"><paramref name="fill"/> is empty.</exception>
    public AutoAugment(
        AutoAugmentPolicy policy = AutoAugmentPolicy.ImageNet,
        InterpolationMode interpolation = InterpolationMode.Nearest,
        IReadOnlyList<float>? fill = null,
        TorchGenerator? generator = null)
        : base(interpolation, fill, generator)
    {
        _subPolicies = policy switch
        {
            AutoAugmentPolicy.ImageNet => ImageNet,
            AutoAugmentPolicy.Cifar10 => Cifar10,
            AutoAugmentPolicy.Svhn => Svhn,
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, $"policy must be ImageNet, Cifar10 or Svhn; got {policy}."),
        };
        Policy = policy;
    }

    /// <summary>The learned policy.</summary>
    public AutoAugmentPolicy Policy { get; }

    /// <summary>
    /// torchvision's <c>AutoAugment.get_params(transform_num)</c>: the sub-policy index (<c>randint(transform_num, (1,))</c>),
    /// the two probabilities (<c>rand((2,))</c>) and the two signs (<c>randint(2, (2,))</c>), in that order.
    /// </summary>
    /// <param name="generator">The generator to draw from.</param>
    /// <param name="transformNum">The number of sub-policies, ≥ 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="transformNum"/> is below 1 (torch's randint refuses an empty range).</exception>
    public static (int PolicyId, float[] Probs, long[] Signs) GetParams(TorchGenerator generator, int transformNum)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfLessThan(transformNum, 1);
        int policyId = (int)generator.RandInt(transformNum, 1)[0];
        float[] probs = generator.Rand(2);
        long[] signs = generator.RandInt(2, 2);
        return (policyId, probs, signs);
    }

    /// <summary>Applies a randomly chosen sub-policy to <paramref name="input"/> (uint8 <c>[C, H, W]</c> or <c>[N, C, H, W]</c>, 1 or 3 channels).</summary>
    /// <returns>The augmented image, or <paramref name="input"/> itself when neither operation of the sub-policy fires.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException">The image is not one the policy can transform (see the remarks); nothing is drawn.</exception>
    public override Tensor call(Tensor input)
    {
        (_, long height, long width) = PolicyArguments.Image(input, FillValues, nameof(input));
        return PolicyArguments.ApplyAll(input, DrawSteps(CurrentGenerator, height, width), Interpolation, FillValues);
    }

    /// <inheritdoc />
    public override string ToString() => $"AutoAugment(policy={Policy}, fill={(FillValues is null ? "None" : $"[{string.Join(", ", FillValues)}]")})";

    /// <summary>The operations <c>forward</c> applies, drawn as torchvision draws them (the pixels never feed back into the draws).</summary>
    internal List<AugmentStep> DrawSteps(TorchGenerator generator, long height, long width)
    {
        (int policyId, float[] probs, long[] signs) = GetParams(generator, _subPolicies.Length);
        AugmentationSpace.Entry[] space = AugmentationSpace.AutoAugment(MagnitudeBins, height, width);
        var steps = new List<AugmentStep>(2);
        SubPolicy chosen = _subPolicies[policyId];
        for (int i = 0; i < 2; i++)
        {
            (Op op, double p, int? magnitudeId) = i == 0 ? chosen.First : chosen.Second;

            // probs[i] <= p compares a float32 tensor with a Python float, which torch rounds to float32.
            if (probs[i] <= (float)p)
            {
                AugmentationSpace.Entry entry = Array.Find(space, e => e.Operation == op);
                double magnitude = magnitudeId is { } id ? PolicyArguments.Magnitude(entry, id) : 0.0;
                if (entry.Signed && signs[i] == 0)
                {
                    magnitude *= -1.0;
                }

                steps.Add(new AugmentStep(op, magnitude));
            }
        }

        return steps;
    }

    private readonly record struct SubPolicy((Op Op, double P, int? MagnitudeId) First, (Op Op, double P, int? MagnitudeId) Second);

    private static SubPolicy P(Op a, double pa, int? ma, Op b, double pb, int? mb) => new((a, pa, ma), (b, pb, mb));

    private static readonly SubPolicy[] ImageNet =
    [
        P(Op.Posterize, 0.4, 8, Op.Rotate, 0.6, 9),
        P(Op.Solarize, 0.6, 5, Op.AutoContrast, 0.6, null),
        P(Op.Equalize, 0.8, null, Op.Equalize, 0.6, null),
        P(Op.Posterize, 0.6, 7, Op.Posterize, 0.6, 6),
        P(Op.Equalize, 0.4, null, Op.Solarize, 0.2, 4),
        P(Op.Equalize, 0.4, null, Op.Rotate, 0.8, 8),
        P(Op.Solarize, 0.6, 3, Op.Equalize, 0.6, null),
        P(Op.Posterize, 0.8, 5, Op.Equalize, 1.0, null),
        P(Op.Rotate, 0.2, 3, Op.Solarize, 0.6, 8),
        P(Op.Equalize, 0.6, null, Op.Posterize, 0.4, 6),
        P(Op.Rotate, 0.8, 8, Op.Color, 0.4, 0),
        P(Op.Rotate, 0.4, 9, Op.Equalize, 0.6, null),
        P(Op.Equalize, 0.0, null, Op.Equalize, 0.8, null),
        P(Op.Invert, 0.6, null, Op.Equalize, 1.0, null),
        P(Op.Color, 0.6, 4, Op.Contrast, 1.0, 8),
        P(Op.Rotate, 0.8, 8, Op.Color, 1.0, 2),
        P(Op.Color, 0.8, 8, Op.Solarize, 0.8, 7),
        P(Op.Sharpness, 0.4, 7, Op.Invert, 0.6, null),
        P(Op.ShearX, 0.6, 5, Op.Equalize, 1.0, null),
        P(Op.Color, 0.4, 0, Op.Equalize, 0.6, null),
        P(Op.Equalize, 0.4, null, Op.Solarize, 0.2, 4),
        P(Op.Solarize, 0.6, 5, Op.AutoContrast, 0.6, null),
        P(Op.Invert, 0.6, null, Op.Equalize, 1.0, null),
        P(Op.Color, 0.6, 4, Op.Contrast, 1.0, 8),
        P(Op.Equalize, 0.8, null, Op.Equalize, 0.6, null),
    ];

    private static readonly SubPolicy[] Cifar10 =
    [
        P(Op.Invert, 0.1, null, Op.Contrast, 0.2, 6),
        P(Op.Rotate, 0.7, 2, Op.TranslateX, 0.3, 9),
        P(Op.Sharpness, 0.8, 1, Op.Sharpness, 0.9, 3),
        P(Op.ShearY, 0.5, 8, Op.TranslateY, 0.7, 9),
        P(Op.AutoContrast, 0.5, null, Op.Equalize, 0.9, null),
        P(Op.ShearY, 0.2, 7, Op.Posterize, 0.3, 7),
        P(Op.Color, 0.4, 3, Op.Brightness, 0.6, 7),
        P(Op.Sharpness, 0.3, 9, Op.Brightness, 0.7, 9),
        P(Op.Equalize, 0.6, null, Op.Equalize, 0.5, null),
        P(Op.Contrast, 0.6, 7, Op.Sharpness, 0.6, 5),
        P(Op.Color, 0.7, 7, Op.TranslateX, 0.5, 8),
        P(Op.Equalize, 0.3, null, Op.AutoContrast, 0.4, null),
        P(Op.TranslateY, 0.4, 3, Op.Sharpness, 0.2, 6),
        P(Op.Brightness, 0.9, 6, Op.Color, 0.2, 8),
        P(Op.Solarize, 0.5, 2, Op.Invert, 0.0, null),
        P(Op.Equalize, 0.2, null, Op.AutoContrast, 0.6, null),
        P(Op.Equalize, 0.2, null, Op.Equalize, 0.6, null),
        P(Op.Color, 0.9, 9, Op.Equalize, 0.6, null),
        P(Op.AutoContrast, 0.8, null, Op.Solarize, 0.2, 8),
        P(Op.Brightness, 0.1, 3, Op.Color, 0.7, 0),
        P(Op.Solarize, 0.4, 5, Op.AutoContrast, 0.9, null),
        P(Op.TranslateY, 0.9, 9, Op.TranslateY, 0.7, 9),
        P(Op.AutoContrast, 0.9, null, Op.Solarize, 0.8, 3),
        P(Op.Equalize, 0.8, null, Op.Invert, 0.1, null),
        P(Op.TranslateY, 0.7, 9, Op.AutoContrast, 0.9, null),
    ];

    private static readonly SubPolicy[] Svhn =
    [
        P(Op.ShearX, 0.9, 4, Op.Invert, 0.2, null),
        P(Op.ShearY, 0.9, 8, Op.Invert, 0.7, null),
        P(Op.Equalize, 0.6, null, Op.Solarize, 0.6, 6),
        P(Op.Invert, 0.9, null, Op.Equalize, 0.6, null),
        P(Op.Equalize, 0.6, null, Op.Rotate, 0.9, 3),
        P(Op.ShearX, 0.9, 4, Op.AutoContrast, 0.8, null),
        P(Op.ShearY, 0.9, 8, Op.Invert, 0.4, null),
        P(Op.ShearY, 0.9, 5, Op.Solarize, 0.2, 6),
        P(Op.Invert, 0.9, null, Op.AutoContrast, 0.8, null),
        P(Op.Equalize, 0.6, null, Op.Rotate, 0.9, 3),
        P(Op.ShearX, 0.9, 4, Op.Solarize, 0.3, 3),
        P(Op.ShearY, 0.8, 8, Op.Invert, 0.7, null),
        P(Op.Equalize, 0.9, null, Op.TranslateY, 0.6, 6),
        P(Op.Invert, 0.9, null, Op.Equalize, 0.6, null),
        P(Op.Contrast, 0.3, 3, Op.Rotate, 0.8, 4),
        P(Op.Invert, 0.8, null, Op.TranslateY, 0.0, 2),
        P(Op.ShearY, 0.7, 6, Op.Solarize, 0.4, 8),
        P(Op.Invert, 0.6, null, Op.Rotate, 0.8, 4),
        P(Op.ShearY, 0.3, 7, Op.TranslateX, 0.9, 3),
        P(Op.ShearX, 0.1, 6, Op.Invert, 0.6, null),
        P(Op.Solarize, 0.7, 2, Op.TranslateY, 0.6, 7),
        P(Op.ShearY, 0.8, 4, Op.Invert, 0.8, null),
        P(Op.ShearX, 0.7, 9, Op.TranslateY, 0.8, 3),
        P(Op.ShearY, 0.8, 5, Op.AutoContrast, 0.7, null),
        P(Op.ShearX, 0.7, 2, Op.Invert, 0.1, null),
    ];
}

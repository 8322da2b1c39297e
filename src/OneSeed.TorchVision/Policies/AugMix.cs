using System.Globalization;
using OneSeed.Compat;
using OneSeed.TorchVision.Policies;
using TorchSharp;
using static TorchSharp.torch;

namespace OneSeed.TorchVision;

/// <summary>
/// torchvision 0.14's <c>transforms.AugMix(severity, mixture_width, chain_depth, alpha, all_ops, interpolation, fill)</c>
/// for uint8 image tensors, drawing from a seeded <see cref="TorchGenerator"/> exactly as torchvision draws: the Beta
/// weights of original and mix (<c>torch._sample_dirichlet</c> of <c>[alpha, alpha]</c> per image), the chain weights
/// (<c>_sample_dirichlet</c> of <c>[alpha] * mixture_width</c> per image), then for each chain its depth
/// (<c>randint(1, 4)</c> unless <see cref="ChainDepth"/> &gt; 0) and for each step the operation, the magnitude bin
/// (<c>randint(severity)</c>, only for operations with a table) and the sign coin (only for signed operations).
/// </summary>
/// <remarks>
/// <para>
/// The draws come from the generator given to the constructor, or else from <see cref="TorchGenerator.Default"/> read at
/// each call. A batch <c>[N, C, H, W]</c> gets one set of chains but N pairs of weight vectors, as in torchvision. The
/// mixture is computed as torchvision computes it (float32 products and sums, truncated back to uint8).
/// </para>
/// <para>
/// Beyond torchvision's own check (severity in [1, 10]), a mixture width below 1 and an
/// alpha that is not a positive finite number are refused (torch's Dirichlet sampler checks nothing
/// and returns NaN or zero weights for them); images and fills are checked before anything is drawn.
/// </para>
/// <para>Reproducibility tier: <b>stable</b> for the drawn weights and operations; pixels as stated in docs/torchvision.md.</para>
/// </remarks>
public sealed class AugMix : AugmentationPolicy
{
    /// <summary>torchvision's <c>_PARAMETER_MAX</c>: the largest severity and the number of magnitude bins.</summary>
    public const int ParameterMax = 10;


    /// <summary>Creates the transform (torchvision's <c>AugMix(severity=3, mixture_width=3, chain_depth=-1, alpha=1.0, all_ops=True, interpolation=BILINEAR, fill=None)</c>).</summary>
    /// <param name="severity">The severity of the operations, in [1, 10]: magnitude bins are drawn below it.</param>
    /// <param name="mixtureWidth">The number of augmentation chains, ≥ 1.</param>
    /// <param name="chainDepth">The depth of every chain; 0 or negative to draw each chain's depth from [1, 3].</param>
    /// <param name="alpha">The Dirichlet/Beta concentration, a positive finite number.</param>
    /// <param name="allOps">Include brightness, colour, contrast and sharpness.</param>
    /// <param name="interpolation">Nearest or bilinear.</param>
    /// <param name="fill">The value for pixels outside the transformed image: null (zeros), one value for every channel, or one per channel.</param>
    /// <param name="generator">The generator to draw from; null to read <see cref="TorchGenerator.Default"/> at each call.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range (the message names it).</exception>
    /// <exception cref="ArgumentException"><paramref name="fill"/> is empty.</exception>
    public AugMix(
        int severity = 3,
        int mixtureWidth = 3,
        int chainDepth = -1,
        double alpha = 1.0,
        bool allOps = true,
        InterpolationMode interpolation = InterpolationMode.Bilinear,
        IReadOnlyList<float>? fill = null,
        TorchGenerator? generator = null)
        : base(interpolation, fill, generator)
    {
        if (severity is < 1 or > ParameterMax)
        {
            throw new ArgumentOutOfRangeException(nameof(severity), severity, string.Create(CultureInfo.InvariantCulture, $"The severity must be between [1, {ParameterMax}]. Got {severity} instead."));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(mixtureWidth, 1);
        if (!(alpha > 0.0 && double.IsFinite(alpha)))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be a positive finite number (the Dirichlet concentration).");
        }

        Severity = severity;
        MixtureWidth = mixtureWidth;
        ChainDepth = chainDepth;
        Alpha = alpha;
        AllOps = allOps;
    }

    /// <summary>The severity of the operations.</summary>
    public int Severity { get; }

    /// <summary>The number of augmentation chains.</summary>
    public int MixtureWidth { get; }

    /// <summary>The depth of every chain, or 0 or negative when each chain's depth is drawn from [1, 3].</summary>
    public int ChainDepth { get; }

    /// <summary>The Dirichlet/Beta concentration.</summary>
    public double Alpha { get; }

    /// <summary>Whether brightness, colour, contrast and sharpness are among the operations.</summary>
    public bool AllOps { get; }

    /// <summary>Mixes <see cref="MixtureWidth"/> augmentation chains of <paramref name="input"/> (uint8 <c>[C, H, W]</c> or <c>[N, C, H, W]</c>, 1 or 3 channels) with the original.</summary>
    /// <returns>A new uint8 tensor of the input's shape.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException">The image is not one the policy can transform; nothing is drawn.</exception>
    public override Tensor call(Tensor input)
    {
        (_, long height, long width) = PolicyArguments.Image(input, FillValues, nameof(input));
        long[] origDims = input.shape;
        long n = input.ndim == 4 ? origDims[0] : 1;
        Draw draw = DrawAll(CurrentGenerator, n, height, width);

        using DisposeScope scope = NewDisposeScope();
        Tensor batch = input.ndim == 4 ? input : input.unsqueeze(0);
        Tensor mix = Column(draw.Weights, 0, n) * batch;
        for (int i = 0; i < MixtureWidth; i++)
        {
            Tensor aug = batch;
            foreach (AugmentStep step in draw.Chains[i])
            {
                aug = AugmentOperations.Apply(aug, step, Interpolation, FillValues);
            }

            mix.add_(Column(draw.ChainWeights, i, n) * aug);
        }

        return scope.MoveToOuter(mix.view(origDims).to(input.dtype));
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"AugMix(severity={Severity}, mixture_width={MixtureWidth}, chain_depth={ChainDepth}, alpha={Alpha}, all_ops={AllOps}, interpolation={Interpolation})");

    /// <summary>Everything <c>forward</c> draws, in torchvision's order, for a batch of <paramref name="n"/> images.</summary>
    internal Draw DrawAll(TorchGenerator generator, long n, long height, long width)
    {
        AugmentationSpace.Entry[] space = AugmentationSpace.AugMix(ParameterMax, height, width, AllOps);

        // torch.tensor([alpha, alpha]) is float32 (the default dtype); .expand(N, -1) repeats the row per image.
        float[,] weights = Dirichlet(generator, n, 2);
        float[,] mixing = Dirichlet(generator, n, MixtureWidth);
        var chainWeights = new float[n, MixtureWidth];
        for (long row = 0; row < n; row++)
        {
            for (int i = 0; i < MixtureWidth; i++)
            {
                chainWeights[row, i] = mixing[row, i] * weights[row, 1];
            }
        }

        var chains = new List<AugmentStep>[MixtureWidth];
        for (int i = 0; i < MixtureWidth; i++)
        {
            int depth = ChainDepth > 0 ? ChainDepth : (int)generator.RandInt(1, 4, 1)[0];
            chains[i] = new List<AugmentStep>(depth);
            for (int d = 0; d < depth; d++)
            {
                AugmentationSpace.Entry entry = space[generator.RandInt(space.Length, 1)[0]];
                double magnitude = entry.Magnitudes is not null ? PolicyArguments.Magnitude(entry, generator.RandInt(Severity, 1)[0]) : 0.0;
                chains[i].Add(new AugmentStep(entry.Operation, PolicyArguments.SignedByCoin(entry, magnitude, generator)));
            }
        }

        return new Draw(weights, mixing, chainWeights, chains);
    }

    private float[,] Dirichlet(TorchGenerator generator, long rows, int columns)
    {
        var alpha = new float[rows, columns];
        float value = (float)Alpha;
        for (long r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                alpha[r, c] = value;
            }
        }

        return generator.Dirichlet(alpha);
    }

    /// <summary>Column <paramref name="column"/> of <paramref name="values"/> as an <c>[N, 1, 1, 1]</c> float32 tensor (torchvision's <c>w[:, i].view(batch_dims)</c>).</summary>
    private static Tensor Column(float[,] values, int column, long n)
    {
        float[] data = new float[n];
        for (long r = 0; r < n; r++)
        {
            data[r] = values[r, column];
        }

        return tensor(data, [n, 1, 1, 1], ScalarType.Float32);
    }

    /// <summary>The draws of one call.</summary>
    /// <param name="Weights">The Beta weights per image: column 0 for the original, column 1 for the mix.</param>
    /// <param name="RawChainWeights">The Dirichlet sample of the chain weights per image.</param>
    /// <param name="ChainWeights">The chain weights per image, multiplied by column 1 of <paramref name="Weights"/> (torchvision's <c>combined_weights</c>).</param>
    /// <param name="Chains">The operations of each chain.</param>
    internal sealed record Draw(float[,] Weights, float[,] RawChainWeights, float[,] ChainWeights, List<AugmentStep>[] Chains);
}

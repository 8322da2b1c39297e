namespace OneSeed.Compat;

// The default initialisation of nn.Linear and nn.Conv2d (their reset_parameters in torch 1.13).
public static partial class TorchInit
{
    /// <summary>
    /// The weight and bias <c>nn.Linear(inFeatures, outFeatures, bias)</c> holds after construction, drawn from
    /// <paramref name="generator"/> (for <c>torch.manual_seed(s); nn.Linear(...)</c>, pass <see cref="TorchGenerator.Default"/>
    /// after <c>ManualSeed(s)</c>): <c>kaiming_uniform_(weight, a=√5)</c>, i.e. uniform on ±1/√in, then the bias uniform
    /// on ±1/√in (±0, still drawn, when inFeatures is 0), in that order, as <c>Linear.reset_parameters</c>.
    /// </summary>
    /// <returns>The weight as <c>[outFeatures, inFeatures]</c>, row-major, and the bias (null without one).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative (torch: "Trying to create tensor with negative dimension"), or the weight has more than <see cref="Array.MaxLength"/> elements.</exception>
    public static TorchLayerParameters LinearDefault(TorchGenerator generator, int inFeatures, int outFeatures, bool bias = true)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfNegative(inFeatures);
        ArgumentOutOfRangeException.ThrowIfNegative(outFeatures);
        int[] shape = [outFeatures, inFeatures];
        float[] weight = NewWeight(shape, nameof(inFeatures));
        KaimingUniform(generator, weight, shape, Math.Sqrt(5));
        float[]? biasValues = null;
        if (bias)
        {
            biasValues = new float[outFeatures];
            double bound = inFeatures > 0 ? 1 / Math.Sqrt(inFeatures) : 0;
            Uniform(generator, biasValues, -bound, bound);
        }

        return new TorchLayerParameters(weight, shape, biasValues);
    }

    /// <summary>
    /// The weight and bias <c>nn.Conv2d(inChannels, outChannels, (kernelH, kernelW), groups=groups, bias=bias)</c> holds
    /// after construction (stride, padding, dilation and padding mode do not change them), drawn from
    /// <paramref name="generator"/>: <c>kaiming_uniform_(weight, a=√5)</c> on the weight
    /// <c>[outChannels, inChannels / groups, kernelH, kernelW]</c>, then the bias uniform on ±1/√fan_in with
    /// fan_in = inChannels / groups · kernelH · kernelW, as <c>_ConvNd.reset_parameters</c>.
    /// </summary>
    /// <remarks>
    /// When fan_in is 0 (no input channels, or an empty kernel) torch leaves the bias as <c>torch.empty</c> made it
    /// (uninitialised memory) and draws nothing for it; the bias here is then zeros.
    /// </remarks>
    /// <returns>The weight, row-major in its shape, and the bias (null without one).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative, <paramref name="groups"/> is not positive or does not divide both channel counts (torch's ValueErrors), or the weight has more than <see cref="Array.MaxLength"/> elements.</exception>
    public static TorchLayerParameters Conv2dDefault(TorchGenerator generator, int inChannels, int outChannels, int kernelH, int kernelW, bool bias = true, int groups = 1)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (groups <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(groups), groups, "groups must be a positive integer.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegative(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegative(kernelH);
        ArgumentOutOfRangeException.ThrowIfNegative(kernelW);
        if (inChannels % groups != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(inChannels), inChannels, $"in_channels must be divisible by groups ({groups}).");
        }

        if (outChannels % groups != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(outChannels), outChannels, $"out_channels must be divisible by groups ({groups}).");
        }

        int[] shape = [outChannels, inChannels / groups, kernelH, kernelW];
        float[] weight = NewWeight(shape, nameof(outChannels));
        KaimingUniform(generator, weight, shape, Math.Sqrt(5));
        float[]? biasValues = null;
        if (bias)
        {
            biasValues = new float[outChannels];
            long fanIn = CalculateFanInAndFanOut(shape).FanIn;
            if (fanIn != 0)
            {
                double bound = 1 / Math.Sqrt(fanIn);
                Uniform(generator, biasValues, -bound, bound);
            }
        }

        return new TorchLayerParameters(weight, shape, biasValues);
    }

    private static float[] NewWeight(ReadOnlySpan<int> shape, string name)
    {
        if (shape.Contains(0))
        {
            return [];
        }

        long count = 1;
        foreach (int size in shape)
        {
            count *= size;
            if (count > Array.MaxLength)
            {
                throw new ArgumentOutOfRangeException(name, $"The weight [{FormatShape(shape)}] would have more than {Array.MaxLength} elements.");
            }
        }

        return new float[count];
    }
}

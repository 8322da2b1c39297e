namespace OneSeed.Compat;

/// <summary>
/// The initial parameters of a torch layer, as <see cref="TorchInit.LinearDefault"/> and
/// <see cref="TorchInit.Conv2dDefault"/> reproduce them: the weight, row-major in torch's shape, and the bias.
/// </summary>
public sealed class TorchLayerParameters
{
    /// <summary>Creates the result; the arrays are kept, not copied.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="weight"/> or <paramref name="weightShape"/> is null.</exception>
    public TorchLayerParameters(float[] weight, int[] weightShape, float[]? bias)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(weightShape);
        Weight = weight;
        WeightShape = weightShape;
        Bias = bias;
    }

    /// <summary>The weight's elements, row-major (C order) in the order of <see cref="WeightShape"/>, as <c>layer.weight.flatten()</c>.</summary>
    public float[] Weight { get; }

    /// <summary>The weight's shape, as <c>layer.weight.shape</c>: <c>[out, in]</c> for Linear, <c>[out, in / groups, kH, kW]</c> for Conv2d.</summary>
    public int[] WeightShape { get; }

    /// <summary>The bias (<c>layer.bias</c>, one value per output), or null for a layer built with <c>bias=False</c>.</summary>
    public float[]? Bias { get; }
}

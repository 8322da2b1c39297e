namespace OneSeed.Compat;

// calculate_gain, _calculate_fan_in_and_fan_out and the mapping of torch's strings to the enums.
public static partial class TorchInit
{
    /// <summary>
    /// <c>nn.init._calculate_fan_in_and_fan_out</c>: fan_in = size(1) · receptive field, fan_out = size(0) · receptive
    /// field, the receptive field being the product of the sizes after the first two (1 for a matrix).
    /// </summary>
    /// <exception cref="ArgumentException">The shape has fewer than 2 dimensions (torch's ValueError) or a negative size.</exception>
    /// <exception cref="OverflowException">A fan exceeds <see cref="long.MaxValue"/> (only a zero-element shape can; Python's integers do not overflow).</exception>
    public static (long FanIn, long FanOut) CalculateFanInAndFanOut(ReadOnlySpan<int> shape)
    {
        if (shape.Length < 2)
        {
            throw new ArgumentException($"Fan in and fan out can not be computed for tensor with fewer than 2 dimensions (shape [{FormatShape(shape)}]).", nameof(shape));
        }

        if (shape.IndexOfAnyInRange(int.MinValue, -1) >= 0)
        {
            throw new ArgumentException($"The shape [{FormatShape(shape)}] has a negative size.", nameof(shape));
        }

        long receptiveField = 1;
        foreach (int size in shape[2..])
        {
            receptiveField = checked(receptiveField * size);
        }

        return (checked(shape[1] * receptiveField), checked(shape[0] * receptiveField));
    }

    /// <summary>
    /// <c>nn.init.calculate_gain(nonlinearity, param)</c> with torch's nonlinearity name: 1 for <c>linear</c>, the
    /// <c>conv*</c> and <c>conv_transpose*</c> names and <c>sigmoid</c>; 5/3 for <c>tanh</c>; √2 for <c>relu</c>;
    /// √(2 / (1 + slope²)) for <c>leaky_relu</c> (slope = <paramref name="param"/>, 0.01 when null); 3/4 for <c>selu</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="nonlinearity"/> is null.</exception>
    /// <exception cref="ArgumentException">The name is not one of torch's (torch's "Unsupported nonlinearity" ValueError; names are case-sensitive, as in torch).</exception>
    /// <exception cref="ArgumentOutOfRangeException">For <c>leaky_relu</c>, <paramref name="param"/>² overflows (Python's OverflowError).</exception>
    public static double CalculateGain(string nonlinearity, double? param = null) => CalculateGain(ParseNonlinearity(nonlinearity), param);

    /// <summary>
    /// <c>nn.init.calculate_gain(nonlinearity, param)</c>: see <see cref="CalculateGain(string, double?)"/>. The
    /// arithmetic is CPython's: <c>math.sqrt(2.0 / (1 + slope ** 2))</c> with <c>**</c> as the C library's <c>pow</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nonlinearity"/> is undefined, or for <see cref="TorchNonlinearity.LeakyRelu"/> <paramref name="param"/>² overflows (Python's OverflowError).</exception>
    public static double CalculateGain(TorchNonlinearity nonlinearity, double? param = null)
    {
        CheckNonlinearity(nonlinearity);
        switch (nonlinearity)
        {
            case TorchNonlinearity.Tanh:
                return 5.0 / 3;
            case TorchNonlinearity.Relu:
                return Math.Sqrt(2.0);
            case TorchNonlinearity.Selu:
                return 3.0 / 4;
            case TorchNonlinearity.LeakyRelu:
                double slope = param ?? 0.01;
                double square = Math.Pow(slope, 2);
                if (double.IsInfinity(square) && double.IsFinite(slope))
                {
                    throw new ArgumentOutOfRangeException(nameof(param), param, "leaky_relu's negative_slope ** 2 overflows (Python raises OverflowError: Numerical result out of range).");
                }

                return Math.Sqrt(2.0 / (1 + square));
            default:
                return 1;
        }
    }

    /// <summary>
    /// torch's <c>mode</c> string as a <see cref="TorchFanMode"/>: <c>"fan_in"</c> or <c>"fan_out"</c> in any case (torch
    /// lower-cases it first).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="mode"/> is null.</exception>
    /// <exception cref="ArgumentException">Any other string (torch's "Mode ... not supported" ValueError).</exception>
    public static TorchFanMode ParseFanMode(string mode)
    {
        ArgumentNullException.ThrowIfNull(mode);
        return mode.ToLowerInvariant() switch
        {
            "fan_in" => TorchFanMode.FanIn,
            "fan_out" => TorchFanMode.FanOut,
            _ => throw new ArgumentException($"Mode {mode.ToLowerInvariant()} not supported, please use one of ['fan_in', 'fan_out'].", nameof(mode)),
        };
    }

    /// <summary>
    /// torch's <c>nonlinearity</c> string as a <see cref="TorchNonlinearity"/>: <c>linear</c>, <c>conv1d</c>,
    /// <c>conv2d</c>, <c>conv3d</c>, <c>conv_transpose1d</c>, <c>conv_transpose2d</c>, <c>conv_transpose3d</c>,
    /// <c>sigmoid</c>, <c>tanh</c>, <c>relu</c>, <c>leaky_relu</c> or <c>selu</c>, exactly (case-sensitive, as in torch).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="nonlinearity"/> is null.</exception>
    /// <exception cref="ArgumentException">Any other string (torch's "Unsupported nonlinearity" ValueError).</exception>
    public static TorchNonlinearity ParseNonlinearity(string nonlinearity)
    {
        ArgumentNullException.ThrowIfNull(nonlinearity);
        return nonlinearity switch
        {
            "linear" => TorchNonlinearity.Linear,
            "conv1d" => TorchNonlinearity.Conv1d,
            "conv2d" => TorchNonlinearity.Conv2d,
            "conv3d" => TorchNonlinearity.Conv3d,
            "conv_transpose1d" => TorchNonlinearity.ConvTranspose1d,
            "conv_transpose2d" => TorchNonlinearity.ConvTranspose2d,
            "conv_transpose3d" => TorchNonlinearity.ConvTranspose3d,
            "sigmoid" => TorchNonlinearity.Sigmoid,
            "tanh" => TorchNonlinearity.Tanh,
            "relu" => TorchNonlinearity.Relu,
            "leaky_relu" => TorchNonlinearity.LeakyRelu,
            "selu" => TorchNonlinearity.Selu,
            _ => throw new ArgumentException($"Unsupported nonlinearity {nonlinearity}.", nameof(nonlinearity)),
        };
    }

    private static void CheckMode(TorchFanMode mode)
    {
        if (mode is not (TorchFanMode.FanIn or TorchFanMode.FanOut))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "mode must be FanIn or FanOut.");
        }
    }

    private static void CheckNonlinearity(TorchNonlinearity nonlinearity)
    {
        if (nonlinearity is < TorchNonlinearity.Linear or > TorchNonlinearity.Selu)
        {
            throw new ArgumentOutOfRangeException(nameof(nonlinearity), nonlinearity, "nonlinearity must be a defined TorchNonlinearity.");
        }
    }
}

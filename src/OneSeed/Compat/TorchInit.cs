using OneSeed.Distributions;

namespace OneSeed.Compat;

/// <summary>
/// torch 1.13's <c>torch.nn.init</c> initialisers on a tensor held as a span (row-major, C order) with its shape, bit
/// for bit: the same values and the same generator state afterwards, plus the default initialisation of
/// <c>nn.Linear</c> and <c>nn.Conv2d</c> (<see cref="LinearDefault"/>, <see cref="Conv2dDefault"/>).
/// </summary>
/// <remarks>
/// <para>
/// <c>nn.init</c> in torch 1.13 takes no generator: it draws from the default one, <see cref="TorchGenerator.Default"/>
/// here (seeded by <c>torch.manual_seed</c>'s counterpart, <see cref="TorchGenerator.ManualSeed(long)"/>); every method
/// takes the generator first so a port can pass that or its own. As in Python, the bounds and deviations are computed
/// in double precision (the gains with CPython's <c>pow</c> and <c>sqrt</c>, which are glibc's), then handed to the
/// tensor kernels (<c>uniform_</c>, <c>normal_</c>), which round them to float32 for a float32 tensor.
/// </para>
/// <para>
/// Mode and nonlinearity are enums (<see cref="TorchFanMode"/>, <see cref="TorchNonlinearity"/>);
/// <see cref="ParseFanMode"/> and <see cref="ParseNonlinearity"/> turn torch's strings into them with torch's errors,
/// and <see cref="CalculateGain(string, double?)"/> takes the string itself. Arguments torch refuses are refused here
/// before anything is drawn (the generator is left unchanged); torch's warnings (a zero-element tensor, a mean far
/// from [a, b]) have no counterpart.
/// </para>
/// <para>
/// Reproducibility tier: <b>stable</b>. <see cref="TruncNormal(TorchGenerator, Span{float}, double, double, double, double)"/>
/// uses glibc-exact transcriptions of <c>erf</c>/<c>erff</c> with the platform's <c>exp</c>/<c>log</c> (glibc's on
/// Linux), and torch's AVX2 build of <c>erfinv</c> (see <see cref="TorchErfinv"/>); the normal initialisers inherit
/// the platform note of <see cref="TorchGenerator.Normal(double, double, Span{float})"/> below 16 values.
/// </para>
/// </remarks>
public static partial class TorchInit
{
    /// <summary>
    /// <c>nn.init.uniform_(tensor, a, b)</c> on a float32 tensor: <c>tensor.uniform_(a, b)</c>, i.e. 24-bit uniforms u
    /// and <c>fma(u, (float)b − (float)a, (float)a)</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A bound is outside the float32 range or NaN, <paramref name="a"/> &gt; <paramref name="b"/>, or b − a overflows (torch's <c>uniform_</c> checks).</exception>
    public static void Uniform(TorchGenerator generator, Span<float> tensor, double a = 0, double b = 1)
    {
        ArgumentNullException.ThrowIfNull(generator);
        generator.Uniform(a, b, tensor);
    }

    /// <summary><c>nn.init.uniform_(tensor, a, b)</c> on a float64 tensor: 53-bit uniforms u and <c>fma(u, b − a, a)</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, <paramref name="a"/> &gt; <paramref name="b"/>, or b − a overflows.</exception>
    public static void Uniform(TorchGenerator generator, Span<double> tensor, double a = 0, double b = 1)
    {
        ArgumentNullException.ThrowIfNull(generator);
        generator.UniformDouble(a, b, tensor);
    }

    /// <summary>
    /// <c>nn.init.normal_(tensor, mean, std)</c> on a float32 tensor: <c>tensor.normal_(mean, std)</c>, the values of
    /// <see cref="TorchGenerator.Normal(double, double, Span{float})"/> (torch's vectorised Box–Muller from 16 values on).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="std"/> is negative or either parameter is not finite.</exception>
    public static void Normal(TorchGenerator generator, Span<float> tensor, double mean = 0, double std = 1)
    {
        ArgumentNullException.ThrowIfNull(generator);
        generator.Normal(mean, std, tensor);
    }

    /// <summary><c>nn.init.normal_(tensor, mean, std)</c> on a float64 tensor: the values of <see cref="TorchGenerator.NormalDouble(double, double, Span{double})"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="std"/> is negative or either parameter is not finite.</exception>
    public static void Normal(TorchGenerator generator, Span<double> tensor, double mean = 0, double std = 1)
    {
        ArgumentNullException.ThrowIfNull(generator);
        generator.NormalDouble(mean, std, tensor);
    }

    /// <summary>
    /// <c>nn.init.trunc_normal_(tensor, mean, std, a, b)</c> on a float32 tensor, torch's inverse-CDF method:
    /// l = Φ((a − mean)/std) and u = Φ((b − mean)/std) in double (Φ(x) = (1 + erf(x/√2))/2 with CPython's
    /// <c>math.erf</c>), then <c>uniform_(2l − 1, 2u − 1)</c>, torch's <c>erfinv_</c>, <c>mul_(std·√2)</c>,
    /// <c>add_(mean)</c> and <c>clamp_(a, b)</c>, each a float32 pass with its scalar rounded to float32.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is NaN, <paramref name="std"/> is 0 (Python divides by it), or <paramref name="a"/> or <paramref name="b"/> is finite but beyond the float32 range (torch's <c>clamp_</c> refuses it, after drawing; here nothing is drawn).</exception>
    /// <exception cref="ArgumentException">The uniform range comes out reversed (std &lt; 0, or a &gt; b), which torch's <c>uniform_</c> refuses.</exception>
    public static void TruncNormal(TorchGenerator generator, Span<float> tensor, double mean = 0, double std = 1, double a = -2, double b = 2)
    {
        ArgumentNullException.ThrowIfNull(generator);
        (double from, double to) = TruncNormalRange(mean, std, a, b);
        CheckFloatClampBound(a, nameof(a));
        CheckFloatClampBound(b, nameof(b));
        generator.TruncNormalInto(tensor, from, to, std * Math.Sqrt(2.0), mean, a, b);
    }

    /// <summary><c>nn.init.trunc_normal_(tensor, mean, std, a, b)</c> on a float64 tensor: as the float32 form, every pass in double.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is NaN, or <paramref name="std"/> is 0 (Python divides by it).</exception>
    /// <exception cref="ArgumentException">The uniform range comes out reversed (std &lt; 0, or a &gt; b), which torch's <c>uniform_</c> refuses.</exception>
    public static void TruncNormal(TorchGenerator generator, Span<double> tensor, double mean = 0, double std = 1, double a = -2, double b = 2)
    {
        ArgumentNullException.ThrowIfNull(generator);
        (double from, double to) = TruncNormalRange(mean, std, a, b);
        generator.TruncNormalDoubleInto(tensor, from, to, std * Math.Sqrt(2.0), mean, a, b);
    }

    /// <summary>
    /// <c>nn.init.xavier_uniform_(tensor, gain)</c> (Glorot) on a float32 tensor of the given shape:
    /// <c>uniform_(−a, a)</c> with a = √3 · gain · √(2 / (fan_in + fan_out)).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> is null.</exception>
    /// <exception cref="ArgumentException">The shape has fewer than 2 dimensions, a negative size, does not match the tensor's length, or fan_in + fan_out is 0 (Python divides by it).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The bound is NaN, negative (a negative gain) or beyond the float32 range.</exception>
    public static void XavierUniform(TorchGenerator generator, Span<float> tensor, ReadOnlySpan<int> shape, double gain = 1)
    {
        ArgumentNullException.ThrowIfNull(generator);
        double bound = XavierBound(tensor.Length, shape, gain);
        generator.Uniform(-bound, bound, tensor);
    }

    /// <summary><c>nn.init.xavier_uniform_(tensor, gain)</c> on a float64 tensor.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> is null.</exception>
    /// <exception cref="ArgumentException">The shape has fewer than 2 dimensions, a negative size, does not match the tensor's length, or fan_in + fan_out is 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The bound is NaN, negative or infinite.</exception>
    public static void XavierUniform(TorchGenerator generator, Span<double> tensor, ReadOnlySpan<int> shape, double gain = 1)
    {
        ArgumentNullException.ThrowIfNull(generator);
        double bound = XavierBound(tensor.Length, shape, gain);
        generator.UniformDouble(-bound, bound, tensor);
    }

    /// <summary>
    /// <c>nn.init.xavier_normal_(tensor, gain)</c> (Glorot) on a float32 tensor of the given shape:
    /// <c>normal_(0, std)</c> with std = gain · √(2 / (fan_in + fan_out)).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> is null.</exception>
    /// <exception cref="ArgumentException">The shape has fewer than 2 dimensions, a negative size, does not match the tensor's length, or fan_in + fan_out is 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The deviation is negative (a negative gain) or not finite.</exception>
    public static void XavierNormal(TorchGenerator generator, Span<float> tensor, ReadOnlySpan<int> shape, double gain = 1)
    {
        ArgumentNullException.ThrowIfNull(generator);
        generator.Normal(0.0, XavierStd(tensor.Length, shape, gain), tensor);
    }

    /// <summary><c>nn.init.xavier_normal_(tensor, gain)</c> on a float64 tensor.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> is null.</exception>
    /// <exception cref="ArgumentException">The shape has fewer than 2 dimensions, a negative size, does not match the tensor's length, or fan_in + fan_out is 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The deviation is negative (a negative gain) or not finite.</exception>
    public static void XavierNormal(TorchGenerator generator, Span<double> tensor, ReadOnlySpan<int> shape, double gain = 1)
    {
        ArgumentNullException.ThrowIfNull(generator);
        generator.NormalDouble(0.0, XavierStd(tensor.Length, shape, gain), tensor);
    }

    /// <summary>
    /// <c>nn.init.kaiming_uniform_(tensor, a, mode, nonlinearity)</c> (He) on a float32 tensor of the given shape:
    /// <c>uniform_(−bound, bound)</c> with bound = √3 · gain / √fan, gain = <see cref="CalculateGain(TorchNonlinearity, double?)"/>
    /// of (<paramref name="nonlinearity"/>, <paramref name="a"/>) and fan the <paramref name="mode"/>'s fan. A tensor
    /// with a zero in its shape is left as it is, without a draw (torch warns and returns).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> is null.</exception>
    /// <exception cref="ArgumentException">The shape has a negative size or does not match the tensor's length, or (for a non-empty tensor) has fewer than 2 dimensions.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is undefined, <paramref name="a"/>² overflows (leaky_relu), or the bound is NaN.</exception>
    public static void KaimingUniform(TorchGenerator generator, Span<float> tensor, ReadOnlySpan<int> shape, double a = 0, TorchFanMode mode = TorchFanMode.FanIn, TorchNonlinearity nonlinearity = TorchNonlinearity.LeakyRelu)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (KaimingStd(tensor.Length, shape, a, mode, nonlinearity) is double std)
        {
            double bound = Math.Sqrt(3.0) * std;
            generator.Uniform(-bound, bound, tensor);
        }
    }

    /// <summary><c>nn.init.kaiming_uniform_(tensor, a, mode, nonlinearity)</c> on a float64 tensor.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> is null.</exception>
    /// <exception cref="ArgumentException">The shape has a negative size or does not match the tensor's length, or (for a non-empty tensor) has fewer than 2 dimensions.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is undefined, <paramref name="a"/>² overflows (leaky_relu), or the bound is NaN.</exception>
    public static void KaimingUniform(TorchGenerator generator, Span<double> tensor, ReadOnlySpan<int> shape, double a = 0, TorchFanMode mode = TorchFanMode.FanIn, TorchNonlinearity nonlinearity = TorchNonlinearity.LeakyRelu)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (KaimingStd(tensor.Length, shape, a, mode, nonlinearity) is double std)
        {
            double bound = Math.Sqrt(3.0) * std;
            generator.UniformDouble(-bound, bound, tensor);
        }
    }

    /// <summary>
    /// <c>nn.init.kaiming_normal_(tensor, a, mode, nonlinearity)</c> (He) on a float32 tensor of the given shape:
    /// <c>normal_(0, std)</c> with std = gain / √fan. A tensor with a zero in its shape is left as it is.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> is null.</exception>
    /// <exception cref="ArgumentException">The shape has a negative size or does not match the tensor's length, or (for a non-empty tensor) has fewer than 2 dimensions.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is undefined, <paramref name="a"/>² overflows (leaky_relu), or the deviation is NaN.</exception>
    public static void KaimingNormal(TorchGenerator generator, Span<float> tensor, ReadOnlySpan<int> shape, double a = 0, TorchFanMode mode = TorchFanMode.FanIn, TorchNonlinearity nonlinearity = TorchNonlinearity.LeakyRelu)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (KaimingStd(tensor.Length, shape, a, mode, nonlinearity) is double std)
        {
            generator.Normal(0.0, std, tensor);
        }
    }

    /// <summary><c>nn.init.kaiming_normal_(tensor, a, mode, nonlinearity)</c> on a float64 tensor.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> is null.</exception>
    /// <exception cref="ArgumentException">The shape has a negative size or does not match the tensor's length, or (for a non-empty tensor) has fewer than 2 dimensions.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is undefined, <paramref name="a"/>² overflows (leaky_relu), or the deviation is NaN.</exception>
    public static void KaimingNormal(TorchGenerator generator, Span<double> tensor, ReadOnlySpan<int> shape, double a = 0, TorchFanMode mode = TorchFanMode.FanIn, TorchNonlinearity nonlinearity = TorchNonlinearity.LeakyRelu)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (KaimingStd(tensor.Length, shape, a, mode, nonlinearity) is double std)
        {
            generator.NormalDouble(0.0, std, tensor);
        }
    }

    // ------------------------------------------------------------------ the Python-side arithmetic

    // trunc_normal_'s uniform range [2l - 1, 2u - 1], refusing what Python or uniform_ refuses before any draw.
    private static (double From, double To) TruncNormalRange(double mean, double std, double a, double b)
    {
        CheckNotNaN(mean, nameof(mean));
        CheckNotNaN(std, nameof(std));
        CheckNotNaN(a, nameof(a));
        CheckNotNaN(b, nameof(b));
        if (std == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(std), std, "trunc_normal_ divides by std, which must not be 0 (Python raises ZeroDivisionError).");
        }

        double l = NormCdf((a - mean) / std);
        double u = NormCdf((b - mean) / std);
        double from = (2 * l) - 1;
        double to = (2 * u) - 1;
        if (double.IsNaN(from) || double.IsNaN(to))
        {
            throw new ArgumentOutOfRangeException(nameof(std), std, $"trunc_normal_ with mean = {mean}, std = {std}, a = {a}, b = {b} gives a NaN CDF bound, which uniform_ refuses.");
        }

        if (from > to)
        {
            throw new ArgumentException($"trunc_normal_ with mean = {mean}, std = {std}, a = {a}, b = {b} gives the uniform range [{from}, {to}], which uniform_ refuses (from > to): std must be positive and a <= b.", nameof(std));
        }

        return (from, to);
    }

    // norm_cdf of torch/nn/init.py: (1 + math.erf(x / math.sqrt(2))) / 2.
    private static double NormCdf(double x) => (1.0 + FdlibmErf.Erf(x / Math.Sqrt(2.0))) / 2.0;

    private static void CheckNotNaN(double value, string name)
    {
        if (double.IsNaN(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"trunc_normal_ expects {name} not to be NaN (torch's uniform_ refuses the NaN bound it leads to).");
        }
    }

    private static void CheckFloatClampBound(double value, string name)
    {
        // clamp_'s Scalar::to<float>() refuses a finite double beyond the float32 range (infinities pass).
        if (double.IsFinite(value) && Math.Abs(value) > float.MaxValue)
        {
            throw new ArgumentOutOfRangeException(name, value, $"trunc_normal_ on a float32 tensor clamps to {name}, which must be within the float32 range or infinite (torch: value cannot be converted to type float without overflow).");
        }
    }

    private static double XavierStd(int length, ReadOnlySpan<int> shape, double gain)
    {
        CheckShape(length, shape);
        (long fanIn, long fanOut) = CalculateFanInAndFanOut(shape);
        long sum = checked(fanIn + fanOut);
        if (sum == 0)
        {
            throw new ArgumentException($"Xavier initialisation divides by fan_in + fan_out, which is 0 for shape [{FormatShape(shape)}] (Python raises ZeroDivisionError).", nameof(shape));
        }

        return gain * Math.Sqrt(2.0 / sum);
    }

    private static double XavierBound(int length, ReadOnlySpan<int> shape, double gain) => Math.Sqrt(3.0) * XavierStd(length, shape, gain);

    // kaiming_*_'s std = gain / sqrt(fan), or null for a tensor with a zero in its shape (torch returns it untouched).
    private static double? KaimingStd(int length, ReadOnlySpan<int> shape, double a, TorchFanMode mode, TorchNonlinearity nonlinearity)
    {
        CheckShape(length, shape);
        CheckMode(mode);
        CheckNonlinearity(nonlinearity);
        if (shape.Contains(0))
        {
            return null;
        }

        (long fanIn, long fanOut) = CalculateFanInAndFanOut(shape);
        double gain = CalculateGain(nonlinearity, a);
        return gain / Math.Sqrt(mode == TorchFanMode.FanIn ? fanIn : fanOut);
    }

    private static void CheckShape(int length, ReadOnlySpan<int> shape)
    {
        long count = 1;
        foreach (int size in shape)
        {
            if (size < 0)
            {
                throw new ArgumentException($"The shape [{FormatShape(shape)}] has a negative size.", nameof(shape));
            }

            // Saturate above int.MaxValue (no span is that long) without overflowing; a later 0 still gives 0.
            count = size == 0 ? 0 : Math.Min(count, 1L << 31) * size;
        }

        if (count != length)
        {
            throw new ArgumentException($"The shape [{FormatShape(shape)}] has {(count > int.MaxValue ? "more than int.MaxValue" : count)} elements; the tensor has {length}.", nameof(shape));
        }
    }

    private static string FormatShape(ReadOnlySpan<int> shape) => string.Join(", ", shape.ToArray());
}

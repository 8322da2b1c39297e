using OneSeed.Compat;
using static TorchSharp.torch;
using static TorchSharp.torchvision;

namespace OneSeed.TorchVision;

/// <summary>
/// torchvision 0.14's <c>transforms.GaussianBlur(kernel_size, sigma)</c> on tensors: blurs with a Gaussian kernel whose
/// standard deviation is drawn uniformly from <c>sigma</c>.
/// </summary>
/// <remarks>
/// <para>Draws exactly what torchvision draws: one <c>torch.empty(1).uniform_(sigma_min, sigma_max)</c> per call (also for a fixed sigma).</para>
/// <para>
/// Reproducibility tier: <b>stable</b> for the draw; the pixels agree with torchvision within the tolerance
/// docs/torchvision.md states (a float32 convolution in libtorch 2.10 against torch 1.13).
/// </para>
/// </remarks>
public sealed class GaussianBlur : ITransform
{
    private readonly TorchGenerator? _generator;

    /// <summary>Creates the transform with a square kernel and sigma drawn from torchvision's default (0.1, 2.0).</summary>
    /// <param name="kernelSize">The kernel's side: odd and positive.</param>
    /// <param name="generator">The generator to draw from; null (the default) draws from <see cref="TorchGenerator.Default"/> at each call.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kernelSize"/> is not odd and positive.</exception>
    public GaussianBlur(int kernelSize, TorchGenerator? generator = null)
        : this((kernelSize, kernelSize), (0.1, 2.0), generator)
    {
    }

    /// <summary>Creates the transform with a square kernel and a fixed sigma (torchvision still draws it, from [sigma, sigma]).</summary>
    /// <param name="kernelSize">The kernel's side: odd and positive.</param>
    /// <param name="sigma">The standard deviation: positive.</param>
    /// <param name="generator">The generator to draw from; null (the default) draws from <see cref="TorchGenerator.Default"/> at each call.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kernelSize"/> is not odd and positive, or <paramref name="sigma"/> is not positive.</exception>
    public GaussianBlur(int kernelSize, double sigma, TorchGenerator? generator = null)
        : this((kernelSize, kernelSize), PositiveSigma(sigma), generator)
    {
    }

    /// <summary>Creates the transform.</summary>
    /// <param name="kernelSize">The kernel's (x, y) sides, torchvision's <c>kernel_size</c> order: odd and positive.</param>
    /// <param name="sigma">The range of the standard deviation, 0 &lt; min &lt;= max.</param>
    /// <param name="generator">The generator to draw from; null (the default) draws from <see cref="TorchGenerator.Default"/> at each call.</param>
    /// <exception cref="ArgumentOutOfRangeException">A kernel side is not odd and positive, or not 0 &lt; min &lt;= max for sigma.</exception>
    public GaussianBlur((int X, int Y) kernelSize, (double Min, double Max) sigma, TorchGenerator? generator = null)
    {
        foreach (int side in new[] { kernelSize.X, kernelSize.Y })
        {
            if (side <= 0 || side % 2 == 0)
            {
                throw new ArgumentOutOfRangeException(nameof(kernelSize), kernelSize, "Kernel size value should be an odd and positive number, as torchvision requires.");
            }
        }

        if (!(sigma.Min > 0 && sigma.Min <= sigma.Max && double.IsFinite(sigma.Max)))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "sigma values should be positive and of the form (min, max), as torchvision requires.");
        }

        KernelSize = kernelSize;
        Sigma = sigma;
        _generator = generator;
    }

    /// <summary>The kernel's (x, y) sides.</summary>
    public (int X, int Y) KernelSize { get; }

    /// <summary>The range of the standard deviation.</summary>
    public (double Min, double Max) Sigma { get; }

    /// <summary>torchvision's <c>GaussianBlur.get_params(sigma_min, sigma_max)</c>: <c>torch.empty(1).uniform_(sigma_min, sigma_max).item()</c>.</summary>
    /// <param name="generator">The generator to draw from.</param>
    /// <param name="sigmaMin">The smallest standard deviation.</param>
    /// <param name="sigmaMax">The largest standard deviation.</param>
    /// <returns>The standard deviation.</returns>
    public static double GetParams(TorchGenerator generator, double sigmaMin, double sigmaMax)
    {
        ArgumentNullException.ThrowIfNull(generator);
        return TorchDraw.Uniform(generator, sigmaMin, sigmaMax);
    }

    /// <summary>Applies the transform to a <c>[..., C, H, W]</c> image tensor.</summary>
    /// <param name="input">The image; every image of a batch gets the same sigma, as in torchvision. Each side must exceed half the kernel (reflect padding).</param>
    /// <returns>A new tensor with the blurred image.</returns>
    public Tensor call(Tensor input)
    {
        var (_, height, width) = Internal.ImageDimensions.Of(input, nameof(input));
        if (input.dim() < 3 || KernelSize.X / 2 >= width || KernelSize.Y / 2 >= height)
        {
            throw new ArgumentException($"GaussianBlur with kernel ({KernelSize.X}, {KernelSize.Y}) needs a [..., C, H, W] image whose sides exceed half the kernel (reflect padding); got shape [{string.Join(", ", input.shape)}].", nameof(input));
        }

        TorchGenerator generator = TorchDraw.Resolve(_generator);
        double sigma = GetParams(generator, Sigma.Min, Sigma.Max);
        return ImageOps.GaussianBlur(input, KernelSize, (sigma, sigma));
    }

    private static (double, double) PositiveSigma(double sigma)
    {
        if (!(sigma > 0 && double.IsFinite(sigma)))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "If sigma is a single number, it must be positive, as torchvision requires.");
        }

        return (sigma, sigma);
    }
}

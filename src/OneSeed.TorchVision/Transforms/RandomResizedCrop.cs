using OneSeed.Compat;
using static TorchSharp.torch;
using static TorchSharp.torchvision;

namespace OneSeed.TorchVision;

/// <summary>
/// torchvision 0.14's <c>transforms.RandomResizedCrop(size, scale, ratio, interpolation, antialias)</c> on tensors: crops
/// a box of random area and aspect ratio and resizes it to <c>size</c>.
/// </summary>
/// <remarks>
/// <para>
/// Draws exactly what torchvision's <c>get_params</c> draws: up to 10 attempts of
/// <c>torch.empty(1).uniform_(scale)</c> then <c>torch.empty(1).uniform_(log(ratio))</c>, and for the first box that fits
/// <c>torch.randint</c> for the top then the left; if none fits, the central fallback box without further draws.
/// The float32 <c>log</c> and <c>exp</c> are libtorch's (through TorchSharp), which on x86-64 with AVX2 are the same SLEEF
/// kernels torch 1.13 runs; the rest is Python's double arithmetic and round-half-to-even.
/// </para>
/// <para>
/// Reproducibility tier: <b>stable</b> for the drawn box; the resized pixels agree with torchvision within the tolerance
/// docs/torchvision.md states (libtorch 2.10's <c>interpolate</c> against torch 1.13's), and are exact when the box already
/// has the output size (torchvision then returns the crop without resizing).
/// </para>
/// </remarks>
public sealed class RandomResizedCrop : ITransform
{
    private readonly TorchGenerator? _generator;

    /// <summary>Creates the transform for a square output of <paramref name="size"/> x <paramref name="size"/>.</summary>
    /// <inheritdoc cref="RandomResizedCrop(ValueTuple{int, int}, ValueTuple{double, double}?, ValueTuple{double, double}?, InterpolationMode, bool?, TorchGenerator)"/>
    public RandomResizedCrop(int size, (double Min, double Max)? scale = null, (double Min, double Max)? ratio = null, InterpolationMode interpolation = InterpolationMode.Bilinear, bool? antialias = null, TorchGenerator? generator = null)
        : this((size, size), scale, ratio, interpolation, antialias, generator)
    {
    }

    /// <summary>Creates the transform.</summary>
    /// <param name="size">The output (height, width); positive.</param>
    /// <param name="scale">The range of the box's area as a fraction of the image's; null for torchvision's (0.08, 1.0).</param>
    /// <param name="ratio">The range of the box's aspect ratio (width / height); null for torchvision's (3/4, 4/3); positive.</param>
    /// <param name="interpolation">Nearest, Bilinear (torchvision's default) or Bicubic, the modes torchvision supports on tensors.</param>
    /// <param name="antialias">Whether to antialias when downsizing; null is torchvision 0.14's tensor default, false. True needs Bilinear or Bicubic.</param>
    /// <param name="generator">The generator to draw from; null (the default) draws from <see cref="TorchGenerator.Default"/> at each call.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, a bound is not finite, a range is not (min, max) (torchvision warns, then fails at the first call), a ratio bound is not positive, the interpolation is not supported, or antialias is asked with Nearest.</exception>
    public RandomResizedCrop((int Height, int Width) size, (double Min, double Max)? scale = null, (double Min, double Max)? ratio = null, InterpolationMode interpolation = InterpolationMode.Bilinear, bool? antialias = null, TorchGenerator? generator = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size.Height, nameof(size));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size.Width, nameof(size));
        (double Min, double Max) s = scale ?? (0.08, 1.0);
        (double Min, double Max) r = ratio ?? (3.0 / 4.0, 4.0 / 3.0);
        TransformArguments.RequireFiniteRange(s, nameof(scale));
        TransformArguments.RequireFiniteRange(r, nameof(ratio));
        if (!(r.Min > 0 && r.Max > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), r, "ratio bounds must be positive (torchvision takes their logarithm).");
        }

        if (interpolation is not (InterpolationMode.Nearest or InterpolationMode.Bilinear or InterpolationMode.Bicubic))
        {
            throw new ArgumentOutOfRangeException(nameof(interpolation), interpolation, "Only Nearest, Bilinear and Bicubic are supported on tensors, as in torchvision.");
        }

        if (antialias == true && interpolation == InterpolationMode.Nearest)
        {
            throw new ArgumentOutOfRangeException(nameof(antialias), antialias, "Antialias is supported for Bilinear and Bicubic interpolation only, as in torchvision.");
        }

        Size = size;
        Scale = s;
        Ratio = r;
        Interpolation = interpolation;
        Antialias = antialias;
        _generator = generator;
    }

    /// <summary>The output (height, width).</summary>
    public (int Height, int Width) Size { get; }

    /// <summary>The range of the box's area as a fraction of the image's.</summary>
    public (double Min, double Max) Scale { get; }

    /// <summary>The range of the box's aspect ratio.</summary>
    public (double Min, double Max) Ratio { get; }

    /// <summary>The interpolation of the resize.</summary>
    public InterpolationMode Interpolation { get; }

    /// <summary>The antialias flag as given (null means false on tensors).</summary>
    public bool? Antialias { get; }

    /// <summary>torchvision's <c>RandomResizedCrop.get_params(img, scale, ratio)</c>: the crop box.</summary>
    /// <param name="generator">The generator to draw from.</param>
    /// <param name="img">The image (only its height and width are read).</param>
    /// <param name="scale">The range of the box's area as a fraction of the image's.</param>
    /// <param name="ratio">The range of the box's aspect ratio.</param>
    /// <returns>The box (top, left, height, width).</returns>
    public static (int Top, int Left, int Height, int Width) GetParams(TorchGenerator generator, Tensor img, (double Min, double Max) scale, (double Min, double Max) ratio)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var (_, height, width) = Internal.ImageDimensions.Of(img, nameof(img));
        TorchSharp.TorchSharpNative.EnsureLoaded();
        long area = height * width;
        (double Low, double High) logRatio = TorchDraw.Float32Log(ratio);
        for (int attempt = 0; attempt < 10; attempt++)
        {
            var (w, h) = TorchDraw.DrawBoxSides(generator, area, scale, logRatio);
            if (w > 0 && w <= width && h > 0 && h <= height)
            {
                long i = TorchDraw.RandInt(generator, 0, height - h + 1);
                long j = TorchDraw.RandInt(generator, 0, width - w + 1);
                return ((int)i, (int)j, (int)h, (int)w);
            }
        }

        // Fallback to a central crop, as torchvision.
        double inRatio = (double)width / height;
        double minRatio = Math.Min(ratio.Min, ratio.Max), maxRatio = Math.Max(ratio.Min, ratio.Max);
        long cw, ch;
        if (inRatio < minRatio)
        {
            cw = width;
            ch = TorchDraw.PythonRound(cw / minRatio);
        }
        else if (inRatio > maxRatio)
        {
            ch = height;
            cw = TorchDraw.PythonRound(ch * maxRatio);
        }
        else
        {
            cw = width;
            ch = height;
        }

        return ((int)((height - ch) / 2), (int)((width - cw) / 2), (int)ch, (int)cw);
    }

    /// <summary>Applies the transform to a <c>[..., H, W]</c> image tensor.</summary>
    /// <param name="input">The image; every image of a batch gets the same box, as in torchvision.</param>
    /// <returns>A new tensor of the output size.</returns>
    public Tensor call(Tensor input)
    {
        Internal.ImageDimensions.Of(input, nameof(input));
        TorchGenerator generator = TorchDraw.Resolve(_generator);
        var (i, j, h, w) = GetParams(generator, input, Scale, Ratio);
        using var scope = NewDisposeScope();
        Tensor cropped = ImageOps.Crop(input, i, j, h, w);
        return ImageOps.Resize(cropped, Size.Height, Size.Width, Interpolation, Antialias ?? false).MoveToOuterDisposeScope();
    }
}

using OneSeed.Compat;
using static TorchSharp.torch;
using static TorchSharp.torchvision;

namespace OneSeed.TorchVision;

/// <summary>
/// torchvision 0.14's <c>transforms.RandomCrop(size, padding, pad_if_needed, fill, padding_mode)</c> on tensors: pads
/// the image if asked, then crops a <c>size</c> box at a position drawn with <c>torch.randint</c>.
/// </summary>
/// <remarks>
/// <para>
/// Draws exactly what torchvision draws: nothing when the (padded) image already has the crop's size, else
/// <c>torch.randint(0, h - th + 1, (1,))</c> then <c>torch.randint(0, w - tw + 1, (1,))</c>.
/// </para>
/// <para>Reproducibility tier: <b>stable</b> (the draws and the pixels are bit-exact with torchvision 0.14).</para>
/// </remarks>
public sealed class RandomCrop : ITransform
{
    private readonly TorchGenerator? _generator;
    private readonly long[]? _paddingLtrb;

    /// <summary>Creates the transform for a square crop of <paramref name="size"/> x <paramref name="size"/>.</summary>
    /// <inheritdoc cref="RandomCrop(ValueTuple{int, int}, int[], bool, double, PaddingMode, TorchGenerator)"/>
    public RandomCrop(int size, int[]? padding = null, bool padIfNeeded = false, double fill = 0, PaddingMode paddingMode = PaddingMode.Constant, TorchGenerator? generator = null)
        : this((size, size), padding, padIfNeeded, fill, paddingMode, generator)
    {
    }

    /// <summary>Creates the transform.</summary>
    /// <param name="size">The crop's (height, width); not negative.</param>
    /// <param name="padding">
    /// Padding added on every border before cropping, as torchvision's <c>padding</c>: null for none, one value for all
    /// borders, two for (left/right, top/bottom), four for (left, top, right, bottom).
    /// </param>
    /// <param name="padIfNeeded">Whether to pad an image smaller than the crop (on both sides of the short dimension, width first).</param>
    /// <param name="fill">The value of constant padding.</param>
    /// <param name="paddingMode">How the padding is filled.</param>
    /// <param name="generator">The generator to draw from; null (the default) draws from <see cref="TorchGenerator.Default"/> at each call.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative, or <paramref name="paddingMode"/> is not defined.</exception>
    /// <exception cref="ArgumentException"><paramref name="padding"/> does not have 1, 2 or 4 values.</exception>
    public RandomCrop((int Height, int Width) size, int[]? padding = null, bool padIfNeeded = false, double fill = 0, PaddingMode paddingMode = PaddingMode.Constant, TorchGenerator? generator = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size.Height, nameof(size));
        ArgumentOutOfRangeException.ThrowIfNegative(size.Width, nameof(size));
        if (!Enum.IsDefined(paddingMode))
        {
            throw new ArgumentOutOfRangeException(nameof(paddingMode), paddingMode, "padding_mode must be Constant, Edge, Reflect or Symmetric.");
        }

        _paddingLtrb = padding is null ? null : TransformArguments.PaddingLtrb(padding, nameof(padding));
        Size = size;
        PadIfNeeded = padIfNeeded;
        Fill = fill;
        PaddingMode = paddingMode;
        _generator = generator;
    }

    /// <summary>The crop's (height, width).</summary>
    public (int Height, int Width) Size { get; }

    /// <summary>Whether an image smaller than the crop is padded.</summary>
    public bool PadIfNeeded { get; }

    /// <summary>The value of constant padding.</summary>
    public double Fill { get; }

    /// <summary>How the padding is filled.</summary>
    public PaddingMode PaddingMode { get; }

    /// <summary>
    /// torchvision's <c>RandomCrop.get_params(img, output_size)</c>: the crop box, drawing two <c>torch.randint</c>
    /// unless the image already has the output size.
    /// </summary>
    /// <param name="generator">The generator to draw from.</param>
    /// <param name="img">The image (only its height and width are read).</param>
    /// <param name="outputSize">The crop's (height, width).</param>
    /// <returns>The box (top, left, height, width).</returns>
    /// <exception cref="ArgumentException">The crop is larger than the image (torchvision's ValueError).</exception>
    public static (int Top, int Left, int Height, int Width) GetParams(TorchGenerator generator, Tensor img, (int Height, int Width) outputSize)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var (_, h, w) = Internal.ImageDimensions.Of(img, nameof(img));
        var (th, tw) = outputSize;
        if (h < th || w < tw)
        {
            throw new ArgumentException($"Required crop size ({th}, {tw}) is larger than input image size ({h}, {w}).", nameof(outputSize));
        }

        if (w == tw && h == th)
        {
            return (0, 0, (int)h, (int)w);
        }

        long i = TorchDraw.RandInt(generator, 0, h - th + 1);
        long j = TorchDraw.RandInt(generator, 0, w - tw + 1);
        return ((int)i, (int)j, th, tw);
    }

    /// <summary>Applies the transform to a <c>[..., H, W]</c> image tensor.</summary>
    /// <param name="input">The image; every image of a batch gets the same box, as in torchvision.</param>
    /// <returns>The crop: a new tensor, or a view of the (padded) image when the box lies contiguously in memory, as torchvision's slice.</returns>
    /// <exception cref="ArgumentException">The (padded) image is smaller than the crop.</exception>
    public Tensor call(Tensor input)
    {
        Internal.ImageDimensions.Of(input, nameof(input));
        TorchGenerator generator = TorchDraw.Resolve(_generator);
        using var scope = NewDisposeScope();
        Tensor img = input;
        if (_paddingLtrb is not null)
        {
            img = ImageOps.Pad(img, _paddingLtrb, Fill, PaddingMode);
        }

        var (_, height, width) = Internal.ImageDimensions.Of(img);
        if (PadIfNeeded && width < Size.Width)
        {
            long pad = Size.Width - width;
            img = ImageOps.Pad(img, [pad, 0, pad, 0], Fill, PaddingMode);
        }

        if (PadIfNeeded && height < Size.Height)
        {
            long pad = Size.Height - height;
            img = ImageOps.Pad(img, [0, pad, 0, pad], Fill, PaddingMode);
        }

        var (i, j, h, w) = GetParams(generator, img, Size);
        return ImageOps.Crop(img, i, j, h, w).MoveToOuterDisposeScope();
    }
}

using OneSeed.Compat;
using static TorchSharp.torch;
using static TorchSharp.torchvision;

namespace OneSeed.TorchVision;

/// <summary>
/// torchvision 0.14's <c>transforms.ColorJitter(brightness, contrast, saturation, hue)</c> on tensors: adjusts brightness,
/// contrast, saturation and hue by random factors, in a random order.
/// </summary>
/// <remarks>
/// <para>
/// Draws exactly what torchvision's <c>get_params</c> draws: <c>torch.randperm(4)</c> for the order, then one
/// <c>torch.empty(1).uniform_</c> for each of brightness, contrast, saturation and hue that is jittered, in that order.
/// </para>
/// <para>
/// Reproducibility tier: <b>stable</b> for the draws; the pixels agree with torchvision within the tolerance
/// docs/torchvision.md states (float32 blends and the HSV round trip in libtorch 2.10 against torch 1.13).
/// </para>
/// </remarks>
public sealed class ColorJitter : ITransform
{
    private readonly TorchGenerator? _generator;

    /// <summary>
    /// Creates the transform from torchvision's single numbers: brightness, contrast and saturation factors from
    /// [max(0, 1 - x), 1 + x], the hue shift from [-hue, hue]; 0 (the default) leaves that property alone.
    /// </summary>
    /// <param name="brightness">How much to jitter brightness: not negative.</param>
    /// <param name="contrast">How much to jitter contrast: not negative.</param>
    /// <param name="saturation">How much to jitter saturation: not negative.</param>
    /// <param name="hue">How much to jitter hue: 0 to 0.5.</param>
    /// <param name="generator">The generator to draw from; null (the default) draws from <see cref="TorchGenerator.Default"/> at each call.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A value is negative or not a number, or <paramref name="hue"/> is above 0.5 (torchvision accepts it, then fails at
    /// the first hue factor drawn outside [-0.5, 0.5]).
    /// </exception>
    public ColorJitter(double brightness = 0, double contrast = 0, double saturation = 0, double hue = 0, TorchGenerator? generator = null)
    {
        Brightness = FromNumber(brightness, 1, clipFirstOnZero: true, nameof(brightness));
        Contrast = FromNumber(contrast, 1, clipFirstOnZero: true, nameof(contrast));
        Saturation = FromNumber(saturation, 1, clipFirstOnZero: true, nameof(saturation));
        if (hue > 0.5)
        {
            throw new ArgumentOutOfRangeException(nameof(hue), hue, "hue must be at most 0.5: torchvision's adjust_hue refuses factors outside [-0.5, 0.5].");
        }

        Hue = FromNumber(hue, 0, clipFirstOnZero: false, nameof(hue));
        _generator = generator;
    }

    /// <summary>
    /// Creates the transform from torchvision's (min, max) ranges; null leaves that property alone, as do (1, 1) for
    /// brightness, contrast and saturation and (0, 0) for hue.
    /// </summary>
    /// <param name="brightness">The range of brightness factors, 0 &lt;= min &lt;= max.</param>
    /// <param name="contrast">The range of contrast factors, 0 &lt;= min &lt;= max.</param>
    /// <param name="saturation">The range of saturation factors, 0 &lt;= min &lt;= max.</param>
    /// <param name="hue">The range of hue shifts, -0.5 &lt;= min &lt;= max &lt;= 0.5.</param>
    /// <param name="generator">The generator to draw from; null (the default) draws from <see cref="TorchGenerator.Default"/> at each call.</param>
    /// <exception cref="ArgumentOutOfRangeException">A range is outside its bounds or not (min, max), as torchvision checks.</exception>
    public ColorJitter((double Min, double Max)? brightness, (double Min, double Max)? contrast, (double Min, double Max)? saturation, (double Min, double Max)? hue, TorchGenerator? generator = null)
    {
        Brightness = FromRange(brightness, 1, (0, double.PositiveInfinity), nameof(brightness));
        Contrast = FromRange(contrast, 1, (0, double.PositiveInfinity), nameof(contrast));
        Saturation = FromRange(saturation, 1, (0, double.PositiveInfinity), nameof(saturation));
        Hue = FromRange(hue, 0, (-0.5, 0.5), nameof(hue));
        _generator = generator;
    }

    /// <summary>The range of brightness factors, or null when brightness is not jittered.</summary>
    public (double Min, double Max)? Brightness { get; }

    /// <summary>The range of contrast factors, or null when contrast is not jittered.</summary>
    public (double Min, double Max)? Contrast { get; }

    /// <summary>The range of saturation factors, or null when saturation is not jittered.</summary>
    public (double Min, double Max)? Saturation { get; }

    /// <summary>The range of hue shifts, or null when hue is not jittered.</summary>
    public (double Min, double Max)? Hue { get; }

    /// <summary>torchvision's <c>ColorJitter.get_params(brightness, contrast, saturation, hue)</c>.</summary>
    /// <param name="generator">The generator to draw from.</param>
    /// <param name="brightness">The range of brightness factors, or null.</param>
    /// <param name="contrast">The range of contrast factors, or null.</param>
    /// <param name="saturation">The range of saturation factors, or null.</param>
    /// <param name="hue">The range of hue shifts, or null.</param>
    /// <returns>
    /// The order of the four adjustments (0 brightness, 1 contrast, 2 saturation, 3 hue: <c>torch.randperm(4)</c>) and the
    /// factors drawn for the ranges given (null for the others).
    /// </returns>
    public static (int[] FnIdx, double? Brightness, double? Contrast, double? Saturation, double? Hue) GetParams(
        TorchGenerator generator, (double Min, double Max)? brightness, (double Min, double Max)? contrast, (double Min, double Max)? saturation, (double Min, double Max)? hue)
    {
        ArgumentNullException.ThrowIfNull(generator);
        int[] fnIdx = generator.RandPermInt32(4);
        double? Draw((double Min, double Max)? range) => range is { } r ? TorchDraw.Uniform(generator, r.Min, r.Max) : null;
        double? b = Draw(brightness);
        double? c = Draw(contrast);
        double? s = Draw(saturation);
        double? h = Draw(hue);
        return (fnIdx, b, c, s, h);
    }

    /// <summary>Applies the transform to a <c>[..., 1 or 3, H, W]</c> image tensor.</summary>
    /// <param name="input">The image; every image of a batch gets the same order and factors, as in torchvision.</param>
    /// <returns>The adjusted image: a new tensor, or <paramref name="input"/> itself when nothing is jittered (or only saturation and hue of a one-channel image). Intermediate tensors are disposed.</returns>
    /// <exception cref="ArgumentException">Something is jittered and the image does not have 1 or 3 channels; refused before the draws.</exception>
    public Tensor call(Tensor input)
    {
        Internal.ImageDimensions.Of(input, nameof(input));
        if (Brightness is not null || Contrast is not null || Saturation is not null || Hue is not null)
        {
            ImageOps.RequireOneOrThreeChannels(input, nameof(ColorJitter));
        }

        TorchGenerator generator = TorchDraw.Resolve(_generator);
        var (fnIdx, b, c, s, h) = GetParams(generator, Brightness, Contrast, Saturation, Hue);
        Tensor img = input;
        foreach (int fn in fnIdx)
        {
            Tensor next = (fn, b, c, s, h) switch
            {
                (0, { } factor, _, _, _) => ImageOps.AdjustBrightness(img, factor),
                (1, _, { } factor, _, _) => ImageOps.AdjustContrast(img, factor),
                (2, _, _, { } factor, _) => ImageOps.AdjustSaturation(img, factor),
                (3, _, _, _, { } factor) => ImageOps.AdjustHue(img, factor),
                _ => img,
            };
            if (!ReferenceEquals(img, input) && !ReferenceEquals(img, next))
            {
                img.Dispose();
            }

            img = next;
        }

        return img;
    }

    /// <summary>torchvision's <c>_check_input</c> for a single number.</summary>
    private static (double Min, double Max)? FromNumber(double value, double center, bool clipFirstOnZero, string name)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"If {name} is a single number, it must be non negative (and finite), as torchvision requires.");
        }

        double low = center - value, high = center + value;
        if (clipFirstOnZero)
        {
            low = Math.Max(low, 0.0);
        }

        return low == high && high == center ? null : (low, high);
    }

    /// <summary>torchvision's <c>_check_input</c> for a (min, max) pair.</summary>
    private static (double Min, double Max)? FromRange((double Min, double Max)? range, double center, (double Low, double High) bound, string name)
    {
        if (range is not { } r)
        {
            return null;
        }

        if (!(bound.Low <= r.Min && r.Min <= r.Max && r.Max <= bound.High) || !double.IsFinite(r.Max))
        {
            throw new ArgumentOutOfRangeException(name, r, $"{name} values should be between ({bound.Low}, {bound.High}) and of the form (min, max), as torchvision requires.");
        }

        return r.Min == r.Max && r.Max == center ? null : r;
    }
}

using OneSeed.Compat;
using static TorchSharp.torch;
using static TorchSharp.torchvision;

namespace OneSeed.TorchVision;

/// <summary>
/// torchvision 0.14's <c>transforms.RandomErasing(p, scale, ratio, value, inplace)</c>: with probability <c>p</c>, erases a
/// box of random area and aspect ratio with a constant per channel or (<c>value="random"</c>) standard normal noise.
/// </summary>
/// <remarks>
/// <para>
/// Draws exactly what torchvision draws: <c>torch.rand(1) &lt; p</c> (compared in float32); then up to 10 attempts of
/// <c>torch.empty(1).uniform_(scale)</c> and <c>torch.empty(1).uniform_(log(ratio))</c>; for the first box that fits,
/// for random values <c>torch.empty([C, h, w]).normal_()</c>, then <c>torch.randint</c> for the top and the left. When
/// no box fits, the image is returned as a copy (as torchvision erases it with itself).
/// </para>
/// <para>
/// Values as torchvision builds them with <c>torch.tensor(value)</c>: int64 when every value is a whole number, else
/// float32 (so 0.1 erases a float64 image with 0.1f); they are then converted to the image's dtype by the assignment.
/// </para>
/// <para>Reproducibility tier: <b>stable</b> (the draws and the pixels are bit-exact with torchvision 0.14).</para>
/// </remarks>
public sealed class RandomErasing : ITransform
{
    private readonly TorchGenerator? _generator;
    private readonly double[]? _value;

    /// <summary>Creates the transform erasing with one value for every channel.</summary>
    /// <param name="p">The probability of erasing, in [0, 1] (torchvision's default 0.5).</param>
    /// <param name="scale">The range of the erased area as a fraction of the image's, within [0, 1]; null for torchvision's (0.02, 0.33).</param>
    /// <param name="ratio">The range of the erased box's aspect ratio; null for torchvision's (0.3, 3.3); positive.</param>
    /// <param name="value">The erasing value (torchvision's default 0).</param>
    /// <param name="inplace">Whether to erase the input tensor itself instead of a copy.</param>
    /// <param name="generator">The generator to draw from; null (the default) draws from <see cref="TorchGenerator.Default"/> at each call.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1], <paramref name="scale"/> is outside [0, 1], a range is not (min, max) (torchvision warns, then fails at the first erasing), a ratio bound is not positive, or a value is not finite.</exception>
    public RandomErasing(double p = 0.5, (double Min, double Max)? scale = null, (double Min, double Max)? ratio = null, double value = 0, bool inplace = false, TorchGenerator? generator = null)
        : this(p, scale, ratio, [value], inplace, generator)
    {
    }

    /// <summary>Creates the transform erasing with one value per channel (or one value for all).</summary>
    /// <param name="p">The probability of erasing, in [0, 1].</param>
    /// <param name="scale">The range of the erased area as a fraction of the image's, within [0, 1]; null for torchvision's (0.02, 0.33).</param>
    /// <param name="ratio">The range of the erased box's aspect ratio; null for torchvision's (0.3, 3.3); positive.</param>
    /// <param name="value">The erasing values: one, or one per channel of the images to come (checked at each call, as torchvision).</param>
    /// <param name="inplace">Whether to erase the input tensor itself instead of a copy.</param>
    /// <param name="generator">The generator to draw from; null (the default) draws from <see cref="TorchGenerator.Default"/> at each call.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1], <paramref name="scale"/> is outside [0, 1], a range is not (min, max) (torchvision warns, then fails at the first erasing), a ratio bound is not positive, or a value is not finite.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty.</exception>
    public RandomErasing(double p, (double Min, double Max)? scale, (double Min, double Max)? ratio, IReadOnlyList<double> value, bool inplace = false, TorchGenerator? generator = null)
        : this(p, scale, ratio, inplace, generator)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Count == 0)
        {
            throw new ArgumentException("value must hold one value, or one per channel.", nameof(value));
        }

        foreach (double v in value)
        {
            TransformArguments.RequireFinite(v, nameof(value));
        }

        _value = value.ToArray();
    }

    /// <summary>Creates the transform erasing with standard normal noise, as torchvision's <c>value="random"</c>.</summary>
    /// <param name="p">The probability of erasing, in [0, 1].</param>
    /// <param name="scale">The range of the erased area as a fraction of the image's, within [0, 1]; null for torchvision's (0.02, 0.33).</param>
    /// <param name="ratio">The range of the erased box's aspect ratio; null for torchvision's (0.3, 3.3); positive.</param>
    /// <param name="value">"random", the only string torchvision accepts.</param>
    /// <param name="inplace">Whether to erase the input tensor itself instead of a copy.</param>
    /// <param name="generator">The generator to draw from; null (the default) draws from <see cref="TorchGenerator.Default"/> at each call.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not "random".</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1], <paramref name="scale"/> is outside [0, 1], or a ratio bound is not positive.</exception>
    public RandomErasing(double p, (double Min, double Max)? scale, (double Min, double Max)? ratio, string value, bool inplace = false, TorchGenerator? generator = null)
        : this(p, scale, ratio, inplace, generator)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value != "random")
        {
            throw new ArgumentException($"If value is a string, it should be 'random', as torchvision requires; got '{value}'.", nameof(value));
        }

        _value = null;
    }

    private RandomErasing(double p, (double Min, double Max)? scale, (double Min, double Max)? ratio, bool inplace, TorchGenerator? generator)
    {
        (double Min, double Max) s = scale ?? (0.02, 0.33);
        (double Min, double Max) r = ratio ?? (0.3, 3.3);
        if (!(s.Min >= 0 && s.Max <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), s, "Scale should be between 0 and 1, as torchvision requires.");
        }

        TransformArguments.RequireOrdered(s, nameof(scale));
        TransformArguments.RequireOrdered(r, nameof(ratio));

        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "Random erasing probability should be between 0 and 1, as torchvision requires.");
        }

        if (!(r.Min > 0 && r.Max > 0 && double.IsFinite(r.Min) && double.IsFinite(r.Max)))
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), r, "ratio bounds must be positive and finite (torchvision takes their logarithm).");
        }

        P = p;
        Scale = s;
        Ratio = r;
        Inplace = inplace;
        _generator = generator;
    }

    /// <summary>The probability of erasing.</summary>
    public double P { get; }

    /// <summary>The range of the erased area as a fraction of the image's.</summary>
    public (double Min, double Max) Scale { get; }

    /// <summary>The range of the erased box's aspect ratio.</summary>
    public (double Min, double Max) Ratio { get; }

    /// <summary>The erasing values, or null for random normal values.</summary>
    public IReadOnlyList<double>? Value => _value;

    /// <summary>Whether the input tensor itself is erased.</summary>
    public bool Inplace { get; }

    /// <summary>
    /// torchvision's <c>RandomErasing.get_params(img, scale, ratio, value)</c>: the box and the values to write there.
    /// </summary>
    /// <param name="generator">The generator to draw from.</param>
    /// <param name="img">The image, <c>[..., C, H, W]</c> (only its shape is read).</param>
    /// <param name="scale">The range of the erased area as a fraction of the image's.</param>
    /// <param name="ratio">The range of the erased box's aspect ratio.</param>
    /// <param name="value">The erasing values (one or one per channel), or null for standard normal noise.</param>
    /// <returns>
    /// The box (top, left, height, width) and the values: a <c>[C, h, w]</c> float32 noise tensor, or the values as a
    /// <c>[n, 1, 1]</c> tensor (int64 when all are whole numbers, else float32). When no box fits in 10 attempts,
    /// (0, 0, H, W) and <paramref name="img"/> itself, as torchvision returns. The caller owns a returned value tensor that is not <paramref name="img"/>.
    /// </returns>
    public static (int Top, int Left, int Height, int Width, Tensor Value) GetParams(TorchGenerator generator, Tensor img, (double Min, double Max) scale, (double Min, double Max) ratio, IReadOnlyList<double>? value = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(img);
        if (img.dim() < 3)
        {
            throw new ArgumentException($"RandomErasing needs an image tensor with at least 3 dimensions ([..., C, H, W]); got {img.dim()}.", nameof(img));
        }

        TorchSharp.TorchSharpNative.EnsureLoaded();
        long imgC = img.shape[^3], imgH = img.shape[^2], imgW = img.shape[^1];
        long area = imgH * imgW;
        (double Low, double High) logRatio = TorchDraw.Float32Log(ratio);
        for (int attempt = 0; attempt < 10; attempt++)
        {
            // torchvision's erasing box is h = sqrt(area * ratio), w = sqrt(area / ratio): the crop's sides swapped.
            var (h, w) = TorchDraw.DrawBoxSides(generator, area, scale, logRatio);
            if (!(h < imgH && w < imgW))
            {
                continue;
            }

            Tensor v;
            if (value is null)
            {
                float[] noise = generator.Normal(0.0, 1.0, checked((int)(imgC * h * w)));
                v = tensor(noise, [imgC, h, w]);
            }
            else
            {
                v = ValueTensor(value);
            }

            long i = TorchDraw.RandInt(generator, 0, imgH - h + 1);
            long j = TorchDraw.RandInt(generator, 0, imgW - w + 1);
            return ((int)i, (int)j, (int)h, (int)w, v);
        }

        return (0, 0, (int)imgH, (int)imgW, img);
    }

    /// <summary><c>torch.tensor(value)[:, None, None]</c>: int64 when every value is a whole number, else float32.</summary>
    private static Tensor ValueTensor(IReadOnlyList<double> value)
    {
        bool whole = value.All(v => Math.Floor(v) == v && Math.Abs(v) < 9.2e18);
        using Tensor flat = whole ? tensor(value.Select(v => (long)v).ToArray()) : tensor(value.Select(v => (float)v).ToArray());
        return flat.view(-1, 1, 1);
    }

    /// <summary>Applies the transform to a <c>[..., C, H, W]</c> image tensor.</summary>
    /// <param name="input">The image; every image of a batch gets the same box and values, as in torchvision.</param>
    /// <returns>The erased image (a copy, or <paramref name="input"/> itself when <see cref="Inplace"/>), or <paramref name="input"/> itself when the draw says not to erase.</returns>
    /// <exception cref="ArgumentException">Fewer than 3 dimensions, or a number of values that is neither 1 nor the number of channels; refused before any draw.</exception>
    public Tensor call(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() < 3)
        {
            throw new ArgumentException($"RandomErasing needs an image tensor with at least 3 dimensions ([..., C, H, W]); got {input.dim()}.", nameof(input));
        }

        if (_value is not null && _value.Length != 1 && _value.Length != input.shape[^3])
        {
            throw new ArgumentException($"If value is a sequence, it should have either a single value or {input.shape[^3]} (number of input channels); got {_value.Length}.", nameof(input));
        }

        TorchGenerator generator = TorchDraw.Resolve(_generator);
        if (!TorchDraw.RandTensorLessThan(generator, P))
        {
            return input;
        }

        var (i, j, h, w, v) = GetParams(generator, input, Scale, Ratio, _value);
        using (ReferenceEquals(v, input) ? null : v)
        {
            return ImageOps.Erase(input, i, j, h, w, v, Inplace);
        }
    }
}

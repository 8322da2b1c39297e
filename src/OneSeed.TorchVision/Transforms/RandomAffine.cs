using OneSeed.Compat;
using static TorchSharp.torch;
using static TorchSharp.torchvision;

namespace OneSeed.TorchVision;

/// <summary>
/// torchvision 0.14's <c>transforms.RandomAffine(degrees, translate, scale, shear, interpolation, fill, center)</c> on
/// tensors: a random rotation, translation, scale and shear about the image centre.
/// </summary>
/// <remarks>
/// <para>
/// Draws exactly what torchvision's <c>get_params</c> draws, in its order: the angle; with <c>translate</c> the x then y
/// shift (each <c>int(round(uniform_(-max, max)))</c>); with <c>scale</c> the scale; with <c>shear</c> the x shear and,
/// for four values, the y shear. Each is one <c>torch.empty(1).uniform_</c>.
/// </para>
/// <para>
/// Reproducibility tier: <b>stable</b> for the parameters; the pixels agree with torchvision within the tolerance
/// docs/torchvision.md states (libtorch 2.10's <c>grid_sample</c> against torch 1.13's).
/// </para>
/// </remarks>
public sealed class RandomAffine : ITransform
{
    private readonly TorchGenerator? _generator;
    private readonly double[] _fill;
    private readonly double[]? _shear;

    /// <summary>Creates the transform with rotations in (-<paramref name="degrees"/>, +<paramref name="degrees"/>).</summary>
    /// <inheritdoc cref="RandomAffine(ValueTuple{double, double}, ValueTuple{double, double}?, ValueTuple{double, double}?, IReadOnlyList{double}, InterpolationMode, IReadOnlyList{double}, ValueTuple{double, double}?, TorchGenerator)"/>
    public RandomAffine(double degrees, (double X, double Y)? translate = null, (double Min, double Max)? scale = null, IReadOnlyList<double>? shear = null, InterpolationMode interpolation = InterpolationMode.Nearest, IReadOnlyList<double>? fill = null, (double X, double Y)? center = null, TorchGenerator? generator = null)
        : this(TransformArguments.SymmetricRange(degrees, nameof(degrees)), translate, scale, shear, interpolation, fill, center, generator)
    {
    }

    /// <summary>Creates the transform.</summary>
    /// <param name="degrees">The range of rotation angles in degrees, (min, max); (0, 0) for none.</param>
    /// <param name="translate">The largest horizontal and vertical shifts as fractions of the width and height, each in [0, 1]; null for none.</param>
    /// <param name="scale">The range of scale factors, both positive; null for none.</param>
    /// <param name="shear">
    /// Shear angles in degrees as torchvision's <c>shear</c>: one value s for an x shear in (-s, s) (torchvision's single
    /// number), two for an x shear range, four for x and y shear ranges; null for none.
    /// </param>
    /// <param name="interpolation">Nearest (torchvision's default) or Bilinear, the modes torchvision supports on tensors.</param>
    /// <param name="fill">The value of pixels from outside the image: one for every channel, or one per channel; null for 0.</param>
    /// <param name="center">The centre in pixels, (x, y) from the top left corner; null for the image centre.</param>
    /// <param name="generator">The generator to draw from; null (the default) draws from <see cref="TorchGenerator.Default"/> at each call.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A bound is not finite or a range is not (min, max), a translation is outside [0, 1], a scale is not positive, a
    /// single shear is negative, or the interpolation is not Nearest or Bilinear.
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="shear"/> does not have 1, 2 or 4 values, or <paramref name="fill"/> is empty.</exception>
    public RandomAffine((double Min, double Max) degrees, (double X, double Y)? translate = null, (double Min, double Max)? scale = null, IReadOnlyList<double>? shear = null, InterpolationMode interpolation = InterpolationMode.Nearest, IReadOnlyList<double>? fill = null, (double X, double Y)? center = null, TorchGenerator? generator = null)
    {
        TransformArguments.RequireFiniteRange(degrees, nameof(degrees));
        if (translate is { } t && !(t.X >= 0 && t.X <= 1 && t.Y >= 0 && t.Y <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(translate), t, "translation values should be between 0 and 1, as torchvision requires.");
        }

        if (scale is { } s)
        {
            if (!(s.Min > 0 && s.Max > 0 && double.IsFinite(s.Min) && double.IsFinite(s.Max)))
            {
                throw new ArgumentOutOfRangeException(nameof(scale), s, "scale values should be positive, as torchvision requires.");
            }

            TransformArguments.RequireOrdered(s, nameof(scale));
        }

        if (shear is not null)
        {
            _shear = shear.Count switch
            {
                1 => SymmetricPair(shear[0]),
                2 or 4 => shear.ToArray(),
                _ => throw new ArgumentException($"shear should be a single value or a sequence of length 2 or 4, as torchvision requires; got {shear.Count} values.", nameof(shear)),
            };
            foreach (double v in _shear)
            {
                TransformArguments.RequireFinite(v, nameof(shear));
            }

            TransformArguments.RequireOrdered((_shear[0], _shear[1]), nameof(shear));
            if (_shear.Length == 4)
            {
                TransformArguments.RequireOrdered((_shear[2], _shear[3]), nameof(shear));
            }
        }

        TransformArguments.RequireNearestOrBilinear(interpolation, nameof(interpolation));
        Degrees = degrees;
        Translate = translate;
        Scale = scale;
        Interpolation = interpolation;
        _fill = TransformArguments.Fill(fill, nameof(fill));
        Center = center;
        _generator = generator;
    }

    /// <summary>The range of rotation angles in degrees.</summary>
    public (double Min, double Max) Degrees { get; }

    /// <summary>The largest shifts as fractions of the width and height, or null.</summary>
    public (double X, double Y)? Translate { get; }

    /// <summary>The range of scale factors, or null.</summary>
    public (double Min, double Max)? Scale { get; }

    /// <summary>The shear ranges as torchvision stores them (2 or 4 values), or null.</summary>
    public IReadOnlyList<double>? Shear => _shear;

    /// <summary>The interpolation.</summary>
    public InterpolationMode Interpolation { get; }

    /// <summary>The fill of pixels from outside the image.</summary>
    public IReadOnlyList<double> Fill => _fill;

    /// <summary>The centre, or null for the image centre.</summary>
    public (double X, double Y)? Center { get; }

    /// <summary>torchvision's <c>RandomAffine.get_params(degrees, translate, scale_ranges, shears, img_size)</c>.</summary>
    /// <param name="generator">The generator to draw from.</param>
    /// <param name="degrees">The range of angles, (min, max).</param>
    /// <param name="translate">The largest shifts as fractions, or null.</param>
    /// <param name="scaleRanges">The range of scales, or null.</param>
    /// <param name="shears">Shear ranges (2 or 4 values), or null.</param>
    /// <param name="imgSize">The image's (width, height), in torchvision's order.</param>
    /// <returns>The angle, the integer (x, y) translation, the scale and the (x, y) shear.</returns>
    /// <exception cref="ArgumentException"><paramref name="shears"/> has fewer than 2 values.</exception>
    public static (double Angle, (int X, int Y) Translations, double Scale, (double X, double Y) Shear) GetParams(
        TorchGenerator generator, (double Min, double Max) degrees, (double X, double Y)? translate, (double Min, double Max)? scaleRanges, IReadOnlyList<double>? shears, (int Width, int Height) imgSize)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (shears is not null && shears.Count < 2)
        {
            throw new ArgumentException($"shears needs 2 or 4 values (torchvision's stored form); got {shears.Count}.", nameof(shears));
        }

        double angle = TorchDraw.Uniform(generator, degrees.Min, degrees.Max);
        (int X, int Y) translations = (0, 0);
        if (translate is { } t)
        {
            double maxDx = t.X * imgSize.Width;
            double maxDy = t.Y * imgSize.Height;
            int tx = (int)TorchDraw.PythonRound(TorchDraw.Uniform(generator, -maxDx, maxDx));
            int ty = (int)TorchDraw.PythonRound(TorchDraw.Uniform(generator, -maxDy, maxDy));
            translations = (tx, ty);
        }

        double scale = scaleRanges is { } s ? TorchDraw.Uniform(generator, s.Min, s.Max) : 1.0;
        double shearX = 0.0, shearY = 0.0;
        if (shears is not null)
        {
            shearX = TorchDraw.Uniform(generator, shears[0], shears[1]);
            if (shears.Count == 4)
            {
                shearY = TorchDraw.Uniform(generator, shears[2], shears[3]);
            }
        }

        return (angle, translations, scale, (shearX, shearY));
    }

    /// <summary>Applies the transform to a <c>[..., C, H, W]</c> image tensor.</summary>
    /// <param name="input">The image; every image of a batch gets the same parameters, as in torchvision.</param>
    /// <returns>A new tensor with the transformed image.</returns>
    /// <exception cref="ArgumentException">The fill has several values but not one per channel; refused before the draws.</exception>
    public Tensor call(Tensor input)
    {
        ImageOps.RequireFillMatchesChannels(input, _fill);
        TorchGenerator generator = TorchDraw.Resolve(_generator);
        var (_, height, width) = Internal.ImageDimensions.Of(input, nameof(input));
        var (angle, translations, scale, shear) = GetParams(generator, Degrees, Translate, Scale, _shear, ((int)width, (int)height));
        return ImageOps.Affine(input, angle, (translations.X, translations.Y), scale, shear, Interpolation, _fill, Center);
    }

    private static double[] SymmetricPair(double shear)
    {
        var (low, high) = TransformArguments.SymmetricRange(shear, nameof(shear));
        return [low, high];
    }
}

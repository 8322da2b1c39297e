using OneSeed.Compat;
using static TorchSharp.torch;
using static TorchSharp.torchvision;

namespace OneSeed.TorchVision;

/// <summary>
/// torchvision 0.14's <c>transforms.RandomRotation(degrees, interpolation, expand, center, fill)</c> on tensors: rotates
/// the image counter-clockwise by an angle drawn uniformly from <c>degrees</c>.
/// </summary>
/// <remarks>
/// <para>Draws exactly what torchvision draws: one <c>torch.empty(1).uniform_(degrees[0], degrees[1])</c> per call.</para>
/// <para>
/// Reproducibility tier: <b>stable</b> for the angle; the pixels agree with torchvision within the tolerance
/// docs/torchvision.md states (libtorch 2.10's <c>grid_sample</c> against torch 1.13's).
/// </para>
/// </remarks>
public sealed class RandomRotation : ITransform
{
    private readonly TorchGenerator? _generator;
    private readonly double[] _fill;

    /// <summary>Creates the transform rotating by an angle in (-<paramref name="degrees"/>, +<paramref name="degrees"/>).</summary>
    /// <inheritdoc cref="RandomRotation(ValueTuple{double, double}, InterpolationMode, bool, ValueTuple{double, double}?, IReadOnlyList{double}, TorchGenerator)"/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degrees"/> is negative or not a number, or the interpolation is not Nearest or Bilinear.</exception>
    public RandomRotation(double degrees, InterpolationMode interpolation = InterpolationMode.Nearest, bool expand = false, (double X, double Y)? center = null, IReadOnlyList<double>? fill = null, TorchGenerator? generator = null)
        : this(TransformArguments.SymmetricRange(degrees, nameof(degrees)), interpolation, expand, center, fill, generator)
    {
    }

    /// <summary>Creates the transform rotating by an angle in the range <paramref name="degrees"/>.</summary>
    /// <param name="degrees">The range of angles in degrees, (min, max).</param>
    /// <param name="interpolation">Nearest (torchvision's default) or Bilinear, the modes torchvision supports on tensors.</param>
    /// <param name="expand">Whether to enlarge the output to hold the whole rotated image.</param>
    /// <param name="center">The centre of rotation in pixels, (x, y) from the top left corner; null for the image centre.</param>
    /// <param name="fill">The value of pixels from outside the image: one for every channel, or one per channel; null for 0.</param>
    /// <param name="generator">The generator to draw from; null (the default) draws from <see cref="TorchGenerator.Default"/> at each call.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite or the range is not (min, max), or the interpolation is not Nearest or Bilinear.</exception>
    /// <exception cref="ArgumentException"><paramref name="fill"/> is empty.</exception>
    public RandomRotation((double Min, double Max) degrees, InterpolationMode interpolation = InterpolationMode.Nearest, bool expand = false, (double X, double Y)? center = null, IReadOnlyList<double>? fill = null, TorchGenerator? generator = null)
    {
        TransformArguments.RequireFiniteRange(degrees, nameof(degrees));
        TransformArguments.RequireNearestOrBilinear(interpolation, nameof(interpolation));
        Degrees = degrees;
        Interpolation = interpolation;
        Expand = expand;
        Center = center;
        _fill = TransformArguments.Fill(fill, nameof(fill));
        _generator = generator;
    }

    /// <summary>The range of angles in degrees.</summary>
    public (double Min, double Max) Degrees { get; }

    /// <summary>The interpolation.</summary>
    public InterpolationMode Interpolation { get; }

    /// <summary>Whether the output is enlarged to hold the whole rotated image.</summary>
    public bool Expand { get; }

    /// <summary>The centre of rotation, or null for the image centre.</summary>
    public (double X, double Y)? Center { get; }

    /// <summary>The fill of pixels from outside the image.</summary>
    public IReadOnlyList<double> Fill => _fill;

    /// <summary>torchvision's <c>RandomRotation.get_params(degrees)</c>: <c>float(torch.empty(1).uniform_(degrees[0], degrees[1]).item())</c>.</summary>
    /// <param name="generator">The generator to draw from.</param>
    /// <param name="degrees">The range of angles, (min, max).</param>
    /// <returns>The angle in degrees.</returns>
    public static double GetParams(TorchGenerator generator, (double Min, double Max) degrees)
    {
        ArgumentNullException.ThrowIfNull(generator);
        return TorchDraw.Uniform(generator, degrees.Min, degrees.Max);
    }

    /// <summary>Applies the transform to a <c>[..., C, H, W]</c> image tensor.</summary>
    /// <param name="input">The image; every image of a batch gets the same angle, as in torchvision.</param>
    /// <returns>A new tensor with the rotated image.</returns>
    /// <exception cref="ArgumentException">The fill has several values but not one per channel; refused before the draw.</exception>
    public Tensor call(Tensor input)
    {
        ImageOps.RequireFillMatchesChannels(input, _fill);
        TorchGenerator generator = TorchDraw.Resolve(_generator);
        double angle = GetParams(generator, Degrees);
        return ImageOps.Rotate(input, angle, Interpolation, Expand, Center, _fill);
    }
}

using OneSeed.Compat;
using static TorchSharp.torch;
using static TorchSharp.torchvision;

namespace OneSeed.TorchVision;

/// <summary>
/// torchvision 0.14's <c>transforms.RandomPerspective(distortion_scale, p, interpolation, fill)</c> on tensors: with
/// probability <c>p</c>, a perspective transform moving each corner inward by a random amount.
/// </summary>
/// <remarks>
/// <para>
/// Draws exactly what torchvision draws: <c>torch.rand(1) &lt; p</c> (compared in float32), then eight
/// <c>torch.randint</c> for the corners in torchvision's order (top-left x, y; top-right x, y; bottom-right x, y;
/// bottom-left x, y).
/// </para>
/// <para>
/// Reproducibility tier: <b>stable</b> for the draws; the pixels agree with torchvision within the tolerance
/// docs/torchvision.md states (the eight coefficients are solved here in double precision where torchvision uses
/// float32 <c>lstsq</c>, then libtorch 2.10's <c>grid_sample</c> against torch 1.13's).
/// </para>
/// </remarks>
public sealed class RandomPerspective : ITransform
{
    private readonly TorchGenerator? _generator;
    private readonly double[] _fill;

    /// <summary>Creates the transform.</summary>
    /// <param name="distortionScale">How far corners may move, as a fraction of half the side: 0 to 1 (torchvision's default 0.5).</param>
    /// <param name="p">The probability of transforming (torchvision's default 0.5); as in torchvision, any value is accepted.</param>
    /// <param name="interpolation">Bilinear (torchvision's default) or Nearest, the modes torchvision supports on tensors.</param>
    /// <param name="fill">The value of pixels from outside the image: one for every channel, or one per channel; null for 0.</param>
    /// <param name="generator">The generator to draw from; null (the default) draws from <see cref="TorchGenerator.Default"/> at each call.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="distortionScale"/> is outside [0, 1] (torchvision documents the range and fails on a negative one at the first draw), or the interpolation is not Nearest or Bilinear.</exception>
    /// <exception cref="ArgumentException"><paramref name="fill"/> is empty.</exception>
    public RandomPerspective(double distortionScale = 0.5, double p = 0.5, InterpolationMode interpolation = InterpolationMode.Bilinear, IReadOnlyList<double>? fill = null, TorchGenerator? generator = null)
    {
        if (!(distortionScale >= 0 && distortionScale <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(distortionScale), distortionScale, "distortion_scale should be between 0 and 1, as torchvision documents.");
        }

        TransformArguments.RequireNearestOrBilinear(interpolation, nameof(interpolation));
        DistortionScale = distortionScale;
        P = p;
        Interpolation = interpolation;
        _fill = TransformArguments.Fill(fill, nameof(fill));
        _generator = generator;
    }

    /// <summary>How far corners may move, as a fraction of half the side.</summary>
    public double DistortionScale { get; }

    /// <summary>The probability of transforming.</summary>
    public double P { get; }

    /// <summary>The interpolation.</summary>
    public InterpolationMode Interpolation { get; }

    /// <summary>The fill of pixels from outside the image.</summary>
    public IReadOnlyList<double> Fill => _fill;

    /// <summary>torchvision's <c>RandomPerspective.get_params(width, height, distortion_scale)</c>.</summary>
    /// <param name="generator">The generator to draw from.</param>
    /// <param name="width">The image width.</param>
    /// <param name="height">The image height.</param>
    /// <param name="distortionScale">How far corners may move, as a fraction of half the side.</param>
    /// <returns>
    /// The corners of the image and where they go, each as (x, y) in the order top-left, top-right, bottom-right, bottom-left.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">A side is not positive, or a range is empty (torch's randint: low &gt;= high).</exception>
    public static ((int X, int Y)[] StartPoints, (int X, int Y)[] EndPoints) GetParams(TorchGenerator generator, int width, int height, double distortionScale)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        int halfHeight = height / 2;
        int halfWidth = width / 2;
        long dx = (long)(distortionScale * halfWidth);
        long dy = (long)(distortionScale * halfHeight);
        if (!(dx >= 0 && dy >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(distortionScale), distortionScale, "torch.randint would get an empty range: distortion_scale must not be negative.");
        }

        int R(long low, long high) => (int)TorchDraw.RandInt(generator, low, high);
        (int X, int Y) topLeft = (R(0, dx + 1), R(0, dy + 1));
        (int X, int Y) topRight = (R(width - dx - 1, width), R(0, dy + 1));
        (int X, int Y) bottomRight = (R(width - dx - 1, width), R(height - dy - 1, height));
        (int X, int Y) bottomLeft = (R(0, dx + 1), R(height - dy - 1, height));
        (int X, int Y)[] startPoints = [(0, 0), (width - 1, 0), (width - 1, height - 1), (0, height - 1)];
        return (startPoints, [topLeft, topRight, bottomRight, bottomLeft]);
    }

    /// <summary>Applies the transform to a <c>[..., C, H, W]</c> image tensor.</summary>
    /// <param name="input">The image; every image of a batch gets the same corners, as in torchvision.</param>
    /// <returns>A new tensor with the transformed image, or <paramref name="input"/> itself when the draw says not to transform.</returns>
    /// <exception cref="ArgumentException">The fill has several values but not one per channel; refused before the draws.</exception>
    public Tensor call(Tensor input)
    {
        var (_, height, width) = Internal.ImageDimensions.Of(input, nameof(input));
        ImageOps.RequireFillMatchesChannels(input, _fill);
        TorchGenerator generator = TorchDraw.Resolve(_generator);
        if (!TorchDraw.RandTensorLessThan(generator, P))
        {
            return input;
        }

        var (startPoints, endPoints) = GetParams(generator, (int)width, (int)height, DistortionScale);
        return ImageOps.Perspective(input, startPoints, endPoints, Interpolation, _fill);
    }
}

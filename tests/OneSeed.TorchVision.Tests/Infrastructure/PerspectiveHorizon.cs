using OneSeed.Compat;
using static TorchSharp.torch;

namespace OneSeed.TorchVision.Tests.Infrastructure;

/// <summary>
/// The pixel centres that a perspective maps to infinity, left out of pixel comparisons: on the horizon line
/// (c6·x + c7·y + 1 = 0) whether the float32 grid holds an exact 0 (an infinite coordinate, NaN after grid_sample) or
/// a tiny remainder (a far coordinate, the fill) is a rounding of the grid's matrix product that libtorch 2.10 and
/// torch 1.13 may round apart (CI met one). Such pixels are undefined in both libraries.
/// </summary>
internal static class PerspectiveHorizon
{
    /// <summary>An <c>[H, W]</c> bool tensor, true on the horizon line (within 1e-4).</summary>
    public static Tensor Mask(double[] coeffs, long height, long width)
    {
        bool[] horizon = new bool[height * width];
        for (long y = 0; y < height; y++)
        {
            for (long x = 0; x < width; x++)
            {
                horizon[(y * width) + x] = Math.Abs((coeffs[6] * (x + 0.5)) + (coeffs[7] * (y + 0.5)) + 1.0) < 1e-4;
            }
        }

        return tensor(horizon).view(height, width);
    }

    /// <summary>
    /// The horizon mask of the call <paramref name="transform"/> makes from <paramref name="stateBefore"/> (its
    /// generator's state before the call) on an image of the given size, or null when that call leaves the image alone.
    /// </summary>
    public static Tensor? MaskOfCall(RandomPerspective transform, byte[] stateBefore, long height, long width)
    {
        var shadow = new TorchGenerator(0);
        shadow.SetState(stateBefore);
        if (!TorchDraw.RandTensorLessThan(shadow, transform.P))
        {
            return null;
        }

        var (start, end) = RandomPerspective.GetParams(shadow, (int)width, (int)height, transform.DistortionScale);
        return Mask(ImageOps.PerspectiveCoefficients(start, end), height, width);
    }
}

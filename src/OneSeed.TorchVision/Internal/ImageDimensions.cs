using TorchSharp;

namespace OneSeed.TorchVision.Internal;

/// <summary>
/// The (channels, height, width) of an image tensor as torchvision 0.14's <c>F.get_dimensions</c> reads them on the tensor
/// path: a 2-D tensor is one channel, otherwise the last three dimensions are <c>[C, H, W]</c> and any before are batch.
/// </summary>
internal readonly record struct ImageDimensions(long Channels, long Height, long Width)
{
    /// <summary>Reads the dimensions of <paramref name="image"/>, refusing what torchvision refuses (fewer than 2 dimensions).</summary>
    public static ImageDimensions Of(torch.Tensor image, string paramName = "img")
    {
        ArgumentNullException.ThrowIfNull(image, paramName);
        long[] shape = image.shape;
        if (shape.Length < 2)
        {
            throw new ArgumentException(
                $"Tensor is not a torch image: expected at least 2 dimensions ([H, W], [C, H, W] or [..., C, H, W]), got {shape.Length} (shape [{string.Join(", ", shape)}]).",
                paramName);
        }

        long channels = shape.Length == 2 ? 1 : shape[^3];
        return new ImageDimensions(channels, shape[^2], shape[^1]);
    }
}

using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace OneSeed.TorchVision.Policies;

/// <summary>The checks and conversions the four policies share (torchvision copies them between its classes).</summary>
internal static class PolicyArguments
{
    /// <summary>torchvision's tensor path supports only nearest and bilinear grid sampling.</summary>
    public static InterpolationMode Interpolation(InterpolationMode interpolation, string paramName)
    {
        if (interpolation is not (InterpolationMode.Nearest or InterpolationMode.Bilinear))
        {
            throw new ArgumentOutOfRangeException(paramName, interpolation, $"{paramName} must be Nearest or Bilinear on tensors (torchvision's tensor path supports only those); got {interpolation}.");
        }

        return interpolation;
    }

    /// <summary>A copy of <paramref name="fill"/>: null, or one value per channel (one value is broadcast to every channel).</summary>
    public static float[]? Fill(IReadOnlyList<float>? fill, string paramName)
    {
        if (fill is null)
        {
            return null;
        }

        if (fill.Count == 0)
        {
            throw new ArgumentException($"{paramName} must be null or hold one value or one per channel; got an empty list.", paramName);
        }

        return [.. fill];
    }

    /// <summary>
    /// Refuses what torchvision's operations would refuse part-way (after drawing): anything but a uint8
    /// <c>[C, H, W]</c> or <c>[N, C, H, W]</c> image with 1 or 3 channels, or a fill list whose length is neither 1 nor C.
    /// </summary>
    public static (long Channels, long Height, long Width) Image(Tensor img, float[]? fill, string paramName = "img")
    {
        ArgumentNullException.ThrowIfNull(img, paramName);
        if (img.ndim is not (3 or 4))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{paramName} must be [C, H, W] or [N, C, H, W] (torchvision's equalize takes 3 or 4 dimensions); got shape [{string.Join(", ", img.shape)}]."), paramName);
        }

        if (img.dtype != ScalarType.Byte)
        {
            throw new ArgumentException($"{paramName} must be a uint8 image (torchvision's policies need uint8 for posterize, equalize and solarize's 0-255 thresholds); got {img.dtype}.", paramName);
        }

        Internal.ImageDimensions dims = Internal.ImageDimensions.Of(img, paramName);
        if (dims.Channels is not (1 or 3))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{paramName} must have 1 or 3 channels, as torchvision's operations require; got {dims.Channels}."), paramName);
        }

        if (fill is { Length: > 1 } && fill.Length != dims.Channels)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"fill has {fill.Length} values, which cannot broadcast to the image's {dims.Channels} channels (torchvision's _assert_grid_transform_inputs)."), paramName);
        }

        return (dims.Channels, dims.Height, dims.Width);
    }

    /// <summary>
    /// Applies <paramref name="steps"/> to <paramref name="img"/> inside a dispose scope, so that only the result
    /// survives; <paramref name="img"/> itself is returned when no step changes it (as torchvision returns its input).
    /// </summary>
    public static Tensor ApplyAll(Tensor img, IReadOnlyList<AugmentStep> steps, InterpolationMode interpolation, float[]? fill)
    {
        if (steps.All(s => s.Operation == AugmentOperation.Identity))
        {
            return img;
        }

        using DisposeScope scope = NewDisposeScope();
        Tensor result = img;
        foreach (AugmentStep step in steps)
        {
            if (step.Operation != AugmentOperation.Identity)
            {
                result = AugmentOperations.Apply(result, step, interpolation, fill);
            }
        }

        return scope.MoveToOuter(result);
    }

    /// <summary>The table's magnitude at <paramref name="bin"/> as Python's <c>float(magnitudes[bin].item())</c>, or 0.0 for a 0-dimensional table.</summary>
    public static double Magnitude(AugmentationSpace.Entry entry, long bin) => entry.Magnitudes is { } m ? m[bin] : 0.0;

    /// <summary>
    /// Draws the sign of a signed operation as torchvision does (<c>if signed and torch.randint(2, (1,)): magnitude *= -1.0</c>):
    /// the coin is drawn only for signed operations.
    /// </summary>
    public static double SignedByCoin(AugmentationSpace.Entry entry, double magnitude, OneSeed.Compat.TorchGenerator generator) =>
        entry.Signed && generator.RandInt(2, 1)[0] != 0 ? magnitude * -1.0 : magnitude;
}

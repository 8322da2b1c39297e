namespace OneSeed.TorchVision.Policies;

/// <summary>
/// The <c>_augmentation_space</c> tables of torchvision 0.14's policies: each operation (in the dict's order, which the
/// drawn index selects) with its float32 magnitudes (null for torchvision's 0-dimensional <c>torch.tensor(0.0)</c>) and
/// whether a coin flip signs it.
/// </summary>
internal static class AugmentationSpace
{
    /// <summary><c>AutoAugment._augmentation_space(num_bins, (height, width))</c>.</summary>
    public static Entry[] AutoAugment(int bins, long height, long width) =>
    [
        new(AugmentOperation.ShearX, TorchLinspace.Float32(0.0, 0.3, bins), true),
        new(AugmentOperation.ShearY, TorchLinspace.Float32(0.0, 0.3, bins), true),
        new(AugmentOperation.TranslateX, TorchLinspace.Float32(0.0, 150.0 / 331.0 * width, bins), true),
        new(AugmentOperation.TranslateY, TorchLinspace.Float32(0.0, 150.0 / 331.0 * height, bins), true),
        new(AugmentOperation.Rotate, TorchLinspace.Float32(0.0, 30.0, bins), true),
        new(AugmentOperation.Brightness, TorchLinspace.Float32(0.0, 0.9, bins), true),
        new(AugmentOperation.Color, TorchLinspace.Float32(0.0, 0.9, bins), true),
        new(AugmentOperation.Contrast, TorchLinspace.Float32(0.0, 0.9, bins), true),
        new(AugmentOperation.Sharpness, TorchLinspace.Float32(0.0, 0.9, bins), true),
        new(AugmentOperation.Posterize, Posterize(bins, 8, 4), false),
        new(AugmentOperation.Solarize, TorchLinspace.Float32(255.0, 0.0, bins), false),
        new(AugmentOperation.AutoContrast, null, false),
        new(AugmentOperation.Equalize, null, false),
        new(AugmentOperation.Invert, null, false),
    ];

    /// <summary><c>RandAugment._augmentation_space(num_bins, (height, width))</c>: AutoAugment's without Invert, with Identity first.</summary>
    public static Entry[] RandAugment(int bins, long height, long width) =>
        [new(AugmentOperation.Identity, null, false), .. AutoAugment(bins, height, width)[..^1]];

    /// <summary><c>TrivialAugmentWide._augmentation_space(num_bins)</c>.</summary>
    public static Entry[] TrivialAugmentWide(int bins) =>
    [
        new(AugmentOperation.Identity, null, false),
        new(AugmentOperation.ShearX, TorchLinspace.Float32(0.0, 0.99, bins), true),
        new(AugmentOperation.ShearY, TorchLinspace.Float32(0.0, 0.99, bins), true),
        new(AugmentOperation.TranslateX, TorchLinspace.Float32(0.0, 32.0, bins), true),
        new(AugmentOperation.TranslateY, TorchLinspace.Float32(0.0, 32.0, bins), true),
        new(AugmentOperation.Rotate, TorchLinspace.Float32(0.0, 135.0, bins), true),
        new(AugmentOperation.Brightness, TorchLinspace.Float32(0.0, 0.99, bins), true),
        new(AugmentOperation.Color, TorchLinspace.Float32(0.0, 0.99, bins), true),
        new(AugmentOperation.Contrast, TorchLinspace.Float32(0.0, 0.99, bins), true),
        new(AugmentOperation.Sharpness, TorchLinspace.Float32(0.0, 0.99, bins), true),
        new(AugmentOperation.Posterize, Posterize(bins, 8, 6), false),
        new(AugmentOperation.Solarize, TorchLinspace.Float32(255.0, 0.0, bins), false),
        new(AugmentOperation.AutoContrast, null, false),
        new(AugmentOperation.Equalize, null, false),
    ];

    /// <summary><c>AugMix._augmentation_space(num_bins, (height, width))</c>; the four colour operations only with <paramref name="allOps"/>.</summary>
    public static Entry[] AugMix(int bins, long height, long width, bool allOps)
    {
        Entry[] basic =
        [
            new(AugmentOperation.ShearX, TorchLinspace.Float32(0.0, 0.3, bins), true),
            new(AugmentOperation.ShearY, TorchLinspace.Float32(0.0, 0.3, bins), true),
            new(AugmentOperation.TranslateX, TorchLinspace.Float32(0.0, width / 3.0, bins), true),
            new(AugmentOperation.TranslateY, TorchLinspace.Float32(0.0, height / 3.0, bins), true),
            new(AugmentOperation.Rotate, TorchLinspace.Float32(0.0, 30.0, bins), true),
            new(AugmentOperation.Posterize, Posterize(bins, 4, 4), false),
            new(AugmentOperation.Solarize, TorchLinspace.Float32(255.0, 0.0, bins), false),
            new(AugmentOperation.AutoContrast, null, false),
            new(AugmentOperation.Equalize, null, false),
        ];
        return allOps
            ?
            [
                .. basic,
                new(AugmentOperation.Brightness, TorchLinspace.Float32(0.0, 0.9, bins), true),
                new(AugmentOperation.Color, TorchLinspace.Float32(0.0, 0.9, bins), true),
                new(AugmentOperation.Contrast, TorchLinspace.Float32(0.0, 0.9, bins), true),
                new(AugmentOperation.Sharpness, TorchLinspace.Float32(0.0, 0.9, bins), true),
            ]
            : basic;
    }

    /// <summary>
    /// <c>top - (torch.arange(bins) / ((bins - 1) / divisor)).round().int()</c>: the int64 range divided in float32 by the
    /// Python float rounded to float32, rounded half to even (<c>nearbyint</c>), as int32.
    /// </summary>
    private static float[] Posterize(int bins, int top, int divisor)
    {
        float denominator = (float)((bins - 1) / (double)divisor);
        float[] values = new float[bins];
        for (int i = 0; i < bins; i++)
        {
            values[i] = top - (int)MathF.Round(i / denominator, MidpointRounding.ToEven);
        }

        return values;
    }

    /// <summary>One operation of a table.</summary>
    /// <param name="Operation">The operation.</param>
    /// <param name="Magnitudes">Its magnitudes (torchvision's 1-D tensor), or null for a 0-dimensional one (magnitude 0.0).</param>
    /// <param name="Signed">Whether a coin flip negates the magnitude.</param>
    internal readonly record struct Entry(AugmentOperation Operation, float[]? Magnitudes, bool Signed);
}

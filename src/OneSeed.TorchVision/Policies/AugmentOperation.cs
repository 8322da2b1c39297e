namespace OneSeed.TorchVision.Policies;

/// <summary>The operations of torchvision 0.14's <c>autoaugment._apply_op</c>, by its names.</summary>
internal enum AugmentOperation
{
    Identity,
    ShearX,
    ShearY,
    TranslateX,
    TranslateY,
    Rotate,
    Brightness,
    Color,
    Contrast,
    Sharpness,
    Posterize,
    Solarize,
    AutoContrast,
    Equalize,
    Invert,
}

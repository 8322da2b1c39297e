namespace OneSeed.TorchVision;

/// <summary>
/// torchvision's <c>padding_mode</c> for <see cref="RandomCrop"/>: how the border added around an image is filled.
/// </summary>
/// <remarks>Reproducibility tier: <b>stable</b> (no randomness; the padded pixels are exact).</remarks>
public enum PaddingMode
{
    /// <summary><c>"constant"</c>: pads with the fill value.</summary>
    Constant = 0,

    /// <summary><c>"edge"</c>: pads with the last value at the edge of the image.</summary>
    Edge = 1,

    /// <summary><c>"reflect"</c>: reflects the image without repeating the edge value ([1, 2, 3, 4] padded by 2 gives [3, 2, 1, 2, 3, 4, 3, 2]).</summary>
    Reflect = 2,

    /// <summary><c>"symmetric"</c>: reflects the image repeating the edge value ([1, 2, 3, 4] padded by 2 gives [2, 1, 1, 2, 3, 4, 4, 3]).</summary>
    Symmetric = 3,
}

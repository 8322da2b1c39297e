using TorchSharp;
using static TorchSharp.torch;

namespace OneSeed.TorchVision.Tests.Data;

/// <summary>
/// A TorchSharp dataset of synthetic uint8 images (the oracle's <c>synthetic_image</c>) passed through a transform that
/// draws from <see cref="Compat.TorchGenerator.Default"/>; items are <c>{"image", "label"}</c> dictionaries.
/// </summary>
internal sealed class AugmentedImages(int count, int side, torchvision.ITransform transform) : utils.data.Dataset
{
    public static torchvision.ITransform StandardPolicies() =>
        torchvision.transforms.Compose(new RandAugment(), new TrivialAugmentWide(), new AugMix());

    public override long Count => count;

    public static Tensor Image(long index, int side) =>
        ((arange(3L * side * side, ScalarType.Int64) * 7 + (index * 13)) % 256).to(ScalarType.Byte).view(3, side, side);

    public override Dictionary<string, Tensor> GetTensor(long index) => new()
    {
        ["image"] = transform.call(Image(index, side)),
        ["label"] = tensor(index),
    };
}

namespace OneSeed.TorchVision;

/// <summary>
/// The AutoAugment policies learned on different datasets, as torchvision 0.14's
/// <c>torchvision.transforms.AutoAugmentPolicy</c> (<c>IMAGENET</c>, <c>CIFAR10</c>, <c>SVHN</c>).
/// </summary>
/// <remarks>Reproducibility tier: <b>stable</b> (each policy's 25 sub-policies are torchvision 0.14's, in its order).</remarks>
public enum AutoAugmentPolicy
{
    /// <summary>The policy learned on ImageNet (torchvision's default).</summary>
    ImageNet,

    /// <summary>The policy learned on CIFAR-10.</summary>
    Cifar10,

    /// <summary>The policy learned on SVHN.</summary>
    Svhn,
}

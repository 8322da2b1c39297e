"""torchvision 0.14's typical ImageNet training augmentation — RandomResizedCrop(224), RandomHorizontalFlip(),
ColorJitter(0.4, 0.4, 0.4) — on uint8 [3, 375, 500] tensors, one thread, images per second: the PyTorch side of
bench/compare_augmentation.sh (OneSeed.Benchmarks --augmentation times OneSeed.TorchVision the same way: best of 5
passes over 64 images after one warm-up pass), then each stage alone and torch's bilinear interpolate alone. Prints one
JSON object."""
import json

import torch
import torchvision
from torchvision import transforms

from bench_common import best_seconds

IMAGES, REPEATS = 64, 5


def main():
    torch.set_num_threads(1)
    torch.manual_seed(2026)
    images = [torch.randint(0, 256, (3, 375, 500), dtype=torch.uint8) for _ in range(IMAGES)]
    pipeline = transforms.Compose([transforms.RandomResizedCrop(224), transforms.RandomHorizontalFlip(),
                                   transforms.ColorJitter(0.4, 0.4, 0.4)])

    def run():
        for image in images:
            pipeline(image)

    best = best_seconds(run, REPEATS)

    # Where the time goes, as OneSeed.Benchmarks --augmentation measures it: each stage alone, and the bilinear
    # interpolate alone on the float32 image the crop's resize hands it.
    def per_image(inputs, stage):
        def run_stage():
            for x in inputs:
                stage(x)
        return best_seconds(run_stage, REPEATS) / len(inputs) * 1e6

    crop, jitter = transforms.RandomResizedCrop(224), transforms.ColorJitter(0.4, 0.4, 0.4)
    crops = [crop(image) for image in images]
    floats = torch.rand(1, 3, 300, 400)
    interpolate = torch.nn.functional.interpolate
    print(json.dumps({'torchvision': torchvision.__version__, 'torch': torch.__version__, 'images_per_s': IMAGES / best,
                      'per_image_us': best / IMAGES * 1e6,
                      'random_resized_crop_us': per_image(images, crop),
                      'color_jitter_us': per_image(crops, jitter),
                      'interpolate_300x400_to_224_us': per_image(
                          images, lambda _: interpolate(floats, size=[224, 224], mode='bilinear', align_corners=False))}))


if __name__ == '__main__':
    main()

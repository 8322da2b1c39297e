"""torchvision 0.14's typical ImageNet training augmentation — RandomResizedCrop(224), RandomHorizontalFlip(),
ColorJitter(0.4, 0.4, 0.4) — on uint8 [3, 375, 500] tensors, one thread, images per second: the PyTorch side of
bench/compare_augmentation.sh (OneSeed.Benchmarks --augmentation times OneSeed.TorchVision the same way: best of 5
passes over 64 images after one warm-up pass). Prints one JSON object."""
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
    print(json.dumps({'torchvision': torchvision.__version__, 'torch': torch.__version__, 'images_per_s': IMAGES / best,
                      'per_image_us': best / IMAGES * 1e6}))


if __name__ == '__main__':
    main()

"""Writes tests/OneSeed.TorchVision.Tests/GoldenVectors/torchvision_transforms.json: torchvision 0.14's get_params draws
for fixed seeds and arguments (the same representation as torchvision_transforms.py's "get_params" op), replayed by
the OneSeed.TorchVision tests without Python.

Run with /usr/bin/python3 (which sees python3-torch and python3-torchvision):
    /usr/bin/python3 tests/oracles/make_golden_torchvision_transforms.py
"""
import os
import random
import sys

sys.path.insert(0, os.path.dirname(__file__))
import torch  # noqa: E402
import torchvision  # noqa: E402
from oracle_common import write_golden  # noqa: E402
from torchvision_transforms import get_params_case  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), '..', 'OneSeed.TorchVision.Tests', 'GoldenVectors', 'torchvision_transforms.json')
SEEDS = [0, 42, 3407, 2**31 - 1, 123456789]


def cases():
    rng = random.Random(22)
    out = []
    for seed in SEEDS:
        for shape in ([3, 224, 224], [1, 7, 5], [3, 32, 48]):
            h, w = shape[1], shape[2]
            out.append({'t': 'RandomCrop', 'shape': shape, 'args': {'output_size': [rng.randint(1, h), rng.randint(1, w)]}, 'seed': seed, 'calls': 3})
            out.append({'t': 'RandomResizedCrop', 'shape': shape, 'args': {'scale': [0.08, 1.0], 'ratio': [3 / 4, 4 / 3]}, 'seed': seed, 'calls': 3})
            out.append({'t': 'RandomResizedCrop', 'shape': shape, 'args': {'scale': [0.9, 1.0], 'ratio': [0.2, 0.3]}, 'seed': seed, 'calls': 2})
            out.append({'t': 'RandomErasing', 'shape': shape, 'args': {'scale': [0.02, 0.33], 'ratio': [0.3, 3.3], 'value': [0]}, 'seed': seed, 'calls': 3})
            if h * w <= 32 * 48:
                # Random values: the noise itself is in the file, so small areas only.
                out.append({'t': 'RandomErasing', 'shape': shape, 'args': {'scale': [0.01, 0.03], 'ratio': [0.5, 2.0]}, 'seed': seed, 'calls': 1})
        out.append({'t': 'RandomRotation', 'args': {'degrees': [-30.0, 45.5]}, 'seed': seed, 'calls': 3})
        out.append({'t': 'RandomAffine', 'args': {'degrees': [-10.0, 10.0], 'translate': [0.1, 0.2], 'scale_ranges': [0.8, 1.2], 'shears': [-5.0, 5.0, -3.0, 3.0], 'img_size': [224, 160]}, 'seed': seed, 'calls': 3})
        out.append({'t': 'RandomAffine', 'args': {'degrees': [0.0, 0.0], 'img_size': [31, 17]}, 'seed': seed, 'calls': 1})
        out.append({'t': 'RandomPerspective', 'args': {'width': 224, 'height': 160, 'distortion_scale': 0.5}, 'seed': seed, 'calls': 2})
        out.append({'t': 'ColorJitter', 'args': {'brightness': [0.6, 1.4], 'contrast': [0.6, 1.4], 'saturation': [0.6, 1.4], 'hue': [-0.1, 0.1]}, 'seed': seed, 'calls': 3})
        out.append({'t': 'ColorJitter', 'args': {'contrast': [0.5, 1.5]}, 'seed': seed, 'calls': 2})
        out.append({'t': 'GaussianBlur', 'args': {'sigma_min': 0.1, 'sigma_max': 2.0}, 'seed': seed, 'calls': 3})
    return out


def main():
    all_cases = cases()
    images = []
    for case in all_cases:
        if 'shape' in case:
            case['image'] = len(images)
            images.append(torch.zeros(case['shape'], dtype=torch.uint8))
    results = [get_params_case(case, images) for case in all_cases]
    for case in all_cases:
        case.pop('image', None)
    write_golden(OUT, {'torch': torch.__version__, 'torchvision': torchvision.__version__, 'cases': all_cases, 'results': results})


if __name__ == '__main__':
    main()

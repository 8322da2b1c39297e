"""Writes tests/OneSeed.TorchVision.Tests/GoldenVectors/torchvision_perspective_coeffs.json: torchvision 0.14's
RandomPerspective coefficients (F._get_perspective_coeffs: float32 torch.linalg.lstsq(driver="gels") through the
reference LAPACK 3.11 that Debian's torch 1.13 links) for corner sets that RandomPerspective.get_params draws from
fixed seeds, image sizes and distortions; replayed by the OneSeed.TorchVision tests without Python.

Run with /usr/bin/python3 (which sees python3-torch and python3-torchvision):
    /usr/bin/python3 tests/oracles/make_golden_torchvision_perspective.py
"""
import os
import random
import sys

sys.path.insert(0, os.path.dirname(__file__))
import torch  # noqa: E402
import torchvision.transforms as T  # noqa: E402
import torchvision.transforms.functional as F  # noqa: E402
from oracle_common import write_golden, f64_bits  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), '..', 'OneSeed.TorchVision.Tests', 'GoldenVectors', 'torchvision_perspective_coeffs.json')


def main():
    rng = random.Random(22)
    cases, results = [], []
    for k in range(200):
        width = rng.randint(2, 16) if k % 4 == 0 else rng.randint(2, 4096)
        height = rng.randint(2, 16) if k % 5 == 0 else rng.randint(2, 4096)
        torch.manual_seed(rng.randrange(2**31))
        start, end = T.RandomPerspective.get_params(width, height, round(rng.random(), 3))
        cases.append({'startpoints': start, 'endpoints': end})
        results.append([f64_bits(v) for v in F._get_perspective_coeffs(start, end)])
    write_golden(OUT, {'torch': torch.__version__, 'cases': cases, 'results': results})


if __name__ == '__main__':
    main()

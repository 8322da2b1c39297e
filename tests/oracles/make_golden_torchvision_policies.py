"""Writes tests/OneSeed.TorchVision.Tests/GoldenVectors/torchvision_policies.json: what torchvision 0.14's
AutoAugment (three policies), RandAugment, TrivialAugmentWide and AugMix draw after torch.manual_seed for fixed cases
(operations with magnitude bits, AugMix's Dirichlet weights, the generator's state digest), and get_params answers.
Run with Debian's /usr/bin/python3 (torch 1.13.1, torchvision 0.14.1) from tests/oracles."""
import os
import random

import torchvision_policies as oracle  # pins ATEN_CPU_CAPABILITY=avx2 before torch is imported
from oracle_common import write_golden

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'OneSeed.TorchVision.Tests', 'GoldenVectors', 'torchvision_policies.json')


def cases():
    rng = random.Random(20261207)
    out = []
    for kind in ['auto'] * 3 + ['rand', 'trivial', 'augmix']:
        for _ in range(20):
            channels = rng.choice([1, 3])
            shape = [channels, rng.randint(1, 400), rng.randint(1, 400)]
            if rng.random() < 0.3:
                shape = [rng.randint(1, 3)] + shape
            c = {'kind': kind, 'seed': rng.randrange(2 ** 63), 'shape': shape,
                 'interpolation': rng.choice(['nearest', 'bilinear'])}
            if kind == 'auto':
                c['policy'] = ['imagenet', 'cifar10', 'svhn'][len(out) // 20 % 3]
            elif kind == 'rand':
                c['bins'] = rng.randint(2, 60)
                c['num_ops'] = rng.randint(0, 5)
                c['magnitude'] = rng.randint(-c['bins'], c['bins'] - 1)
            elif kind == 'trivial':
                c['bins'] = rng.randint(2, 60)
            else:
                c.update(severity=rng.randint(1, 10), width=rng.randint(1, 4), depth=rng.randint(-1, 3),
                         alpha=rng.choice([1.0, 0.5, 2.5]), all_ops=rng.random() < 0.5)
            out.append(c)
    return out


def main():
    draw_cases = cases()
    rng = random.Random(7)
    param_cases = [{'seed': rng.randrange(2 ** 63), 'transform_num': rng.choice([1, 25, rng.randint(1, 10 ** 6)])}
                   for _ in range(20)]
    import torch
    import torchvision
    write_golden(OUT, {
        'torch': torch.__version__, 'torchvision': torchvision.__version__,
        'aten_cpu_capability': os.environ['ATEN_CPU_CAPABILITY'],
        'draws': [{'case': c, 'expected': oracle.draws(c)} for c in draw_cases],
        'get_params': [{'case': c, 'expected': oracle.get_params(c)} for c in param_cases],
    })


if __name__ == '__main__':
    main()

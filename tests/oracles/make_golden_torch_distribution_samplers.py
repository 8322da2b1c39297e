"""Writes tests/OneSeed.Tests/GoldenVectors/torch_distribution_samplers.json from Debian's torch 1.13: fixed call
sequences of torch.multinomial, torch.poisson, torch.binomial, torch._standard_gamma, torch._sample_dirichlet and
Tensor.exponential_ (float32 and float64, with small randn calls between them), their outputs and the generator
state afterwards, in the request format of torch_distribution_samplers.py.

Run with /usr/bin/python3 (which sees python3-torch):
    /usr/bin/python3 tests/oracles/make_golden_torch_distribution_samplers.py
"""
import os
import random
import struct
import sys

sys.path.insert(0, os.path.dirname(__file__))
import torch  # noqa: E402
from oracle_common import write_golden  # noqa: E402
from torch_distribution_samplers import calls  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), '..', 'OneSeed.Tests', 'GoldenVectors', 'torch_distribution_samplers.json')
INF = float('inf')
NAN = float('nan')


def bits(dtype, values):
    if dtype == 'float32':
        return [struct.unpack('<I', struct.pack('<f', v))[0] for v in values]
    return [struct.unpack('<Q', struct.pack('<d', v))[0] for v in values]


def sequence(rng, dtype):
    weights = [0.0, 0.5, 0.0, 1.0, 2.0, 0.0, 0.25, 3.0]
    rows = [[rng.random() for _ in range(6)] for _ in range(3)]
    flat_rows = [v for r in rows for v in r]
    many = [0.0 if rng.random() < 0.3 else rng.random() for _ in range(300)]
    alpha = [0.0, 1e-30, 0.3, 1.0, 2.5, 40.0, 1e6, INF, NAN, -0.5]
    return [
        ['multinomial', dtype, 0, 8, bits(dtype, weights), 1, False],
        ['multinomial', dtype, 0, 8, bits(dtype, weights), 3, False],
        ['multinomial', dtype, 0, 8, bits(dtype, weights), 8, False],
        ['randn', 3],
        ['multinomial', dtype, 0, 8, bits(dtype, weights), 20, True],
        ['multinomial', dtype, 0, 8, bits(dtype, weights), 1, True],
        ['multinomial', dtype, 3, 6, bits(dtype, flat_rows), 4, False],
        ['multinomial', dtype, 3, 6, bits(dtype, flat_rows), 9, True],
        ['multinomial', dtype, 0, 300, bits(dtype, many), 3, False],
        ['multinomial', dtype, 0, 300, bits(dtype, many), 250, False],
        ['poisson', dtype, bits(dtype, [0.0, 0.5, 3.0, 9.999, 10.0, 10.5, 250.0, 1e5, 1e12, 1e19, INF])],
        ['randn_double', 1],
        ['binomial', dtype, bits(dtype, [0.0, -2.0, 10.0, 10.0, 40.0, 1000.0, 1000.0, 1e6, 12.5, INF, 7.0, 7.0]),
         bits(dtype, [0.3, 0.3, 0.0, 1.0, 0.25, 0.5, 0.97, 1e-7, 0.6, 0.4, NAN, 1.5])],
        ['standard_gamma', dtype, bits(dtype, alpha)],
        ['randn', 1],
        ['standard_gamma', dtype, bits(dtype, alpha)],
        ['dirichlet', dtype, 0, 5, bits(dtype, [0.1, 1.0, 2.0, 0.0, 5.0])],
        ['dirichlet', dtype, 2, 37, bits(dtype, [rng.uniform(0.05, 4.0) for _ in range(74)])],
        ['dirichlet', dtype, 1, 70, bits(dtype, [rng.uniform(0.05, 4.0) for _ in range(70)])],
        ['exponential', dtype, bits('float64', [1.0])[0], 7],
        ['exponential', dtype, bits('float64', [0.25])[0], 40],
        ['exponential', dtype, bits('float64', [0.0])[0], 3],
        ['get_state'],
    ]


def main():
    rng = random.Random(20240521)
    cases = []
    for seed in [0, 42, 2**32 + 7, 67280421310721]:
        for dtype in ['float32', 'float64']:
            case = {'seed': seed, 'calls': sequence(rng, dtype)}
            case.update(calls(case))
            cases.append(case)
    write_golden(OUT, {'torch': {'torch': torch.__version__}, 'cases': cases})


if __name__ == '__main__':
    main()

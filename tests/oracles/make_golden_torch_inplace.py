"""Writes tests/OneSeed.Tests/GoldenVectors/torch_inplace.json from Debian's torch 1.13: the in-place samplers
(geometric_, log_normal_, cauchy_, uniform_, random_, bernoulli) and torch.normal with tensors, as call sequences
that TorchInPlaceTests.GoldenVectors replays without Python.

Run with /usr/bin/python3 (which sees python3-torch):  /usr/bin/python3 tests/oracles/make_golden_torch_inplace.py
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(__file__))
import torch  # noqa: E402
from oracle_common import write_golden  # noqa: E402
from torch_inplace import calls  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), '..', 'OneSeed.Tests', 'GoldenVectors', 'torch_inplace.json')
SEEDS = [0, 42, 2**32 - 1, 123456789]


def s(x):
    """A scalar argument as its float64 bits."""
    return struct.unpack('<Q', struct.pack('<d', x))[0]


def t(values, dtype):
    fmt, ifmt = ('<f', '<I') if dtype == 'float32' else ('<d', '<Q')
    return {'dtype': dtype, 'bits': [struct.unpack(ifmt, struct.pack(fmt, v))[0] for v in values]}


def sequence(seed):
    ps = [0.0, 1.0, 0.25, 0.5, 0.75, 1e-9, 0.999]
    means = [((seed + 3 * i) % 17) - 8.5 for i in range(37)]
    stds = [((seed + 5 * i) % 11) * 0.25 for i in range(37)]
    seq = []
    for dtype in ['float32', 'float64', 'int64']:
        seq += [['geometric', s(0.3), 20, dtype], ['geometric', s(1e-12), 5, dtype], ['geometric', s(1e-17), 3, dtype],
                ['random_from_to', -5, 5, 17, dtype], ['random_from_to', 0, 2**32 + 1, 5, dtype],
                ['random_from_to', -2**63, None, 5, dtype], ['random_from_to', 7, None, 5, dtype], ['random_', 9, dtype]]
    seq += [['random_from_to', -2**63, 2**63 - 1, 4, 'int64'], ['random_from_to', 2**25 + 1, 2**26, 4, 'float32'],
            ['random_from_to', 2**24 + 1, None, 2, 'float32']]
    for dtype in ['float32', 'float64']:
        seq += [['randn', 3, dtype], ['log_normal', s(0.5), s(1.5), 7, dtype], ['randn', 1, dtype],
                ['log_normal', s(-1.0), s(0.25), 40, dtype], ['cauchy', s(2.0), s(0.5), 33, dtype],
                ['cauchy', s(0.0), s(1e-300), 4, dtype], ['uniform', s(-3.0), s(5.5), 19, dtype],
                ['bernoulli_tensor', t(ps * 3, dtype)], ['bernoulli_scalar', s(0.4), 18, dtype],
                ['normal_tt', t(means, dtype), t(stds, dtype)], ['normal_tt', t(means[:5], dtype), t(stds[:5], dtype)],
                ['normal_tt', t(means[:1], dtype), t(stds, dtype)], ['normal_ts', t(means[:20], dtype), s(2.5)],
                ['normal_ts', t(means[:7], dtype), s(0.5)], ['normal_st', s(-1.25), t(stds[:17], dtype)],
                ['normal_st', s(3.0), t(stds[:3], dtype)], ['randn', 5, dtype], ['get_state']]
    seq += [['geometric', s(1.0), 3, 'float32'], ['normal_st', s(0.0), t([1.0, -1.0], 'float64')]]
    return seq


def main():
    torch.set_num_threads(1)
    cases = []
    for seed in SEEDS:
        case = {'seed': seed, 'calls': sequence(seed)}
        case.update(calls(case))
        cases.append(case)
    write_golden(OUT, {'torch': {'torch': torch.__version__}, 'cases': cases})


if __name__ == '__main__':
    main()

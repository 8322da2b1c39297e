"""Writes the torch golden vectors (tests/OneSeed.Tests/GoldenVectors/torch_*.json) from Debian's torch 1.13.

Run with /usr/bin/python3 (which sees python3-torch):  /usr/bin/python3 tests/oracles/make_golden_torch.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import torch  # noqa: E402
from oracle_common import write_golden  # noqa: E402
from torch_generator import calls, distributed_sampler, random_sampler  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), '..', 'OneSeed.Tests', 'GoldenVectors')
SEEDS = [0, 42, -1, -123456789, 2**63 + 12345, 2**64 - 1, 67280421310721, 2**32 + 7]
LENGTHS = [1, 15, 16, 17, 31, 33, 200]


def generator_cases():
    cases = []
    for seed in SEEDS:
        seq = [['initial_seed']]
        for n in LENGTHS:
            seq += [['rand', n], ['rand_double', n], ['randn', n], ['randn_double', n]]
        seq += [['randn', 1], ['randn', 3], ['randn_double', 1], ['randn', 16], ['randn_double', 5]]
        seq += [['uniform', -2.5, 7.25, 17], ['uniform_double', -1e6, 3.5, 17],
                ['normal', 1.5, 0.25, 5], ['normal', -3.0, 2.0, 33], ['normal_double', 10.0, 3.0, 5],
                ['normal_double', -1.0, 0.5, 31]]
        seq += [['randint', 0, 10, 20], ['randint', -5, 5, 20], ['randint', 0, 2**31, 10], ['randint', 0, 2**32 - 1, 10],
                ['randint', 0, 2**32, 10], ['randint', -2**40, 2**40, 10], ['randint', -2**63, 2**63 - 1, 10]]
        seq += [['randperm', 0], ['randperm', 1], ['randperm', 2], ['randperm', 10], ['randperm', 100], ['randperm', 500]]
        seq += [['random_'], ['random_'], ['bernoulli', 0.3, 40], ['bernoulli', 0.0, 5], ['bernoulli', 1.0, 5]]
        seq += [['rand', 700], ['get_state'], ['randn', 20], ['manual_seed', seed], ['rand', 3]]
        cases.append({'seed': seed, 'calls': seq})
    for case in cases:
        case.update(calls(case))
    # The default generator's state.
    return cases


def sampler_cases():
    rs = []
    for seed, n, replacement, num_samples in [(42, 10, False, None), (0, 7, False, 17), (-1, 100, False, 30),
                                               (2**63 + 1, 5, True, None), (42, 50, True, 70), (7, 1, False, None),
                                               (3, 3, True, 64)]:
        case = {'seed': seed, 'n': n, 'replacement': replacement, 'num_samples': num_samples, 'epochs': 3}
        case['expected'] = random_sampler(case)
        rs.append(case)
    ds = []
    for n, replicas, shuffle, seed, drop_last in [(10, 3, True, 0, False), (10, 3, True, 0, True), (10, 4, False, 0, False),
                                                  (3, 5, True, 42, False), (3, 5, True, 42, True), (100, 8, True, -7, False),
                                                  (17, 1, True, 2**63, True), (0, 2, True, 0, False)]:
        for rank in range(replicas):
            case = {'n': n, 'num_replicas': replicas, 'rank': rank, 'shuffle': shuffle, 'seed': seed,
                    'drop_last': drop_last, 'epochs': [0, 1, 2]}
            case['expected'] = distributed_sampler(case)
            ds.append(case)
    return rs, ds


def large_randperm():
    # Above uint32_max / 20 newer torch (2.1+) switches randperm to 64-bit draws; torch 1.13 does not. Heads and tails only.
    out = []
    for seed, n in [(7, 2**32 // 20 + 1), (11, 3_000_001)]:
        g = torch.Generator().manual_seed(seed)
        p = torch.randperm(n, generator=g, dtype=torch.int32)
        out.append({'seed': seed, 'n': n, 'head': p[:16].tolist(), 'tail': p[-16:].tolist()})
    return out


def main():
    meta = {'torch': torch.__version__}
    torch.set_num_threads(1)
    write_golden(os.path.join(OUT, 'torch_generator.json'),
                 {'torch': meta, 'default_state': calls({'seed': 67280421310721, 'calls': []})['state'],
                  'cases': generator_cases(), 'large_randperm': large_randperm()})
    rs, ds = sampler_cases()
    write_golden(os.path.join(OUT, 'torch_samplers.json'), {'torch': meta, 'random_sampler': rs, 'distributed_sampler': ds})


if __name__ == '__main__':
    main()

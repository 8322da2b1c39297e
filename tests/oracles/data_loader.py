"""Live oracle for OneSeed.Data: the documented Python equivalents of the loader's keyed streams
(NumPy SeedSequence spawn keys + PCG64), and torch's DistributedSampler sharding."""
import hashlib
import numpy as np
from oracle_common import serve, f64_list, int_list

DERIVATION_TAG = 0x53656E4F


def stable_hash(name):
    return int.from_bytes(hashlib.sha256(name.encode('utf-8')).digest()[:8], 'little')


def derived(seed, name, *keys):
    return np.random.SeedSequence(seed, spawn_key=(DERIVATION_TAG, stable_hash(name), *keys))


def shuffle(case):
    rng = np.random.Generator(np.random.PCG64(derived(case['seed'], 'shuffle', case['epoch'])))
    return int_list(rng.permutation(case['n']))


def sample_rng(case):
    rng = np.random.Generator(np.random.PCG64(derived(case['seed'], 'sample', case['epoch'], case['index'])))
    return {'random': f64_list(rng.random(case['n'])), 'integers': int_list(rng.integers(0, 1000, case['n']))}


def distributed(case):
    from torch.utils.data import DistributedSampler
    sampler = DistributedSampler(range(case['n']), num_replicas=case['world'], rank=case['rank'],
                                 shuffle=False, drop_last=case['drop_last'])
    return int_list(list(sampler))


if __name__ == '__main__':
    serve({'shuffle': shuffle, 'sample_rng': sample_rng, 'distributed': distributed})

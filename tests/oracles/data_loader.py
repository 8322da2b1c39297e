"""Live oracle for OneSeed.Data: the documented Python equivalents of the loader's keyed streams
(NumPy SeedSequence spawn keys + PCG64), torch's DistributedSampler sharding, and torch 1.13's DataLoader itself
(index order with generator=g, worker seeding)."""
import hashlib
import numpy as np
import base64
import random
from oracle_common import serve, f64_list, f64_bits, int_list

DERIVATION_TAG = 0x53656E4F


def stable_hash(name):
    return int.from_bytes(hashlib.sha256(name.encode('utf-8')).digest()[:8], 'little')


def derived(seed, name, *keys):
    return np.random.SeedSequence(seed, spawn_key=(DERIVATION_TAG, stable_hash(name), *keys))


def shuffle(case):
    rng = np.random.Generator(np.random.PCG64(derived(case['seed'], 'shuffle', case['epoch'])))
    return int_list(rng.permutation(case['n']))


def shard_aware(case):
    """OneSeed.Data.ShardAwareSampler's epoch order, from its documented definition."""
    counts, seed, epoch = case['counts'], case['seed'], case['epoch']
    g, parts, block_shards, drop_last = case['global'], case['partitions'], case['block'], case['drop_last']
    n = sum(counts)
    starts = [sum(counts[:s]) for s in range(len(counts))]
    shards = np.random.Generator(np.random.PCG64(derived(seed, 'shard-order', epoch))).permutation(len(counts))
    per_part = g // parts
    shortest, longest = n // parts, -(-n // parts)
    steps = shortest // per_part if drop_last else -(-longest // per_part)
    order = [0] * (steps * g)
    cursor, offset = 0, 0
    for part in range(parts):
        length = (part + 1) * n // parts - part * n // parts
        segments, remaining = [], length
        while remaining > 0:
            shard = int(shards[cursor])
            take = min(remaining, counts[shard] - offset)
            if take > 0:
                segments.append((starts[shard] + offset, take))
            remaining -= take
            offset += take
            if offset == counts[shard]:
                cursor, offset = cursor + 1, 0
        sequence = []
        for block, first in enumerate(range(0, len(segments), block_shards)):
            samples = np.array([i for start, count in segments[first:first + block_shards]
                                for i in range(start, start + count)], dtype=np.int64)
            np.random.Generator(np.random.PCG64(derived(seed, 'block-order', epoch, part, block))).shuffle(samples)
            sequence.extend(int(i) for i in samples)
        for step in range(steps):
            for i in range(per_part):
                order[step * g + part * per_part + i] = sequence[(step * per_part + i) % len(sequence)]
    return order


def sample_rng(case):
    rng = np.random.Generator(np.random.PCG64(derived(case['seed'], 'sample', case['epoch'], case['index'])))
    return {'random': f64_list(rng.random(case['n'])), 'integers': int_list(rng.integers(0, 1000, case['n']))}


def distributed(case):
    from torch.utils.data import DistributedSampler
    sampler = DistributedSampler(range(case['n']), num_replicas=case['world'], rank=case['rank'],
                                 shuffle=False, drop_last=case['drop_last'])
    return int_list(list(sampler))


def _collate_list(batch):
    return list(batch)


def torch_loader(case):
    """The index batches of torch's own DataLoader(range(n), generator=g) for several epochs, and g's final state."""
    import torch
    from torch.utils.data import DataLoader
    g = torch.Generator()
    g.manual_seed(case['seed'])
    loader = DataLoader(range(case['n']), batch_size=case['b'], shuffle=case['shuffle'], generator=g,
                        drop_last=case['drop_last'], num_workers=case['workers'], collate_fn=_collate_list)
    epochs = [[[int(i) for i in batch] for batch in loader] for _ in range(case['epochs'])]
    return {'epochs': epochs, 'state': base64.b64encode(bytes(g.get_state().tolist())).decode('ascii')}


def generate_state(case):
    from torch.utils.data._utils.worker import _generate_state
    return int_list(_generate_state(case['base'], case['wid']))


def worker_draws(case):
    """What a torch worker draws after torch's own worker seeding (worker.py, torch 1.13) for (base seed, worker id)."""
    import torch
    from torch.utils.data._utils.worker import _generate_state
    seed = case['base'] + case['wid']
    random.seed(seed)
    torch.manual_seed(seed)
    np.random.seed(_generate_state(case['base'], case['wid']))
    n = case['n']
    python = [f64_bits(random.random()) for _ in range(n)]
    numpy = f64_list(np.random.random(n))
    torch_rand = f64_list(torch.rand(n).double().numpy())
    return {'python': python, 'numpy': numpy, 'torch': torch_rand}


class _DrawingDataset:
    """Each sample draws from the worker's ambient generators, as ported augmentation code would."""

    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, index):
        import torch
        info = torch.utils.data.get_worker_info()
        return [int(index), -1 if info is None else info.id, f64_bits(random.random()),
                f64_bits(float(np.random.random())), f64_bits(float(torch.rand(1).double().item()))]


def worker_loader(case):
    """Samples drawn inside real torch workers: DataLoader(dataset, generator=g, num_workers=w) for several epochs."""
    import torch
    from torch.utils.data import DataLoader
    g = torch.Generator()
    g.manual_seed(case['seed'])
    loader = DataLoader(_DrawingDataset(case['n']), batch_size=case['b'], shuffle=case['shuffle'], generator=g,
                        num_workers=case['workers'], collate_fn=_collate_list)
    return [[sample for batch in loader for sample in batch] for _ in range(case['epochs'])]


if __name__ == '__main__':
    serve({'shuffle': shuffle, 'sample_rng': sample_rng, 'distributed': distributed, 'torch_loader': torch_loader,
           'generate_state': generate_state, 'worker_draws': worker_draws, 'worker_loader': worker_loader,
           'shard_aware': shard_aware})

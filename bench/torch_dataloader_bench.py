#!/usr/bin/env python3
"""Times torch 1.13's DataLoader on the workloads of bench/OneSeed.Benchmarks/DataLoaderBenchmarks.cs, on this machine.

- trivial: a shuffled epoch of a 65,536-int in-memory dataset, batch 64, num_workers=0, collate returning the list
  (the C# loader's default batch is the list of samples; torch's default collate would add tensor building on top,
  reported separately as trivial_default_collate).
- transform: 512 samples, each 4096 standard normals from a per-sample generator keyed on (seed, epoch, index)
  (np.random.Generator(PCG64(SeedSequence(seed, spawn_key=...))), as SampleContext.Rng), sorted, median returned;
  batch 64, num_workers 0/1/2 (fork).
Each figure is the best of several epochs, in nanoseconds per sample. Worker start-up is part of every epoch, as it is
in PyTorch without persistent_workers (and in the C# loader).
Usage: /usr/bin/python3 bench/torch_dataloader_bench.py > torch_dataloader.json
"""
import hashlib
import json
import platform
import time

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset

TRIVIAL_SAMPLES = 64 * 1024
TRANSFORM_SAMPLES = 512
TRANSFORM_SIZE = 4096
BATCH = 64
REPEATS = 5
SAMPLE_KEY = int.from_bytes(hashlib.sha256(b'sample').digest()[:8], 'little')


class Trivial(Dataset):
    def __init__(self):
        self.items = list(range(TRIVIAL_SAMPLES))

    def __len__(self):
        return len(self.items)

    def __getitem__(self, index):
        return self.items[index]


class Transform(Dataset):
    epoch = 0

    def __len__(self):
        return TRANSFORM_SAMPLES

    def __getitem__(self, index):
        seq = np.random.SeedSequence(1, spawn_key=(0x53656E4F, SAMPLE_KEY, self.epoch, index))
        values = np.random.Generator(np.random.PCG64(seq)).standard_normal(TRANSFORM_SIZE)
        values.sort()
        return float(values[TRANSFORM_SIZE // 2])


def as_list(batch):
    return batch


def ns_per_sample(loader, samples):
    best = float('inf')
    for repeat in range(REPEATS + 1):
        t0 = time.perf_counter()
        for batch in loader:
            pass
        elapsed = time.perf_counter() - t0
        if repeat > 0:  # the first epoch is a warm-up
            best = min(best, elapsed)
    return best / samples * 1e9


def main():
    torch.set_num_threads(1)
    g = torch.Generator().manual_seed(1)
    results = {
        'torch': torch.__version__,
        'numpy': np.__version__,
        'python': platform.python_version(),
        'unit': 'ns per sample (best epoch)',
        'trivial_batch64_workers0': ns_per_sample(
            DataLoader(Trivial(), batch_size=BATCH, shuffle=True, generator=g, collate_fn=as_list), TRIVIAL_SAMPLES),
        'trivial_default_collate_batch64_workers0': ns_per_sample(
            DataLoader(Trivial(), batch_size=BATCH, shuffle=True, generator=g), TRIVIAL_SAMPLES),
    }
    for workers in (0, 1, 2):
        loader = DataLoader(Transform(), batch_size=BATCH, shuffle=True, generator=g, num_workers=workers, collate_fn=as_list)
        results[f'transform_batch64_workers{workers}'] = ns_per_sample(loader, TRANSFORM_SAMPLES)
    print(json.dumps(results, indent=1))


if __name__ == '__main__':
    main()

"""PyTorch's DataLoader reading the samples of bench/compare_shards.sh's dataset from the same disk: one .npy file per
shard (npy-NNNNN.npy, written by `OneSeed.Benchmarks --shards`; Debian 12 has no pyarrow), memory-mapped, in OneSeed's
shard-aware order (the Python transcription of tests/oracles/data_loader.py, given to the loader as its sampler) and in
a uniform shuffle. Each pass starts with the files evicted from the page cache (os.posix_fadvise DONTNEED), as the .NET
side does. Prints one JSON object.
Usage: /usr/bin/python3 bench/torch_shard_bench.py DIRECTORY"""
import bisect
import glob
import json
import os
import sys
import time

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'tests', 'oracles'))
from data_loader import shard_aware  # noqa: E402

GLOBAL_BATCH, PARTITIONS, SEED = 256, 4, 2026


class NpyShards(Dataset):
    def __init__(self, files, counts):
        self.files, self.counts = files, counts
        self.starts = list(np.cumsum([0] + counts[:-1]))
        self.open = {}

    def __len__(self):
        return sum(self.counts)

    def __getitem__(self, index):
        shard = bisect.bisect_right(self.starts, index) - 1
        array = self.open.get(shard)
        if array is None:
            array = self.open[shard] = np.load(self.files[shard], mmap_mode='r')
        return torch.from_numpy(np.array(array[index - self.starts[shard]])), index


def evict(files):
    for path in files:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def consume(loader, limit):
    samples, checksum = 0, 0
    for images, labels in loader:
        checksum += int(images[:, 0].sum()) + int(labels.sum())
        samples += len(labels)
        if samples >= limit:
            break
    return samples


def main():
    directory = sys.argv[1]
    with open(os.path.join(directory, 'index.json'), encoding='utf-8') as f:
        index = json.load(f)
    counts = [s['samples'] for s in index['shards']]
    files = sorted(glob.glob(os.path.join(directory, 'npy-*.npy')))
    assert len(files) == len(counts), (len(files), len(counts))
    torch.set_num_threads(1)
    rows = []
    for block in (1, 4, 16):
        order = shard_aware({'counts': counts, 'seed': SEED, 'epoch': 0, 'global': GLOBAL_BATCH,
                             'partitions': PARTITIONS, 'block': block, 'drop_last': True})
        for workers in (0, 2):
            evict(files)
            loader = DataLoader(NpyShards(files, counts), batch_size=GLOBAL_BATCH, sampler=order, num_workers=workers)
            start = time.perf_counter()
            samples = consume(loader, len(order))
            rows.append({'order': 'shard-aware', 'block': block, 'workers': workers,
                         'samples_per_s': samples / (time.perf_counter() - start)})
    evict(files)
    loader = DataLoader(NpyShards(files, counts), batch_size=64, shuffle=True, num_workers=2,
                        generator=torch.Generator().manual_seed(SEED))
    start = time.perf_counter()
    samples = consume(loader, 2048)
    rows.append({'order': 'uniform', 'block': None, 'workers': 2, 'samples_per_s': samples / (time.perf_counter() - start)})
    print(json.dumps({'torch': torch.__version__, 'loader': rows}))


if __name__ == '__main__':
    main()

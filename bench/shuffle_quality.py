"""Shuffle quality and shard locality of OneSeed's ShardAwareSampler beside MosaicML Streaming's py1b, py1br and py1e.

Every algorithm gets the same layout (shards of equal size), the same canonical partition count and the same block
size (Streaming's in samples = ours in shards x shard size), and its epoch order is consumed the same way: global step
k takes G/P samples from each canonical part in turn, and rank r of W takes the r-th contiguous slice of each step.

OneSeed's order is tests/oracles/data_loader.py's `shard_aware` (the Python transcription the tests hold equal to the
C# sampler). Streaming's three are re-implemented here from their published definitions (streaming/base/shuffle/
py1s.py `divide_spans`, py1b.py, py1br.py, py1e.py, Apache-2.0): the same steps with NumPy, written for this
comparison, not copied.

Metrics, per epoch (averaged over epochs and seeds):
  diversity  mean number of distinct shards in a global batch, divided by its expectation under a uniform
             permutation (1.00 = as mixed as a full shuffle; lower = batches drawn from few shards)
  same-shard probability that two consecutive samples of a rank's stream come from the same shard, divided by that
             probability under a uniform permutation (1.0 = uniform; higher = runs of one shard)
  opens/1k   shards a rank opens per 1,000 samples through an LRU cache of (block + 1) shards
  in use     distinct shards a rank touches per 1,000 consecutive samples (its working set)
  coverage   the fraction of the dataset one rank has seen after all the epochs (a uniform shuffle: 1 - (1 - 1/W)^E;
             Streaming fixes which shards each canonical node holds for the whole run, so with W = P a rank sees the
             same 1/P of the data every epoch)

Run: /usr/bin/python3 bench/shuffle_quality.py [--shards 512] [--shard-size 256] [--partitions 8] [--global 256]
"""
import argparse
import os
import sys
from collections import OrderedDict

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'tests', 'oracles'))
from data_loader import shard_aware  # noqa: E402


def divide_spans(spans, num_samples, num_parts):
    out, supers, begin, index, so_far = [], [], 0, 0, 0
    spans = list(spans)
    for part in range(num_parts):
        part_end = num_samples * (part + 1) // num_parts
        while index < len(spans):
            lo, hi = spans[index]
            if part_end < so_far + (hi - lo):
                if so_far < part_end:
                    split = part_end - so_far
                    out.append((lo, lo + split))
                    spans[index] = (lo + split, hi)
                    so_far += split
                break
            out.append((lo, hi))
            index += 1
            so_far += hi - lo
        supers.append((begin, len(out)))
        begin = len(out)
    return out, supers


def streaming_spans(sizes, parts, seed, epoch):
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    spans = [(int(s), int(s + n)) for s, n in zip(starts, sizes)]
    np.random.default_rng(seed).shuffle(spans)
    spans, supers = divide_spans(spans, int(sum(sizes)), parts)
    rng = np.random.default_rng(seed + epoch)
    for b, e in supers:
        part = spans[b:e]
        rng.shuffle(part)
        spans[b:e] = part
    return spans, supers, rng


def py1b(sizes, parts, seed, epoch, block):
    spans, supers, rng = streaming_spans(sizes, parts, seed, epoch)
    ids, offset = np.empty(int(sum(sizes)), np.int64), 0
    for b, e in supers:
        start = offset
        for lo, hi in spans[b:e]:
            ids[offset:offset + hi - lo] = np.arange(lo, hi)
            offset += hi - lo
        for s in range(start, offset, block):
            rng.shuffle(ids[s:min(s + block, offset)])
    return ids


def py1br(sizes, parts, seed, epoch, block):
    spans, supers, rng = streaming_spans(sizes, parts, seed, epoch)
    ids, stop = np.empty(int(sum(sizes)), np.int64), 0
    stagger = rng.integers(0, int(0.75 * block), (parts,))
    for node, (b, e) in enumerate(supers):
        start = stop
        for lo, hi in spans[b:e]:
            ids[stop:stop + hi - lo] = np.arange(lo, hi)
            stop += hi - lo
        ranges, end = [], start
        while end < stop:
            size = rng.integers(int(0.75 * block), int(1.25 * block))
            lo = max(end - stagger[node], start)
            hi = min(end + size - stagger[node], stop)
            ranges.append((lo, hi))
            end += hi - lo
        for lo, hi in ranges:
            rng.shuffle(ids[lo:hi])
    return ids


def py1e(sizes, parts, seed, epoch, block):
    spans, supers, rng = streaming_spans(sizes, parts, seed, epoch)
    ids, offset = np.empty(int(sum(sizes)), np.int64), 0
    for b, e in supers:
        node_spans = spans[b:e]
        lengths = np.array([hi - lo for lo, hi in node_spans])
        total = int(lengths.sum())
        samples, at = np.empty(total), 0
        for lo, hi in node_spans:
            chunk = np.arange(lo, hi)
            rng.shuffle(chunk)
            samples[at:at + hi - lo] = chunk
            at += hi - lo
        positions, at = np.arange(total).astype(np.float64), 0
        for length in lengths:
            size = rng.integers(int(0.75 * block), int(1.25 * block))
            cutoff = max((size - length) / 2, 0)
            lower, upper = max(-cutoff, -at), min(cutoff, total - at - length)
            positions[at:at + length] += rng.uniform(low=lower, high=upper, size=length)
            at += length
        ids[offset:offset + total] = samples[np.argsort(positions)]
        offset += total
    return ids


def interleave(ids, parts, global_batch):
    """Streaming's per-part order consumed as OneSeed's steps: G/P samples from each part per step."""
    n = len(ids)
    bounds = [n * p // parts for p in range(parts + 1)]
    per = global_batch // parts
    steps = min(bounds[p + 1] - bounds[p] for p in range(parts)) // per
    out = np.empty(steps * global_batch, np.int64)
    for k in range(steps):
        for p in range(parts):
            out[k * global_batch + p * per:k * global_batch + (p + 1) * per] = ids[bounds[p] + k * per:bounds[p] + (k + 1) * per]
    return out


def metrics(order, shard_of, shards, shard_size, global_batch, world, cache):
    n = shards * shard_size
    batches = order[:len(order) // global_batch * global_batch].reshape(-1, global_batch)
    distinct = np.mean([len(np.unique(shard_of[b])) for b in batches])
    expected = shards * (1 - np.prod([(n - shard_size - i) / (n - i) for i in range(global_batch)]))
    share = global_batch // world
    same, opens, in_use, count = 0.0, 0, [], 0
    for r in range(world):
        stream = batches[:, r * share:(r + 1) * share].reshape(-1)
        s = shard_of[stream]
        same += np.mean(s[1:] == s[:-1])
        lru = OrderedDict()
        for shard in s:
            if shard in lru:
                lru.move_to_end(shard)
            else:
                opens += 1
                lru[shard] = True
                if len(lru) > cache:
                    lru.popitem(last=False)
        in_use += [len(np.unique(s[i:i + 1000])) for i in range(0, len(s) - 999, 1000)]
        count += len(s)
    uniform_same = (shard_size - 1) / (n - 1)
    return distinct / expected, same / world / uniform_same, 1000 * opens / count, float(np.mean(in_use))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--shards', type=int, default=512)
    parser.add_argument('--shard-size', type=int, default=256)
    parser.add_argument('--partitions', type=int, default=8)
    parser.add_argument('--global', dest='global_batch', type=int, default=256)
    parser.add_argument('--world', type=int, default=8)
    parser.add_argument('--epochs', type=int, default=2)
    parser.add_argument('--blocks', default='1,2,4,8,16,32')
    args = parser.parse_args()
    sizes = [args.shard_size] * args.shards
    shard_of = np.repeat(np.arange(args.shards), args.shard_size)
    print(f'{args.shards} shards x {args.shard_size} samples, {args.partitions} canonical partitions, global batch '
          f'{args.global_batch}, {args.world} ranks, {args.epochs} epochs x 2 seeds; cache = block + 1 shards')
    print('| block (shards) | algorithm | diversity | same-shard | opens/1k | in use/1k | coverage |')
    print('| ---: | --- | ---: | ---: | ---: | ---: | ---: |')
    for block in [int(b) for b in args.blocks.split(',')]:
        rows, seen = {}, {}
        for seed in (1, 2):
            for epoch in range(args.epochs):
                orders = {
                    'OneSeed': np.array(shard_aware({'counts': sizes, 'seed': seed, 'epoch': epoch, 'global': args.global_batch,
                                                     'partitions': args.partitions, 'block': block, 'drop_last': True})),
                }
                for name, algorithm in (('py1b', py1b), ('py1br', py1br), ('py1e', py1e)):
                    ids = algorithm(sizes, args.partitions, seed, epoch, block * args.shard_size)
                    orders[name] = interleave(ids, args.partitions, args.global_batch)
                for name, order in orders.items():
                    rows.setdefault(name, []).append(metrics(order, shard_of, args.shards, args.shard_size,
                                                             args.global_batch, args.world, block + 1))
                    # Rank 0's samples this epoch, accumulated over the epochs of this seed.
                    share = args.global_batch // args.world
                    mine = order[:len(order) // args.global_batch * args.global_batch].reshape(-1, args.global_batch)[:, :share]
                    seen.setdefault((name, seed), set()).update(mine.reshape(-1).tolist())
        n = args.shards * args.shard_size
        for name, values in rows.items():
            d, s, o, u = np.mean(values, axis=0)
            coverage = np.mean([len(seen[(name, seed)]) / n for seed in (1, 2)])
            print(f'| {block} | {name} | {d:.3f} | {s:.1f} | {o:.2f} | {u:.1f} | {coverage:.3f} |')


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""Times torch (Debian's 1.13 on this machine) doing the same work as bench/OneSeed.Benchmarks/TorchBenchmarks.cs.

One thread (torch.set_num_threads(1)), a dedicated torch.Generator, best of several repeats, millions of values
per second; rand/randn write into a preallocated tensor (out=), as the C# side writes into a span, and randperm
is timed twice, allocating its result on both sides and into a preallocated tensor (out=). Output has the shape of numpy_bench.py's
(the "numpy" key carries the version string, "library" says whose), so compare.py reads both.
Usage: /usr/bin/python3 bench/torch_bench.py [N] > torch.json
"""
import json
import sys

import torch

from bench_common import best_rate

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000



def main():
    torch.set_num_threads(1)
    g = torch.Generator().manual_seed(12345)
    floats = torch.empty(N)
    doubles = torch.empty(N, dtype=torch.float64)
    longs = torch.empty(N, dtype=torch.int64)
    work = {
        'rand_f32': lambda: torch.rand(N, generator=g, out=floats),
        'rand_f64': lambda: torch.rand(N, dtype=torch.float64, generator=g, out=doubles),
        'randn_f32': lambda: torch.randn(N, generator=g, out=floats),
        'randn_f64': lambda: torch.randn(N, dtype=torch.float64, generator=g, out=doubles),
        'randperm': lambda: torch.randperm(N, generator=g),
        'randperm_out': lambda: torch.randperm(N, generator=g, out=longs),
    }
    results = {'numpy': torch.__version__, 'library': 'torch', 'n': N, 'rates_mps': {}}
    for name, fn in work.items():
        results['rates_mps'][f'torch/{name}'] = best_rate(fn, N)
    json.dump(results, sys.stdout, indent=1)


if __name__ == '__main__':
    main()

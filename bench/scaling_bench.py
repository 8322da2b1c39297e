#!/usr/bin/env python3
"""Times NumPy and torch on the workloads of bench/OneSeed.Benchmarks/ScalingRun.cs for sizes 1e3 .. 1e(max).

Same method as the C# side: each call timed alone, the best of `repeats` (scaled with the size, same rule) after
two warm-up calls. Output: {"library": ..., "rates_mps": {"work/size": M values per second}}.
Usage: /usr/bin/python3 bench/scaling_bench.py [max_exponent] > reference.json
"""
import json
import sys
import time

import numpy as np
import torch

MAX_EXPONENT = int(sys.argv[1]) if len(sys.argv) > 1 else 8


def best_rate(fn, n):
    repeats = max(3, min(200, 20_000_000 // n))
    fn(n)
    fn(n)
    best = float('inf')
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn(n)
        best = min(best, time.perf_counter() - t0)
    return round(n / best / 1e6, 1)


def main():
    torch.set_num_threads(1)
    doubles = np.empty(10 ** MAX_EXPONENT)
    pcg = np.random.Generator(np.random.PCG64(12345))
    philox = np.random.Generator(np.random.Philox(12345))
    mt = np.random.Generator(np.random.MT19937(12345))
    g = torch.Generator().manual_seed(12345)
    floats = torch.empty(10 ** MAX_EXPONENT)
    work = {
        'PCG64/uniform': lambda n: pcg.random(out=doubles[:n]),
        'Philox/uniform': lambda n: philox.random(out=doubles[:n]),
        'MT19937/uniform': lambda n: mt.random(out=doubles[:n]),
        'PCG64/normal': lambda n: pcg.standard_normal(out=doubles[:n]),
        'PCG64/integers_1000': lambda n: pcg.integers(0, 1000, size=n),
        'torch/randn_f32': lambda n: torch.randn(n, generator=g, out=floats[:n]),
    }
    rates = {}
    for exponent in range(3, MAX_EXPONENT + 1):
        n = 10 ** exponent
        for name, fn in work.items():
            rates[f'{name}/{n}'] = best_rate(fn, n)
    json.dump({'library': f'NumPy {np.__version__} / torch {torch.__version__}', 'rates_mps': rates}, sys.stdout, indent=1)


if __name__ == '__main__':
    main()

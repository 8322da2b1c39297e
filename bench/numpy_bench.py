#!/usr/bin/env python3
"""Times NumPy doing the same bulk work as bench/OneSeed.Benchmarks, on this machine, for the side-by-side table.

Each workload fills N values into a preallocated array where NumPy allows it (as the C# side fills a span),
single-threaded, and reports the best of several repeats as millions of values per second.
With --distributions it times the distribution workloads of bench/distribution_workloads.py instead (each call
allocating its result, as NumPy's size= calls do): Generator on the engines DIST_ENGINES names (PCG64 and MT19937
unless set), and RandomState(12345); their rows are keyed "<engine>/<label>" and "RandomState/<label>".
Usage: /usr/bin/python3 bench/numpy_bench.py [N] [--distributions] > numpy.json
"""
import json
import sys

import numpy as np

from bench_common import best_rate

ARGS = [a for a in sys.argv[1:] if not a.startswith('--')]
N = int(ARGS[0]) if ARGS else 1_000_000
ENGINES = ['MT19937', 'PCG64', 'PCG64DXSM', 'Philox', 'SFC64']



def workloads(engine):
    g = np.random.Generator(getattr(np.random, engine)(12345))
    doubles = np.empty(N)
    return {
        'uint64': lambda: g.bit_generator.random_raw(N),
        'uniform': lambda: g.random(out=doubles),
        'integers_1000': lambda: g.integers(0, 1000, size=N),
        'integers_2^40': lambda: g.integers(0, 1 << 40, size=N),
        'normal': lambda: g.standard_normal(out=doubles),
        'exponential': lambda: g.standard_exponential(out=doubles),
        'permutation': lambda: g.permutation(N),
    }


def distributions(results):
    import distribution_workloads as dw
    rates = results['rates_mps']
    for engine in dw.engines():
        g = np.random.Generator(getattr(np.random, engine)(12345))
        for label, _, _, k, fn in dw.WORKLOADS:
            rates[f'{engine}/{label}'] = best_rate(lambda: fn(g, N), dw.values_per_call(N, k))
    rs = np.random.RandomState(12345)
    for label, _, legacy, k, fn in dw.WORKLOADS:
        if legacy:
            rates[f'RandomState/{label}'] = best_rate(lambda: fn(rs, N), dw.values_per_call(N, k))


def main():
    results = {'numpy': np.__version__, 'n': N, 'rates_mps': {}}
    if '--distributions' in sys.argv[1:]:
        distributions(results)
        json.dump(results, sys.stdout, indent=1)
        return
    for engine in ENGINES:
        for work, fn in workloads(engine).items():
            results['rates_mps'][f'{engine}/{work}'] = best_rate(fn, N)
    rs = np.random.RandomState(12345)
    results['rates_mps']['RandomState/uniform'] = best_rate(lambda: rs.random_sample(N), N)
    results['rates_mps']['RandomState/normal'] = best_rate(lambda: rs.standard_normal(N), N)
    results['rates_mps']['RandomState/randint_1000'] = best_rate(lambda: rs.randint(0, 1000, size=N), N)
    json.dump(results, sys.stdout, indent=1)


if __name__ == '__main__':
    main()

"""Timing shared by bench/numpy_bench.py and bench/torch_bench.py: the best of several repeats after a warm-up."""
import time

REPEATS = 7


def best_rate(fn, n, repeats=REPEATS):
    """Millions of values per second for a call `fn` that produces `n` values: the best of `repeats` after a warm-up."""
    fn()
    best = float('inf')
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return n / best / 1e6

"""Timing shared by bench/numpy_bench.py, bench/torch_bench.py and bench/torch_sampler_bench.py: the best of several repeats after a warm-up."""
import time

REPEATS = 7


def best_seconds(fn, repeats=REPEATS):
    """The fastest of `repeats` calls of `fn`, in seconds, after a warm-up call."""
    fn()
    best = float('inf')
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def best_rate(fn, n, repeats=REPEATS):
    """Millions of values per second for a call `fn` that produces `n` values: the best of `repeats` after a warm-up."""
    return n / best_seconds(fn, repeats) / 1e6

#!/usr/bin/env python3
"""Times torch (Debian's 1.13) on the workloads of bench/torch_sampler_workloads.py, one thread, a dedicated
generator, best of several repeats; prints {"library": "torch", "version", "seconds": {label: best seconds per call}}.
Usage: /usr/bin/python3 bench/torch_sampler_bench.py > torch-samplers.json
"""
import json
import math
import sys

import torch

from bench_common import best_seconds
from torch_sampler_workloads import WORKLOADS


def main():
    torch.set_num_threads(1)
    g = torch.Generator().manual_seed(12345)
    # The inputs: fixed, made from a separate generator (the C# side builds the same shapes from its own seed).
    inputs = torch.Generator().manual_seed(1)
    p1e3 = torch.rand(100, 1000, generator=inputs)
    p1e5 = torch.rand(1, 100_000, generator=inputs)
    rates = torch.rand(1_000_000, generator=inputs) * 20
    floats = torch.empty(1_000_000)
    doubles = torch.empty(1_000_000, dtype=torch.float64)
    weight = torch.empty(4096, 4096)
    x = torch.rand(10_000_000, generator=inputs)

    def kaiming():
        # nn.init.kaiming_uniform_ has no generator argument in 1.13: its arithmetic, with the dedicated generator.
        fan_in = weight.size(1)
        bound = math.sqrt(3.0) * (math.sqrt(2.0 / (1 + 5)) / math.sqrt(fan_in))
        weight.uniform_(-bound, bound, generator=g)

    def dropout():
        # F.dropout has no generator argument either: its CPU steps (bernoulli_(1 - p), div_(1 - p), multiply).
        noise = torch.empty_like(x).bernoulli_(0.5, generator=g)
        noise.div_(0.5)
        return x * noise

    work = {
        'multinomial_rep_1e3': lambda: torch.multinomial(p1e3, 1000, True, generator=g),
        'multinomial_rep_1e5': lambda: torch.multinomial(p1e5, 100_000, True, generator=g),
        'multinomial_norep_1e3': lambda: torch.multinomial(p1e3, 100, False, generator=g),
        'multinomial_norep_1e5': lambda: torch.multinomial(p1e5, 1000, False, generator=g),
        'poisson': lambda: torch.poisson(rates, generator=g),
        'exponential': lambda: floats.exponential_(1.5, generator=g),
        'exponential_f64': lambda: doubles.exponential_(1.5, generator=g),
        'log_normal': lambda: floats.log_normal_(0.5, 2.0, generator=g),
        'cauchy': lambda: floats.cauchy_(0.5, 2.0, generator=g),
        'kaiming_uniform_4096': kaiming,
        'dropout_1e7': dropout,
        'rand': lambda: torch.rand(1_000_000, generator=g, out=floats),
        'randn': lambda: torch.randn(1_000_000, generator=g, out=floats),
    }
    assert set(work) == {label for label, _, _, _ in WORKLOADS}
    result = {'library': 'torch', 'version': torch.__version__, 'seconds': {}}
    for label, _, _, _ in WORKLOADS:
        result['seconds'][label] = best_seconds(work[label])
    json.dump(result, sys.stdout, indent=1)


if __name__ == '__main__':
    main()

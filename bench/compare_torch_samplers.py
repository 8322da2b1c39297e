#!/usr/bin/env python3
"""Prints the torch sampler table: OneSeed (BenchmarkDotNet JSON of TorchSamplerBenchmarks) against torch 1.13
(torch_sampler_bench.py JSON) on the workloads of torch_sampler_workloads.py. Each side takes its best time per call
over every file given (torch is timed before and after the .NET run); ratio = torch's time / OneSeed's time.
Usage: compare_torch_samplers.py FILE...
"""
import json
import sys

from torch_sampler_workloads import WORKLOADS, BY_METHOD


def main(argv):
    ours, theirs, version = {}, {}, None
    for path in argv:
        with open(path) as f:
            data = json.load(f)
        if 'Benchmarks' in data:
            for b in data['Benchmarks']:
                if b['Method'] in BY_METHOD:
                    label = BY_METHOD[b['Method']][0]
                    seconds = b['Statistics']['Min'] / 1e9
                    ours[label] = min(ours.get(label, float('inf')), seconds)
        else:
            version = data['version']
            for label, seconds in data['seconds'].items():
                theirs[label] = min(theirs.get(label, float('inf')), seconds)
    print(f'| workload (float32 unless f64; one thread) | values per call | OneSeed ms | torch {version} ms | ratio |')
    print('| --- | ---: | ---: | ---: | ---: |')
    for label, _, n, description in WORKLOADS:
        a, b = ours.get(label), theirs.get(label)
        ratio = f'{b / a:.2f}x' if a and b else 'n/a'
        fa = f'{a * 1e3:.2f}' if a else 'n/a'
        fb = f'{b * 1e3:.2f}' if b else 'n/a'
        print(f'| `{description}` | {n:,} | {fa} | {fb} | {ratio} |')


if __name__ == '__main__':
    main(sys.argv[1:])

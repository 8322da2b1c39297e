#!/usr/bin/env python3
"""Prints the side-by-side table: OneSeed (BenchmarkDotNet JSON) vs NumPy (numpy_bench.py JSON) on the same work.

NumPy is timed before and after the .NET run; its better rate of the two is used, so machine noise can only
make the ratios conservative. Given several runs (bench/compare.sh with RUNS > 1), each row takes the best rate of
every run on both sides. Usage: compare.py FILE...  (BenchmarkDotNet *-report-full-compressed.json files and numpy_bench.py outputs, any order)
"""
import json
import sys

WORK = {'RawUInt64': 'uint64', 'Uniform': 'uniform', 'Integers1000': 'integers_1000',
        'Integers2Pow40': 'integers_2^40', 'Normal': 'normal', 'Exponential': 'exponential',
        'RandInt1000': 'randint_1000', 'Permutation': 'permutation',
        # TorchBenchmarks (bench/torch_bench.py times the same calls on torch)
        'Rand': 'rand_f32', 'RandDouble': 'rand_f64', 'Randn': 'randn_f32', 'RandnDouble': 'randn_f64',
        'RandPerm': 'randperm', 'RandPermInto': 'randperm_out'}

# Benchmark classes whose reference is not NumPy: the engine label their rows use (the key prefix in the reference JSON).
TYPE_ENGINE = {'TorchBenchmarks': 'torch'}


def main(argv):
    benchmarks = []
    numpy = {}
    versions = set()
    for path in argv:
        with open(path) as f:
            data = json.load(f)
        if 'Benchmarks' in data:
            benchmarks.extend(data['Benchmarks'])
            continue
        # numpy_bench.py writes {"numpy": version}; torch_bench.py adds "library": "torch" with torch's version there.
        versions.add(f"{data.get('library', 'NumPy')} {data['numpy']}")
        for key, rate in data['rates_mps'].items():
            numpy[key] = max(numpy.get(key, 0.0), rate)
    n = None
    best = {}
    for b in benchmarks:
        params = dict(p.split('=', 1) for p in b['Parameters'].split('&') if '=' in p)
        engine = params.get('Engine', TYPE_ENGINE.get(b['Type'], b['Type'].replace('Benchmarks', '')))
        n = int(params.get('N', n or 1_000_000))
        work = WORK.get(b['Method'], b['Method'])
        ours = n / b['Statistics']['Min'] * 1e3  # best iteration, ns per call of N values -> millions per second (the references report their best repeat too)
        best[(work, engine)] = max(best.get((work, engine), 0.0), ours)
    rows = sorted((work, engine, ours, numpy.get(f'{engine}/{work}')) for (work, engine), ours in best.items())
    print(f'| workload ({n:,} values per call) | engine | OneSeed M/s | {"/".join(sorted(versions))} M/s | ratio |')
    print('| --- | --- | ---: | ---: | ---: |')
    for work, engine, ours, theirs in rows:
        ratio = f'{ours / theirs:.2f}x' if theirs else 'n/a'
        print(f'| {work} | {engine} | {ours:,.0f} | {theirs:,.0f} | {ratio} |' if theirs else f'| {work} | {engine} | {ours:,.0f} | n/a | n/a |')


if __name__ == '__main__':
    main(sys.argv[1:])

#!/usr/bin/env python3
"""Prints the side-by-side table: OneSeed (BenchmarkDotNet JSON) vs NumPy (numpy_bench.py JSON) on the same work.

NumPy is timed before and after the .NET run; its better rate of the two is used, so machine noise can only
make the ratios conservative. Given several runs (bench/compare.sh with RUNS > 1), each row takes the best rate of
every run on both sides. Usage: compare.py FILE...  (BenchmarkDotNet *-report-full-compressed.json files and numpy_bench.py outputs, any order)

Rows of DistributionBenchmarks / LegacyDistributionBenchmarks (bench/compare_distributions.sh) are printed in a
section of their own, after the engine table: one row per distribution and engine in the order of
bench/distribution_workloads.py, with the issue's target (2x NumPy for the common distributions, 1x for the rest),
then the ratios as a matrix (distribution x engine) and the rows below their target.
"""
import json
import re
import sys

import distribution_workloads

WORK = {'RawUInt64': 'uint64', 'Uniform': 'uniform', 'Integers1000': 'integers_1000',
        'Integers2Pow40': 'integers_2^40', 'Normal': 'normal', 'Exponential': 'exponential',
        'RandInt1000': 'randint_1000', 'Permutation': 'permutation',
        # TorchBenchmarks (bench/torch_bench.py times the same calls on torch)
        'Rand': 'rand_f32', 'RandDouble': 'rand_f64', 'Randn': 'randn_f32', 'RandnDouble': 'randn_f64',
        'RandPerm': 'randperm', 'RandPermInto': 'randperm_out'}

# Benchmark classes whose reference is not NumPy: the engine label their rows use (the key prefix in the reference JSON).
TYPE_ENGINE = {'TorchBenchmarks': 'torch', 'LegacyDistributionBenchmarks': 'RandomState'}

# Benchmark classes of the distribution section (their method names are looked up in distribution_workloads.BY_METHOD).
DISTRIBUTION_TYPES = {'DistributionBenchmarks', 'LegacyDistributionBenchmarks'}


def run_of(path):
    """The run a result file belongs to: the runK folder in its path (compare.sh's layout), else None."""
    match = re.search(r'(?:^|/)(run\d+)/', path)
    return match.group(1) if match else None


def main(argv):
    benchmarks = []
    numpy = {}
    numpy_by_run = {}
    versions = set()
    for path in argv:
        with open(path) as f:
            data = json.load(f)
        if 'Benchmarks' in data:
            benchmarks.extend((run_of(path), b) for b in data['Benchmarks'])
            continue
        # numpy_bench.py writes {"numpy": version}; torch_bench.py adds "library": "torch" with torch's version there.
        versions.add(f"{data.get('library', 'NumPy')} {data['numpy']}")
        run_rates = numpy_by_run.setdefault(run_of(path), {})
        for key, rate in data['rates_mps'].items():
            numpy[key] = max(numpy.get(key, 0.0), rate)
            run_rates[key] = max(run_rates.get(key, 0.0), rate)
    n = None
    best = {}
    distributions = {}
    per_run = {}  # (label, engine) -> {run: OneSeed M/s}, for the distribution section's ratio in each run
    for run, b in benchmarks:
        params = dict(p.split('=', 1) for p in b['Parameters'].split('&') if '=' in p)
        engine = params.get('Engine', TYPE_ENGINE.get(b['Type'], b['Type'].replace('Benchmarks', '')))
        n = int(params.get('N', n or 1_000_000))
        if b['Type'] in DISTRIBUTION_TYPES:
            label, k = distribution_workloads.BY_METHOD[b['Method']]
            ours = distribution_workloads.values_per_call(n, k) / b['Statistics']['Min'] * 1e3
            distributions[(label, engine)] = max(distributions.get((label, engine), 0.0), ours)
            runs = per_run.setdefault((label, engine), {})
            runs[run] = max(runs.get(run, 0.0), ours)
            continue
        work = WORK.get(b['Method'], b['Method'])
        ours = n / b['Statistics']['Min'] * 1e3  # best iteration, ns per call of N values -> millions per second (the references report their best repeat too)
        best[(work, engine)] = max(best.get((work, engine), 0.0), ours)
    reference = "/".join(sorted(versions))
    if best:
        engine_table(best, numpy, n, reference)
    if distributions:
        if best:
            print()
        # The ratio of each row within each run (OneSeed's and NumPy's rates of that run), when there are several.
        run_ratios = {}
        if len(numpy_by_run) > 1:
            for key, runs in per_run.items():
                label, engine = key
                run_ratios[key] = [ours / numpy_by_run[run][f'{engine}/{label}']
                                   for run, ours in sorted(runs.items(), key=lambda item: str(item[0]))
                                   if numpy_by_run.get(run, {}).get(f'{engine}/{label}')]
        distribution_tables(distributions, numpy, n, reference, run_ratios)


def engine_table(best, numpy, n, reference):
    rows = sorted((work, engine, ours, numpy.get(f'{engine}/{work}')) for (work, engine), ours in best.items())
    print(f'| workload ({n:,} values per call) | engine | OneSeed M/s | {reference} M/s | ratio |')
    print('| --- | --- | ---: | ---: | ---: |')
    for work, engine, ours, theirs in rows:
        ratio = f'{ours / theirs:.2f}x' if theirs else 'n/a'
        print(f'| {work} | {engine} | {ours:,.0f} | {theirs:,.0f} | {ratio} |' if theirs else f'| {work} | {engine} | {ours:,.0f} | n/a | n/a |')


def distribution_tables(distributions, numpy, n, reference, run_ratios):
    """The distribution section: the long table, the ratio matrix, and the rows below their target."""
    engines = sorted({engine for _, engine in distributions},
                     key=lambda e: (e == 'RandomState', distribution_workloads.ALL_ENGINES.index(e)
                                    if e in distribution_workloads.ALL_ENGINES else 0, e))
    order = [label for label, *_ in distribution_workloads.WORKLOADS]

    def target(label):
        return 2.0 if distribution_workloads.family(label) in distribution_workloads.COMMON else 1.0

    ratios = {}
    print(f'### Distributions ({n:,} values per call, allocating; multivariate rows: {n // 3:,} rows of 3)')
    print()
    each = ' ratio in each run |' if run_ratios else ''
    print(f'| distribution | engine | OneSeed M/s | {reference} M/s | ratio | target |{each}')
    print(f'| --- | --- | ---: | ---: | ---: | ---: |{" ---: |" if run_ratios else ""}')
    for label in order:
        for engine in engines:
            ours = distributions.get((label, engine))
            if ours is None:
                continue
            theirs = numpy.get(f'{engine}/{label}')
            runs = f' {", ".join(f"{r:.2f}x" for r in run_ratios.get((label, engine), []))} |' if run_ratios else ''
            if theirs:
                ratios[(label, engine)] = ours / theirs
                print(f'| {label} | {engine} | {ours:,.1f} | {theirs:,.1f} | {ours / theirs:.2f}x | {target(label):.0f}x |{runs}')
            else:
                print(f'| {label} | {engine} | {ours:,.1f} | n/a | n/a | {target(label):.0f}x |{runs}')
    print()
    print('Ratios (OneSeed / NumPy; * below the target: 2x for the common distributions, 1x for the rest):')
    print()
    print(f'| distribution | {" | ".join(engines)} | target |')
    print(f'| --- | {" | ".join("---:" for _ in engines)} | ---: |')
    for label in order:
        cells = []
        for engine in engines:
            r = ratios.get((label, engine))
            cells.append('' if r is None else f'{r:.2f}x{"*" if r < target(label) else ""}')
        if any(cells):
            print(f'| {label} | {" | ".join(cells)} | {target(label):.0f}x |')
    below1 = [f'{label} ({engine}) {r:.2f}x' for (label, engine), r in ratios.items() if r < 1.0]
    below2 = [f'{label} ({engine}) {r:.2f}x' for (label, engine), r in ratios.items() if 1.0 <= r < target(label)]
    print()
    print(f'Below 1x ({len(below1)} of {len(ratios)} rows): {", ".join(below1) or "none"}')
    print()
    print(f'Common distributions at 1x-2x, below their 2x target ({len(below2)}): {", ".join(below2) or "none"}')


if __name__ == '__main__':
    main(sys.argv[1:])

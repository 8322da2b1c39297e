#!/usr/bin/env python3
"""Prints the data-loader table: OneSeed.Data, TorchSharp's DataLoader (both BenchmarkDotNet JSON) and PyTorch's
DataLoader (bench/torch_dataloader_bench.py JSON), in nanoseconds per sample. PyTorch is timed before and after the
.NET run; its better figure is used. Usage: compare_dataloader.py FILE...
"""
import json
import sys


def main(argv):
    ours = {}
    torch_runs = []
    for path in argv:
        with open(path) as f:
            data = json.load(f)
        if 'Benchmarks' not in data:
            torch_runs.append(data)
            continue
        for b in data['Benchmarks']:
            loader = 'TorchSharp' if b['Type'].startswith('TorchSharp') else 'OneSeed'
            workers = dict(p.split('=', 1) for p in b['Parameters'].split('&') if '=' in p).get('Workers', '0')
            ours[(loader, b['Method'], int(workers))] = b['Statistics']['Mean']  # ns per sample (OperationsPerInvoke)
    best = lambda key: min(r[key] for r in torch_runs if key in r)
    version = torch_runs[0]['torch'] if torch_runs else '?'
    print(f'| workload (ns per sample, lower is better) | OneSeed.Data | TorchSharp 0.107 DataLoader | PyTorch {version} DataLoader | PyTorch / OneSeed |')
    print('| --- | ---: | ---: | ---: | ---: |')
    # TorchSharp has no 0-worker mode: its 1 runs on one thread, like the other loaders' 0.
    rows = [('trivial dataset, batch 64, no workers', ('TrivialPerSample', 0), ('TrivialPerSample', 1), 'trivial_batch64_workers0')]
    for w in (0, 1, 2):
        rows.append((f'CPU-bound transform, {w} workers', ('TransformPerSample', w), ('TransformPerSample', max(w, 1)) if w != 1 else None,
                     f'transform_batch64_workers{w}'))
    for label, one, ts, key in rows:
        o = ours.get(('OneSeed', *one))
        t = ours.get(('TorchSharp', *ts)) if ts else None
        p = best(key) if torch_runs else None
        cell = lambda v: f'{v:,.0f}' if v is not None else 'n/a'
        ratio = f'{p / o:.1f}x' if o and p else 'n/a'
        print(f'| {label} | {cell(o)} | {cell(t)} | {cell(p)} | {ratio} |')


if __name__ == '__main__':
    main(sys.argv[1:])

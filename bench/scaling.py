#!/usr/bin/env python3
"""Size-scaling table and plot: OneSeed (ScalingRun.cs) vs NumPy/torch (scaling_bench.py), same workloads and sizes.

The reference is timed before and after the .NET run; its better rate is used. Given several runs' files (RUNS=k in
scaling.sh), every cell takes its best rate over them, on both sides. Prints a markdown table and writes
an SVG plot (throughput against size, both axes logarithmic; solid = OneSeed, dashed = reference).
Usage: scaling.py ONESEED.json... REFERENCE.json... --svg OUT.svg
"""
import json
import math
import sys

COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#17becf']


def load(paths):
    ours, ref, ref_label = {}, {}, ''
    for path in paths:
        with open(path) as f:
            data = json.load(f)
        if data['library'] == 'OneSeed':
            for key, rate in data['rates_mps'].items():
                ours[key] = max(ours.get(key, 0.0), rate)
        else:
            ref_label = data['library']
            for key, rate in data['rates_mps'].items():
                ref[key] = max(ref.get(key, 0.0), rate)
    return ours, ref, ref_label


def series(rates):
    out = {}
    for key, rate in rates.items():
        work, size = key.rsplit('/', 1)
        out.setdefault(work, []).append((int(size), rate))
    return {w: sorted(v) for w, v in out.items()}


def table(ours, ref, ref_label):
    works = series(ours)
    sizes = sorted({n for v in works.values() for n, _ in v})
    head = '| workload | ' + ' | '.join(f'1e{round(math.log10(n))}' for n in sizes) + ' |'
    lines = [f'OneSeed M/s / {ref_label} M/s = ratio, per size (values per call):', '', head,
             '| --- | ' + ' | '.join('---:' for _ in sizes) + ' |']
    for work, points in works.items():
        cells = []
        for n, rate in points:
            theirs = ref.get(f'{work}/{n}')
            cells.append(f'{rate:,.0f} / {theirs:,.0f} = **{rate / theirs:.2f}x**' if theirs else f'{rate:,.0f}')
        lines.append(f'| {work} | ' + ' | '.join(cells) + ' |')
    return '\n'.join(lines)


def svg(ours, ref, ref_label):
    w, h, left, right, top, bottom = 760, 440, 70, 200, 20, 50
    ows, rws = series(ours), series(ref)
    all_rates = [r for v in list(ows.values()) + list(rws.values()) for _, r in v if r > 0]
    sizes = sorted({n for v in ows.values() for n, _ in v})
    ymin = 10 ** math.floor(math.log10(min(all_rates)))
    ymax = 10 ** math.ceil(math.log10(max(all_rates)))
    xmin, xmax = math.log10(sizes[0]), math.log10(sizes[-1])

    def x(n):
        return left + (math.log10(n) - xmin) / (xmax - xmin) * (w - left - right)

    def y(r):
        return top + (math.log10(ymax) - math.log10(r)) / (math.log10(ymax) - math.log10(ymin)) * (h - top - bottom)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="12">',
           f'<rect width="{w}" height="{h}" fill="white"/>']
    decade = ymin
    while decade <= ymax:
        for m in (1, 2, 5):
            r = decade * m
            if ymin <= r <= ymax:
                out.append(f'<line x1="{left}" x2="{w - right}" y1="{y(r):.1f}" y2="{y(r):.1f}" stroke="#ddd"/>')
                out.append(f'<text x="{left - 6}" y="{y(r) + 4:.1f}" text-anchor="end">{r:g}</text>')
        decade *= 10
    for n in sizes:
        out.append(f'<line x1="{x(n):.1f}" x2="{x(n):.1f}" y1="{top}" y2="{h - bottom}" stroke="#eee"/>')
        out.append(f'<text x="{x(n):.1f}" y="{h - bottom + 16}" text-anchor="middle">1e{round(math.log10(n))}</text>')
    out.append(f'<text x="{(left + w - right) / 2}" y="{h - 10}" text-anchor="middle">values per call</text>')
    out.append(f'<text x="16" y="{(top + h - bottom) / 2}" text-anchor="middle" transform="rotate(-90 16 {(top + h - bottom) / 2})">million values per second (log)</text>')
    for i, (work, points) in enumerate(ows.items()):
        color = COLORS[i % len(COLORS)]
        for pts, dash in ((points, ''), (rws.get(work, []), ' stroke-dasharray="5,4"')):
            if pts:
                path = ' '.join(f'{x(n):.1f},{y(r):.1f}' for n, r in pts)
                out.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"{dash}/>')
        ly = top + 14 + i * 18
        out.append(f'<line x1="{w - right + 10}" x2="{w - right + 30}" y1="{ly - 4}" y2="{ly - 4}" stroke="{color}" stroke-width="2"/>')
        out.append(f'<text x="{w - right + 36}" y="{ly}">{work}</text>')
    ly = top + 14 + len(ows) * 18 + 10
    out.append(f'<text x="{w - right + 10}" y="{ly}">solid: OneSeed</text>')
    out.append(f'<text x="{w - right + 10}" y="{ly + 16}">dashed: {ref_label.split(" / ")[0]}</text>')
    if ' / ' in ref_label:
        out.append(f'<text x="{w - right + 10}" y="{ly + 32}">(torch rows: {ref_label.split(" / ")[1]})</text>')
    out.append('</svg>')
    return '\n'.join(out) + '\n'


def main(argv):
    svg_path = argv[argv.index('--svg') + 1] if '--svg' in argv else None
    paths = [a for i, a in enumerate(argv) if a != '--svg' and (i == 0 or argv[i - 1] != '--svg')]
    ours, ref, ref_label = load(paths)
    print(table(ours, ref, ref_label))
    if svg_path:
        with open(svg_path, 'w') as f:
            f.write(svg(ours, ref, ref_label))


if __name__ == '__main__':
    main(sys.argv[1:])

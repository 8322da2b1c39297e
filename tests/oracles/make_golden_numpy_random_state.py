"""Writes GoldenVectors/numpy_random_state.json from NumPy's legacy RandomState.

Run: cd tests/oracles && /usr/bin/python3 make_golden_numpy_random_state.py   (needs Debian's python3-numpy)
Each case is a program of method calls (the format of numpy_random_state.py) with NumPy's results.
"""
import os
import struct

from oracle_common import write_golden
from numpy_random_state import run

OUT = os.path.join(os.path.dirname(__file__), '..', 'OneSeed.Tests', 'GoldenVectors')


def bits(x):
    return struct.unpack('<Q', struct.pack('<d', float(x)))[0]


def ranges():
    """(low, high) pairs: widths 1, 2, 3, 2^k and 2^k +- 1 across the 32/64-bit switch, 2^62, negative lows."""
    widths = [1, 2, 3, 5, 10, 100, 255, 256, 257]
    for k in (7, 8, 15, 16, 31, 32, 33, 40, 53, 62, 63):
        widths += [2**k - 1, 2**k, 2**k + 1]
    out = []
    for w in sorted(set(widths)):
        out.append((0, w))
        out.append((-(w // 2) - 3, -(w // 2) - 3 + w))
    out.append((-2**63, 2**63 - 1))
    out.append((-2**63, -2**63 + 1))
    out.append((2**63 - 2, 2**63 - 1))
    return out


def tour():
    ops = [{'m': 'random_sample', 'size': None}, {'m': 'random_sample', 'size': 7}]
    for lo, hi in ranges():
        # OneSeed's randint takes int64 bounds; [0, 2^63) and wider are reached through the closed random_integers.
        if hi <= 2**63 - 1:
            ops.append({'m': 'randint', 'low': lo, 'high': hi, 'size': 3})
        elif hi - 1 <= 2**63 - 1:
            ops.append({'m': 'random_integers', 'low': lo, 'high': hi - 1, 'size': 3})
    ops += [
        {'m': 'randint', 'high': 10, 'size': None},
        {'m': 'randint', 'low': -5, 'high': 5, 'size': None},
        {'m': 'random_integers', 'low': -2**63, 'high': 2**63 - 1, 'size': 4},
        {'m': 'random_integers', 'low': 1, 'high': 6, 'size': 5},
        {'m': 'random_integers', 'low': 3, 'high': 3, 'size': None},
        {'m': 'standard_normal', 'size': 3},
        {'m': 'state'},
        {'m': 'random_sample', 'size': 1},
        {'m': 'standard_normal', 'size': None},
        {'m': 'standard_normal', 'size': 5},
        {'m': 'normal', 'loc_bits': bits(10.0), 'scale_bits': bits(2.5), 'size': 3},
        {'m': 'normal', 'loc_bits': bits(-1.0), 'scale_bits': bits(0.0), 'size': None},
        {'m': 'randint', 'low': 0, 'high': 2**32, 'size': 1},
        {'m': 'standard_normal', 'size': 1},
        {'m': 'uniform', 'low_bits': bits(-3.0), 'high_bits': bits(7.5), 'size': 4},
        {'m': 'uniform', 'low_bits': bits(5.0), 'high_bits': bits(-5.0), 'size': None},
        {'m': 'uniform', 'low_bits': bits(-1e308), 'high_bits': bits(1e308), 'size': 2},
    ]
    for n in range(0, 12):
        ops.append({'m': 'permutation', 'n': n})
    ops += [{'m': 'permutation', 'n': 1000}, {'m': 'shuffle', 'n': 17}, {'m': 'shuffle', 'n': 9, 'array': False}]
    p5 = [0.1, 0.2, 0.0, 0.3, 0.4]
    ops += [
        {'m': 'choice', 'a': 10, 'size': 6},
        {'m': 'choice', 'a': 10, 'size': None},
        {'m': 'choice', 'a': 5, 'size': 8, 'p_bits': [bits(x) for x in p5]},
        {'m': 'choice', 'a': 5, 'size': None, 'p_bits': [bits(x) for x in p5]},
        {'m': 'choice', 'a': 10, 'size': 4, 'replace': False},
        {'m': 'choice', 'a': 10, 'size': None, 'replace': False},
        {'m': 'choice', 'a': 10, 'size': 10, 'replace': False},
        {'m': 'choice', 'a': 5, 'size': 4, 'replace': False, 'p_bits': [bits(x) for x in p5]},
        {'m': 'choice', 'a': 5, 'size': None, 'replace': False, 'p_bits': [bits(x) for x in p5]},
        {'m': 'choice', 'a': 3, 'size': 2, 'replace': False,
         'p_bits': [bits(x) for x in [0.98, 0.01, 0.01]]},
        {'m': 'choice', 'a': 1000, 'size': 300, 'replace': False,
         'p_bits': [bits(1 / 1000)] * 1000},
        {'m': 'choice', 'a': 4, 'size': 5, 'p_bits': [bits(x) for x in [0.25, 0.25, 0.25, 0.25 + 1e-9]]},
        {'m': 'standard_normal', 'size': 1},
        {'m': 'state'},
    ]
    return ops


def errors():
    p = lambda xs: [bits(x) for x in xs]  # noqa: E731
    return [
        {'m': 'randint', 'low': 5, 'high': 5, 'size': 3},
        {'m': 'randint', 'low': 0, 'high': 0, 'size': None},
        {'m': 'randint', 'high': -4, 'size': 2},
        {'m': 'randint', 'low': 5, 'high': 3, 'size': 0},
        {'m': 'random_integers', 'low': 5, 'high': 4, 'size': 2},
        {'m': 'normal', 'loc_bits': bits(0.0), 'scale_bits': bits(-1.0), 'size': 2},
        {'m': 'normal', 'loc_bits': bits(0.0), 'scale_bits': bits(-0.0), 'size': None},
        {'m': 'uniform', 'low_bits': bits(0.0), 'high_bits': bits(float('inf')), 'size': 2},
        {'m': 'uniform', 'low_bits': bits(-1.7e308), 'high_bits': bits(1.7e308), 'size': None},
        {'m': 'choice', 'a': 0, 'size': 1},
        {'m': 'choice', 'a': -3, 'size': 0},
        {'m': 'choice', 'a': 0, 'size': 0, 'replace': False},
        {'m': 'choice', 'a': 3, 'size': 4, 'replace': False},
        {'m': 'choice', 'a': 3, 'size': 2, 'p_bits': p([0.5, 0.5])},
        {'m': 'choice', 'a': 3, 'size': 2, 'p_bits': p([0.5, 0.6, -0.1])},
        {'m': 'choice', 'a': 3, 'size': 2, 'p_bits': p([0.5, 0.6, 0.1])},
        {'m': 'choice', 'a': 2, 'size': 2, 'p_bits': p([float('nan'), 1.0])},
        {'m': 'choice', 'a': 3, 'size': 2, 'replace': False, 'p_bits': p([1.0, 0.0, 0.0])},
        {'m': 'choice', 'a': 2, 'size': 2, 'p_bits': p([0.5, 0.5 + 1e-8])},
        {'m': 'choice', 'a': 2, 'size': 2, 'p_bits': p([0.5, 0.5 + 2e-8])},
        {'m': 'random_sample', 'size': 2},
    ]


SEEDS = [
    ('int 0', {'kind': 'int', 'seed': 0}),
    ('int 42', {'kind': 'int', 'seed': 42}),
    ('int 2^32-1', {'kind': 'int', 'seed': 2**32 - 1}),
    ('array [5] (squeezed)', {'kind': 'array', 'key': [5]}),
    ('array [0, 0]', {'kind': 'array', 'key': [0, 0]}),
    ('array [1, 2, 3]', {'kind': 'array', 'key': [1, 2, 3]}),
    ('array 700 words', {'kind': 'array', 'key': [(i * 2654435761) % 2**32 for i in range(700)]}),
]

cases = []
known = {'label': 'np.random.seed(42); randint(0, 10, 4)', 'seed': {'kind': 'int', 'seed': 42},
         'ops': [{'m': 'randint', 'low': 0, 'high': 10, 'size': 4}]}
cases.append(known)
for i, (label, seed) in enumerate(SEEDS):
    ops = tour() if i < 3 else tour()[:40] + [{'m': 'standard_normal', 'size': 3}, {'m': 'choice', 'a': 7, 'size': 3, 'replace': False}]
    if i == 1:
        ops = ops + [{'m': 'seed', 'seed': 7}, {'m': 'standard_normal', 'size': 1}, {'m': 'seed', 'key': [7]},
                     {'m': 'standard_normal', 'size': 1}, {'m': 'seed', 'key': [7, 8]}, {'m': 'random_sample', 'size': 2}]
    cases.append({'label': label, 'seed': seed, 'ops': ops})
cases.append({'label': 'errors', 'seed': {'kind': 'int', 'seed': 1}, 'ops': errors()})

for case in cases:
    case['results'] = run(case)['results']
assert case['results'][0].get('error')
assert cases[0]['results'][0]['i'] == [6, 3, 7, 4]
write_golden(os.path.join(OUT, 'numpy_random_state.json'), {'cases': cases})

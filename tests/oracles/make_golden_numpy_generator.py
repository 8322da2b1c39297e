"""Writes GoldenVectors/numpy_generator.json from NumPy's np.random.Generator (and math.log1p).

Run: /usr/bin/python3 tests/oracles/make_golden_numpy_generator.py   (needs Debian's python3-numpy)

Every case is {"label", "bitgen", "seed", "calls"} plus NumPy's answers ("results", "tail_u64") as produced by
numpy_generator.run, the same code the live tests use. The ziggurat cases are chosen (deterministically, by
scanning seeds) so that NumPy's rare paths are provably taken: for MT19937 the words each draw consumes tell the
path (2 = first test, 4+ = a wedge test or the tail), and |x| > r identifies the tail; the script asserts that
the tail, an accepted wedge and a rejected wedge all occur in the stored draws.
"""
import math
import os
import random
import struct

import numpy as np

from oracle_common import write_golden, f64_bits
from numpy_generator import run, c_log1p

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'OneSeed.Tests', 'GoldenVectors')
NOR_R = 3.6541528853610087963519472518
EXP_R = 7.6971174701310497140446280481


def bits(x):
    return f64_bits(x)


def case(label, calls, seed=12345, bitgen='MT19937'):
    c = {'label': label, 'bitgen': bitgen, 'seed': seed, 'calls': calls}
    out = run(c)
    c['results'] = out['results']
    c['tail_u64'] = out['tail_u64']
    return c


cases = []

# --- integers: every path of random_bounded_uint64_fill and the scalar random_bounded_uint64.
rngs = [0, 1, 2]
for k in (3, 8, 16, 31, 32, 33, 62, 63):
    rngs += [2 ** k - 2, 2 ** k - 1, 2 ** k]
rngs += [2 ** 32 - 2, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 62 + 12345, 2 ** 63 + 99, 2 ** 64 - 2, 2 ** 64 - 1]
int_calls = []
for i, rng in enumerate(rngs):
    for endpoint in (False, True):
        span = rng if endpoint else rng + 1
        if span > 2 ** 64 - 1:
            continue
        for low in sorted({0, -5, -(2 ** 40) - 7, -(2 ** 63), 2 ** 63 - 1 - span}):
            if low < -(2 ** 63) or low + span > 2 ** 63 - 1:
                continue
            int_calls.append({'m': 'integers', 'low': low, 'high': low + span, 'endpoint': endpoint,
                              'size': None if (i + low) % 3 == 0 else 5})
cases.append(case('integers: every range class, endpoint both ways, negative lows', int_calls))
cases.append(case('integers: errors and empty requests', [
    {'m': 'integers', 'low': 5, 'high': 5, 'endpoint': False, 'size': 3},
    {'m': 'integers', 'low': 5, 'high': 5, 'endpoint': False, 'size': 0},
    {'m': 'integers', 'low': 5, 'high': 4, 'endpoint': True, 'size': None},
    {'m': 'integers', 'low': 5, 'high': 5, 'endpoint': True, 'size': 4},
    {'m': 'integers', 'low': -(2 ** 63), 'high': -(2 ** 63), 'endpoint': False, 'size': None},
    {'m': 'integers', 'low': 0, 'high': 10, 'endpoint': False, 'size': 1000},
], seed=2 ** 100 + 3))

# --- uniform doubles and the affine families (op order: loc + scale * z, low + range * u, scale * e).
cases.append(case('random, uniform, normal, exponential', [
    {'m': 'random', 'size': None}, {'m': 'random', 'size': 0}, {'m': 'random', 'size': 7}, {'m': 'random', 'size': 625},
    {'m': 'uniform', 'low_bits': bits(-3.5), 'high_bits': bits(10.25), 'size': 9},
    {'m': 'uniform', 'low_bits': bits(1e-300), 'high_bits': bits(1e-299), 'size': None},
    {'m': 'uniform', 'low_bits': bits(2.0), 'high_bits': bits(2.0), 'size': 3},
    {'m': 'uniform', 'low_bits': bits(2.0), 'high_bits': bits(1.0), 'size': 3},
    {'m': 'uniform', 'low_bits': bits(0.0), 'high_bits': bits(-0.0), 'size': None},
    {'m': 'uniform', 'low_bits': bits(-1.7e308), 'high_bits': bits(1.7e308), 'size': 2},
    {'m': 'normal', 'loc_bits': bits(0.1), 'scale_bits': bits(3.3), 'size': 11},
    {'m': 'normal', 'loc_bits': bits(-1e6), 'scale_bits': bits(0.0), 'size': None},
    {'m': 'normal', 'loc_bits': bits(0.0), 'scale_bits': bits(-0.0), 'size': 2},
    {'m': 'normal', 'loc_bits': bits(0.0), 'scale_bits': bits(-1.0), 'size': 2},
    {'m': 'normal', 'loc_bits': bits(2.0), 'scale_bits': bits(float('nan')), 'size': 2},
    {'m': 'exponential', 'scale_bits': bits(2.5), 'size': 13},
    {'m': 'exponential', 'scale_bits': bits(1.0), 'size': None},
    {'m': 'exponential', 'scale_bits': bits(-2.0), 'size': 1},
], seed=42))


# --- ziggurat: seeds whose stored draws provably take the tail and both wedge outcomes.
def classify(method, seed, n):
    g = np.random.Generator(np.random.MT19937(seed))
    kinds = set()
    r = NOR_R if method == 'standard_normal' else EXP_R
    for _ in range(n):
        before = g.bit_generator.state['state']['pos']
        x = float(getattr(g, method)())
        words = (g.bit_generator.state['state']['pos'] - before) % 624
        if abs(x) > r:
            kinds.add('tail')
        elif words == 4:
            kinds.add('wedge accepted')
        elif words >= 6:
            kinds.add('wedge rejected')
    return kinds


N_ZIG = 3000
for method in ('standard_normal', 'standard_exponential'):
    seed = next(s for s in range(10000) if len(classify(method, s, N_ZIG)) == 3)
    assert classify(method, seed, N_ZIG) == {'tail', 'wedge accepted', 'wedge rejected'}
    cases.append(case(f'{method}: {N_ZIG} draws hitting the tail and both wedge outcomes (seed {seed})',
                      [{'m': method, 'size': N_ZIG}, {'m': method, 'size': None}, {'m': method, 'size': 0}], seed=seed))

# --- permutation and shuffle (random_interval), lengths 0..n.
shuffle_calls = []
for n in list(range(0, 11)) + [100, 623, 1000]:
    shuffle_calls.append({'m': 'permutation', 'n': n})
    shuffle_calls.append({'m': 'shuffle', 'n': n, 'kind': 'list'})
    shuffle_calls.append({'m': 'shuffle', 'n': n, 'kind': 'array'})
cases.append(case('permutation and shuffle, lengths 0..10, 100, 623, 1000', shuffle_calls, seed=7))

# --- choice: every branch of Generator.choice in 1.24.
p5 = [0.1, 0.2, 0.0, 0.3, 0.4]
p_bad_sum = [0.5, 0.6]
choice_calls = [
    {'m': 'choice', 'a': 10, 'size': 6, 'replace': True, 'shuffle': True},
    {'m': 'choice', 'a': 10, 'size': None, 'replace': True, 'shuffle': True},
    {'m': 'choice', 'a': 2 ** 40 + 1, 'size': 4, 'replace': True, 'shuffle': True},
    {'m': 'choice', 'a': 5, 'size': 20, 'replace': True, 'shuffle': True, 'p_bits': [bits(v) for v in p5]},
    {'m': 'choice', 'a': 5, 'size': None, 'replace': True, 'shuffle': True, 'p_bits': [bits(v) for v in p5]},
    {'m': 'choice', 'a': 100, 'size': 30, 'replace': False, 'shuffle': True},
    {'m': 'choice', 'a': 100, 'size': 30, 'replace': False, 'shuffle': False},
    {'m': 'choice', 'a': 100, 'size': 100, 'replace': False, 'shuffle': True},
    {'m': 'choice', 'a': 100, 'size': None, 'replace': False, 'shuffle': True},
    {'m': 'choice', 'a': 2 ** 33 + 5, 'size': 20, 'replace': False, 'shuffle': True},
    {'m': 'choice', 'a': 20000, 'size': 400, 'replace': False, 'shuffle': True},   # Floyd: 400 == 20000 // 50
    {'m': 'choice', 'a': 20000, 'size': 401, 'replace': False, 'shuffle': True},   # tail shuffle
    {'m': 'choice', 'a': 20000, 'size': 1000, 'replace': False, 'shuffle': False},  # Floyd: 1000 == 20000 // 20
    {'m': 'choice', 'a': 20000, 'size': 1001, 'replace': False, 'shuffle': False},  # tail shuffle
    {'m': 'choice', 'a': 10001, 'size': 10001, 'replace': False, 'shuffle': True},  # tail shuffle of everything
    {'m': 'choice', 'a': 5, 'size': 4, 'replace': False, 'shuffle': True, 'p_bits': [bits(v) for v in p5]},
    {'m': 'choice', 'a': 5, 'size': 5, 'replace': False, 'shuffle': True, 'p_bits': [bits(v) for v in p5]},
    {'m': 'choice', 'a': 0, 'size': 0, 'replace': True, 'shuffle': True},
    {'m': 'choice', 'a': 0, 'size': 0, 'replace': False, 'shuffle': True},
    {'m': 'choice', 'a': 0, 'size': 1, 'replace': True, 'shuffle': True},
    {'m': 'choice', 'a': 3, 'size': 4, 'replace': False, 'shuffle': True},
    {'m': 'choice', 'a': 2, 'size': 1, 'replace': True, 'shuffle': True, 'p_bits': [bits(v) for v in p_bad_sum]},
    {'m': 'choice', 'a': 3, 'size': 1, 'replace': True, 'shuffle': True, 'p_bits': [bits(v) for v in p_bad_sum]},
    {'m': 'choice', 'a': 2, 'size': 1, 'replace': True, 'shuffle': True, 'p_bits': [bits(1.5), bits(-0.5)]},
    {'m': 'choice', 'a': 2, 'size': 1, 'replace': True, 'shuffle': True, 'p_bits': [bits(0.5), bits(float('nan'))]},
]
cases.append(case('choice: every branch and every refusal', choice_calls, seed=2 ** 64 + 11))

# --- bytes (bytes(0) still draws one word) and a mixed sequence.
cases.append(case('bytes', [{'m': 'bytes', 'length': n} for n in (0, 1, 3, 4, 5, 17, 64)], seed=99))
cases.append(case('mixed sequence', [
    {'m': 'standard_normal', 'size': 3}, {'m': 'integers', 'low': 0, 'high': 3, 'endpoint': False, 'size': 3},
    {'m': 'random', 'size': None}, {'m': 'bytes', 'length': 5}, {'m': 'standard_exponential', 'size': 3},
    {'m': 'choice', 'a': 50, 'size': 5, 'replace': False, 'shuffle': True}, {'m': 'permutation', 'n': 9},
    {'m': 'integers', 'low': -(2 ** 63), 'high': 2 ** 63 - 1, 'endpoint': True, 'size': 3},
], seed=0))

# --- log1p (the C library's, as the ziggurat tails call it).
rnd = random.Random(1)
xs = [0.0, -0.0, -1.0, -0.5, 1.0, 1e-30, 2.0 ** -29, -0.35992568525663127, 1e300, float('inf')]
xs += [-(rnd.getrandbits(53) * 2.0 ** -53) for _ in range(300)]
xs += [rnd.uniform(-1, 10) for _ in range(100)]
log1p = {'x': [f64_bits(x) for x in xs], 'log1p': [f64_bits(c_log1p(x)) for x in xs]}

write_golden(os.path.join(OUT, 'numpy_generator.json'), {'cases': cases, 'log1p': log1p})
print('cases', len(cases), 'bytes', os.path.getsize(os.path.join(OUT, 'numpy_generator.json')))

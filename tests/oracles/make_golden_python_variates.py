"""Writes GoldenVectors/python_variates.json from CPython's random.Random (tests/oracles/python_variates.py's ops).

Run: /usr/bin/python3 tests/oracles/make_golden_python_variates.py   (CPython 3.11)

Every case ends with random() twice, which pins the number of draws. The 'forced' cases start from a state whose next
random() values are chosen (the key words are the inverse tempering of the wanted outputs), to reach the extreme
draws: random() = 0, 1 - 2^-53, cos(pi u) = -1.
"""
import os
import random

from oracle_common import write_golden, f64_bits
from python_variates import run, state_json

OUT = os.path.join(os.path.dirname(__file__), '..', 'OneSeed.Tests', 'GoldenVectors')
B = f64_bits
INF, NAN = float('inf'), float('nan')
TOP = (1 << 53) - 1

SEEDS = [
    ('int 0', {'kind': 'int', 'value': 0}),
    ('int 42', {'kind': 'int', 'value': 42}),
    ('int 2^100+7', {'kind': 'int', 'value': 2**100 + 7}),
    ('str spam', {'kind': 'str', 'value': 'spam'}),
]

GAMMA = [['gammavariate', B(a), B(b)] for a, b in [
    (2.0, 1.0), (1.0000000000000002, 3.0), (1.5, 0.5), (30.0, 2.0), (1e10, 1.0), (1e300, 1.0), (8.988465674311579e307, 1.0),
    (1.0, 1.0), (1.0, 2.5), (1.0, INF),
    (0.9999999999999999, 1.0), (0.5, 1.0), (1 / 3, 2.0), (1e-5, 1.0), (1e-300, 1.0), (5e-324, 1.0), (0.2, NAN)]]
BETA = [['betavariate', B(a), B(b)] for a, b in [(2.0, 3.0), (0.5, 0.5), (1.0, 1.0), (1e-300, 2.0), (30.0, 0.1), (1e5, 1e5)]]
LOGNORMAL = [['lognormvariate', B(m), B(s)] for m, s in [
    (0.0, 1.0), (1.0, 0.25), (-3.0, -2.0), (0.0, 0.0), (700.0, 10.0), (709.0, 5.0), (INF, 1.0), (NAN, 1.0), (0.0, 1e300)]]
PARETO = [['paretovariate', B(a)] for a in [1.0, 3.0, 0.5, 0.01, 1e-4, -2.0, INF, -INF, NAN, 5e-324, -5e-324]]
WEIBULL = [['weibullvariate', B(a), B(b)] for a, b in [
    (1.0, 1.0), (2.0, 0.5), (1.0, 0.01), (1.0, 1e-4), (3.0, -2.0), (1.0, INF), (1.0, -INF), (NAN, 1.0), (1.0, 5e-324)]]
VONMISES = [['vonmisesvariate', B(m), B(k)] for m, k in [
    (0.0, 1.0), (1.0, 1e-6), (1.0, 1.0000000000000002e-6), (2.0, 9.999999999999999e-7), (1.0, -3.0), (5.0, -INF),
    (0.0, 0.0), (-10.0, 4.0), (100.0, 0.001), (1e300, 2.0), (3.0, 1e10), (3.0, 1e17), (3.0, INF), (INF, 1.0), (NAN, 1.0)]]
CHOICES = (
    [['choices', n, None, None, k] for n, k in [(1, 3), (10, 5), (1000, 4), (5, 0), (5, -2), (0, 0)]]
    + [['choices', 4, {'ints': [1, 2, 3, 4]}, None, 6], ['choices', 4, {'ints': [0, 5, 0, 1]}, None, 6],
       ['choices', 3, {'bits': [B(0.1), B(0.2), B(0.7)]}, None, 6], ['choices', 3, {'bits': [B(-1.0), B(3.0), B(0.5)]}, None, 6],
       ['choices', 4, None, {'ints': [1, 1, 5, 9]}, 6], ['choices', 3, None, {'bits': [B(1.0), B(NAN), B(2.0)]}, 6],
       ['choices', 3, {'bits': [B(1e300), B(1e300), B(5e-324)]}, None, 4], ['choices', 2, {'ints': [1, 1]}, None, -1]]
    + [['choices', 3, None, None, 300]]
)
ERRORS = [['lognormvariate', B(720.0), B(0.5)], ['paretovariate', B(1e-4)], ['weibullvariate', B(1.0), B(1e-4)]]

FAMILIES = [('gamma', GAMMA), ('beta', BETA), ('lognormal', LOGNORMAL), ('pareto', PARETO), ('weibull', WEIBULL),
            ('von Mises', VONMISES), ('choices', CHOICES), ('draw-dependent errors', ERRORS)]


def untemper(y):
    y ^= y >> 18
    y ^= (y << 15) & 0xefc60000
    x = y
    for _ in range(5):
        x = y ^ ((x << 7) & 0x9d2c5680) & 0xffffffff
    y = x
    for _ in range(3):
        x = y ^ (x >> 11)
    return x


def forced(seed, index, mantissas):
    """The state of random.Random(seed) with its next random() values set to m * 2^-53."""
    r = random.Random(seed)
    key = list(r.getstate()[1][:624])
    for j, m in enumerate(mantissas):
        key[index + 2 * j] = untemper((m >> 26) << 5)
        key[index + 2 * j + 1] = untemper((m & ((1 << 26) - 1)) << 6)
    r.setstate((3, tuple(key) + (index,), None))
    assert [r.random() for _ in mantissas] == [m / 2**53 for m in mantissas]
    r.setstate((3, tuple(key) + (index,), None))
    return state_json.dumps(r)


FORCED = [
    ('weibull at random() = 0, beta = 1: -0.0', [0], ['weibullvariate', B(2.0), B(1.0)]),
    ('weibull at random() = 0, beta < 0: ZeroDivisionError', [0], ['weibullvariate', B(2.0), B(-1.0)]),
    ('weibull at random() = 0, beta = 1/3', [0], ['weibullvariate', B(2.0), B(1 / 3)]),
    ('pareto at random() = 0', [0], ['paretovariate', B(0.001)]),
    ('pareto at 1 - 2^-53: OverflowError', [TOP], ['paretovariate', B(0.01)]),
    ('gamma(1) at random() = 0: -0.0', [0], ['gammavariate', B(1.0), B(3.0)]),
    ('beta with y = -0.0', [0], ['betavariate', B(1.0), B(2.0)]),
    ('gamma GS at random() = 0', [0, 12345], ['gammavariate', B(0.5), B(2.0)]),
    ('von Mises r = 1, z = -1: ZeroDivisionError', [TOP - 1000, 5], ['vonmisesvariate', B(1.0), B(1e300)]),
    ('von Mises u3 = 0.5', [123456789, 0, 1 << 52], ['vonmisesvariate', B(1.0), B(2.0)]),
    ('choices on a cumulative weight', [1 << 51, 3 << 51], ['choices', 4, None, {'ints': [1, 2, 3, 4]}, 2]),
    ('choices at 1 - 2^-53', [TOP], ['choices', 7, None, None, 1]),
]

cases = []
for label, seed in SEEDS:
    for family, ops in FAMILIES:
        case = {'label': f'{label} / {family}', 'seed': seed, 'ops': ops + [['random', 2]]}
        cases.append({**case, 'results': run(case)['results']})
for i, (label, mantissas, op) in enumerate(FORCED):
    case = {'label': f'forced: {label}', 'state': forced(1000 + i, 7 * i, mantissas), 'ops': [op, ['random', 2]]}
    cases.append({**case, 'results': run(case)['results']})
write_golden(os.path.join(OUT, 'python_variates.json'), {'cases': cases})

"""Writes GoldenVectors/python_random.json from CPython's random.Random (tests/oracles/python_random.py's ops).

Run: /usr/bin/python3 tests/oracles/make_golden_python_random.py   (CPython 3.11)
"""
import os
from oracle_common import write_golden, f64_bits
from python_random import run

OUT = os.path.join(os.path.dirname(__file__), '..', 'OneSeed.Tests', 'GoldenVectors')
B = f64_bits

SEEDS = [
    ('int 0', {'kind': 'int', 'value': 0}),
    ('int 42', {'kind': 'int', 'value': 42}),
    ('int -42', {'kind': 'int', 'value': -42}),
    ('int 2^32', {'kind': 'int', 'value': 2**32}),
    ('int 2^100+7', {'kind': 'int', 'value': 2**100 + 7}),
    ('int -(2^300+12345)', {'kind': 'int', 'value': -(2**300 + 12345)}),
    ('str ""', {'kind': 'str', 'value': ''}),
    ('str hello', {'kind': 'str', 'value': 'hello'}),
    ('str non-ASCII', {'kind': 'str', 'value': 'ünïcödé π 🎲'}),
    ('bytes empty', {'kind': 'bytes', 'value': ''}),
    ('bytes 00 00 01 ff', {'kind': 'bytes', 'value': '000001ff'}),
]

INTEGER_OPS = (
    [['getrandbits', k] for k in [0, 1, 7, 31, 32, 33, 63, 64, 65, 100, 128, 1000]]
    + [['randbytes', n] for n in [0, 1, 3, 4, 5, 17]]
    + [['randrange1', n] for n in [1, 2, 3, 16, 17, 15, 2**31, 2**32 - 1, 2**32, 2**32 + 1, 2**53 + 1,
                                   2**64 - 1, 2**64, 2**64 + 3, 2**100, 2**100 - 1, 2**100 + 1]]
    + [['randrange', a, b, s] for a, b, s in [(0, 10, 1), (10, 0, -1), (10, -10, -3), (-5, 5, 2), (0, 2**64 + 3, 7),
                                              (2**40, -2**40, -999), (-2**63, 2**63 - 1, 1), (5, 6, 100), (3, 2**70, 2**33)]]
    + [['randint', a, b] for a, b in [(0, 10), (0, 10), (0, 10), (-10, 10), (0, 2**32), (-2**63, 2**63 - 1), (5, 5),
                                      (-2**80, 2**80)]]
)
SEQUENCE_OPS = (
    [['choice', n] for n in [1, 2, 7, 1000, 2**20 + 1]]
    + [['shuffle', n] for n in list(range(0, 13)) + [100, 625]]
    # sample's pool/set switch: setsize = 21 (+ 4^ceil(log4(3k)) when k > 5); n <= setsize uses the pool.
    + [['sample', n, k] for n, k in [(0, 0), (10, 10), (21, 5), (22, 5), (85, 6), (86, 6), (85, 21), (86, 21),
                                      (277, 22), (278, 22), (1000, 0), (1000, 1000), (5000, 100), (100000, 50)]]
)
FLOAT_OPS = (
    [['random', 7]]
    + [['uniform', B(a), B(b)] for a, b in [(0.0, 1.0), (-3.5, 2e10), (5.0, 5.0), (1.0, -1.0)]]
    + [['gauss', B(0.0), B(1.0)]] * 3 + [['gauss', B(10.0), B(2.5)]] * 2
    + [['normalvariate', B(0.0), B(1.0)]] * 3 + [['normalvariate', B(-4.0), B(0.1)]]
    + [['expovariate', B(x)] for x in [1.0, 0.25, -2.0, 1e-300]]
    + [['triangular', B(0.0), B(1.0), None], ['triangular', B(0.0), B(10.0), B(2.0)], ['triangular', B(5.0), B(5.0), B(5.0)],
       ['triangular', B(10.0), B(0.0), B(3.0)], ['triangular', B(0.0), B(1.0), B(1.0)]]
    + [['gauss', B(0.0), B(1.0)]]  # odd: leaves gauss_next cached
)

cases = []
for label, seed in SEEDS:
    for family, ops in [('integers', INTEGER_OPS), ('sequences', SEQUENCE_OPS), ('floats', FLOAT_OPS)]:
        case = {'label': f'{label} / {family}', 'seed': seed, 'ops': ops}
        result = run(case)
        cases.append({**case, 'results': result['results']})
write_golden(os.path.join(OUT, 'python_random.json'), {'cases': cases})

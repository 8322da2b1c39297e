"""Writes GoldenVectors/engines.json from NumPy: raw streams of PCG64, PCG64DXSM, Philox and SFC64.

Run: /usr/bin/python3 tests/oracles/make_golden_engines.py   (needs Debian's python3-numpy)
Each case is {"label", "engine", "init", "ops", "out"} with the meaning of tests/oracles/engines.py.
"""
import os

from engines import make, run_ops  # noqa: E402  (engines.py only serves when run as a script)
from oracle_common import write_golden

OUT = os.path.join(os.path.dirname(__file__), '..', 'OneSeed.Tests', 'GoldenVectors')

ENGINES = ['PCG64', 'PCG64DXSM', 'Philox', 'SFC64']
SEEDS = [0, 42, 2**32 - 1, 2**64 + 1, 2**128 + 5]

# u32 draws of odd length leave a buffered half; u64/f64 between them must not consume it.
MIXED = [['u32', 3], ['u64', 5], ['u32', 2], ['f64', 4], ['u32', 1], ['state'], ['u64', 9], ['u32', 7], ['state']]


def case(label, engine, init, ops):
    bg = make(engine, init)
    return {'label': label, 'engine': engine, 'init': init, 'ops': ops, 'out': run_ops(bg, ops)}


cases = []
for engine in ENGINES:
    for seed in SEEDS:
        cases.append(case(f'{engine} seed {seed}', engine, {'kind': 'seed', 'seed': seed},
                          [['u64', 20], ['u32', 9], ['f64', 6], ['state']]))
    cases.append(case(f'{engine} spawned', engine, {'kind': 'seedseq', 'entropy': 42, 'spawn_key': [1]},
                      [['u64', 10], ['state']]))
    cases.append(case(f'{engine} spawned deep', engine, {'kind': 'seedseq', 'entropy': 2**70 + 3, 'spawn_key': [3, 2**40]},
                      [['u64', 10]]))
    cases.append(case(f'{engine} mixed buffering', engine, {'kind': 'seed', 'seed': 1234}, MIXED))
    if engine == 'SFC64':
        continue
    for label, delta in [('small', 1), ('small odd', 7), ('2^64+3', 2**64 + 3), ('huge', 2**127 + 12345),
                         ('negative', -5), ('negative huge', -(2**100)), ('2^128', 2**128), ('2^256+1', 2**256 + 1)]:
        cases.append(case(f'{engine} advance {label}', engine, {'kind': 'seed', 'seed': 7},
                          [['u32', 1], ['u64', 2], ['advance', delta], ['state'], ['u64', 6], ['u32', 3]]))
    for jumps in [1, 3]:
        cases.append(case(f'{engine} jumped {jumps}', engine, {'kind': 'seed', 'seed': 7},
                          [['u32', 3], ['jumped', jumps], ['state'], ['u64', 6], ['u32', 3]]))

for label, key, counter in [('zero key and counter', [0, 0], [0, 0, 0, 0]),
                            ('explicit words', [12345, 2**64 - 1], [2**64 - 1, 2**64 - 1, 5, 0]),
                            ('counter about to carry everywhere', [1, 2], [2**64 - 1] * 4),
                            ('integer key and counter', 2**100 + 17, 2**200 + 2**64 - 1)]:
    cases.append(case(f'Philox key {label}', 'Philox', {'kind': 'key', 'key': key, 'counter': counter},
                      [['u64', 11], ['u32', 3], ['state'], ['advance', 2**64], ['u64', 5], ['jumped', 2], ['u64', 5]]))

write_golden(os.path.join(OUT, 'engines.json'), {'cases': cases})

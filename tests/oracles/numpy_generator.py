"""Live oracle: numpy.random.Generator methods over a named bit generator, and math.log1p.

Ops:
  generator: case = {"bitgen": "MT19937", "seed": int (SeedSequence entropy) | "state": JSON from OneSeed,
                     "calls": [call, ...], "tail": n}
             -> {"results": [per call], "tail_u64": n next_uint64 after the calls, "state": JSON state after}
  log1p:     case = {"x": [double bits]} -> [double bits of math.log1p(x)]

A call is {"m": method, ...arguments}; doubles travel as IEEE bits ("*_bits" keys), results likewise.
A call NumPy refuses returns {"error": exception type name} and the sequence continues.
"""
import math
import os
import struct
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
from oracle_common import serve, f64_bits, f64_list, int_list, next_uint64  # noqa: E402
import state_json  # noqa: E402


def bits_f64(b):
    return struct.unpack('<d', struct.pack('<Q', int(b)))[0]


def make_generator(case):
    if 'state' in case:
        return state_json.loads(case['state'], kind='Generator')
    return np.random.Generator(getattr(np.random, case['bitgen'])(case['seed']))


def floats(v):
    if isinstance(v, np.ndarray):
        return f64_list(v.ravel())
    return [f64_bits(v)]


def ints(v):
    if isinstance(v, np.ndarray):
        return int_list(v.ravel())
    return [int(v)]


def call(g, c):
    m = c['m']
    size = c.get('size')
    if m == 'random':
        return floats(g.random(size))
    if m == 'integers':
        return ints(g.integers(c['low'], c['high'], size, dtype=np.int64, endpoint=c['endpoint']))
    if m == 'standard_normal':
        return floats(g.standard_normal(size))
    if m == 'normal':
        return floats(g.normal(bits_f64(c['loc_bits']), bits_f64(c['scale_bits']), size))
    if m == 'standard_exponential':
        return floats(g.standard_exponential(size))
    if m == 'exponential':
        return floats(g.exponential(bits_f64(c['scale_bits']), size))
    if m == 'uniform':
        return floats(g.uniform(bits_f64(c['low_bits']), bits_f64(c['high_bits']), size))
    if m == 'permutation':
        return ints(g.permutation(c['n']))
    if m == 'shuffle':
        x = list(range(c['n'])) if c['kind'] == 'list' else np.arange(c['n'])
        g.shuffle(x)
        return [int(v) for v in x]
    if m == 'choice':
        p = c.get('p_bits')
        if p is not None:
            p = np.array([bits_f64(b) for b in p], dtype=np.float64)
        return ints(g.choice(c['a'], size, replace=c['replace'], p=p, shuffle=c['shuffle']))
    if m == 'bytes':
        return list(g.bytes(c['length']))
    raise ValueError('unknown method ' + m)


def run(case):
    g = make_generator(case)
    results = []
    for c in case['calls']:
        try:
            results.append(call(g, c))
        except (ValueError, OverflowError, TypeError) as e:
            results.append({'error': type(e).__name__, 'message': str(e)})
    state = state_json.dumps(g.bit_generator)
    return {'results': results, 'state': state, 'tail_u64': next_uint64(g.bit_generator, case.get('tail', 3))}


def c_log1p(x):
    # math.log1p is the C library's log1p (what npy_log1p calls), but raises where C returns -inf / NaN.
    # (np.log1p is not used: its ufunc may take a SIMD/SVML path that differs from libm.)
    if x == -1.0:
        return float('-inf')
    if x < -1.0 or math.isnan(x):
        return float('nan')
    return math.log1p(x)


def log1p(case):
    return [f64_bits(c_log1p(bits_f64(b))) for b in case['x']]


if __name__ == '__main__':
    serve({'generator': run, 'log1p': log1p})

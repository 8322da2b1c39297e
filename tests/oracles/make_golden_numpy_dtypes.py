"""Writes GoldenVectors/numpy_dtypes.json from NumPy's Generator float32 / narrow-integer dtypes and permuted.

Run: /usr/bin/python3 tests/oracles/make_golden_numpy_dtypes.py   (needs Debian's python3-numpy)

Every case is {"label", "bitgen", "seed", "calls"} plus NumPy's answers ("results", "state", "tail_u32",
"tail_u64") as produced by numpy_dtypes.run, the same code the live tests use. Every engine gets the same calls:
float32 uniforms, normals and exponentials (from the first seed whose draws reach both tails: values beyond r),
the gamma regimes, every integer dtype at its boundaries (errors included), and permuted.
"""
import os
import struct

import numpy as np

from oracle_common import write_golden
from numpy_dtypes import run

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'OneSeed.Tests', 'GoldenVectors')
NOR_R_F = 3.6541529
EXP_R_F = 7.6971173
ENGINES = ['MT19937', 'PCG64', 'PCG64DXSM', 'Philox', 'SFC64']
RANGES = {'int64': (-(2 ** 63), 2 ** 63 - 1), 'int32': (-(2 ** 31), 2 ** 31 - 1), 'uint32': (0, 2 ** 32 - 1),
          'int16': (-(2 ** 15), 2 ** 15 - 1), 'uint16': (0, 2 ** 16 - 1), 'int8': (-128, 127), 'uint8': (0, 255),
          'bool': (0, 1)}


def f64_bits(x):
    return struct.unpack('<Q', struct.pack('<d', x))[0]


def case(label, bitgen, seed, calls):
    c = {'label': label, 'bitgen': bitgen, 'seed': seed, 'calls': calls}
    c.update(run(c))
    return c


def f32(bits):
    return struct.unpack('<f', struct.pack('<I', bits))[0]


def integer_calls():
    calls = []
    for dtype, (lo, hi) in RANGES.items():
        width = (hi - lo).bit_length()
        for rng in sorted({0, 1, 2, 2 ** (width - 1) - 1, 2 ** (width - 1), hi - lo - 1, hi - lo, 99}):
            if rng > hi - lo:
                continue
            for low in sorted({lo, 0, hi - rng}):
                if low < lo or low + rng > hi:
                    continue
                for endpoint in (False, True):
                    high = low + rng + (0 if endpoint else 1)
                    if dtype == 'int64' and high > 2 ** 63 - 1:
                        continue
                    calls.append({'m': 'integers', 'dtype': dtype, 'low': low, 'high': high, 'endpoint': endpoint,
                                  'size': None if (rng + low) % 4 == 0 else 7})
        # NumPy's refusals: low below the dtype, high above it (both ways), an empty range; and an empty request.
        calls += [{'m': 'integers', 'dtype': dtype, 'low': lo - 1, 'high': lo + 1, 'endpoint': False, 'size': 3},
                  {'m': 'integers', 'dtype': dtype, 'low': 0, 'high': hi + 2, 'endpoint': False, 'size': 3},
                  {'m': 'integers', 'dtype': dtype, 'low': 0, 'high': hi + 1, 'endpoint': True, 'size': None},
                  {'m': 'integers', 'dtype': dtype, 'low': 1, 'high': 1, 'endpoint': False, 'size': 3},
                  {'m': 'integers', 'dtype': dtype, 'low': 1, 'high': 1, 'endpoint': False, 'size': 0}]
    return [c for c in calls if c['dtype'] != 'int64' or (c['high'] <= 2 ** 63 - 1 and c['low'] >= -(2 ** 63))]


cases = []
for i, bitgen in enumerate(ENGINES):
    # The first seed from 20240 whose 1500 normals and 1500 exponentials both reach the tails.
    seed = 20240
    while True:
        floats = [{'m': 'random_f32', 'size': 101}, {'m': 'random_f32', 'size': None},
                  {'m': 'standard_normal_f32', 'size': 1500}, {'m': 'standard_normal_f32', 'size': None},
                  {'m': 'standard_exponential_f32', 'size': 1500, 'method': 'zig'},
                  {'m': 'standard_exponential_f32', 'size': 33, 'method': 'inv'},
                  {'m': 'random_f64', 'size': 3}]
        c = case('float32 uniform, normal and exponential (both tails taken), exponential inv', bitgen, seed, floats)
        normals = [abs(f32(b)) for b in c['results'][2]]
        exponentials = [f32(b) for b in c['results'][4]]
        if any(x >= NOR_R_F for x in normals) and any(x >= EXP_R_F for x in exponentials):
            break
        seed += 1
    cases.append(c)

    shapes = [0.0, 1.0, 0.5, 1e-3, 1e-40, 1e-50, 1.0 - 1e-7, 1.0 + 1e-4, 2.5, 1e6, float('inf'), float('nan'),
              -1.0, -0.0, -1e-50]
    cases.append(case('float32 standard_gamma regimes (0, 1, below and above 1, float subnormal, 0 and -0 as floats, inf, NaN, negative)',
                      bitgen, seed, [{'m': 'standard_gamma_f32', 'shape_bits': f64_bits(s), 'size': 41} for s in shapes]))
    cases.append(case('integers: every dtype at its boundaries, endpoint both ways, errors', bitgen, seed, integer_calls()))
    cases.append(case('permuted: 1-d and 2-d, every axis, out none/fresh/self', bitgen, seed, [
        {'m': 'permuted', 'shape': [50], 'axis': None, 'out': 'none'},
        {'m': 'permuted', 'shape': [0], 'axis': None, 'out': 'fresh'},
        {'m': 'permuted', 'shape': [7, 9], 'axis': None, 'out': 'none'},
        {'m': 'permuted', 'shape': [7, 9], 'axis': 0, 'out': 'fresh'},
        {'m': 'permuted', 'shape': [7, 9], 'axis': 1, 'out': 'self'},
        {'m': 'permuted', 'shape': [7, 9], 'axis': -1, 'out': 'none'},
        {'m': 'permuted', 'shape': [7, 9], 'axis': -2, 'out': 'none'},
        {'m': 'permuted', 'shape': [0, 4], 'axis': 0, 'out': 'none'},
        {'m': 'permuted', 'shape': [7, 9], 'axis': 2, 'out': 'none'},
    ]))

write_golden(os.path.join(OUT, 'numpy_dtypes.json'), {'cases': cases})
print('wrote', len(cases), 'cases')

"""Live oracle: numpy.random.Generator's float32 and narrow-integer dtypes, and permuted.

Ops:
  generator: case = {"bitgen": "MT19937", "seed": int (SeedSequence entropy), "calls": [call, ...], "tail": n}
             -> {"results": [per call], "state": JSON state after the calls (tools/state_json.py),
                 "tail_u32": n next_uint32 after the calls, then "tail_u64": n next_uint64}

Calls ({"m": method, ...}); "size": null is NumPy's scalar call (size=None):
  random_f32            {"size"}                                 -> float32 bits
  standard_normal_f32   {"size"}                                 -> float32 bits
  standard_exponential_f32 {"size", "method": "zig" | "inv"}     -> float32 bits
  standard_gamma_f32    {"shape_bits": float64 bits, "size"}     -> float32 bits
  random_f64            {"size"}                                 -> float64 bits (to interleave 64-bit draws)
  integers              {"dtype": "int64" | "int32" | "uint32" | "int16" | "uint16" | "int8" | "uint8" | "bool",
                         "low", "high", "endpoint", "size"}      -> integers (bool as 0/1)
  permuted              {"shape": [n] | [rows, cols], "axis": null | int, "out": "none" | "fresh" | "self"}
                                                                 -> the result, flattened in C order, of permuting
                                                                    arange(prod(shape)).reshape(shape)
A call NumPy refuses returns {"error": exception type name, "message": ...} and the sequence continues.

  randint:   case = {"seed": uint32, "calls": [{"dtype", "low", "high", "size"}, ...]}
             -> {"results": [integers per call], "tail_u32": 3 next_uint32 after the calls}: legacy
                RandomState(seed).randint(low, high, size, dtype), which fills narrow dtypes by masked rejection
                (the use_masked=True branch of the same random_bounded_uint{32,16,8}_fill / bool_fill).
"""
import os
import struct
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
from oracle_common import serve, f64_bits, int_list, next_uint32, next_uint64  # noqa: E402
import state_json  # noqa: E402

DTYPES = {'int64': np.int64, 'int32': np.int32, 'uint32': np.uint32, 'int16': np.int16, 'uint16': np.uint16,
          'int8': np.int8, 'uint8': np.uint8, 'bool': np.bool_}


def bits_f64(b):
    return struct.unpack('<d', struct.pack('<Q', int(b)))[0]


def f32_bits(v):
    """float32 values (an array or a Python float that holds a float32 value) as their IEEE bits."""
    return np.asarray(v, dtype=np.float32).ravel().view(np.uint32).tolist()


def call(g, c):
    m = c['m']
    size = c.get('size')
    if m == 'random_f32':
        return f32_bits(g.random(size, dtype=np.float32))
    if m == 'standard_normal_f32':
        return f32_bits(g.standard_normal(size, dtype=np.float32))
    if m == 'standard_exponential_f32':
        return f32_bits(g.standard_exponential(size, dtype=np.float32, method=c['method']))
    if m == 'standard_gamma_f32':
        return f32_bits(g.standard_gamma(bits_f64(c['shape_bits']), size, dtype=np.float32))
    if m == 'random_f64':
        v = g.random(size)
        return [f64_bits(x) for x in np.asarray(v).ravel()]
    if m == 'integers':
        v = g.integers(c['low'], c['high'], size, dtype=DTYPES[c['dtype']], endpoint=c['endpoint'])
        return int_list(np.asarray(v).ravel())
    if m == 'permuted':
        shape = tuple(c['shape'])
        x = np.arange(int(np.prod(shape)), dtype=np.int64).reshape(shape)
        out = c.get('out', 'none')
        if out == 'none':
            y = g.permuted(x, axis=c['axis'])
        elif out == 'fresh':
            y = np.empty_like(x)
            g.permuted(x, axis=c['axis'], out=y)
        else:
            y = g.permuted(x, axis=c['axis'], out=x)
        return int_list(y.ravel())
    raise ValueError('unknown method ' + m)


def run(case):
    g = np.random.Generator(getattr(np.random, case['bitgen'])(case['seed']))
    results = []
    for c in case['calls']:
        try:
            results.append(call(g, c))
        except (ValueError, OverflowError, TypeError, IndexError) as e:
            results.append({'error': type(e).__name__, 'message': str(e)})
    state = state_json.dumps(g.bit_generator)
    n = case.get('tail', 3)
    return {'results': results, 'state': state,
            'tail_u32': next_uint32(g.bit_generator, n), 'tail_u64': next_uint64(g.bit_generator, n)}


def randint(case):
    rs = np.random.RandomState(case['seed'])
    results = [int_list(np.asarray(rs.randint(c['low'], c['high'], c['size'], dtype=DTYPES[c['dtype']])).ravel())
               for c in case['calls']]
    return {'results': results, 'tail_u32': next_uint32(rs._bit_generator, 3)}


if __name__ == '__main__':
    serve({'generator': run, 'randint': randint})

"""Live oracle: any numpy.random.Generator or RandomState method, called by name with encoded arguments.

A case is {"facade": "Generator" | "RandomState", "bitgen": name, "seed": int, "calls": [call, ...], "tail": n}:
Generator(getattr(np.random, bitgen)(seed)) or RandomState(seed) (an int below 2**32: init_genrand).
A call is {"m": method, "args": [arg, ...], "size": n | null, "kw": {name: arg}}: getattr(obj, m)(*args, size=size, **kw)
(size is left out when null, as NumPy's scalar form). An arg is {"f": double bits} | {"i": int} | {"fa": [bits]} |
{"ia": [ints]} | {"s": text}: doubles travel as their IEEE bits.
The result of a call is {"v": [values], "shape": [...], "kind": "f" | "i" | "b"} (doubles as bits, bytes as ints), or
{"error": exception type, "message": text} when NumPy refuses it; the case goes on after an error.
The case's result: {"results": [...], "tail_u64": n next_uint64 after the calls, and for RandomState "pos",
"has_gauss", "gauss" (bits)}.
"""
import struct
import warnings

import numpy as np
from oracle_common import serve, f64_bits, next_uint64

warnings.simplefilter('ignore')


def from_bits(b):
    return struct.unpack('<d', struct.pack('<Q', int(b)))[0]


def decode(a):
    if 'f' in a:
        return from_bits(a['f'])
    if 'i' in a:
        return int(a['i'])
    if 'fa' in a:
        return np.array([from_bits(b) for b in a['fa']], dtype=np.float64)
    if 'ia' in a:
        return np.array([int(v) for v in a['ia']], dtype=np.int64)
    return a['s']


def encode(value):
    if isinstance(value, bytes):
        return {'v': list(value), 'shape': [len(value)], 'kind': 'b'}
    arr = np.asarray(value)
    if arr.dtype.kind == 'f':
        return {'v': [f64_bits(v) for v in arr.ravel()], 'shape': list(arr.shape), 'kind': 'f'}
    return {'v': [int(v) for v in arr.ravel()], 'shape': list(arr.shape), 'kind': 'i'}


def call(obj, c):
    args = [decode(a) for a in c.get('args', [])]
    kw = {k: decode(v) for k, v in c.get('kw', {}).items()}
    if c.get('size') is not None:
        kw['size'] = c['size']
    return encode(getattr(obj, c['m'])(*args, **kw))


def run(case):
    if case['facade'] == 'RandomState':
        obj = np.random.RandomState(case['seed'])
        bitgen = obj._bit_generator
    else:
        obj = np.random.Generator(getattr(np.random, case['bitgen'])(case['seed']))
        bitgen = obj.bit_generator
    results = []
    for c in case['calls']:
        try:
            results.append(call(obj, c))
        except (ValueError, OverflowError, TypeError) as e:
            results.append({'error': type(e).__name__, 'message': str(e)})
    out = {'results': results}
    if case['facade'] == 'RandomState':
        state = obj.get_state(legacy=False)
        out['pos'] = int(state['state']['pos'])
        out['has_gauss'] = int(state['has_gauss'])
        out['gauss'] = f64_bits(state['gauss'])
    out['tail_u64'] = next_uint64(bitgen, case.get('tail', 3))
    return out


def methods(case):
    """The public methods of Generator and RandomState (for the coverage test)."""
    def public(cls):
        return sorted(n for n in dir(cls) if not n.startswith('_') and callable(getattr(cls, n)))
    return {'Generator': public(np.random.Generator), 'RandomState': public(np.random.RandomState)}


if __name__ == '__main__':
    serve({'run': run, 'methods': methods})

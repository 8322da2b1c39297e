"""Live oracle: numpy.random.RandomState (legacy), driven by programs of method calls.

A case is {"seed": SEED, "ops": [OP, ...]} and its result is {"results": [RESULT per op]}.
SEED: {"kind": "int", "seed": n} | {"kind": "array", "key": [...]} (np.array(dtype=uint32): a one-element array is
squeezed to the integer path) | {"kind": "state", "json": text} (tools/state_json.loads).
OP: {"m": name, ...}; doubles travel as IEEE bits ("*_bits"). RESULT: {"i": [ints]} | {"f": [double bits]} |
{"state": json} | {"error": "ValueError: ..."}; scalars (size null) are one-element lists.
"""
import os
import sys
import warnings

import numpy as np
from oracle_common import serve, f64_list, int_list

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'tools'))
import state_json  # noqa: E402

warnings.simplefilter('ignore')


def from_bits(b):
    return float(np.array([b], dtype=np.uint64).view(np.float64)[0])


def make(seed):
    kind = seed['kind']
    if kind == 'int':
        return np.random.RandomState(seed['seed'])
    if kind == 'array':
        return np.random.RandomState(np.array(seed['key'], dtype=np.uint32))
    return state_json.loads(seed['json'], 'RandomState')


def _ints(v):
    return {'i': int_list(np.atleast_1d(v))}


def _floats(v):
    return {'f': f64_list(np.atleast_1d(v))}


def run_op(rs, op):
    m = op['m']
    size = op.get('size')
    try:
        if m == 'random_sample':
            return _floats(rs.random_sample(size))
        if m == 'randint':
            if op.get('low') is None:
                return _ints(rs.randint(op['high'], size=size))
            return _ints(rs.randint(op['low'], op['high'], size=size))
        if m == 'random_integers':
            return _ints(rs.random_integers(op['low'], op['high'], size=size))
        if m == 'standard_normal':
            return _floats(rs.standard_normal(size))
        if m == 'normal':
            return _floats(rs.normal(from_bits(op['loc_bits']), from_bits(op['scale_bits']), size))
        if m == 'uniform':
            return _floats(rs.uniform(from_bits(op['low_bits']), from_bits(op['high_bits']), size))
        if m == 'permutation':
            return _ints(rs.permutation(op['n']))
        if m == 'shuffle':
            # Both of legacy shuffle's paths (typed ndarray buffer, untyped sequence) make the same draws.
            x = np.arange(op['n']) if op.get('array', True) else list(range(op['n']))
            rs.shuffle(x)
            return _ints(np.array(x, dtype=np.int64))
        if m == 'choice':
            p = op.get('p_bits')
            if p is not None:
                p = np.array(p, dtype=np.uint64).view(np.float64)
            return _ints(rs.choice(op['a'], size=size, replace=op.get('replace', True), p=p))
        if m == 'seed':
            if op.get('key') is not None:
                rs.seed(np.array(op['key'], dtype=np.uint32))
            else:
                rs.seed(op['seed'])
            return {'i': []}
        if m == 'state':
            return {'state': state_json.dumps(rs)}
        if m == 'set_state_tuple':
            rs.set_state(('MT19937', np.array(op['key'], dtype=np.uint32), op['pos'], op['has_gauss'],
                          from_bits(op['gauss_bits'])))
            return {'i': []}
    except (ValueError, OverflowError) as e:
        return {'error': f'{type(e).__name__}: {e}'}
    raise KeyError(m)


def run(case):
    rs = make(case['seed'])
    return {'results': [run_op(rs, op) for op in case['ops']]}


if __name__ == '__main__':
    serve({'run': run})

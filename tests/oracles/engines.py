"""Live oracle: raw streams of NumPy's 64-bit bit generators (PCG64, PCG64DXSM, Philox, SFC64).

Request case: {"engine": name, "init": {...}, "ops": [[op, arg], ...]}
  init: {"kind": "seed", "seed": int}
        {"kind": "seedseq", "entropy": int, "spawn_key": [ints]}
        {"kind": "key", "key": int | [k0, k1], "counter": int | [4 words]}   (Philox only)
        {"kind": "state", "json": text}        (a state written by OneSeed, loaded through tools/state_json.py)
  ops:  ["u64", n] / ["u32", n] / ["f64", n]  -> n draws of next_uint64 / next_uint32 / next_double (doubles as bits)
        ["advance", delta]                     -> advance(delta); output null
        ["jumped", jumps]                      -> continue with bg.jumped(jumps); output the original's state (it must not change)
        ["state"]                              -> output the state dict as tools/state_json.py writes it
Result per case: {"out": [one output per op]}.
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'tools'))
import state_json  # noqa: E402
from oracle_common import serve, next_uint32, next_double  # noqa: E402


def make(engine, init):
    cls = getattr(np.random, engine)
    kind = init['kind']
    if kind == 'seed':
        return cls(init['seed'])
    if kind == 'seedseq':
        return cls(np.random.SeedSequence(init['entropy'], spawn_key=tuple(init.get('spawn_key', []))))
    if kind == 'key':
        key = init['key']
        counter = init['counter']
        key = np.array(key, dtype=np.uint64) if isinstance(key, list) else key
        counter = np.array(counter, dtype=np.uint64) if isinstance(counter, list) else counter
        return cls(key=key, counter=counter)
    if kind == 'state':
        bg = state_json.loads(init['json'])
        assert type(bg) is cls, (type(bg), cls)
        return bg
    raise ValueError(kind)


def run_ops(bg, ops):
    out = []
    for op in ops:
        name = op[0]
        if name == 'u64':
            out.append([int(v) for v in bg.random_raw(op[1])] if op[1] else [])
        elif name == 'u32':
            out.append(next_uint32(bg, op[1]))
        elif name == 'f64':
            out.append(next_double(bg, op[1]))
        elif name == 'advance':
            bg.advance(op[1])
            out.append(None)
        elif name == 'jumped':
            before = state_json.to_obj(bg)
            jumped = bg.jumped(op[1])
            after = state_json.to_obj(bg)
            assert before == after, 'jumped changed the original'
            bg = jumped
            out.append(after)
        elif name == 'state':
            out.append(state_json.to_obj(bg))
        else:
            raise ValueError(name)
    return out


def engine_case(case):
    return {'out': run_ops(make(case['engine'], case['init']), case['ops'])}


if __name__ == "__main__":
    serve({"engine": engine_case})

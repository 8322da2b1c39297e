"""Live oracle for OneSeed's Seed.Everything and named streams.

op "everything": a case is {"seed": s, "torch_n": n, "py_n": n, "py_bits": k, "py_gauss": g, "py_range": r, "np_n": n, "np_high": h,
"np_normal": m, "global_n": n, "streams": [{"name": str, "keys": [ints], "n": n}]}. Python runs
random.seed(s); np.random.seed(s); torch.manual_seed(s) (the well-known seed-everything calls), then draws from the module-level functions;
"global" is PCG64(SeedSequence(s, spawn_key=(0x53656E4F, hash64("oneseed.global")))) raw next_uint64 output, and each
stream is default_rng(SeedSequence(s, spawn_key=(0x53656E4F, hash64(name), *keys))).random(n) (docs/runtime.md).
Doubles travel as IEEE bits.

op "resume": a case is {"snapshot": text of an RngSnapshot file, "n": n}; Python loads each source's state with
tools/state_json.py (python.random -> random.Random, numpy.random -> RandomState, oneseed.global and each named
stream -> PCG64) and draws n values from each: random(), gauss(), random_sample, standard_normal, next_uint64, random.
"""
import hashlib
import json
import os
import random
import sys

import numpy as np
import torch
from oracle_common import serve, f64_list, f32_bits, int_list, next_uint64

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'tools'))
import state_json  # noqa: E402

TAG = 0x53656E4F


def hash64(name):
    return int.from_bytes(hashlib.sha256(name.encode('utf-8')).digest()[:8], 'little')


def stream_seq(seed, name, keys):
    return np.random.SeedSequence(seed, spawn_key=(TAG, hash64(name), *keys))


def everything(case):
    s = case['seed']
    random.seed(s)
    np.random.seed(s)
    torch.manual_seed(s)
    torch.set_num_threads(1)
    out = {
        'py_random': f64_list(random.random() for _ in range(case['py_n'])),
        'py_bits': str(random.getrandbits(case['py_bits'])),
        'py_gauss': f64_list(random.gauss(0.0, 1.0) for _ in range(case['py_gauss'])),
        'py_randrange': random.randrange(case['py_range']),
        'np_random': f64_list(np.random.random_sample(case['np_n'])),
        'np_randint': int_list(np.random.randint(0, case['np_high'], size=5)),
        'np_normal': f64_list(np.random.standard_normal(case['np_normal'])),
        'np_after': f64_list(np.random.rand(3)),
        'global': next_uint64(np.random.PCG64(stream_seq(s, 'oneseed.global', [])), case['global_n']),
        'streams': [f64_list(np.random.default_rng(stream_seq(s, st['name'], st['keys'])).random(st['n']))
                    for st in case['streams']],
        'torch_rand': [f32_bits(v) for v in torch.rand(case['torch_n']).tolist()],
        'torch_randn': [f32_bits(v) for v in torch.randn(case['torch_n']).tolist()],
        'torch_initial_seed': torch.initial_seed(),
    }
    return out


def resume(case):
    n = case['n']
    sources = {s['name']: s['state'] for s in json.loads(case['snapshot'])['payload']['sources']}
    py = state_json.loads(json.dumps(sources['python.random']))
    rs = state_json.loads(json.dumps(sources['numpy.random']), 'RandomState')
    out = {
        'py_random': f64_list(py.random() for _ in range(n)),
        'py_gauss': f64_list(py.gauss(0.0, 1.0) for _ in range(n)),
        'np_random': f64_list(rs.random_sample(n)),
        'np_normal': f64_list(rs.standard_normal(n)),
        'global': next_uint64(state_json.loads(json.dumps(sources['oneseed.global'])), n),
        'streams': [{'name': st['name'], 'keys': st['keys'],
                     'random': f64_list(np.random.Generator(state_json.loads(json.dumps(st['state']))).random(n))}
                    for st in sources['oneseed.streams']['streams']],
    }
    return out


serve({'everything': everything, 'resume': resume})

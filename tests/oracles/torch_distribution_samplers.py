"""Oracle for the distribution samplers of OneSeed.Compat.TorchGenerator: torch 1.13's CPU multinomial, poisson,
binomial, _standard_gamma, _sample_dirichlet and exponential_, live.

Requests (see oracle_common.serve):
  op "calls": case {"seed": int | "state": base64, "calls": [[name, *args], ...]} ->
      {"outputs": [one per call], "state": base64 of g.get_state() after the calls}
      Arrays travel as IEEE bit patterns (dtype "float32": 32-bit, "float64": 64-bit), so inf and NaN survive JSON;
      a 2-D array is sent flat with its row count (rows 0 means a 1-D tensor).
      names: multinomial dtype rows k probs num_samples replacement -> flat list of indices
             poisson dtype rates -> bits | binomial dtype counts probs -> bits | standard_gamma dtype alpha -> bits
             dirichlet dtype rows k alpha -> flat bits | exponential dtype lambd_bits64 n -> bits
             and every call of torch_generator.py (randn n, randn_double n, rand n, get_state, ...).
      A call torch refuses answers {"error": its message}.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(__file__))
from oracle_common import serve  # noqa: E402
from torch_generator import call as generator_call, new_generator, get_state, f32_bits, f64_bits  # noqa: E402

import torch  # noqa: E402

torch.set_num_threads(1)


def dtype_of(name):
    return torch.float32 if name == 'float32' else torch.float64


def tensor(dtype_name, bits, rows=0, k=None):
    if dtype_name == 'float32':
        values = [struct.unpack('<f', struct.pack('<I', b))[0] for b in bits]
    else:
        values = [struct.unpack('<d', struct.pack('<Q', b))[0] for b in bits]
    t = torch.tensor(values, dtype=dtype_of(dtype_name))
    return t.reshape(rows, k) if rows else t


def out_bits(t):
    t = t.reshape(-1)
    return f32_bits(t) if t.dtype == torch.float32 else f64_bits(t)


def sampler_call(g, name, args):
    if name == 'multinomial':
        dtype, rows, k, probs, num_samples, replacement = args
        return torch.multinomial(tensor(dtype, probs, rows, k), num_samples, replacement, generator=g).reshape(-1).tolist()
    if name == 'poisson':
        return out_bits(torch.poisson(tensor(args[0], args[1]), generator=g))
    if name == 'binomial':
        return out_bits(torch.binomial(tensor(args[0], args[1]), tensor(args[0], args[2]), generator=g))
    if name == 'standard_gamma':
        return out_bits(torch._standard_gamma(tensor(args[0], args[1]), generator=g))
    if name == 'dirichlet':
        dtype, rows, k, alpha = args
        return out_bits(torch._sample_dirichlet(tensor(dtype, alpha, rows, k), generator=g))
    if name == 'exponential':
        dtype, lambd_bits, n = args
        lambd = struct.unpack('<d', struct.pack('<Q', lambd_bits))[0]
        return out_bits(torch.empty(n, dtype=dtype_of(dtype)).exponential_(lambd, generator=g))
    return generator_call(g, name, args)


def call(g, name, args):
    try:
        return sampler_call(g, name, args)
    except RuntimeError as e:
        return {'error': str(e)}


def calls(case):
    g = new_generator(case)
    outputs = [call(g, c[0], c[1:]) for c in case['calls']]
    return {'outputs': outputs, 'state': get_state(g)}


HANDLERS = {'calls': calls}

if __name__ == '__main__':
    serve(HANDLERS)

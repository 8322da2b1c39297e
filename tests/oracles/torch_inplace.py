"""Oracle for TorchGenerator's in-place samplers and torch.normal with tensors: torch 1.13's CPU generator, live.

Requests (see oracle_common.serve):
  op "calls": case {"seed": int, "calls": [[name, *args], ...]} ->
      {"outputs": [one per call], "state": base64 of g.get_state() after the calls}
      Scalar float arguments travel as their float64 bit patterns (so NaN and infinities survive JSON); tensors as
      {"dtype": "float32" | "float64", "bits": [...]}. Outputs: float tensors as bit patterns, int64 tensors as ints,
      and the string "error" where torch raised (the C# side must refuse the same call).
      names: geometric p n dtype | log_normal mean std n dtype | cauchy median sigma n dtype |
             uniform from to n dtype | random_from_to from to|null n dtype | random_ n dtype |
             bernoulli_tensor p_tensor | bernoulli_scalar p n dtype |
             normal_tt mean_tensor std_tensor | normal_ts mean_tensor std | normal_st mean std_tensor |
             randn n dtype | get_state
      dtype: "float32" | "float64" | "int64".
"""
import base64
import os
import struct
import sys
import warnings

sys.path.insert(0, os.path.dirname(__file__))
from oracle_common import serve  # noqa: E402

import torch  # noqa: E402

torch.set_num_threads(1)
warnings.filterwarnings('ignore')  # random_'s "out of bounds [-(2^24), 2^24]" warnings are not errors
M32 = (1 << 32) - 1
M64 = (1 << 64) - 1
DTYPES = {'float32': torch.float32, 'float64': torch.float64, 'int64': torch.int64}


def d(bits):
    return struct.unpack('<d', struct.pack('<Q', bits))[0]


def tensor(spec):
    bits = spec['bits']
    if spec['dtype'] == 'float32':
        return torch.tensor([b - (1 << 32) if b >= 1 << 31 else b for b in bits], dtype=torch.int32).view(torch.float32)
    return torch.tensor([b - (1 << 64) if b >= 1 << 63 else b for b in bits], dtype=torch.int64).view(torch.float64)


def out(t):
    if t.dtype == torch.float32:
        return [v & M32 for v in t.view(torch.int32).tolist()]
    if t.dtype == torch.float64:
        return [v & M64 for v in t.view(torch.int64).tolist()]
    return t.tolist()


def get_state(g):
    return base64.b64encode(bytes(g.get_state().tolist())).decode('ascii')


def empty(n, dtype):
    return torch.empty(n, dtype=DTYPES[dtype])


def call(g, name, a):
    if name == 'geometric':
        return out(empty(a[1], a[2]).geometric_(d(a[0]), generator=g))
    if name == 'log_normal':
        return out(empty(a[2], a[3]).log_normal_(d(a[0]), d(a[1]), generator=g))
    if name == 'cauchy':
        return out(empty(a[2], a[3]).cauchy_(d(a[0]), d(a[1]), generator=g))
    if name == 'uniform':
        return out(empty(a[2], a[3]).uniform_(d(a[0]), d(a[1]), generator=g))
    if name == 'random_from_to':
        return out(empty(a[2], a[3]).random_(a[0], a[1], generator=g))
    if name == 'random_':
        return out(empty(a[0], a[1]).random_(generator=g))
    if name == 'bernoulli_tensor':
        return out(torch.bernoulli(tensor(a[0]), generator=g))
    if name == 'bernoulli_scalar':
        return out(empty(a[1], a[2]).bernoulli_(d(a[0]), generator=g))
    if name == 'normal_tt':
        return out(torch.normal(tensor(a[0]), tensor(a[1]), generator=g))
    if name == 'normal_ts':
        return out(torch.normal(tensor(a[0]), d(a[1]), generator=g))
    if name == 'normal_st':
        return out(torch.normal(d(a[0]), tensor(a[1]), generator=g))
    if name == 'randn':
        return out(torch.randn(a[0], dtype=DTYPES[a[1]], generator=g))
    if name == 'get_state':
        return get_state(g)
    raise ValueError('unknown call ' + name)


def guarded(g, name, args):
    before = get_state(g)
    try:
        return call(g, name, args)
    except RuntimeError:
        # The calls sent here are refused before any draw (bernoulli's probabilities, which torch checks while
        # drawing, are only sent valid); make sure of it, so the C# side's "state unchanged" matches.
        assert get_state(g) == before, name
        return 'error'


def calls(case):
    g = torch.Generator()
    g.manual_seed(case['seed'])
    outputs = [guarded(g, c[0], c[1:]) for c in case['calls']]
    return {'outputs': outputs, 'state': get_state(g)}


HANDLERS = {'calls': calls}

if __name__ == '__main__':
    serve(HANDLERS)

"""PyTorch (Debian's torch 1.13, CPU) reference draws for the OneSeed.TorchSharp tests.

Each case names a draw (`kind`), a seed and a size; the answer is the draw's values (floats as their IEEE bits),
so that the C# side can compare libtorch 2.10 (through TorchSharp) with torch 1.13 bit for bit.
Ops: draws (seed, then one draw), state (seed, skip draws, return the 5056-byte state and the next draws),
continue (set a given state, then draw).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import torch  # noqa: E402
from oracle_common import serve, f64_bits, f32_bits  # noqa: E402

torch.set_num_threads(1)


def values(t):
    if t.dtype == torch.float32:
        return [f32_bits(v) for v in t.tolist()]
    if t.dtype == torch.float64:
        return [f64_bits(v) for v in t.tolist()]
    return [int(v) for v in t.tolist()]


def draw(case):
    kind = case['kind']
    n = case['n']
    f64 = case.get('dtype') == 'float64'
    dtype = torch.float64 if f64 else torch.float32
    if kind == 'rand':
        return torch.rand(n, dtype=dtype)
    if kind == 'randn':
        return torch.randn(n, dtype=dtype)
    if kind == 'randint':
        return torch.randint(case['low'], case['high'], (n,), dtype=torch.int64)
    if kind == 'randperm':
        return torch.randperm(n, dtype=torch.int64)
    if kind == 'bernoulli_tensor':
        return torch.bernoulli(torch.full((n,), case['p'], dtype=dtype))
    if kind == 'bernoulli_scalar':
        return torch.empty(n, dtype=dtype).bernoulli_(case['p'])
    if kind == 'normal_':
        return torch.empty(n, dtype=dtype).normal_(case['mean'], case['std'])
    if kind == 'uniform_':
        return torch.empty(n, dtype=dtype).uniform_(case['a'], case['b'])
    if kind == 'random_':
        return torch.empty(n, dtype=torch.int64).random_(case['low'], case['high'])
    raise ValueError(kind)


def op_draws(case):
    torch.manual_seed(case['seed'])
    return values(draw(case))


def op_state(case):
    torch.manual_seed(case['seed'])
    for skip in case['skip']:
        draw(skip)
    state = torch.get_rng_state()
    after = [values(draw(c)) for c in case['then']]
    return {'state': [int(b) for b in state.tolist()], 'then': after}


def op_continue(case):
    torch.set_rng_state(torch.tensor(case['state'], dtype=torch.uint8))
    return [values(draw(c)) for c in case['then']]


serve({'draws': op_draws, 'state': op_state, 'continue': op_continue})

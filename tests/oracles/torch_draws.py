"""PyTorch (Debian's torch 1.13, CPU) reference draws for the OneSeed.TorchSharp tests.

Each case names a draw (`kind`), a seed and a size; the answer is the draw's values (floats as their IEEE bits),
so that the C# side can compare libtorch 2.10 (through TorchSharp) with torch 1.13 bit for bit.
Ops: draws (seed, then one draw), state (seed, skip draws, return the 5056-byte state and the next draws),
continue (set a given state, then draw).
"""
import math
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
    return sampler(case, kind, n, dtype)


def sampler(case, kind, n, dtype):
    """The samplers of issue 21 (distributions, in-place samplers, nn.init, dropout), described by the case's parameters."""
    def tensor(key, dt=dtype):
        return torch.tensor(case[key], dtype=dt)
    if kind == 'multinomial':
        probs = tensor('probs').reshape(case['rows'], -1)
        return torch.multinomial(probs, case['num_samples'], case['replacement']).reshape(-1)
    if kind == 'poisson':
        return torch.poisson(tensor('rates'))
    if kind == 'binomial':
        return torch.binomial(tensor('counts'), tensor('probs'))
    if kind == 'standard_gamma':
        return torch._standard_gamma(tensor('alpha'))
    if kind == 'dirichlet':
        return torch._sample_dirichlet(tensor('alpha').reshape(case['rows'], -1)).reshape(-1)
    if kind == 'exponential_':
        return torch.empty(n, dtype=dtype).exponential_(case['lambd'])
    if kind == 'geometric_':
        return torch.empty(n, dtype=dtype).geometric_(case['p'])
    if kind == 'log_normal_':
        return torch.empty(n, dtype=dtype).log_normal_(case['mean'], case['std'])
    if kind == 'cauchy_':
        return torch.empty(n, dtype=dtype).cauchy_(case['median'], case['sigma'])
    if kind == 'normal_tensor':
        return torch.normal(tensor('mean'), tensor('std'))
    if kind == 'kaiming_uniform_':
        return torch.nn.init.kaiming_uniform_(torch.empty(case['shape'], dtype=dtype), a=case['a']).reshape(-1)
    if kind == 'kaiming_normal_':
        return torch.nn.init.kaiming_normal_(torch.empty(case['shape'], dtype=dtype), a=case['a']).reshape(-1)
    if kind == 'xavier_uniform_':
        return torch.nn.init.xavier_uniform_(torch.empty(case['shape'], dtype=dtype), gain=case['gain']).reshape(-1)
    if kind == 'xavier_normal_':
        return torch.nn.init.xavier_normal_(torch.empty(case['shape'], dtype=dtype), gain=case['gain']).reshape(-1)
    if kind == 'trunc_normal_':
        return torch.nn.init.trunc_normal_(torch.empty(n, dtype=dtype), case['mean'], case['std'], case['a'], case['b'])
    if kind == 'trunc_normal_torchsharp':
        # TorchSharp 0.107's native THSInit_trunc_normal_: the steps of nn.init.trunc_normal_ with mean and std
        # swapped in mul_/add_ and without the sqrt(2) factor (documented in docs/torchsharp.md).
        norm_cdf = lambda x: (1. + math.erf(x / math.sqrt(2.))) / 2.
        lo, hi = norm_cdf((case['a'] - case['mean']) / case['std']), norm_cdf((case['b'] - case['mean']) / case['std'])
        t = torch.empty(n, dtype=dtype).uniform_(2 * lo - 1, 2 * hi - 1).erfinv_()
        return t.mul_(case['mean']).add_(case['std']).clamp_(min=case['a'], max=case['b'])
    if kind == 'dropout':
        return torch.nn.functional.dropout(torch.arange(1, n + 1, dtype=dtype), case['p'], training=True)
    if kind == 'linear':
        layer = torch.nn.Linear(case['in'], case['out'])
        return torch.cat([layer.weight.detach().reshape(-1), layer.bias.detach()])
    if kind == 'conv2d':
        layer = torch.nn.Conv2d(case['in'], case['out'], case['kernel'])
        return torch.cat([layer.weight.detach().reshape(-1), layer.bias.detach()])
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

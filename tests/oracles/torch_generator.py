"""Oracle for OneSeed.Compat.TorchGenerator and the torch samplers: torch 1.13's CPU generator, live.

Requests (see oracle_common.serve):
  op "calls": case {"seed": int | "state": base64, "calls": [[name, *args], ...]} ->
      {"outputs": [one per call], "state": base64 of g.get_state() after the calls, "initial_seed": int}
      names: rand n | rand_double n | randn n | randn_double n | uniform from to n | uniform_double from to n |
             normal mean std n | normal_double mean std n | randint low high n | randperm n | random_ |
             bernoulli p n | manual_seed s | get_state | set_state base64 | initial_seed
      float32 values travel as their 32-bit patterns, float64 as 64-bit patterns.
  op "random_sampler": case {"seed", "n", "replacement", "num_samples" (or null), "epochs"} ->
      {"epochs": [list(sampler) per epoch], "state": base64}
  op "json_round_trip": case {"json": TorchGenerator.GetStateJson(), "n": int} -> {"rand": float32 bits of
      torch.rand(n) from the generator tools/state_json.py loads, "json": state_json.dumps of it afterwards}
  op "distributed_sampler": case {"n", "num_replicas", "rank", "shuffle", "seed", "drop_last", "epochs": [e, ...]} ->
      {"epochs": [list(sampler) after set_epoch(e) per e]}
"""
import base64
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from oracle_common import serve  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'tools'))
import state_json  # noqa: E402

import torch  # noqa: E402
from torch.utils.data import RandomSampler  # noqa: E402
from torch.utils.data.distributed import DistributedSampler  # noqa: E402

torch.set_num_threads(1)
M32 = (1 << 32) - 1
M64 = (1 << 64) - 1


def f32_bits(t):
    return [v & M32 for v in t.view(torch.int32).tolist()]


def f64_bits(t):
    return [v & M64 for v in t.view(torch.int64).tolist()]


def get_state(g):
    return base64.b64encode(bytes(g.get_state().tolist())).decode('ascii')


def set_state(g, text):
    g.set_state(torch.tensor(list(base64.b64decode(text)), dtype=torch.uint8))


def new_generator(case):
    g = torch.Generator()
    if 'state' in case and case['state'] is not None:
        set_state(g, case['state'])
    else:
        g.manual_seed(case['seed'])
    return g


def call(g, name, args):
    if name == 'rand':
        return f32_bits(torch.rand(args[0], generator=g))
    if name == 'rand_double':
        return f64_bits(torch.rand(args[0], dtype=torch.float64, generator=g))
    if name == 'randn':
        return f32_bits(torch.randn(args[0], generator=g))
    if name == 'randn_double':
        return f64_bits(torch.randn(args[0], dtype=torch.float64, generator=g))
    if name == 'uniform':
        return f32_bits(torch.empty(args[2]).uniform_(args[0], args[1], generator=g))
    if name == 'uniform_double':
        return f64_bits(torch.empty(args[2], dtype=torch.float64).uniform_(args[0], args[1], generator=g))
    if name == 'normal':
        return f32_bits(torch.empty(args[2]).normal_(args[0], args[1], generator=g))
    if name == 'normal_double':
        return f64_bits(torch.empty(args[2], dtype=torch.float64).normal_(args[0], args[1], generator=g))
    if name == 'randint':
        return torch.randint(args[0], args[1], (args[2],), dtype=torch.int64, generator=g).tolist()
    if name == 'randperm':
        return torch.randperm(args[0], generator=g).tolist()
    if name == 'random_':
        return int(torch.empty((), dtype=torch.int64).random_(generator=g).item())
    if name == 'bernoulli':
        return [int(v) for v in torch.empty(args[1], dtype=torch.float64).bernoulli_(args[0], generator=g).tolist()]
    if name == 'manual_seed':
        g.manual_seed(args[0])
        return None
    if name == 'get_state':
        return get_state(g)
    if name == 'set_state':
        set_state(g, args[0])
        return None
    if name == 'initial_seed':
        return g.initial_seed()
    raise ValueError('unknown call ' + name)


def calls(case):
    g = new_generator(case)
    outputs = [call(g, c[0], c[1:]) for c in case['calls']]
    return {'outputs': outputs, 'state': get_state(g), 'initial_seed': g.initial_seed()}


def random_sampler(case):
    g = new_generator(case)
    sampler = RandomSampler(range(case['n']), replacement=case['replacement'],
                            num_samples=case.get('num_samples'), generator=g)
    epochs = [list(sampler) for _ in range(case['epochs'])]
    return {'epochs': epochs, 'state': get_state(g)}


def distributed_sampler(case):
    sampler = DistributedSampler(range(case['n']), num_replicas=case['num_replicas'], rank=case['rank'],
                                 shuffle=case['shuffle'], seed=case['seed'], drop_last=case['drop_last'])
    out = []
    for e in case['epochs']:
        sampler.set_epoch(e)
        out.append(list(sampler))
    return {'epochs': out, 'len': len(sampler)}


def json_round_trip(case):
    g = state_json.loads(case['json'])
    values = f32_bits(torch.rand(case['n'], generator=g))
    return {'rand': values, 'json': state_json.dumps(g)}


HANDLERS = {'json_round_trip': json_round_trip, 'calls': calls, 'random_sampler': random_sampler, 'distributed_sampler': distributed_sampler}

if __name__ == '__main__':
    serve(HANDLERS)

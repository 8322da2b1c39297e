"""Oracle for OneSeed.Compat.PythonRandom: CPython's random.Random, driven by a list of operations.

A case is {"seed": {"kind": "int"|"str"|"bytes", "value": int | str | hex}, "ops": [op, ...]} or, for state
round trips, {"state": <OneSeed state JSON text>, "ops": [...]}. Each op is [name, args...] with doubles sent as
their IEEE-754 bits; the result of each op is an int, a list of ints, or double bits (see OPS). The result also has
"state": the final state through tools/state_json.dumps, and, when the case has "ops2", the results of ops2 after
that state ("state" is then the state between ops and ops2, and "state2" the final one).
"""
import os
import random
import struct
import sys

from oracle_common import serve, f64_bits

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
import state_json  # noqa: E402


def f64(bits):
    return struct.unpack('<d', struct.pack('<Q', bits))[0]


def opt_f64(bits):
    return None if bits is None else f64(bits)


OPS = {
    'random': lambda r, n: [f64_bits(r.random()) for _ in range(n)],
    'getrandbits': lambda r, k: r.getrandbits(k),
    'randbytes': lambda r, n: list(r.randbytes(n)),
    'randrange1': lambda r, stop: r.randrange(stop),
    'randrange': lambda r, start, stop, step: r.randrange(start, stop, step),
    'randint': lambda r, a, b: r.randint(a, b),
    'choice': lambda r, n: r.choice(list(range(n))),
    'shuffle': lambda r, n: _shuffled(r, n),
    'sample': lambda r, n, k: r.sample(range(n), k),
    'uniform': lambda r, a, b: f64_bits(r.uniform(f64(a), f64(b))),
    'gauss': lambda r, mu, sigma: f64_bits(r.gauss(f64(mu), f64(sigma))),
    'normalvariate': lambda r, mu, sigma: f64_bits(r.normalvariate(f64(mu), f64(sigma))),
    'expovariate': lambda r, lambd: f64_bits(r.expovariate(f64(lambd))),
    'triangular': lambda r, low, high, mode: f64_bits(r.triangular(f64(low), f64(high), opt_f64(mode))),
}


def _shuffled(r, n):
    x = list(range(n))
    r.shuffle(x)
    return x


def make(seed):
    kind, value = seed['kind'], seed['value']
    if kind == 'int':
        return random.Random(value)
    if kind == 'str':
        return random.Random(value)
    if kind == 'bytes':
        return random.Random(bytes.fromhex(value))
    raise ValueError(kind)


def apply(r, ops):
    return [OPS[op[0]](r, *op[1:]) for op in ops]


def run(case):
    r = make(case['seed']) if 'seed' in case else state_json.loads(case['state'])
    result = {'results': apply(r, case['ops']), 'state': state_json.dumps(r)}
    if 'ops2' in case:
        result['results2'] = apply(r, case['ops2'])
        result['state2'] = state_json.dumps(r)
    return result


if __name__ == '__main__':
    serve({'run': run})

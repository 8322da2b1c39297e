#!/usr/bin/env python3
"""Moves random-generator state between Python and OneSeed (.NET) as JSON, bit for bit.

Formats (what OneSeed's GetStateJson/SetStateJson read and write):
  * NumPy bit generators (MT19937, PCG64, PCG64DXSM, Philox, SFC64): the `bit_generator.state` dict, arrays as lists.
  * np.random.Generator: its bit generator's state (as above).
  * np.random.RandomState: `get_state(legacy=False)`: the MT19937 dict plus `has_gauss` and `gauss`.
  * random.Random (CPython): {"bit_generator": "CPython.random", "version": 3,
    "internalstate": [624 key words + index], "gauss_next": float or null}.
  * torch.Generator (CPU): {"bit_generator": "torch.CPUGenerator", "state": base64 of the 5056 bytes of
    g.get_state()} (OneSeed's TorchGenerator).
Integers of any size are plain JSON numbers; floats use Python's exact shortest repr.

Library use (import from tools/):
    from state_json import dumps, loads
    text = dumps(np.random.default_rng(42))       # -> JSON for OneSeed's SetStateJson
    rng = loads(text_from_dotnet)                   # -> a generator that continues the .NET stream

Command line:
    python3 tools/state_json.py dump  KIND SEED        # KIND: random | RandomState | PCG64 | PCG64DXSM | Philox | SFC64 | MT19937
    python3 tools/state_json.py next  FILE [N]         # load a state saved by OneSeed and print its next N raw values
"""
import json
import sys

CPYTHON_RANDOM = 'CPython.random'
TORCH_CPU = 'torch.CPUGenerator'
_UINT64_ARRAYS = {('Philox', 'counter'), ('Philox', 'key'), ('SFC64', 'state')}


def _plain(value):
    """Converts numpy arrays and scalars inside a state dict to plain Python ints/floats/lists."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, 'tolist'):
        return value.tolist()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _is_torch_generator(generator):
    module = type(generator).__module__ or ''
    return module.startswith('torch') and type(generator).__name__ == 'Generator'


def to_obj(generator):
    """The JSON-ready dict for a random.Random, RandomState, Generator, NumPy bit generator or CPU torch.Generator."""
    import random
    if _is_torch_generator(generator):
        import base64
        return {'bit_generator': TORCH_CPU, 'state': base64.b64encode(bytes(generator.get_state().tolist())).decode('ascii')}
    if isinstance(generator, random.Random):
        version, internal, gauss_next = generator.getstate()
        return {'bit_generator': CPYTHON_RANDOM, 'version': version,
                'internalstate': list(internal), 'gauss_next': gauss_next}
    import numpy as np
    if isinstance(generator, np.random.RandomState):
        return _plain(generator.get_state(legacy=False))
    if isinstance(generator, np.random.Generator):
        generator = generator.bit_generator
    return _plain(generator.state)


def dumps(generator):
    return json.dumps(to_obj(generator))


def _numpy_state(data):
    """A NumPy-acceptable state dict from JSON data (arrays back to typed ndarrays)."""
    import numpy as np
    name = data['bit_generator']
    state = dict(data)
    state.pop('oneseed_state_version', None)
    inner = dict(state['state'])
    for key, value in inner.items():
        if isinstance(value, list):
            dtype = np.uint64 if (name, key) in _UINT64_ARRAYS else np.uint32
            inner[key] = np.array(value, dtype=dtype)
    state['state'] = inner
    if name == 'Philox':
        state['buffer'] = np.array(state['buffer'], dtype=np.uint64)
    return state


def loads(text, kind=None):
    """A Python generator continuing the stream described by `text`.

    kind: None (a bit generator, or random.Random for CPython states), 'RandomState', or 'Generator'.
    """
    data = json.loads(text) if isinstance(text, str) else text
    name = data['bit_generator']
    if name == CPYTHON_RANDOM:
        import random
        r = random.Random()
        r.setstate((data['version'], tuple(data['internalstate']), data['gauss_next']))
        return r
    if name == TORCH_CPU:
        import base64
        import torch
        g = torch.Generator()
        g.set_state(torch.tensor(list(base64.b64decode(data['state'])), dtype=torch.uint8))
        return g
    import numpy as np
    state = _numpy_state(data)
    if kind == 'RandomState' or (kind is None and 'has_gauss' in state):
        rs = np.random.RandomState()
        rs.set_state(state)
        return rs
    bit_generator = getattr(np.random, name)()
    bit_generator.state = state
    return np.random.Generator(bit_generator) if kind == 'Generator' else bit_generator


def _main(argv):
    if len(argv) >= 3 and argv[0] == 'dump':
        kind, seed = argv[1], int(argv[2])
        import random
        import numpy as np
        if kind == 'random':
            print(dumps(random.Random(seed)))
        elif kind == 'RandomState':
            print(dumps(np.random.RandomState(seed)))
        else:
            print(dumps(getattr(np.random, kind)(seed)))
        return 0
    if len(argv) >= 2 and argv[0] == 'next':
        with open(argv[1]) as f:
            generator = loads(f.read())
        n = int(argv[2]) if len(argv) > 2 else 5
        if hasattr(generator, 'getrandbits'):
            print([generator.getrandbits(32) for _ in range(n)])
        elif hasattr(generator, 'random_raw'):
            print([int(v) for v in generator.random_raw(n)])
        else:
            print(generator.random_sample(n).tolist())
        return 0
    print(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(_main(sys.argv[1:]))

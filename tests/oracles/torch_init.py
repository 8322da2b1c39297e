"""Oracle for OneSeed.Compat.TorchInit and TorchGenerator.Dropout: torch 1.13's nn.init, nn.Linear/nn.Conv2d defaults
and F.dropout on the CPU, drawing from the default generator after torch.manual_seed(seed), live.

Floats travel as their bit patterns (float32 as 32 bits, float64 and every scalar parameter as 64 bits).

Requests (see oracle_common.serve):
  op "init": case {"seed", "dtype": "float32" | "float64", "shape": [...], "fn", "args": {name: f64 bits | str}} ->
      {"values": bits, "state": base64 of torch.get_rng_state()} or an error (below);
      fn: uniform (a, b) | normal (mean, std) | trunc_normal (mean, std, a, b) | xavier_uniform (gain) |
          xavier_normal (gain) | kaiming_uniform (a, mode, nonlinearity) | kaiming_normal (a, mode, nonlinearity);
      an argument left out takes torch's default.
  op "gain": case {"nonlinearity": str, "param": f64 bits | null} -> {"gain": f64 bits} or an error
  op "fans": case {"shape"} -> {"fan_in", "fan_out"} or an error
  op "linear": case {"seed", "in", "out", "bias"} -> {"weight", "shape", "bias": bits | null, "state"} or an error
  op "conv2d": case {"seed", "in", "out", "kh", "kw", "bias", "groups"} -> as "linear"; "bias" is null when fan_in is 0
      (torch leaves it uninitialised)
  op "dropout": case {"seed", "dtype", "p": f64 bits, "input": bits} -> {"values", "state"} or an error
  op "erfinv_file": case {"dtype", "in_path", "out_path"}: torch.erfinv of the raw little-endian values in in_path,
      written to out_path -> {}
  An error is {"error": exception type name, "message", "state_changed": whether the default generator moved}.
"""
import base64
import os
import struct
import sys
import warnings

sys.path.insert(0, os.path.dirname(__file__))
from oracle_common import serve  # noqa: E402

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

torch.set_num_threads(1)
warnings.simplefilter('ignore')
M32 = (1 << 32) - 1
M64 = (1 << 64) - 1
DTYPES = {'float32': torch.float32, 'float64': torch.float64}


def bits_of(t):
    if t.dtype == torch.float32:
        return [v & M32 for v in t.contiguous().view(torch.int32).reshape(-1).tolist()]
    return [v & M64 for v in t.contiguous().view(torch.int64).reshape(-1).tolist()]


def tensor_from_bits(bits, dtype):
    if dtype == torch.float32:
        ints = [b - (1 << 32) if b >= 1 << 31 else b for b in bits]
        return torch.tensor(ints, dtype=torch.int32).view(torch.float32)
    ints = [b - (1 << 64) if b >= 1 << 63 else b for b in bits]
    return torch.tensor(ints, dtype=torch.int64).view(torch.float64)


def f64(b):
    return struct.unpack('<d', struct.pack('<Q', b))[0]


def f64_bits(x):
    return struct.unpack('<Q', struct.pack('<d', float(x)))[0]


def rng_state():
    return base64.b64encode(bytes(torch.get_rng_state().tolist())).decode('ascii')


def guarded(body):
    """Runs body(); on an exception reports it and whether the default generator's state changed."""
    before = torch.get_rng_state()
    try:
        return body()
    except Exception as e:  # noqa: BLE001 - every refusal is reported to the test
        return {'error': type(e).__name__, 'message': str(e), 'state_changed': not torch.equal(before, torch.get_rng_state())}


def scalar_args(args):
    return {k: (v if isinstance(v, str) else f64(v)) for k, v in args.items()}


INIT = {
    'uniform': nn.init.uniform_, 'normal': nn.init.normal_, 'trunc_normal': nn.init.trunc_normal_,
    'xavier_uniform': nn.init.xavier_uniform_, 'xavier_normal': nn.init.xavier_normal_,
    'kaiming_uniform': nn.init.kaiming_uniform_, 'kaiming_normal': nn.init.kaiming_normal_,
}


def init(case):
    torch.manual_seed(case['seed'])
    t = torch.empty(case['shape'], dtype=DTYPES[case['dtype']])

    def body():
        INIT[case['fn']](t, **scalar_args(case.get('args', {})))
        return {'values': bits_of(t), 'state': rng_state()}

    return guarded(body)


def gain(case):
    param = case.get('param')

    def body():
        return {'gain': f64_bits(nn.init.calculate_gain(case['nonlinearity'], None if param is None else f64(param)))}

    return guarded(body)


def fans(case):
    def body():
        fan_in, fan_out = nn.init._calculate_fan_in_and_fan_out(torch.empty(case['shape']))
        return {'fan_in': fan_in, 'fan_out': fan_out}

    return guarded(body)


def layer_result(layer, bias_defined=True):
    bias = None
    if layer.bias is not None and bias_defined:
        bias = bits_of(layer.bias.detach())
    return {'weight': bits_of(layer.weight.detach()), 'shape': list(layer.weight.shape), 'bias': bias, 'state': rng_state()}


def linear(case):
    torch.manual_seed(case['seed'])
    return guarded(lambda: layer_result(nn.Linear(case['in'], case['out'], bias=case['bias'])))


def conv2d(case):
    torch.manual_seed(case['seed'])

    def body():
        layer = nn.Conv2d(case['in'], case['out'], (case['kh'], case['kw']), groups=case['groups'], bias=case['bias'])
        fan_in = (case['in'] // case['groups']) * case['kh'] * case['kw']
        return layer_result(layer, fan_in != 0)

    return guarded(body)


def dropout(case):
    torch.manual_seed(case['seed'])
    dtype = DTYPES[case['dtype']]
    x = tensor_from_bits(case['input'], dtype)
    return guarded(lambda: {'values': bits_of(F.dropout(x, f64(case['p']), training=True)), 'state': rng_state()})


def erfinv_file(case):
    dtype = DTYPES[case['dtype']]
    with open(case['in_path'], 'rb') as f:
        data = bytearray(f.read())
    x = torch.frombuffer(data, dtype=dtype)
    with open(case['out_path'], 'wb') as f:
        f.write(torch.erfinv(x).numpy().tobytes())
    return {}


HANDLERS = {'init': init, 'gain': gain, 'fans': fans, 'linear': linear, 'conv2d': conv2d, 'dropout': dropout,
            'erfinv_file': erfinv_file}

if __name__ == '__main__':
    serve(HANDLERS)

"""Writes tests/OneSeed.Tests/GoldenVectors/torch_init.json from Debian's torch 1.13: nn.init initialisers, gains,
fans, the default nn.Linear / nn.Conv2d parameters and F.dropout, each case with the oracle's answer ("expected").

Run with /usr/bin/python3 (which sees python3-torch):  /usr/bin/python3 tests/oracles/make_golden_torch_init.py
"""
import base64
import hashlib
import math
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(__file__))
import torch  # noqa: E402
from oracle_common import write_golden  # noqa: E402
from torch_init import HANDLERS  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), '..', 'OneSeed.Tests', 'GoldenVectors', 'torch_init.json')


def b(x):
    return struct.unpack('<Q', struct.pack('<d', float(x)))[0]


def b32(x):
    return struct.unpack('<I', struct.pack('<f', float(x)))[0]


def init_cases():
    cases = []
    shapes = [[3, 5], [16, 4], [7, 3, 2], [2, 3, 4, 5], [2, 2, 3, 1, 2], [12, 20], [0, 4]]
    flat = [[], [1], [15], [16], [17], [100], [4, 5]]
    for dtype in ['float32', 'float64']:
        for i, shape in enumerate(flat):
            seed = 100 + i
            cases.append({'seed': seed, 'dtype': dtype, 'shape': shape, 'fn': 'uniform', 'args': {'a': b(-1.5), 'b': b(2.25)}})
            cases.append({'seed': seed, 'dtype': dtype, 'shape': shape, 'fn': 'normal', 'args': {'mean': b(0.5), 'std': b(1.75)}})
            cases.append({'seed': seed, 'dtype': dtype, 'shape': shape, 'fn': 'trunc_normal', 'args': {}})
            cases.append({'seed': seed, 'dtype': dtype, 'shape': shape, 'fn': 'trunc_normal',
                          'args': {'mean': b(1.0), 'std': b(0.3), 'a': b(0.5), 'b': b(float('inf'))}})
        for i, shape in enumerate(shapes):
            seed = 200 + i
            cases.append({'seed': seed, 'dtype': dtype, 'shape': shape, 'fn': 'xavier_uniform', 'args': {}})
            cases.append({'seed': seed, 'dtype': dtype, 'shape': shape, 'fn': 'xavier_normal', 'args': {'gain': b(5 / 3)}})
            cases.append({'seed': seed, 'dtype': dtype, 'shape': shape, 'fn': 'kaiming_uniform', 'args': {}})
            cases.append({'seed': seed, 'dtype': dtype, 'shape': shape, 'fn': 'kaiming_uniform',
                          'args': {'a': b(math.sqrt(5)), 'mode': 'fan_out', 'nonlinearity': 'leaky_relu'}})
            cases.append({'seed': seed, 'dtype': dtype, 'shape': shape, 'fn': 'kaiming_normal',
                          'args': {'mode': 'fan_in', 'nonlinearity': 'relu'}})
            cases.append({'seed': seed, 'dtype': dtype, 'shape': shape, 'fn': 'kaiming_normal',
                          'args': {'a': b(0.2), 'mode': 'FAN_OUT', 'nonlinearity': 'tanh'}})
    # Refusals.
    cases.append({'seed': 1, 'dtype': 'float32', 'shape': [5], 'fn': 'kaiming_uniform', 'args': {}})
    cases.append({'seed': 1, 'dtype': 'float32', 'shape': [5], 'fn': 'trunc_normal', 'args': {'std': b(0)}})
    cases.append({'seed': 1, 'dtype': 'float64', 'shape': [2, 2], 'fn': 'uniform', 'args': {'a': b(1), 'b': b(0)}})
    return cases


def gain_cases():
    names = ['linear', 'conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d', 'conv_transpose3d',
             'sigmoid', 'tanh', 'relu', 'leaky_relu', 'selu', 'gelu']
    cases = [{'nonlinearity': n, 'param': None} for n in names]
    cases += [{'nonlinearity': 'leaky_relu', 'param': b(x)} for x in [0.0, 0.2, math.sqrt(5), -3.0, 1e200, float('inf')]]
    return cases


def fans_cases():
    return [{'shape': s} for s in [[], [3], [3, 4], [3, 4, 5], [6, 0, 2], [2, 3, 4, 5, 6], [0, 0]]]


def linear_cases():
    return [{'seed': s, 'in': i, 'out': o, 'bias': bias}
            for s, i, o, bias in [(0, 3, 5, True), (42, 20, 7, True), (7, 1, 1, True), (3, 0, 4, True), (9, 5, 0, True),
                                  (11, 64, 32, False), (2**40 + 3, 100, 10, True)]]


def conv2d_cases():
    return [{'seed': s, 'in': i, 'out': o, 'kh': kh, 'kw': kw, 'bias': bias, 'groups': g}
            for s, i, o, kh, kw, bias, g in [(0, 3, 8, 3, 3, True, 1), (42, 4, 6, 1, 5, True, 2), (5, 8, 8, 3, 3, False, 8),
                                             (6, 0, 4, 3, 3, True, 1), (7, 2, 2, 0, 3, True, 1), (8, 16, 4, 7, 7, True, 4)]]


def dropout_cases():
    cases = []
    values = [1.5, -2.0, 0.0, -0.0, float('inf'), float('-inf'), float('nan'), 3.25, -1e-3, 7.0]
    for dtype, conv in [('float32', b32), ('float64', b)]:
        for n in [0, 5, 16, 17, 40]:
            for p in [0.0, 0.1, 0.5, 0.999, 1.0]:
                inputs = [conv(values[(i * 3) % len(values)] * (1 + i / 7)) for i in range(n)]
                cases.append({'seed': 300 + n, 'dtype': dtype, 'p': b(p), 'input': inputs})
    cases.append({'seed': 1, 'dtype': 'float32', 'p': b(1.5), 'input': [b32(1.0)]})
    return cases


def with_expected(op, cases):
    for c in cases:
        expected = HANDLERS[op](c)
        if 'state' in expected:
            # The 5056-byte state as its SHA-256 (the test hashes its own), to keep the file small.
            expected['state_sha256'] = hashlib.sha256(base64.b64decode(expected.pop('state'))).hexdigest()
        c['expected'] = expected
    return cases


if __name__ == '__main__':
    torch.set_num_threads(1)
    write_golden(OUT, {
        'torch': torch.__version__,
        'init': with_expected('init', init_cases()),
        'gain': with_expected('gain', gain_cases()),
        'fans': with_expected('fans', fans_cases()),
        'linear': with_expected('linear', linear_cases()),
        'conv2d': with_expected('conv2d', conv2d_cases()),
        'dropout': with_expected('dropout', dropout_cases()),
    })

"""torchvision 0.14's random transforms on tensors, for the OneSeed.TorchVision tests.

Request: {"op": "apply" | "get_params", "images": [{"shape": [...], "dtype": "uint8" | "float32", "data": base64}],
"cases": [...]}. Each case names a transform ("t"), its keyword arguments ("kw", JSON-friendly: tuples as lists,
interpolation as a string), a seed, an image index and a number of calls.

- apply: after torch.manual_seed(seed) and random.seed(seed), calls the transform "calls" times on the image and returns
  each output (shape, dtype, base64 of the raw bytes) and the SHA-256 of torch's generator state afterwards.
- perspective: F_t.perspective of the image with the given coefficients, interpolation and fill.
- get_params: after torch.manual_seed(seed), calls the transform's static get_params "calls" times and returns the
  values (floats as their float64 bits) and the state hash.
"""
import base64
import hashlib
import random
import sys

import torch
import torchvision.transforms as T
from torchvision.transforms import InterpolationMode

import json

from oracle_common import f64_bits, read_request

DTYPES = {'uint8': torch.uint8, 'float32': torch.float32, 'float64': torch.float64}
NAMES = {torch.uint8: 'uint8', torch.float32: 'float32', torch.float64: 'float64'}


def decode_image(spec):
    raw = bytearray(base64.b64decode(spec['data']))
    flat = torch.frombuffer(raw, dtype=DTYPES[spec['dtype']]).clone() if raw else torch.empty(0, dtype=DTYPES[spec['dtype']])
    return flat.reshape(spec['shape'])


def encode_tensor(t):
    t = t.contiguous()
    return {'shape': list(t.shape), 'dtype': NAMES[t.dtype], 'data': base64.b64encode(t.numpy().tobytes()).decode('ascii')}


def state_hash():
    return hashlib.sha256(bytes(torch.get_rng_state().tolist())).hexdigest()


def kwargs(kw):
    out = {}
    for key, value in kw.items():
        if key == 'interpolation':
            value = InterpolationMode(value)
        elif isinstance(value, list) and key not in ('fill', 'padding'):
            value = tuple(value)
        out[key] = value
    return out


def build(spec):
    name = spec['t']
    kw = kwargs(spec.get('kw', {}))
    if name in ('RandomApply', 'RandomChoice', 'RandomOrder'):
        inner = [build(s) for s in spec['inner']]
        return getattr(T, name)(inner, **kw)
    return getattr(T, name)(**kw)


def apply_case(case, images):
    img = images[case['image']]
    transform = build(case)
    torch.manual_seed(case['seed'])
    random.seed(case['seed'])
    outputs = []
    for _ in range(case.get('calls', 1)):
        outputs.append(encode_tensor(transform(img.clone())))
    return {'outputs': outputs, 'state': state_hash()}


def flat(value):
    """get_params results as a flat list of numbers (ints as ints, floats as float64 bits, None as null)."""
    if value is None:
        return [None]
    if isinstance(value, torch.Tensor):
        if value.dtype.is_floating_point:
            return [f64_bits(v) for v in value.reshape(-1).tolist()]
        return [int(v) for v in value.reshape(-1).tolist()]
    if isinstance(value, (list, tuple)):
        return [x for v in value for x in flat(v)]
    if isinstance(value, bool):
        return [int(value)]
    if isinstance(value, int):
        return [value]
    return [f64_bits(value)]


def get_params_case(case, images):
    name = case['t']
    a = case['args']
    torch.manual_seed(case['seed'])
    results = []
    for _ in range(case.get('calls', 1)):
        if name == 'RandomCrop':
            r = T.RandomCrop.get_params(images[case['image']], tuple(a['output_size']))
        elif name == 'RandomResizedCrop':
            r = T.RandomResizedCrop.get_params(images[case['image']], a['scale'], a['ratio'])
        elif name == 'RandomErasing':
            img = images[case['image']]
            r = T.RandomErasing.get_params(img, a['scale'], a['ratio'], a.get('value'))
            if r[4] is img:
                results.append(flat(r[:4]) + ['img'])
                continue
        elif name == 'RandomRotation':
            r = T.RandomRotation.get_params(a['degrees'])
        elif name == 'RandomAffine':
            r = T.RandomAffine.get_params(a['degrees'], a.get('translate'), a.get('scale_ranges'), a.get('shears'), a['img_size'])
        elif name == 'RandomPerspective':
            r = T.RandomPerspective.get_params(a['width'], a['height'], a['distortion_scale'])
        elif name == 'ColorJitter':
            r = T.ColorJitter.get_params(a.get('brightness'), a.get('contrast'), a.get('saturation'), a.get('hue'))
        elif name == 'GaussianBlur':
            r = T.GaussianBlur.get_params(a['sigma_min'], a['sigma_max'])
        else:
            raise ValueError(name)
        results.append(flat(r))
    return {'params': results, 'state': state_hash()}


def perspective_case(case, images):
    """F_t.perspective with the coefficients given (RandomPerspective's pixels without torch's float32 lstsq), and the
    exact (float64) solution of torchvision's system for the points, and torchvision's own float32 one."""
    import torchvision.transforms.functional as F
    import torchvision.transforms.functional_tensor as F_t
    img = images[case['image']]
    out = F_t.perspective(img.clone(), case['coeffs'], interpolation=case['interpolation'], fill=case['fill'])
    start, end = case['startpoints'], case['endpoints']
    a = torch.zeros(8, 8, dtype=torch.float64)
    for i, (p1, p2) in enumerate(zip(end, start)):
        a[2 * i, :] = torch.tensor([p1[0], p1[1], 1, 0, 0, 0, -p2[0] * p1[0], -p2[0] * p1[1]], dtype=torch.float64)
        a[2 * i + 1, :] = torch.tensor([0, 0, 0, p1[0], p1[1], 1, -p2[1] * p1[0], -p2[1] * p1[1]], dtype=torch.float64)
    b = torch.tensor(start, dtype=torch.float64).view(8)
    return {'outputs': [encode_tensor(out)], 'exact': [f64_bits(v) for v in torch.linalg.solve(a, b).tolist()],
            'torchvision': [f64_bits(v) for v in F._get_perspective_coeffs(start, end)]}


def perspective_coeffs_case(case, images):
    """F._get_perspective_coeffs alone (float32 lstsq through the LAPACK torch links), for any image size."""
    import torchvision.transforms.functional as F
    return [f64_bits(v) for v in F._get_perspective_coeffs(case['startpoints'], case['endpoints'])]


def gels_case(case, images):
    """torch.linalg.lstsq(driver="gels") of a float32 m x n system (m >= n; A given column by column as float32 bits),
    the solution's float32 bits, or None when torch refuses it (rank-deficient)."""
    import struct
    m, n = case['m'], case['n']
    f32 = lambda bits: struct.unpack('<f', struct.pack('<I', bits))[0]
    a = torch.tensor([f32(v) for v in case['a']], dtype=torch.float32).view(n, m).t()
    b = torch.tensor([f32(v) for v in case['b']], dtype=torch.float32)
    try:
        x = torch.linalg.lstsq(a, b, driver='gels').solution
    except RuntimeError:
        return None
    return [struct.unpack('<I', struct.pack('<f', v))[0] for v in x.tolist()]


def main():
    torch.set_num_threads(1)
    request = read_request()
    images = [decode_image(spec) for spec in request.get('images', [])]
    handler = {'apply': apply_case, 'get_params': get_params_case, 'perspective': perspective_case,
               'perspective_coeffs': perspective_coeffs_case, 'gels': gels_case}[request['op']]
    json.dump({'results': [handler(case, images) for case in request['cases']]}, sys.stdout)


if __name__ == '__main__':
    main()

"""Live oracle for OneSeed.TorchVision's augmentation policies (AutoAugment, RandAugment, TrivialAugmentWide, AugMix):
torchvision 0.14's own classes, asked for the operations and magnitudes they draw after torch.manual_seed (by
recording torchvision.transforms.autoaugment._apply_op and AugMix._sample_dirichlet), the generator state afterwards,
and the pixels they produce on the same uint8 images.

torch 1.13 picks its CPU kernels per capability; torch.linspace (the magnitude tables) gives last-bit differences
between the AVX2 and AVX-512 builds, and OneSeed reproduces the AVX2 build, so the capability is pinned before torch
is imported (a machine without AVX2 cannot run this oracle faithfully)."""
import base64
import hashlib
import os

os.environ.setdefault('ATEN_CPU_CAPABILITY', 'avx2')

import torch  # noqa: E402
import torchvision.transforms as T  # noqa: E402
import torchvision.transforms.autoaugment as A  # noqa: E402
from oracle_common import serve, f64_bits, f32_bits  # noqa: E402

POLICIES = {'imagenet': T.AutoAugmentPolicy.IMAGENET, 'cifar10': T.AutoAugmentPolicy.CIFAR10,
            'svhn': T.AutoAugmentPolicy.SVHN}
MODES = {'nearest': T.InterpolationMode.NEAREST, 'bilinear': T.InterpolationMode.BILINEAR}


def make(case):
    kind = case['kind']
    common = {'interpolation': MODES[case['interpolation']], 'fill': case.get('fill')}
    if kind == 'auto':
        return T.AutoAugment(POLICIES[case['policy']], **common)
    if kind == 'rand':
        return T.RandAugment(case['num_ops'], case['magnitude'], case['bins'], **common)
    if kind == 'trivial':
        return T.TrivialAugmentWide(case['bins'], **common)
    return T.AugMix(case['severity'], case['width'], case['depth'], float(case['alpha']), case['all_ops'], **common)


def state_digest():
    return hashlib.sha256(bytes(torch.get_rng_state().tolist())).hexdigest()


def image(case):
    raw = base64.b64decode(case['image'])
    return torch.frombuffer(bytearray(raw), dtype=torch.uint8).reshape(case['shape']).clone()


def draws(case):
    """The operations (name, magnitude bits) a transform applies to a zero image of the case's shape, the Dirichlet
    weights AugMix samples (float32 bits, row-major), and the generator's state digest afterwards."""
    steps, weights = [], []
    original_apply, original_dirichlet = A._apply_op, T.AugMix._sample_dirichlet

    def record_apply(img, op_name, magnitude, interpolation, fill):
        steps.append([op_name, f64_bits(magnitude)])
        return img

    def record_dirichlet(self, params):
        sample = original_dirichlet(self, params)
        weights.append([f32_bits(v) for v in sample.flatten().tolist()])
        return sample

    A._apply_op = record_apply
    T.AugMix._sample_dirichlet = record_dirichlet
    try:
        transform = make(case)
        torch.manual_seed(case['seed'])
        transform(torch.zeros(case['shape'], dtype=torch.uint8))
    finally:
        A._apply_op, T.AugMix._sample_dirichlet = original_apply, original_dirichlet
    return {'steps': steps, 'weights': weights, 'state': state_digest()}


def get_params(case):
    """AutoAugment.get_params(transform_num) after manual_seed, and the state digest afterwards."""
    torch.manual_seed(case['seed'])
    policy_id, probs, signs = T.AutoAugment.get_params(case['transform_num'])
    return {'policy_id': policy_id, 'probs': [f32_bits(p) for p in probs.tolist()],
            'signs': [int(s) for s in signs.tolist()], 'state': state_digest()}


def pixels(case):
    """The transform's output on the case's image after manual_seed, as base64 of its raw bytes."""
    transform = make(case)
    torch.manual_seed(case['seed'])
    out = transform(image(case))
    return base64.b64encode(out.contiguous().numpy().tobytes()).decode('ascii')


def synthetic_image(index, side):
    """The test datasets' image for a sample index (the C# side builds the same tensor)."""
    return ((torch.arange(3 * side * side) * 7 + index * 13) % 256).to(torch.uint8).view(3, side, side)


class _AugmentedImages(torch.utils.data.Dataset):
    """Synthetic images through RandAugment, TrivialAugmentWide and AugMix, drawing from the ambient torch generator."""

    def __init__(self, n, side):
        self.n, self.side = n, side
        self.transform = T.Compose([T.RandAugment(), T.TrivialAugmentWide(), T.AugMix()])

    def __len__(self):
        return self.n

    def __getitem__(self, index):
        return self.transform(synthetic_image(index, self.side)), index


def loader(case):
    """SHA-256 of each batch (image bytes, then the int64 labels) of torch's own DataLoader(generator=g) with the case's
    worker count, after torch.manual_seed(main_seed) (what the transforms draw from with no workers)."""
    from torch.utils.data import DataLoader
    torch.manual_seed(case['main_seed'])
    g = torch.Generator()
    g.manual_seed(case['seed'])
    data = DataLoader(_AugmentedImages(case['n'], case['side']), batch_size=case['b'], shuffle=case['shuffle'],
                      generator=g, num_workers=case['workers'])
    return [[hashlib.sha256(images.contiguous().numpy().tobytes() + labels.numpy().astype('<i8').tobytes()).hexdigest()
             for images, labels in data] for _ in range(case['epochs'])]


DTYPES = {'uint8': torch.uint8, 'float32': torch.float32, 'float64': torch.float64, 'int64': torch.int64}


def _build(desc):
    t = desc['t']
    if t == 'tensor':
        return torch.tensor(desc['data'], dtype=DTYPES[desc['dtype']]).reshape(desc['shape'])
    if t in ('float', 'int', 'bool', 'str'):
        return {'float': float, 'int': int, 'bool': bool, 'str': str}[t](desc['v'])
    if t == 'dict':
        return {k: _build(v) for k, v in desc['items'].items()}
    items = [_build(v) for v in desc['items']]
    return tuple(items) if t == 'tuple' else items


def _describe(value):
    if isinstance(value, torch.Tensor):
        data = value.flatten().tolist()
        if value.is_floating_point():
            data = [f64_bits(v) for v in data]
        elif value.dtype == torch.bool:
            data = [int(v) for v in data]
        return {'t': 'tensor', 'dtype': str(value.dtype).replace('torch.', ''), 'shape': list(value.shape), 'data': data}
    if isinstance(value, str):
        return {'t': 'str', 'v': value}
    if isinstance(value, dict):
        return {'t': 'dict', 'items': {k: _describe(v) for k, v in value.items()}}
    if isinstance(value, (list, tuple)):
        return {'t': 'list', 'items': [_describe(v) for v in value]}
    raise TypeError(type(value))


def collate(case):
    """torch 1.13's default_collate of the described samples, described back (tuples come back as lists)."""
    from torch.utils.data import default_collate
    return _describe(default_collate([_build(s) for s in case['samples']]))


def sample_torch_rng(case):
    """The documented Python equivalent of SampleContext.TorchRng: a generator whose Mersenne Twister key is
    SeedSequence(seed, spawn_key=(TAG, hash('sample'), epoch, index, TAG, hash('torch'))).generate_state(624) with
    key[0] = 0x80000000, in torch's state layout; then torch.rand(n, generator=g)."""
    import struct
    import numpy as np
    tag = 0x53656E4F

    def stable_hash(name):
        return int.from_bytes(hashlib.sha256(name.encode('utf-8')).digest()[:8], 'little')

    seq = np.random.SeedSequence(case['seed'], spawn_key=(tag, stable_hash('sample'), case['epoch'], case['index'],
                                                          tag, stable_hash('torch')))
    key = [int(k) for k in seq.generate_state(624, np.uint32)]
    key[0] = 0x80000000
    state = struct.pack('<QiiQ', int(seq.generate_state(1, np.uint64)[0]), 1, 1, 0)
    state += struct.pack('<624Q', *key) + bytes(torch.Generator().get_state().numpy().tobytes()[24 + 624 * 8:])
    g = torch.Generator()
    g.set_state(torch.tensor(list(state), dtype=torch.uint8))
    return [f32_bits(v) for v in torch.rand(case['n'], generator=g).tolist()]


def linspace(case):
    """torch.linspace(start, end, steps) in float32, as bits."""
    return [f32_bits(v) for v in torch.linspace(case['start'], case['end'], case['steps']).tolist()]


if __name__ == '__main__':
    serve({'draws': draws, 'get_params': get_params, 'pixels': pixels, 'loader': loader,
           'collate': collate, 'sample_torch_rng': sample_torch_rng,
           'linspace': linspace})

"""Live oracle: numpy.random.SeedSequence generate_state / spawn / named derivation, and MT19937 seeded through it or legacy-seeded."""
import hashlib
import numpy as np
from oracle_common import serve, int_list, next_uint32, next_uint64, next_double


def make_seq(case):
    entropy = case['entropy']
    if case.get('entropy_words') is not None:
        entropy = np.array(case['entropy_words'], dtype=np.uint32)
    return np.random.SeedSequence(entropy, spawn_key=tuple(case.get('spawn_key', [])),
                                  pool_size=case.get('pool_size', 4))


def generate(case):
    seq = make_seq(case)
    out = {
        'pool': int_list(seq.pool),
        'state32': int_list(seq.generate_state(case['words'], np.uint32)),
        'state64': int_list(seq.generate_state(case['words'], np.uint64)),
    }
    children = seq.spawn(case.get('children', 0))
    out['children'] = [{'spawn_key': [int(k) for k in c.spawn_key], 'state32': int_list(c.generate_state(4))}
                       for c in children]
    return out


def mt19937(case):
    if case['kind'] == 'seedseq':
        bg = np.random.MT19937(case['seed'])
    elif case['kind'] == 'legacy_int':
        bg = np.random.MT19937()
        bg._legacy_seeding(case['seed'])
    else:
        bg = np.random.MT19937()
        bg._legacy_seeding(np.array(case['key'], dtype=np.uint32))
    n = case['n']
    return {'u32': next_uint32(bg, n), 'u64': next_uint64(bg, n), 'f64': next_double(bg, n)}


DERIVATION_TAG = 0x53656E4F


def stable_hash(text):
    """OneSeed's StableHash.Hash64, as documented: the first 8 bytes of SHA-256 (UTF-8), little-endian."""
    return int.from_bytes(hashlib.sha256(text.encode('utf-8')).digest()[:8], 'little')


def derive(case):
    h = stable_hash(case['name'])
    seq = np.random.SeedSequence(case['entropy'], spawn_key=(*case.get('spawn_key', []), DERIVATION_TAG, h, *case['keys']))
    return {'hash': h, 'bucket': (h * case['buckets']) >> 64, 'state32': int_list(seq.generate_state(8))}


serve({'generate': generate, 'mt19937': mt19937, 'derive': derive})

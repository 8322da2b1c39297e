"""Writes GoldenVectors/seed_sequence.json and GoldenVectors/mt19937.json from NumPy.

Run: /usr/bin/python3 tests/oracles/make_golden_seeding.py   (needs Debian's python3-numpy)
"""
import os
import numpy as np
from oracle_common import write_golden, int_list, next_uint32, next_uint64, next_double

OUT = os.path.join(os.path.dirname(__file__), '..', 'OneSeed.Tests', 'GoldenVectors')


def seq_case(label, entropy, spawn_key=(), pool_size=4, words=8, entropy_words=None):
    ent = np.array(entropy_words, dtype=np.uint32) if entropy_words is not None else entropy
    seq = np.random.SeedSequence(ent, spawn_key=spawn_key, pool_size=pool_size)
    case = {'label': label, 'entropy': entropy, 'spawn_key': list(spawn_key), 'pool_size': pool_size, 'words': words,
            'pool': int_list(seq.pool), 'state32': int_list(seq.generate_state(words, np.uint32)),
            'state64': int_list(seq.generate_state(words, np.uint64))}
    if entropy_words is not None:
        case['entropy_words'] = entropy_words
    return case


seq_cases = [
    seq_case('zero', 0),
    seq_case('42', 42),
    seq_case('2^32-1', 2**32 - 1),
    seq_case('2^32', 2**32),
    seq_case('2^64+1', 2**64 + 1),
    seq_case('huge 300 bits', 2**300 - 12345),
    seq_case('spawned (0,)', 42, spawn_key=(0,)),
    seq_case('spawned (3, 7)', 42, spawn_key=(3, 7)),
    seq_case('spawn key over 2^32', 5, spawn_key=(2**40 + 3,)),
    seq_case('pool size 8', 42, pool_size=8, words=20),
    seq_case('word array', 0, entropy_words=[1, 2, 3, 4, 5, 6, 7]),
    seq_case('empty word array', 0, entropy_words=[]),
]
write_golden(os.path.join(OUT, 'seed_sequence.json'), {'cases': seq_cases})


def mt_case(label, bg, n=1300):
    # 1300 draws cross two twists (624 words each) for the 32-bit stream.
    return {'label': label, 'u32': next_uint32(bg, n), 'u64': next_uint64(bg, 5), 'f64': next_double(bg, 5)}


mt_cases = []
for seed in [0, 42, 2**32 - 1, 2**128 + 5]:
    c = mt_case(f'seedseq {seed}', np.random.MT19937(seed))
    c.update(kind='seedseq', seed=seed)
    mt_cases.append(c)
for seed in [0, 42, 2**32 - 1]:
    bg = np.random.MT19937()
    bg._legacy_seeding(seed)
    c = mt_case(f'legacy int {seed}', bg)
    c.update(kind='legacy_int', seed=seed)
    mt_cases.append(c)
# NumPy squeezes a one-element array to an integer seed (init_genrand), so init_by_array cases start at two words.
for key in [[0, 0], [1, 2, 3], list(range(700))]:
    bg = np.random.MT19937()
    bg._legacy_seeding(np.array(key, dtype=np.uint32))
    c = mt_case(f'legacy array of {len(key)}', bg)
    c.update(kind='legacy_array', key=key)
    mt_cases.append(c)
write_golden(os.path.join(OUT, 'mt19937.json'), {'cases': mt_cases})

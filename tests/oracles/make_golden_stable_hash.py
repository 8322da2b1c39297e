"""Writes GoldenVectors/stable_hash.json: StableHash.Hash64 values pinned forever (SHA-256, first 8 bytes, little-endian).

Run: /usr/bin/python3 tests/oracles/make_golden_stable_hash.py
"""
import hashlib
import os
from oracle_common import write_golden

OUT = os.path.join(os.path.dirname(__file__), '..', 'OneSeed.Tests', 'GoldenVectors', 'stable_hash.json')
names = ['', 'dropout', 'augment', 'data', 'weights', 'épreuve', '漢字']
write_golden(OUT, {'hashes': {n: int.from_bytes(hashlib.sha256(n.encode('utf-8')).digest()[:8], 'little') for n in names}})

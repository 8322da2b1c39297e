"""Live oracle for BitGeneratorRandom: its documented algorithms re-implemented in Python over NumPy's MT19937.

Next/NextInt64 ranges: Lemire's 64-bit multiply-and-reject on next_uint64 (NumPy's bounded_lemire_uint64);
NextDouble: next_double; NextBytes: little-endian bytes of next_uint64 draws.
"""
import numpy as np
from oracle_common import serve, f64_bits

MASK64 = (1 << 64) - 1


def lemire64(c, rng):
    rng_excl = rng + 1
    m = int(c.next_uint64(c.state)) * rng_excl
    leftover = m & MASK64
    if leftover < rng_excl:
        threshold = (MASK64 - rng) % rng_excl
        while leftover < threshold:
            m = int(c.next_uint64(c.state)) * rng_excl
            leftover = m & MASK64
    return m >> 64


def run(case):
    bg = np.random.MT19937(case['seed'])
    c = bg.ctypes
    out = []
    for op in case['ops']:
        kind = op[0]
        if kind == 'range':  # [low, high): the adapter maps it to lemire64(high - low - 1) when the span is > 1
            low, high = op[1], op[2]
            out.append(low if high - low <= 1 else low + lemire64(c, high - low - 1))
        elif kind == 'double':
            out.append(f64_bits(c.next_double(c.state)))
        else:  # bytes
            n = op[1]
            data = b''
            while len(data) < n:
                data += int(c.next_uint64(c.state)).to_bytes(8, 'little')
            out.append(list(data[:n]))
    return out


serve({'run': run})

"""Writes GoldenVectors/mt19937_jump.json from NumPy's MT19937.jumped().

Run: /usr/bin/python3 tests/oracles/make_golden_mt19937_jump.py   (needs Debian's python3-numpy)
"""
import os
from oracle_common import write_golden
from mt19937_jump import jumped

OUT = os.path.join(os.path.dirname(__file__), '..', 'OneSeed.Tests', 'GoldenVectors')

cases = []
# pre: 0 (fresh: SeedSequence pos 623, legacy pos 624), 1, 623 (pos 624 on a SeedSequence engine), a twist plus a bit.
for seed, legacy, pre, jumps in [
        (0, False, 0, 1), (42, False, 0, 0), (42, False, 0, 1), (42, False, 0, 2), (42, False, 0, 4),
        (42, False, 1, 1), (42, False, 623, 1), (42, False, 700, 3), (2**128 + 5, False, 17, 1),
        (0, True, 0, 1), (42, True, 0, 1), (42, True, 0, 2), (2**32 - 1, True, 624, 1), (7, True, 1000, 2)]:
    case = {'seed': seed, 'legacy': legacy, 'pre': pre, 'jumps': jumps, 'n': 700}
    result = jumped(case)
    # Only the stream and pos are stored; the key is checked live (it would make the file large).
    cases.append({**case, 'label': f"{'legacy' if legacy else 'seedseq'} {seed} after {pre} draws, {jumps} jumps",
                  'pos': result['pos'], 'u32': result['u32']})
write_golden(os.path.join(OUT, 'mt19937_jump.json'), {'cases': cases})

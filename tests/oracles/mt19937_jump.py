"""Oracle for MT19937.jumped(): NumPy's state and stream after draws then jumps.

Request case: {"seed": int, "legacy": bool, "pre": draws of next_uint32 before jumping, "jumps": j, "n": draws after}
Result: {"key": [624 words], "pos": p, "u32": [n words]} of the jumped generator (the original is not used again).
"""
import numpy as np
from oracle_common import serve, int_list, next_uint32


def make(case):
    if case['legacy']:
        bg = np.random.MT19937()
        bg._legacy_seeding(case['seed'])
    else:
        bg = np.random.MT19937(case['seed'])
    next_uint32(bg, case['pre'])
    return bg


def jumped(case):
    bg = make(case).jumped(case['jumps'])
    state = bg.state['state']
    result = {'key': int_list(state['key']), 'pos': int(state['pos'])}
    result['u32'] = next_uint32(bg, case['n'])
    return result


if __name__ == '__main__':
    serve({'jumped': jumped})

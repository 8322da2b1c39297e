"""Live oracle: np.random.default_rng(seed or word array) draws."""
import numpy as np
from oracle_common import serve, f64_list, int_list


def default_rng(case):
    seed = np.array(case['words'], dtype=np.uint32) if 'words' in case else case['seed']
    rng = np.random.default_rng(seed)
    n = case['n']
    return {'random': f64_list(rng.random(n)), 'integers': int_list(rng.integers(-5, 1000, n)),
            'normal': f64_list(rng.standard_normal(n))}


serve({'default_rng': default_rng})

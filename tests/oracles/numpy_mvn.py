"""Live oracle: Generator.multivariate_normal, RandomState.multivariate_normal, and the numpy.linalg factorizations
they call (svd, eigh, cholesky), from Debian's NumPy 1.24 on reference LAPACK 3.11.

Ops:
  generator: case = {"bitgen": name, "seed": int (SeedSequence entropy), "calls": [call, ...], "tail": n}
             -> {"results": [result per call], "state": JSON of the bit generator after, "tail_u64": n next_uint64}
  legacy:    case = {"seed": int (RandomState(seed)), "calls": [call, ...]}
             -> {"results": [result per call], "state": JSON of RandomState.get_state (gauss cache included)}
  linalg:    case = {"k": k, "cov_bits": [k*k, row-major], "methods": ["svd", "eigh", "cholesky"] (a subset)}
             -> {"svd": {"u", "s", "vh"} | {"error"}, "eigh": {"w", "v"} | {"error"}, "cholesky": {"l"} | {"error"}}

A call is {"mean_bits": [k], "cov_bits": [k*k, row-major], "size": n | null, "check_valid": s, "tol_bits": b,
"method": m (generator only), "normals_before": n (optional: standard_normal(n) first, whose values are not returned:
for the legacy Gaussian cache)}. Doubles travel as IEEE bits. A result is {"values": [bits, row-major], "warned":
whether NumPy warned that the covariance is not symmetric positive-semidefinite} or {"error": exception type name,
"message": text}.

On an error the generator's state is put back as it was before the call: NumPy draws its normals before it tests the
covariance (and before a failing factorization), OneSeed refuses before drawing, and the tests compare what follows.
"""
import os
import struct
import sys
import warnings

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
from oracle_common import serve, f64_list, next_uint64  # noqa: E402
import state_json  # noqa: E402


NOT_PSD = 'covariance is not symmetric positive-semidefinite.'


def bits_f64(b):
    return struct.unpack('<d', struct.pack('<Q', int(b)))[0]


def doubles(bits):
    return np.array(bits, dtype=np.uint64).view(np.float64)


def call_args(c):
    mean = doubles(c['mean_bits'])
    k = mean.shape[0]
    cov = doubles(c['cov_bits']).reshape(k, k)
    return mean, cov


def run_call(sample, normals, save, restore, c):
    mean, cov = call_args(c)
    if c.get('normals_before'):
        normals(c['normals_before'])
    saved = save()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter('always')
            values = sample(mean, cov, c)
        warned = any(issubclass(w.category, RuntimeWarning) and str(w.message) == NOT_PSD for w in caught)
        return {'values': f64_list(np.ravel(values)), 'warned': warned}
    except (ValueError, np.linalg.LinAlgError) as e:
        restore(saved)
        return {'error': type(e).__name__, 'message': str(e)}


def generator(case):
    g = np.random.Generator(getattr(np.random, case['bitgen'])(case['seed']))
    bg = g.bit_generator

    def sample(mean, cov, c):
        return g.multivariate_normal(mean, cov, c['size'], check_valid=c['check_valid'], tol=bits_f64(c['tol_bits']),
                                     method=c['method'])

    def restore(saved):
        bg.state = saved

    results = [run_call(sample, g.standard_normal, lambda: bg.state, restore, c) for c in case['calls']]
    state = state_json.dumps(bg)
    return {'results': results, 'state': state, 'tail_u64': next_uint64(bg, case.get('tail', 3))}


def legacy(case):
    rs = np.random.RandomState(case['seed'])

    def sample(mean, cov, c):
        return rs.multivariate_normal(mean, cov, c['size'], check_valid=c['check_valid'], tol=bits_f64(c['tol_bits']))

    results = [run_call(sample, rs.standard_normal, rs.get_state, rs.set_state, c) for c in case['calls']]
    return {'results': results, 'state': state_json.dumps(rs)}


def linalg(case):
    k = case['k']
    cov = doubles(case['cov_bits']).reshape(k, k)
    methods = case.get('methods', ['svd', 'eigh', 'cholesky'])
    out = {}
    if 'svd' in methods:
        try:
            u, s, vh = np.linalg.svd(cov)
            out['svd'] = {'u': f64_list(u.ravel()), 's': f64_list(s), 'vh': f64_list(vh.ravel())}
        except np.linalg.LinAlgError as e:
            out['svd'] = {'error': str(e)}
    if 'eigh' in methods:
        try:
            w, v = np.linalg.eigh(cov)
            out['eigh'] = {'w': f64_list(w), 'v': f64_list(v.ravel())}
        except np.linalg.LinAlgError as e:
            out['eigh'] = {'error': str(e)}
    if 'cholesky' in methods:
        try:
            out['cholesky'] = {'l': f64_list(np.linalg.cholesky(cov).ravel())}
        except np.linalg.LinAlgError as e:
            out['cholesky'] = {'error': str(e)}
    return out


if __name__ == '__main__':
    serve({'generator': generator, 'legacy': legacy, 'linalg': linalg})

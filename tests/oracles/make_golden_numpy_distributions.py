"""Writes GoldenVectors/numpy_distributions.json: every NumPy distribution of Generator and RandomState, in each
parameter regime whose algorithm differs, as NumPy 1.24 draws it.

Run: /usr/bin/python3 tests/oracles/make_golden_numpy_distributions.py   (needs Debian's python3-numpy)

Each case is a request of numpy_distributions.run (facade, bit generator, seed, calls) plus NumPy's answer, made by
the same code the live tests use; the C# test replays the requests and compares every value, the engine's next
draws and RandomState's Gaussian cache.
"""
import os
import struct

from oracle_common import write_golden
from numpy_distributions import run

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'OneSeed.Tests', 'GoldenVectors')


def f(x):
    return {'f': struct.unpack('<Q', struct.pack('<d', float(x)))[0]}


def i(x):
    return {'i': int(x)}


def call(m, *args, size=60, **kw):
    c = {'m': m, 'args': list(args), 'size': size}
    if kw:
        c['kw'] = kw
    return c


# (label, calls): each regime of each algorithm, with a scalar call after the sized one.
REGIMES = [
    ('gamma', [call('gamma', f(0.3), f(2.0)), call('gamma', f(1.0), f(1.0)), call('gamma', f(0.0), f(1.0)), call('gamma', f(7.5), f(0.5)), call('standard_gamma', f(2.5), size=None)]),
    ('beta', [call('beta', f(0.4), f(0.7)), call('beta', f(2.0), f(5.0)), call('beta', f(0.5), f(3.0), size=None)]),
    ('chisquare family', [call('chisquare', f(0.7)), call('chisquare', f(9.0)), call('f', f(3.0), f(11.0)), call('standard_t', f(2.5)),
                          call('noncentral_chisquare', f(0.5), f(3.0)), call('noncentral_chisquare', f(4.0), f(2.0)), call('noncentral_f', f(3.0), f(7.0), f(1.5))]),
    ('transforms', [call('laplace', f(1.0), f(2.0)), call('gumbel', f(-1.0), f(0.5)), call('logistic', f(0.0), f(3.0)), call('lognormal', f(0.5), f(0.25)),
                    call('standard_cauchy'), call('wald', f(2.0), f(3.0)), call('pareto', f(2.5)), call('weibull', f(1.7)), call('power', f(0.6)),
                    call('rayleigh', f(2.0)), call('triangular', f(-1.0), f(0.25), f(3.0)), call('exponential', f(4.0)), call('standard_exponential')]),
    ('von mises', [call('vonmises', f(0.5), f(3.0)), call('vonmises', f(-2.0), f(1e-9)), call('vonmises', f(1.0), f(1e-6)), call('vonmises', f(3.0), f(2e6))]),
    ('poisson', [call('poisson', f(3.5)), call('poisson', f(10.0)), call('poisson', f(2.5e4)), call('poisson', f(0.0), size=5), call('negative_binomial', f(4.5), f(0.3))]),
    ('binomial', [call('binomial', i(25), f(0.4)), call('binomial', i(2000), f(0.35)), call('binomial', i(1500), f(0.8)), call('binomial', i(40), f(0.9)),
                  call('binomial', i(0), f(0.5), size=3), call('binomial', i(7), f(0.0), size=3)]),
    ('hypergeometric', [call('hypergeometric', i(7), i(9), i(5)), call('hypergeometric', i(400), i(600), i(300)), call('hypergeometric', i(50), i(30), i(75)),
                        call('hypergeometric', i(20), i(5), i(11))]),
    ('discrete series', [call('geometric', f(0.6)), call('geometric', f(0.02)), call('zipf', f(1.3)), call('zipf', f(3.0)), call('logseries', f(0.3)), call('logseries', f(0.9999))]),
    ('multivariate', [call('dirichlet', {'fa': [f(0.05)['f'], f(0.02)['f'], f(0.09)['f']]}, size=20), call('dirichlet', {'fa': [f(0.5)['f'], f(2.0)['f'], f(7.0)['f']]}, size=20),
                      call('multinomial', i(100), {'fa': [f(0.2)['f'], f(0.3)['f'], f(0.5)['f']]}, size=20), call('multinomial', i(10), {'fa': [f(0.1)['f'], f(0.2)['f']]}, size=None)]),
]

GENERATOR_ONLY = [
    ('multivariate hypergeometric', [call('multivariate_hypergeometric', {'ia': [5, 10, 15]}, i(12), size=20),
                                     call('multivariate_hypergeometric', {'ia': [5, 10, 15]}, i(20), size=20, method={'s': 'count'}),
                                     call('multivariate_hypergeometric', {'ia': [3000, 2000, 7000]}, i(5000), size=20)]),
]

RANDOM_STATE_ONLY = [
    ('tomaxint and bytes', [call('tomaxint'), {'m': 'bytes', 'args': [i(37)]}, {'m': 'bytes', 'args': [i(0)]}]),
]


def case(label, facade, bitgen, seed, calls):
    request = {'label': label, 'facade': facade, 'bitgen': bitgen, 'seed': seed, 'calls': calls}
    return {**request, **run(request)}


cases = []
for n, (label, calls) in enumerate(REGIMES + GENERATOR_ONLY):
    for bitgen in ('MT19937', 'PCG64', 'PCG64DXSM', 'Philox', 'SFC64'):
        cases.append(case(label, 'Generator', bitgen, 20261207 + n, calls))
legacy_calls = [(label, [c for c in calls if c['m'] != 'multivariate_hypergeometric']) for label, calls in REGIMES + RANDOM_STATE_ONLY]
for n, (label, calls) in enumerate(legacy_calls):
    cases.append(case(label, 'RandomState', 'MT19937', 1207 + n, calls))

write_golden(os.path.join(OUT, 'numpy_distributions.json'), {'cases': cases})
print(len(cases), 'cases')

"""The distribution workloads of the side-by-side table, one list for both sides.

Each entry names the row (NumPy's call, the label compare.py prints), the method of
bench/OneSeed.Benchmarks/DistributionBenchmarks.cs (Generator, one row per engine) and LegacyDistributionBenchmarks
(RandomState, MT19937) that makes the same call, whether the legacy class has it, the values per row k (a call for
n values makes n // k rows of k: 3 for the multivariate rows, 1 for the rest), and the NumPy call itself, which
allocates its result as the
.NET `size` overloads do. The Python call takes (generator_or_random_state, size).

bench/numpy_bench.py --distributions times these calls; bench/compare.py reads the labels from here.
"""
import os

# Engines of the Generator rows: DIST_ENGINES (comma-separated NumPy names, or "all"); the C# side reads the same
# variable (DistributionBenchmarks.Engines), so both sides time the same set.
DEFAULT_ENGINES = ['PCG64', 'MT19937']
ALL_ENGINES = ['MT19937', 'PCG64', 'PCG64DXSM', 'Philox', 'SFC64']


def engines():
    value = os.environ.get('DIST_ENGINES', '').strip()
    if not value:
        return DEFAULT_ENGINES
    if value.lower() == 'all':
        return ALL_ENGINES
    return [e.strip() for e in value.split(',') if e.strip()]


# The common distributions the issue holds to 2x NumPy (the rest to 1x), float32 uniforms and normals included.
COMMON = {'gamma', 'standard_gamma', 'beta', 'binomial', 'poisson', 'lognormal', 'laplace', 'gumbel', 'weibull',
          'pareto', 'standard_cauchy', 'standard_t', 'chisquare', 'random_float32', 'standard_normal_float32'}

_OUT32 = {}


def _out32(n):
    # A float32 buffer of n values for the out= rows (the .NET rows fill a caller's span), made once per size.
    if n not in _OUT32:
        import numpy as np
        _OUT32[n] = np.empty(n, dtype=np.float32)
    return _OUT32[n]


def _dtype(name):
    import numpy as np
    return getattr(np, name)


# A covariance for the multivariate normal rows (k = 3; NumPy factors it by SVD once per call, as OneSeed does).
COV3 = [[2.0, 0.3, 0.1], [0.3, 1.0, 0.2], [0.1, 0.2, 0.5]]

# (label, C# method, in RandomState, values per row, NumPy call (generator or RandomState, n))
WORKLOADS = [
    ('gamma(0.5)', 'Gamma05', True, 1, lambda g, n: g.gamma(0.5, 1.0, n)),
    ('gamma(1)', 'Gamma1', True, 1, lambda g, n: g.gamma(1.0, 1.0, n)),
    ('gamma(3)', 'Gamma3', True, 1, lambda g, n: g.gamma(3.0, 1.0, n)),
    ('standard_gamma(3)', 'StandardGamma3', True, 1, lambda g, n: g.standard_gamma(3.0, n)),
    ('beta(0.5,0.5)', 'Beta05', True, 1, lambda g, n: g.beta(0.5, 0.5, n)),
    ('beta(2,3)', 'Beta2_3', True, 1, lambda g, n: g.beta(2.0, 3.0, n)),
    ('binomial(20,0.5)', 'BinomialInversion', True, 1, lambda g, n: g.binomial(20, 0.5, n)),
    ('binomial(1000,0.3)', 'BinomialBtpe', True, 1, lambda g, n: g.binomial(1000, 0.3, n)),
    ('poisson(3)', 'Poisson3', True, 1, lambda g, n: g.poisson(3.0, n)),
    ('poisson(50)', 'Poisson50', True, 1, lambda g, n: g.poisson(50.0, n)),
    ('hypergeometric(1000,1000,5)', 'HypergeometricSimple', True, 1, lambda g, n: g.hypergeometric(1000, 1000, 5, n)),
    ('hypergeometric(1000,1000,200)', 'HypergeometricHrua', True, 1, lambda g, n: g.hypergeometric(1000, 1000, 200, n)),
    ('lognormal(0,1)', 'Lognormal', True, 1, lambda g, n: g.lognormal(0.0, 1.0, n)),
    ('laplace(0,1)', 'Laplace', True, 1, lambda g, n: g.laplace(0.0, 1.0, n)),
    ('gumbel(0,1)', 'Gumbel', True, 1, lambda g, n: g.gumbel(0.0, 1.0, n)),
    ('logistic(0,1)', 'Logistic', True, 1, lambda g, n: g.logistic(0.0, 1.0, n)),
    ('weibull(1.5)', 'Weibull', True, 1, lambda g, n: g.weibull(1.5, n)),
    ('pareto(3)', 'Pareto', True, 1, lambda g, n: g.pareto(3.0, n)),
    ('power(3)', 'Power', True, 1, lambda g, n: g.power(3.0, n)),
    ('rayleigh(1)', 'Rayleigh', True, 1, lambda g, n: g.rayleigh(1.0, n)),
    ('standard_cauchy', 'StandardCauchy', True, 1, lambda g, n: g.standard_cauchy(n)),
    ('standard_t(5)', 'StandardT', True, 1, lambda g, n: g.standard_t(5.0, n)),
    ('chisquare(5)', 'Chisquare', True, 1, lambda g, n: g.chisquare(5.0, n)),
    ('f(5,10)', 'F', True, 1, lambda g, n: g.f(5.0, 10.0, n)),
    ('noncentral_chisquare(3,2)', 'NoncentralChisquare', True, 1, lambda g, n: g.noncentral_chisquare(3.0, 2.0, n)),
    ('noncentral_f(5,10,2)', 'NoncentralF', True, 1, lambda g, n: g.noncentral_f(5.0, 10.0, 2.0, n)),
    ('negative_binomial(5,0.5)', 'NegativeBinomial', True, 1, lambda g, n: g.negative_binomial(5.0, 0.5, n)),
    ('geometric(0.5)', 'Geometric05', True, 1, lambda g, n: g.geometric(0.5, n)),
    ('geometric(0.01)', 'Geometric001', True, 1, lambda g, n: g.geometric(0.01, n)),
    ('zipf(2)', 'Zipf2', True, 1, lambda g, n: g.zipf(2.0, n)),
    ('logseries(0.6)', 'Logseries', True, 1, lambda g, n: g.logseries(0.6, n)),
    ('vonmises(0,4)', 'Vonmises', True, 1, lambda g, n: g.vonmises(0.0, 4.0, n)),
    ('wald(1,1)', 'Wald', True, 1, lambda g, n: g.wald(1.0, 1.0, n)),
    ('triangular(0,0.5,1)', 'Triangular', True, 1, lambda g, n: g.triangular(0.0, 0.5, 1.0, n)),
    ('dirichlet([0.5,1,2])', 'Dirichlet', True, 3, lambda g, n: g.dirichlet([0.5, 1.0, 2.0], n // 3)),
    ('multinomial(100,[0.2,0.3,0.5])', 'Multinomial', True, 3,
     lambda g, n: g.multinomial(100, [0.2, 0.3, 0.5], n // 3)),
    ('multivariate_normal(k=3)', 'MultivariateNormal3', True, 3,
     lambda g, n: g.multivariate_normal([0.0, 1.0, -1.0], COV3, n // 3)),
    # Generator's float32 and narrow integer dtypes: float32 into a caller's buffer (out=), integers allocating.
    ('random_float32', 'RandomFloat32', False, 1, lambda g, n: g.random(dtype=_dtype('float32'), out=_out32(n))),
    ('standard_normal_float32', 'StandardNormalFloat32', False, 1,
     lambda g, n: g.standard_normal(dtype=_dtype('float32'), out=_out32(n))),
    ('standard_exponential_float32', 'StandardExponentialFloat32', False, 1,
     lambda g, n: g.standard_exponential(dtype=_dtype('float32'), out=_out32(n))),
    ('integers_int32(0,1000)', 'IntegersInt32', False, 1, lambda g, n: g.integers(0, 1000, n, dtype=_dtype('int32'))),
    ('integers_int8(0,100)', 'IntegersInt8', False, 1, lambda g, n: g.integers(0, 100, n, dtype=_dtype('int8'))),
    ('integers_bool', 'IntegersBool', False, 1, lambda g, n: g.integers(0, 2, n, dtype=_dtype('bool_'))),
]

# Method name -> (label, values per row), for compare.py.
BY_METHOD = {method: (label, k) for label, method, _, k, _ in WORKLOADS}


def values_per_call(n, k):
    """Values one call for n makes: n // k rows of k."""
    return n // k * k


def family(label):
    """The distribution's NumPy name: 'gamma(0.5)' -> 'gamma'."""
    return label.split('(', 1)[0]

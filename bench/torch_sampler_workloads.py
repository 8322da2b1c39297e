"""The torch sampler workloads of issue 21, listed once: bench/torch_sampler_bench.py times torch 1.13 on them and
bench/OneSeed.Benchmarks/TorchSamplerBenchmarks.cs has one benchmark per entry (the method named here), with the
same inputs built the same way. Each entry: (label, C# benchmark method, values produced per call, description).
All float32 (torch's default dtype) unless the label says f64; one thread on both sides.
"""

WORKLOADS = [
    ('multinomial_rep_1e3', 'MultinomialWithReplacement1e3', 100 * 1000, 'multinomial(p[100, 1000], 1000, replacement=True)'),
    ('multinomial_rep_1e5', 'MultinomialWithReplacement1e5', 100_000, 'multinomial(p[1, 100000], 100000, replacement=True)'),
    ('multinomial_norep_1e3', 'MultinomialWithoutReplacement1e3', 100 * 100, 'multinomial(p[100, 1000], 100)'),
    ('multinomial_norep_1e5', 'MultinomialWithoutReplacement1e5', 1000, 'multinomial(p[1, 100000], 1000)'),
    ('poisson', 'Poisson', 1_000_000, 'poisson(rates[1e6]), rates uniform in [0, 20): both of torch\'s algorithms'),
    ('exponential', 'Exponential', 1_000_000, 'empty(1e6).exponential_(1.5)'),
    ('exponential_f64', 'ExponentialDouble', 1_000_000, 'empty(1e6, float64).exponential_(1.5)'),
    ('log_normal', 'LogNormal', 1_000_000, 'empty(1e6).log_normal_(0.5, 2)'),
    ('cauchy', 'Cauchy', 1_000_000, 'empty(1e6).cauchy_(0.5, 2)'),
    ('kaiming_uniform_4096', 'KaimingUniform4096', 4096 * 4096, 'nn.init.kaiming_uniform_(empty(4096, 4096), a=sqrt(5))'),
    ('dropout_1e7', 'Dropout1e7', 10_000_000, 'F.dropout(x[1e7], 0.5, training=True)'),
    ('rand', 'Rand', 1_000_000, 'rand(1e6, out=t)'),
    ('randn', 'Randn', 1_000_000, 'randn(1e6, out=t)'),
]

BY_METHOD = {method: (label, n) for label, method, n, _ in WORKLOADS}

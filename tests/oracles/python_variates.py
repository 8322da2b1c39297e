"""Oracle for PythonRandom's variates and choices: CPython 3.11's random.Random, driven by a list of operations.

The cases are python_random.py's ({"seed": ...} or {"state": <OneSeed state JSON>}, "ops": [op, ...]) with more ops:
gammavariate, betavariate, lognormvariate, paretovariate, vonmisesvariate, weibullvariate (doubles as IEEE-754
bits), choices (population range(n); weights and cum_weights None, {"bits": [double bits]} or {"ints": [Python
ints]}), and 'within' (['within', milliseconds, op]: the op under a timer; {"error": "Timeout"} if it has not returned).
Every op that raises gives {"error": <exception class name>} instead of a value, and the case goes on, so the state
afterwards shows what CPython drew before raising. The result is {"results": [...], "state": <state JSON>}.

Request op 'names' lists the public callables of random.Random. Op 'float_op' ([name, x bits, y bits]) evaluates one of CPython's float operations or math functions (exp, log, acos,
pow, mod, div) on its own: the reference for OneSeed's CPythonFloatMath.
"""
import math
import signal

from oracle_common import serve, f64_bits
from python_random import OPS as BASE_OPS, make, f64, state_json


class _Timeout(Exception):
    pass


def _weights(spec):
    if spec is None:
        return None
    if 'ints' in spec:
        return [int(v) for v in spec['ints']]
    return [f64(b) for b in spec['bits']]


def _within(r, milliseconds, op):
    def alarm(*_):
        raise _Timeout()
    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, milliseconds / 1000.0)
    try:
        return _apply_one(r, op)
    except _Timeout:
        return {'error': 'Timeout'}
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


FLOAT_OPS = {
    'exp': lambda x, y: math.exp(x),
    'log': lambda x, y: math.log(x),
    'acos': lambda x, y: math.acos(x),
    'pow': lambda x, y: x ** y,
    'mod': lambda x, y: x % y,
    'div': lambda x, y: x / y,
}


def _float_op(name, x, y):
    x, y = f64(x), f64(y)
    if name == 'pow' and x < 0 and math.isfinite(x) and math.isfinite(y) and y != math.floor(y):
        # float_pow hands a finite negative base with a non-integer exponent to complex pow (which may also raise);
        # random.py never gets there, and CPythonFloatMath.Pow refuses it.
        return {'error': 'complex'}
    return f64_bits(FLOAT_OPS[name](x, y))


OPS = dict(BASE_OPS)
OPS.update({
    'gammavariate': lambda r, a, b: f64_bits(r.gammavariate(f64(a), f64(b))),
    'betavariate': lambda r, a, b: f64_bits(r.betavariate(f64(a), f64(b))),
    'lognormvariate': lambda r, mu, sigma: f64_bits(r.lognormvariate(f64(mu), f64(sigma))),
    'paretovariate': lambda r, alpha: f64_bits(r.paretovariate(f64(alpha))),
    'vonmisesvariate': lambda r, mu, kappa: f64_bits(r.vonmisesvariate(f64(mu), f64(kappa))),
    'weibullvariate': lambda r, a, b: f64_bits(r.weibullvariate(f64(a), f64(b))),
    'choices': lambda r, n, w, cw, k: r.choices(range(n), _weights(w), cum_weights=_weights(cw), k=k),
    'within': _within,
    'float_op': lambda r, name, x, y: _float_op(name, x, y),
})


def _apply_one(r, op):
    try:
        return OPS[op[0]](r, *op[1:])
    except (ArithmeticError, ValueError, TypeError, IndexError) as e:
        return {'error': type(e).__name__}


def run(case):
    r = make(case['seed']) if 'seed' in case else state_json.loads(case['state'])
    results = [_apply_one(r, op) for op in case['ops']]
    return {'results': results, 'state': state_json.dumps(r)}


def names(case):
    """The public callables of random.Random, as the issue's coverage check asks for them."""
    import random
    return [n for n in dir(random.Random) if not n.startswith('_') and callable(getattr(random.Random, n))]


if __name__ == '__main__':
    serve({'run': run, 'names': names})

"""Shared plumbing for the oracle scripts: JSON in on stdin, JSON out on stdout, floats as their exact bits.

The C# tests (tests/OneSeed.Tests/Infrastructure/PythonOracle.cs) run these scripts under /usr/bin/python3,
which sees Debian's python3-numpy and python3-torch.
"""
import json
import struct
import sys


def f64_bits(x):
    """The IEEE-754 bits of a double as an unsigned 64-bit integer (compared bit for bit in C#)."""
    return struct.unpack('<Q', struct.pack('<d', float(x)))[0]


def f32_bits(x):
    """The IEEE-754 bits of a float32 as an unsigned 32-bit integer."""
    return struct.unpack('<I', struct.pack('<f', float(x)))[0]


def f64_list(values):
    return [f64_bits(v) for v in values]


def int_list(values):
    return [int(v) for v in values]


def _parse_int(text):
    # .NET's JSON writer prints the double -0.0 as "-0", which json would read as the integer 0, losing the sign (a
    # normal(mean=-0.0, std=0) case then differed from .NET's in the sign of zero only).
    return -0.0 if text == '-0' else int(text)


def read_request():
    """The JSON request on stdin, with .NET's "-0" read as the double -0.0."""
    return json.load(sys.stdin, parse_int=_parse_int)


def serve(handlers):
    """Reads {"op": name, "cases": [...]} and prints {"results": [handlers[name](case) for case in cases]}."""
    request = read_request()
    handler = handlers[request['op']]
    results = [handler(case) for case in request['cases']]
    json.dump({'results': results}, sys.stdout)


def write_golden(path, payload):
    """Writes a golden vector file with the versions that produced it."""
    import platform
    meta = {'python': platform.python_version()}
    try:
        import numpy
        meta['numpy'] = numpy.__version__
    except ImportError:
        pass
    with open(path, 'w') as f:
        json.dump({'generated_by': sys.argv[0], 'versions': meta, **payload}, f, indent=1)
        f.write('\n')


def next_uint64(bit_generator, n):
    """n draws of NumPy's bitgen_t next_uint64 (through the ctypes interface: cffi is not in Debian's numpy deps)."""
    c = bit_generator.ctypes
    return [int(c.next_uint64(c.state)) for _ in range(n)]


def next_uint32(bit_generator, n):
    c = bit_generator.ctypes
    return [int(c.next_uint32(c.state)) for _ in range(n)]


def next_double(bit_generator, n):
    """n draws of next_double, as double bits."""
    c = bit_generator.ctypes
    return [f64_bits(c.next_double(c.state)) for _ in range(n)]

"""Writes src/OneSeed/Distributions/ZigguratTablesSingle.cs from NumPy's ziggurat_constants.h: the float32 tables
(ki_float/wi_float/fi_float for the normal, ke_float/we_float/fe_float for the exponential) and the three float
constants, which NumPy's random_standard_normal_f / random_standard_exponential_f use.

As for the double tables (tools/make_ziggurat_tables.py), the constants are TRANSCRIBED, not recomputed. The header
writes the floats as decimal literals with an f suffix, which C rounds straight to float32 (correctly rounded, ties to
even). This script rounds each literal exactly that way (with rational arithmetic, never through a double, which
could round twice), then writes the result as the shortest decimal that round-trips in float32 and checks, again
exactly, that that literal rounds back to the same float32, so a correctly rounding C# parser yields NumPy's bits.
The file also carries every float's IEEE bits (*Bits), which a test compares with the parsed floats.

Source: numpy/numpy v1.24.2 (commit 85f38ab180ece5290f64e8ddbd9cf06ad8fa4a5e),
        numpy/random/src/distributions/ziggurat_constants.h (unchanged since NumPy 1.17).

Run:  git --git-dir=<numpy clone>/.git show v1.24.2:numpy/random/src/distributions/ziggurat_constants.h > /tmp/zig.h
      python3 tools/make_ziggurat_tables_f32.py /tmp/zig.h
"""
import os
import re
import struct
import sys
from fractions import Fraction

SOURCE = 'numpy/numpy v1.24.2 (85f38ab180ece5290f64e8ddbd9cf06ad8fa4a5e), numpy/random/src/distributions/ziggurat_constants.h'
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'OneSeed', 'Distributions', 'ZigguratTablesSingle.cs')


def table(src, ctype, name):
    m = re.search(r'static const ' + ctype + ' ' + name + r'\[\] = \{(.*?)\};', src, re.S)
    items = [s.strip() for s in m.group(1).split(',') if s.strip()]
    assert len(items) == 256, (name, len(items))
    return items


def float_scalar(src, name):
    m = re.search(r'static const float ' + name + r'\s*=\s*([0-9.eE+-]+)[fF]', src)
    return m.group(1)


def as_int(s):
    return int(s.rstrip('UL'), 16)


def f32_from_bits(bits):
    return struct.unpack('<f', struct.pack('<I', bits))[0]


def f32_bits_of(x):
    return struct.unpack('<I', struct.pack('<f', x))[0]


def round_to_f32_bits(text):
    """The float32 nearest the decimal `text` (ties to even), as C rounds a float literal; positive normals only."""
    value = Fraction(text.rstrip('fF'))
    assert value > 0
    # A first guess through the double, then the exact nearest among it and its neighbours.
    guess = f32_bits_of(float(value))
    candidates = [b for b in (guess - 1, guess, guess + 1) if 0 < b < 0x7F800000]
    best = min(candidates, key=lambda b: (abs(Fraction(f32_from_bits(b)) - value), b & 1))
    # The nearest must be strictly nearer than both neighbours of the best, or tie and be even.
    for b in (best - 1, best + 1):
        d_best, d_other = abs(Fraction(f32_from_bits(best)) - value), abs(Fraction(f32_from_bits(b)) - value)
        assert d_best < d_other or (d_best == d_other and best % 2 == 0), text
    return best


def shortest_f32_literal(bits):
    """The shortest decimal (up to 9 significant digits) that rounds exactly to float32 `bits`."""
    for digits in range(1, 10):
        text = '%.*e' % (digits - 1, f32_from_bits(bits))
        if round_to_f32_bits(text) == bits:
            mantissa, exponent = text.split('e')
            exponent = int(exponent)
            return f'{mantissa}e{exponent}f' if exponent != 0 else f'{mantissa}f'
    raise AssertionError(bits)


def emit_uints(name, values, doc):
    rows = [', '.join(f'0x{v:08X}' for v in values[i:i + 8]) for i in range(0, 256, 8)]
    body = ',\n'.join('        ' + r for r in rows)
    return f'    /// <summary>{doc}</summary>\n    internal static ReadOnlySpan<uint> {name} =>\n    [\n{body},\n    ];\n'


def emit_floats(name, literals, doc):
    bits = [round_to_f32_bits(s) for s in literals]
    rows = [', '.join(shortest_f32_literal(b) for b in bits[i:i + 4]) for i in range(0, 256, 4)]
    body = ',\n'.join('        ' + r for r in rows)
    return f'    /// <summary>{doc}</summary>\n    internal static ReadOnlySpan<float> {name} =>\n    [\n{body},\n    ];\n', bits


def emit_bits(name, bits, doc):
    rows = [', '.join(f'0x{v:08X}' for v in bits[i:i + 8]) for i in range(0, 256, 8)]
    body = ',\n'.join('        ' + r for r in rows)
    return f'    /// <summary>{doc}</summary>\n    internal static ReadOnlySpan<uint> {name} =>\n    [\n{body},\n    ];\n'


def main(header):
    src = open(header).read()
    ki = [as_int(s) for s in table(src, 'uint32_t', 'ki_float')]
    ke = [as_int(s) for s in table(src, 'uint32_t', 'ke_float')]
    wi_text, wi_bits = emit_floats('Wi', table(src, 'float', 'wi_float'), 'NumPy\'s <c>wi_float</c>: layer widths scaled by 2^-23.')
    fi_text, fi_bits = emit_floats('Fi', table(src, 'float', 'fi_float'), 'NumPy\'s <c>fi_float</c>: the density at each layer edge.')
    we_text, we_bits = emit_floats('We', table(src, 'float', 'we_float'), 'NumPy\'s <c>we_float</c>: layer widths scaled by 2^-23.')
    fe_text, fe_bits = emit_floats('Fe', table(src, 'float', 'fe_float'), 'NumPy\'s <c>fe_float</c>: the density at each layer edge.')
    scalars = {}
    for cs_name, c_name, doc in [
        ('NormalR', 'ziggurat_nor_r_f', 'NumPy\'s <c>ziggurat_nor_r_f</c>: the start of the normal tail.'),
        ('NormalInvR', 'ziggurat_nor_inv_r_f', 'NumPy\'s <c>ziggurat_nor_inv_r_f</c> (its own literal, not computed as 1 / r).'),
        ('ExponentialR', 'ziggurat_exp_r_f', 'NumPy\'s <c>ziggurat_exp_r_f</c>: the start of the exponential tail.'),
    ]:
        bits = round_to_f32_bits(float_scalar(src, c_name))
        scalars[cs_name] = (shortest_f32_literal(bits), bits, doc)

    parts = [
        '// <auto-generated>\n',
        '// Written by tools/make_ziggurat_tables_f32.py: NumPy\'s float32 ziggurat constants transcribed as data from\n',
        f'// {SOURCE}.\n',
        '// Do not edit by hand; rerun the script.\n',
        '// </auto-generated>\n',
        'namespace OneSeed.Distributions;\n\n',
        '/// <summary>\n',
        '/// NumPy\'s 256-layer float32 ziggurat tables for the standard normal (ki/wi/fi) and exponential (ke/we/fe),\n',
        '/// used by <c>random_standard_normal_f</c> and <c>random_standard_exponential_f</c>. The float tables are also\n',
        '/// given as their IEEE bits (<c>*Bits</c>), which the tests compare with the floats.\n',
        '/// </summary>\n',
        'internal static class ZigguratTablesSingle\n{\n',
    ]
    for cs_name, (literal, bits, doc) in scalars.items():
        parts.append(f'    /// <summary>{doc} (bits 0x{bits:08X})</summary>\n    internal const float {cs_name} = {literal};\n\n')
    parts += [
        emit_uints('Ki', ki, 'NumPy\'s <c>ki_float</c>: acceptance thresholds on the 23-bit magnitude.'), '\n',
        wi_text, '\n',
        fi_text, '\n',
        emit_uints('Ke', ke, 'NumPy\'s <c>ke_float</c>: acceptance thresholds on the 23-bit value.'), '\n',
        we_text, '\n',
        fe_text, '\n',
        emit_bits('WiBits', wi_bits, 'The IEEE bits of <see cref="Wi"/>.'), '\n',
        emit_bits('FiBits', fi_bits, 'The IEEE bits of <see cref="Fi"/>.'), '\n',
        emit_bits('WeBits', we_bits, 'The IEEE bits of <see cref="We"/>.'), '\n',
        emit_bits('FeBits', fe_bits, 'The IEEE bits of <see cref="Fe"/>.'), '\n',
        f'    /// <summary>The IEEE bits of <see cref="NormalR"/>, <see cref="NormalInvR"/> and <see cref="ExponentialR"/>.</summary>\n',
        '    internal static ReadOnlySpan<uint> ScalarBits => [' + ', '.join(f'0x{b:08X}' for _, b, _ in scalars.values()) + '];\n',
        '}\n',
    ]
    with open(OUT, 'w') as f:
        f.write(''.join(parts))
    print('wrote', os.path.normpath(OUT))


if __name__ == '__main__':
    main(sys.argv[1])

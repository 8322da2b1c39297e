using System.Diagnostics;
using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Uniform doubles already drawn into a buffer, then the engine's: the source the bulk transforms fall back to when a
/// chunk holds a uniform their vector pass cannot take (a 0 that NumPy rejects and redraws), so the scalar path reads
/// exactly the uniforms the engine gave. A pointer, because an <see cref="IRawSource"/> is a plain struct.
/// </summary>
internal unsafe struct BufferedDoubles(double* buffer, int length, BitGenerator engine) : IRawSource
{
    private int _position;

    public double NextDouble() => _position < length ? buffer[_position++] : engine.NextDouble();

    // The one-uniform transforms draw nothing else.
    public readonly ulong NextUInt64() => throw new UnreachableException();

    public readonly uint NextUInt32() => throw new UnreachableException();
}

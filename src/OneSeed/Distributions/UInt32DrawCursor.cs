using System.Diagnostics;
using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Reads an engine's 32-bit draws (<c>next_uint32</c>) in order: first from a chunk filled through the engine's bulk
/// path, then, once the chunk is used up, straight from the engine. A chunk is never larger than the number of values
/// still to produce and every value consumes at least one draw, so the chunk never holds a draw the scalar path would
/// not have made: the engine ends in exactly the scalar path's state. Only 32-bit draws can be read this way (a
/// 64-bit draw would come from the engine, past the chunk), so the 64-bit members are unreachable by construction.
/// </summary>
internal struct UInt32DrawCursor(BitGenerator engine, uint[] buffer) : IRawSource
{
    private int _position;
    private int _length;

    /// <summary>Draws still waiting in the chunk.</summary>
    public readonly int Available => _length - _position;

    /// <summary>The chunk's waiting draws, without consuming them.</summary>
    public readonly ReadOnlySpan<uint> Waiting => buffer.AsSpan(_position, _length - _position);

    /// <summary>Draws the next chunk: at most <paramref name="valuesStillToProduce"/> draws.</summary>
    public void Refill(int valuesStillToProduce)
    {
        _length = Math.Min(buffer.Length, valuesStillToProduce);
        _position = 0;
        engine.Fill(buffer.AsSpan(0, _length));
    }

    public void Skip(int count) => _position += count;

    public uint NextUInt32() => _position < _length ? buffer[_position++] : engine.NextUInt32();

    public readonly ulong NextUInt64() => throw new UnreachableException("32-bit samplers read 32-bit draws only.");

    public readonly double NextDouble() => throw new UnreachableException("32-bit samplers read 32-bit draws only.");
}

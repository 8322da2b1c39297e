using OneSeed.Distributions;

namespace OneSeed.Engines;

/// <summary>
/// A <see cref="System.Random"/> whose every draw comes from a <see cref="BitGenerator"/>, so code written
/// against <see cref="System.Random"/> (MathNet.Numerics, ML.NET helpers, your own) becomes seeded and reproducible.
/// </summary>
/// <remarks>
/// <para>
/// Doubles are the engine's <see cref="BitGenerator.NextDouble"/>; integer ranges use Lemire's unbiased
/// multiply-and-reject over 64-bit draws (<see cref="BoundedIntegers.Lemire64"/>); bytes are the
/// little-endian bytes of 64-bit draws. None of this is <see cref="System.Random"/>'s own algorithm:
/// a seeded <c>new Random(42)</c> and this adapter give different numbers, by design.
/// </para>
/// <para>The adapter shares the engine's state: drawing from either advances both. Not thread-safe.</para>
/// <para>Reproducibility tier: <b>stable within a major version</b>.</para>
/// </remarks>
public sealed class BitGeneratorRandom : Random
{
    /// <summary>Wraps <paramref name="engine"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    public BitGeneratorRandom(BitGenerator engine)
        : base(0) // the seeded base avoids allocating System.Random's own (unused) thread-safe implementation
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
    }

    /// <summary>The engine every draw comes from.</summary>
    public BitGenerator Engine { get; }

    /// <inheritdoc />
    public override int Next() => (int)BoundedIntegers.Lemire64(Engine, int.MaxValue - 1);

    /// <inheritdoc />
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue <= 1 ? 0 : (int)BoundedIntegers.Lemire64(Engine, (ulong)maxValue - 1);
    }

    /// <inheritdoc />
    public override int Next(int minValue, int maxValue)
    {
        if (minValue > maxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(minValue), minValue, $"minValue ({minValue}) must not exceed maxValue ({maxValue}).");
        }

        ulong span = (ulong)((long)maxValue - minValue);
        return span <= 1 ? minValue : (int)((long)minValue + (long)BoundedIntegers.Lemire64(Engine, span - 1));
    }

    /// <inheritdoc />
    public override long NextInt64() => (long)BoundedIntegers.Lemire64(Engine, long.MaxValue - 1);

    /// <inheritdoc />
    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue <= 1 ? 0 : (long)BoundedIntegers.Lemire64(Engine, (ulong)maxValue - 1);
    }

    /// <inheritdoc />
    public override long NextInt64(long minValue, long maxValue)
    {
        if (minValue > maxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(minValue), minValue, $"minValue ({minValue}) must not exceed maxValue ({maxValue}).");
        }

        ulong span = unchecked((ulong)maxValue - (ulong)minValue);
        return span <= 1 ? minValue : unchecked(minValue + (long)BoundedIntegers.Lemire64(Engine, span - 1));
    }

    /// <inheritdoc />
    public override double NextDouble() => Engine.NextDouble();

    /// <inheritdoc />
    public override float NextSingle() => (Engine.NextUInt32() >> 8) * (1.0f / 16777216.0f);

    /// <inheritdoc />
    public override void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        NextBytes(buffer.AsSpan());
    }

    /// <inheritdoc />
    public override void NextBytes(Span<byte> buffer)
    {
        while (buffer.Length >= 8)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(buffer, Engine.NextUInt64());
            buffer = buffer[8..];
        }

        if (buffer.Length > 0)
        {
            ulong last = Engine.NextUInt64();
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = (byte)(last >> (8 * i));
            }
        }
    }

    /// <inheritdoc />
    protected override double Sample() => Engine.NextDouble();

    /// <inheritdoc />
    public override string ToString() => $"{nameof(BitGeneratorRandom)}({Engine})";
}

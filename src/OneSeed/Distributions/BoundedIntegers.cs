using System.Numerics;
using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Unbiased integers in a range, drawn exactly as NumPy's <c>distributions.c</c> draws them: Lemire's
/// multiply-and-reject (what <c>Generator.integers</c> uses) and masked rejection (what legacy
/// <c>RandomState.randint</c> and every shuffle use).
/// </summary>
/// <remarks>
/// Ranges are given as <c>rng</c> = max − min (inclusive), as in NumPy, so the full 64-bit range is expressible.
/// Which routine, and whether it draws 32 or 64 bits, is part of the stream: callers pick the one their NumPy
/// counterpart uses. Reproducibility tier: <b>stable</b> (bit-exact with NumPy 1.17+).
/// </remarks>
public static class BoundedIntegers
{
    /// <summary>
    /// A uniform integer in [0, <paramref name="rng"/>] by Lemire's method over 64-bit draws
    /// (NumPy's <c>bounded_lemire_uint64</c>). <paramref name="rng"/> must be below <see cref="ulong.MaxValue"/>.
    /// </summary>
    public static ulong Lemire64(BitGenerator engine, ulong rng)
    {
        ulong rngExcl = rng + 1;
        ulong high = Math.BigMul(engine.NextUInt64(), rngExcl, out ulong leftover);
        if (leftover < rngExcl)
        {
            ulong threshold = (ulong.MaxValue - rng) % rngExcl;
            while (leftover < threshold)
            {
                high = Math.BigMul(engine.NextUInt64(), rngExcl, out leftover);
            }
        }

        return high;
    }

    /// <summary>
    /// A uniform integer in [0, <paramref name="rng"/>] by Lemire's method over 32-bit draws
    /// (NumPy's <c>buffered_bounded_lemire_uint32</c>). <paramref name="rng"/> must be below <see cref="uint.MaxValue"/>.
    /// </summary>
    public static uint Lemire32(BitGenerator engine, uint rng)
    {
        uint rngExcl = rng + 1;
        ulong m = (ulong)engine.NextUInt32() * rngExcl;
        uint leftover = (uint)m;
        if (leftover < rngExcl)
        {
            uint threshold = (uint.MaxValue - rng) % rngExcl;
            while (leftover < threshold)
            {
                m = (ulong)engine.NextUInt32() * rngExcl;
                leftover = (uint)m;
            }
        }

        return (uint)(m >> 32);
    }

    /// <summary>The smallest all-ones bit mask covering <paramref name="max"/> (NumPy's <c>gen_mask</c>).</summary>
    public static ulong Mask(ulong max) => max == 0 ? 0 : ulong.MaxValue >> BitOperations.LeadingZeroCount(max);

    /// <summary>
    /// A uniform integer in [0, <paramref name="rng"/>] by masked rejection over 64-bit draws
    /// (NumPy's <c>bounded_masked_uint64</c>); <paramref name="mask"/> is <see cref="Mask"/>(<paramref name="rng"/>).
    /// </summary>
    public static ulong Masked64(BitGenerator engine, ulong rng, ulong mask)
    {
        ulong value;
        while ((value = engine.NextUInt64() & mask) > rng)
        {
        }

        return value;
    }

    /// <summary>
    /// A uniform integer in [0, <paramref name="rng"/>] by masked rejection over 32-bit draws
    /// (NumPy's <c>buffered_bounded_masked_uint32</c>); <paramref name="mask"/> is <see cref="Mask"/>(<paramref name="rng"/>).
    /// </summary>
    public static uint Masked32(BitGenerator engine, uint rng, uint mask)
    {
        uint value;
        while ((value = engine.NextUInt32() & mask) > rng)
        {
        }

        return value;
    }

    /// <summary>
    /// A uniform integer in [0, <paramref name="max"/>] by masked rejection, over 32-bit draws when
    /// <paramref name="max"/> fits in 32 bits (NumPy's <c>random_interval</c>, used by every NumPy shuffle and permutation).
    /// </summary>
    public static ulong Interval(BitGenerator engine, ulong max)
    {
        if (max == 0)
        {
            return 0;
        }

        ulong mask = Mask(max);
        ulong value;
        if (max <= uint.MaxValue)
        {
            while ((value = engine.NextUInt32() & mask) > max)
            {
            }
        }
        else
        {
            while ((value = engine.NextUInt64() & mask) > max)
            {
            }
        }

        return value;
    }

    /// <summary>
    /// <paramref name="offset"/> + a uniform integer in [0, <paramref name="rng"/>], exactly as NumPy's scalar
    /// <c>random_bounded_uint64</c> (used by <c>Generator.choice</c>'s Floyd sampling and its integer shuffles);
    /// it draws what one element of <see cref="Fill"/> draws.
    /// </summary>
    public static ulong Next(BitGenerator engine, ulong offset, ulong rng, bool useMasked)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (rng == 0)
        {
            return offset;
        }

        if (rng <= uint.MaxValue)
        {
            uint rng32 = (uint)rng;
            if (rng32 == uint.MaxValue)
            {
                return offset + engine.NextUInt32();
            }

            return offset + (useMasked ? Masked32(engine, rng32, (uint)Mask(rng32)) : Lemire32(engine, rng32));
        }

        if (rng == ulong.MaxValue)
        {
            return offset + engine.NextUInt64();
        }

        return offset + (useMasked ? Masked64(engine, rng, Mask(rng)) : Lemire64(engine, rng));
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <paramref name="offset"/> + a uniform integer in [0, <paramref name="rng"/>]
    /// each, exactly as NumPy's <c>random_bounded_uint64_fill</c> (the int64 path of <c>Generator.integers</c> with
    /// <paramref name="useMasked"/> false, and of legacy <c>RandomState.randint</c> with it true).
    /// </summary>
    /// <remarks>
    /// Ranges that fit in 32 bits draw 32-bit values (so 64-bit engines hand out both halves of each draw);
    /// the full 32- and 64-bit ranges take raw draws without rejection.
    /// </remarks>
    public static void Fill(BitGenerator engine, ulong offset, ulong rng, bool useMasked, Span<ulong> destination)
    {
        if (rng == 0)
        {
            destination.Fill(offset);
        }
        else if (rng <= uint.MaxValue)
        {
            uint rng32 = (uint)rng;
            if (rng32 == uint.MaxValue)
            {
                for (int i = 0; i < destination.Length; i++)
                {
                    destination[i] = offset + engine.NextUInt32();
                }
            }
            else if (useMasked)
            {
                uint mask = (uint)Mask(rng32);
                for (int i = 0; i < destination.Length; i++)
                {
                    destination[i] = offset + Masked32(engine, rng32, mask);
                }
            }
            else
            {
                for (int i = 0; i < destination.Length; i++)
                {
                    destination[i] = offset + Lemire32(engine, rng32);
                }
            }
        }
        else if (rng == ulong.MaxValue)
        {
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = offset + engine.NextUInt64();
            }
        }
        else if (useMasked)
        {
            ulong mask = Mask(rng);
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = offset + Masked64(engine, rng, mask);
            }
        }
        else
        {
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = offset + Lemire64(engine, rng);
            }
        }
    }
}

using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Unbiased integers in a range, drawn exactly as NumPy's <c>distributions.c</c> draws them
/// (Lemire's multiply-and-reject, and masked rejection where NumPy uses it).
/// </summary>
/// <remarks>
/// Ranges are given as <c>rng</c> = max − min (inclusive), as in NumPy, so the full 64-bit range is expressible.
/// Reproducibility tier: <b>stable</b> (bit-exact with NumPy 1.17+).
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
}

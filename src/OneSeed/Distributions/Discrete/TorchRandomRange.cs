using System.Numerics;

namespace OneSeed.Distributions;

/// <summary>
/// torch's <c>Tensor.random_</c> on the CPU (<c>native/DistributionTemplates.h</c> <c>random_from_to_impl</c>,
/// <c>core/DistributionsHelper.h</c> <c>uniform_int_from_to_distribution</c>): the argument resolution per dtype,
/// and the reduction of raw draws to <c>(int64)(draw % range + from)</c> cast to the dtype.
/// </summary>
/// <remarks>
/// <para>
/// A range below 2^32 takes one 32-bit draw per value, a larger one a 64-bit draw (first draw in the high half); a
/// range of 0 stands for 2^64 (<c>random_(-2^63, None)</c>: the 64-bit draw itself). <c>random_()</c> without bounds
/// is the same reduction with from 0 and range 2^63 (int64), 2^24 + 1 (float32), 2^53 + 1 (float64).
/// </para>
/// <para>
/// For floating dtypes torch first moves <c>from</c> up and <c>to</c> down to the nearest integers that survive the cast
/// (<c>update_from</c>/<c>update_to</c>); the C casts there are x86-64's (<see cref="CConversions.TruncateToInt64"/>).
/// Reproducibility tier: stable (integer arithmetic and correctly rounded conversions only).
/// </para>
/// </remarks>
internal static class TorchRandomRange
{
    /// <summary>float32's significand digits (<c>std::numeric_limits&lt;float&gt;::digits</c>).</summary>
    public const int SingleDigits = 24;

    /// <summary>float64's significand digits.</summary>
    public const int DoubleDigits = 53;

    /// <summary>The range of <c>random_()</c> for a floating dtype of <paramref name="digits"/> digits: [0, 2^digits].</summary>
    public static ulong PlainRange(int digits) => (1UL << digits) + 1;

    /// <summary>
    /// <c>random_(from, to)</c> (<paramref name="to"/> null: <c>to=None</c>) on an int64 tensor: (range, base), range 0
    /// meaning 2^64. Refuses what torch refuses.
    /// </summary>
    public static (ulong Range, long Base) ResolveInt64(long from, long? to)
    {
        if (to is long end)
        {
            CheckFromBelowTo(from, end);
            return (unchecked((ulong)end - (ulong)from), from);
        }

        return from == long.MinValue ? (0, from) : (unchecked((ulong)long.MaxValue - (ulong)from + 1), from);
    }

    /// <summary><c>random_(from, to)</c> on a floating tensor whose significand has <paramref name="digits"/> digits (24 or 53).</summary>
    public static (ulong Range, long Base) ResolveFloating(long from, long? to, int digits)
    {
        if (to is long end)
        {
            CheckFromBelowTo(from, end);
            long movedFrom = UpdateFrom(from, digits);
            long movedTo = UpdateTo(end, digits);
            if (movedFrom >= movedTo)
            {
                throw new ArgumentOutOfRangeException(nameof(to), to, $"random_ expects 'from' casted to dtype to be less than 'to' casted to dtype, but got from={movedFrom} >= to={movedTo} (from {from}, to {end} before the cast).");
            }

            return (unchecked((ulong)movedTo - (ulong)movedFrom), movedFrom);
        }

        if (from == long.MinValue)
        {
            return (0, from);
        }

        long toInclusive = 1L << digits;
        if (from == long.MaxValue)
        {
            // torch overflows computing from + 1 here (and then loops forever on |INT64_MIN|): refused up front.
            throw new ArgumentOutOfRangeException(nameof(from), from, $"random_ expects 'from' casted to dtype to be less than or equal to 'to_inc' casted to dtype, but got from={from} > to_inc={toInclusive}.");
        }

        long moved = UpdateFrom(from, digits);
        if (moved >= toInclusive)
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, $"random_ expects 'from' casted to dtype to be less than or equal to 'to_inc' casted to dtype, but got from={moved} > to_inc={toInclusive}.");
        }

        return (unchecked((ulong)toInclusive - (ulong)moved + 1), moved);
    }

    /// <summary>Whether a range takes 64-bit draws (2^32 or more, or 0 for 2^64).</summary>
    public static bool Takes64BitDraws(ulong range) => range == 0 || range >= (1UL << 32);

    /// <summary>
    /// destination[i] = (T)(long)(draws[i] % range + base) for a range below 2^32: the remainder by Lemire's direct
    /// computation (<c>fastmod_u32</c>: exact for every 32-bit dividend and divisor) instead of a division.
    /// </summary>
    public static void Reduce<T>(ReadOnlySpan<uint> draws, ulong range, long @base, Span<T> destination)
        where T : INumberBase<T>
    {
        uint divisor = (uint)range;
        ulong inverse = (ulong.MaxValue / divisor) + 1;
        for (int i = 0; i < draws.Length; i++)
        {
            ulong remainder = Math.BigMul(inverse * draws[i], divisor, out _);
            destination[i] = T.CreateTruncating(unchecked((long)(remainder + (ulong)@base)));
        }
    }

    /// <summary>destination[i] = (T)(long)(draws[i] % range + base), range 0 meaning 2^64 (the draw itself).</summary>
    public static void Reduce<T>(ReadOnlySpan<ulong> draws, ulong range, long @base, Span<T> destination)
        where T : INumberBase<T>
    {
        if (range == 0)
        {
            for (int i = 0; i < draws.Length; i++)
            {
                destination[i] = T.CreateTruncating(unchecked((long)draws[i]));
            }

            return;
        }

        for (int i = 0; i < draws.Length; i++)
        {
            destination[i] = T.CreateTruncating(unchecked((long)((draws[i] % range) + (ulong)@base)));
        }
    }

    private static void CheckFromBelowTo(long from, long to)
    {
        if (from >= to)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"random_ expects 'from' to be less than 'to', but got from={from} >= to={to}.");
        }
    }

    /// <summary>torch's <c>update_from&lt;scalar_t&gt;</c>: the smallest integer at or above from that the cast keeps at or above from.</summary>
    private static long UpdateFrom(long from, int digits)
    {
        long fromPlus1 = CastThroughDtype(from + 1, digits);
        if (fromPlus1 < from)
        {
            long magnitude = Math.Abs(from + 1);
            int n = 63 - BitOperations.LeadingZeroCount((ulong)magnitude);
            from = unchecked(fromPlus1 + (1L << (n - digits + 1)));
        }

        return from;
    }

    /// <summary>torch's <c>update_to&lt;scalar_t&gt;</c>: the largest integer at or below to that the cast keeps below to.</summary>
    private static long UpdateTo(long to, int digits)
    {
        long toMinus1 = CastThroughDtype(to - 1, digits);
        if (toMinus1 >= to)
        {
            long magnitude = Math.Abs(to - 1);
            int n = 63 - BitOperations.LeadingZeroCount((ulong)magnitude);
            to = unchecked(toMinus1 - (1L << (n - digits + 1)));
        }

        return to;
    }

    /// <summary><c>static_cast&lt;int64_t&gt;(static_cast&lt;scalar_t&gt;(value))</c>, with x86-64's cast of 2^63 to INT64_MIN.</summary>
    private static long CastThroughDtype(long value, int digits) =>
        CConversions.TruncateToInt64(digits == SingleDigits ? (float)value : (double)value);
}

using System.Runtime.InteropServices;

namespace OneSeed.Engines;

/// <summary>
/// NumPy's next_uint32 for engines that produce 64-bit words: the low half of a draw first, the high half kept
/// (has_uint32 / uinteger) for the next call. In bulk, consecutive pairs of 32-bit values are exactly the
/// little-endian halves of consecutive 64-bit draws, so on a little-endian machine the engine's bulk 64-bit fill writes them in place.
/// </summary>
internal static class HalfWords
{
    public static void Fill(BitGenerator engine, Span<uint> destination, ref bool hasUInt32, ref uint uinteger)
    {
        if (destination.IsEmpty)
        {
            return;
        }

        int i = 0;
        if (hasUInt32)
        {
            destination[i++] = uinteger;
            hasUInt32 = false;
        }

        int pairs = (destination.Length - i) / 2;
        if (pairs > 0)
        {
            Span<uint> paired = destination.Slice(i, pairs * 2);
            if (BitConverter.IsLittleEndian)
            {
                engine.Fill(MemoryMarshal.Cast<uint, ulong>(paired));
            }
            else
            {
                for (int j = 0; j < paired.Length; j += 2)
                {
                    ulong next = engine.NextUInt64();
                    (paired[j], paired[j + 1]) = ((uint)next, (uint)(next >> 32));
                }
            }

            // NumPy's next_uint32 leaves the returned high half in `uinteger` (only has_uint32 is cleared), and that stale value is part of the state dictionary.
            uinteger = paired[^1];
            i += pairs * 2;
        }

        if (i < destination.Length)
        {
            ulong next = engine.NextUInt64();
            destination[i] = (uint)next;
            hasUInt32 = true;
            uinteger = (uint)(next >> 32);
        }
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OneSeed.Distributions;

/// <summary>
/// The selected lanes of eight moved to the front, in order, by one <c>vpermd</c> (32-bit lanes, AVX2's stand-in for
/// AVX-512's <c>vpcompressd</c>) or <c>vpermq</c> (64-bit lanes, where .NET 8 has no <c>vcompresspd</c>) whose order
/// comes from a 2 KB table indexed by the lane mask. Used where every lane of a group of draws is decided at once
/// (rejection sampling, the shuffle's partners, the ziggurat batches) and only the accepted ones are kept.
/// </summary>
internal static class LanePacking
{
    /// <summary>For each 8-bit lane mask, the indexes of its set lanes in ascending order (then zeros), one byte each.</summary>
    private static readonly ulong[] PackOrder = BuildPackOrder();

    /// <summary>
    /// The lanes of <paramref name="values"/> whose bit is set in <paramref name="lanes"/> (bit k = lane k, at most
    /// eight bits), first to last, in lanes 0, 1, …; the lanes after them hold copies of lane 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Pack(Vector256<uint> values, uint lanes)
    {
        Vector256<int> order = Avx2.ConvertToVector256Int32(Vector128.CreateScalarUnsafe(PackOrder[lanes]).AsByte());
        return Avx2.PermuteVar8x32(values, order.AsUInt32());
    }

    /// <summary>The 64-bit lanes of <paramref name="values"/> selected by <paramref name="lanes"/> (eight bits), first to last, in lanes 0, 1, … (AVX-512F; the lanes after them hold copies of lane 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> Pack(Vector512<ulong> values, uint lanes)
    {
        Vector512<ulong> order = Avx512F.ConvertToVector512UInt64(Vector128.CreateScalarUnsafe(PackOrder[lanes]).AsByte());
        return Avx512F.PermuteVar8x64(values, order);
    }

    /// <summary>
    /// The 64-bit lanes of <paramref name="values"/> selected by <paramref name="lanes"/> (four bits), first to last, in
    /// lanes 0, 1, … (the lanes after them hold copies of lane 0): one <c>vpermd</c> over 32-bit halves.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Pack<T>(Vector256<T> values, uint lanes)
    {
        Vector256<int> order = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(PackOrder64), 8 * (nuint)lanes);
        return Avx2.PermuteVar8x32(values.AsSingle(), order).As<float, T>();
    }

    /// <summary>For each four-bit mask, the 32-bit lane order that moves the 64-bit lanes it selects, in order, to the front.</summary>
    private static ReadOnlySpan<int> PackOrder64 =>
    [
        0, 1, 0, 1, 0, 1, 0, 1, /* 0000 */ 0, 1, 0, 1, 0, 1, 0, 1, /* 0001 */ 2, 3, 0, 1, 0, 1, 0, 1, /* 0010 */ 0, 1, 2, 3, 0, 1, 0, 1, /* 0011 */
        4, 5, 0, 1, 0, 1, 0, 1, /* 0100 */ 0, 1, 4, 5, 0, 1, 0, 1, /* 0101 */ 2, 3, 4, 5, 0, 1, 0, 1, /* 0110 */ 0, 1, 2, 3, 4, 5, 0, 1, /* 0111 */
        6, 7, 0, 1, 0, 1, 0, 1, /* 1000 */ 0, 1, 6, 7, 0, 1, 0, 1, /* 1001 */ 2, 3, 6, 7, 0, 1, 0, 1, /* 1010 */ 0, 1, 2, 3, 6, 7, 0, 1, /* 1011 */
        4, 5, 6, 7, 0, 1, 0, 1, /* 1100 */ 0, 1, 4, 5, 6, 7, 0, 1, /* 1101 */ 2, 3, 4, 5, 6, 7, 0, 1, /* 1110 */ 0, 1, 2, 3, 4, 5, 6, 7, /* 1111 */
    ];

    private static ulong[] BuildPackOrder()
    {
        var order = new ulong[256];
        for (int lanes = 0; lanes < order.Length; lanes++)
        {
            int packed = 0;
            for (int lane = 0; lane < 8; lane++)
            {
                if ((lanes & (1 << lane)) != 0)
                {
                    order[lanes] |= (ulong)lane << (8 * packed++);
                }
            }
        }

        return order;
    }
}

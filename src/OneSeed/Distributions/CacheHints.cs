using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace OneSeed.Distributions;

/// <summary>
/// Software prefetch for shuffles: their swap partners are known a chunk ahead (they depend on positions, never on the
/// data), so fetching the partner's cache line early hides most of the misses that bound a shuffle of a large array.
/// </summary>
internal static class CacheHints
{
    /// <summary>How many swaps ahead to prefetch: enough to cover a memory access at this machine's swap rate.</summary>
    public const int PrefetchDistance = 16;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch<T>(ref T item)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref item));
        }
    }
}

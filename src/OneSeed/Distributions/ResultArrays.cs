using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OneSeed.Distributions;

/// <summary>
/// The arrays the allocating bulk calls (<c>random(size)</c>, <c>randint(..., size)</c>, <c>permutation(n)</c>, …) return.
/// They are written in full before they are returned, so they skip the runtime's zeroing; large ones are marked for
/// transparent huge pages, as NumPy marks its own large arrays.
/// </summary>
/// <remarks>
/// Why huge pages: the garbage collector gives the freed tail of a large-object region back to the kernel after each
/// full collection, so every multi-megabyte result lands on fresh pages, and the kernel faults them in and clears them
/// 4 KiB at a time. Measured on 8 MB results (an AMD EPYC Zen 4, Debian 12, THP mode <c>madvise</c>): about 750 faults
/// and 2.4 ms per call with 4 KiB pages, 180 faults and 1.0 ms with the advice. No GC setting avoided the faults
/// (RetainVM, gen0 size, the LOH threshold, the region size, the segments GC). NumPy makes the same
/// <c>madvise(MADV_HUGEPAGE)</c> call for every allocation of 4 MiB or more (<c>numpy/core/src/multiarray/alloc.c</c>),
/// and like NumPy this ignores the result: advice the kernel cannot follow changes nothing.
/// Why the pinned object heap for them: on an AMD EPYC Zen 5 (Debian 12, .NET 10) a loop of legacy
/// <c>randint(0, 1000, 10^6)</c> calls took 95 page faults a call with its results there against 164 on the large
/// object heap, and BenchmarkDotNet's fastest iteration went from 1.51–1.58 ms to 0.98–1.46 ms a call. Nothing else
/// changes for the caller: neither heap moves arrays of this size.
/// </remarks>
internal static partial class ResultArrays
{
    /// <summary>NumPy's threshold for the advice: below it the faults are a small part of the call.</summary>
    private const long HugePageAdviceBytes = 1L << 22;

    private const nint HugePageBytes = 2 << 20;

    private const int MadvHugePage = 14;

    // Cleared when libc or its madvise cannot be bound (musl under another name, say), so the call is tried once.
    private static bool s_adviseHugePages = OperatingSystem.IsLinux();

    /// <summary>An array of <paramref name="length"/> elements whose contents the caller overwrites in full.</summary>
    public static T[] Uninitialized<T>(int length)
        where T : unmanaged
    {
        if ((long)length * Unsafe.SizeOf<T>() < HugePageAdviceBytes)
        {
            return GC.AllocateUninitializedArray<T>(length);
        }

        // Large results go to the pinned object heap, where fewer calls land on freshly faulted pages (the remarks).
        T[] result = GC.AllocateUninitializedArray<T>(length, pinned: true);
        if (s_adviseHugePages)
        {
            AdviseHugePages(result);
        }

        return result;
    }

    private static unsafe void AdviseHugePages<T>(T[] array)
        where T : unmanaged
    {
        // Only the whole 2 MiB pages inside the array: the advice must not reach the GC's memory on either side.
        fixed (T* first = array)
        {
            nint start = ((nint)first + HugePageBytes - 1) & ~(HugePageBytes - 1);
            nint end = (nint)(first + array.Length) & ~(HugePageBytes - 1);
            if (end <= start)
            {
                return;
            }

            try
            {
                _ = Madvise(start, (nuint)(end - start), MadvHugePage);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                s_adviseHugePages = false;
            }
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);
}

using System.Globalization;
using System.Runtime.InteropServices;
using OneSeed.Distributions;

namespace OneSeed.Tests.Distributions;

public sealed class ResultArraysTests
{
    [Fact]
    public void A_large_result_is_advised_for_huge_pages_on_linux()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/sys/kernel/mm/transparent_hugepage"))
        {
            return; // The advice is Linux's transparent huge pages; elsewhere the array is only uninitialised.
        }

        long[] result = ResultArrays.Uninitialized<long>(3 << 20); // 24 MiB: several whole 2 MiB pages inside.
        Assert.Equal(3 << 20, result.Length);
        var pin = GCHandle.Alloc(result, GCHandleType.Pinned);
        try
        {
            const long Huge = 2 << 20;
            long first = pin.AddrOfPinnedObject();
            long start = (first + Huge - 1) & ~(Huge - 1);
            long end = (first + ((long)result.Length * sizeof(long))) & ~(Huge - 1);
            var covering = MappingsOverlapping(start, end);
            Assert.Equal(end - start, covering.Sum(m => Math.Min(m.End, end) - Math.Max(m.Start, start)));
            foreach (var (s, e, flags) in covering)
            {
                Assert.True(flags.Contains("hg"), $"mapping {s:x}-{e:x} inside the result is not advised for huge pages (VmFlags: {string.Join(' ', flags)})");
            }
        }
        finally
        {
            pin.Free();
        }
    }

    [Fact]
    public void Results_of_every_size_have_the_requested_length()
    {
        foreach (int length in new[] { 0, 1, 1000, (1 << 19) - 1, 1 << 19, (1 << 19) + 3 })
        {
            Assert.Equal(length, ResultArrays.Uninitialized<long>(length).Length);
            Assert.Equal(length, ResultArrays.Uninitialized<float>(length).Length);
        }
    }

    private static List<(long Start, long End, string[] Flags)> MappingsOverlapping(long start, long end)
    {
        var found = new List<(long, long, string[])>();
        long mapStart = 0, mapEnd = 0;
        foreach (string line in File.ReadLines("/proc/self/smaps"))
        {
            int dash = line.IndexOf('-');
            int space = line.IndexOf(' ');
            if (dash > 0 && space > dash && long.TryParse(line.AsSpan(0, dash), NumberStyles.HexNumber, null, out long s))
            {
                mapStart = s;
                mapEnd = long.Parse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber);
            }
            else if (line.StartsWith("VmFlags:", StringComparison.Ordinal) && mapStart < end && mapEnd > start)
            {
                found.Add((mapStart, mapEnd, line["VmFlags:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
            }
        }

        return found;
    }
}

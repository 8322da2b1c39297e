using System.Globalization;
using System.Runtime.InteropServices;

namespace OneSeed.Distributions;

/// <summary>
/// Reads constant tables out of the libm mapped into this process, for the functions that reproduce glibc's own
/// (<see cref="GlibcSinCosFma"/>, <see cref="GlibcLogFma"/>): their bits depend on tables that OneSeed cannot rebuild,
/// and taking them from the libm that <see cref="Math"/> calls keeps the two in step.
/// </summary>
internal static class MappedLibm
{
    /// <summary>
    /// The first <paramref name="length"/> doubles at a place in libm's readable mappings that starts with
    /// <paramref name="signature"/> and that <paramref name="isTable"/> accepts; null where there is none (another
    /// libc, no /proc, another libm).
    /// </summary>
    internal static unsafe double[]? FindTable(ReadOnlySpan<double> signature, int length, Func<double[], bool> isTable)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            ReadOnlySpan<byte> pattern = MemoryMarshal.AsBytes(signature);
            foreach ((nint from, nint to) in ReadableSegments())
            {
                var segment = new ReadOnlySpan<byte>((void*)from, checked((int)(to - from)));
                for (int offset = 0; ;)
                {
                    int found = segment[offset..].IndexOf(pattern);
                    if (found < 0)
                    {
                        break;
                    }

                    offset += found;
                    if (offset % sizeof(double) == 0 && segment.Length - offset >= length * sizeof(double))
                    {
                        double[] table = MemoryMarshal.Cast<byte, double>(segment.Slice(offset, length * sizeof(double))).ToArray();
                        if (isTable(table))
                        {
                            return table;
                        }
                    }

                    offset++;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            // No /proc, or a maps line of another format: the callers keep their other path.
        }

        return null;
    }

    /// <summary>The address ranges of the readable mappings of libm, from /proc/self/maps.</summary>
    private static IEnumerable<(nint From, nint To)> ReadableSegments()
    {
        foreach (string line in File.ReadLines("/proc/self/maps"))
        {
            // "start-end perms offset dev inode path"; libm.so.6, or libm-2.x.so where that is the file's name.
            string[] fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 6 || fields[1][0] != 'r' || !IsLibm(Path.GetFileName(fields[5].Trim())))
            {
                continue;
            }

            string[] range = fields[0].Split('-');
            yield return ((nint)long.Parse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                (nint)long.Parse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }
    }

    private static bool IsLibm(string fileName) =>
        fileName.StartsWith("libm.so", StringComparison.Ordinal) || fileName.StartsWith("libm-", StringComparison.Ordinal);
}

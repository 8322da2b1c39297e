using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace OneSeed.Data.Shards;

/// <summary>
/// What identifies one version of a file's contents without reading it, as git's index does: the device and inode (a
/// file put in its place by a rename is another inode), the size, and the modification and status-change times in
/// nanoseconds. The change time (ctime) moves on every write, truncation or rename of the inode and cannot be set back
/// from user space (touch sets the modification time only), so a file whose identity is unchanged has not been written
/// through the file system — provided the identity was taken after the file's last change was already in the past by
/// more than the clock's granularity (see <see cref="ShardVerificationRecords"/>).
/// </summary>
/// <remarks>Linux only (statx, glibc 2.28+); elsewhere <see cref="Of"/> returns null and nothing is recorded.</remarks>
internal readonly partial record struct FileIdentity(ulong Device, ulong Inode, long Size, long ModifiedNs, long ChangedNs)
{
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7FF;
    private static bool s_unavailable = !OperatingSystem.IsLinux();

    /// <summary>The identity of the open file <paramref name="file"/>, or null where statx is not available.</summary>
    public static FileIdentity? Of(SafeFileHandle file)
    {
        if (Volatile.Read(ref s_unavailable))
        {
            return null;
        }

        Span<byte> buffer = stackalloc byte[256];
        bool added = false;
        try
        {
            file.DangerousAddRef(ref added);
            if (Statx(file.DangerousGetHandle().ToInt32(), string.Empty, AtEmptyPath, StatxBasicStats, ref MemoryMarshal.GetReference(buffer)) != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            Volatile.Write(ref s_unavailable, true);
            return null;
        }
        finally
        {
            if (added)
            {
                file.DangerousRelease();
            }
        }

        // struct statx (linux/stat.h), the same layout on every architecture.
        const uint needed = 0x200 /* STATX_SIZE */ | 0x100 /* STATX_INO */ | 0x40 /* STATX_MTIME */ | 0x80 /* STATX_CTIME */;
        if ((MemoryMarshal.Read<uint>(buffer) & needed) != needed)
        {
            return null;
        }

        ulong inode = MemoryMarshal.Read<ulong>(buffer[32..]);
        long size = MemoryMarshal.Read<long>(buffer[40..]);
        long changed = Nanoseconds(buffer[96..]);
        long modified = Nanoseconds(buffer[112..]);
        ulong device = ((ulong)MemoryMarshal.Read<uint>(buffer[136..]) << 32) | MemoryMarshal.Read<uint>(buffer[140..]);
        return new FileIdentity(device, inode, size, modified, changed);
    }

    /// <summary>The identity as one line of text (<see cref="TryParse"/> reads it back).</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Device} {Inode} {Size} {ModifiedNs} {ChangedNs}");

    public static bool TryParse(string text, out FileIdentity identity)
    {
        string[] parts = text.Split(' ');
        identity = default;
        if (parts.Length != 5
            || !ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out ulong device)
            || !ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out ulong inode)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out long size)
            || !long.TryParse(parts[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long modified)
            || !long.TryParse(parts[4], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long changed))
        {
            return false;
        }

        identity = new FileIdentity(device, inode, size, modified, changed);
        return true;
    }

    // struct statx_timestamp: int64 seconds, uint32 nanoseconds.
    private static long Nanoseconds(ReadOnlySpan<byte> timestamp) =>
        (MemoryMarshal.Read<long>(timestamp) * 1_000_000_000L) + MemoryMarshal.Read<uint>(timestamp[8..]);

    [LibraryImport("libc.so.6", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, ref byte buffer);
}

using System.Buffers;
using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace OneSeed.Data.Shards;

/// <summary>
/// A shard file mapped read-only into memory, as a <see cref="MemoryManager{T}"/>: every Arrow buffer of the shard is a
/// <see cref="Memory{T}"/> slice of it, so the arrays, batches, rows and <see cref="ReadOnlyMemory{T}"/> values handed
/// out all refer to this object and keep the mapping alive.
/// </summary>
/// <remarks>
/// The mapping is released (munmap) only by the view handle's finalizer, once nothing refers to this object: never by
/// <see cref="IDisposable.Dispose"/> (a row may still read it) and never by the dataset's cache, which only drops its
/// own reference. A <see cref="Span{T}"/> taken from the memory is not seen by the GC, which is why the row accessors
/// document that a span is valid while its row (or memory) is reachable.
/// </remarks>
internal sealed unsafe partial class MappedShardMemory : MemoryManager<byte>
{
    // Held so that neither is finalized (unmapping the view) before this object is.
    private readonly MemoryMappedViewAccessor _view;
    private readonly SafeMemoryMappedViewHandle _handle;
    private readonly byte* _pointer;
    private readonly int _length;
    private static bool s_adviceUnavailable;

    private MappedShardMemory(MemoryMappedViewAccessor view, int length)
    {
        _view = view;
        _handle = view.SafeMemoryMappedViewHandle;
        byte* pointer = null;
        _handle.AcquirePointer(ref pointer);
        try
        {
            _pointer = pointer + view.PointerOffset;
        }
        finally
        {
            // The pointer stays valid until the handle is released; holding the reference count up would stop the
            // finalizer from ever unmapping.
            _handle.ReleasePointer();
        }

        _length = length;
    }

    /// <summary>Maps the first <paramref name="length"/> bytes of <paramref name="file"/> read-only (the handle may be closed afterwards).</summary>
    /// <exception cref="IOException">The file cannot be mapped.</exception>
    public static MappedShardMemory Map(SafeFileHandle file, int length)
    {
        using MemoryMappedFile map = MemoryMappedFile.CreateFromFile(file, mapName: null, length, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        var mapped = new MappedShardMemory(map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read), length);

        // A page fault in a file mapping reads the device's whole read-ahead window around it (8 MiB on this machine's
        // virtual disk): opening a shard (its header, footer and metadata) would read half of a 16 MiB shard. Random
        // access turns that off; the reads that want read-ahead ask for it (WillRead, Sha256).
        mapped.Advise(0, length, 1 /* MADV_RANDOM */);
        return mapped;
    }

    public int Length => _length;

    /// <summary>
    /// The SHA-256 of the whole mapping, as <see cref="ShardHash.Of(ReadOnlySpan{byte})"/>, read front to back with
    /// read-ahead: advised sequential (faults read ahead) and WILLNEED (the first window starts at once) for the hash,
    /// random again after it (<see cref="Map"/>'s advice, which would otherwise make every page of the hash a fault of
    /// its own).
    /// </summary>
    public string Sha256()
    {
        Advise(0, _length, 2 /* MADV_SEQUENTIAL */);
        WillRead(0, _length);
        try
        {
            return ShardHash.Of(GetSpan());
        }
        finally
        {
            Advise(0, _length, 1 /* MADV_RANDOM */);
        }
    }

    /// <summary>
    /// Asks the kernel to start reading bytes [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>)
    /// in (Linux: madvise WILLNEED on the pages that hold them): a batch's samples then arrive with their reads in flight
    /// together, instead of one page fault's read at a time. Only advice.
    /// </summary>
    public void WillRead(int start, int length) => Advise(start, length, 3 /* MADV_WILLNEED */);

    private void Advise(int start, int length, int advice)
    {
        if (!OperatingSystem.IsLinux() || Volatile.Read(ref s_adviceUnavailable) || (uint)start > (uint)_length || (uint)length > (uint)(_length - start))
        {
            return;
        }

        try
        {
            nint page = Environment.SystemPageSize;
            nint first = (nint)(_pointer + start) & ~(page - 1);
            _ = Madvise(first, (nuint)((nint)(_pointer + start + length) - first), advice);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            Volatile.Write(ref s_adviceUnavailable, true);
        }

        GC.KeepAlive(this);
    }

    public override Span<byte> GetSpan()
    {
        GC.KeepAlive(_view);
        return new Span<byte>(_pointer, _length);
    }

    public override MemoryHandle Pin(int elementIndex = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(elementIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(elementIndex, _length);

        // The memory never moves; passing this object as the pinnable keeps the mapping alive until the handle is disposed.
        return new MemoryHandle(_pointer + elementIndex, pinnable: this);
    }

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
    }

    [LibraryImport("libc.so.6", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);
}

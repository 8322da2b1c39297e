using System.Buffers;
using Apache.Arrow.Memory;

namespace OneSeed.Data.Shards;

/// <summary>
/// An Arrow allocator over garbage-collected arrays. Arrow's default allocator takes native memory that must be
/// disposed; a row handed to the user may outlive the shard's place in the cache, so its memory must stay valid for as
/// long as anything refers to it, which the GC gives for free. Disposing an owner does nothing.
/// </summary>
internal sealed class ManagedMemoryAllocator : MemoryAllocator
{
    public static readonly ManagedMemoryAllocator Instance = new();

    private ManagedMemoryAllocator()
        : base(alignment: 8)
    {
    }

    protected override IMemoryOwner<byte> AllocateInternal(int length, out int bytesAllocated)
    {
        bytesAllocated = length;
        return new Owner(GC.AllocateUninitializedArray<byte>(length));
    }

    private sealed class Owner(byte[] array) : IMemoryOwner<byte>
    {
        public Memory<byte> Memory => array;

        public void Dispose()
        {
        }
    }
}

using System.Runtime.InteropServices;
using Apache.Arrow;

namespace OneSeed.Data.Shards;

/// <summary>
/// One Arrow record batch of a loaded shard: its columns in schema order, and the shard row it starts at. The columns'
/// buffers are slices of <see cref="File"/> (a byte array or a memory mapping), which the batch also holds, so a row
/// (which holds its batch) keeps the shard's memory alive.
/// </summary>
internal sealed class ShardBatch(ShardSchema schema, ShardInfo shard, IArrowArray[] columns, int firstRow, int length, ReadOnlyMemory<byte> file)
{
    public ShardSchema Schema { get; } = schema;

    public ShardInfo Shard { get; } = shard;

    public IArrowArray[] Columns { get; } = columns;

    public int FirstRow { get; } = firstRow;

    public int Length { get; } = length;

    public ReadOnlyMemory<byte> File { get; } = file;

    // Values at least this long are asked for ahead of their reading (one madvise per value): a page fault reads about
    // 128 KiB around it, so smaller values mostly arrive with their neighbours anyway.
    private const int AdviseFrom = 16 << 10;

    private readonly MappedShardMemory? _mapping = MemoryMarshal.TryGetMemoryManager(file, out MappedShardMemory? mapping) ? mapping : null;

    /// <summary>
    /// For a mapped shard: asks the kernel to read the large values of <paramref name="row"/> in now, so that the reads
    /// of a batch's samples (the loader gets all of them before the collate function reads them) run at once rather than
    /// one page fault at a time.
    /// </summary>
    public void AdviseRow(int row)
    {
        if (_mapping is null)
        {
            return;
        }

        for (int c = 0; c < Columns.Length; c++)
        {
            (ArrowBuffer buffer, int start, int length) = Columns[c] switch
            {
                BinaryArray binary => (binary.ValueBuffer, binary.ValueOffsets[row], binary.ValueOffsets[row + 1] - binary.ValueOffsets[row]),
                FixedSizeListArray list => Tensor(list, Schema.Columns[c], row),
                _ => (ArrowBuffer.Empty, 0, 0),
            };
            if (length >= AdviseFrom && MemoryMarshal.TryGetMemoryManager(buffer.Memory, out MappedShardMemory? _, out int bufferStart, out int _))
            {
                _mapping.WillRead(bufferStart + start, length);
            }
        }
    }

    private static (ArrowBuffer Buffer, int Start, int Length) Tensor(FixedSizeListArray list, ShardColumn column, int row)
    {
        int size = ShardArrow.ElementSize(column.ElementType);
        int count = column.ElementCount;
        ArrayData values = list.Values.Data;
        return (values.Buffers[1], (values.Offset + ((list.Offset + row) * count)) * size, count * size);
    }
}

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
}

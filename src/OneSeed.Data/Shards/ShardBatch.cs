using Apache.Arrow;

namespace OneSeed.Data.Shards;

/// <summary>One Arrow record batch of a loaded shard: its columns in schema order, and the shard row it starts at.</summary>
internal sealed class ShardBatch(ShardSchema schema, ShardInfo shard, IArrowArray[] columns, int firstRow, int length)
{
    public ShardSchema Schema { get; } = schema;

    public ShardInfo Shard { get; } = shard;

    public IArrowArray[] Columns { get; } = columns;

    public int FirstRow { get; } = firstRow;

    public int Length { get; } = length;
}

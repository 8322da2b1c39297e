namespace OneSeed.Data.Shards;

/// <summary>
/// One sample to write with <see cref="ShardWriter.Write"/>: a value per column, set by column name.
/// </summary>
/// <remarks>
/// <para>
/// The record is not bound to a schema; the writer checks it against its schema and refuses a record with a missing,
/// unknown or mistyped column, naming the column and the sample number. An <see cref="int"/> is accepted for an
/// <see cref="ShardColumnKind.Int64"/> column and a <see cref="float"/> for a <see cref="ShardColumnKind.Float64"/>
/// column (both exact); nothing else is converted. Bytes and tensors are not copied until the writer takes them:
/// don't change them between <c>Set</c> and <c>Write</c>. A record can be reused: set every column again, or
/// <see cref="Clear"/> it.
/// </para>
/// <para>Reproducibility tier: <b>stable</b> (a plain container).</para>
/// </remarks>
public sealed class ShardRecord
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);

    /// <summary>The names of the columns set so far.</summary>
    public IReadOnlyCollection<string> Columns => _values.Keys;

    /// <summary>Sets an <see cref="ShardColumnKind.Int32"/> (or <see cref="ShardColumnKind.Int64"/>) column.</summary>
    /// <returns>This record, for chaining.</returns>
    public ShardRecord Set(string column, int value) => Put(column, value);

    /// <summary>Sets an <see cref="ShardColumnKind.Int64"/> column.</summary>
    /// <returns>This record, for chaining.</returns>
    public ShardRecord Set(string column, long value) => Put(column, value);

    /// <summary>Sets a <see cref="ShardColumnKind.Float32"/> (or <see cref="ShardColumnKind.Float64"/>) column.</summary>
    /// <returns>This record, for chaining.</returns>
    public ShardRecord Set(string column, float value) => Put(column, value);

    /// <summary>Sets a <see cref="ShardColumnKind.Float64"/> column.</summary>
    /// <returns>This record, for chaining.</returns>
    public ShardRecord Set(string column, double value) => Put(column, value);

    /// <summary>Sets a <see cref="ShardColumnKind.Boolean"/> column.</summary>
    /// <returns>This record, for chaining.</returns>
    public ShardRecord Set(string column, bool value) => Put(column, value);

    /// <summary>Sets a <see cref="ShardColumnKind.String"/> column (stored as UTF-8; may be empty).</summary>
    /// <returns>This record, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null (columns are not nullable).</exception>
    public ShardRecord Set(string column, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Put(column, value);
    }

    /// <summary>Sets a <see cref="ShardColumnKind.Bytes"/> column (may be empty).</summary>
    /// <returns>This record, for chaining.</returns>
    public ShardRecord Set(string column, ReadOnlyMemory<byte> value) => Put(column, value);

    /// <summary>Sets a <see cref="ShardColumnKind.Tensor"/> column: <paramref name="values"/> in row-major order, exactly the column's element count, of its element type.</summary>
    /// <typeparam name="T">The element type: <see cref="byte"/>, <see cref="sbyte"/>, <see cref="short"/>, <see cref="ushort"/>, <see cref="int"/>, <see cref="uint"/>, <see cref="long"/>, <see cref="ulong"/>, <see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <returns>This record, for chaining.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not a tensor element type.</exception>
    public ShardRecord SetTensor<T>(string column, ReadOnlyMemory<T> values)
        where T : unmanaged
    {
        if (ShardArrow.ElementTypeOf<T>() == ShardElementType.None)
        {
            throw new ArgumentException($"Column '{column}': {typeof(T).Name} is not a tensor element type (byte, sbyte, short, ushort, int, uint, long, ulong, float, double).", nameof(values));
        }

        return Put(column, new TensorValue<T>(values));
    }

    /// <summary>Sets a tensor column from its little-endian element bytes (copying a row read from another dataset).</summary>
    internal ShardRecord SetTensorBytes(string column, ShardElementType elementType, ReadOnlyMemory<byte> bytes) =>
        Put(column, new RawTensorValue(elementType, bytes));

    /// <summary>Removes every value.</summary>
    public void Clear() => _values.Clear();

    internal bool TryGet(string column, out object value) => _values.TryGetValue(column, out value!);

    private ShardRecord Put(string column, object value)
    {
        ArgumentException.ThrowIfNullOrEmpty(column);
        _values[column] = value;
        return this;
    }

    /// <summary>A tensor value, seen by the writer as its element type, element count and little-endian bytes.</summary>
    internal abstract class TensorValue
    {
        public abstract ShardElementType ElementType { get; }

        public abstract int Length { get; }

        public abstract ReadOnlySpan<byte> Bytes { get; }
    }

    private sealed class RawTensorValue(ShardElementType elementType, ReadOnlyMemory<byte> bytes) : TensorValue
    {
        public override ShardElementType ElementType => elementType;

        public override int Length => bytes.Length / ShardArrow.ElementSize(elementType);

        public override ReadOnlySpan<byte> Bytes => bytes.Span;
    }

    private sealed class TensorValue<T>(ReadOnlyMemory<T> values) : TensorValue
        where T : unmanaged
    {
        public override ShardElementType ElementType => ShardArrow.ElementTypeOf<T>();

        public override int Length => values.Length;

        public override ReadOnlySpan<byte> Bytes => System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.Span);
    }
}

using System.Runtime.InteropServices;
using Apache.Arrow;

namespace OneSeed.Data.Shards;

/// <summary>
/// One sample read from a <see cref="ShardedDataset"/>: typed, allocation-free access to its columns by name.
/// </summary>
/// <remarks>
/// <para>
/// A row is a view of its shard's memory (a struct: getting a row allocates nothing). Bytes and tensors are returned
/// without copying. Asking for a column that does not exist or with the accessor of another kind throws an
/// <see cref="ArgumentException"/> that names the column and its kind.
/// </para>
/// <para>
/// <b>Lifetime.</b> A shard read from a local file is memory-mapped, and the mapping is released only once nothing refers
/// to it: not the dataset's cache (which drops shards as it reads others), not a row, not a
/// <see cref="ReadOnlyMemory{T}"/> from <see cref="GetBytes(string)"/>. So a row and a memory stay valid for as long as
/// you hold them, even after the cache has dropped their shard. A span — from <see cref="GetTensor{T}(string)"/>, or the
/// <c>.Span</c> of a memory — is not seen by the garbage collector: it is valid while the row or memory it came from is
/// still reachable. Use a span while you hold its row (the loader's batch holds its rows; a row in a variable that is
/// read after the span's last use, or <c>GC.KeepAlive(row)</c> after it, holds it too), and copy what you keep
/// (<c>ToArray()</c>). A span used after its row and memory were dropped may read memory that has been unmapped.
/// </para>
/// <para>Reproducibility tier: <b>stable</b> (the values are the stored values, bit for bit).</para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1815:Override equals and operator equals on value types", Justification = "A view of stored data; comparing views is not meaningful, compare the values.")]
public readonly struct ShardRow
{
    private readonly ShardBatch? _batch;
    private readonly int _row;

    internal ShardRow(ShardBatch batch, int row, int index)
    {
        _batch = batch;
        _row = row;
        Index = index;
    }

    /// <summary>The sample's global index in its dataset.</summary>
    public int Index { get; }

    /// <summary>The dataset's columns.</summary>
    /// <exception cref="InvalidOperationException">The row is <c>default</c>, not one read from a dataset.</exception>
    public ShardSchema Schema => Batch.Schema;

    /// <summary>The name of the shard file the sample was read from.</summary>
    /// <exception cref="InvalidOperationException">The row is <c>default</c>, not one read from a dataset.</exception>
    public string Shard => Batch.Shard.Name;

    /// <summary>The whole shard file's memory (a mapping or a byte array), for tests.</summary>
    internal ReadOnlyMemory<byte> ShardMemory => Batch.File;

    private ShardBatch Batch => _batch ?? throw new InvalidOperationException("This ShardRow is default(ShardRow), not a row read from a ShardedDataset.");

    /// <summary>The value of a <see cref="ShardColumnKind.Bytes"/> column (a view of the shard's memory, not a copy; the memory keeps the shard mapped while you hold it — see the type's remarks on spans).</summary>
    /// <exception cref="ArgumentException">There is no such column, or it is not a bytes column.</exception>
    public ReadOnlyMemory<byte> GetBytes(string column)
    {
        var array = (BinaryArray)Column(column, ShardColumnKind.Bytes, nameof(GetBytes));
        ReadOnlySpan<int> offsets = array.ValueOffsets;
        return array.ValueBuffer.Memory[offsets[_row]..offsets[_row + 1]];
    }

    /// <summary>The value of a <see cref="ShardColumnKind.String"/> column.</summary>
    /// <exception cref="ArgumentException">There is no such column, or it is not a string column.</exception>
    public string GetString(string column) => ((StringArray)Column(column, ShardColumnKind.String, nameof(GetString))).GetString(_row);

    /// <summary>The value of an <see cref="ShardColumnKind.Int32"/> column.</summary>
    /// <exception cref="ArgumentException">There is no such column, or it is not an int32 column.</exception>
    public int GetInt32(string column) => ((Int32Array)Column(column, ShardColumnKind.Int32, nameof(GetInt32))).Values[_row];

    /// <summary>The value of an <see cref="ShardColumnKind.Int64"/> column.</summary>
    /// <exception cref="ArgumentException">There is no such column, or it is not an int64 column.</exception>
    public long GetInt64(string column) => ((Int64Array)Column(column, ShardColumnKind.Int64, nameof(GetInt64))).Values[_row];

    /// <summary>The value of a <see cref="ShardColumnKind.Float32"/> column.</summary>
    /// <exception cref="ArgumentException">There is no such column, or it is not a float32 column.</exception>
    public float GetFloat32(string column) => ((FloatArray)Column(column, ShardColumnKind.Float32, nameof(GetFloat32))).Values[_row];

    /// <summary>The value of a <see cref="ShardColumnKind.Float64"/> column.</summary>
    /// <exception cref="ArgumentException">There is no such column, or it is not a float64 column.</exception>
    public double GetFloat64(string column) => ((DoubleArray)Column(column, ShardColumnKind.Float64, nameof(GetFloat64))).Values[_row];

    /// <summary>The value of a <see cref="ShardColumnKind.Boolean"/> column.</summary>
    /// <exception cref="ArgumentException">There is no such column, or it is not a boolean column.</exception>
    public bool GetBoolean(string column) => ((BooleanArray)Column(column, ShardColumnKind.Boolean, nameof(GetBoolean))).GetValue(_row) == true;

    /// <summary>
    /// The elements of a <see cref="ShardColumnKind.Tensor"/> column, row-major (a view, not a copy); the shape is the
    /// column's <see cref="ShardColumn.Shape"/>. The span is valid while this row is reachable (see the type's remarks):
    /// use it while you hold the row, copy it (<c>ToArray()</c>) to keep it.
    /// </summary>
    /// <typeparam name="T">The column's element type (<see cref="float"/> for float32, <see cref="byte"/> for uint8, …).</typeparam>
    /// <exception cref="ArgumentException">There is no such column, it is not a tensor column, or its elements are not <typeparamref name="T"/>.</exception>
    public ReadOnlySpan<T> GetTensor<T>(string column)
        where T : unmanaged
    {
        var list = (FixedSizeListArray)Column(column, ShardColumnKind.Tensor, nameof(GetTensor));
        ShardColumn definition = Batch.Schema[column];
        if (ShardArrow.ElementTypeOf<T>() != definition.ElementType)
        {
            throw new ArgumentException($"Column '{column}' holds {ShardArrow.Name(definition.ElementType)} elements ({definition.TypeText}); read it with GetTensor<{ShardArrow.ClrType(definition.ElementType).Name}>, not GetTensor<{typeof(T).Name}>.", nameof(column));
        }

        IArrowArray values = list.Values;
        int count = definition.ElementCount;
        return MemoryMarshal.Cast<byte, T>(values.Data.Buffers[1].Span).Slice(values.Data.Offset + ((list.Offset + _row) * count), count);
    }

    /// <summary>A <see cref="ShardRecord"/> with this row's values (bytes and tensors as views of the shard's memory), e.g. to write it to another dataset.</summary>
    /// <exception cref="InvalidOperationException">The row is <c>default</c>.</exception>
    public ShardRecord ToRecord()
    {
        var record = new ShardRecord();
        foreach (ShardColumn column in Schema.Columns)
        {
            string name = column.Name;
            _ = column.Kind switch
            {
                ShardColumnKind.Bytes => record.Set(name, GetBytes(name)),
                ShardColumnKind.String => record.Set(name, GetString(name)),
                ShardColumnKind.Int32 => record.Set(name, GetInt32(name)),
                ShardColumnKind.Int64 => record.Set(name, GetInt64(name)),
                ShardColumnKind.Float32 => record.Set(name, GetFloat32(name)),
                ShardColumnKind.Float64 => record.Set(name, GetFloat64(name)),
                ShardColumnKind.Boolean => record.Set(name, GetBoolean(name)),
                _ => record.SetTensorBytes(name, column.ElementType, TensorBytes(name, column)),
            };
        }

        return record;
    }

    /// <summary>The row as <c>ShardRow(index, shard)</c>.</summary>
    public override string ToString() => _batch is null ? "ShardRow(default)" : $"ShardRow({Index}, {Shard})";

    private ReadOnlyMemory<byte> TensorBytes(string name, ShardColumn column)
    {
        var list = (FixedSizeListArray)Column(name, ShardColumnKind.Tensor, nameof(ToRecord));
        IArrowArray values = list.Values;
        int size = ShardArrow.ElementSize(column.ElementType);
        int count = column.ElementCount;
        return values.Data.Buffers[1].Memory.Slice((values.Data.Offset + ((list.Offset + _row) * count)) * size, count * size);
    }

    private IArrowArray Column(string column, ShardColumnKind kind, string accessor)
    {
        ShardBatch batch = Batch;
        int ordinal = batch.Schema.IndexOf(column);
        if (ordinal < 0)
        {
            throw new ArgumentException($"No column '{column}'; the columns are {batch.Schema}.", nameof(column));
        }

        ShardColumn definition = batch.Schema.Columns[ordinal];
        if (definition.Kind != kind)
        {
            throw new ArgumentException($"Column '{column}' is {definition.TypeText}; {accessor} reads {ShardArrow.Name(kind)} columns.", nameof(column));
        }

        return batch.Columns[ordinal];
    }
}

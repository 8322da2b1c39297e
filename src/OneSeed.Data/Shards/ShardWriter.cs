using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;

namespace OneSeed.Data.Shards;

/// <summary>
/// Writes samples to a directory as Arrow IPC shard files plus <c>index.json</c>, atomically: until
/// <see cref="Complete"/> has replaced the index, the directory still holds the previous dataset, readable and intact.
/// </summary>
/// <remarks>
/// <para>
/// Each shard is written under a temporary name, flushed to disk and renamed to a name no earlier dataset used
/// (<c>shard-NNNNN-xxxxxxxx.arrow</c>, the suffix random per writer), so the old index's shards are never overwritten.
/// <see cref="Complete"/> writes <c>index.json</c> the same way (temporary file, flush, rename over the old one) and only
/// then deletes the shards the new index does not name. A process killed at any moment therefore leaves either the old
/// dataset or the new one, never a mix; leftovers of a killed writer (temporary files, unindexed shards) are removed by
/// the next writer's <see cref="Complete"/>. <see cref="Dispose"/> without <see cref="Complete"/> abandons the new
/// dataset and deletes its shards.
/// </para>
/// <para>
/// One writer at a time per directory: a writer holds <c>.oneseed-writer.lock</c> (an OS file lock, released when the
/// process dies) and a second one is refused. A record that does not fit the schema is refused with an
/// <see cref="ArgumentException"/> naming the column and the sample number, and nothing of it is written.
/// </para>
/// <para>Reproducibility tier: <b>stable</b> (the same samples and options give the same shard contents and boundaries; shard names carry a random suffix).</para>
/// </remarks>
public sealed partial class ShardWriter : IDisposable
{
    /// <summary>The lock file a writer holds in its directory.</summary>
    public const string LockFileName = ".oneseed-writer.lock";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ShardWriterOptions _options;
    private readonly Schema _arrowSchema;
    private readonly ColumnBuffer[] _columns;
    private readonly object[] _prepared;
    private readonly string _token = Guid.NewGuid().ToString("N")[..8];
    private readonly List<(string Name, int Samples, long Bytes, string Sha256)> _written = [];
    private FileStream? _lock;
    private int _shardSamples;
    private long _shardBytes;
    private bool _completed;

    /// <summary>Starts a dataset in <paramref name="directory"/> (created if missing; an existing dataset there stays readable until <see cref="Complete"/>).</summary>
    /// <param name="directory">The dataset directory.</param>
    /// <param name="schema">The columns of every sample.</param>
    /// <param name="options">Where to cut shards; null for the defaults.</param>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="schema"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the message names it).</exception>
    /// <exception cref="IOException">Another writer holds the directory, or it cannot be created.</exception>
    public ShardWriter(string directory, ShardSchema schema, ShardWriterOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(schema);
        options ??= new ShardWriterOptions();
        if (options.MaxShardBytes is < 1 or > ShardWriterOptions.MaxShardBytesLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxShardBytes, $"ShardWriterOptions.MaxShardBytes is {options.MaxShardBytes}; it must be in [1, {ShardWriterOptions.MaxShardBytesLimit}].");
        }

        if (options.MaxSamplesPerShard < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxSamplesPerShard, $"ShardWriterOptions.MaxSamplesPerShard is {options.MaxSamplesPerShard}; it must be at least 1.");
        }

        Directory = Path.GetFullPath(directory);
        Schema = schema;
        _options = options;
        _arrowSchema = ShardArrow.ToArrow(schema);
        _columns = [.. schema.Columns.Select(c => new ColumnBuffer(c))];
        _prepared = new object[_columns.Length];
        System.IO.Directory.CreateDirectory(Directory);
        try
        {
            _lock = new FileStream(Path.Combine(Directory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"Another ShardWriter is writing to {Directory} (it holds {LockFileName}); one writer at a time per directory.", e);
        }
    }

    /// <summary>The dataset directory (absolute).</summary>
    public string Directory { get; }

    /// <summary>The columns of every sample.</summary>
    public ShardSchema Schema { get; }

    /// <summary>The number of samples written so far; the next sample gets this global index.</summary>
    public int SampleCount { get; private set; }

    /// <summary>Adds a sample; it becomes sample <see cref="SampleCount"/> of the dataset.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentException">The record lacks a column, sets one the schema does not have, or a value has the wrong type or tensor size, or a string is not valid UTF-16 (the message names the column and the sample number); nothing is written.</exception>
    /// <exception cref="InvalidOperationException">The writer has completed, or already holds <see cref="int.MaxValue"/> samples.</exception>
    /// <exception cref="ObjectDisposedException">The writer is disposed.</exception>
    public void Write(ShardRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ThrowIfDone();
        if (SampleCount == int.MaxValue)
        {
            throw new InvalidOperationException($"The dataset already holds {int.MaxValue} samples, the most an IDataset can address.");
        }

        long bytes = Prepare(record);
        if (_shardSamples > 0 && (_shardBytes + bytes > _options.MaxShardBytes || _shardSamples == _options.MaxSamplesPerShard))
        {
            FlushShard();
        }

        for (int c = 0; c < _columns.Length; c++)
        {
            _columns[c].Append(_prepared[c]);
            _prepared[c] = null!;
        }

        _shardSamples++;
        _shardBytes += bytes;
        SampleCount++;
    }

    /// <summary>
    /// Writes the last shard and then <c>index.json</c> (atomically replacing any previous index), deletes the shards of
    /// the previous dataset and any leftovers of interrupted writers, and releases the directory.
    /// </summary>
    /// <returns>The new index.</returns>
    /// <exception cref="InvalidOperationException">The writer has already completed.</exception>
    /// <exception cref="ObjectDisposedException">The writer is disposed.</exception>
    /// <exception cref="IOException">A file cannot be written; the previous dataset is then still in place.</exception>
    public ShardIndex Complete()
    {
        ThrowIfDone();
        if (_shardSamples > 0)
        {
            FlushShard();
        }

        var index = new ShardIndex(Schema, _written);
        string indexPath = Path.Combine(Directory, ShardIndex.FileName);
        string temp = Path.Combine(Directory, $".{ShardIndex.FileName}.{_token}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(Encoding.UTF8.GetBytes(index.ToJson()));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, indexPath, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        _completed = true;
        var keep = new HashSet<string>(_written.Select(w => w.Name), StringComparer.Ordinal);
        foreach (string path in System.IO.Directory.EnumerateFiles(Directory))
        {
            string name = Path.GetFileName(path);
            if ((ShardFileName().IsMatch(name) && !keep.Contains(name)) || TempFileName().IsMatch(name))
            {
                TryDelete(path);
            }
        }

        ReleaseLock();
        return index;
    }

    /// <summary>Releases the directory; without <see cref="Complete"/>, deletes the shards written so far and leaves the previous dataset as it was.</summary>
    public void Dispose()
    {
        if (_lock is null)
        {
            return;
        }

        if (!_completed)
        {
            foreach ((string name, _, _, _) in _written)
            {
                TryDelete(Path.Combine(Directory, name));
            }
        }

        ReleaseLock();
    }

    [GeneratedRegex(@"^shard-[0-9]{5,}-[0-9a-f]{8}\.arrow$", RegexOptions.CultureInvariant)]
    private static partial Regex ShardFileName();

    [GeneratedRegex(@"^\.(shard-[0-9]{5,}-[0-9a-f]{8}\.arrow|index\.json\.[0-9a-f]{8})\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TempFileName();

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover that cannot be deleted now is harmless (no index names it); the next writer tries again.
        }
    }

    private void ReleaseLock()
    {
        _lock?.Dispose();
        _lock = null;
    }

    private void ThrowIfDone()
    {
        ObjectDisposedException.ThrowIf(_lock is null && !_completed, this);
        if (_completed)
        {
            throw new InvalidOperationException($"The writer for {Directory} has completed; start a new ShardWriter to write another dataset.");
        }
    }

    /// <summary>Checks <paramref name="record"/> against the schema and converts its values into <see cref="_prepared"/>; returns its data bytes.</summary>
    private long Prepare(ShardRecord record)
    {
        int sample = SampleCount;
        foreach (string name in record.Columns)
        {
            if (Schema.IndexOf(name) < 0)
            {
                throw new ArgumentException($"Sample {sample} sets column '{name}', which the schema does not have; the columns are {Schema}.", nameof(record));
            }
        }

        long bytes = 0;
        for (int c = 0; c < _columns.Length; c++)
        {
            ShardColumn column = Schema.Columns[c];
            if (!record.TryGet(column.Name, out object value))
            {
                throw new ArgumentException($"Sample {sample} has no value for column '{column.Name}' ({column.TypeText}); every column needs one.", nameof(record));
            }

            ArgumentException Wrong(string detail) =>
                new($"Sample {sample}: column '{column.Name}' is {column.TypeText}, but {detail}.", nameof(record));

            object prepared = (column.Kind, value) switch
            {
                (ShardColumnKind.Int32, int v) => v,
                (ShardColumnKind.Int64, long v) => v,
                (ShardColumnKind.Int64, int v) => (long)v,
                (ShardColumnKind.Float32, float v) => v,
                (ShardColumnKind.Float64, double v) => v,
                (ShardColumnKind.Float64, float v) => (double)v,
                (ShardColumnKind.Boolean, bool v) => v,
                (ShardColumnKind.Bytes, ReadOnlyMemory<byte> v) => v,
                (ShardColumnKind.String, string v) => Utf8(v, Wrong),
                (ShardColumnKind.Tensor, ShardRecord.TensorValue v) when v.ElementType != column.ElementType =>
                    throw Wrong($"the value has {ShardArrow.Name(v.ElementType)} elements"),
                (ShardColumnKind.Tensor, ShardRecord.TensorValue v) when v.Length != column.ElementCount =>
                    throw Wrong($"the value has {v.Length} elements instead of {column.ElementCount}"),
                (ShardColumnKind.Tensor, ShardRecord.TensorValue v) => v,
                _ => throw Wrong($"the value is {Describe(value)}"),
            };
            _prepared[c] = prepared;
            bytes += prepared switch
            {
                ReadOnlyMemory<byte> b => b.Length + sizeof(int),
                ShardRecord.TensorValue t => t.Bytes.Length,
                int or float => 4,
                bool => 1,
                _ => 8,
            };
        }

        return bytes;
    }

    private static ReadOnlyMemory<byte> Utf8(string value, Func<string, ArgumentException> wrong)
    {
        try
        {
            return StrictUtf8.GetBytes(value);
        }
        catch (EncoderFallbackException)
        {
            throw wrong("the string holds an unpaired surrogate, which UTF-8 cannot store");
        }
    }

    private static string Describe(object value) => value switch
    {
        int => "an int",
        long => "a long",
        float => "a float",
        double => "a double",
        bool => "a bool",
        string => "a string",
        ReadOnlyMemory<byte> => "bytes",
        ShardRecord.TensorValue t => $"a tensor of {ShardArrow.Name(t.ElementType)}",
        _ => value.GetType().Name,
    };

    private void FlushShard()
    {
        string name = string.Create(CultureInfo.InvariantCulture, $"shard-{_written.Count:D5}-{_token}.arrow");
        string path = Path.Combine(Directory, name);
        string temp = Path.Combine(Directory, $".{name}.tmp");
        long size;
        string sha;
        try
        {
            var arrays = new IArrowArray[_columns.Length];
            for (int c = 0; c < arrays.Length; c++)
            {
                arrays[c] = _columns[c].Build(_shardSamples);
            }

            using var batch = new RecordBatch(_arrowSchema, arrays, _shardSamples);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                using (var writer = new ArrowFileWriter(stream, _arrowSchema, leaveOpen: true))
                {
                    writer.WriteRecordBatch(batch);
                    writer.WriteEnd();
                }

                stream.Flush(flushToDisk: true);
                size = stream.Length;
                stream.Position = 0;
                sha = ShardHash.Of(stream);
            }

            File.Move(temp, path, overwrite: false);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        _written.Add((name, _shardSamples, size, sha));
        foreach (ColumnBuffer column in _columns)
        {
            column.Reset();
        }

        _shardSamples = 0;
        _shardBytes = 0;
    }

    /// <summary>The values of one column for the shard being built, as the Arrow buffers they become.</summary>
    private sealed class ColumnBuffer(ShardColumn column)
    {
        private readonly ArrayBufferWriter<byte> _data = new();
        private readonly ArrayBufferWriter<byte> _offsets = new();

        public void Append(object value)
        {
            switch (value)
            {
                case ReadOnlyMemory<byte> bytes:
                    if (_offsets.WrittenCount == 0)
                    {
                        AppendRaw(_offsets, 0);
                    }

                    _data.Write(bytes.Span);
                    AppendRaw(_offsets, _data.WrittenCount);
                    break;
                case ShardRecord.TensorValue tensor:
                    _data.Write(tensor.Bytes);
                    break;
                case int v:
                    AppendRaw(_data, v);
                    break;
                case long v:
                    AppendRaw(_data, v);
                    break;
                case float v:
                    AppendRaw(_data, v);
                    break;
                case double v:
                    AppendRaw(_data, v);
                    break;
                case bool v:
                    AppendRaw(_data, v ? (byte)1 : (byte)0);
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected prepared value {value.GetType().Name}.");
            }
        }

        public IArrowArray Build(int length)
        {
            var data = new ArrowBuffer(_data.WrittenMemory);
            switch (column.Kind)
            {
                case ShardColumnKind.Bytes:
                    return new BinaryArray(BinaryType.Default, length, new ArrowBuffer(_offsets.WrittenMemory), data, ArrowBuffer.Empty, 0, 0);
                case ShardColumnKind.String:
                    return new StringArray(length, new ArrowBuffer(_offsets.WrittenMemory), data, ArrowBuffer.Empty, 0, 0);
                case ShardColumnKind.Int32:
                    return new Int32Array(data, ArrowBuffer.Empty, length, 0, 0);
                case ShardColumnKind.Int64:
                    return new Int64Array(data, ArrowBuffer.Empty, length, 0, 0);
                case ShardColumnKind.Float32:
                    return new FloatArray(data, ArrowBuffer.Empty, length, 0, 0);
                case ShardColumnKind.Float64:
                    return new DoubleArray(data, ArrowBuffer.Empty, length, 0, 0);
                case ShardColumnKind.Boolean:
                    byte[] bits = new byte[(length + 7) / 8];
                    ReadOnlySpan<byte> flags = _data.WrittenSpan;
                    for (int i = 0; i < length; i++)
                    {
                        bits[i >> 3] |= (byte)(flags[i] << (i & 7));
                    }

                    return new BooleanArray(new ArrowBuffer(bits), ArrowBuffer.Empty, length, 0, 0);
                default:
                    var values = ArrowArrayFactory.BuildArray(new ArrayData(
                        ShardArrow.ElementArrowType(column.ElementType), length * column.ElementCount, 0, 0, [ArrowBuffer.Empty, data]));
                    return new FixedSizeListArray(ShardArrow.ArrowType(column), length, values, ArrowBuffer.Empty, 0, 0);
            }
        }

        public void Reset()
        {
            _data.ResetWrittenCount();
            _offsets.ResetWrittenCount();
        }

        private static void AppendRaw<T>(ArrayBufferWriter<byte> buffer, T value)
            where T : unmanaged
        {
            // Arrow buffers are little-endian; so is every platform .NET runs Arrow on.
            MemoryMarshal.Write(buffer.GetSpan(Marshal.SizeOf<T>()), in value);
            buffer.Advance(Marshal.SizeOf<T>());
        }
    }
}

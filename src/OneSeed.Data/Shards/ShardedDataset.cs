using System.Text;
using Apache.Arrow;
using Apache.Arrow.Ipc;

namespace OneSeed.Data.Shards;

/// <summary>
/// A dataset over a directory of Arrow shards written by <see cref="ShardWriter"/>: random access to every sample by
/// global index, with at most <see cref="ShardedDatasetOptions.MaxOpenShards"/> shards in memory.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Open(string, ShardedDatasetOptions?)"/> reads only <c>index.json</c>. A shard is read when one of its
/// samples is first asked for: the whole file, checked against the index (size, then SHA-256 unless
/// <see cref="ShardedDatasetOptions.VerifyHashes"/> is off — at the shard's first load by this dataset; later reloads
/// check the size — then Arrow schema and sample count), and kept in a
/// least-recently-used cache of <see cref="ShardedDatasetOptions.MaxOpenShards"/> shards. <see cref="Get"/> is
/// thread-safe (the loader's workers call it concurrently); two threads asking for the same shard read it once.
/// </para>
/// <para>
/// Every failure is a <see cref="ShardedDatasetException"/> naming the file (path or URL), the shard and the sample:
/// a missing shard, a truncated or resized one, a hash mismatch, a file that is not Arrow, or one whose schema or sample
/// count disagrees with the index. A shard that failed is read again at the next request (it may have been repaired).
/// </para>
/// <para>
/// <see cref="Index"/> exposes the layout (each shard's <see cref="ShardInfo.FirstIndex"/> and
/// <see cref="ShardInfo.SampleCount"/>) for samplers that want to visit few shards at a time.
/// </para>
/// <para>Reproducibility tier: <b>stable</b> (sample <c>i</c> is the <c>i</c>-th sample written, bit for bit).</para>
/// </remarks>
public sealed class ShardedDataset : IDataset<ShardRow>
{
    private readonly Lazy<LoadedShard>?[] _slots;
    private readonly List<int> _recent = [];
    private readonly object _gate = new();
    private readonly bool[] _hashChecked;
    private long _loads;

    private ShardedDataset(IShardSource source, ShardIndex index, ShardedDatasetOptions options)
    {
        Source = source;
        Index = index;
        Options = options;
        _slots = new Lazy<LoadedShard>?[index.Shards.Count];
        _hashChecked = new bool[index.Shards.Count];
    }

    /// <summary>Where the shards come from.</summary>
    public IShardSource Source { get; }

    /// <summary>The dataset's index: schema, shards, sample counts.</summary>
    public ShardIndex Index { get; }

    /// <summary>The options in force.</summary>
    public ShardedDatasetOptions Options { get; }

    /// <summary>The columns of every sample.</summary>
    public ShardSchema Schema => Index.Schema;

    /// <inheritdoc />
    public int Count => Index.SampleCount;

    /// <summary>The number of shards held in memory now (at most <see cref="ShardedDatasetOptions.MaxOpenShards"/> once loads finish).</summary>
    internal int OpenShardCount
    {
        get
        {
            lock (_gate)
            {
                return _recent.Count;
            }
        }
    }

    /// <summary>How many times a shard file has been read and parsed.</summary>
    internal long ShardLoads => Interlocked.Read(ref _loads);

    /// <summary>Opens the dataset in <paramref name="directory"/> (reads and checks its <c>index.json</c> only).</summary>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> has <see cref="ShardedDatasetOptions.MaxOpenShards"/> below 1.</exception>
    /// <exception cref="ShardedDatasetException">The index is missing, unreadable, of another version, or invalid.</exception>
    public static ShardedDataset Open(string directory, ShardedDatasetOptions? options = null) =>
        Open(new DirectoryShardSource(directory), options);

    /// <summary>Opens the dataset that <paramref name="source"/> serves (reads and checks its <c>index.json</c> only).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> has <see cref="ShardedDatasetOptions.MaxOpenShards"/> below 1.</exception>
    /// <exception cref="ShardedDatasetException">The index is missing, unreadable, of another version, or invalid.</exception>
    public static ShardedDataset Open(IShardSource source, ShardedDatasetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= new ShardedDatasetOptions();
        if (options.MaxOpenShards < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxOpenShards, $"ShardedDatasetOptions.MaxOpenShards is {options.MaxOpenShards}; it must be at least 1.");
        }

        string location = $"{source.Location.TrimEnd('/')}/{ShardIndex.FileName}";
        byte[] bytes;
        try
        {
            bytes = source.ReadIndex();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string what = e is FileNotFoundException or DirectoryNotFoundException ? "does not exist" : $"cannot be read ({e.Message})";
            throw new ShardedDatasetException($"The dataset index {location} {what}.", location, null, null, e);
        }

        ShardIndex index;
        try
        {
            index = ShardIndex.FromJson(Encoding.UTF8.GetString(bytes));
        }
        catch (FormatException e)
        {
            throw new ShardedDatasetException($"The dataset index {location} is invalid: {e.Message}", location, null, null, e);
        }

        return new ShardedDataset(source, index, options);
    }

    /// <summary>Sample <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside [0, <see cref="Count"/>).</exception>
    /// <exception cref="ShardedDatasetException">Its shard cannot be read (the message names the shard, its file and the sample).</exception>
    public ShardRow this[int index] => Read(index);

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside [0, <see cref="Count"/>).</exception>
    /// <exception cref="ShardedDatasetException">Its shard cannot be read (the message names the shard, its file and the sample).</exception>
    public ShardRow Get(int index, SampleContext context) => Read(index);

    /// <summary>Reads and checks every shard (size, SHA-256 when enabled, Arrow structure, sample count), to find damage before a run rather than during it.</summary>
    /// <exception cref="ShardedDatasetException">The first shard that fails, named.</exception>
    public void Verify()
    {
        foreach (ShardInfo shard in Index.Shards)
        {
            _ = Acquire(shard, sampleIndex: null);
        }
    }

    /// <summary>The dataset as <c>ShardedDataset(location, n samples in k shards)</c>.</summary>
    public override string ToString() => $"ShardedDataset({Source.Location}, {Count} samples in {Index.Shards.Count} shards)";

    private ShardRow Read(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The sample index must be in [0, {Count}).");
        }

        ShardInfo shard = Index.Shards[Index.ShardOf(index)];
        return Acquire(shard, index).Row(index - shard.FirstIndex);
    }

    private LoadedShard Acquire(ShardInfo shard, int? sampleIndex)
    {
        int position = shard.Position;
        Lazy<LoadedShard> slot;
        lock (_gate)
        {
            slot = _slots[position] ??= NewSlot(shard);
            if (_recent.Count == 0 || _recent[^1] != position)
            {
                _recent.Remove(position);
                _recent.Add(position);
                while (_recent.Count > Options.MaxOpenShards)
                {
                    // The oldest shard leaves the cache; rows already handed out keep their memory alive until dropped.
                    _slots[_recent[0]] = null;
                    _recent.RemoveAt(0);
                }
            }
        }

        try
        {
            return slot.Value;
        }
        catch (ShardedDatasetException e)
        {
            lock (_gate)
            {
                if (ReferenceEquals(_slots[position], slot))
                {
                    _slots[position] = null;
                    _recent.Remove(position);
                }
            }

            if (sampleIndex is null)
            {
                throw new ShardedDatasetException($"Dataset check failed: {e.Message}", e.Location!, e.Shard, null, e.InnerException);
            }

            throw new ShardedDatasetException($"Cannot read sample {sampleIndex}: {e.Message}", e.Location!, e.Shard, sampleIndex, e.InnerException);
        }
    }

    // A method of its own so that the closure is allocated only when a slot is made, not on every read.
    private Lazy<LoadedShard> NewSlot(ShardInfo shard) => new(() => Load(shard), LazyThreadSafetyMode.ExecutionAndPublication);

    private LoadedShard Load(ShardInfo shard)
    {
        Interlocked.Increment(ref _loads);
        string location = Source.Describe(shard);
        ShardedDatasetException Fail(string problem, Exception? inner = null) =>
            new($"shard '{shard.Name}' ({location}) {problem}.", location, shard.Name, null, inner);

        byte[] bytes;
        try
        {
            bytes = Source.ReadShard(shard);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Fail(e is FileNotFoundException or DirectoryNotFoundException ? "is missing" : $"cannot be read: {e.Message}", e);
        }

        if (bytes.LongLength != shard.ByteCount)
        {
            throw Fail($"has {bytes.LongLength} bytes, but the index says {shard.ByteCount} (truncated, or replaced by another file)");
        }

        // The hash is checked at a shard's first load by this dataset; a reload after the cache dropped it checks the
        // size only (hashing costs as much CPU as reading the file, and an epoch may reload every shard).
        if (Options.VerifyHashes && !Volatile.Read(ref _hashChecked[shard.Position]))
        {
            string actual = ShardHash.Of(bytes);
            if (actual != shard.Sha256)
            {
                throw Fail($"is corrupted: its SHA-256 is {actual}, the index says {shard.Sha256}");
            }

            Volatile.Write(ref _hashChecked[shard.Position], true);
        }

        var batches = new List<ShardBatch>();
        int rows = 0;
        try
        {
            using var reader = new ArrowFileReader(new MemoryStream(bytes, writable: false), ManagedMemoryAllocator.Instance, leaveOpen: false);
            Schema schema = reader.Schema;
            string? mismatch = ShardArrow.Mismatch(Index.Schema, schema);
            if (mismatch is not null)
            {
                throw Fail($"disagrees with the index's schema: {mismatch}");
            }

            while (reader.ReadNextRecordBatch() is { } batch)
            {
                var columns = new IArrowArray[batch.ColumnCount];
                for (int c = 0; c < columns.Length; c++)
                {
                    columns[c] = batch.Column(c);
                    if (columns[c].NullCount != 0 || columns[c].Length != batch.Length)
                    {
                        throw Fail($"has nulls or a short array in column '{Index.Schema.Columns[c].Name}'");
                    }
                }

                if (batch.Length > 0)
                {
                    batches.Add(new ShardBatch(Index.Schema, shard, columns, rows, batch.Length));
                    rows = checked(rows + batch.Length);
                }
            }
        }
        catch (Exception e) when (e is not ShardedDatasetException)
        {
            throw Fail($"is not a readable Arrow IPC file ({e.GetType().Name}: {e.Message})", e);
        }

        if (rows != shard.SampleCount)
        {
            throw Fail($"holds {rows} samples, but the index says {shard.SampleCount}");
        }

        return new LoadedShard([.. batches]);
    }

    /// <summary>A shard in memory: its record batches, found by row with a binary search over their first rows.</summary>
    private sealed class LoadedShard(ShardBatch[] batches)
    {
        public ShardRow Row(int row)
        {
            int lo = 0;
            int hi = batches.Length - 1;
            while (lo < hi)
            {
                int mid = (lo + hi + 1) >>> 1;
                if (batches[mid].FirstRow <= row)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            ShardBatch batch = batches[lo];
            return new ShardRow(batch, row - batch.FirstRow, batch.Shard.FirstIndex + row);
        }
    }
}

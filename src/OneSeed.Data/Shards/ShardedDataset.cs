using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Ipc;

namespace OneSeed.Data.Shards;

/// <summary>
/// A dataset over a directory of Arrow shards written by <see cref="ShardWriter"/>: random access to every sample by
/// global index, with at most <see cref="ShardedDatasetOptions.MaxOpenShards"/> shards open at once.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Open(string, ShardedDatasetOptions?)"/> reads only <c>index.json</c>. A shard is opened when one of its
/// samples is first asked for. A shard in a local file (<see cref="IShardSource.OpenShardFile(ShardInfo)"/>) is
/// memory-mapped read-only and its Arrow buffers are slices of the mapping: nothing is copied, and a sample touches only
/// its own pages. A shard from a source without local files is read whole into managed memory. Either way it is checked
/// against the index — size; then SHA-256 unless <see cref="ShardedDatasetOptions.VerifyHashes"/> is off, once per
/// shard per dataset, skipped when the source checked the very file or a verification record
/// (<see cref="ShardedDatasetOptions.VerificationRecordDirectory"/>) shows the unchanged file was checked before; then
/// Arrow schema and sample count — and kept in a least-recently-used cache of
/// <see cref="ShardedDatasetOptions.MaxOpenShards"/> shards. A reload after the cache dropped a shard checks the size,
/// and hashes again if the file is no longer the one checked (replaced or written since). <see cref="Get"/> is
/// thread-safe (the loader's workers call it concurrently); two threads asking for the same shard open it once.
/// </para>
/// <para>
/// A mapping is released when nothing refers to it any more — not the cache, not a <see cref="ShardRow"/>, not a
/// memory returned by one — so rows stay valid after the cache drops their shard (spans: see <see cref="ShardRow"/>).
/// Never truncate or rewrite a shard file in place while it may be mapped (see <see cref="ShardFile"/>).
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
public sealed class ShardedDataset : IDataset<ShardRow>, IPrefetchingDataset
{
    private const int Unchecked = 0;
    private const int Hashed = 1;
    private const int CheckedByRecord = 2;
    private const int CheckedBySource = 3;
    private const int MustHash = 4; // Verify found the file differs from what a record or the source vouched for

    private readonly Lazy<LoadedShard>?[] _slots;
    private readonly List<int> _recent = [];
    private readonly object _gate = new();

    // Cold shards opened at once by Prefetch: enough to keep a disk's queue busy, few enough not to flood a small pool.
    private const int PrefetchParallelism = 16;
    // Per shard, how its hash was checked by this dataset: one of the constants below.
    private readonly int[] _hashState;

    // Per shard, the file's identity when its hash was checked (where the platform gives one).
    private readonly StrongBox<FileIdentity>?[] _checkedIdentity;
    private long _hashes;
    private long _loads;

    private ShardedDataset(IShardSource source, ShardIndex index, ShardedDatasetOptions options)
    {
        Source = source;
        Index = index;
        Options = options;
        _slots = new Lazy<LoadedShard>?[index.Shards.Count];
        _hashState = new int[index.Shards.Count];
        _checkedIdentity = new StrongBox<FileIdentity>?[index.Shards.Count];
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

    /// <summary>The number of shards in the cache now (at most <see cref="ShardedDatasetOptions.MaxOpenShards"/> once loads finish).</summary>
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

    /// <summary>How many times this dataset has computed a shard's SHA-256.</summary>
    internal long HashesComputed => Interlocked.Read(ref _hashes);

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

    /// <summary>
    /// Opens the shards that <paramref name="indices"/> fall in and that are not open yet, several at once (a cold
    /// shard's first reads — header, footer, metadata, and its hash when one is due — then overlap instead of running one
    /// shard after another; a resumed run's first batch touches dozens). The samples' own reads are announced when the
    /// loader fetches them, right after this (<see cref="Get"/>). The loader calls it with each batch's indices. At most
    /// <see cref="ShardedDatasetOptions.MaxOpenShards"/> shards are opened; a shard that fails is left for the read of
    /// its sample to report.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, <see cref="Count"/>).</exception>
    public void Prefetch(ReadOnlySpan<int> indices)
    {
        var closed = new List<ShardInfo>();
        var seen = new HashSet<int>();
        foreach (int index in indices)
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), index, $"The sample index must be in [0, {Count}).");
            }

            ShardInfo shard = Index.Shards[Index.ShardOf(index)];
            if (seen.Add(shard.Position) && closed.Count < Options.MaxOpenShards && !IsOpen(shard.Position))
            {
                closed.Add(shard);
            }
        }

        if (closed.Count > 1)
        {
            Parallel.ForEach(closed, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(closed.Count, PrefetchParallelism) }, shard =>
            {
                try
                {
                    Acquire(shard, sampleIndex: null);
                }
                catch (ShardedDatasetException)
                {
                    // Reported by the read of the sample, which names it.
                }
            });
        }
    }

    /// <summary>
    /// Reads and checks every shard (size, SHA-256 when enabled, Arrow structure, sample count), to find damage before a
    /// run rather than during it. Every shard's SHA-256 is computed here, even one that a verification record or the
    /// source vouched for (the check that finds damage below the file system, which records cannot see).
    /// </summary>
    /// <exception cref="ShardedDatasetException">The first shard that fails, named.</exception>
    public void Verify()
    {
        foreach (ShardInfo shard in Index.Shards)
        {
            LoadedShard loaded = Acquire(shard, sampleIndex: null);
            if (!Options.VerifyHashes || Volatile.Read(ref _hashState[shard.Position]) == Hashed)
            {
                continue;
            }

            string actual = HashOf(loaded.File);
            if (actual != shard.Sha256)
            {
                // The file no longer has the bytes that were vouched for: forget the record, drop the shard, and hash
                // it at every load from now on.
                Volatile.Write(ref _hashState[shard.Position], MustHash);
                Records?.Forget(Source.Describe(shard));
                Drop(shard.Position, slot: null);
                string location = Source.Describe(shard);
                throw new ShardedDatasetException($"Dataset check failed: shard '{shard.Name}' ({location}) is corrupted: its SHA-256 is {actual}, the index says {shard.Sha256} (the file changed without a change the file system records, or the source's copy did).", location, shard.Name, null);
            }

            Volatile.Write(ref _hashState[shard.Position], Hashed);
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
            Drop(position, slot);

            if (sampleIndex is null)
            {
                throw new ShardedDatasetException($"Dataset check failed: {e.Message}", e.Location!, e.Shard, null, e.InnerException);
            }

            throw new ShardedDatasetException($"Cannot read sample {sampleIndex}: {e.Message}", e.Location!, e.Shard, sampleIndex, e.InnerException);
        }
    }

    // Whether shard `position` is in the cache and loaded (a load in progress counts as not open).
    private bool IsOpen(int position)
    {
        lock (_gate)
        {
            return _slots[position] is { IsValueCreated: true };
        }
    }

    // Removes shard `position` from the cache (only if it still holds `slot`, when one is given).
    private void Drop(int position, Lazy<LoadedShard>? slot)
    {
        lock (_gate)
        {
            if (_slots[position] is { } current && (slot is null || ReferenceEquals(current, slot)))
            {
                _slots[position] = null;
                _recent.Remove(position);
            }
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

        ShardFile? file;
        try
        {
            file = Source.OpenShardFile(shard);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Fail(e is FileNotFoundException or DirectoryNotFoundException ? "is missing" : $"cannot be read: {e.Message}", e);
        }

        ReadOnlyMemory<byte> memory = file is null ? Read(shard, Fail) : Map(shard, file, Fail).Memory;
        return new LoadedShard(Parse(shard, memory, Fail), memory);
    }

    // The byte[] path, for sources without local files: the whole shard read into managed memory and hashed there.
    private byte[] Read(ShardInfo shard, Func<string, Exception?, ShardedDatasetException> fail)
    {
        byte[] bytes;
        try
        {
            bytes = Source.ReadShard(shard);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw fail(e is FileNotFoundException or DirectoryNotFoundException ? "is missing" : $"cannot be read: {e.Message}", e);
        }

        CheckSize(bytes.LongLength, shard, fail);

        // The hash is checked at a shard's first load by this dataset; a reload after the cache dropped it checks the
        // size only (hashing costs as much CPU as reading the file, and an epoch may reload every shard).
        if (NeedsHash(shard))
        {
            CheckHash(bytes, shard, fail);
            Volatile.Write(ref _hashState[shard.Position], Hashed);
        }

        return bytes;
    }

    // The mapped path: the file is mapped read-only and hashed where it lies; a row touches only the pages it reads.
    private MappedShardMemory Map(ShardInfo shard, ShardFile file, Func<string, Exception?, ShardedDatasetException> fail)
    {
        using (file)
        {
            long length;
            try
            {
                length = RandomAccess.GetLength(file.Handle);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw fail($"cannot be read: {e.Message}", e);
            }

            CheckSize(length, shard, fail);
            MappedShardMemory mapped;
            try
            {
                mapped = MappedShardMemory.Map(file.Handle, checked((int)length));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or OverflowException)
            {
                throw fail($"cannot be mapped into memory: {e.Message}", e);
            }

            // A reload of a file that is no longer the one checked at the first load (replaced by a rename, or written
            // since) is hashed again, not just measured (where the platform identifies files; elsewhere, as for the
            // byte[] path, a reload checks the size).
            DateTime started = DateTime.UtcNow;
            FileIdentity? identity = FileIdentity.Of(file.Handle);
            ref StrongBox<FileIdentity>? checkedAs = ref _checkedIdentity[shard.Position];
            if (Volatile.Read(ref _hashState[shard.Position]) is Hashed or CheckedByRecord
                && identity is { } current && (Volatile.Read(ref checkedAs) is not { } known || known.Value != current))
            {
                Volatile.Write(ref _hashState[shard.Position], Unchecked);
            }

            if (NeedsHash(shard))
            {
                Volatile.Write(ref _hashState[shard.Position], CheckMappedHash(shard, file, mapped, identity, started, fail));
                Volatile.Write(ref checkedAs, identity is { } now ? new StrongBox<FileIdentity>(now) : null);
            }

            return mapped;
        }
    }

    private ShardVerificationRecords? Records =>
        Options.VerificationRecordDirectory is { Length: > 0 } directory ? ShardVerificationRecords.For(directory) : null;

    // Whether the hash must be checked now: at the shard's first load by this dataset, when hashes are checked.
    private bool NeedsHash(ShardInfo shard) => Options.VerifyHashes && Volatile.Read(ref _hashState[shard.Position]) is Unchecked or MustHash;

    // Skips the hash when the source checked this very file, or when a record shows that this file, unchanged, was
    // checked before; otherwise hashes the mapping and records the result. Returns how the shard was checked.
    private int CheckMappedHash(ShardInfo shard, ShardFile file, MappedShardMemory mapped, FileIdentity? before, DateTime started, Func<string, Exception?, ShardedDatasetException> fail)
    {
        bool trustOthers = Volatile.Read(ref _hashState[shard.Position]) != MustHash;
        if (file.HashVerified && trustOthers)
        {
            return CheckedBySource;
        }

        ShardVerificationRecords? records = Records;
        if (trustOthers && records is not null && before is { } identity && records.IsVerified(file.Path, identity, shard.Sha256))
        {
            return CheckedByRecord;
        }

        CheckHash(mapped.Memory, shard, fail);
        if (records is not null && before is { } hashed)
        {
            records.Remember(file.Path, hashed, FileIdentity.Of(file.Handle), shard.Sha256, started);
        }

        return Hashed;
    }

    private static void CheckSize(long length, ShardInfo shard, Func<string, Exception?, ShardedDatasetException> fail)
    {
        if (length != shard.ByteCount)
        {
            throw fail($"has {length} bytes, but the index says {shard.ByteCount} (truncated, or replaced by another file)", null);
        }
    }

    private void CheckHash(ReadOnlyMemory<byte> file, ShardInfo shard, Func<string, Exception?, ShardedDatasetException> fail)
    {
        string actual = HashOf(file);
        if (actual != shard.Sha256)
        {
            throw fail($"is corrupted: its SHA-256 is {actual}, the index says {shard.Sha256}", null);
        }
    }

    // A shard's SHA-256, counted; a mapped one read with read-ahead (MappedShardMemory.Sha256).
    private string HashOf(ReadOnlyMemory<byte> file)
    {
        Interlocked.Increment(ref _hashes);
        return MemoryMarshal.TryGetMemoryManager(file, out MappedShardMemory? mapped) && file.Length == mapped.Length
            ? mapped.Sha256()
            : ShardHash.Of(file.Span);
    }

    // Reads the record batches of an Arrow IPC file in place: the file is the magic, the IPC stream (schema message,
    // record batches, end-of-stream marker) and a footer; Arrow's reader over memory (unlike ArrowFileReader over a
    // stream, which copies every buffer) makes each array buffer a slice of the given memory.
    private ShardBatch[] Parse(ShardInfo shard, ReadOnlyMemory<byte> file, Func<string, Exception?, ShardedDatasetException> fail)
    {
        var batches = new List<ShardBatch>();
        int rows = 0;
        try
        {
            ReadOnlySpan<byte> bytes = file.Span;
            ReadOnlySpan<byte> magic = "ARROW1"u8;
            const int tail = 4 + 6; // footer length, magic
            if (bytes.Length < 8 + tail || !bytes[..6].SequenceEqual(magic) || !bytes[^6..].SequenceEqual(magic))
            {
                throw new InvalidDataException("the Arrow file magic is missing at its start or end");
            }

            int footer = BinaryPrimitives.ReadInt32LittleEndian(bytes[^tail..]);
            if (footer <= 0 || footer > bytes.Length - 8 - tail)
            {
                throw new InvalidDataException($"the footer length {footer} does not fit the file");
            }

            using var reader = new ArrowStreamReader(file[8..(file.Length - tail - footer)]);
            Schema schema = reader.Schema;
            string? mismatch = ShardArrow.Mismatch(Index.Schema, schema);
            if (mismatch is not null)
            {
                throw fail($"disagrees with the index's schema: {mismatch}", null);
            }

            while (reader.ReadNextRecordBatch() is { } batch)
            {
                var columns = new IArrowArray[batch.ColumnCount];
                for (int c = 0; c < columns.Length; c++)
                {
                    columns[c] = batch.Column(c);
                    if (columns[c].NullCount != 0 || columns[c].Length != batch.Length)
                    {
                        throw fail($"has nulls or a short array in column '{Index.Schema.Columns[c].Name}'", null);
                    }
                }

                if (batch.Length > 0)
                {
                    batches.Add(new ShardBatch(Index.Schema, shard, columns, rows, batch.Length, file));
                    rows = checked(rows + batch.Length);
                }
            }
        }
        catch (Exception e) when (e is not ShardedDatasetException)
        {
            throw fail($"is not a readable Arrow IPC file ({e.GetType().Name}: {e.Message})", e);
        }

        if (rows != shard.SampleCount)
        {
            throw fail($"holds {rows} samples, but the index says {shard.SampleCount}", null);
        }

        return [.. batches];
    }

    /// <summary>A shard in memory: its record batches, found by row with a binary search over their first rows, and the whole file's memory.</summary>
    private sealed class LoadedShard(ShardBatch[] batches, ReadOnlyMemory<byte> file)
    {
        public ReadOnlyMemory<byte> File { get; } = file;

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
            batch.AdviseRow(row - batch.FirstRow);
            return new ShardRow(batch, row - batch.FirstRow, batch.Shard.FirstIndex + row);
        }
    }
}

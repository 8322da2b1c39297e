using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OneSeed.Data.Shards;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Data.Tests.Shards;

/// <summary>
/// Shards read from local files are memory-mapped: the values equal the byte[] path's, a row keeps its mapping alive
/// across the cache's evictions and forced collections, mappings are released once nothing refers to them, and a file
/// replaced or written after it was mapped behaves as docs/data.md says.
/// </summary>
public sealed class MappedShardTests
{
    [Fact]
    public void The_mapped_path_reads_every_value_of_every_column_type_as_the_byte_array_path_and_as_written()
    {
        var seeds = new LiveSeeds();
        (ShardSchema schema, List<object[]> samples) = ShardTestData.Generate(seeds.Int(0, int.MaxValue), seeds.Int(30, 200));
        using var dir = new TempDirectory("oneseed-shards-");
        ShardIndex index = ShardTestData.Write(dir.Path, schema, samples, new ShardWriterOptions { MaxSamplesPerShard = seeds.Int(3, 25) });
        var options = new ShardedDatasetOptions { MaxOpenShards = seeds.Int(1, index.Shards.Count + 1), VerificationRecordDirectory = null };
        ShardedDataset mapped = ShardedDataset.Open(dir.Path, options);
        ShardedDataset copied = ShardedDataset.Open(new BytesOnlySource(dir.Path), options);
        string bytesColumn = schema.Columns.First(c => c.Kind == ShardColumnKind.Bytes).Name;

        foreach (int i in Enumerable.Range(0, samples.Count).OrderBy(_ => seeds.Int(0, int.MaxValue)))
        {
            string expected = ShardTestData.Line(ShardTestData.Describe(schema, samples[i]));
            ShardRow fromMapping = mapped[i];
            ShardRow fromBytes = copied[i];
            Assert.True(expected == ShardTestData.Line(ShardTestData.Describe(fromMapping)), $"sample {i} through the mapping {seeds.Replay}");
            Assert.True(expected == ShardTestData.Line(ShardTestData.Describe(fromBytes)), $"sample {i} through byte[] {seeds.Replay}");

            // The paths are what they claim: a mapping (with the bytes column a slice of it, not a copy) and an array.
            Assert.True(MemoryMarshal.TryGetMemoryManager(fromMapping.ShardMemory, out MappedShardMemory? _), $"sample {i} is not mapped");
            Assert.True(fromMapping.GetBytes(bytesColumn).Length == 0 || MemoryMarshal.TryGetMemoryManager(fromMapping.GetBytes(bytesColumn), out MappedShardMemory? _), $"sample {i}'s bytes were copied");
            Assert.True(MemoryMarshal.TryGetArray(fromBytes.ShardMemory, out ArraySegment<byte> _), $"sample {i} of the byte[] source is not an array");
        }
    }

    [Fact]
    public void Rows_held_across_evictions_and_forced_collections_read_their_values_and_mappings_go_once_nothing_holds_them()
    {
        var seeds = new LiveSeeds();
        (ShardSchema schema, List<object[]> samples) = ShardTestData.Generate(seeds.Int(0, int.MaxValue), seeds.Int(120, 300));
        using var dir = new TempDirectory("oneseed-shards-");
        ShardIndex index = ShardTestData.Write(dir.Path, schema, samples, new ShardWriterOptions { MaxSamplesPerShard = seeds.Int(3, 9) });
        List<string> expected = [.. samples.Select(s => ShardTestData.Line(ShardTestData.Describe(schema, s)))];
        int maxOpen = seeds.Int(1, 3);
        int readerSeed = seeds.Int(0, int.MaxValue);

        int heldMappings = ReadAndCheckHeldRows(dir.Path, index, expected, maxOpen, readerSeed, seeds.Replay);
        Assert.True(heldMappings > 0);

        // Nothing refers to the dataset or its rows any more: finalization unmaps every shard.
        for (int round = 0; round < 3 && MappingsOf(dir.Path) > 0; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.True(MappingsOf(dir.Path) == 0, $"{MappingsOf(dir.Path)} mappings of the dataset's files remain after the dataset and its rows were dropped {seeds.Replay}");
    }

    [LinuxFact]
    public void A_shard_replaced_by_a_rename_leaves_held_rows_on_the_old_file_and_is_hashed_again_when_reloaded()
    {
        var seeds = new LiveSeeds();
        (ShardSchema schema, List<object[]> samples) = ShardTestData.Generate(seeds.Int(0, int.MaxValue), seeds.Int(20, 80));
        using var dir = new TempDirectory("oneseed-shards-");
        ShardIndex index = ShardTestData.Write(dir.Path, schema, samples, new ShardWriterOptions { MaxSamplesPerShard = seeds.Int(3, 8) });
        ShardedDataset dataset = ShardedDataset.Open(dir.Path, new ShardedDatasetOptions { MaxOpenShards = 1, VerificationRecordDirectory = null });
        ShardInfo shard = index.Shards[seeds.Int(0, index.Shards.Count)];
        ShardInfo other = index.Shards[(shard.Position + 1) % index.Shards.Count];
        int sample = shard.FirstIndex + seeds.Int(0, shard.SampleCount);
        string expected = ShardTestData.Line(ShardTestData.Describe(schema, samples[sample]));
        ShardRow held = dataset[sample];

        // What ShardWriter and HttpShardSource do: a new file renamed over the old one (here with one byte changed).
        string path = dir.File(shard.Name);
        byte[] original = File.ReadAllBytes(path);
        byte[] changed = (byte[])original.Clone();
        changed[seeds.Int(0, changed.Length)] ^= (byte)seeds.Int(1, 256);
        ReplaceByRename(path, changed);
        Assert.True(expected == ShardTestData.Line(ShardTestData.Describe(held)), $"the held row changed when its file was replaced {seeds.Replay}");

        // The cache drops the shard; its reload finds another file and hashes it, though the dataset hashed the shard before.
        _ = dataset[other.FirstIndex];
        var e = Assert.Throws<ShardedDatasetException>(() => dataset[sample]);
        Assert.Contains("is corrupted: its SHA-256 is", e.Message, StringComparison.Ordinal);
        Assert.Contains(shard.Name, e.Message, StringComparison.Ordinal);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.True(expected == ShardTestData.Line(ShardTestData.Describe(held)), $"the held row changed after a collection {seeds.Replay}");

        ReplaceByRename(path, original);
        Assert.Equal(expected, ShardTestData.Line(ShardTestData.Describe(dataset[sample])));
    }

    [Fact]
    public void A_shard_written_in_place_after_it_was_mapped_shows_the_new_bytes_to_held_rows_and_is_refused_by_a_new_dataset()
    {
        var seeds = new LiveSeeds();
        var random = new Random(seeds.Int(0, int.MaxValue));
        var schema = new ShardSchema([new ShardColumn("blob", ShardColumnKind.Bytes), new ShardColumn("n", ShardColumnKind.Int64)]);
        List<object[]> samples = [.. Enumerable.Range(0, seeds.Int(10, 40)).Select(i => new object[] { RandomBytes(random, random.Next(1, 200)), (long)i })];
        using var dir = new TempDirectory("oneseed-shards-");
        ShardIndex index = ShardTestData.Write(dir.Path, schema, samples, new ShardWriterOptions { MaxSamplesPerShard = seeds.Int(2, 10) });
        ShardedDataset dataset = ShardedDataset.Open(dir.Path, new ShardedDatasetOptions { VerificationRecordDirectory = null });
        int sample = seeds.Int(0, samples.Count);
        ShardRow held = dataset[sample];
        ReadOnlyMemory<byte> blob = held.GetBytes("blob");
        Assert.True(MemoryMarshal.TryGetMemoryManager(blob, out MappedShardMemory? _, out int offset, out int _));
        byte before = blob.Span[0];

        // A write into the file (not a replacement): the mapping shares the page cache, so the held row sees it.
        string path = dir.File(held.Shard);
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
        {
            file.Position = offset;
            file.WriteByte((byte)(before ^ 0x5A));
        }

        Assert.True((byte)(before ^ 0x5A) == held.GetBytes("blob").Span[0], $"a write into the mapped file did not show in the mapping {seeds.Replay}");
        var e = Assert.Throws<ShardedDatasetException>(() => ShardedDataset.Open(dir.Path, new ShardedDatasetOptions { VerificationRecordDirectory = null })[sample]);
        Assert.Contains("is corrupted: its SHA-256 is", e.Message, StringComparison.Ordinal);
        Assert.Equal(held.Shard, e.Shard);
        GC.KeepAlive(index);
    }

    // Readers on threads of their own read random samples from a small cache and keep some rows and bytes, while another
    // thread forces collections and finalizers; every read and every held row must show the written values. Returns the
    // number of distinct mappings the held rows keep. A method of its own so that nothing here stays reachable afterwards.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ReadAndCheckHeldRows(string directory, ShardIndex index, List<string> expected, int maxOpen, int seed, string replay)
    {
        ShardedDataset dataset = ShardedDataset.Open(directory, new ShardedDatasetOptions { MaxOpenShards = maxOpen, VerificationRecordDirectory = null });
        string bytesColumn = dataset.Schema.Columns.First(c => c.Kind == ShardColumnKind.Bytes).Name;
        var held = new List<(int Index, ShardRow Row, byte[] Bytes, ReadOnlyMemory<byte> Memory)>[4];
        int running = held.Length;
        var collector = new Thread(() =>
        {
            while (Volatile.Read(ref running) > 0)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                Thread.Sleep(1);
            }
        });
        Thread[] readers = [.. Enumerable.Range(0, held.Length).Select(r => new Thread(() =>
        {
            var random = new Random(seed + r);
            var mine = held[r] = [];
            try
            {
                for (int k = 0; k < 300; k++)
                {
                    int i = random.Next(expected.Count);
                    ShardRow row = dataset[i];
                    Assert.True(expected[i] == ShardTestData.Line(ShardTestData.Describe(row)), $"sample {i} read with {maxOpen} open {replay}");
                    if (k % 7 == 0)
                    {
                        ReadOnlyMemory<byte> memory = row.GetBytes(bytesColumn);
                        mine.Add((i, row, memory.ToArray(), memory));
                    }
                }
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }))];
        collector.Start();
        Array.ForEach(readers, t => t.Start());
        Array.ForEach(readers, t => t.Join());
        collector.Join();
        GC.Collect();
        GC.WaitForPendingFinalizers();

        // Each load of a shard is a mapping of its own, which the rows read from it keep.
        var mappings = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var (i, row, bytes, memory) in held.SelectMany(h => h))
        {
            Assert.True(expected[i] == ShardTestData.Line(ShardTestData.Describe(row)), $"held sample {i} after evictions and collections {replay}");
            Assert.True(memory.Span.SequenceEqual(bytes), $"held bytes of sample {i} after evictions and collections {replay}");
            Assert.True(MemoryMarshal.TryGetMemoryManager(row.ShardMemory, out MappedShardMemory? mapping));
            mappings.Add(mapping!);
        }

        // The dataset maps at most its cache; the rest are the mappings that held rows keep alive.
        if (OperatingSystem.IsLinux())
        {
            Assert.InRange(MappingsOf(directory), 1, maxOpen + mappings.Count);
        }

        GC.KeepAlive(index);
        return mappings.Count;
    }

    private static int MappingsOf(string directory) =>
        OperatingSystem.IsLinux() ? File.ReadLines("/proc/self/maps").Count(line => line.Contains(directory, StringComparison.Ordinal)) : 0;

    private static void ReplaceByRename(string path, byte[] content)
    {
        string temporary = path + ".new";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>The shards of a directory without local files: the dataset reads each shard into a byte array.</summary>
    private sealed class BytesOnlySource(string directory) : IShardSource
    {
        private readonly DirectoryShardSource _directory = new(directory);

        public string Location => _directory.Location;

        public string Describe(ShardInfo shard) => _directory.Describe(shard);

        public byte[] ReadIndex() => _directory.ReadIndex();

        public byte[] ReadShard(ShardInfo shard) => _directory.ReadShard(shard);
    }
}

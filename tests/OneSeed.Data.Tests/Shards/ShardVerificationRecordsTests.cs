using Microsoft.Win32.SafeHandles;
using OneSeed.Data.Shards;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Data.Tests.Shards;

/// <summary>
/// Verification records (<see cref="ShardedDatasetOptions.VerificationRecordDirectory"/>): a new dataset (a resumed
/// run) skips the hash of a file checked before and unchanged since, and hashes again — and so refuses — a file
/// written, replaced, or changed within the clock's granularity; <see cref="ShardedDataset.Verify"/> hashes regardless.
/// </summary>
public sealed class ShardVerificationRecordsTests
{
    [LinuxFact]
    public void A_new_dataset_skips_the_hash_of_an_unchanged_recorded_file_and_hashes_a_written_or_replaced_one()
    {
        var seeds = new LiveSeeds();
        using var dir = Fresh(seeds, out ShardIndex index, out List<string> expected);
        using var records = new TempDirectory("oneseed-records-");
        ShardVerificationRecords.For(records.Path).Margin = TimeSpan.FromMilliseconds(100);
        Thread.Sleep(300); // the files' last change is now older than the margin
        var options = new ShardedDatasetOptions { MaxOpenShards = 2, VerificationRecordDirectory = records.Path };

        ShardedDataset first = ReadAll(dir.Path, options, expected, seeds);
        Assert.Equal(index.Shards.Count, first.HashesComputed);
        ShardedDataset resumed = ReadAll(dir.Path, options, expected, seeds);
        Assert.True(resumed.HashesComputed == 0, $"a new dataset hashed {resumed.HashesComputed} recorded, unchanged shards {seeds.Replay}");

        // The same bytes written again: the change time moved, so the shard is hashed (and found good).
        ShardInfo rewritten = index.Shards[seeds.Int(0, index.Shards.Count)];
        File.WriteAllBytes(dir.File(rewritten.Name), File.ReadAllBytes(dir.File(rewritten.Name)));
        Assert.Equal(1, ReadAll(dir.Path, options, expected, seeds).HashesComputed);

        // The same bytes renamed into place: another inode, hashed again.
        ShardInfo replaced = index.Shards[seeds.Int(0, index.Shards.Count)];
        File.WriteAllBytes(dir.File("copy"), File.ReadAllBytes(dir.File(replaced.Name)));
        File.Move(dir.File("copy"), dir.File(replaced.Name), overwrite: true);
        Assert.InRange(ReadAll(dir.Path, options, expected, seeds).HashesComputed, 1, 2);

        // One byte changed in place, size kept: the record no longer matches, and the shard is refused.
        ShardInfo damaged = index.Shards[seeds.Int(0, index.Shards.Count)];
        Thread.Sleep(300);
        _ = ReadAll(dir.Path, options, expected, seeds); // records every shard as it is now
        FlipByteInPlace(dir.File(damaged.Name), seeds);
        var e = Assert.Throws<ShardedDatasetException>(() => ShardedDataset.Open(dir.Path, options)[damaged.FirstIndex]);
        Assert.Contains("is corrupted: its SHA-256 is", e.Message, StringComparison.Ordinal);
        Assert.Equal(damaged.Name, e.Shard);

        // Without a record directory every dataset hashes every shard.
        var none = new ShardedDatasetOptions { MaxOpenShards = 2, VerificationRecordDirectory = null };
        Assert.Equal(index.Shards.Count - 1, ReadAll(dir.Path, none, expected, seeds, skip: damaged).HashesComputed);
    }

    [LinuxFact]
    public void A_file_changed_within_the_clock_granularity_of_its_last_change_is_never_trusted_from_a_record()
    {
        var seeds = new LiveSeeds();
        using var dir = Fresh(seeds, out ShardIndex index, out List<string> expected);
        using var records = new TempDirectory("oneseed-records-");
        var options = new ShardedDatasetOptions { VerificationRecordDirectory = records.Path };

        // Files written just now (default margin, 2 s): hashed, but not recorded, so the next dataset hashes them again.
        Assert.Equal(index.Shards.Count, ReadAll(dir.Path, options, expected, seeds).HashesComputed);
        Assert.Equal(index.Shards.Count, ReadAll(dir.Path, options, expected, seeds).HashesComputed);

        // A write at once after the check — possibly within the same tick of the file system's clock, which would leave
        // size, times and inode as they were — is still caught.
        ShardInfo shard = index.Shards[seeds.Int(0, index.Shards.Count)];
        FlipByteInPlace(dir.File(shard.Name), seeds);
        Assert.Contains("is corrupted", Assert.Throws<ShardedDatasetException>(() => ShardedDataset.Open(dir.Path, options)[shard.FirstIndex]).Message, StringComparison.Ordinal);

        // The rule itself: an identity whose change time is not older than the margin when the hash began is not kept.
        ShardVerificationRecords store = ShardVerificationRecords.For(records.Path);
        using SafeFileHandle handle = File.OpenHandle(dir.File(shard.Name));
        FileIdentity identity = FileIdentity.Of(handle)!.Value;
        DateTime changed = DateTime.UnixEpoch.AddTicks(identity.ChangedNs / 100);
        store.Remember(dir.File(shard.Name), identity, identity, shard.Sha256, changed + TimeSpan.FromSeconds(1.9));
        Assert.False(store.IsVerified(dir.File(shard.Name), identity, shard.Sha256));
        store.Remember(dir.File(shard.Name), identity, identity with { Size = identity.Size + 1 }, shard.Sha256, changed + TimeSpan.FromSeconds(10));
        Assert.False(store.IsVerified(dir.File(shard.Name), identity, shard.Sha256));
    }

    [LinuxFact]
    public void Verify_hashes_what_a_record_vouches_for_and_a_record_that_lies_is_caught_forgotten_and_never_trusted_again()
    {
        var seeds = new LiveSeeds();
        using var dir = Fresh(seeds, out ShardIndex index, out List<string> expected);
        using var records = new TempDirectory("oneseed-records-");
        ShardVerificationRecords store = ShardVerificationRecords.For(records.Path);
        var options = new ShardedDatasetOptions { MaxOpenShards = 2, VerificationRecordDirectory = records.Path };

        // Damage that the file system does not see (a failing disk) looks like this: changed bytes, and a record that
        // matches the file as it is now. Made here by writing the record after the damage.
        (ShardInfo shard, long offset) = DataByte(dir.Path, index, seeds);
        string path = dir.File(shard.Name);
        FlipByteInPlace(path, seeds, offset); // inside a sample's bytes, so that the Arrow structure survives
        using (SafeFileHandle handle = File.OpenHandle(path))
        {
            FileIdentity identity = FileIdentity.Of(handle)!.Value;
            store.Remember(path, identity, identity, shard.Sha256, DateTime.UtcNow.AddHours(1));
            Assert.True(store.IsVerified(path, identity, shard.Sha256));
        }

        // Reading trusts the record (what records cannot see); Verify hashes and refuses the shard, and from then on the
        // dataset hashes it at every load, and the record is gone for other datasets too.
        ShardedDataset dataset = ShardedDataset.Open(dir.Path, options);
        _ = dataset[shard.FirstIndex];
        Assert.Equal(0, dataset.HashesComputed);
        var e = Assert.Throws<ShardedDatasetException>(dataset.Verify);
        Assert.Contains("is corrupted: its SHA-256 is", e.Message, StringComparison.Ordinal);
        Assert.Equal(shard.Name, e.Shard);
        Assert.Contains("is corrupted", Assert.Throws<ShardedDatasetException>(() => dataset[shard.FirstIndex]).Message, StringComparison.Ordinal);
        Assert.Contains("is corrupted", Assert.Throws<ShardedDatasetException>(() => ShardedDataset.Open(dir.Path, options)[shard.FirstIndex]).Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(records.Path));
        GC.KeepAlive(expected);
    }

    [Fact]
    public void A_shard_the_http_source_downloaded_and_hashed_is_not_hashed_again_by_the_dataset_and_a_damaged_cache_file_is_fetched_again()
    {
        var seeds = new LiveSeeds();
        using var dir = Fresh(seeds, out ShardIndex index, out List<string> expected);
        using var cache = new TempDirectory("oneseed-shards-");
        using var server = new FaultyHttpServer(dir.Path);
        var options = new ShardedDatasetOptions { MaxOpenShards = 2, VerificationRecordDirectory = null };
        var http = new HttpShardSourceOptions { InitialBackoff = TimeSpan.FromMilliseconds(5), AttemptTimeout = TimeSpan.FromSeconds(60) };

        using (var source = new HttpShardSource(server.BaseUri, cache.Path, http))
        {
            ShardedDataset dataset = ReadAll(source, options, expected, seeds);
            Assert.True(dataset.HashesComputed == 0, $"the dataset hashed {dataset.HashesComputed} shards that the source had just checked {seeds.Replay}");
        }

        // A cached file damaged in place: a new source hashes it, finds the damage, and downloads the shard again.
        ShardInfo shard = index.Shards[seeds.Int(0, index.Shards.Count)];
        FlipByteInPlace(cache.File(shard.Name), seeds);
        using (var source = new HttpShardSource(server.BaseUri, cache.Path, http))
        {
            ShardedDataset dataset = ReadAll(source, options, expected, seeds);
            Assert.Equal(0, dataset.HashesComputed);
        }

        Assert.Equal(2, server.Requests(shard.Name));
        Assert.All(index.Shards.Where(s => s != shard), s => Assert.Equal(1, server.Requests(s.Name)));
    }

    private static TempDirectory Fresh(LiveSeeds seeds, out ShardIndex index, out List<string> expected)
    {
        (ShardSchema schema, List<object[]> samples) = ShardTestData.Generate(seeds.Int(0, int.MaxValue), seeds.Int(20, 90));
        var dir = new TempDirectory("oneseed-shards-");
        index = ShardTestData.Write(dir.Path, schema, samples, new ShardWriterOptions { MaxSamplesPerShard = seeds.Int(4, 15) });
        expected = [.. samples.Select(s => ShardTestData.Line(ShardTestData.Describe(schema, s)))];
        return dir;
    }

    private static ShardedDataset ReadAll(string directory, ShardedDatasetOptions options, List<string> expected, LiveSeeds seeds, ShardInfo? skip = null) =>
        ReadAll(new DirectoryShardSource(directory), options, expected, seeds, skip);

    // Reads every sample of a new dataset over the source and checks it.
    private static ShardedDataset ReadAll(IShardSource source, ShardedDatasetOptions options, List<string> expected, LiveSeeds seeds, ShardInfo? skip = null)
    {
        ShardedDataset dataset = ShardedDataset.Open(source, options);
        for (int i = 0; i < dataset.Count; i++)
        {
            if (skip is null || dataset.Index.ShardOf(i) != skip.Position)
            {
                Assert.True(expected[i] == ShardTestData.Line(ShardTestData.Describe(dataset[i])), $"sample {i} {seeds.Replay}");
            }
        }

        return dataset;
    }

    // A shard and the position in its file of the first byte of a non-empty bytes value.
    private static (ShardInfo Shard, long Offset) DataByte(string directory, ShardIndex index, LiveSeeds seeds)
    {
        ShardedDataset dataset = ShardedDataset.Open(directory, new ShardedDatasetOptions { VerificationRecordDirectory = null, VerifyHashes = false });
        string column = dataset.Schema.Columns.First(c => c.Kind == ShardColumnKind.Bytes).Name;
        foreach (int i in Enumerable.Range(0, dataset.Count).OrderBy(_ => seeds.Int(0, int.MaxValue)))
        {
            ReadOnlyMemory<byte> value = dataset[i].GetBytes(column);
            if (value.Length > 0 && System.Runtime.InteropServices.MemoryMarshal.TryGetMemoryManager(value, out MappedShardMemory? _, out int start, out int _))
            {
                return (index.Shards[index.ShardOf(i)], start);
            }
        }

        throw new InvalidOperationException($"no sample has a non-empty bytes value {seeds.Replay}");
    }

    private static void FlipByteInPlace(string path, LiveSeeds seeds, long? offset = null)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        file.Position = offset ?? seeds.Int(0, (int)file.Length);
        int value = file.ReadByte();
        file.Position--;
        file.WriteByte((byte)(value ^ seeds.Int(1, 256)));
    }
}

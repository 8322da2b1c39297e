using OneSeed.Data.Shards;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Data.Tests.Shards;

public sealed class ShardRoundTripTests
{
    [Fact]
    public void Every_column_kind_round_trips_bit_for_bit_under_fresh_shard_limits()
    {
        var seeds = new LiveSeeds();
        for (int round = 0; round < 6; round++)
        {
            var random = new Random(seeds.Int(0, int.MaxValue));
            ShardSchema schema = ShardTestData.Schema(random);
            int count = round == 0 ? 1 : seeds.Int(0, 400);
            List<object[]> samples = ShardTestData.Samples(random, schema, count);
            var options = round switch
            {
                1 => new ShardWriterOptions(), // one shard
                2 => new ShardWriterOptions { MaxSamplesPerShard = 1 }, // a shard per sample
                _ => new ShardWriterOptions { MaxShardBytes = seeds.Int(1, 20_000), MaxSamplesPerShard = seeds.Int(1, 100) },
            };
            string context = $"round {round}, {count} samples, limits {options.MaxShardBytes} B / {options.MaxSamplesPerShard} {seeds.Replay}";

            using var dir = new TempDirectory("oneseed-shards-");
            ShardIndex written = ShardTestData.Write(dir.Path, schema, samples, options);
            ShardedDataset dataset = ShardedDataset.Open(dir.Path, new ShardedDatasetOptions { MaxOpenShards = seeds.Int(1, 4) });

            Assert.Equal(schema, dataset.Schema);
            Assert.Equal(count, dataset.Count);
            Assert.Equal(written.ToJson(), dataset.Index.ToJson());
            for (int i = 0; i < count; i++)
            {
                ShardRow row = dataset[i];
                Assert.Equal(i, row.Index);
                Assert.True(
                    ShardTestData.Describe(schema, samples[i]).SequenceEqual(ShardTestData.Describe(row)),
                    $"sample {i} differs ({context})");
            }

            // Shards are cut by both limits; only a single sample larger than the byte limit may exceed it.
            Assert.All(dataset.Index.Shards, s => Assert.InRange(s.SampleCount, 1, options.MaxSamplesPerShard));
            if (round == 1)
            {
                Assert.Equal(count == 0 ? 0 : 1, dataset.Index.Shards.Count);
            }

            if (round == 2)
            {
                Assert.Equal(count, dataset.Index.Shards.Count);
            }

            for (int s = 0; s < dataset.Index.Shards.Count; s++)
            {
                ShardInfo shard = dataset.Index.Shards[s];
                Assert.Equal(s == 0 ? 0 : dataset.Index.Shards[s - 1].FirstIndex + dataset.Index.Shards[s - 1].SampleCount, shard.FirstIndex);
                Assert.Equal(new FileInfo(dir.File(shard.Name)).Length, shard.ByteCount);
                Assert.Equal(s, dataset.Index.ShardOf(shard.FirstIndex));
                Assert.Equal(s, dataset.Index.ShardOf(shard.FirstIndex + shard.SampleCount - 1));
            }
        }
    }

    [Fact]
    public void Shards_are_cut_before_the_sample_that_would_pass_the_byte_limit()
    {
        var seeds = new LiveSeeds();
        int limit = seeds.Int(100, 2000);
        int size = seeds.Int(1, 300);
        var schema = new ShardSchema([new ShardColumn("blob", ShardColumnKind.Bytes)]);
        int count = seeds.Int(1, 200);
        using var dir = new TempDirectory("oneseed-shards-");
        ShardIndex index = ShardTestData.Write(dir.Path, schema, Enumerable.Range(0, count).Select(_ => new object[] { new byte[size] }), new ShardWriterOptions { MaxShardBytes = limit });

        int perShard = Math.Max(1, limit / (size + 4)); // each bytes value costs its length and a 4-byte offset
        Assert.All(index.Shards.SkipLast(1), s => Assert.Equal(perShard, s.SampleCount));
        Assert.Equal((count + perShard - 1) / perShard, index.Shards.Count);
    }

    [Fact]
    public void Large_blobs_empty_values_and_zero_samples_round_trip()
    {
        var seeds = new LiveSeeds();
        var schema = new ShardSchema([new ShardColumn("blob", ShardColumnKind.Bytes), new ShardColumn("text", ShardColumnKind.String)]);
        byte[] large = new byte[seeds.Int(2 << 20, 5 << 20)];
        new Random(seeds.RunSeed).NextBytes(large);
        List<object[]> samples = [[Array.Empty<byte>(), string.Empty], [large, new string('x', 100_000)], [new byte[] { 0 }, "\0"], [Array.Empty<byte>(), string.Empty]];

        using var dir = new TempDirectory("oneseed-shards-");
        ShardIndex index = ShardTestData.Write(dir.Path, schema, samples, new ShardWriterOptions { MaxShardBytes = 1 << 20 });
        Assert.Equal(3, index.Shards.Count); // the large sample gets a shard of its own, over the limit
        ShardedDataset dataset = ShardedDataset.Open(dir.Path);
        for (int i = 0; i < samples.Count; i++)
        {
            Assert.Equal(ShardTestData.Describe(schema, samples[i]), ShardTestData.Describe(dataset[i]));
        }

        using var empty = new TempDirectory("oneseed-shards-");
        ShardIndex none = ShardTestData.Write(empty.Path, schema, [], new ShardWriterOptions());
        Assert.Empty(none.Shards);
        ShardedDataset zero = ShardedDataset.Open(empty.Path);
        Assert.Equal(0, zero.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => zero[0]);
        zero.Verify();
    }

    [Fact]
    public void Rows_copy_into_another_dataset_through_ToRecord()
    {
        var seeds = new LiveSeeds();
        var random = new Random(seeds.RunSeed);
        ShardSchema schema = ShardTestData.Schema(random);
        List<object[]> samples = ShardTestData.Samples(random, schema, seeds.Int(1, 50));
        using var a = new TempDirectory("oneseed-shards-");
        using var b = new TempDirectory("oneseed-shards-");
        ShardTestData.Write(a.Path, schema, samples, new ShardWriterOptions { MaxSamplesPerShard = 7 });
        ShardedDataset source = ShardedDataset.Open(a.Path);
        using (var writer = new ShardWriter(b.Path, schema))
        {
            for (int i = 0; i < source.Count; i++)
            {
                writer.Write(source[i].ToRecord());
            }

            writer.Complete();
        }

        ShardedDataset copy = ShardedDataset.Open(b.Path);
        for (int i = 0; i < samples.Count; i++)
        {
            Assert.Equal(ShardTestData.Describe(schema, samples[i]), ShardTestData.Describe(copy[i]));
        }
    }

    [Fact]
    public void Records_that_do_not_fit_the_schema_are_refused_naming_column_and_sample_and_nothing_is_written()
    {
        var schema = new ShardSchema(
        [
            new ShardColumn("label", ShardColumnKind.Int64),
            new ShardColumn("name", ShardColumnKind.String),
            new ShardColumn("x", ShardElementType.Float32, 2, 3),
        ]);
        ShardRecord Good(long label) => new ShardRecord().Set("label", label).Set("name", "n").SetTensor<float>("x", new float[6]);
        using var dir = new TempDirectory("oneseed-shards-");
        using var writer = new ShardWriter(dir.Path, schema, new ShardWriterOptions { MaxSamplesPerShard = 2 });
        writer.Write(Good(0));
        writer.Write(Good(1));
        writer.Write(new ShardRecord().Set("label", 2).Set("name", "widened int").SetTensor<float>("x", new float[6]));

        void Refused(ShardRecord record, params string[] parts)
        {
            var e = Assert.Throws<ArgumentException>(() => writer.Write(record));
            Assert.Contains("Sample 3", e.Message, StringComparison.Ordinal);
            foreach (string part in parts)
            {
                Assert.Contains(part, e.Message, StringComparison.Ordinal);
            }
        }

        Refused(new ShardRecord().Set("label", 3L).SetTensor<float>("x", new float[6]), "'name'", "no value");
        Refused(Good(3).Set("extra", 1), "'extra'", "does not have");
        Refused(Good(3).Set("label", "three"), "'label'", "int64", "a string");
        Refused(Good(3).Set("label", 3.0), "'label'", "a double");
        Refused(Good(3).SetTensor<float>("x", new float[5]), "'x'", "5 elements instead of 6");
        Refused(Good(3).SetTensor<double>("x", new double[6]), "'x'", "float64 elements");
        Refused(Good(3).Set("name", "bad \ud800 surrogate"), "'name'", "surrogate");
        Assert.Equal(3, writer.SampleCount);

        writer.Write(Good(3));
        ShardIndex index = writer.Complete();
        Assert.Equal(4, index.SampleCount);
        ShardedDataset dataset = ShardedDataset.Open(dir.Path);
        Assert.Equal([0L, 1, 2, 3], Enumerable.Range(0, 4).Select(i => dataset[i].GetInt64("label")));
        Assert.Throws<InvalidOperationException>(() => writer.Write(Good(4)));
    }

    [Fact]
    public void Row_accessors_name_the_column_and_its_kind_when_misused()
    {
        var schema = new ShardSchema([new ShardColumn("label", ShardColumnKind.Int32), new ShardColumn("x", ShardElementType.UInt8, 4)]);
        using var dir = new TempDirectory("oneseed-shards-");
        ShardTestData.Write(dir.Path, schema, [[7, new byte[] { 1, 2, 3, 4 }]], new ShardWriterOptions());
        ShardRow row = ShardedDataset.Open(dir.Path)[0];

        Assert.Equal(7, row.GetInt32("label"));
        Assert.Equal([1, 2, 3, 4], row.GetTensor<byte>("x").ToArray());
        var missing = Assert.Throws<ArgumentException>(() => row.GetInt32("lable"));
        Assert.Contains("No column 'lable'", missing.Message, StringComparison.Ordinal);
        Assert.Contains("label: int32", missing.Message, StringComparison.Ordinal);
        var kind = Assert.Throws<ArgumentException>(() => row.GetInt64("label"));
        Assert.Contains("'label' is int32", kind.Message, StringComparison.Ordinal);
        var element = Assert.Throws<ArgumentException>(() => row.GetTensor<float>("x"));
        Assert.Contains("GetTensor<Byte>", element.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => default(ShardRow).GetInt32("label"));
    }

    [Fact]
    public void Invalid_schemas_and_options_are_refused_with_the_value_named()
    {
        Assert.Throws<ArgumentException>(() => new ShardColumn("", ShardColumnKind.Int32));
        Assert.Throws<ArgumentException>(() => new ShardColumn("t", ShardColumnKind.Tensor));
        Assert.Contains("[3, 0]", Assert.Throws<ArgumentException>(() => new ShardColumn("t", ShardElementType.Float32, 3, 0)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ShardColumn("t", ShardElementType.Float32));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShardColumn("t", ShardElementType.None, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShardColumn("t", ShardElementType.Float64, 1 << 16, 1 << 15));
        Assert.Contains("'a' twice", Assert.Throws<ArgumentException>(() => new ShardSchema([new ShardColumn("a", ShardColumnKind.Int32), new ShardColumn("a", ShardColumnKind.Bytes)])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ShardSchema([]));

        var schema = new ShardSchema([new ShardColumn("a", ShardColumnKind.Int32)]);
        using var dir = new TempDirectory("oneseed-shards-");
        Assert.Contains("MaxShardBytes is 0", Assert.Throws<ArgumentOutOfRangeException>(() => new ShardWriter(dir.Path, schema, new ShardWriterOptions { MaxShardBytes = 0 })).Message, StringComparison.Ordinal);
        Assert.Contains("MaxSamplesPerShard is -1", Assert.Throws<ArgumentOutOfRangeException>(() => new ShardWriter(dir.Path, schema, new ShardWriterOptions { MaxSamplesPerShard = -1 })).Message, StringComparison.Ordinal);
        Assert.Contains("MaxOpenShards is 0", Assert.Throws<ArgumentOutOfRangeException>(() => ShardedDataset.Open(dir.Path, new ShardedDatasetOptions { MaxOpenShards = 0 })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_writer_on_the_same_directory_is_refused_and_an_abandoned_writer_leaves_the_old_dataset()
    {
        var schema = new ShardSchema([new ShardColumn("a", ShardColumnKind.Int32)]);
        using var dir = new TempDirectory("oneseed-shards-");
        ShardTestData.Write(dir.Path, schema, [[1], [2]], new ShardWriterOptions());
        string[] before = Directory.GetFiles(dir.Path).Order().ToArray();

        using (var writer = new ShardWriter(dir.Path, schema, new ShardWriterOptions { MaxSamplesPerShard = 1 }))
        {
            Assert.Contains("Another ShardWriter", Assert.Throws<IOException>(() => new ShardWriter(dir.Path, schema)).Message, StringComparison.Ordinal);
            writer.Write(new ShardRecord().Set("a", 9));
            writer.Write(new ShardRecord().Set("a", 10));
        }

        Assert.Equal(before, Directory.GetFiles(dir.Path).Order().ToArray());
        ShardedDataset dataset = ShardedDataset.Open(dir.Path);
        Assert.Equal([1, 2], Enumerable.Range(0, dataset.Count).Select(i => dataset[i].GetInt32("a")));
    }
}

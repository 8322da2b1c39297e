using System.Text.Json.Nodes;
using OneSeed.Data.Shards;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Data.Tests.Shards;

public sealed class ShardCorruptionTests
{
    private enum Damage
    {
        Truncate,
        FlipByte,
        Delete,
    }

    /// <summary>A fresh dataset of several shards: its directory, index and one sample index per shard.</summary>
    private static (TempDirectory Dir, ShardIndex Index) Fresh(LiveSeeds seeds)
    {
        var random = new Random(seeds.Int(0, int.MaxValue));
        ShardSchema schema = ShardTestData.Schema(random);
        List<object[]> samples = ShardTestData.Samples(random, schema, seeds.Int(20, 120));
        var dir = new TempDirectory("oneseed-shards-");
        ShardIndex index = ShardTestData.Write(dir.Path, schema, samples, new ShardWriterOptions { MaxSamplesPerShard = seeds.Int(3, 12) });
        return (dir, index);
    }

    [Fact]
    public void Every_shard_truncated_flipped_or_deleted_is_refused_with_the_shard_and_sample_named()
    {
        var seeds = new LiveSeeds();
        (TempDirectory dir, ShardIndex index) = Fresh(seeds);
        using (dir)
        {
            foreach (ShardInfo shard in index.Shards)
            {
                foreach (Damage damage in Enum.GetValues<Damage>())
                {
                    string path = dir.File(shard.Name);
                    byte[] original = File.ReadAllBytes(path);
                    string expected = Apply(seeds, path, original, damage);
                    int sample = shard.FirstIndex + seeds.Int(0, shard.SampleCount);
                    string context = $"{damage} of {shard.Name}, sample {sample} {seeds.Replay}";

                    ShardedDataset dataset = ShardedDataset.Open(dir.Path, new ShardedDatasetOptions { MaxOpenShards = 2 });
                    var e = Assert.Throws<ShardedDatasetException>(() => dataset[sample]);
                    Assert.True(e.Message.Contains(shard.Name, StringComparison.Ordinal) && e.Message.Contains(path, StringComparison.Ordinal), $"{context}: {e.Message}");
                    Assert.True(e.Message.Contains($"sample {sample}", StringComparison.Ordinal), $"{context}: {e.Message}");
                    Assert.True(e.Message.Contains(expected, StringComparison.Ordinal), $"{context}: expected '{expected}' in: {e.Message}");
                    Assert.Equal(shard.Name, e.Shard);
                    Assert.Equal(sample, e.SampleIndex);
                    Assert.Equal(path, e.Location);
                    Assert.Throws<ShardedDatasetException>(dataset.Verify);

                    // Samples of other shards still read, and the shard reads again once repaired.
                    int other = (shard.FirstIndex + shard.SampleCount) % index.SampleCount;
                    if (index.Shards[index.ShardOf(other)] != shard)
                    {
                        _ = dataset[other];
                    }

                    File.WriteAllBytes(path, original);
                    _ = dataset[sample];
                }
            }
        }
    }

    [Fact]
    public void A_flipped_byte_goes_unnoticed_only_when_hash_checks_are_off_and_the_structure_survives()
    {
        var seeds = new LiveSeeds();
        (TempDirectory dir, ShardIndex index) = Fresh(seeds);
        using (dir)
        {
            ShardInfo shard = index.Shards[seeds.Int(0, index.Shards.Count)];
            string path = dir.File(shard.Name);
            Apply(seeds, path, File.ReadAllBytes(path), Damage.FlipByte);
            ShardedDataset verified = ShardedDataset.Open(dir.Path);
            Assert.Contains("SHA-256", Assert.Throws<ShardedDatasetException>(() => verified[shard.FirstIndex]).Message, StringComparison.Ordinal);

            // Without the hash, the size check still holds, and a truncated file is still refused.
            ShardedDataset unverified = ShardedDataset.Open(dir.Path, new ShardedDatasetOptions { VerifyHashes = false });
            File.WriteAllBytes(path, File.ReadAllBytes(path)[..^1]);
            Assert.Contains("the index says", Assert.Throws<ShardedDatasetException>(() => unverified[shard.FirstIndex]).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_index_truncated_or_with_a_flipped_byte_is_refused_naming_the_index_or_the_shard_it_now_misdescribes()
    {
        var seeds = new LiveSeeds();
        (TempDirectory dir, ShardIndex index) = Fresh(seeds);
        using (dir)
        {
            string path = dir.File(ShardIndex.FileName);
            byte[] original = File.ReadAllBytes(path);
            for (int round = 0; round < 40; round++)
            {
                byte[] damaged = (byte[])original.Clone();
                if (round % 2 == 0)
                {
                    // Down to and including the closing brace: the JSON is incomplete.
                    damaged = damaged[..seeds.Int(0, original.Length - 1)];
                }
                else
                {
                    int at;
                    do
                    {
                        at = seeds.Int(0, original.Length);
                    }
                    while (original[at] is (byte)' ' or (byte)'\n');
                    damaged[at] ^= (byte)seeds.Int(1, 256);
                }

                File.WriteAllBytes(path, damaged);
                string context = $"round {round}: {Convert.ToHexString(damaged.Length < original.Length ? [] : damaged.Where((b, i) => b != original[i]).ToArray())} {seeds.Replay}";
                try
                {
                    ShardedDataset dataset = ShardedDataset.Open(dir.Path);
                    dataset.Verify();
                    Assert.Fail($"{context}: the damaged index was accepted:\n{System.Text.Encoding.UTF8.GetString(damaged)}");
                }
                catch (ShardedDatasetException e)
                {
                    bool namesIndex = e.Location == path && e.Message.Contains(path, StringComparison.Ordinal);
                    bool namesShard = e.Shard is not null && e.Message.Contains(e.Shard, StringComparison.Ordinal) && e.Location == dir.File(e.Shard);
                    Assert.True(namesIndex || namesShard, $"{context}: {e.Message}");
                }
            }

            File.WriteAllBytes(path, original);
            ShardedDataset.Open(dir.Path).Verify();
        }
    }

    [Fact]
    public void An_index_that_disagrees_with_the_files_is_refused()
    {
        var seeds = new LiveSeeds();
        (TempDirectory dir, ShardIndex index) = Fresh(seeds);
        using (dir)
        {
            string path = dir.File(ShardIndex.FileName);
            string original = File.ReadAllText(path);
            int s = seeds.Int(0, index.Shards.Count);
            ShardInfo shard = index.Shards[s];
            int sample = shard.FirstIndex;

            // The shard's sample count (and the total, so the index is self-consistent) disagree with the file.
            JsonNode json = JsonNode.Parse(original)!;
            json["shards"]![s]!["samples"] = shard.SampleCount + 1;
            json["samples"] = index.SampleCount + 1;
            File.WriteAllText(path, json.ToJsonString());
            var count = Assert.Throws<ShardedDatasetException>(() => ShardedDataset.Open(dir.Path)[sample]);
            Assert.Contains($"holds {shard.SampleCount} samples, but the index says {shard.SampleCount + 1}", count.Message, StringComparison.Ordinal);
            Assert.Contains(shard.Name, count.Message, StringComparison.Ordinal);

            // A size that disagrees.
            json = JsonNode.Parse(original)!;
            json["shards"]![s]!["bytes"] = shard.ByteCount + 8;
            File.WriteAllText(path, json.ToJsonString());
            Assert.Contains($"has {shard.ByteCount} bytes, but the index says {shard.ByteCount + 8}", Assert.Throws<ShardedDatasetException>(() => ShardedDataset.Open(dir.Path)[sample]).Message, StringComparison.Ordinal);

            // A total that disagrees with the shards.
            json = JsonNode.Parse(original)!;
            json["samples"] = index.SampleCount - 1;
            File.WriteAllText(path, json.ToJsonString());
            Assert.Contains("but its shards hold", Assert.Throws<ShardedDatasetException>(() => ShardedDataset.Open(dir.Path)).Message, StringComparison.Ordinal);

            // A schema that disagrees with the files.
            json = JsonNode.Parse(original)!;
            json["columns"]![0]!["name"] = "renamed";
            File.WriteAllText(path, json.ToJsonString());
            Assert.Contains("disagrees with the index's schema", Assert.Throws<ShardedDatasetException>(() => ShardedDataset.Open(dir.Path)[sample]).Message, StringComparison.Ordinal);

            // An unsupported version, a missing index, a shard name that leaves the directory.
            json = JsonNode.Parse(original)!;
            json["version"] = 2;
            File.WriteAllText(path, json.ToJsonString());
            Assert.Contains("format version 2; this version of OneSeed reads version 1 only", Assert.Throws<ShardedDatasetException>(() => ShardedDataset.Open(dir.Path)).Message, StringComparison.Ordinal);
            json = JsonNode.Parse(original)!;
            json["shards"]![s]!["name"] = "../" + shard.Name;
            File.WriteAllText(path, json.ToJsonString());
            Assert.Contains("plain file name", Assert.Throws<ShardedDatasetException>(() => ShardedDataset.Open(dir.Path)).Message, StringComparison.Ordinal);
            File.Delete(path);
            var missing = Assert.Throws<ShardedDatasetException>(() => ShardedDataset.Open(dir.Path));
            Assert.Contains($"{path} does not exist", missing.Message, StringComparison.Ordinal);

            File.WriteAllText(path, original);
            ShardedDataset.Open(dir.Path).Verify();
        }
    }

    /// <summary>Damages the file at <paramref name="path"/>; returns the phrase the error must contain.</summary>
    private static string Apply(LiveSeeds seeds, string path, byte[] original, Damage damage)
    {
        switch (damage)
        {
            case Damage.Truncate:
                File.WriteAllBytes(path, original[..seeds.Int(0, original.Length)]);
                return "but the index says";
            case Damage.FlipByte:
                byte[] flipped = (byte[])original.Clone();
                flipped[seeds.Int(0, flipped.Length)] ^= (byte)seeds.Int(1, 256);
                File.WriteAllBytes(path, flipped);
                return "is corrupted: its SHA-256 is";
            default:
                File.Delete(path);
                return "is missing";
        }
    }
}

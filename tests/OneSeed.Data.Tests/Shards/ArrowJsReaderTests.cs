using System.Text.Json.Nodes;
using OneSeed.Data.Shards;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Data.Tests.Shards;

/// <summary>Datasets written here, read by Arrow JS (apache-arrow from npm): an independent Arrow implementation.</summary>
public sealed class ArrowJsReaderTests
{
    private static readonly Dictionary<ShardElementType, string> JsElementNames = new()
    {
        [ShardElementType.UInt8] = "Uint8", [ShardElementType.Int8] = "Int8", [ShardElementType.Int16] = "Int16",
        [ShardElementType.UInt16] = "Uint16", [ShardElementType.Int32] = "Int32", [ShardElementType.UInt32] = "Uint32",
        [ShardElementType.Int64] = "Int64", [ShardElementType.UInt64] = "Uint64", [ShardElementType.Float32] = "Float32",
        [ShardElementType.Float64] = "Float64",
    };

    [ArrowJsFact]
    public void Arrow_js_reads_every_value_of_a_fresh_dataset_and_its_hashes()
    {
        var seeds = new LiveSeeds();
        var random = new Random(seeds.RunSeed);
        ShardSchema schema = ShardTestData.Schema(random);
        int count = seeds.Int(1, 600);
        List<object[]> samples = ShardTestData.Samples(random, schema, count);
        using var dir = new TempDirectory("oneseed-shards-");
        ShardIndex index = ShardTestData.Write(dir.Path, schema, samples, new ShardWriterOptions { MaxShardBytes = seeds.Int(2_000, 60_000) });

        JsonNode js = JsonNode.Parse(ArrowJs.Read(dir.Path))!;
        string context = $"{count} samples in {index.Shards.Count} shards {seeds.Replay}";

        Assert.Equal(count, (int)js["samples"]!);
        JsonArray shards = js["shards"]!.AsArray();
        Assert.Equal(index.Shards.Count, shards.Count);
        for (int s = 0; s < shards.Count; s++)
        {
            Assert.Equal(index.Shards[s].Sha256, (string)shards[s]!["sha256"]!);
            Assert.Equal(index.Shards[s].ByteCount, (long)shards[s]!["bytes"]!);
            Assert.Equal(index.Shards[s].SampleCount, (int)shards[s]!["rows"]!);
        }

        JsonArray fields = js["schema"]!.AsArray();
        Assert.Equal(schema.Columns.Count, fields.Count);
        for (int c = 0; c < fields.Count; c++)
        {
            ShardColumn column = schema.Columns[c];
            JsonNode field = fields[c]!;
            Assert.Equal(column.Name, (string)field["name"]!);
            Assert.False((bool)field["nullable"]!);
            string expectedType = column.Kind switch
            {
                ShardColumnKind.Bytes => "Binary",
                ShardColumnKind.String => "Utf8",
                ShardColumnKind.Boolean => "Bool",
                ShardColumnKind.Tensor => $"FixedSizeList[{column.ElementCount}]<{JsElementNames[column.ElementType]}>",
                _ => column.Kind.ToString(),
            };
            Assert.Equal(expectedType, (string)field["type"]!);
            if (column.Kind == ShardColumnKind.Tensor)
            {
                Assert.Equal("arrow.fixed_shape_tensor", (string)field["metadata"]!["ARROW:extension:name"]!);
                JsonNode shape = JsonNode.Parse((string)field["metadata"]!["ARROW:extension:metadata"]!)!["shape"]!;
                Assert.Equal(column.Shape, shape.AsArray().Select(d => (int)d!));
            }
        }

        JsonArray rows = js["rows"]!.AsArray();
        Assert.Equal(count, rows.Count);
        for (int i = 0; i < count; i++)
        {
            string[] expected = ShardTestData.Describe(schema, samples[i]);
            string[] actual = [.. rows[i]!.AsArray().Select(v => (string)v!)];
            for (int c = 0; c < expected.Length; c++)
            {
                Assert.True(expected[c] == actual[c], $"sample {i}, column '{schema.Columns[c]}': Arrow JS read {actual[c]}, expected {expected[c]} ({context})");
            }
        }
    }
}

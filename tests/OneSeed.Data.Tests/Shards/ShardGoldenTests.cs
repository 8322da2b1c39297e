using System.Text.Json.Nodes;
using OneSeed.Data.Shards;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Data.Tests.Shards;

/// <summary>
/// A version-1 dataset checked in with the values Arrow JS read from it (tests/OneSeed.Data.Tests/ArrowJs/make_golden_shards.sh):
/// this reader must keep reading version-1 files exactly as an independent Arrow implementation does, without Node.js.
/// </summary>
public sealed class ShardGoldenTests
{
    [Fact]
    public void The_checked_in_version_1_dataset_reads_as_arrow_js_read_it()
    {
        string golden = Path.Combine(RepoPaths.Root, "tests", "OneSeed.Data.Tests", "GoldenVectors");
        JsonNode js = JsonNode.Parse(File.ReadAllText(Path.Combine(golden, "shards-v1.json")))!;
        ShardedDataset dataset = ShardedDataset.Open(Path.Combine(golden, "shards-v1"), new ShardedDatasetOptions { MaxOpenShards = 1 });
        dataset.Verify();

        Assert.Equal((int)js["samples"]!, dataset.Count);
        Assert.Equal(
            js["shards"]!.AsArray().Select(s => $"{(string)s!["name"]!} {(string)s["sha256"]!} {(int)s["rows"]!}"),
            dataset.Index.Shards.Select(s => $"{s.Name} {s.Sha256} {s.SampleCount}"));
        Assert.Equal(js["schema"]!.AsArray().Select(f => (string)f!["name"]!), dataset.Schema.Columns.Select(c => c.Name));
        Assert.Contains(dataset.Schema.Columns, c => c.Kind == ShardColumnKind.Tensor);

        JsonArray rows = js["rows"]!.AsArray();
        for (int i = 0; i < dataset.Count; i++)
        {
            Assert.Equal(rows[i]!.AsArray().Select(v => (string)v!), ShardTestData.Describe(dataset[i]));
        }
    }
}

using System.Diagnostics;
using OneSeed.Data.Shards;
using OneSeed.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OneSeed.Data.Tests.Shards;

public sealed class ShardCrashTests(ITestOutputHelper output)
{
    [Fact]
    public void A_writer_killed_at_a_random_point_leaves_the_previous_dataset_readable_and_identical()
    {
        var seeds = new LiveSeeds();
        using var dir = new TempDirectory("oneseed-shards-");
        (ShardSchema schema, List<object[]> samples) = ShardTestData.Generate(seeds.Int(0, int.MaxValue), seeds.Int(1, 60));
        ShardTestData.Write(dir.Path, schema, samples, new ShardWriterOptions { MaxSamplesPerShard = seeds.Int(1, 8) });
        List<string> current = Contents(dir.Path);

        for (int round = 0; round < 6; round++)
        {
            int seed = seeds.Int(0, int.MaxValue);
            int count = seeds.Int(1, 80);
            // Kill after a random line: a "written n" (mid-write, often inside a shard's flush), "completing"
            // (around the index swap and the deletion of the old shards), or never ("done": the run completes).
            int killAfter = seeds.Int(0, count + 2);
            string context = $"round {round}: {count} samples, killed after line {killAfter} {seeds.Replay}";
            (bool completing, bool done) = RunAndKill(dir.Path, seed, count, seeds.Int(1, 6), killAfter);

            List<string> after = Contents(dir.Path);
            List<string> next = Describe(ShardTestData.Generate(seed, count));
            if (after.SequenceEqual(current))
            {
                Assert.False(done, $"{context}: the writer finished, but the old dataset is still there");
            }
            else
            {
                Assert.True(completing, $"{context}: the dataset changed before the writer reached Complete");
                Assert.True(after.SequenceEqual(next), $"{context}: the dataset is neither the old one nor the complete new one");
                current = next;
            }

            output.WriteLine($"{context}: saw completing={completing}, done={done}; the directory holds the {(current == next ? "new" : "old")} dataset");
        }

        // The next writer takes the directory (the lock died with the killed process) and clears every leftover.
        (schema, samples) = ShardTestData.Generate(seeds.Int(0, int.MaxValue), seeds.Int(1, 30));
        ShardIndex index = ShardTestData.Write(dir.Path, schema, samples, new ShardWriterOptions { MaxSamplesPerShard = 4 });
        string[] expectedFiles = [ShardIndex.FileName, ShardWriter.LockFileName, .. index.Shards.Select(s => s.Name)];
        Assert.Equal(expectedFiles.Order(StringComparer.Ordinal), Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(Describe((schema, samples)), Contents(dir.Path));
    }

    private static List<string> Contents(string directory)
    {
        ShardedDataset dataset = ShardedDataset.Open(directory);
        dataset.Verify();
        return [.. Enumerable.Range(0, dataset.Count).Select(i => ShardTestData.Line(ShardTestData.Describe(dataset[i])))];
    }

    private static List<string> Describe((ShardSchema Schema, List<object[]> Samples) data) =>
        [.. data.Samples.Select(s => ShardTestData.Line(ShardTestData.Describe(data.Schema, s)))];

    /// <summary>Runs the writer child; kills it (SIGKILL) right after its line number <paramref name="killAfter"/> (0-based).</summary>
    private static (bool Completing, bool Done) RunAndKill(string directory, int seed, int count, int perShard, int killAfter)
    {
        ProcessStartInfo start = TestData.ChildStartInfo(ShardWriterChild.Command, directory, $"{seed}", $"{count}", $"{perShard}");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        bool completing = false;
        bool done = false;
        int line = 0;
        while (process.StandardOutput.ReadLine() is { } text)
        {
            // The child runs on while the kill is on its way: the lines it printed before dying (read to the end of
            // the pipe) tell how far it got, and it prints "completing" before it touches the index.
            completing |= text == "completing";
            done |= text == "done";
            if (line++ == killAfter)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The writer child did not end within 60 s.");
        }

        Assert.True(line > killAfter || process.ExitCode == 0, $"The writer child failed (exit {process.ExitCode}): {stderr.Result}");
        return (completing, done);
    }
}

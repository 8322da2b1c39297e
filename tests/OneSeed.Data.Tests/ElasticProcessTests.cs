using System.Globalization;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Data.Tests;

/// <summary>
/// Elastic determinism with real processes as ranks, launched as torchrun launches them (RANK, WORLD_SIZE, LOCAL_RANK,
/// ...): every global step is the same for world sizes 1, 2, 4 (and 3 where the global batch allows) with 0 to 3
/// workers each, and a run stopped at a random step resumes on another world size and worker count with the rest of
/// the epoch and the next one as the uninterrupted run has them.
/// </summary>
public sealed class ElasticProcessTests
{
    [Fact]
    public void Ranks_as_separate_processes_see_the_same_global_steps_for_every_world_size_and_resume_on_another()
    {
        var seeds = new LiveSeeds();
        int global = seeds.Pick(new[] { 12, 24, 36 });
        int partitions = seeds.Pick(new[] { 4, 12 }.Where(p => global % p == 0).ToArray());
        int shards = seeds.Int(4, 24);
        int[] counts = [.. Enumerable.Range(0, shards).Select(_ => seeds.Int(0, 40))];
        counts[0] += 2 * global;
        ulong seed = (ulong)seeds.Int64(0, long.MaxValue);
        var job = new Job(seed, counts, global, partitions, Block: seeds.Int(1, 5));
        string context = $"{job} {seeds.Replay}";

        List<string> reference = Steps(job, world: 1, workers: 0, epochs: 2, stopAt: -1, stateIn: "-", stateOut: "-");
        int stepsPerEpoch = reference.Count(line => line.StartsWith("0 ", StringComparison.Ordinal));
        Assert.True(stepsPerEpoch > 0, context);

        int[] worlds = [.. new[] { 1, 2, 3, 4 }.Where(w => global % w == 0)];
        foreach (int world in worlds)
        {
            int workers = seeds.Int(0, 4);
            Assert.True(reference.SequenceEqual(Steps(job, world, workers, 2, -1, "-", "-")), $"world {world} with {workers} workers differs from world 1; {context}");
        }

        string directory = Directory.CreateTempSubdirectory("oneseed-elastic-").FullName;
        try
        {
            int before = seeds.Pick(worlds);
            int after = seeds.Pick(worlds);
            int stopAt = seeds.Int(0, stepsPerEpoch);
            List<string> first = Steps(job, before, seeds.Int(0, 4), 1, stopAt, "-", Path.Combine(directory, "state-{rank}.json"));
            string[] states = [.. Enumerable.Range(0, before).Select(rank => File.ReadAllText(Path.Combine(directory, $"state-{rank}.json")))];
            Assert.All(states, state => Assert.Equal(states[0], state));
            string chosen = Path.Combine(directory, $"state-{seeds.Int(0, before)}.json");
            int workers = seeds.Int(0, 4);
            List<string> rest = Steps(job, after, workers, 2, -1, chosen, "-");

            string resumeContext = $"stopped at step {stopAt} on world {before}, resumed on world {after} with {workers} workers; {context}";
            Assert.True(reference.Take(stopAt).SequenceEqual(first), "before the stop: " + resumeContext);
            Assert.True(reference.Skip(stopAt).SequenceEqual(rest), "after the resume: " + resumeContext);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // Runs one rank process per rank, all at once, and joins their batches into global steps: "epoch step batches".
    private static List<string> Steps(Job job, int world, int workers, int epochs, int stopAt, string stateIn, string stateOut)
    {
        string[] outputs = Task.WhenAll(Enumerable.Range(0, world).Select(rank => Task.Run(() =>
        {
            var launcher = new Dictionary<string, string>
            {
                ["RANK"] = Text(rank), ["WORLD_SIZE"] = Text(world), ["LOCAL_RANK"] = Text(rank), ["LOCAL_WORLD_SIZE"] = Text(world),
                ["MASTER_ADDR"] = "127.0.0.1", ["MASTER_PORT"] = "29500", ["TORCHELASTIC_RUN_ID"] = "oneseed-test",
            };
            return TestData.RunChild(
                launcher, "elastic", Text(job.Seed), string.Join(",", job.Counts.Select(Text)), Text(job.Global), Text(job.Partitions),
                Text(job.Block), Text(workers), Text(epochs), Text(stopAt), stateIn, stateOut.Replace("{rank}", Text(rank), StringComparison.Ordinal));
        }))).GetAwaiter().GetResult();

        List<string[]> lines = [.. outputs.Select(o => o.Split('\n', StringSplitOptions.RemoveEmptyEntries))];
        Assert.All(lines, l => Assert.Equal(lines[0].Length, l.Length));
        var steps = new List<string>();
        for (int i = 0; i < lines[0].Length; i++)
        {
            string position = lines[0][i][..lines[0][i].IndexOf(' ', lines[0][i].IndexOf(' ', StringComparison.Ordinal) + 1)];
            Assert.All(lines, l => Assert.StartsWith(position + " ", l[i], StringComparison.Ordinal));
            steps.Add(position + " " + string.Concat(lines.Select(l => l[i][(position.Length + 1)..])));
        }

        return steps;
    }

    private static string Text<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);

    private sealed record Job(ulong Seed, int[] Counts, int Global, int Partitions, int Block)
    {
        public override string ToString() =>
            $"seed {Seed}, layout [{string.Join(",", Counts)}], global {Global}, partitions {Partitions}, blocks of {Block}";
    }
}

using System.Globalization;
using OneSeed.Data;
using OneSeed.Data.Tests;

/// <summary>
/// Child-process entry for the cross-process tests (the test host never calls it):
/// <c>batches seed count batchSize workers shuffle rank worldSize epochs</c> prints one described batch per line;
/// <c>write-shards directory seed count maxSamplesPerShard</c> writes a sharded dataset (see <see cref="OneSeed.Data.Tests.Shards.ShardWriterChild"/>).
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == OneSeed.Data.Tests.Shards.ShardWriterChild.Command)
        {
            return OneSeed.Data.Tests.Shards.ShardWriterChild.Run(args);
        }

        if (args.Length > 0 && args[0] == "elastic")
        {
            return Elastic(args);
        }

        if (args.Length != 9 || args[0] != "batches")
        {
            Console.Error.WriteLine("usage: batches seed count batchSize workers shuffle rank worldSize epochs");
            return 2;
        }

        int Int(int i) => int.Parse(args[i], CultureInfo.InvariantCulture);
        using var loader = new DataLoader<Sample>(TestData.Augmented(Int(2)), new DataLoaderOptions
        {
            Seed = ulong.Parse(args[1], CultureInfo.InvariantCulture),
            BatchSize = Int(3),
            Workers = Int(4),
            Shuffle = bool.Parse(args[5]),
            Rank = Int(6),
            WorldSize = Int(7),
        });
        foreach (List<string> epoch in TestData.Collect(loader, Int(8)))
        {
            foreach (string batch in epoch)
            {
                Console.WriteLine(batch);
            }

            Console.WriteLine("--");
        }

        return 0;
    }

    // elastic seed counts(comma-separated) global partitions block workers epochs stopAt stateIn stateOut: one rank of
    // a ShardAwareSampler run, its rank and world size read from the launcher's variables as a real job would. Prints
    // "epoch step batch" per batch; with stopAt >= 0 stops after that many batches of the first epoch and writes the
    // loader's state to stateOut; with stateIn other than "-" loads that state first.
    private static int Elastic(string[] args)
    {
        if (args.Length != 11)
        {
            Console.Error.WriteLine("usage: elastic seed counts global partitions block workers epochs stopAt stateIn stateOut");
            return 2;
        }

        int Int(int i) => int.Parse(args[i], CultureInfo.InvariantCulture);
        DistributedEnvironment launcher = DistributedEnvironment.FromEnvironment()
            ?? throw new InvalidOperationException("No launcher variables (RANK/WORLD_SIZE, ...) are set.");
        int[] counts = [.. args[2].Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))];
        int global = Int(3);
        using var loader = new DataLoader<Sample>(TestData.Augmented(counts.Sum()), new DataLoaderOptions
        {
            Seed = args[9] == "-" ? ulong.Parse(args[1], CultureInfo.InvariantCulture) : null,
            Sampler = new ShardAwareSampler(counts, global, Int(4), Int(5)),
            BatchSize = global / launcher.WorldSize,
            Workers = Int(6),
            Rank = launcher.Rank,
            WorldSize = launcher.WorldSize,
        });
        if (args[9] != "-")
        {
            loader.LoadState(DataLoaderState.FromJson(File.ReadAllText(args[9])));
        }

        int stopAt = Int(8);
        for (int e = 0; e < Int(7); e++)
        {
            int epoch = loader.Epoch;
            int step = loader.GetState().BatchesDelivered;
            using IEnumerator<IReadOnlyList<Sample>> run = loader.GetEnumerator();
            while ((stopAt < 0 || step < stopAt) && run.MoveNext())
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{epoch} {step++} {TestData.Describe(run.Current)}"));
            }

            if (stopAt >= 0)
            {
                File.WriteAllText(args[10], loader.GetState().ToJson());
                return 0;
            }
        }

        return 0;
    }
}

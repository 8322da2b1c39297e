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
}

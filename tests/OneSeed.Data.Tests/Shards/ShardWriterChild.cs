using System.Globalization;
using OneSeed.Data.Shards;

namespace OneSeed.Data.Tests.Shards;

/// <summary>
/// The child process of the crash tests: <c>write-shards directory seed count maxSamplesPerShard</c> writes the
/// dataset <see cref="ShardTestData.Generate"/> makes for (seed, count), printing <c>written n</c> after every sample,
/// <c>completing</c> before <see cref="ShardWriter.Complete"/> and <c>done</c> after it, so the parent can kill it at
/// a point of its choosing.
/// </summary>
internal static class ShardWriterChild
{
    public const string Command = "write-shards";

    public static int Run(string[] args)
    {
        if (args.Length != 5)
        {
            Console.Error.WriteLine("usage: write-shards directory seed count maxSamplesPerShard");
            return 2;
        }

        int Int(int i) => int.Parse(args[i], CultureInfo.InvariantCulture);
        (ShardSchema schema, List<object[]> samples) = ShardTestData.Generate(Int(2), Int(3));
        using var writer = new ShardWriter(args[1], schema, new ShardWriterOptions { MaxSamplesPerShard = Int(4) });
        foreach (object[] sample in samples)
        {
            writer.Write(ShardTestData.Record(schema, sample));
            Console.WriteLine($"written {writer.SampleCount}");
        }

        Console.WriteLine("completing");
        writer.Complete();
        Console.WriteLine("done");
        return 0;
    }
}

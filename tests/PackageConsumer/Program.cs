// Uses OneSeed as a NuGet consumer does: Seed.Everything, a named stream, the data loader with workers, and a snapshot
// restored mid-run. Prints one digest line per run; exits 1 if anything that must repeat did not. The smoke script
// runs it on every target framework and requires the same digest from each.
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using OneSeed;
using OneSeed.Data;

const uint RootSeed = 20261207;

string first = Run(workers: 0);
string second = Run(workers: 3);
if (first != second)
{
    Console.Error.WriteLine($"FAIL: 0 and 3 workers gave different results:\n  {first}\n  {second}");
    return 1;
}

Seed.Everything(RootSeed);
double[] warmUp = Seed.Stream("noise").Random(5);
RngSnapshot snapshot = RngSnapshot.Capture();
double afterSnapshot = Seed.Global.NextDouble();
snapshot.Restore();
double afterRestore = Seed.Global.NextDouble();
if (BitConverter.DoubleToInt64Bits(afterSnapshot) != BitConverter.DoubleToInt64Bits(afterRestore))
{
    Console.Error.WriteLine($"FAIL: the restored snapshot drew {afterRestore:R}, not {afterSnapshot:R}");
    return 1;
}

Console.WriteLine($"framework={RuntimeInformation.FrameworkDescription}");
Console.WriteLine($"digest={first} snapshot={afterRestore:R} stream={warmUp[0]:R}");
return 0;

static string Run(int workers)
{
    Seed.Everything(RootSeed);
    IDataset<double[]> dataset = Dataset.Create(100, (index, context) => context.Rng.Random(4));
    using var loader = new DataLoader<double[]>(dataset, new DataLoaderOptions
    {
        Seed = RootSeed, BatchSize = 8, Shuffle = true, Workers = workers,
    });
    using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    for (int epoch = 0; epoch < 2; epoch++)
    {
        foreach (IReadOnlyList<double[]> batch in loader)
        {
            foreach (double[] sample in batch)
            {
                hash.AppendData(MemoryMarshal.AsBytes(sample.AsSpan()));
            }
        }
    }

    hash.AppendData(MemoryMarshal.AsBytes(Seed.Stream("weights", 0).Random(16).AsSpan()));
    return Convert.ToHexString(hash.GetHashAndReset())[..16];
}

using System.Globalization;
using System.Security.Cryptography;
using OneSeed;
using OneSeed.Data;
using OneSeed.TorchSharp;

namespace ReproducibleTraining;

internal sealed record TrainConfig(uint Seed, int Epochs, bool Torch, int TrainCount, int TestCount, int BatchSize);

internal sealed record TrainResult(double[] EpochLosses, double Accuracy, double Loss, string Digest, byte[] Weights);

internal readonly record struct Point(float X, float Y, long Label);

internal sealed record Batch(float[] X, long[] Labels, int Count);

/// <summary>One training run: fresh from the seed, or resumed from a snapshot folder.</summary>
internal static class Trainer
{
    private const string RngFile = "rng.json", LoaderFile = "loader.json", ModelFile = "model_and_optimizer.bin", EpochFile = "epoch.txt";

    public static TrainResult Run(TrainConfig c, int workers, string? snapshotDir, int snapshotAfter, bool resume, Action<int, double>? onEpoch)
    {
        if (c.Torch)
        {
            // TorchSharp's generator becomes one of Seed.Everything's sources and part of every RngSnapshot
            // (registered before seeding, and before restoring: a snapshot naming an unregistered source is refused).
            OneSeedTorchSharp.Register();
        }

        if (!resume)
        {
            // The .NET form of random.seed(s); np.random.seed(s); torch.manual_seed(s).
            Seed.Everything(c.Seed);
        }

        Spirals train = Spirals.Make(c.Seed, "train", c.TrainCount), test = Spirals.Make(c.Seed, "test", c.TestCount);
        using IMlp model = c.Torch ? new TorchMlp() : new PlainMlp();
        IDataset<Point> dataset = Dataset.Create(train.Count, (i, context) => Augment(train, i, context));
        using var loader = new DataLoader<Point, Batch>(dataset, Collate, new DataLoaderOptions
        {
            Seed = c.Seed, BatchSize = c.BatchSize, Shuffle = true, Workers = workers,
        });

        int start = 0;
        var losses = new List<double>();
        if (resume)
        {
            string dir = snapshotDir ?? throw new ArgumentNullException(nameof(snapshotDir));
            // After the model is built (building it draws its initial weights), before the first batch.
            model.SetState(ReadArrays(Path.Combine(dir, ModelFile)));
            RngSnapshot.Load(Path.Combine(dir, RngFile)).Restore();
            loader.LoadState(DataLoaderState.FromJson(File.ReadAllText(Path.Combine(dir, LoaderFile))));
            start = int.Parse(File.ReadAllText(Path.Combine(dir, EpochFile)), CultureInfo.InvariantCulture);
        }

        for (int epoch = start; epoch < c.Epochs; epoch++)
        {
            double sum = 0;
            int batches = 0;
            foreach (Batch batch in loader)
            {
                sum += model.TrainStep(batch.X, batch.Labels, batch.Count);
                batches++;
            }

            losses.Add(sum / batches);
            onEpoch?.Invoke(epoch, sum / batches);
            if (!resume && snapshotDir is not null && epoch + 1 == snapshotAfter)
            {
                Directory.CreateDirectory(snapshotDir);
                RngSnapshot.Capture().Save(Path.Combine(snapshotDir, RngFile));
                File.WriteAllText(Path.Combine(snapshotDir, LoaderFile), loader.GetState().ToJson());
                WriteArrays(Path.Combine(snapshotDir, ModelFile), model.GetState());
                File.WriteAllText(Path.Combine(snapshotDir, EpochFile), (epoch + 1).ToString(CultureInfo.InvariantCulture));
            }
        }

        (double accuracy, double loss) = model.Evaluate(test.X, test.Labels, test.Count);
        byte[] weights = WeightBytes(model.GetState().Take(Mlp.Shapes.Length));
        return new TrainResult([.. losses], accuracy, loss, Convert.ToHexStringLower(SHA256.HashData(weights)), weights);
    }

    // Random augmentation from context.Rng: a function of (loader seed, epoch, index) only, so it does not
    // depend on the number of workers or on which worker computes the sample.
    private static Point Augment(Spirals data, int i, SampleContext context)
    {
        double angle = context.Rng.Uniform(-0.15, 0.15);
        double scale = context.Rng.Uniform(0.9, 1.1);
        double x = data.X[2 * i], y = data.X[2 * i + 1];
        double xr = scale * (x * Math.Cos(angle) - y * Math.Sin(angle)) + 0.02 * context.Rng.StandardNormal();
        double yr = scale * (x * Math.Sin(angle) + y * Math.Cos(angle)) + 0.02 * context.Rng.StandardNormal();
        return new Point((float)xr, (float)yr, data.Labels[i]);
    }

    private static Batch Collate(IReadOnlyList<Point> points)
    {
        var x = new float[2 * points.Count];
        var labels = new long[points.Count];
        for (int i = 0; i < points.Count; i++)
        {
            x[2 * i] = points[i].X;
            x[2 * i + 1] = points[i].Y;
            labels[i] = points[i].Label;
        }

        return new Batch(x, labels, points.Count);
    }

    /// <summary>The parameters as little-endian float32, in order: what the digest is computed over.</summary>
    public static byte[] WeightBytes(IEnumerable<float[]> parameters)
    {
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        foreach (float value in parameters.SelectMany(p => p))
        {
            w.Write(value);
        }

        w.Flush();
        return ms.ToArray();
    }

    private static void WriteArrays(string path, float[][] arrays)
    {
        using var w = new BinaryWriter(File.Create(path));
        w.Write(arrays.Length);
        foreach (float[] a in arrays)
        {
            w.Write(a.Length);
            foreach (float f in a)
            {
                w.Write(f);
            }
        }
    }

    private static float[][] ReadArrays(string path)
    {
        using var r = new BinaryReader(File.OpenRead(path));
        var arrays = new float[r.ReadInt32()][];
        for (int i = 0; i < arrays.Length; i++)
        {
            arrays[i] = new float[r.ReadInt32()];
            for (int j = 0; j < arrays[i].Length; j++)
            {
                arrays[i][j] = r.ReadSingle();
            }
        }

        return arrays;
    }
}

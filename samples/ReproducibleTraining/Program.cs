// Trains a small MLP on 2-class spirals with the OneSeed data loader, then proves in the same run that the result
// is reproducible: a second run with 0 workers and a run resumed from the mid-run snapshot give the same weights,
// bit for bit. Standard output depends only on the seed (not on the worker count, the output folder or timings,
// which go to standard error), so `oneseed audit` and `oneseed sweep` can run this program as it is.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OneSeed;
using OneSeed.Diagnostics;
using ReproducibleTraining;

CultureInfo inv = CultureInfo.InvariantCulture;
var stopwatch = Stopwatch.StartNew();
uint? seedArg = null;
int epochs = 30, snapshotAfter = -1;
string? outDir = null;
string backend = "auto";
try
{
    for (int i = 0; i < args.Length; i++)
    {
        string Next() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
        switch (args[i])
        {
            case "--seed": seedArg = (uint)Seed.ParseSeed(Next(), "--seed"); break;
            case "--epochs": epochs = int.Parse(Next(), inv); break;
            case "--snapshot-epoch": snapshotAfter = int.Parse(Next(), inv); break;
            case "--out": outDir = Next(); break;
            case "--backend": backend = Next(); break;
            case "-h" or "--help":
                Console.WriteLine("usage: ReproducibleTraining [--seed S] [--epochs N (30)] [--snapshot-epoch K (N/2)] [--out DIR (a temp folder)] [--backend auto|torch|plain]");
                Console.WriteLine("environment: ONESEED_SEED (the seed when --seed is not given; else a fresh one), ONESEED_WORKERS (loader workers, default 2)");
                return 0;
            default: throw new FormatException($"unknown argument '{args[i]}'");
        }
    }

    if (epochs < 2 || epochs > 1000)
    {
        throw new FormatException($"--epochs must be between 2 and 1000, got {epochs}");
    }

    snapshotAfter = snapshotAfter < 0 ? epochs / 2 : snapshotAfter;
    if (snapshotAfter < 1 || snapshotAfter >= epochs)
    {
        throw new FormatException($"--snapshot-epoch must be between 1 and {epochs - 1}, got {snapshotAfter}");
    }

    if (backend is not ("auto" or "torch" or "plain"))
    {
        throw new FormatException($"--backend must be auto, torch or plain, got '{backend}'");
    }
}
catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
{
    Console.Error.WriteLine("ReproducibleTraining: " + e.Message);
    return 2;
}

int workers = 2;
string? workersText = Environment.GetEnvironmentVariable("ONESEED_WORKERS");
if (!string.IsNullOrWhiteSpace(workersText) && (!int.TryParse(workersText.Trim(), NumberStyles.None, inv, out workers) || workers > 64))
{
    Console.Error.WriteLine($"ReproducibleTraining: ONESEED_WORKERS must be an integer from 0 to 64, got '{workersText}'");
    return 2;
}

// Seed.Everything() reads ONESEED_SEED (or draws a fresh seed and logs it to standard error).
uint seed = seedArg is { } s ? Seed.Everything(s) : Seed.Everything();

bool torch = false;
if (backend != "plain")
{
    torch = TorchMlp.TryLoad(out string? error);
    if (!torch)
    {
        if (backend == "torch")
        {
            Console.Error.WriteLine("ReproducibleTraining: TorchSharp cannot load: " + error);
            return 3;
        }

        Console.Error.WriteLine("ReproducibleTraining: TorchSharp cannot load, using the plain C# MLP (" + error + ")");
    }
}

outDir ??= Path.Combine(Path.GetTempPath(), "oneseed-training-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(outDir);
string snapshotDir = Path.Combine(outDir, "snapshot");
Console.Error.WriteLine($"ReproducibleTraining: {workers} loader workers, results in {outDir}");

var config = new TrainConfig(seed, epochs, torch, TrainCount: 1000, TestCount: 1000, BatchSize: 32);
Console.WriteLine(string.Create(inv, $"ReproducibleTraining: 2-class spirals ({config.TrainCount} training / {config.TestCount} test points), MLP 2-{Mlp.Hidden}-{Mlp.Hidden}-2 ({(torch ? "TorchSharp" : "plain C#")}), seed {seed}, {epochs} epochs"));
TrainResult main = Trainer.Run(config, workers, snapshotDir, snapshotAfter, resume: false,
    (epoch, loss) => Console.WriteLine(string.Create(inv, $"epoch {epoch + 1,3}  loss {loss:F6}{(epoch + 1 == snapshotAfter ? "  (snapshot saved)" : "")}")));
Console.WriteLine(string.Create(inv, $"test accuracy {main.Accuracy:F4}, test loss {main.Loss:F6}"));
Console.WriteLine("weights sha256: " + main.Digest);
File.WriteAllBytes(Path.Combine(outDir, "model.bin"), main.Weights);
Console.Error.WriteLine(string.Create(inv, $"ReproducibleTraining: training took {stopwatch.Elapsed.TotalSeconds:F1} s"));

// (a) The same training with the loader on the calling thread.
TrainResult serial = Trainer.Run(config, workers: 0, snapshotDir: null, snapshotAfter, resume: false, onEpoch: null);
// (b) A fresh model, loader and random state, resumed from the files saved after epoch `snapshotAfter`.
TrainResult resumed = Trainer.Run(config, workers, snapshotDir, snapshotAfter, resume: true, onEpoch: null);
bool serialOk = serial.Digest == main.Digest;
bool resumedOk = resumed.Digest == main.Digest && resumed.EpochLosses.SequenceEqual(main.EpochLosses.Skip(snapshotAfter));
Console.WriteLine($"{(serialOk ? "✓" : "✗")} a second run with 0 workers gives {(serialOk ? "the identical digest" : "another digest: " + serial.Digest)}");
Console.WriteLine(string.Create(inv, $"{(resumedOk ? "✓" : "✗")} a run resumed from the snapshot after epoch {snapshotAfter} gives {(resumedOk ? "the identical digest" : "another digest: " + resumed.Digest)}"));

EnvironmentFingerprint.Capture().Save(Path.Combine(outDir, "fingerprint.json"));
var results = new Dictionary<string, object>
{
    ["seed"] = seed, ["epochs"] = epochs, ["backend"] = torch ? "torchsharp" : "plain", ["workers"] = workers,
    ["epoch_losses"] = main.EpochLosses, ["accuracy"] = main.Accuracy, ["loss"] = main.Loss, ["weights_sha256"] = main.Digest,
    ["zero_workers_identical"] = serialOk, ["resumed_identical"] = resumedOk,
};
File.WriteAllText(Path.Combine(outDir, "results.json"), JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
Console.Error.WriteLine(string.Create(inv, $"ReproducibleTraining: done in {stopwatch.Elapsed.TotalSeconds:F1} s; results.json, model.bin, fingerprint.json and snapshot/ in {outDir}"));

// Last line: the metric as JSON, for `oneseed sweep --metric accuracy`.
Console.WriteLine(string.Create(inv, $"{{\"accuracy\": {main.Accuracy:R}, \"loss\": {main.Loss:R}, \"weights_sha256\": \"{main.Digest}\"}}"));
return serialOk && resumedOk ? 0 : 1;

using System.CommandLine;
using System.Globalization;
using OneSeed.Compat;
using OneSeed.Data;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OneSeed.Cli.Commands;

/// <summary>
/// <c>oneseed demo</c>: the seed documents' data-loader experiment, run on OneSeed's loader. Each sample draws one
/// "augmentation" number twice: from a per-worker NumPy <c>RandomState</c> reseeded from the same value whenever a
/// worker starts (what a fork-inherited <c>np.random</c> state amounts to in PyTorch), and from
/// <see cref="SampleContext.Rng"/>.
/// </summary>
internal static class DemoCommand
{
    // One naive generator per worker thread, as each forked worker process has its own copy of the parent's.
    [ThreadStatic]
    private static NumPyRandomState? _naive;

    public static Command Create()
    {
        var seed = new Option<ulong>("--seed") { Description = "The loader seed (also the value every naive worker generator is reseeded from).", DefaultValueFactory = _ => 0, HelpName = "SEED" };
        var epochs = new Option<int>("--epochs") { Description = "Epochs to run (2 to 10).", DefaultValueFactory = _ => 3, HelpName = "N" };
        var workers = new Option<int>("--workers") { Description = "Loader worker threads (1 to 8).", DefaultValueFactory = _ => 2, HelpName = "N" };
        var samples = new Option<int>("--samples") { Description = "Samples in the toy dataset (2 to 64; batch size 2).", DefaultValueFactory = _ => 8, HelpName = "N" };
        var command = new Command("demo", "Run the seed documents' data-loader experiment on OneSeed's loader: naive per-worker seeding repeats the same random augmentations in every epoch and every worker; OneSeed's per-sample seeding (SampleContext.Rng) does not.\nExit codes: 0 the demo ran, 2 bad arguments.")
        {
            seed, epochs, workers, samples,
        };
        command.SetAction(parse =>
        {
            int e = parse.GetValue(epochs), w = parse.GetValue(workers), n = parse.GetValue(samples);
            if (e is < 2 or > 10)
            {
                throw CliException.Usage($"--epochs must be between 2 and 10, got {e}");
            }

            if (w is < 1 or > 8)
            {
                throw CliException.Usage($"--workers must be between 1 and 8, got {w}");
            }

            if (n is < 2 or > 64)
            {
                throw CliException.Usage($"--samples must be between 2 and 64, got {n}");
            }

            Run(parse.GetValue(seed), e, w, n);
            return ExitCodes.Ok;
        });
        return command;
    }

    private readonly record struct Draw(int Index, int Worker, double Naive, double Keyed);

    private static void Run(ulong seed, int epochCount, int workerCount, int sampleCount)
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        uint naiveSeed = (uint)(seed & uint.MaxValue);
        IDataset<Draw> dataset = Dataset.Create(sampleCount, static (i, context) => new Draw(i, context.WorkerId, _naive!.RandomSample(), context.Rng.Random()));
        var options = new DataLoaderOptions
        {
            Seed = seed, BatchSize = 2, Shuffle = true, Workers = workerCount,
            WorkerInit = _ => _naive = new NumPyRandomState(naiveSeed),
        };
        using var loader = new DataLoader<Draw>(dataset, options);

        // [epoch][worker] = that worker's draws in the order it made them (it computes batches b, b + W, b + 2W, ...).
        var naive = new List<double>[epochCount][];
        var keyed = new List<double>[epochCount][];
        for (int epoch = 0; epoch < epochCount; epoch++)
        {
            naive[epoch] = [.. Enumerable.Range(0, workerCount).Select(_ => new List<double>())];
            keyed[epoch] = [.. Enumerable.Range(0, workerCount).Select(_ => new List<double>())];
            foreach (IReadOnlyList<Draw> batch in loader)
            {
                foreach (Draw d in batch)
                {
                    naive[epoch][d.Worker].Add(d.Naive);
                    keyed[epoch][d.Worker].Add(d.Keyed);
                }
            }
        }

        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        console.Profile.Width = Math.Max(console.Profile.Width, 160);
        Console.Out.WriteLine(string.Create(inv, $"oneseed demo: {sampleCount} samples, batch size 2, shuffled, {workerCount} workers, {epochCount} epochs, loader seed {seed}"));
        Console.Out.WriteLine("Each sample draws one random augmentation parameter (shown to 4 digits), per worker in the order it draws them.");
        Console.Out.WriteLine(string.Create(inv, $"  naive:   each worker's np.random-style RandomState reseeded with {naiveSeed} whenever it starts (as a forked worker inherits the parent's state)"));
        Console.Out.WriteLine("  OneSeed: SampleContext.Rng, a generator keyed on (loader seed, epoch, sample index)");
        console.Write(new Columns(Table("naive per-worker seeding", naive), Table("OneSeed (SampleContext.Rng)", keyed)) { Expand = false });

        double[] allNaive = [.. naive.SelectMany(x => x).SelectMany(x => x)];
        double[] allKeyed = [.. keyed.SelectMany(x => x).SelectMany(x => x)];
        int naiveDistinct = allNaive.Distinct().Count(), keyedDistinct = allKeyed.Distinct().Count();
        int repeatedEpochs = Enumerable.Range(1, epochCount - 1).Count(ep => Enumerable.Range(0, workerCount).All(wk => naive[ep][wk].SequenceEqual(naive[0][wk])));
        Console.Out.WriteLine(string.Create(inv,
            $"verdict: naive seeding repeated its numbers ({naiveDistinct} distinct of {allNaive.Length} draws; {repeatedEpochs} of {epochCount - 1} later epochs repeat epoch 0 exactly" +
            $"{(workerCount > 1 ? ", and the workers draw the same sequence" : "")}); OneSeed's draws are all distinct ({keyedDistinct} distinct of {allKeyed.Length})."));
    }

    private static Table Table(string title, List<double>[][] draws)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumn("epoch").AddColumn("worker").AddColumn("draws").AddColumn("repeats?");
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int epoch = 0; epoch < draws.Length; epoch++)
        {
            for (int worker = 0; worker < draws[epoch].Length; worker++)
            {
                // Compare full values (round-trip format), display 4 digits.
                string key = string.Join(' ', draws[epoch][worker].Select(d => d.ToString("R", CultureInfo.InvariantCulture)));
                string label = string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}, worker {worker}");
                string repeat = draws[epoch][worker].Count > 0 && seen.TryGetValue(key, out string? first) ? "[red]= " + Markup.Escape(first) + "[/]" : "[green]new[/]";
                seen.TryAdd(key, label);
                string shown = string.Join(' ', draws[epoch][worker].Select(d => d.ToString("0.0000", CultureInfo.InvariantCulture)));
                table.AddRow(new IRenderable[]
                {
                    new Text(epoch.ToString(CultureInfo.InvariantCulture)), new Text(worker.ToString(CultureInfo.InvariantCulture)), new Text(shown), new Markup(repeat),
                });
            }
        }

        return table;
    }
}

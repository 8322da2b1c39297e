using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Data;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Data.Tests;

/// <summary>Torch-compatible mode (<see cref="DataLoaderOptions.Generator"/>) and torch-style worker seeding, live against torch 1.13.</summary>
public sealed class TorchCompatibleTests
{
    private static int[][][] RunEpochs(DataLoader<int> loader, int epochs) =>
        [.. Enumerable.Range(0, epochs).Select(_ => loader.Select(b => b.ToArray()).ToArray())];

    private static string Show(int[][][] epochs) => string.Join(" | ", epochs.Select(e => string.Join(" ", e.Select(b => "[" + string.Join(",", b) + "]"))));

    private static string TorchStateBase64(TorchGenerator generator) => JsonNode.Parse(generator.GetStateJson())!["state"]!.GetValue<string>();

    [Fact]
    public void Index_batches_match_torch_dataloader_with_a_generator_for_several_epochs()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        var ours = new List<(int[][][] Epochs, string State, int Workers)>();
        for (int i = 0; i < 120; i++)
        {
            long seed = seeds.Pick(new[] { 0L, 1L, 42L, seeds.Int64(0, long.MaxValue), seeds.UInt32() });
            int n = seeds.Pick(new[] { 1, 2, 3, seeds.Int(4, 70), seeds.Int(70, 3000) });
            int b = seeds.Pick(new[] { 1, 2, 7, 64, n, seeds.Int(1, n + 2) });
            bool dropLast = seeds.Bool() && n >= b;
            bool shuffle = seeds.Int(0, 5) != 0;
            int epochs = seeds.Int(2, 5);

            // A few cases run torch with two worker processes (slow to start); the rest with num_workers=0.
            int torchWorkers = i < 8 ? 2 : 0;
            int workers = seeds.Pick(new[] { 0, 1, 3 });
            var generator = new TorchGenerator(seed);
            using var loader = new DataLoader<int>(
                Dataset.Create(n, (index, _) => index),
                new DataLoaderOptions { Generator = generator, Shuffle = shuffle, BatchSize = b, DropLast = dropLast, Workers = workers, Seed = (ulong)seeds.Int64(0, long.MaxValue) });
            ours.Add((RunEpochs(loader, epochs), TorchStateBase64(generator), workers));
            cases.Add(new JsonObject { ["seed"] = seed, ["n"] = n, ["b"] = b, ["drop_last"] = dropLast, ["shuffle"] = shuffle, ["epochs"] = epochs, ["workers"] = torchWorkers });
        }

        JsonArray results = PythonOracle.Run("data_loader.py", new JsonObject { ["op"] = "torch_loader", ["cases"] = cases })["results"]!.AsArray();
        for (int i = 0; i < ours.Count; i++)
        {
            int[][][] expected = [.. results[i]!["epochs"]!.AsArray().Select(e => e!.AsArray().Select(b => b!.AsArray().Select(x => (int)x!).ToArray()).ToArray())];
            string context = $"case {i}: {cases[i]!.ToJsonString()}, our workers {ours[i].Workers} {seeds.Replay}";
            Assert.True(Show(expected) == Show(ours[i].Epochs), $"{context}\ntorch: {Show(expected)}\nours:  {Show(ours[i].Epochs)}");
            Assert.True(results[i]!["state"]!.GetValue<string>() == ours[i].State, $"generator state after the epochs differs; {context}");
        }
    }

    [Fact]
    public void Generate_state_matches_torch_worker_loop()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        var expected = new List<uint[]>();
        for (int i = 0; i < 400; i++)
        {
            long baseSeed = seeds.Pick(new[] { 0L, 1L, uint.MaxValue, 1L << 32, long.MaxValue, long.MaxValue - 1, seeds.Int64(0, long.MaxValue), seeds.UInt32() });
            int wid = seeds.Pick(new[] { 0, 1, 2, seeds.Int(0, 64), seeds.Int(0, 100_000) });
            cases.Add(new JsonObject { ["base"] = baseSeed, ["wid"] = wid });
            expected.Add(TorchWorkerSeeding.GenerateState(baseSeed, wid));
        }

        JsonArray results = PythonOracle.Run("data_loader.py", new JsonObject { ["op"] = "generate_state", ["cases"] = cases })["results"]!.AsArray();
        for (int i = 0; i < expected.Count; i++)
        {
            JsonAssert.Equal(JsonAssert.UInt32s(results[i]), expected[i], $"case {i}: {cases[i]!.ToJsonString()} {seeds.Replay}");
        }
    }

    [Fact]
    public void Worker_sources_draw_what_torch_seeded_python_numpy_and_torch_draw()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        var ours = new List<(double[] Python, double[] NumPy, double[] Torch)>();
        for (int i = 0; i < 300; i++)
        {
            long baseSeed = seeds.Pick(new[] { 0L, uint.MaxValue, long.MaxValue - 3, seeds.Int64(0, long.MaxValue), seeds.UInt32() });
            int wid = seeds.Pick(new[] { 0, 1, seeds.Int(0, 16) });
            int n = seeds.Pick(new[] { 1, seeds.Int(1, 8), seeds.Int(600, 700) });
            cases.Add(new JsonObject { ["base"] = baseSeed, ["wid"] = wid, ["n"] = n });
            AmbientSources sources = TorchWorkerSeeding.CreateSources(baseSeed, wid);
            double[] python = [.. Enumerable.Range(0, n).Select(_ => sources.Python!.Random())];
            ours.Add((python, sources.NumPy!.RandomSample(n), [.. sources.Torch!.Rand(n).Select(f => (double)f)]));
        }

        JsonArray results = PythonOracle.Run("data_loader.py", new JsonObject { ["op"] = "worker_draws", ["cases"] = cases })["results"]!.AsArray();
        for (int i = 0; i < ours.Count; i++)
        {
            string context = $"case {i}: {cases[i]!.ToJsonString()} {seeds.Replay}";
            JsonAssert.Equal(JsonAssert.UInt64s(results[i]!["python"]), ours[i].Python.Select(d => (ulong)BitConverter.DoubleToInt64Bits(d)).ToArray(), "python " + context);
            JsonAssert.Equal(JsonAssert.UInt64s(results[i]!["numpy"]), ours[i].NumPy.Select(d => (ulong)BitConverter.DoubleToInt64Bits(d)).ToArray(), "numpy " + context);
            JsonAssert.Equal(JsonAssert.UInt64s(results[i]!["torch"]), ours[i].Torch.Select(d => (ulong)BitConverter.DoubleToInt64Bits(d)).ToArray(), "torch " + context);
        }
    }

    [Fact]
    public void Samples_drawing_from_ambient_sources_in_workers_equal_real_torch_workers()
    {
        var seeds = new LiveSeeds();
        var cases = new JsonArray();
        var ours = new List<ulong[][][]>();
        for (int i = 0; i < 6; i++)
        {
            long seed = seeds.Int64(0, long.MaxValue);
            int n = seeds.Int(1, 40);
            int b = seeds.Int(1, 5);
            bool shuffle = seeds.Bool();
            int workers = 1 + (i % 3);
            var dataset = Dataset.Create(n, (index, _) => new[]
            {
                (ulong)index,
                (ulong)WorkerInfo.Current!.Id,
                (ulong)BitConverter.DoubleToInt64Bits(PythonRandom.Shared.Random()),
                (ulong)BitConverter.DoubleToInt64Bits(NumPyRandomState.Shared.RandomSample()),
                (ulong)BitConverter.DoubleToInt64Bits(TorchGenerator.Default.Rand(1)[0]),
            });
            using var loader = new DataLoader<ulong[]>(dataset, new DataLoaderOptions { Generator = new TorchGenerator(seed), Shuffle = shuffle, BatchSize = b, Workers = workers });
            ours.Add([.. Enumerable.Range(0, 2).Select(_ => loader.SelectMany(batch => batch).ToArray())]);
            cases.Add(new JsonObject { ["seed"] = seed, ["n"] = n, ["b"] = b, ["shuffle"] = shuffle, ["workers"] = workers, ["epochs"] = 2 });
        }

        JsonArray results = PythonOracle.Run("data_loader.py", new JsonObject { ["op"] = "worker_loader", ["cases"] = cases })["results"]!.AsArray();
        for (int i = 0; i < ours.Count; i++)
        {
            for (int epoch = 0; epoch < 2; epoch++)
            {
                JsonArray samples = results[i]![epoch]!.AsArray();
                Assert.Equal(samples.Count, ours[i][epoch].Length);
                for (int s = 0; s < samples.Count; s++)
                {
                    JsonAssert.Equal(JsonAssert.UInt64s(samples[s]), ours[i][epoch][s], $"case {i}, epoch {epoch}, sample {s}: {cases[i]!.ToJsonString()} {seeds.Replay}");
                }
            }
        }
    }

    [Fact]
    public void Resume_mid_epoch_in_torch_compatible_mode_continues_identically_with_any_worker_count()
    {
        var seeds = new LiveSeeds();
        for (int c = 0; c < 40; c++)
        {
            long torchSeed = seeds.Int64(0, long.MaxValue);
            int n = seeds.Pick(new[] { 1, seeds.Int(2, 50), seeds.Int(50, 600) });
            int b = seeds.Int(1, 9);
            bool dropLast = seeds.Bool() && n >= b;
            bool shuffle = seeds.Int(0, 4) != 0;
            int epochs = 4;
            ulong seed = (ulong)seeds.Int64(0, long.MaxValue);
            DataLoaderOptions Options(int workers, long generatorSeed, ulong? loaderSeed) =>
                new() { Generator = new TorchGenerator(generatorSeed), Shuffle = shuffle, BatchSize = b, DropLast = dropLast, Workers = workers, Seed = loaderSeed };
            var dataset = Dataset.Create(n, (index, context) => index * 1000 + context.Rng.Integers(0, 1000));
            string context = $"case {c}: seed {torchSeed}, n {n}, b {b}, dropLast {dropLast}, shuffle {shuffle} {seeds.Replay}";

            using var whole = new DataLoader<long>(dataset, Options(seeds.Pick(new[] { 0, 2 }), torchSeed, seed));
            long[][] expected = [.. Enumerable.Range(0, epochs).SelectMany(_ => whole.Select(batch => batch.ToArray()).ToArray())];

            int stopEpoch = seeds.Int(0, epochs);
            int stopBatch = seeds.Int(0, whole.BatchesPerEpoch + 1);
            var delivered = new List<long[]>();
            string json;
            using (var first = new DataLoader<long>(dataset, Options(seeds.Pick(new[] { 0, 1, 3 }), torchSeed, seed)))
            {
                for (int e = 0; e < stopEpoch; e++)
                {
                    delivered.AddRange(first.Select(batch => batch.ToArray()));
                }

                // A batch handed out by MoveNext counts as delivered, so stop right after the last one wanted
                // (and don't start the epoch at all when none is wanted).
                if (stopBatch > 0)
                {
                    foreach (IReadOnlyList<long> batch in first)
                    {
                        delivered.Add([.. batch]);
                        if (delivered.Count == (stopEpoch * whole.BatchesPerEpoch) + stopBatch)
                        {
                            break;
                        }
                    }
                }

                json = first.GetState().ToJson();
            }

            // Another worker count, another generator seed (the state carries the generator's), the seed adopted from the state.
            using var resumed = new DataLoader<long>(dataset, Options(seeds.Pick(new[] { 0, 1, 2, 3 }), torchSeed ^ 0x5555, null));
            resumed.LoadState(DataLoaderState.FromJson(json));
            while (delivered.Count < expected.Length)
            {
                delivered.AddRange(resumed.Select(batch => batch.ToArray()));
            }

            Assert.Equal(expected.Length, delivered.Count);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(expected[i].SequenceEqual(delivered[i]), $"batch {i} (stopped at epoch {stopEpoch}, batch {stopBatch}); {context}");
            }
        }
    }

    [Fact]
    public void Worker_ambient_sources_are_per_worker_per_epoch_and_never_leak_to_the_calling_thread()
    {
        PythonRandom outerPython = PythonRandom.Shared;
        NumPyRandomState outerNumPy = NumPyRandomState.Shared;
        TorchGenerator outerTorch = TorchGenerator.Default;
        SynchronizedRandom outerGlobal = OneSeed.Seed.Global;
        var seen = new ConcurrentDictionary<(int Epoch, int Worker), object[]>();
        var sharedWithOuter = new ConcurrentBag<int>();
        var dataset = Dataset.Create(24, (index, context) =>
        {
            object[] instances = [PythonRandom.Shared, NumPyRandomState.Shared, TorchGenerator.Default, OneSeed.Seed.Global];
            if (ReferenceEquals(instances[0], outerPython) || ReferenceEquals(instances[1], outerNumPy) || ReferenceEquals(instances[2], outerTorch) || ReferenceEquals(instances[3], outerGlobal))
            {
                sharedWithOuter.Add(index);
            }

            object[] first = seen.GetOrAdd((context.Epoch, context.WorkerId), instances);
            Assert.Equal(first, instances); // the same instances for the whole epoch on one worker
            return index;
        });

        foreach (DataLoaderOptions options in new[]
        {
            new DataLoaderOptions { Seed = 7, BatchSize = 2, Workers = 3, Shuffle = true },
            new DataLoaderOptions { Generator = new TorchGenerator(7), BatchSize = 2, Workers = 3, Shuffle = true },
        })
        {
            seen.Clear();
            using var loader = new DataLoader<int>(dataset, options);
            for (int epoch = 0; epoch < 3; epoch++)
            {
                Assert.Equal(24, loader.SelectMany(b => b).Count());
                Assert.Same(outerPython, PythonRandom.Shared);
                Assert.Same(outerNumPy, NumPyRandomState.Shared);
                Assert.Same(outerTorch, TorchGenerator.Default);
                Assert.Same(outerGlobal, OneSeed.Seed.Global);
            }

            Assert.Empty(sharedWithOuter);
            Assert.Equal(9, seen.Count);
            var all = seen.Values.SelectMany(v => v).ToArray();
            Assert.Equal(all.Length, all.Distinct(ReferenceEqualityComparer.Instance).Count());
        }

        // With no workers the samples run on the calling thread, with its sources (torch does not reseed num_workers=0 either).
        using var inline = new DataLoader<bool>(Dataset.Create(3, (i, c) => ReferenceEquals(PythonRandom.Shared, outerPython)), new DataLoaderOptions { Generator = new TorchGenerator(1) });
        Assert.All(inline.SelectMany(b => b), Assert.True);
    }

    [Fact]
    public void Ambient_numpy_in_workers_does_not_repeat_across_epochs_or_workers()
    {
        // The seed documents' experiment with the loader's own worker seeding instead of a naive one.
        var seeds = new LiveSeeds();
        foreach (DataLoaderOptions options in new[]
        {
            new DataLoaderOptions { Seed = (ulong)seeds.Int64(0, long.MaxValue), BatchSize = 4, Workers = 2, Shuffle = true },
            new DataLoaderOptions { Generator = new TorchGenerator(seeds.Int64(0, long.MaxValue)), BatchSize = 4, Workers = 2, Shuffle = true },
        })
        {
            using var loader = new DataLoader<double>(Dataset.Create(64, (_, _) => NumPyRandomState.Shared.RandomSample()), options);
            double[] draws = [.. Enumerable.Range(0, 3).SelectMany(_ => loader.SelectMany(b => b))];
            Assert.True(draws.Length == draws.Distinct().Count(), $"ambient NumPy draws repeat {seeds.Replay}");
        }
    }

    [Fact]
    public void Conflicting_options_are_refused()
    {
        var dataset = Dataset.Create(4, (i, _) => i);
        var e1 = Assert.Throws<ArgumentException>(() => new DataLoader<int>(dataset, new DataLoaderOptions { Generator = new TorchGenerator(1), Sampler = new SequentialSampler() }));
        Assert.Contains("Generator and Sampler", e1.Message, StringComparison.Ordinal);
        var e2 = Assert.Throws<ArgumentException>(() => new DataLoader<int>(dataset, new DataLoaderOptions { Generator = new TorchGenerator(1), WorldSize = 2, Rank = 1 }));
        Assert.Contains("WorldSize 2", e2.Message, StringComparison.Ordinal);
        var e3 = Assert.Throws<ArgumentException>(() => new DataLoader<int>(Dataset.Create(0, (i, _) => i), new DataLoaderOptions { Generator = new TorchGenerator(1), Shuffle = true }));
        Assert.Contains("non-empty", e3.Message, StringComparison.Ordinal);

        // Sequential torch-compatible mode accepts an empty dataset (torch draws the base seed, yields nothing).
        var generator = new TorchGenerator(3);
        using var empty = new DataLoader<int>(Dataset.Create(0, (i, _) => i), new DataLoaderOptions { Generator = generator });
        Assert.Empty(empty);
        Assert.NotEqual(new TorchGenerator(3).GetStateJson(), generator.GetStateJson());
    }

    [Fact]
    public void A_keyed_state_is_refused_by_a_torch_compatible_loader_and_changes_nothing()
    {
        var dataset = Dataset.Create(10, (i, _) => i);
        using var keyed = new DataLoader<int>(dataset, new DataLoaderOptions { Seed = 5, BatchSize = 3, Shuffle = true });
        DataLoaderState state = keyed.GetState();
        var generator = new TorchGenerator(11);
        using var torchLoader = new DataLoader<int>(dataset, new DataLoaderOptions { Generator = generator, BatchSize = 3, Shuffle = true });
        string before = generator.GetStateJson();
        Assert.Throws<FormatException>(() => torchLoader.LoadState(state));
        Assert.Equal(before, generator.GetStateJson());

        // And the other way round: a keyed loader refuses a generator state.
        using var keyedAgain = new DataLoader<int>(dataset, new DataLoaderOptions { BatchSize = 3, Shuffle = true });
        Assert.Throws<FormatException>(() => keyedAgain.LoadState(torchLoader.GetState()));
    }

    [Fact]
    public void Sampler_draws_base_seed_then_permutation_then_torchs_trailing_permutation()
    {
        var generator = new TorchGenerator(42);
        var mirror = new TorchGenerator(42);
        var sampler = new TorchCompatibleSampler(generator, shuffle: true);
        SamplerEpoch epoch = sampler.BeginEpoch(new SamplerContext(0, 0, 10));
        Assert.Equal(mirror.Random(), epoch.WorkerBaseSeed);
        Assert.Equal(mirror.RandPermInt32(10), epoch.Indices);
        _ = mirror.RandPermInt32(10);
        Assert.Equal(mirror.GetStateJson(), generator.GetStateJson());
        Assert.Throws<FormatException>(() => sampler.SetState(null));
        Assert.Throws<ArgumentNullException>(() => new TorchCompatibleSampler(null!, true));
    }
}

using OneSeed.Data;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Data.Tests;

public sealed class ResumeTests
{
    [Fact]
    public void Resuming_mid_epoch_continues_bit_identically_with_any_worker_count()
    {
        var seeds = new LiveSeeds();
        for (int trial = 0; trial < 10; trial++)
        {
            ulong seed = (ulong)seeds.Int64(0, long.MaxValue);
            int count = seeds.Int(1, 300);
            int batchSize = seeds.Int(1, 20);
            bool shuffle = seeds.Bool();
            bool dropLast = seeds.Bool() && count >= batchSize;
            int workersBefore = seeds.Pick(new[] { 0, 1, 2, 3 });
            int workersAfter = seeds.Pick(new[] { 0, 1, 2, 3, 8 });
            DataLoaderOptions Options(int workers, bool withSeed = true) => new()
            {
                Seed = withSeed ? seed : null, BatchSize = batchSize, Shuffle = shuffle, DropLast = dropLast, Workers = workers,
            };

            using var uninterrupted = new DataLoader<Sample>(TestData.Augmented(count), Options(0));
            List<string> all = [.. TestData.Collect(uninterrupted, 3).SelectMany(e => e)];
            int perEpoch = uninterrupted.BatchesPerEpoch;

            int stopAfter = seeds.Int(0, all.Count + 1);
            string context = $"trial {trial}: seed {seed}, count {count}, batch {batchSize}, shuffle {shuffle}, dropLast {dropLast}, stop after {stopAfter} of {all.Count}, workers {workersBefore}->{workersAfter} {seeds.Replay}";
            string json = null!;
            var before = new List<string>();
            TestData.WithTimeout(30, () =>
            {
                using var first = new DataLoader<Sample>(TestData.Augmented(count), Options(workersBefore));
                while (before.Count < stopAfter)
                {
                    foreach (IReadOnlyList<Sample> batch in first)
                    {
                        before.Add(TestData.Describe(batch));
                        if (before.Count == stopAfter)
                        {
                            break;
                        }
                    }
                }

                json = first.GetState().ToJson();
            });

            var after = new List<string>();
            TestData.WithTimeout(30, () =>
            {
                // The second loader has no seed of its own half the time: it adopts the state's.
                using var second = new DataLoader<Sample>(TestData.Augmented(count), Options(workersAfter, withSeed: seeds.Bool()));
                second.LoadState(DataLoaderState.FromJson(json));
                while (before.Count + after.Count < all.Count)
                {
                    after.AddRange(second.Select(TestData.Describe));
                }
            });

            Assert.True(all.Take(stopAfter).SequenceEqual(before), $"before the interruption: {context}");
            Assert.True(all.Skip(stopAfter).SequenceEqual(after), $"after resuming: {context} (state {json}, {perEpoch} batches per epoch)");
        }
    }

    [Fact]
    public void State_reports_the_position_after_the_last_delivered_batch()
    {
        using var loader = new DataLoader<Sample>(TestData.Augmented(10), new DataLoaderOptions { Seed = 5, BatchSize = 3, Workers = 2 });
        DataLoaderState start = loader.GetState();
        Assert.Equal((0, 0, 3, 10, 5UL), (start.Epoch, start.BatchesDelivered, start.BatchSize, start.DatasetCount, start.Seed));
        int seen = 0;
        foreach (IReadOnlyList<Sample> batch in loader)
        {
            seen++;
            DataLoaderState state = loader.GetState();
            // After the last batch the position is already the next epoch's start.
            Assert.Equal(seen == 4 ? (1, 0) : (0, seen), (state.Epoch, state.BatchesDelivered));
            if (seen == 2)
            {
                break;
            }
        }

        Assert.Equal((0, 2), (loader.GetState().Epoch, loader.GetState().BatchesDelivered));
        Assert.Equal(1, loader.Epoch);

        // Loading the state on the same loader continues the abandoned epoch.
        loader.LoadState(loader.GetState());
        Assert.Equal([6, 9], loader.Select(b => b[0].Index));
        Assert.Equal((1, 0), (loader.GetState().Epoch, loader.GetState().BatchesDelivered));
    }

    [Fact]
    public void State_json_round_trips_and_bad_states_are_refused_without_changing_the_loader()
    {
        var state = new DataLoaderState(ulong.MaxValue, 7, 3, 16, 1000, """{"generator": [1, 2, 3]}""");
        DataLoaderState back = DataLoaderState.FromJson(state.ToJson());
        Assert.Equal((state.Seed, state.Epoch, state.BatchesDelivered, state.BatchSize, state.DatasetCount), (back.Seed, back.Epoch, back.BatchesDelivered, back.BatchSize, back.DatasetCount));
        Assert.Equal("""{"generator":[1,2,3]}""", back.SamplerState!.Replace(" ", string.Empty, StringComparison.Ordinal));
        Assert.Contains("\"oneseed_state_version\":1", state.ToJson(), StringComparison.Ordinal);

        Assert.Throws<FormatException>(() => DataLoaderState.FromJson("{"));
        Assert.Throws<FormatException>(() => DataLoaderState.FromJson("[]"));
        Assert.Contains("version 2", Assert.Throws<FormatException>(() => DataLoaderState.FromJson(state.ToJson().Replace("\"oneseed_state_version\":1", "\"oneseed_state_version\":2", StringComparison.Ordinal))).Message, StringComparison.Ordinal);
        Assert.Contains("'kind'", Assert.Throws<FormatException>(() => DataLoaderState.FromJson(state.ToJson().Replace("OneSeed.DataLoader", "Other", StringComparison.Ordinal))).Message, StringComparison.Ordinal);
        Assert.Contains("'epoch'", Assert.Throws<FormatException>(() => DataLoaderState.FromJson(state.ToJson().Replace("\"epoch\":7", "\"epoch\":-1", StringComparison.Ordinal))).Message, StringComparison.Ordinal);
        Assert.Contains("'seed'", Assert.Throws<FormatException>(() => DataLoaderState.FromJson(state.ToJson().Replace("\"seed\":18446744073709551615", "\"seed\":-4", StringComparison.Ordinal))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new DataLoaderState(1, 0, 0, 1, 1, "{not json"));

        using var loader = new DataLoader<Sample>(TestData.Augmented(10), new DataLoaderOptions { Seed = 5, BatchSize = 3 });
        DataLoaderState good = loader.GetState();
        Assert.Contains("BatchSize", Assert.Throws<ArgumentException>(() => loader.LoadState(new DataLoaderState(5, 1, 1, 4, 10, null))).Message, StringComparison.Ordinal);
        Assert.Contains("dataset", Assert.Throws<ArgumentException>(() => loader.LoadState(new DataLoaderState(5, 1, 1, 3, 11, null))).Message, StringComparison.Ordinal);
        Assert.Contains("seed", Assert.Throws<ArgumentException>(() => loader.LoadState(new DataLoaderState(6, 1, 1, 3, 10, null))).Message, StringComparison.Ordinal);
        Assert.Contains("delivered", Assert.Throws<ArgumentException>(() => loader.LoadState(new DataLoaderState(5, 1, 5, 3, 10, null))).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => loader.LoadState(new DataLoaderState(5, 1, 1, 3, 10, "{\"x\":1}")));
        DataLoaderState unchanged = loader.GetState();
        Assert.Equal((good.Epoch, good.BatchesDelivered, good.SamplerState), (unchanged.Epoch, unchanged.BatchesDelivered, unchanged.SamplerState));
        Assert.Equal(4, loader.Count());
    }

    [Fact]
    public void A_stateful_sampler_is_restored_to_its_epoch_start()
    {
        // A sampler with a generator of its own (the shape of the torch-compatible one): its state travels in DataLoaderState.
        var seeds = new LiveSeeds();
        uint start = seeds.UInt32();
        using var uninterrupted = new DataLoader<int>(Dataset.FromList(Enumerable.Range(0, 20).ToArray()), new DataLoaderOptions { BatchSize = 3, Sampler = new CountingSampler(start) });
        List<int[]> all = [.. Enumerable.Range(0, 3).SelectMany(_ => uninterrupted.Select(b => b.ToArray()))];

        using var first = new DataLoader<int>(Dataset.FromList(Enumerable.Range(0, 20).ToArray()), new DataLoaderOptions { BatchSize = 3, Sampler = new CountingSampler(start), Workers = 2 });
        Assert.Equal(7, first.Count());
        int taken = first.Take(4).Count();
        string json = first.GetState().ToJson();

        using var second = new DataLoader<int>(Dataset.FromList(Enumerable.Range(0, 20).ToArray()), new DataLoaderOptions { BatchSize = 3, Sampler = new CountingSampler(0), Workers = 3 });
        second.LoadState(DataLoaderState.FromJson(json));
        List<int[]> rest = [.. second.Select(b => b.ToArray()), .. second.Select(b => b.ToArray())];
        Assert.Equal(all.Skip(7 + taken), rest);
    }

    /// <summary>Rotates 0..n-1 by a counter it advances every epoch: a minimal stateful sampler.</summary>
    private sealed class CountingSampler(uint counter) : ISampler
    {
        private uint _counter = counter;

        public int GetLength(int datasetCount) => datasetCount;

        public SamplerEpoch BeginEpoch(SamplerContext context)
        {
            uint shift = _counter++;
            int n = context.DatasetCount;
            return new SamplerEpoch([.. Enumerable.Range(0, n).Select(i => (int)((i + shift) % (uint)n))]);
        }

        public string? GetState() => $"{{\"counter\": {_counter}}}";

        public void SetState(string? state)
        {
            using var document = System.Text.Json.JsonDocument.Parse(state ?? "null");
            if (!document.RootElement.TryGetProperty("counter", out var value))
            {
                throw new FormatException("no counter");
            }

            _counter = value.GetUInt32();
        }
    }
}

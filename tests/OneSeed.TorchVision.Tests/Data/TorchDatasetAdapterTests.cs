using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Data;
using OneSeed.Tests.Infrastructure;
using OneSeed.TorchSharp;
using OneSeed.TorchVision.Tests.Policies;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace OneSeed.TorchVision.Tests.Data;

/// <summary>
/// A TorchSharp dataset augmented with the policies, served through OneSeed's loader: the same batches for 0-3 workers
/// with per-sample streams; torch 1.13's own DataLoader batches in torch-compatible mode; no native-memory growth.
/// </summary>
public sealed class TorchDatasetAdapterTests(ITestOutputHelper output)
{
    [Fact]
    public void Per_sample_streams_give_the_same_batches_for_0_1_2_and_3_workers_and_after_a_resume()
    {
        TorchSharpNative.EnsureLoaded();
        var seeds = new LiveSeeds();
        ulong loaderSeed = (ulong)seeds.Int64(0, long.MaxValue);
        int n = seeds.Int(5, 30);
        int batchSize = seeds.Int(1, 6);
        using var dataset = new AugmentedImages(n, seeds.Int(3, 20), AugmentedImages.StandardPolicies());
        var adapter = new TorchDatasetAdapter<Dictionary<string, Tensor>>(dataset);

        List<string> Epochs(int workers)
        {
            using var loader = adapter.CreateLoader(TensorCollate.Stack, new DataLoaderOptions { Seed = loaderSeed, Shuffle = true, BatchSize = batchSize, Workers = workers });
            return [.. Enumerable.Range(0, 2).SelectMany(_ => loader.Select(Digest))];
        }

        List<string> reference = Epochs(0);
        int perEpoch = reference.Count / 2;
        Assert.False(reference.Take(perEpoch).SequenceEqual(reference.Skip(perEpoch)), $"the two epochs' augmentations are the same {seeds.Replay}");
        for (int workers = 1; workers <= 3; workers++)
        {
            Assert.True(reference.SequenceEqual(Epochs(workers)), $"{workers} workers differ from 0 {seeds.Replay}");
        }

        // A loader resumed from the state after the first batch continues with the same batches: the rest of the epoch,
        // or, when the epoch had that one batch only, the next epoch (the state then points at its start).
        using var first = adapter.CreateLoader(TensorCollate.Stack, new DataLoaderOptions { Seed = loaderSeed, Shuffle = true, BatchSize = batchSize, Workers = 2 });
        using (IEnumerator<Dictionary<string, Tensor>> run = first.GetEnumerator())
        {
            Assert.True(run.MoveNext());
            Assert.Equal(reference[0], Digest(run.Current));
        }

        using var resumed = adapter.CreateLoader(TensorCollate.Stack, new DataLoaderOptions { Shuffle = true, BatchSize = batchSize, Workers = 3 });
        resumed.LoadState(first.GetState());
        Assert.Equal(reference.Skip(1).Take(perEpoch == 1 ? 1 : perEpoch - 1), resumed.Select(Digest));
    }

    [Fact]
    public void Torch_compatible_mode_gives_torch_113_DataLoader_batches_for_0_to_3_workers()
    {
        TorchSharpNative.EnsureLoaded();
        var seeds = new LiveSeeds();
        var cases = new List<JsonObject>();
        var ours = new List<List<List<string>>>();
        for (int workers = 0; workers <= 3; workers++)
        {
            var c = new JsonObject
            {
                ["main_seed"] = seeds.Int64(0, long.MaxValue),
                ["seed"] = seeds.Int64(0, long.MaxValue),
                ["n"] = seeds.Int(1, 14),
                ["side"] = seeds.Int(3, 16),
                ["b"] = seeds.Int(1, 5),
                ["shuffle"] = seeds.Bool(),
                ["workers"] = workers,
                ["epochs"] = 2,
            };
            cases.Add(c);
            using var dataset = new AugmentedImages((int)c["n"]!, (int)c["side"]!, AugmentedImages.StandardPolicies());
            var adapter = new TorchDatasetAdapter<Dictionary<string, Tensor>>(dataset, AugmentationRandomness.WorkerGenerator);
            using var loader = adapter.CreateLoader(TensorCollate.Stack, new DataLoaderOptions
            {
                Generator = new TorchGenerator((long)c["seed"]!),
                Shuffle = (bool)c["shuffle"]!,
                BatchSize = (int)c["b"]!,
                Workers = workers,
            });

            // With no workers torch's transforms draw from the main process's default generator (torch.manual_seed(main_seed)).
            using (Seed.UseAmbient(new AmbientSources { Torch = new TorchGenerator((long)c["main_seed"]!) }))
            {
                ours.Add([.. Enumerable.Range(0, 2).Select(_ => loader.Select(Digest).ToList())]);
            }
        }

        JsonArray expected = PolicyCases.Ask("loader", cases);
        for (int i = 0; i < cases.Count; i++)
        {
            List<List<string>> theirs = [.. expected[i]!.AsArray().Select(e => e!.AsArray().Select(d => (string)d!).ToList())];
            Assert.True(theirs.Count == 2 && theirs.Zip(ours[i]).All(p => p.First.SequenceEqual(p.Second)), $"batches differ from torch's for {cases[i].ToJsonString()} {seeds.Replay}");
        }
    }

    [Fact]
    public void A_long_epoch_does_not_grow_the_live_tensor_count_or_native_memory()
    {
        TorchSharpNative.EnsureLoaded();
        using var dataset = new AugmentedImages(4000, 32, AugmentedImages.StandardPolicies());
        var adapter = new TorchDatasetAdapter<Dictionary<string, Tensor>>(dataset);
        using var loader = adapter.CreateLoader(TensorCollate.Stack, new DataLoaderOptions { Seed = 7, BatchSize = 8, Workers = 2 });

        long liveBefore = Tensor.TotalCount;
        long rssAfterWarmup = 0;
        long liveAfterWarmup = 0;
        int batches = 0;
        foreach (Dictionary<string, Tensor> batch in loader)
        {
            foreach (Tensor t in batch.Values)
            {
                t.Dispose();
            }

            if (++batches == 50)
            {
                rssAfterWarmup = ResidentBytes();
                liveAfterWarmup = Tensor.TotalCount;
            }
        }

        long liveAfter = Tensor.TotalCount;
        long rssAfter = ResidentBytes();
        output.WriteLine($"{batches} batches of 8 (32x32, RandAugment+TrivialAugmentWide+AugMix, 2 workers): live tensors before {liveBefore}, after batch 50 {liveAfterWarmup}, at the end {liveAfter}; RSS after batch 50 {rssAfterWarmup / 1048576.0:F1} MiB, at the end {rssAfter / 1048576.0:F1} MiB");
        Assert.Equal(500, batches);
        Assert.True(liveAfter - liveBefore <= 2, $"live tensors grew from {liveBefore} to {liveAfter} over {batches} batches");

        // 450 batches after the warm-up: leaking one sample's intermediates would add several MiB; allow allocator noise.
        Assert.True(rssAfter - rssAfterWarmup < 48L << 20, $"RSS grew by {(rssAfter - rssAfterWarmup) / 1048576.0:F1} MiB over 450 batches");
    }

    [Fact]
    public void Get_installs_the_per_sample_generator_only_in_PerSample_mode_and_refuses_bad_indices()
    {
        TorchSharpNative.EnsureLoaded();
        var probe = new ProbeDataset();
        var context = new SampleContext(11, 2, 3);
        var perSample = new TorchDatasetAdapter<float>(probe);
        Assert.Equal(context.TorchRng.Rand(1)[0], perSample.Get(3, new SampleContext(11, 2, 3)));
        using (Seed.UseAmbient(new AmbientSources { Torch = new TorchGenerator(5) }))
        {
            Assert.Equal(new TorchGenerator(5).Rand(1)[0], new TorchDatasetAdapter<float>(probe, AugmentationRandomness.WorkerGenerator).Get(3, context));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => perSample.Get(-1, context));
        Assert.Throws<ArgumentOutOfRangeException>(() => perSample.Get(4, context));
        Assert.Equal("randomness", Assert.Throws<ArgumentOutOfRangeException>(() => new TorchDatasetAdapter<float>(probe, (AugmentationRandomness)9)).ParamName);
    }

    private static string Digest(Dictionary<string, Tensor> batch)
    {
        byte[] image = PolicyCases.Bytes(batch["image"]);
        using Tensor labels = batch["label"].contiguous();
        byte[] bytes = [.. image, .. labels.data<long>().ToArray().SelectMany(BitConverter.GetBytes)];
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private static long ResidentBytes()
    {
        string line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    private sealed class ProbeDataset : utils.data.Dataset<float>
    {
        public override long Count => 4;

        public override float GetTensor(long index) => TorchGenerator.Default.Rand(1)[0];
    }
}

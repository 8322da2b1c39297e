using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using OneSeed.Data;
using OneSeed.Data.Shards;

namespace OneSeed.Benchmarks;

/// <summary>
/// Reading a sharded dataset of a few gigabytes from local disk (bench/compare_shards.sh): sequential file reads (the
/// physical limit), OneSeed's loader with the shard-aware shuffle at several block sizes and worker counts, a uniform
/// shuffle for contrast, and resuming mid-epoch against replaying the skipped batches. Before every timed pass the
/// dataset's files are evicted from the page cache (posix_fadvise DONTNEED, which needs no privileges), so each pass
/// reads from the disk as a first epoch would. Also writes one .npy file per shard beside the Arrow shards, the same
/// samples, for bench/torch_shard_bench.py. BenchmarkDotNet's repetitions do not fit passes of gigabytes, so this times
/// each pass once with a stopwatch, as the Python side does. Shards are memory-mapped; the loader passes keep no
/// verification records (every pass hashes each shard it opens, as a first run on the files does), and the resume is
/// timed twice: on files an earlier run verified (the realistic resume: the records let it skip the hashes) and on files
/// no run has verified.
/// Usage: OneSeed.Benchmarks --shards DIRECTORY [gigabytes]
/// </summary>
internal static class ShardReadRun
{
    private const int SampleBytes = 64 * 1024;
    private const int GlobalBatch = 256;
    private const int Partitions = 4;
    private const ulong Seed = 2026;

    public static void Run(TextWriter output, string directory, double gigabytes)
    {
        ShardIndex index = EnsureDataset(directory, gigabytes);
        int[] counts = [.. index.Shards.Select(s => s.SampleCount)];
        long bytes = index.Shards.Sum(s => s.ByteCount);
        var results = new JsonObject
        {
            ["samples"] = index.SampleCount, ["shards"] = index.Shards.Count, ["bytes"] = bytes, ["sample_bytes"] = SampleBytes,
            ["global_batch"] = GlobalBatch, ["partitions"] = Partitions, ["cpus"] = Environment.ProcessorCount,
        };

        Evict(directory, index);
        double sequential = Time(() =>
        {
            foreach (ShardInfo shard in index.Shards)
            {
                using var file = new FileStream(Path.Combine(directory, shard.Name), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
                byte[] buffer = new byte[1 << 20];
                while (file.Read(buffer) > 0)
                {
                }
            }
        });
        results["sequential_samples_per_s"] = index.SampleCount / sequential;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sequential read of {bytes / 1e9:0.00} GB: {sequential:0.00} s, {index.SampleCount / sequential:0} samples/s"));

        var rows = new JsonArray();
        foreach (int block in new[] { 1, 4, 16 })
        {
            foreach (int workers in new[] { 0, 2 })
            {
                var sampler = new ShardAwareSampler(counts, GlobalBatch, Partitions, block);
                double seconds = Pass(directory, index, new ShardedDatasetOptions { MaxOpenShards = Partitions * (block + 1), VerificationRecordDirectory = null }, sampler, workers, int.MaxValue, out long samples);
                rows.Add(new JsonObject { ["order"] = "shard-aware", ["block"] = block, ["workers"] = workers, ["samples_per_s"] = samples / seconds });
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"shard-aware, blocks of {block} shards, {workers} workers: {samples / seconds:0} samples/s ({sequential / (seconds * index.SampleCount / samples):0.00}x of sequential)"));
            }
        }

        // The default block and 2 workers without hash verification: what SHA-256 costs on a first epoch.
        {
            var sampler = new ShardAwareSampler(counts, GlobalBatch, Partitions, 16);
            double seconds = Pass(directory, index, new ShardedDatasetOptions { MaxOpenShards = Partitions * 17, VerifyHashes = false, VerificationRecordDirectory = null }, sampler, 2, int.MaxValue, out long samples);
            rows.Add(new JsonObject { ["order"] = "shard-aware, no hash check", ["block"] = 16, ["workers"] = 2, ["samples_per_s"] = samples / seconds });
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"shard-aware, blocks of 16 shards, 2 workers, VerifyHashes off: {samples / seconds:0} samples/s ({sequential / (seconds * index.SampleCount / samples):0.00}x of sequential)"));
        }

        // A uniform shuffle through the same bounded shard cache: nearly every sample loads a shard.
        {
            double seconds = Pass(directory, index, new ShardedDatasetOptions { MaxOpenShards = Partitions * 17, VerificationRecordDirectory = null }, new RandomSampler(), 2, 2048, out long samples);
            rows.Add(new JsonObject { ["order"] = "uniform", ["block"] = null, ["workers"] = 2, ["samples_per_s"] = samples / seconds });
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"uniform shuffle, 2 workers (first 2,048 samples): {samples / seconds:0} samples/s"));
        }

        results["loader"] = rows;
        results["resume"] = Resume(output, directory, index, counts);
        output.WriteLine(results.ToJsonString());
    }

    // One timed pass of a new dataset over files evicted from the page cache. A method of its own, so that nothing of the
    // pass stays reachable after it: the next eviction can only drop pages that no mapping holds.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double Pass(string directory, ShardIndex index, ShardedDatasetOptions options, ISampler sampler, int workers, int limit, out long samples)
    {
        ShardedDataset dataset = ShardedDataset.Open(directory, options);
        Evict(directory, index);
        long count = 0;
        double seconds = Time(() => count = Consume(dataset, sampler, workers, limit));
        samples = count;
        return seconds;
    }

    // Time to the first batch after loading a state saved in the middle of the epoch, against replaying to there: on
    // files that an earlier run verified (its records let the resumed process skip the hashes) and on files that no run
    // has verified (the first batch waits for the hashes of the shards it touches).
    private static JsonObject Resume(TextWriter output, string directory, ShardIndex index, int[] counts)
    {
        string records = Path.Combine(Path.GetTempPath(), $"oneseed-bench-verified-{Environment.ProcessId}");
        try
        {
            // The earlier run: it checked every shard (as an epoch over the files does) and recorded them.
            VerifyAll(directory, records);
            var sampler = new ShardAwareSampler(counts, GlobalBatch, Partitions, 16);
            int middle = sampler.StepsPerEpoch / 2;
            double replay = Replay(directory, index, records, sampler, middle, out string saved);
            double resume = FirstBatch(directory, index, records, sampler, saved);
            double unverified = FirstBatch(directory, index, null, sampler, saved);

            // The position alone, without the first batch's shard reads: what "resume at once" costs by itself.
            double positionOnly = Time(() =>
            {
                using var loader = Loader(ShardedDataset.Open(directory, Options(records)), sampler, 0);
                loader.LoadState(DataLoaderState.FromJson(saved));
                _ = loader.BatchesPerEpoch;
            });
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"resume at step {middle} of {sampler.StepsPerEpoch}: first batch after {resume * 1000:0} ms on verified files, {unverified * 1000:0} ms on files no run has verified (state and order alone {positionOnly * 1000:0.0} ms); replaying to there takes {replay:0.00} s"));
            return new JsonObject
            {
                ["step"] = middle, ["steps"] = sampler.StepsPerEpoch, ["resume_first_batch_ms"] = resume * 1000,
                ["resume_first_batch_unverified_ms"] = unverified * 1000, ["resume_position_ms"] = positionOnly * 1000, ["replay_s"] = replay,
            };
        }
        finally
        {
            if (Directory.Exists(records))
            {
                Directory.Delete(records, recursive: true);
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void VerifyAll(string directory, string records) => ShardedDataset.Open(directory, Options(records)).Verify();

    // The run that is interrupted: `steps` batches consumed, then its state saved.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double Replay(string directory, ShardIndex index, string records, ISampler sampler, int steps, out string saved)
    {
        Evict(directory, index);
        using var loader = Loader(ShardedDataset.Open(directory, Options(records)), sampler, 2);
        using IEnumerator<ImageBatch> run = loader.GetEnumerator();
        double seconds = Time(() =>
        {
            for (int step = 0; step < steps; step++)
            {
                run.MoveNext();
                run.Current.Checksum();
            }
        });
        saved = loader.GetState().ToJson();
        return seconds;
    }

    // The resumed run: a new dataset and loader, the saved state, the first batch consumed.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double FirstBatch(string directory, ShardIndex index, string? records, ISampler sampler, string saved)
    {
        Evict(directory, index);
        using var loader = Loader(ShardedDataset.Open(directory, Options(records)), sampler, 2);
        return Time(() =>
        {
            loader.LoadState(DataLoaderState.FromJson(saved));
            using IEnumerator<ImageBatch> run = loader.GetEnumerator();
            run.MoveNext();
            run.Current.Checksum();
        });
    }

    private static ShardedDatasetOptions Options(string? records) => new() { MaxOpenShards = Partitions * 17, VerificationRecordDirectory = records };

    private static DataLoader<ShardRow, ImageBatch> Loader(ShardedDataset dataset, ISampler sampler, int workers, int batchSize = GlobalBatch) =>
        new(dataset, Collate, new DataLoaderOptions { Seed = Seed, Sampler = sampler, BatchSize = batchSize, Workers = workers, PrefetchFactor = 4 });

    // Copies every sample's image into one batch buffer, as torch's default_collate stacks the samples that the Python
    // side's __getitem__ has copied out of its mapped .npy: every byte of every sample is read, by the worker that
    // computes the batch. (Mapped shards are read only where a sample is touched, so touching one byte per sample would
    // time the page faults of one page, not the reading of the samples.) The buffer comes from a pool and goes back
    // once consumed, so the batches do not churn the large-object heap.
    private static ImageBatch Collate(IReadOnlyList<ShardRow> rows)
    {
        byte[] images = ArrayPool<byte>.Shared.Rent(rows.Count * SampleBytes);
        long labels = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            ReadOnlySpan<byte> image = rows[i].GetBytes("image").Span;
            image.CopyTo(images.AsSpan(i * SampleBytes));
            labels += rows[i].GetInt64("label");
        }

        return new ImageBatch(images, rows.Count, labels);
    }

    private static long Consume(ShardedDataset dataset, ISampler sampler, int workers, int limit)
    {
        using var loader = Loader(dataset, sampler, workers, sampler is ShardAwareSampler ? GlobalBatch : 64);
        long samples = 0;
        long checksum = 0;
        foreach (ImageBatch batch in loader)
        {
            checksum += batch.Checksum();
            samples += batch.Count;
            if (samples >= limit)
            {
                break;
            }
        }

        GC.KeepAlive(checksum);
        return samples;
    }

    /// <summary>A batch's images, one after another in a pooled buffer, and the sum of its labels.</summary>
    private sealed class ImageBatch(byte[] images, int count, long labels)
    {
        public int Count { get; } = count;

        // What the Python side sums (each image's first byte and the labels), then the buffer goes back to the pool.
        public long Checksum()
        {
            long sum = labels;
            for (int i = 0; i < Count; i++)
            {
                sum += images[i * SampleBytes];
            }

            ArrayPool<byte>.Shared.Return(images);
            return sum;
        }
    }

    private static ShardIndex EnsureDataset(string directory, double gigabytes)
    {
        string indexPath = Path.Combine(directory, ShardIndex.FileName);
        int samples = (int)(gigabytes * 1e9 / SampleBytes);
        if (File.Exists(indexPath))
        {
            ShardIndex existing = ShardIndex.FromJson(File.ReadAllText(indexPath));
            if (existing.SampleCount == samples)
            {
                return existing;
            }
        }

        var schema = new ShardSchema([new ShardColumn("image", ShardColumnKind.Bytes), new ShardColumn("label", ShardColumnKind.Int64)]);
        byte[] image = new byte[SampleBytes];
        ShardIndex index;
        using (var writer = new ShardWriter(directory, schema, new ShardWriterOptions { MaxShardBytes = 16L << 20 }))
        {
            var record = new ShardRecord();
            for (int i = 0; i < samples; i++)
            {
                // Incompressible-looking bytes that differ per sample, made cheaply (a multiplicative hash of the position).
                for (int k = 0; k < image.Length; k += 8)
                {
                    BitConverter.TryWriteBytes(image.AsSpan(k), unchecked(((ulong)i * 0x9E3779B97F4A7C15UL) ^ ((ulong)k * 0xBF58476D1CE4E5B9UL)));
                }

                writer.Write(record.Set("image", image.AsMemory()).Set("label", (long)i));
            }

            index = writer.Complete();
        }

        WriteNpy(directory, index);
        return index;
    }

    // shard-NNNNN.npy: the shard's images as a uint8 array [samples, 65536], for PyTorch's side of the comparison.
    private static void WriteNpy(string directory, ShardIndex index)
    {
        ShardedDataset dataset = ShardedDataset.Open(directory, new ShardedDatasetOptions { MaxOpenShards = 1, VerificationRecordDirectory = null });
        foreach (ShardInfo shard in index.Shards)
        {
            string header = string.Create(CultureInfo.InvariantCulture, $"{{'descr': '|u1', 'fortran_order': False, 'shape': ({shard.SampleCount}, {SampleBytes}), }}");
            int total = 10 + header.Length + 1;
            header = header.PadRight(header.Length + ((64 - (total % 64)) % 64)) + "\n";
            using var file = new FileStream(Path.Combine(directory, $"npy-{shard.Position:D5}.npy"), FileMode.Create);
            file.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
            file.Write(BitConverter.GetBytes((ushort)header.Length));
            file.Write(System.Text.Encoding.ASCII.GetBytes(header));
            for (int i = 0; i < shard.SampleCount; i++)
            {
                file.Write(dataset[shard.FirstIndex + i].GetBytes("image").Span);
            }
        }
    }

    private static double Time(Action work)
    {
        long start = Stopwatch.GetTimestamp();
        work();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    // Drops the dataset's pages from the page cache, so the next pass reads from the disk. DONTNEED skips pages that a
    // process has mapped, so the earlier passes' shard mappings are released first (they go when collected).
    private static void Evict(string directory, ShardIndex index)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        foreach (string path in index.Shards.Select(s => Path.Combine(directory, s.Name)).Concat(Directory.GetFiles(directory, "*.npy")))
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            _ = PosixFadvise(file.SafeFileHandle.DangerousGetHandle().ToInt32(), 0, 0, 4 /* POSIX_FADV_DONTNEED */);
        }
    }

    [DllImport("libc", EntryPoint = "posix_fadvise", SetLastError = false)]
    private static extern int PosixFadvise(int fd, long offset, long length, int advice);
}

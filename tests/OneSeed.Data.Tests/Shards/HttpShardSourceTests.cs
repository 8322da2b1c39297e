using System.Diagnostics;
using OneSeed.Data.Shards;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Data.Tests.Shards;

/// <summary>
/// <see cref="HttpShardSource"/> against a server on the loopback address that the tests start, well-behaved and
/// faulty (dropped connections, truncated and corrupted bodies, 5xx/429 answers, hangs, missing files), with fresh
/// datasets and fresh fault plans on every run.
/// </summary>
public sealed class HttpShardSourceTests
{
    private static readonly Fault[] Transient = [Fault.Drop, Fault.Truncate, Fault.Corrupt, Fault.Longer, Fault.Unavailable, Fault.TooManyRequests, Fault.Hang];

    // Tests that plan hangs need a short attempt limit; the others count requests exactly, so they allow an attempt
    // far longer than any on a loaded machine (CI runs test assemblies side by side on two cores): a retry after a
    // spurious time-out would be a second request.
    private static HttpShardSourceOptions Quick(int attempts = 5, int concurrency = 4, bool plansHangs = false) => new()
    {
        MaxAttempts = attempts,
        MaxConcurrentDownloads = concurrency,
        InitialBackoff = TimeSpan.FromMilliseconds(5),
        MaxBackoff = TimeSpan.FromMilliseconds(40),
        AttemptTimeout = TimeSpan.FromSeconds(plansHangs ? 2 : 60),
    };

    [Fact]
    public void A_dataset_over_http_reads_as_the_local_copy_each_shard_downloaded_once_then_served_from_the_cache()
    {
        var seeds = new LiveSeeds();
        using var data = Fresh(seeds, out ShardIndex index);
        using var cache = new TempDirectory("oneseed-shards-");
        using var server = new FaultyHttpServer(data.Path);
        ShardedDataset local = ShardedDataset.Open(data.Path);
        using var source = new HttpShardSource(server.BaseUri, cache.Path, Quick());
        ShardedDataset remote = ShardedDataset.Open(source, new ShardedDatasetOptions { MaxOpenShards = 2 });

        int[] order = [.. Enumerable.Range(0, index.SampleCount).OrderBy(_ => seeds.Int(0, int.MaxValue))];
        string[] expected = [.. order.Select(i => ShardTestData.Line(ShardTestData.Describe(local[i])))];
        string[] actual = new string[order.Length];
        // Four readers on threads of their own, as the loader's workers are (blocking pool threads on downloads would
        // only test the thread pool's patience).
        Thread[] readers = [.. Enumerable.Range(0, 4).Select(r => new Thread(() =>
        {
            for (int k = r; k < order.Length; k += 4)
            {
                actual[k] = ShardTestData.Line(ShardTestData.Describe(remote[order[k]]));
            }
        }))];
        Array.ForEach(readers, t => t.Start());
        Array.ForEach(readers, t => t.Join());
        Assert.Equal(expected, actual);

        Assert.All(index.Shards, shard => Assert.True(server.Requests(shard.Name) == 1, $"{shard.Name}: {server.Requests(shard.Name)} requests; arrivals {string.Join(",", server.Log)} {seeds.Replay}"));
        Assert.Equal(1, server.Requests(ShardIndex.FileName));
        Assert.Empty(Directory.GetFiles(cache.Path, "*.part"));
        Assert.All(index.Shards, shard => Assert.Equal(File.ReadAllBytes(data.File(shard.Name)), File.ReadAllBytes(cache.File(shard.Name))));

        // Another source on the same cache reads every shard without asking the server for one.
        int before = server.TotalRequests;
        using var again = new HttpShardSource(server.BaseUri, cache.Path, Quick());
        ShardedDataset second = ShardedDataset.Open(again);
        second.Verify();
        Assert.Equal(before + 1, server.TotalRequests); // the index only
    }

    [Fact]
    public void Dropped_connections_short_long_and_corrupted_bodies_server_errors_and_hangs_are_retried_until_the_shard_arrives_whole()
    {
        var seeds = new LiveSeeds();
        using var data = Fresh(seeds, out ShardIndex index);
        using var cache = new TempDirectory("oneseed-shards-");
        using var server = new FaultyHttpServer(data.Path);
        var plans = new Dictionary<string, Fault[]>();
        foreach (ShardInfo shard in index.Shards)
        {
            Fault[] plan = [.. Enumerable.Range(0, seeds.Int(0, 4)).Select(_ => seeds.Pick(Transient))];
            plans[shard.Name] = plan;
            server.Then(shard.Name, plan);
        }

        server.Then(ShardIndex.FileName, Fault.Drop, Fault.Unavailable);
        using var source = new HttpShardSource(server.BaseUri, cache.Path, Quick(plansHangs: true));
        ShardedDataset remote = ShardedDataset.Open(source);
        ShardedDataset local = ShardedDataset.Open(data.Path);
        string context = string.Join("; ", plans.Select(p => $"{p.Key}: {string.Join(",", p.Value)}")) + " " + seeds.Replay;
        for (int i = 0; i < index.SampleCount; i++)
        {
            Assert.Equal(ShardTestData.Describe(local[i]), ShardTestData.Describe(remote[i]));
        }

        foreach (ShardInfo shard in index.Shards)
        {
            Assert.True(plans[shard.Name].Length + 1 == server.Requests(shard.Name), $"{shard.Name}: {server.Requests(shard.Name)} requests for plan {string.Join(",", plans[shard.Name])}; {context}");
        }

        Assert.Equal(3, server.Requests(ShardIndex.FileName));
        Assert.Empty(Directory.GetFiles(cache.Path, "*.part"));
    }

    [Fact]
    public void A_shard_that_keeps_failing_fails_its_samples_naming_shard_url_and_attempts_within_bounded_time_and_recovers_when_the_server_does()
    {
        var seeds = new LiveSeeds();
        using var data = Fresh(seeds, out ShardIndex index);
        using var cache = new TempDirectory("oneseed-shards-");
        using var server = new FaultyHttpServer(data.Path);
        ShardInfo bad = seeds.Pick(index.Shards);
        Fault fault = seeds.Pick(new[] { Fault.Drop, Fault.Truncate, Fault.Corrupt, Fault.Unavailable, Fault.Hang });
        server.Always(bad.Name, fault);
        using var source = new HttpShardSource(server.BaseUri, cache.Path, Quick(attempts: 3, plansHangs: true));
        ShardedDataset remote = ShardedDataset.Open(source);
        int sample = bad.FirstIndex + seeds.Int(0, bad.SampleCount);

        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<ShardedDatasetException>(() => remote[sample]);
        clock.Stop();
        string context = $"{fault} on {bad.Name}, sample {sample}: {e.Message} {seeds.Replay}";
        Assert.True(e.Message.Contains(bad.Name, StringComparison.Ordinal), context);
        Assert.True(e.Message.Contains($"sample {sample}", StringComparison.Ordinal), context);
        Assert.True(e.Message.Contains(source.Describe(bad), StringComparison.Ordinal), context);
        Assert.True(e.Message.Contains("3 attempt(s) failed", StringComparison.Ordinal), context);
        // Three attempts; on a connection closed before any response, .NET's SocketsHttpHandler itself sends the request
        // again on a new connection (up to 3 more times) within one attempt.
        Assert.True(fault == Fault.Drop ? server.Requests(bad.Name) is >= 3 and <= 12 : server.Requests(bad.Name) == 3, $"{server.Requests(bad.Name)} requests; {context}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}; {context}");
        Assert.Empty(Directory.GetFiles(cache.Path, "*.part"));

        // The other shards still read; once the server serves the shard, it reads too.
        ShardedDataset local = ShardedDataset.Open(data.Path);
        foreach (ShardInfo shard in index.Shards.Where(s => s != bad))
        {
            Assert.Equal(ShardTestData.Describe(local[shard.FirstIndex]), ShardTestData.Describe(remote[shard.FirstIndex]));
        }

        server.Always(bad.Name, Fault.None);
        Assert.Equal(ShardTestData.Describe(local[sample]), ShardTestData.Describe(remote[sample]));
    }

    [Fact]
    public void A_missing_shard_fails_at_once_without_retries()
    {
        var seeds = new LiveSeeds();
        using var data = Fresh(seeds, out ShardIndex index);
        using var cache = new TempDirectory("oneseed-shards-");
        using var server = new FaultyHttpServer(data.Path);
        ShardInfo gone = seeds.Pick(index.Shards);
        server.Always(gone.Name, Fault.NotFound);
        using var source = new HttpShardSource(server.BaseUri, cache.Path, Quick());
        ShardedDataset remote = ShardedDataset.Open(source);
        var e = Assert.Throws<ShardedDatasetException>(() => remote[gone.FirstIndex]);
        Assert.Contains("is missing", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Requests(gone.Name));

        server.Always(ShardIndex.FileName, Fault.NotFound);
        using var other = new HttpShardSource(server.BaseUri, cache.Path, Quick());
        Assert.Contains("does not exist", Assert.Throws<ShardedDatasetException>(() => ShardedDataset.Open(other)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_loaders_sharing_a_cache_download_each_shard_once()
    {
        var seeds = new LiveSeeds();
        using var data = Fresh(seeds, out ShardIndex index);
        using var cache = new TempDirectory("oneseed-shards-");
        using var server = new FaultyHttpServer(data.Path);
        using var first = new HttpShardSource(server.BaseUri, cache.Path, Quick());
        using var second = new HttpShardSource(server.BaseUri, cache.Path, Quick());
        var loaders = new[] { first, second }.Select(source => new DataLoader<ShardRow>(
            ShardedDataset.Open(source, new ShardedDatasetOptions { MaxOpenShards = 1 }),
            new DataLoaderOptions { Seed = (ulong)seeds.Int64(0, long.MaxValue), Shuffle = true, BatchSize = seeds.Int(1, 8), Workers = seeds.Int(1, 4) })).ToList();
        try
        {
            await Task.WhenAll(loaders.Select(loader => Task.Run(() => loader.Sum(batch => batch.Count)))).WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            loaders.ForEach(l => l.Dispose());
        }

        Assert.All(index.Shards, shard => Assert.True(server.Requests(shard.Name) == 1, $"{shard.Name} was downloaded {server.Requests(shard.Name)} times {seeds.Replay}"));
    }

    [Fact]
    public async Task Prefetch_downloads_in_the_order_the_samples_need_the_shards_and_reads_then_need_no_server()
    {
        var seeds = new LiveSeeds();
        using var data = Fresh(seeds, out ShardIndex index);
        using var cache = new TempDirectory("oneseed-shards-");
        ShardedDataset local = ShardedDataset.Open(data.Path);
        string[] expected;
        int[] order = [.. new RandomSampler().BeginEpoch(new SamplerContext((ulong)seeds.Int64(0, long.MaxValue), 0, index.SampleCount)).Indices];
        string[] firstUse = [.. order.Select(i => index.Shards[index.ShardOf(i)].Name).Distinct()];
        using (var server = new FaultyHttpServer(data.Path))
        {
            using var source = new HttpShardSource(server.BaseUri, cache.Path, Quick(concurrency: 1));
            ShardedDataset remote = ShardedDataset.Open(source);
            await source.PrefetchAsync(index, order).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(firstUse, server.Log.Where(name => name != ShardIndex.FileName));
            expected = [.. order.Select(i => ShardTestData.Line(ShardTestData.Describe(local[i])))];
            Assert.Equal(expected, order.Select(i => ShardTestData.Line(ShardTestData.Describe(remote[i]))));
            Assert.Equal(index.Shards.Count + 1, server.TotalRequests);
        }
    }

    [Fact]
    public void Bad_arguments_are_refused_with_what_is_allowed()
    {
        using var cache = new TempDirectory("oneseed-shards-");
        Assert.Contains("absolute http or https", Assert.Throws<ArgumentException>(() => new HttpShardSource(new Uri("ftp://example.org/data/"), cache.Path)).Message, StringComparison.Ordinal);
        Assert.Contains("absolute http or https", Assert.Throws<ArgumentException>(() => new HttpShardSource(new Uri("data/", UriKind.Relative), cache.Path)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new HttpShardSource(new Uri("http://127.0.0.1/data/"), ""));
        Assert.Equal("MaxAttempts", Assert.Throws<ArgumentOutOfRangeException>(() => new HttpShardSource(new Uri("http://127.0.0.1/"), cache.Path, new HttpShardSourceOptions { MaxAttempts = 0 })).ParamName);
        Assert.Equal("MaxConcurrentDownloads", Assert.Throws<ArgumentOutOfRangeException>(() => new HttpShardSource(new Uri("http://127.0.0.1/"), cache.Path, new HttpShardSourceOptions { MaxConcurrentDownloads = 0 })).ParamName);
        Assert.Equal("AttemptTimeout", Assert.Throws<ArgumentOutOfRangeException>(() => new HttpShardSource(new Uri("http://127.0.0.1/"), cache.Path, new HttpShardSourceOptions { AttemptTimeout = TimeSpan.Zero })).ParamName);
        using var source = new HttpShardSource(new Uri("http://127.0.0.1:9/a/b"), cache.Path);
        Assert.Equal("http://127.0.0.1:9/a/b/", source.Location);
    }

    private static TempDirectory Fresh(LiveSeeds seeds, out ShardIndex index)
    {
        var random = new Random(seeds.Int(0, int.MaxValue));
        ShardSchema schema = ShardTestData.Schema(random);
        List<object[]> samples = ShardTestData.Samples(random, schema, seeds.Int(20, 90));
        var dir = new TempDirectory("oneseed-shards-");
        index = ShardTestData.Write(dir.Path, schema, samples, new ShardWriterOptions { MaxSamplesPerShard = seeds.Int(4, 15) });
        return dir;
    }
}

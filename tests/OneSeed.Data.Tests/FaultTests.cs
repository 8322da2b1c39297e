using System.Collections.Concurrent;
using System.Diagnostics;
using OneSeed.Data;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Data.Tests;

public sealed class FaultTests
{
    private static readonly int[] WorkerCounts = [0, 1, 2, 4];

    [Fact]
    public void A_throwing_sample_ends_the_epoch_in_batch_order_naming_the_index_with_no_worker_left()
    {
        var seeds = new LiveSeeds();
        foreach (int workers in WorkerCounts)
        {
            int count = seeds.Int(20, 200);
            int bad = seeds.Int(0, count);
            int batchSize = seeds.Int(1, 9);
            ulong seed = (ulong)seeds.Int64(0, long.MaxValue);
            string context = $"workers {workers}, count {count}, bad {bad}, batch {batchSize}, seed {seed} {seeds.Replay}";
            var threads = new ConcurrentDictionary<Thread, bool>();
            var original = new InvalidDataException("corrupt record");
            var dataset = Dataset.Create(count, (i, c) =>
            {
                threads[Thread.CurrentThread] = true;
                return i == bad ? throw original : i;
            });

            TestData.WithTimeout(30, () =>
            {
                using var loader = new DataLoader<int>(dataset, new DataLoaderOptions { Seed = seed, Shuffle = true, BatchSize = batchSize, Workers = workers });
                using var reference = new DataLoader<int>(Dataset.FromList(Enumerable.Range(0, count).ToArray()), new DataLoaderOptions { Seed = seed, Shuffle = true, BatchSize = batchSize });
                List<int[]> order = [.. reference.Select(b => b.ToArray())];
                int badBatch = order.FindIndex(b => b.Contains(bad));

                var delivered = new List<int[]>();
                var error = Assert.Throws<DataLoaderException>(() =>
                {
                    foreach (IReadOnlyList<int> batch in loader)
                    {
                        delivered.Add(batch.ToArray());
                    }
                });

                Assert.Same(original, error.InnerException);
                Assert.Equal(bad, error.SampleIndex);
                Assert.Equal(badBatch, error.Batch);
                Assert.Contains($"Sample {bad} ", error.Message, StringComparison.Ordinal);
                Assert.True(order.Take(badBatch).SequenceEqual(delivered, ArrayComparer.Instance), $"batches before the fault: {context}");
                foreach (Thread thread in threads.Keys.Where(t => t != Thread.CurrentThread))
                {
                    Assert.False(thread.IsAlive, $"worker {thread.Name} still running: {context}");
                }

                // The loader is usable again: the next enumeration is the next epoch (which fails again at the same sample).
                Assert.Throws<DataLoaderException>(() => loader.Count());
            });
        }
    }

    [Fact]
    public void Collate_and_worker_init_failures_are_reported_without_a_sample_index()
    {
        TestData.WithTimeout(30, () =>
        {
            using var collate = new DataLoader<int, int>(Dataset.FromList(new[] { 1, 2, 3 }), items => items.Count == 1 ? throw new ArithmeticException("bad") : items.Sum(), new DataLoaderOptions { BatchSize = 2, Workers = 2 });
            var e1 = Assert.Throws<DataLoaderException>(() => collate.ToList());
            Assert.Null(e1.SampleIndex);
            Assert.Equal(1, e1.Batch);
            Assert.IsType<ArithmeticException>(e1.InnerException);

            using var init = new DataLoader<int>(Dataset.FromList(new[] { 1, 2, 3, 4 }), new DataLoaderOptions { BatchSize = 1, Workers = 2, WorkerInit = w => { if (w.Id == 1) { throw new NotSupportedException("no GPU"); } } });
            var delivered = new List<int>();
            var e2 = Assert.Throws<DataLoaderException>(() => { foreach (var b in init) { delivered.Add(b[0]); } });
            Assert.Equal([1], delivered);
            Assert.Contains("WorkerInit of worker 1", e2.Message, StringComparison.Ordinal);
            Assert.IsType<NotSupportedException>(e2.InnerException);
        });
    }

    [Fact]
    public void Cancellation_stops_the_workers_promptly()
    {
        foreach (int workers in WorkerCounts)
        {
            var threads = new ConcurrentDictionary<Thread, bool>();
            var dataset = Dataset.Create(100_000, (i, c) => { threads[Thread.CurrentThread] = true; Thread.Sleep(1); return i; });
            TestData.WithTimeout(30, () =>
            {
                using var loader = new DataLoader<int>(dataset, new DataLoaderOptions { BatchSize = 8, Workers = workers });
                using var cts = new CancellationTokenSource();
                int seen = 0;
                var watch = Stopwatch.StartNew();
                var error = Assert.ThrowsAny<OperationCanceledException>(() =>
                {
                    foreach (IReadOnlyList<int> batch in loader.Enumerate(cts.Token))
                    {
                        if (++seen == 3)
                        {
                            cts.CancelAfter(50);
                        }
                    }
                });
                Assert.Equal(cts.Token, error.CancellationToken);
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"cancellation took {watch.Elapsed}");
                Assert.All(threads.Keys.Where(t => t != Thread.CurrentThread), t => Assert.False(t.IsAlive));
            });
        }
    }

    [Fact]
    public async Task Async_enumeration_honours_both_tokens()
    {
        var dataset = Dataset.Create(100_000, (i, c) => { Thread.Sleep(1); return i; });
        using var loader = new DataLoader<int>(dataset, new DataLoaderOptions { BatchSize = 4, Workers = 2 });
        using var cts = new CancellationTokenSource(200);
        Task run = Task.Run(async () =>
        {
            await foreach (IReadOnlyList<int> batch in loader.EnumerateAsync().WithCancellation(cts.Token))
            {
                Assert.Equal(4, batch.Count);
            }
        });
        Assert.True(await Task.WhenAny(run, Task.Delay(20_000)) == run, "async enumeration did not stop");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Async_stop_while_a_worker_waits_for_work_does_not_deadlock(bool disposeLoader)
    {
        // Batch 1 is slow, so worker 0 finishes batch 2 and waits on its empty queue before the consumer starts
        // waiting for batch 1. Stopping (cancelling the token, or disposing the loader from another thread) then
        // runs the consumer's wake-up first (callbacks run newest first, on the stopping thread); if the consumer
        // joined the workers right there, worker 0's wake-up, a later callback of the same cancellation, would
        // never run.
        using var slowBatchMayEnd = new ManualResetEventSlim();
        var dataset = Dataset.Create(8, (i, c) =>
        {
            if (i == 1)
            {
                slowBatchMayEnd.Wait(TimeSpan.FromSeconds(3));
            }

            return i;
        });
        var loader = new DataLoader<int>(dataset, new DataLoaderOptions { BatchSize = 1, Workers = 2, PrefetchFactor = 1 });
        using var cts = new CancellationTokenSource();
        // Registered before the loader links to the token, so it runs after the loader's callbacks.
        cts.Token.Register(slowBatchMayEnd.Set);
        Task run = Task.Run(async () =>
        {
            await foreach (IReadOnlyList<int> batch in loader.EnumerateAsync().WithCancellation(cts.Token))
            {
                // Worker 0 has batch 2 by now; give it time to finish it and block on its queue.
                await Task.Delay(300);
                if (disposeLoader)
                {
                    _ = Task.Delay(100).ContinueWith(_ => loader.Dispose(), TaskScheduler.Default);
                }
                else
                {
                    cts.CancelAfter(100);
                }
            }
        });
        Task finished = await Task.WhenAny(run, Task.Delay(10_000));
        slowBatchMayEnd.Set();
        // A deadlocked loader is left undisposed: its Dispose would join the stuck worker and hang the test run.
        Assert.True(finished == run, "async enumeration deadlocked when stopped");
        loader.Dispose();
        if (disposeLoader)
        {
            await Assert.ThrowsAsync<ObjectDisposedException>(() => run);
        }
        else
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }
    }

    [Fact]
    public void Breaking_out_of_foreach_stops_the_workers()
    {
        var threads = new ConcurrentDictionary<Thread, bool>();
        var dataset = Dataset.Create(100_000, (i, c) => { threads[Thread.CurrentThread] = true; Thread.Sleep(1); return i; });
        TestData.WithTimeout(30, () =>
        {
            using var loader = new DataLoader<int>(dataset, new DataLoaderOptions { BatchSize = 4, Workers = 3 });
            foreach (IReadOnlyList<int> batch in loader)
            {
                if (batch[0] >= 20)
                {
                    break;
                }
            }

            Assert.NotEmpty(threads);
            Assert.All(threads.Keys, t => Assert.False(t.IsAlive));
        });
    }

    [Fact]
    public void Disposing_the_loader_mid_epoch_wakes_the_consumer_and_stops_the_workers()
    {
        var threads = new ConcurrentDictionary<Thread, bool>();
        using var gate = new ManualResetEventSlim();
        var dataset = Dataset.Create(1000, (i, c) =>
        {
            threads[Thread.CurrentThread] = true;
            if (i >= 8)
            {
                gate.Wait(TimeSpan.FromMilliseconds(20));
                Thread.Sleep(5);
            }

            return i;
        });
        TestData.WithTimeout(30, () =>
        {
            var loader = new DataLoader<int>(dataset, new DataLoaderOptions { BatchSize = 4, Workers = 2 });
            using IEnumerator<IReadOnlyList<int>> e = loader.GetEnumerator();
            Assert.True(e.MoveNext());
            var disposer = Task.Run(() => { Thread.Sleep(100); loader.Dispose(); });
            Assert.Throws<ObjectDisposedException>(() => { while (e.MoveNext()) { } });
            disposer.Wait();
            Assert.All(threads.Keys, t => Assert.False(t.IsAlive));
            Assert.Throws<ObjectDisposedException>(() => loader.Count());
            Assert.Throws<ObjectDisposedException>(() => loader.LoadState(new DataLoaderState(loader.Seed, 0, 0, 4, 1000, null)));
        });
    }

    [Fact]
    public void An_enumerator_that_could_not_start_stays_over()
    {
        using var loader = new DataLoader<int>(Dataset.FromList(new[] { 1, 2 }), new DataLoaderOptions { Workers = 1 });
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        using IEnumerator<IReadOnlyList<int>> cancelled = loader.Enumerate(cts.Token).GetEnumerator();
        Assert.ThrowsAny<OperationCanceledException>(() => cancelled.MoveNext());
        Assert.False(cancelled.MoveNext());
        Assert.Equal(0, loader.Epoch);

        using IEnumerator<IReadOnlyList<int>> active = loader.GetEnumerator();
        Assert.True(active.MoveNext());
        using IEnumerator<IReadOnlyList<int>> refused = loader.GetEnumerator();
        Assert.Throws<InvalidOperationException>(() => refused.MoveNext());
        Assert.False(refused.MoveNext());
        Assert.True(active.MoveNext());
        Assert.False(active.MoveNext());
    }

    private sealed class ArrayComparer : IEqualityComparer<int[]>
    {
        public static readonly ArrayComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x!.SequenceEqual(y!);

        public int GetHashCode(int[] obj) => obj.Length;
    }
}

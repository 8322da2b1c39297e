using System.Collections.Concurrent;
using System.Globalization;

namespace OneSeed.Data;

/// <summary>
/// One epoch's worker threads. Batch b goes to worker b mod n, at most n × prefetch batches ahead of the consumer;
/// each result lands in its own slot of a ring, so the consumer takes them in batch order whatever finishes first.
/// </summary>
internal sealed class WorkerPool<T, TBatch> : IDisposable
{
    private readonly DataLoader<T, TBatch> _loader;
    private readonly EpochPlan _plan;
    private readonly CancellationToken _stop;
    private readonly BlockingCollection<int>[] _queues;
    private readonly TaskCompletionSource<TBatch>?[] _ring;
    private readonly Thread[] _threads;
    private int _dispatched;

    public WorkerPool(DataLoader<T, TBatch> loader, EpochPlan plan, int workers, int prefetch, CancellationToken stop)
    {
        _loader = loader;
        _plan = plan;
        _stop = stop;
        _dispatched = plan.FirstBatch;
        _ring = new TaskCompletionSource<TBatch>?[workers * prefetch];
        _queues = new BlockingCollection<int>[workers];
        _threads = new Thread[workers];
        for (int w = 0; w < workers; w++)
        {
            _queues[w] = [];
            int id = w;
            _threads[w] = new Thread(() => Work(id))
            {
                IsBackground = true,
                Name = string.Create(CultureInfo.InvariantCulture, $"OneSeed.Data worker {w} (epoch {plan.Epoch})"),
            };
        }

        Dispatch(plan.FirstBatch);
        foreach (Thread thread in _threads)
        {
            thread.Start();
        }
    }

    public TBatch Take(int batch, CancellationToken token)
    {
        Task<TBatch> task = Claim(batch);
        try
        {
            task.Wait(token);
        }
        catch (AggregateException)
        {
            // The batch's own exception is rethrown unwrapped just below.
        }

        return Release(batch, task);
    }

    public async ValueTask<TBatch> TakeAsync(int batch, CancellationToken token)
    {
        Task<TBatch> task = Claim(batch);
        try
        {
            await task.WaitAsync(token).ConfigureAwait(false);
        }
        catch (Exception) when (task.IsFaulted)
        {
            // Rethrown unwrapped by Release.
        }
        catch (OperationCanceledException)
        {
            // This continuation can run inline inside the token's Cancel, on the cancelling thread, before the
            // callbacks that wake workers waiting on an empty queue (callbacks run newest first). The caller joins
            // the workers next, which would then wait for callbacks queued behind itself: leave that thread first.
            await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
            throw;
        }

        return Release(batch, task);
    }

    /// <summary>Waits for every worker thread to end (they end at the next sample boundary once the token is cancelled).</summary>
    public void Join()
    {
        foreach (Thread thread in _threads)
        {
            if (thread != Thread.CurrentThread && thread.ThreadState != ThreadState.Unstarted)
            {
                thread.Join();
            }
        }
    }

    public void Dispose()
    {
        foreach (BlockingCollection<int> queue in _queues)
        {
            queue.Dispose();
        }
    }

    private Task<TBatch> Claim(int batch)
    {
        Dispatch(batch);
        return _ring[batch % _ring.Length]!.Task;
    }

    private TBatch Release(int batch, Task<TBatch> task)
    {
        TBatch result = task.GetAwaiter().GetResult();
        _ring[batch % _ring.Length] = null;
        return result;
    }

    /// <summary>Hands out batches up to <paramref name="consumerAt"/> + ring size (the slots of consumed batches are free).</summary>
    private void Dispatch(int consumerAt)
    {
        int limit = (int)Math.Min(_plan.BatchCount, (long)consumerAt + _ring.Length);
        for (; _dispatched < limit; _dispatched++)
        {
            // The slot is filled before the batch is queued: the queue's lock publishes it to the worker.
            _ring[_dispatched % _ring.Length] = new TaskCompletionSource<TBatch>(TaskCreationOptions.RunContinuationsAsynchronously);
            _queues[_dispatched % _queues.Length].Add(_dispatched);
        }
    }

    private void Work(int id)
    {
        var worker = new WorkerInfo(id, _threads.Length, unchecked(_plan.WorkerBaseSeed + id), _plan.Epoch);
        WorkerInfo.Current = worker;
        Exception? initFailure = null;
        IDisposable? ambient = null;
        try
        {
            try
            {
                ambient = _loader.InitializeWorker(worker, _plan.WorkerBaseSeed);
            }
            catch (Exception e) when (e is not OperationCanceledException || !_stop.IsCancellationRequested)
            {
                initFailure = e;
            }

            var context = new SampleContext(_plan.Root, _plan.Epoch, id);
            foreach (int batch in _queues[id].GetConsumingEnumerable(_stop))
            {
                TaskCompletionSource<TBatch> slot = _ring[batch % _ring.Length]!;
                if (initFailure is not null)
                {
                    slot.TrySetException(new DataLoaderException(
                        string.Create(CultureInfo.InvariantCulture, $"WorkerInit of worker {id} (epoch {_plan.Epoch}) threw {initFailure.GetType().Name}: {initFailure.Message}"), initFailure, null, _plan.Epoch, batch));
                    continue;
                }

                try
                {
                    slot.TrySetResult(_loader.ComputeBatch(_plan, batch, context, _stop));
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    // Delivered in batch order by the consumer; this worker stays available until it is stopped.
                    slot.TrySetException(e);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped: the epoch ended, was abandoned, cancelled, or the loader disposed.
        }
        finally
        {
            ambient?.Dispose();
            WorkerInfo.Current = null;
        }
    }
}

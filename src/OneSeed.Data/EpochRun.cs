namespace OneSeed.Data;

/// <summary>One enumeration (epoch) of a loader: computes batches inline or through a <see cref="WorkerPool{T, TBatch}"/>, delivers them in order.</summary>
internal sealed class EpochRun<T, TBatch> : IEnumerator<TBatch>, IAsyncEnumerator<TBatch>
{
    private readonly DataLoader<T, TBatch> _loader;
    private readonly CancellationToken _userToken;
    private readonly CancellationToken _secondToken;
    private readonly object _stopGate = new();
    private CancellationTokenSource? _stop;
    private EpochPlan? _plan;
    private WorkerPool<T, TBatch>? _pool;
    private SampleContext? _inlineContext;
    private TBatch _current = default!;
    private int _next;
    private bool _started;
    private bool _finished;
    private volatile bool _stoppedByLoader;

    public EpochRun(DataLoader<T, TBatch> loader, CancellationToken userToken, CancellationToken secondToken = default)
    {
        _loader = loader;
        _userToken = userToken;
        _secondToken = secondToken;
    }

    private bool UserCancelled => _userToken.IsCancellationRequested || _secondToken.IsCancellationRequested;

    public TBatch Current => _current;

    object? System.Collections.IEnumerator.Current => _current;

    public bool MoveNext()
    {
        if (!TryPrepare(out EpochPlan plan))
        {
            return false;
        }

        TBatch batch;
        try
        {
            batch = _pool is null ? ComputeInline(plan) : _pool.Take(_next, _stop!.Token);
        }
        catch (Exception e)
        {
            throw Fail(e);
        }

        return Deliver(plan, batch);
    }

    public async ValueTask<bool> MoveNextAsync()
    {
        if (!TryPrepare(out EpochPlan plan))
        {
            return false;
        }

        TBatch batch;
        try
        {
            batch = _pool is null ? ComputeInline(plan) : await _pool.TakeAsync(_next, _stop!.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw Fail(e);
        }

        return Deliver(plan, batch);
    }

    public void Reset() => throw new NotSupportedException("A data loader epoch cannot be restarted; enumerate the loader again for the next epoch.");

    public void Dispose() => Finish();

    public ValueTask DisposeAsync()
    {
        Finish();
        return ValueTask.CompletedTask;
    }

    /// <summary>Called by the loader's Dispose, possibly from another thread: stop and join the workers, wake the consumer.</summary>
    public void StopFromLoader()
    {
        _stoppedByLoader = true;
        Cancel();
        _pool?.Join();
    }

    private bool TryPrepare(out EpochPlan plan)
    {
        plan = null!;
        if (_finished)
        {
            return false;
        }

        if (!_started)
        {
            _started = true;
            try
            {
                _userToken.ThrowIfCancellationRequested();
                _secondToken.ThrowIfCancellationRequested();
                _plan = _loader.Begin(this);
            }
            catch
            {
                // Nothing started: the enumerator is simply over (Begin left the loader as it was).
                _finished = true;
                throw;
            }

            _next = _plan.FirstBatch;
            lock (_stopGate)
            {
                _stop = CancellationTokenSource.CreateLinkedTokenSource(_userToken, _secondToken);
            }

            if (_loader.Options.Workers > 0 && _next < _plan.BatchCount)
            {
                _pool = new WorkerPool<T, TBatch>(_loader, _plan, _loader.Options.Workers, _loader.Options.PrefetchFactor, _stop.Token);
            }
            else
            {
                _inlineContext = new SampleContext(_plan.Root, _plan.Epoch, -1);
            }
        }

        plan = _plan!;
        if (_stoppedByLoader)
        {
            Finish();
            throw new ObjectDisposedException(_loader.GetType().Name, "The data loader was disposed during enumeration.");
        }

        if (_next >= plan.BatchCount)
        {
            Finish();
            return false;
        }

        return true;
    }

    private TBatch ComputeInline(EpochPlan plan) => _loader.ComputeBatch(plan, _next, _inlineContext!, _stop!.Token);

    private bool Deliver(EpochPlan plan, TBatch batch)
    {
        _current = batch;
        _loader.Delivered(plan, _next);
        _next++;
        return true;
    }

    private Exception Fail(Exception e)
    {
        Finish();
        if (e is OperationCanceledException)
        {
            if (_stoppedByLoader)
            {
                return new ObjectDisposedException(_loader.GetType().Name, "The data loader was disposed during enumeration.");
            }

            if (UserCancelled)
            {
                return new OperationCanceledException("The data loader's enumeration was cancelled.", e, _userToken.IsCancellationRequested ? _userToken : _secondToken);
            }
        }

        return e;
    }

    private void Cancel()
    {
        lock (_stopGate)
        {
            _stop?.Cancel();
        }
    }

    private void Finish()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        _current = default!;
        if (!_started)
        {
            return;
        }

        Cancel();
        _pool?.Join();
        _pool?.Dispose();
        lock (_stopGate)
        {
            _stop?.Dispose();
            _stop = null;
        }

        _loader.End(this);
    }
}

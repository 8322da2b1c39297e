namespace OneSeed;

/// <summary>Restores a captured snapshot when disposed (once): the object behind <see cref="Seed.Isolate"/>.</summary>
internal sealed class IsolationScope : IDisposable
{
    private RngSnapshot? _snapshot;

    public IsolationScope(RngSnapshot snapshot)
    {
        _snapshot = snapshot;
    }

    public void Dispose() => Interlocked.Exchange(ref _snapshot, null)?.Restore(skipUnregistered: true);
}

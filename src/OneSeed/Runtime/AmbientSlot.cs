namespace OneSeed;

/// <summary>
/// The one piece of runtime machinery a compatibility façade carries: a process-wide instance (created on first
/// use) that an <see cref="AmbientSources"/> scope may replace for the current thread and async flow.
/// </summary>
/// <remarks>
/// The override is an <see cref="AsyncLocal{T}"/> rather than a thread-static so that it follows <c>await</c>
/// continuations that resume on another thread (a data-loader worker may be async). When no scope is active
/// anywhere in the flow, reading it is a null check on the execution context, so the façades stay fast.
/// </remarks>
internal sealed class AmbientSlot<T>
    where T : class
{
    private readonly Func<T> _factory;
    private readonly AsyncLocal<T?> _override = new();
    private T? _global;

    public AmbientSlot(Func<T> factory)
    {
        _factory = factory;
    }

    /// <summary>The process-wide instance (what <see cref="Seed.Everything(uint)"/> seeds and snapshots capture).</summary>
    public T Global => _global ?? LazyInitializer.EnsureInitialized(ref _global, _factory);

    /// <summary>The instance installed for this thread / async flow, if any.</summary>
    public T? Override => _override.Value;

    /// <summary>The instance callers should use here: the ambient override if one is installed, else the global one.</summary>
    public T Current => _override.Value ?? Global;

    /// <summary>Installs <paramref name="value"/> for the current flow and returns the instance it replaces (possibly null).</summary>
    public T? Exchange(T? value)
    {
        T? previous = _override.Value;
        _override.Value = value;
        return previous;
    }
}

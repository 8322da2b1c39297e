namespace OneSeed;

/// <summary>Undoes a <see cref="Seed.UseAmbient"/> installation, in reverse order, once.</summary>
internal sealed class AmbientScope : IDisposable
{
    private List<Action>? _undo;

    public AmbientScope(List<Action> undo)
    {
        _undo = undo;
    }

    public void Dispose()
    {
        List<Action>? undo = Interlocked.Exchange(ref _undo, null);
        if (undo is not null)
        {
            for (int i = undo.Count - 1; i >= 0; i--)
            {
                undo[i]();
            }
        }
    }
}

namespace OneSeed;

/// <summary>An <see cref="IRandomStateSource"/> made of delegates: how the built-in sources are declared.</summary>
internal sealed class DelegateStateSource : IRandomStateSource
{
    private readonly Action<uint> _seed;
    private readonly Func<string> _capture;
    private readonly Action<string> _validate;
    private readonly Action<string> _restore;

    public DelegateStateSource(string name, Action<uint> seed, Func<string> capture, Action<string> validate, Action<string> restore)
    {
        Name = name;
        _seed = seed;
        _capture = capture;
        _validate = validate;
        _restore = restore;
    }

    public string Name { get; }

    public void Seed(uint rootSeed) => _seed(rootSeed);

    public string CaptureState() => _capture();

    public void ValidateState(string state) => _validate(state);

    public void RestoreState(string state) => _restore(state);

    public override string ToString() => Name;
}

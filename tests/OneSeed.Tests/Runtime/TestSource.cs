using OneSeed.Engines;
using OneSeed.Seeding;

namespace OneSeed.Tests.Runtime;

/// <summary>A third-party source as docs/runtime.md describes one, with switches to make it misbehave.</summary>
internal sealed class TestSource : IRandomStateSource
{
    public TestSource(string name = "test.source")
    {
        Name = name;
    }

    public string Name { get; }

    public Pcg64 Engine { get; private set; } = new(0);

    public bool FailRestore { get; set; }

    public int SeedCalls { get; private set; }

    public void Seed(uint rootSeed)
    {
        SeedCalls++;
        Engine = new Pcg64(new SeedSequence(rootSeed).Derive(Name));
    }

    public string CaptureState() => Engine.GetStateJson();

    public void RestoreState(string state)
    {
        if (FailRestore)
        {
            throw new InvalidOperationException("the test source refuses to restore");
        }

        Engine.SetStateJson(state);
    }

    public override string ToString() => Name;
}

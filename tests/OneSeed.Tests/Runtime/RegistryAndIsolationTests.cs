using OneSeed.Compat;
using OneSeed.Engines;
using OneSeed.Seeding;

namespace OneSeed.Tests.Runtime;

[Collection(RuntimeState.Name)]
public sealed class RegistryAndIsolationTests
{
    [Fact]
    public void Built_in_sources_are_registered_in_seeding_order()
    {
        Assert.Equal(["python.random", "numpy.random", "torch.default", "oneseed.global", "oneseed.streams"], Seed.SourceNames.Take(5));
    }

    [Fact]
    public void A_registered_source_is_seeded_captured_restored_and_can_be_unregistered()
    {
        var source = new TestSource();
        Seed.Everything(10u);
        Seed.Register(source);
        try
        {
            // Registered after Everything: seeded at once with the current root.
            Assert.Equal(1, source.SeedCalls);
            Assert.Equal(new Pcg64(new SeedSequence(10u).Derive("test.source")).NextUInt64(), source.Engine.NextUInt64());

            Seed.Everything(11u);
            Assert.Equal(2, source.SeedCalls);
            Assert.Contains("test.source", Seed.SourceNames);

            RngSnapshot snapshot = RngSnapshot.Capture();
            Assert.Contains("test.source", snapshot.SourceNames);
            ulong next = source.Engine.NextUInt64();
            snapshot.Restore();
            Assert.Equal(next, source.Engine.NextUInt64());

            Assert.Throws<ArgumentException>(() => Seed.Register(new TestSource()));
        }
        finally
        {
            Assert.True(Seed.Unregister(source));
        }

        Assert.False(Seed.Unregister(source));
        Assert.DoesNotContain("test.source", Seed.SourceNames);
    }

    [Fact]
    public void Registration_is_validated_and_built_ins_stay()
    {
        Assert.Throws<ArgumentNullException>(() => Seed.Register(null!));
        Assert.Throws<ArgumentException>(() => Seed.Register(new TestSource(" ")));
        Assert.Throws<ArgumentException>(() => Seed.Register(new TestSource("python.random")));
        Assert.False(Seed.Unregister(new TestSource("python.random")));
    }

    [Fact]
    public void Isolate_restores_every_source_on_exit()
    {
        Seed.Everything(21u);
        _ = ChildProcess.Draws();
        RngSnapshot reference = RngSnapshot.Capture();
        string expected = ChildProcess.Draws().ToJsonString();
        reference.Restore();

        using (Seed.Isolate())
        {
            _ = ChildProcess.Draws();
            Seed.Stream("only.inside").Random(5);
        }

        Assert.Equal(expected, ChildProcess.Draws().ToJsonString());
    }

    [Fact]
    public void Isolate_restores_on_exceptions_and_rewinds_the_root_seed()
    {
        Seed.Everything(22u);
        double expectedPython = new PythonRandom(22).Random();
        static void Work()
        {
            using (Seed.Isolate())
            {
                Seed.Everything(23u);
                PythonRandom.Shared.Random();
                throw new InvalidOperationException("boom");
            }
        }

        Assert.Throws<InvalidOperationException>(Work);

        Assert.Equal(22u, Seed.Initial);
        Assert.Equal(expectedPython, PythonRandom.Shared.Random());
    }

    [Fact]
    public void Isolate_still_restores_the_remaining_sources_when_one_is_unregistered_inside_the_scope()
    {
        var source = new TestSource("test.transient");
        Seed.Register(source);
        Seed.Everything(26u);
        double expected = new PythonRandom(26).Random();
        using (Seed.Isolate())
        {
            PythonRandom.Shared.Random();
            Seed.Unregister(source);
        }

        Assert.Equal(expected, PythonRandom.Shared.Random());
    }

    [Fact]
    public void Isolation_scopes_nest()
    {
        Seed.Everything(24u);
        var reference = new NumPyRandomState(24u);
        using (Seed.Isolate())
        {
            NumPyRandomState.Shared.RandomSample(10);
            using (Seed.Isolate())
            {
                NumPyRandomState.Shared.RandomSample(10);
            }

            NumPyRandomState.Shared.RandomSample(1);
        }

        Assert.Equal(reference.RandomSample(3), NumPyRandomState.Shared.RandomSample(3));
    }

    [Fact]
    public void A_stream_first_used_inside_an_isolation_scope_starts_over_afterwards()
    {
        Seed.Everything(25u);
        double[] first;
        using (Seed.Isolate())
        {
            first = Seed.Stream("scoped", 7).Random(3);
        }

        Assert.Equal(first, Seed.Stream("scoped", 7).Random(3));
    }
}

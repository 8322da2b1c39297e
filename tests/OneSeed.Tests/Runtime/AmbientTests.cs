using System.Collections.Concurrent;
using OneSeed.Compat;

namespace OneSeed.Tests.Runtime;

[Collection(RuntimeState.Name)]
public sealed class AmbientTests
{
    [Fact]
    public void A_scope_replaces_the_shared_sources_on_its_flow_only_and_restores_them()
    {
        Seed.Everything(1u);
        PythonRandom py = PythonRandom.Shared;
        NumPyRandomState np = NumPyRandomState.Shared;
        SynchronizedRandom global = Seed.Global;
        var mine = AmbientSources.Seeded(2u);

        using (Seed.UseAmbient(mine))
        {
            Assert.Same(mine.Python, PythonRandom.Shared);
            Assert.Same(mine.NumPy, NumPyRandomState.Shared);
            Assert.Same(mine.Global, Seed.Global);

            // A thread that does not inherit this flow's execution context still sees the process-wide instances...
            PythonRandom? other = null;
            var thread = new Thread(() => other = PythonRandom.Shared);
            thread.UnsafeStart();
            thread.Join();
            Assert.Same(py, other);

            // ...while threads and tasks started normally inside the scope inherit it, like any AsyncLocal (documented).
            var inheriting = new Thread(() => other = PythonRandom.Shared);
            inheriting.Start();
            inheriting.Join();
            Assert.Same(mine.Python, other);
        }

        Assert.Same(py, PythonRandom.Shared);
        Assert.Same(np, NumPyRandomState.Shared);
        Assert.Same(global, Seed.Global);
    }

    [Fact]
    public void Seeded_instances_match_what_Everything_gives_the_shared_ones()
    {
        var mine = AmbientSources.Seeded(99u);
        Seed.Everything(99u);
        Assert.Equal(PythonRandom.Shared.Random(), mine.Python!.Random());
        Assert.Equal(NumPyRandomState.Shared.StandardNormal(3), mine.NumPy!.StandardNormal(3));
        Assert.Equal(Seed.Global.NextUInt64(), mine.Global!.NextUInt64());
    }

    [Fact]
    public async Task The_override_follows_await_continuations()
    {
        var mine = new AmbientSources { Python = new PythonRandom(5) };
        PythonRandom outside = PythonRandom.Shared;
        using (Seed.UseAmbient(mine))
        {
            await Task.Yield();
            await Task.Delay(1);
            Assert.Same(mine.Python, PythonRandom.Shared);
            Assert.Same(NumPyRandomState.SharedSlot.Global, NumPyRandomState.Shared); // null property: left alone
        }

        Assert.Same(outside, PythonRandom.Shared);
    }

    [Fact]
    public void Scopes_nest_and_a_double_dispose_is_harmless()
    {
        var outer = new AmbientSources { NumPy = new NumPyRandomState(1u) };
        var inner = new AmbientSources { NumPy = new NumPyRandomState(2u) };
        IDisposable o = Seed.UseAmbient(outer);
        IDisposable i = Seed.UseAmbient(inner);
        Assert.Same(inner.NumPy, NumPyRandomState.Shared);
        i.Dispose();
        i.Dispose();
        Assert.Same(outer.NumPy, NumPyRandomState.Shared);
        o.Dispose();
        Assert.Same(NumPyRandomState.SharedSlot.Global, NumPyRandomState.Shared);
    }

    [Fact]
    public void Worker_threads_with_their_own_sources_never_share_state()
    {
        // The data-loader pattern: each worker installs instances seeded from its own worker seed; user code inside
        // calls the shared façades and gets the worker's numbers, whatever the scheduling.
        static double[] Worker(uint workerSeed)
        {
            using (Seed.UseAmbient(AmbientSources.Seeded(workerSeed)))
            {
                var values = new List<double>();
                for (int i = 0; i < 200; i++)
                {
                    values.Add(PythonRandom.Shared.Random());
                    values.Add(NumPyRandomState.Shared.RandomSample());
                    values.Add(Seed.Global.NextDouble());
                }

                return [.. values];
            }
        }

        var results = new ConcurrentDictionary<uint, double[]>();
        var threads = Enumerable.Range(0, 4).Select(w => new Thread(() => results[(uint)w] = Worker(1000u + (uint)w))).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        for (uint w = 0; w < 4; w++)
        {
            Assert.Equal(Worker(1000u + w), results[w]);
        }

        Assert.NotEqual(results[0], results[1]);
    }

    [Fact]
    public void UseAmbient_validates_its_argument() =>
        Assert.Throws<ArgumentNullException>(() => Seed.UseAmbient(null!));
}

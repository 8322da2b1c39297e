using OneSeed.Compat;

namespace OneSeed.Tests.Runtime;

[Collection(RuntimeState.Name)]
public sealed class NamedStreamTests
{
    // The seed documents' state_manager example: each function owns its random state, so calling a, b, c in any
    // order gives each function the same values.
    private static double[] A() => Seed.Stream("a").Random(3);

    private static long[] B() => Seed.Stream("b").Integers(0, 1_000_000, 4);

    private static double[] C() => Seed.Stream("c").StandardNormal(5);

    private static (double[] A, long[] B, double[] C) Workflow(uint seed, string order)
    {
        Seed.Everything(seed);
        double[]? a = null;
        long[]? b = null;
        double[]? c = null;
        foreach (char f in order)
        {
            switch (f)
            {
                case 'a': a = A(); break;
                case 'b': b = B(); break;
                default: c = C(); break;
            }
        }

        return (a!, b!, c!);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(42u)]
    [InlineData(uint.MaxValue)]
    public void State_manager_call_order_does_not_change_any_function_s_values(uint seed)
    {
        var abc = Workflow(seed, "abc");
        foreach (string order in new[] { "cba", "bca", "acb", "bac", "cab" })
        {
            var other = Workflow(seed, order);
            Assert.Equal(abc.A, other.A);
            Assert.Equal(abc.B, other.B);
            Assert.Equal(abc.C, other.C);
        }

        Assert.NotEqual(abc.A, Workflow(seed + 1, "abc").A);
    }

    [Fact]
    public void A_single_global_generator_is_call_order_dependent_which_is_the_problem_streams_solve()
    {
        Seed.Everything(42u);
        long a1 = Seed.Global.NextInt64();
        long b1 = Seed.Global.NextInt64();
        Seed.Everything(42u);
        long b2 = Seed.Global.NextInt64();
        long a2 = Seed.Global.NextInt64();
        Assert.NotEqual(a1, a2);
        Assert.NotEqual(b1, b2);
    }

    [Fact]
    public async Task Streams_are_independent_of_other_draws_and_threads()
    {
        Seed.Everything(9u);
        double[] expected = Seed.Stream("x", 3, 4).Random(5);

        Seed.Everything(9u);
        PythonRandom.Shared.Random();
        NumPyRandomState.Shared.RandomSample(1000);
        Seed.Global.NextUInt64();
        Seed.Stream("x", 3).Random(100);
        Seed.Stream("x", 4, 3).Random(100);
        double[] actual = await Task.Run(() => Seed.Stream("x", 3, 4).Random(5));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Same_name_and_keys_return_the_same_live_instance_which_continues()
    {
        Seed.Everything(1u);
        NumPyGenerator first = Seed.Stream("live", 1, 2);
        double x = first.Random();
        Assert.Same(first, Seed.Stream("live", 1, 2));
        Assert.NotSame(first, Seed.Stream("live", 1));
        Assert.NotSame(first, Seed.Stream("live", 2, 1));
        Assert.NotSame(first, Seed.Stream("Live", 1, 2));

        var fresh = new NumPyGenerator(new OneSeed.Engines.Pcg64(new OneSeed.Seeding.SeedSequence(1u).Derive("live", 1, 2)));
        Assert.Equal(fresh.Random(), x);
        Assert.Equal(fresh.Random(), Seed.Stream("live", 1, 2).Random());
    }

    [Fact]
    public void Everything_rewinds_streams_in_use_in_place()
    {
        Seed.Everything(11u);
        NumPyGenerator held = Seed.Stream("rewind");
        double[] start = held.Random(4);
        Seed.Everything(11u);
        Assert.Equal(start, held.Random(4));
        Seed.Everything(12u);
        Assert.Same(held, Seed.Stream("rewind"));
        Assert.NotEqual(start, held.Random(4));
    }

    [Fact]
    public void CreateStream_gives_a_fresh_untracked_instance_at_the_stream_s_start()
    {
        Seed.Everything(13u);
        NumPyGenerator a = Seed.CreateStream("per.sample", 5);
        NumPyGenerator b = Seed.CreateStream("per.sample", 5);
        Assert.NotSame(a, b);
        double[] first = a.Random(3);
        Assert.Equal(first, b.Random(3));
        Assert.DoesNotContain("per.sample\"", RngSnapshot.Capture().GetState("oneseed.streams")!, StringComparison.Ordinal);
        Assert.Equal(first, Seed.Stream("per.sample", 5).Random(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Seed.CreateStream("x", -1));
    }

    [Fact]
    public void Stream_validates_its_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => Seed.Stream(null!));
        Assert.Throws<ArgumentNullException>(() => Seed.Stream("a", null!));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Seed.Stream("a", 1, -2));
        Assert.Contains("keys[1]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Per_thread_streams_make_parallel_work_reproducible()
    {
        static long[] Run()
        {
            Seed.Everything(2024u);
            var bag = new System.Collections.Concurrent.ConcurrentBag<long>();
            Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, worker =>
            {
                NumPyGenerator mine = Seed.Stream("worker", worker);
                foreach (long v in mine.Integers(0, long.MaxValue, 500))
                {
                    bag.Add(v);
                }
            });
            return [.. bag.Order()];
        }

        Assert.Equal(Run(), Run());
    }
}

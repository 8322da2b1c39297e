using System.Collections.Concurrent;
using OneSeed.Engines;

namespace OneSeed.Tests.Runtime;

[Collection(RuntimeState.Name)]
public sealed class GlobalRandomTests
{
    [Fact]
    public void Parallel_draws_from_Global_do_not_corrupt_it_and_give_exactly_the_serial_multiset()
    {
        const int Threads = 4;
        const int PerThread = 20_000;
        Seed.Everything(77u);
        ulong[] serial = [.. Enumerable.Range(0, Threads * PerThread).Select(_ => Seed.Global.NextUInt64()).Order()];
        ulong after = Seed.Global.NextUInt64();

        Seed.Everything(77u);
        var bag = new ConcurrentBag<ulong>();
        var threads = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            for (int i = 0; i < PerThread; i++)
            {
                bag.Add(Seed.Global.NextUInt64());
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        // Each value handed out exactly once (no torn or repeated state), and the engine ends where the serial run ended.
        Assert.Equal(serial, bag.Order());
        Assert.Equal(after, Seed.Global.NextUInt64());
    }

    [Fact]
    public void Parallel_mixed_calls_keep_every_result_in_range()
    {
        Seed.Everything(3u);
        var failures = new ConcurrentBag<string>();
        Parallel.For(0, 4, _ =>
        {
            Span<double> fill = stackalloc double[64];
            for (int i = 0; i < 5_000; i++)
            {
                int n = Seed.Global.Next(10);
                double d = Seed.Global.NextDouble();
                long l = Seed.Global.NextInt64(-5, 5);
                Seed.Global.Fill(fill);
                if (n is < 0 or >= 10 || d is < 0 or >= 1 || l is < -5 or >= 5 || fill[63] is < 0 or >= 1)
                {
                    failures.Add($"{n} {d} {l}");
                }
            }
        });
        Assert.Empty(failures);
    }

    [Fact]
    public void Global_draws_as_BitGeneratorRandom_over_the_same_engine()
    {
        var reference = new SynchronizedRandom(new Pcg64(5));
        var plain = new BitGeneratorRandom(new Pcg64(5));
        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(plain.Next(1000), reference.Next(1000));
            Assert.Equal(plain.NextInt64(-7, 1L << 40), reference.NextInt64(-7, 1L << 40));
            Assert.Equal(plain.NextDouble(), reference.NextDouble());
            Assert.Equal(plain.NextSingle(), reference.NextSingle());
        }

        byte[] a = new byte[13];
        byte[] b = new byte[13];
        plain.NextBytes(a);
        reference.NextBytes(b);
        Assert.Equal(a, b);
    }

    [Fact]
    public void SynchronizedRandom_state_round_trips_and_refuses_bad_state()
    {
        var r = new SynchronizedRandom(new Pcg64(8));
        string state = r.GetStateJson();
        ulong[] next = [r.NextUInt64(), r.NextUInt64()];
        Assert.Throws<FormatException>(() => r.SetStateJson("{\"bit_generator\": \"MT19937\"}"));
        r.SetStateJson(state);
        Assert.Equal(next, new[] { r.NextUInt64(), r.NextUInt64() });
        Assert.DoesNotContain("state", r.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}

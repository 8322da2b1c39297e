using System.Numerics;

namespace OneSeed.Tests.Infrastructure;

/// <summary>
/// Fresh random cases for the live differential tests: a new run seed every run, printed in every failure, and
/// pinned with ONESEED_TEST_SEED=&lt;n&gt; to replay a failing run.
/// </summary>
internal sealed class LiveSeeds
{
    private readonly Random _random;

    public LiveSeeds()
    {
        string? pinned = Environment.GetEnvironmentVariable("ONESEED_TEST_SEED");
        RunSeed = pinned is null ? Random.Shared.Next() : int.Parse(pinned, System.Globalization.CultureInfo.InvariantCulture);
        _random = new Random(RunSeed);
    }

    /// <summary>The seed of this run's cases; rerun with ONESEED_TEST_SEED set to it to replay.</summary>
    public int RunSeed { get; }

    /// <summary>Describes how to replay this run, for assertion messages.</summary>
    public string Replay => $"(replay with ONESEED_TEST_SEED={RunSeed})";

    public int Int(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public long Int64(long minInclusive, long maxExclusive) => _random.NextInt64(minInclusive, maxExclusive);

    public uint UInt32() => (uint)_random.NextInt64(0, 1L << 32);

    public double Double() => _random.NextDouble();

    public bool Bool() => _random.Next(2) == 1;

    /// <summary>A non-negative integer of 1 to <paramref name="maxBits"/> bits, biased toward edge sizes.</summary>
    public BigInteger BigSeed(int maxBits = 256)
    {
        int bits = _random.Next(4) switch
        {
            0 => _random.Next(1, 33),
            1 => _random.Next(33, 65),
            _ => _random.Next(1, maxBits + 1),
        };
        byte[] bytes = new byte[(bits + 7) / 8 + 1];
        _random.NextBytes(bytes);
        bytes[^1] = 0;
        var value = new BigInteger(bytes);
        return value & ((BigInteger.One << bits) - 1);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}

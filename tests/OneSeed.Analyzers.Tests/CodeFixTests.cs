namespace OneSeed.Analyzers.Tests;

/// <summary>
/// The code fixes of ONESEED001, ONESEED002 and ONESEED003, compiled against the real OneSeed.dll: each fixed source must build
/// without diagnostics.
/// </summary>
public sealed class CodeFixTests
{
    [Fact]
    public Task Unseeded_random_becomes_a_named_stream() => AnalyzerVerifier.VerifyFixAsync<NondeterministicRandomSeedCodeFixProvider>(
        """
        using System;
        class Trainer
        {
            int Shuffle() => {|ONESEED001:new Random()|}.Next(10);
        }
        """,
        """
        using System;
        class Trainer
        {
            int Shuffle() => OneSeed.Seed.Stream("Trainer.Shuffle").BitGenerator.AsRandom().Next(10);
        }
        """,
        "OneSeed.NamedStream");

    [Fact]
    public Task Named_stream_fix_is_short_under_using_OneSeed() => AnalyzerVerifier.VerifyFixAsync<NondeterministicRandomSeedCodeFixProvider>(
        """
        using System;
        using OneSeed;
        class Trainer
        {
            Random _random = {|ONESEED001:new()|};
        }
        """,
        """
        using System;
        using OneSeed;
        class Trainer
        {
            Random _random = Seed.Stream("Trainer._random").BitGenerator.AsRandom();
        }
        """,
        "OneSeed.NamedStream");

    [Fact]
    public Task Unseeded_random_becomes_Seed_Global() => AnalyzerVerifier.VerifyFixAsync<NondeterministicRandomSeedCodeFixProvider>(
        """
        using System;
        using OneSeed;
        class Trainer
        {
            Random Make() => {|ONESEED001:new Random()|};
        }
        """,
        """
        using System;
        using OneSeed;
        class Trainer
        {
            Random Make() => Seed.Global;
        }
        """,
        "OneSeed.Global");

    [Fact]
    public Task Clock_seeded_random_gets_no_fix()
    {
        const string Source = """
            using System;
            class Trainer
            {
                Random Make() => {|ONESEED001:new Random(Environment.TickCount)|};
            }
            """;
        return AnalyzerVerifier.VerifyFixAsync<NondeterministicRandomSeedCodeFixProvider>(Source, Source);
    }

    [Fact]
    public Task No_fix_without_a_reference_to_OneSeed()
    {
        const string Source = """
            using System;
            class Trainer
            {
                Random Make() => {|ONESEED001:new Random()|};
            }
            """;
        return AnalyzerVerifier.VerifyFixAsync<NondeterministicRandomSeedCodeFixProvider>(Source, Source, referenceOneSeed: false);
    }

    [Fact]
    public Task Random_Shared_becomes_Seed_Global() => AnalyzerVerifier.VerifyFixAsync<SharedRandomCodeFixProvider>(
        """
        using System;
        using OneSeed;
        class C
        {
            int M() => {|ONESEED002:Random.Shared|}.Next(10);
            Random N() => {|ONESEED002:System.Random.Shared|};
        }
        """,
        """
        using System;
        using OneSeed;
        class C
        {
            int M() => Seed.Global.Next(10);
            Random N() => Seed.Global;
        }
        """);

    [Fact]
    public Task Random_Shared_fix_qualifies_without_using_OneSeed() => AnalyzerVerifier.VerifyFixAsync<SharedRandomCodeFixProvider>(
        """
        class C
        {
            double M() => {|ONESEED002:System.Random.Shared|}.NextDouble();
        }
        """,
        """
        class C
        {
            double M() => OneSeed.Seed.Global.NextDouble();
        }
        """);

    [Fact]
    public Task String_hash_becomes_StableHash() => AnalyzerVerifier.VerifyFixAsync<StableHashCodeFixProvider>(
        """
        using System;
        using OneSeed.Seeding;
        class Sharder
        {
            int Shard(string name, int shards) => Math.Abs({|ONESEED003:name.GetHashCode()|}) % shards;
            int Seed(string run) { int h = {|ONESEED003:(run + "/" + 1).GetHashCode()|}; return new Random(h).Next(); }
        }
        """,
        """
        using System;
        using OneSeed.Seeding;
        class Sharder
        {
            int Shard(string name, int shards) => Math.Abs(unchecked((int)StableHash.Hash64(name))) % shards;
            int Seed(string run) { int h = unchecked((int)StableHash.Hash64(run + "/" + 1)); return new Random(h).Next(); }
        }
        """,
        "OneSeed.StableHash");

    [Fact]
    public Task String_hash_fix_qualifies_without_using() => AnalyzerVerifier.VerifyFixAsync<StableHashCodeFixProvider>(
        """
        class Sharder
        {
            int Shard(string name) => {|ONESEED003:name.GetHashCode()|} % 8;
        }
        """,
        """
        class Sharder
        {
            int Shard(string name) => unchecked((int)OneSeed.Seeding.StableHash.Hash64(name)) % 8;
        }
        """,
        "OneSeed.StableHash");

    [Fact]
    public Task Comparer_and_HashCode_hashes_get_no_fix()
    {
        const string Source = """
            using System;
            class Sharder
            {
                int A(string name) => {|ONESEED003:StringComparer.OrdinalIgnoreCase.GetHashCode(name)|} % 8;
                int B(string name) => {|ONESEED003:HashCode.Combine(name)|} % 8;
            }
            """;
        return AnalyzerVerifier.VerifyFixAsync<StableHashCodeFixProvider>(Source, Source);
    }
}

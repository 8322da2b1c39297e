using Microsoft.CodeAnalysis.Testing;

namespace OneSeed.Analyzers.Tests;

/// <summary>ONESEED003: per-process randomised hashes reaching a seed, a bucket, an ordering or a write; and the same
/// hashes in hash-table code, left alone.</summary>
public sealed class RandomizedHashTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        class MLContext { public MLContext(int? seed = null) { } }

        """;

    [Theory]
    [InlineData("{|ONESEED003:name.GetHashCode()|} % shards")]
    [InlineData("Math.Abs({|ONESEED003:name.GetHashCode()|}) % shards")]
    [InlineData("({|ONESEED003:name.GetHashCode()|} & 0x7FFFFFFF) % shards")]
    [InlineData("(int)((uint){|ONESEED003:name.GetHashCode(StringComparison.Ordinal)|} % (uint)shards)")]
    [InlineData("{|ONESEED003:StringComparer.Ordinal.GetHashCode(name)|} % shards")]
    [InlineData("{|ONESEED003:StringComparer.OrdinalIgnoreCase.GetHashCode(name)|} % shards")]
    [InlineData("{|ONESEED003:StringComparer.InvariantCulture.GetHashCode(name)|} % shards")]
    [InlineData("{|ONESEED003:EqualityComparer<string>.Default.GetHashCode(name)|} % shards")]
    [InlineData("{|ONESEED003:string.GetHashCode(name.AsSpan())|} % shards")]
    [InlineData("{|ONESEED003:HashCode.Combine(name, shards)|} % shards")]
    public Task Reports_hashes_choosing_a_bucket(string expression) => AnalyzerVerifier.VerifyAsync(Usings + $$"""
        class C
        {
            int Shard(string name, int shards) => {{expression}};
        }
        """);

    [Fact]
    public Task Reports_a_bucket_reached_through_a_local() => AnalyzerVerifier.VerifyAsync(Usings + """
        class C
        {
            int Shard(string name, int shards)
            {
                int hash = {|ONESEED003:name.GetHashCode()|};
                int positive = hash & int.MaxValue;
                return positive % shards;
            }

            int Partition(string user)
            {
                var hasher = new HashCode();
                hasher.Add(user);
                int key;
                key = {|ONESEED003:hasher.ToHashCode()|};
                return key % 16;
            }
        }
        """);

    [Fact]
    public Task Reports_hashes_used_as_seeds() => AnalyzerVerifier.VerifyAsync(Usings + """
        class Options { public int RandomSeed { get; set; } }
        class C
        {
            void M(string run)
            {
                int h = {|ONESEED003:run.GetHashCode()|};
                var context = new MLContext(seed: h);
                var random = new Random(h);
                var options = new Options { RandomSeed = {|ONESEED003:StringComparer.Ordinal.GetHashCode(run)|} };
            }
        }
        """);

    [Fact]
    public Task Reports_hashes_that_order_data() => AnalyzerVerifier.VerifyAsync(Usings + """
        class C
        {
            List<string> M(List<string> names)
            {
                names.Sort((a, b) => {|ONESEED003:a.GetHashCode()|}.CompareTo({|ONESEED003:b.GetHashCode()|}));
                return names.OrderBy(n => n.Length).ThenByDescending(n => {|ONESEED003:HashCode.Combine(n, 1)|}).ToList();
            }

            IEnumerable<string> Shuffle(IEnumerable<string> names) => names.OrderBy(n =>
            {
                return {|ONESEED003:n.GetHashCode()|};
            });
        }
        """);

    [Fact]
    public Task Reports_hashes_written_out() => AnalyzerVerifier.VerifyAsync(Usings + """
        class C
        {
            void M(TextWriter writer, BinaryWriter binary, string name)
            {
                writer.WriteLine($"{name}\t{{|ONESEED003:name.GetHashCode()|}}");
                binary.Write({|ONESEED003:HashCode.Combine(name)|});
            }
        }
        """);

    [Fact]
    public Task Leaves_hash_table_code_alone() => AnalyzerVerifier.VerifyAsync(Usings + """
        sealed class Key(string name, int shard) : IEquatable<Key>
        {
            public bool Equals(Key? other) => other is not null && other.ToString() == ToString();
            public override bool Equals(object? obj) => Equals(obj as Key);
            public override int GetHashCode() => HashCode.Combine(name, shard) % 1024;
            public override string ToString() => name + shard;
        }

        sealed class ByLength : IEqualityComparer<string>
        {
            public bool Equals(string? x, string? y) => x?.Length == y?.Length;
            public int GetHashCode(string s) => s.GetHashCode() % 7;
        }
        """);

    [Fact]
    public Task Leaves_hashes_used_only_in_process_alone() => AnalyzerVerifier.VerifyAsync(Usings + """
        class C
        {
            readonly Dictionary<int, string> _byHash = new();

            bool M(string a, string b, int buckets)
            {
                _byHash[a.GetHashCode()] = a;
                int hash = b.GetHashCode();
                if (_byHash.ContainsKey(hash) || a.GetHashCode() == hash) { return true; }
                int reused = a.GetHashCode();
                reused = 0;
                Console.WriteLine(reused % buckets);
                Console.WriteLine(a.Length % buckets);
                return buckets % a.GetHashCode() == 0;
            }

            int Field;
            void N(string s) { Field = s.GetHashCode(); }
        }
        """);

    [Fact]
    public Task Leaves_seeds_the_seed_rules_report_to_them() => AnalyzerVerifier.VerifyAsync(Usings + """
        class C
        {
            void M(string run)
            {
                var random = {|ONESEED001:new Random(run.GetHashCode())|};
                var context = new MLContext({|ONESEED006:seed: HashCode.Combine(run, 1)|});
            }
        }
        """);

    [Fact]
    public Task Message_names_the_call_the_use_and_the_replacement() => AnalyzerVerifier.VerifyAsync(
        Usings + """
        class C
        {
            int Shard(string name) => name.GetHashCode() % 8;
            IEnumerable<string> Order(IEnumerable<string> names) => names.OrderBy(n => n.GetHashCode());
        }
        """,
        new DiagnosticResult(RandomizedHashAnalyzer.Rule).WithSpan(8, 31, 8, 49).WithArguments(
            "name.GetHashCode()", "chooses a bucket with '%'", "StableHash.Bucket(key, buckets)"),
        new DiagnosticResult(RandomizedHashAnalyzer.Rule).WithSpan(9, 80, 9, 95).WithArguments(
            "n.GetHashCode()", "orders elements in 'OrderBy'", "StableHash.Hash64"));
}

using Microsoft.CodeAnalysis.Testing;

namespace OneSeed.Analyzers.Tests;

/// <summary>ONESEED004: collections in an unchosen order enumerated into order-sensitive sinks; order-insensitive sinks,
/// sorted enumerations and Dictionary/HashSet without removals are not reported.</summary>
public sealed class HashOrderedEnumerationTests
{
    // Fields of every collection the rule knows, and the sinks' helpers, for one-line test bodies.
    private const string Declarations = """
        using System;
        using System.Collections;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.IO;
        using System.Linq;
        using System.Text;
        class C
        {
            private readonly ConcurrentDictionary<string, double> _weights = new();
            private readonly ConcurrentDictionary<int, int> _counts = new();
            private readonly ConcurrentBag<string> _bag = new();
            private readonly ImmutableHashSet<string> _names = ImmutableHashSet<string>.Empty;
            private readonly ImmutableHashSet<int> _ids = ImmutableHashSet<int>.Empty;
            private readonly ImmutableDictionary<string, int> _lookup = ImmutableDictionary<string, int>.Empty;
            private readonly ImmutableDictionary<long, int> _byId = ImmutableDictionary<long, int>.Empty;
            private readonly Hashtable _table = new();
            private readonly Random _random = new(1);
            private readonly List<string> _list = new();
            private double _total;
            object M(string path, StringBuilder text, List<string> output)
            {
        """;

    private const string End = """

                return 0;
            }
        }
        """;

    [Theory]
    [InlineData("var a = {|ONESEED004:_weights.ToList()|};")]
    [InlineData("var a = {|ONESEED004:_weights.Keys.ToArray()|};")]
    [InlineData("var a = {|ONESEED004:_weights.ToArray()|};")]
    [InlineData("var a = {|ONESEED004:_counts.Select(kv => kv.Key).Where(k => k > 0).ToList()|};")]
    [InlineData("var a = {|ONESEED004:new List<string>(_weights.Keys)|};")]
    [InlineData("{|ONESEED004:_list.AddRange(_bag)|};")]
    [InlineData("var a = {|ONESEED004:_bag.ToArray()|};")]
    [InlineData("var a = {|ONESEED004:string.Join(\",\", _names)|};")]
    [InlineData("var a = {|ONESEED004:_names.First()|};")]
    [InlineData("var a = {|ONESEED004:_lookup.Take(3)|}.ToList();")]
    [InlineData("var a = {|ONESEED004:_lookup.Keys.ElementAt(2)|};")]
    [InlineData("var a = {|ONESEED004:_table.Keys.Cast<object>().ToList()|};")]
    [InlineData("{|ONESEED004:File.WriteAllLines(path, _names)|};")]
    [InlineData("var a = {|ONESEED004:_weights.Values.Sum()|};")]
    [InlineData("var a = {|ONESEED004:_counts.Sum(kv => kv.Value * 0.5)|};")]
    [InlineData("var a = {|ONESEED004:_bag.Aggregate((x, y) => x + y)|};")]
    public Task Reports_order_sensitive_sinks(string statement) => AnalyzerVerifier.VerifyAsync(Declarations + statement + End);

    [Theory]
    [InlineData("foreach (var kv in {|ONESEED004:_weights|}) { _total += kv.Value; }")]
    [InlineData("double sum = 0; foreach (var w in {|ONESEED004:_weights.Values|}) { sum += w; } _total = sum;")]
    [InlineData("foreach (var name in {|ONESEED004:_names|}) { output.Add(name); }")]
    [InlineData("foreach (var name in {|ONESEED004:_bag|}) { text.Append(name); }")]
    [InlineData("string s = \"\"; foreach (var name in {|ONESEED004:_names|}) { s += name; } return s;")]
    [InlineData("foreach (var name in {|ONESEED004:_names.Where(n => n.Length > 1)|}) { Console.WriteLine(name); }")]
    [InlineData("foreach (DictionaryEntry e in {|ONESEED004:_table|}) { File.AppendAllText(path, e.Key + \"\\n\"); }")]
    [InlineData("var noise = new Dictionary<string, double>(); foreach (var name in {|ONESEED004:_lookup.Keys|}) { noise[name] = _random.NextDouble(); }")]
    public Task Reports_loops_that_do_order_sensitive_work(string statement) => AnalyzerVerifier.VerifyAsync(Declarations + statement + End);

    [Theory]
    [InlineData("var a = _weights.Count;")]
    [InlineData("var a = _weights.Any(kv => kv.Value > 1);")]
    [InlineData("var a = _names.Contains(\"x\");")]
    [InlineData("var a = _counts.Sum(kv => kv.Value);")]
    [InlineData("var a = _weights.Values.Max();")]
    [InlineData("var a = _weights.ToDictionary(kv => kv.Key, kv => kv.Value);")]
    [InlineData("var a = _names.ToHashSet();")]
    [InlineData("var a = _weights.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();")]
    [InlineData("var a = _names.Where(n => n.Length > 1).OrderBy(n => n, StringComparer.Ordinal).First();")]
    [InlineData("var a = _weights.Keys.ToList(); a.Sort(StringComparer.Ordinal);")]
    [InlineData("var a = _bag.ToArray(); Array.Sort(a, StringComparer.Ordinal);")]
    [InlineData("var a = _names.ToList(); return a.OrderBy(n => n, StringComparer.Ordinal).ToList();")]
    [InlineData("_list.AddRange(_bag); _list.Sort(StringComparer.Ordinal);")]
    [InlineData("var a = _ids.ToList();")]
    [InlineData("var a = _byId.Keys.First();")]
    [InlineData("int n = 0; foreach (var kv in _weights) { n += kv.Key.Length; } return n;")]
    [InlineData("var copy = new Dictionary<string, double>(); foreach (var kv in _weights) { copy[kv.Key] = kv.Value * 2; }")]
    [InlineData("foreach (var kv in _weights) { var local = new List<string>(); local.Add(kv.Key); double d = 0; d += kv.Value; }")]
    [InlineData("foreach (var kv in _weights.OrderBy(kv => kv.Key, StringComparer.Ordinal)) { _total += kv.Value; }")]
    [InlineData("int seen = 0; foreach (var kv in _weights) { System.Threading.Volatile.Write(ref seen, kv.Key.Length); }")]
    public Task Leaves_order_insensitive_and_sorted_uses_alone(string statement) => AnalyzerVerifier.VerifyAsync(Declarations + statement + End);

    [Theory]
    [InlineData("var d = new Dictionary<string, int> { [\"a\"] = 1 }; d.Remove(\"a\"); d.Add(\"b\", 2); return {|ONESEED004:d.Keys.ToList()|};")]
    [InlineData("var d = new Dictionary<string, int>(); d[\"a\"] = 1; d.Remove(\"a\"); d[\"b\"] = 2; return {|ONESEED004:string.Join(\",\", d.Keys)|};")]
    [InlineData("var s = new HashSet<int> { 1, 2 }; s.RemoveWhere(x => x > 1); s.Add(3); return {|ONESEED004:s.First()|};")]
    [InlineData("var s = new HashSet<int> { 1, 2 }; s.ExceptWith(new[] { 1 }); s.UnionWith(new[] { 4 }); foreach (int x in {|ONESEED004:s|}) { output.Add(x.ToString()); }")]
    public Task Reports_Dictionary_and_HashSet_with_removals_and_additions(string statement) => AnalyzerVerifier.VerifyAsync(Declarations + statement + End);

    [Theory]
    [InlineData("var d = new Dictionary<string, int> { [\"a\"] = 1 }; d.Add(\"b\", 2); return d.Keys.ToList();")]
    [InlineData("var d = new Dictionary<string, int> { [\"a\"] = 1, [\"b\"] = 2 }; d.Remove(\"a\"); return d.Keys.ToList();")]
    [InlineData("var s = new HashSet<int> { 1, 2 }; s.Clear(); s.Add(3); return s.First();")]
    [InlineData("var s = new HashSet<int> { 1, 2 }; s.Remove(1); s.Add(3); return s.Count;")]
    [InlineData("var s = new HashSet<int> { 1, 2 }; var t = new HashSet<int>(s); s.Remove(1); s.Add(3); return t.ToList();")]
    public Task Leaves_Dictionary_and_HashSet_in_insertion_order_alone(string statement) => AnalyzerVerifier.VerifyAsync(Declarations + statement + End);

    [Fact]
    public Task Reports_a_field_removed_from_and_added_to_in_another_member() => AnalyzerVerifier.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        class Cache
        {
            private readonly Dictionary<string, int> _entries = new();
            public void Evict(string key) => _entries.Remove(key);
            public void Put(string key, int value) => _entries[key] = value;
            public List<string> Snapshot() => {|ONESEED004:_entries.Keys.ToList()|};
        }
        """);

    [Fact]
    public Task Leaves_a_field_that_is_only_added_to_alone() => AnalyzerVerifier.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        class Registry
        {
            private readonly Dictionary<string, int> _entries = new();
            public void Put(string key, int value) => _entries[key] = value;
            public List<string> Names() => _entries.Keys.ToList();
        }
        """);

    [Fact]
    public Task Reports_in_top_level_statements() => AnalyzerVerifier.VerifyProgramAsync("""
        using System.Collections.Generic;
        using System.Linq;
        var seen = new HashSet<string> { "a", "b" };
        seen.Remove("a");
        seen.Add("c");
        System.Console.WriteLine({|ONESEED004:string.Join(",", seen)|});
        """);

    [Fact]
    public Task Reports_once_in_a_nested_type() => AnalyzerVerifier.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        class Outer
        {
            class Inner
            {
                private readonly HashSet<string> _set = new();
                public void Swap(string a, string b) { _set.Remove(a); _set.Add(b); }
                public string[] All() => {|ONESEED004:_set.ToArray()|};
            }
        }
        """);

    [Fact]
    public Task Message_names_the_collection_the_reason_and_the_replacement() => AnalyzerVerifier.VerifyAsync(
        """
        using System.Collections.Concurrent;
        using System.Linq;
        class C
        {
            object M(ConcurrentDictionary<string, int> counts) => counts.Keys.ToList();
        }
        """,
        new DiagnosticResult(HashOrderedEnumerationAnalyzer.Rule).WithSpan(5, 59, 5, 79).WithSpan(5, 59, 5, 70).WithArguments(
            "counts.Keys.ToList()",
            "keeps",
            "the keys of ConcurrentDictionary<string, int> 'counts'",
            "depends on the keys' hash codes (randomised in every process for strings) and on the order in which threads added them",
            ".OrderBy(x => x, StringComparer.Ordinal) before it, a SortedDictionary or an explicit list of keys"));

    [Fact]
    public Task Message_for_a_loop_quotes_its_header() => AnalyzerVerifier.VerifyAsync(
        """
        using System;
        using System.Collections.Generic;
        class C
        {
            void M(HashSet<int> ids, Random random, List<double> noise)
            {
                ids.Remove(1);
                ids.Add(2);
                foreach (int id in ids) { noise.Add(random.NextDouble()); }
            }
        }
        """,
        new DiagnosticResult(HashOrderedEnumerationAnalyzer.Rule).WithSpan(9, 28, 9, 31).WithSpan(9, 28, 9, 31).WithArguments(
            "foreach (int id in ids)",
            "draws random numbers in",
            "HashSet<int> 'ids'",
            "is not insertion order once a Remove has freed a slot that a later Add reuses (.NET defines no order, unlike Python's dict)",
            ".OrderBy(x => x) before it, a SortedSet or a List in a fixed order"));
}

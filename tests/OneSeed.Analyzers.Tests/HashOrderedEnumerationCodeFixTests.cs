namespace OneSeed.Analyzers.Tests;

/// <summary>The ONESEED004 fix: OrderBy inserted before the enumeration, ordinal for strings, and no fix where sorting
/// would leave ties (values) or cannot be written (Hashtable). Every fixed source must compile without diagnostics.</summary>
public sealed class HashOrderedEnumerationCodeFixTests
{
    [Fact]
    public Task Dictionary_pairs_are_sorted_by_key_ordinally() => AnalyzerVerifier.VerifyFixAsync<HashOrderedEnumerationCodeFixProvider>(
        """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Linq;
        class C
        {
            List<KeyValuePair<string, double>> M(ConcurrentDictionary<string, double> weights) => {|ONESEED004:weights.ToList()|};
        }
        """,
        """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Linq;
        class C
        {
            List<KeyValuePair<string, double>> M(ConcurrentDictionary<string, double> weights) => weights.OrderBy(x => x.Key, StringComparer.Ordinal).ToList();
        }
        """,
        "OneSeed.OrderBy",
        referenceOneSeed: false);

    [Fact]
    public Task Loop_over_set_elements_is_sorted_and_the_parameter_name_avoids_locals() => AnalyzerVerifier.VerifyFixAsync<HashOrderedEnumerationCodeFixProvider>(
        """
        using System.Collections.Generic;
        using System.Linq;
        class C
        {
            double M(HashSet<int> ids, System.Random random)
            {
                int x = 0;
                ids.Remove(x);
                ids.Add(3);
                double total = 0;
                foreach (int id in {|ONESEED004:ids|})
                {
                    total += random.NextDouble() * id;
                }

                return total;
            }
        }
        """,
        """
        using System.Collections.Generic;
        using System.Linq;
        class C
        {
            double M(HashSet<int> ids, System.Random random)
            {
                int x = 0;
                ids.Remove(x);
                ids.Add(3);
                double total = 0;
                foreach (int id in ids.OrderBy(item => item))
                {
                    total += random.NextDouble() * id;
                }

                return total;
            }
        }
        """,
        "OneSeed.OrderBy",
        referenceOneSeed: false);

    [Fact]
    public Task Keys_are_sorted_and_System_Linq_is_added() => AnalyzerVerifier.VerifyFixAsync<HashOrderedEnumerationCodeFixProvider>(
        """
        using System;
        using System.Collections.Concurrent;
        class C
        {
            string M(ConcurrentDictionary<long, string> byId) => {|ONESEED004:string.Join(",", byId.Keys)|};
        }
        """,
        """
        using System;
        using System.Collections.Concurrent;
        using System.Linq;

        class C
        {
            string M(ConcurrentDictionary<long, string> byId) => string.Join(",", byId.Keys.OrderBy(x => x));
        }
        """,
        "OneSeed.OrderBy",
        referenceOneSeed: false);

    [Fact]
    public Task Bag_of_strings_is_sorted_with_a_fully_qualified_comparer_without_using_System() => AnalyzerVerifier.VerifyFixAsync<HashOrderedEnumerationCodeFixProvider>(
        """
        using System.Collections.Concurrent;
        using System.Linq;
        class C
        {
            string[] M(ConcurrentBag<string> names) => {|ONESEED004:names.Where(n => n.Length > 0).ToArray()|};
        }
        """,
        """
        using System.Collections.Concurrent;
        using System.Linq;
        class C
        {
            string[] M(ConcurrentBag<string> names) => names.OrderBy(x => x, System.StringComparer.Ordinal).Where(n => n.Length > 0).ToArray();
        }
        """,
        "OneSeed.OrderBy",
        referenceOneSeed: false);

    [Theory]
    [InlineData("double M(ConcurrentDictionary<string, double> weights) => {|ONESEED004:weights.Values.Sum()|};")]
    [InlineData("object M(Hashtable table) => {|ONESEED004:table.Keys.Cast<object>().ToList()|};")]
    [InlineData("object M(ConcurrentDictionary<Version, int> versions) => {|ONESEED004:versions.Keys.ToList()|};")]
    public Task Gets_no_fix_where_sorting_leaves_ties_or_keys_are_not_plain_values(string member)
    {
        string source = $$"""
            using System;
            using System.Collections;
            using System.Collections.Concurrent;
            using System.Linq;
            class C
            {
                {{member}}
            }
            """;
        return AnalyzerVerifier.VerifyFixAsync<HashOrderedEnumerationCodeFixProvider>(source, source, referenceOneSeed: false);
    }
}

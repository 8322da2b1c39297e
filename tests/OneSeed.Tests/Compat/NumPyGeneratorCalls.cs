using System.Numerics;
using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Engines;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Compat;

/// <summary>
/// Replays the call lists of tests/oracles/numpy_generator.py on a <see cref="NumPyGenerator"/> and compares them,
/// bit for bit, with what NumPy returned (shared by the golden and live tests).
/// </summary>
internal static class NumPyGeneratorCalls
{
    /// <summary>Maps an oracle bit-generator name to an engine seeded as NumPy seeds it.</summary>
    public static BitGenerator CreateEngine(string name, BigInteger seed) => BitGenerators.Create(name, seed);

    public static readonly IReadOnlyList<string> Engines = BitGenerators.Names;

    /// <summary>Runs one oracle case (from its seed) and checks every call, the engine's next raw draws and, if present, the state.</summary>
    public static NumPyGenerator Check(JsonNode expectedCase, JsonNode request, string context)
    {
        var g = new NumPyGenerator(CreateEngine((string)request["bitgen"]!, JsonAssert.ToBig(request["seed"])));
        CheckCalls(g, request["calls"]!.AsArray(), expectedCase["results"]!.AsArray(), context);
        JsonAssert.Equal(JsonAssert.UInt64s(expectedCase["tail_u64"]), expectedCase["tail_u64"]!.AsArray().Select(_ => g.BitGenerator.NextUInt64()).ToArray(), context + " (engine draws after the calls)");
        return g;
    }

    public static void CheckCalls(NumPyGenerator g, JsonArray calls, JsonArray expected, string context)
    {
        Assert.Equal(calls.Count, expected.Count);
        for (int i = 0; i < calls.Count; i++)
        {
            JsonNode call = calls[i]!;
            string previous = i > 0 ? $" after {calls[i - 1]!.ToJsonString()}" : string.Empty;
            string where = $"{context}, call {i} {Shorten(call.ToJsonString())}{Shorten(previous)}";
            JsonNode want = expected[i]!;
            if (want is JsonObject error)
            {
                string before = g.BitGenerator.GetStateJson();
                Exception? thrown = Record.Exception(() => Apply(g, call));
                Assert.True(thrown is ArgumentException, $"{where}: NumPy raised {error["error"]} ({error["message"]}); OneSeed {(thrown is null ? "accepted it" : "threw " + thrown.GetType().Name)}.");
                Assert.True(before == g.BitGenerator.GetStateJson(), $"{where}: a refused call changed the engine state.");
                continue;
            }

            ulong[] actual;
            try
            {
                actual = Apply(g, call);
            }
            catch (ArgumentException e)
            {
                Assert.Fail($"{where}: NumPy accepted it, OneSeed threw {e.Message}");
                return;
            }

            JsonAssert.Equal(want.AsArray().Select(ToULong).ToArray(), actual, where);
        }
    }

    private static string Shorten(string s) => s.Length > 300 ? s[..300] + "…" : s;

    private static ulong ToULong(JsonNode? n) => n!.ToJsonString().StartsWith('-') ? unchecked((ulong)L(n)) : U(n);

    private static double D(JsonNode call, string key) => BitConverter.UInt64BitsToDouble(U(call[key]));

    // Parsed from the JSON text, so nodes built in memory (holding an int) and parsed nodes read alike.
    private static long L(JsonNode? n) => long.Parse(n!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    private static ulong U(JsonNode? n) => ulong.Parse(n!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    private static ulong[] Bits(params double[] values) => values.Select(BitConverter.DoubleToUInt64Bits).ToArray();

    private static ulong[] Longs(params long[] values) => values.Select(v => unchecked((ulong)v)).ToArray();

    /// <summary>Performs one call; the result as raw 64-bit words (doubles as bits, integers two's complement).</summary>
    public static ulong[] Apply(NumPyGenerator g, JsonNode call)
    {
        int? size = call["size"] is JsonNode s ? (int)L(s) : null;
        switch ((string)call["m"]!)
        {
            case "random":
                return size is int n1 ? Bits(g.Random(n1)) : Bits(g.Random());
            case "integers":
                {
                    long low = L(call["low"]), high = L(call["high"]);
                    bool endpoint = (bool)call["endpoint"]!;
                    return size is int n ? Longs(g.Integers(low, high, n, endpoint)) : Longs(g.Integers(low, high, endpoint));
                }

            case "standard_normal":
                return size is int n2 ? Bits(g.StandardNormal(n2)) : Bits(g.StandardNormal());
            case "normal":
                return size is int n3 ? Bits(g.Normal(D(call, "loc_bits"), D(call, "scale_bits"), n3)) : Bits(g.Normal(D(call, "loc_bits"), D(call, "scale_bits")));
            case "standard_exponential":
                return size is int n4 ? Bits(g.StandardExponential(n4)) : Bits(g.StandardExponential());
            case "exponential":
                return size is int n5 ? Bits(g.Exponential(D(call, "scale_bits"), n5)) : Bits(g.Exponential(D(call, "scale_bits")));
            case "uniform":
                return size is int n6 ? Bits(g.Uniform(D(call, "low_bits"), D(call, "high_bits"), n6)) : Bits(g.Uniform(D(call, "low_bits"), D(call, "high_bits")));
            case "permutation":
                return Longs(g.Permutation(L(call["n"])));
            case "shuffle":
                {
                    int n = (int)L(call["n"]);
                    if ((string)call["kind"]! == "list")
                    {
                        var list = new List<long>(Enumerable.Range(0, n).Select(i => (long)i));
                        g.Shuffle(list);
                        return Longs([.. list]);
                    }

                    long[] array = Enumerable.Range(0, n).Select(i => (long)i).ToArray();
                    g.Shuffle(array.AsSpan());
                    return Longs(array);
                }

            case "choice":
                {
                    double[]? p = call["p_bits"] is JsonArray pb ? pb.Select(b => BitConverter.UInt64BitsToDouble(U(b))).ToArray() : null;
                    long a = L(call["a"]);
                    bool replace = (bool)call["replace"]!, shuffle = (bool)call["shuffle"]!;
                    return size is int n ? Longs(g.Choice(a, n, replace, p, shuffle)) : Longs(g.Choice(a, replace, p, shuffle));
                }

            case "bytes":
                return g.Bytes((int)L(call["length"])).Select(b => (ulong)b).ToArray();
            default:
                throw new InvalidOperationException("unknown method " + call["m"]);
        }
    }
}

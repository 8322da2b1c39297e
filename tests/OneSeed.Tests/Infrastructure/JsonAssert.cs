using System.Text.Json.Nodes;

namespace OneSeed.Tests.Infrastructure;

/// <summary>Bit-for-bit comparison of C# output with an oracle's JSON integer lists.</summary>
internal static class JsonAssert
{
    /// <summary>An exact JSON number of any size (Python's json reads it as an int).</summary>
    public static JsonNode Big(System.Numerics.BigInteger value) => JsonNode.Parse(value.ToString(System.Globalization.CultureInfo.InvariantCulture))!;

    /// <summary>Reads an integer of any size from a JSON number.</summary>
    public static System.Numerics.BigInteger ToBig(JsonNode? node) => System.Numerics.BigInteger.Parse(node!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    public static ulong[] UInt64s(JsonNode? node) => node!.AsArray().Select(n => (ulong)n!).ToArray();

    public static long[] Int64s(JsonNode? node) => node!.AsArray().Select(n => (long)n!).ToArray();

    public static uint[] UInt32s(JsonNode? node) => node!.AsArray().Select(n => (uint)n!).ToArray();

    /// <summary>Doubles sent by the oracle as their IEEE-754 bits.</summary>
    public static double[] DoubleBits(JsonNode? node) => UInt64s(node).Select(BitConverter.UInt64BitsToDouble).ToArray();

    /// <summary>Asserts equal sequences and, on failure, names the first differing index and the case.</summary>
    public static void Equal<T>(IReadOnlyList<T> expected, IReadOnlyList<T> actual, string context)
    {
        int n = Math.Min(expected.Count, actual.Count);
        for (int i = 0; i < n; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(expected[i], actual[i]))
            {
                Assert.Fail($"{context}: first difference at index {i}: expected {Show(expected[i])}, got {Show(actual[i])}.");
            }
        }

        if (expected.Count != actual.Count)
        {
            Assert.Fail($"{context}: expected {expected.Count} values, got {actual.Count}.");
        }
    }

    private static string Show<T>(T value) => value is double d ? $"{d:R} (0x{BitConverter.DoubleToUInt64Bits(d):x16})" : $"{value}";
}

using System.Globalization;
using System.Text;
using OneSeed.Data.Shards;

namespace OneSeed.Data.Tests.Shards;

/// <summary>
/// Random schemas and samples for the shard tests (a function of a seed, so a child process can rebuild them), and
/// a canonical text for each value that the C# reader, the expected values and the Arrow JS reader all produce:
/// bytes as hex, floats as their bits in hex, integers in decimal, tensors as their elements joined by commas.
/// </summary>
internal static class ShardTestData
{
    private static readonly ShardElementType[] ElementTypes =
    [
        ShardElementType.UInt8, ShardElementType.Int8, ShardElementType.Int16, ShardElementType.UInt16, ShardElementType.Int32,
        ShardElementType.UInt32, ShardElementType.Int64, ShardElementType.UInt64, ShardElementType.Float32, ShardElementType.Float64,
    ];

    private static readonly string[] NameParts = ["img", "Label", "größe", "名前", "😀emoji", "x y", "ſ", "value", "ı", "Ω"];

    /// <summary>The schema and <paramref name="count"/> samples that <paramref name="seed"/> makes (the same in every process).</summary>
    public static (ShardSchema Schema, List<object[]> Samples) Generate(int seed, int count)
    {
        var random = new Random(seed);
        ShardSchema schema = Schema(random);
        return (schema, Samples(random, schema, count));
    }

    /// <summary>A schema with every scalar kind and a tensor of every element type, in random order, with random names and shapes.</summary>
    public static ShardSchema Schema(Random random)
    {
        var columns = new List<ShardColumn>();
        int n = 0;
        string Name() => $"{NameParts[random.Next(NameParts.Length)]}_{n++}";
        foreach (ShardColumnKind kind in Enum.GetValues<ShardColumnKind>().Where(k => k != ShardColumnKind.Tensor))
        {
            columns.Add(new ShardColumn(Name(), kind));
        }

        foreach (ShardElementType type in ElementTypes)
        {
            int[] shape = [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(1, 5))];
            columns.Add(new ShardColumn(Name(), type, shape));
        }

        return new ShardSchema(columns.OrderBy(_ => random.Next()));
    }

    /// <summary><paramref name="count"/> samples for <paramref name="schema"/>: each as the values in column order (byte[], string, int, long, float, double, bool, or a typed array).</summary>
    public static List<object[]> Samples(Random random, ShardSchema schema, int count, int maxBlob = 300)
    {
        var samples = new List<object[]>(count);
        for (int i = 0; i < count; i++)
        {
            samples.Add([.. schema.Columns.Select(c => Value(random, c, maxBlob))]);
        }

        return samples;
    }

    public static ShardRecord Record(ShardSchema schema, object[] values)
    {
        var record = new ShardRecord();
        for (int c = 0; c < values.Length; c++)
        {
            string name = schema.Columns[c].Name;
            object v = values[c];
            // Dispatch on the column, not the array's type: the CLR lets an sbyte[] pass as a byte[] (and int[] as uint[]).
            _ = schema.Columns[c].Kind switch
            {
                ShardColumnKind.Bytes => record.Set(name, (byte[])v),
                ShardColumnKind.String => record.Set(name, (string)v),
                ShardColumnKind.Int32 => record.Set(name, (int)v),
                ShardColumnKind.Int64 => record.Set(name, (long)v),
                ShardColumnKind.Float32 => record.Set(name, (float)v),
                ShardColumnKind.Float64 => record.Set(name, (double)v),
                ShardColumnKind.Boolean => record.Set(name, (bool)v),
                _ => schema.Columns[c].ElementType switch
                {
                    ShardElementType.UInt8 => record.SetTensor<byte>(name, (byte[])v),
                    ShardElementType.Int8 => record.SetTensor<sbyte>(name, (sbyte[])v),
                    ShardElementType.Int16 => record.SetTensor<short>(name, (short[])v),
                    ShardElementType.UInt16 => record.SetTensor<ushort>(name, (ushort[])v),
                    ShardElementType.Int32 => record.SetTensor<int>(name, (int[])v),
                    ShardElementType.UInt32 => record.SetTensor<uint>(name, (uint[])v),
                    ShardElementType.Int64 => record.SetTensor<long>(name, (long[])v),
                    ShardElementType.UInt64 => record.SetTensor<ulong>(name, (ulong[])v),
                    ShardElementType.Float32 => record.SetTensor<float>(name, (float[])v),
                    _ => record.SetTensor<double>(name, (double[])v),
                },
            };
        }

        return record;
    }

    /// <summary>Writes <paramref name="samples"/> to <paramref name="directory"/>; <paramref name="progress"/> is told after each sample.</summary>
    public static ShardIndex Write(string directory, ShardSchema schema, IEnumerable<object[]> samples, ShardWriterOptions options, Action<int>? progress = null)
    {
        using var writer = new ShardWriter(directory, schema, options);
        foreach (object[] sample in samples)
        {
            writer.Write(Record(schema, sample));
            progress?.Invoke(writer.SampleCount);
        }

        return writer.Complete();
    }

    /// <summary>The canonical text of every column of an expected sample.</summary>
    public static string[] Describe(ShardSchema schema, object[] values) =>
        [.. values.Select((v, c) => Canonical(schema.Columns[c], v))];

    /// <summary>The canonical text of every column of a row read back.</summary>
    public static string[] Describe(ShardRow row)
    {
        var result = new string[row.Schema.Columns.Count];
        for (int c = 0; c < result.Length; c++)
        {
            ShardColumn column = row.Schema.Columns[c];
            string n = column.Name;
            result[c] = column.Kind switch
            {
                ShardColumnKind.Bytes => Convert.ToHexString(row.GetBytes(n).Span).ToLowerInvariant(),
                ShardColumnKind.String => row.GetString(n),
                ShardColumnKind.Int32 => Canonical(column, row.GetInt32(n)),
                ShardColumnKind.Int64 => Canonical(column, row.GetInt64(n)),
                ShardColumnKind.Float32 => Canonical(column, row.GetFloat32(n)),
                ShardColumnKind.Float64 => Canonical(column, row.GetFloat64(n)),
                ShardColumnKind.Boolean => Canonical(column, row.GetBoolean(n)),
                _ => column.ElementType switch
                {
                    ShardElementType.UInt8 => Canonical(column, row.GetTensor<byte>(n).ToArray()),
                    ShardElementType.Int8 => Canonical(column, row.GetTensor<sbyte>(n).ToArray()),
                    ShardElementType.Int16 => Canonical(column, row.GetTensor<short>(n).ToArray()),
                    ShardElementType.UInt16 => Canonical(column, row.GetTensor<ushort>(n).ToArray()),
                    ShardElementType.Int32 => Canonical(column, row.GetTensor<int>(n).ToArray()),
                    ShardElementType.UInt32 => Canonical(column, row.GetTensor<uint>(n).ToArray()),
                    ShardElementType.Int64 => Canonical(column, row.GetTensor<long>(n).ToArray()),
                    ShardElementType.UInt64 => Canonical(column, row.GetTensor<ulong>(n).ToArray()),
                    ShardElementType.Float32 => Canonical(column, row.GetTensor<float>(n).ToArray()),
                    _ => Canonical(column, row.GetTensor<double>(n).ToArray()),
                },
            };
        }

        return result;
    }

    /// <summary>One row's canonical texts joined, for comparing whole rows and batches.</summary>
    public static string Line(IEnumerable<string> values) => string.Join(" | ", values);

    private static string Canonical(ShardColumn column, object value) => value switch
    {
        byte[] v when column.Kind == ShardColumnKind.Bytes => Convert.ToHexString(v).ToLowerInvariant(),
        string v => v,
        bool v => v ? "true" : "false",
        float v => BitConverter.SingleToUInt32Bits(v).ToString("x8", CultureInfo.InvariantCulture),
        double v => BitConverter.DoubleToUInt64Bits(v).ToString("x16", CultureInfo.InvariantCulture),
        IFormattable v when value is int or long => v.ToString(null, CultureInfo.InvariantCulture),
        float[] v => string.Join(",", v.Select(x => BitConverter.SingleToUInt32Bits(x).ToString("x8", CultureInfo.InvariantCulture))),
        double[] v => string.Join(",", v.Select(x => BitConverter.DoubleToUInt64Bits(x).ToString("x16", CultureInfo.InvariantCulture))),
        System.Array v => string.Join(",", v.Cast<IFormattable>().Select(x => x.ToString(null, CultureInfo.InvariantCulture))),
        _ => throw new InvalidOperationException(value.GetType().Name),
    };

    private static object Value(Random random, ShardColumn column, int maxBlob)
    {
        int n = column.ElementCount;
        return column.Kind switch
        {
            ShardColumnKind.Bytes => Bytes(random, random.Next(4) == 0 ? 0 : random.Next(maxBlob + 1)),
            ShardColumnKind.String => Text(random),
            ShardColumnKind.Int32 => random.Next(4) == 0 ? Pick(random, int.MinValue, int.MaxValue, 0, -1) : (int)random.NextInt64(int.MinValue, 1L + int.MaxValue),
            ShardColumnKind.Int64 => random.Next(4) == 0 ? Pick(random, long.MinValue, long.MaxValue, 0L, -1L) : random.NextInt64(long.MinValue, long.MaxValue),
            ShardColumnKind.Float32 => Float32(random),
            ShardColumnKind.Float64 => Float64(random),
            ShardColumnKind.Boolean => random.Next(2) == 1,
            _ => column.ElementType switch
            {
                ShardElementType.UInt8 => Bytes(random, n),
                ShardElementType.Int8 => Filled(n, () => (sbyte)random.Next(-128, 128)),
                ShardElementType.Int16 => Filled(n, () => (short)random.Next(short.MinValue, short.MaxValue + 1)),
                ShardElementType.UInt16 => Filled(n, () => (ushort)random.Next(0, ushort.MaxValue + 1)),
                ShardElementType.Int32 => Filled(n, () => (int)random.NextInt64(int.MinValue, 1L + int.MaxValue)),
                ShardElementType.UInt32 => Filled(n, () => (uint)random.NextInt64(0, 1L << 32)),
                ShardElementType.Int64 => Filled(n, () => random.NextInt64(long.MinValue, long.MaxValue)),
                ShardElementType.UInt64 => Filled(n, () => (ulong)random.NextInt64(long.MinValue, long.MaxValue)),
                ShardElementType.Float32 => Filled(n, () => Float32(random)),
                _ => Filled(n, () => Float64(random)),
            },
        };
    }

    private static T Pick<T>(Random random, params T[] items) => items[random.Next(items.Length)];

    private static T[] Filled<T>(int n, Func<T> next)
    {
        var result = new T[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = next();
        }

        return result;
    }

    private static byte[] Bytes(Random random, int length)
    {
        byte[] result = new byte[length];
        random.NextBytes(result);
        return result;
    }

    /// <summary>Floats including NaNs with payloads, signed zeros, infinities and subnormals (the bits must survive).</summary>
    private static float Float32(Random random) => random.Next(5) == 0
        ? Pick(random, float.NaN, BitConverter.UInt32BitsToSingle(0x7FC0_1234), -0.0f, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, float.MaxValue)
        : (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30)));

    private static double Float64(Random random) => random.Next(5) == 0
        ? Pick(random, double.NaN, BitConverter.UInt64BitsToDouble(0xFFF8_0000_0000_0ABC), -0.0, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, double.MaxValue)
        : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300));

    private static string Text(Random random)
    {
        if (random.Next(4) == 0)
        {
            return string.Empty;
        }

        string[] pieces = ["a", "Z", " ", "é", "ß", "中", "😀", "\u0000", "\n", "\"", "\\", "𝔘", "ı"];
        var text = new StringBuilder();
        int length = random.Next(1, 20);
        for (int i = 0; i < length; i++)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
        }

        return text.ToString();
    }
}

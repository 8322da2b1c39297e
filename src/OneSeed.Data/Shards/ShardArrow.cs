using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace OneSeed.Data.Shards;

/// <summary>The mapping between <see cref="ShardSchema"/> and Arrow: types, names as written in index.json, element sizes.</summary>
internal static class ShardArrow
{
    public const string ExtensionNameKey = "ARROW:extension:name";
    public const string ExtensionMetadataKey = "ARROW:extension:metadata";
    public const string FixedShapeTensor = "arrow.fixed_shape_tensor";

    private static readonly (ShardColumnKind Kind, string Name)[] KindNames =
    [
        (ShardColumnKind.Bytes, "bytes"), (ShardColumnKind.String, "string"), (ShardColumnKind.Int32, "int32"),
        (ShardColumnKind.Int64, "int64"), (ShardColumnKind.Float32, "float32"), (ShardColumnKind.Float64, "float64"),
        (ShardColumnKind.Boolean, "bool"), (ShardColumnKind.Tensor, "tensor"),
    ];

    private static readonly (ShardElementType Type, string Name, int Size, Type Clr)[] Elements =
    [
        (ShardElementType.UInt8, "uint8", 1, typeof(byte)), (ShardElementType.Int8, "int8", 1, typeof(sbyte)),
        (ShardElementType.Int16, "int16", 2, typeof(short)), (ShardElementType.UInt16, "uint16", 2, typeof(ushort)),
        (ShardElementType.Int32, "int32", 4, typeof(int)), (ShardElementType.UInt32, "uint32", 4, typeof(uint)),
        (ShardElementType.Int64, "int64", 8, typeof(long)), (ShardElementType.UInt64, "uint64", 8, typeof(ulong)),
        (ShardElementType.Float32, "float32", 4, typeof(float)), (ShardElementType.Float64, "float64", 8, typeof(double)),
    ];

    public static string Name(ShardColumnKind kind) => System.Array.Find(KindNames, k => k.Kind == kind).Name;

    public static string Name(ShardElementType type) => System.Array.Find(Elements, e => e.Type == type).Name ?? "none";

    public static int ElementSize(ShardElementType type) => System.Array.Find(Elements, e => e.Type == type).Size;

    public static Type ClrType(ShardElementType type) => System.Array.Find(Elements, e => e.Type == type).Clr;

    public static bool TryParseKind(string name, out ShardColumnKind kind)
    {
        int i = System.Array.FindIndex(KindNames, k => k.Name == name);
        kind = i >= 0 ? KindNames[i].Kind : default;
        return i >= 0;
    }

    public static bool TryParseElementType(string name, out ShardElementType type)
    {
        int i = System.Array.FindIndex(Elements, e => e.Name == name);
        type = i >= 0 ? Elements[i].Type : ShardElementType.None;
        return i >= 0;
    }

    /// <summary>The element type whose CLR type is <typeparamref name="T"/>, or None.</summary>
    public static ShardElementType ElementTypeOf<T>() => System.Array.Find(Elements, e => e.Clr == typeof(T)).Type;

    public static IArrowType ElementArrowType(ShardElementType type) => type switch
    {
        ShardElementType.UInt8 => UInt8Type.Default,
        ShardElementType.Int8 => Int8Type.Default,
        ShardElementType.Int16 => Int16Type.Default,
        ShardElementType.UInt16 => UInt16Type.Default,
        ShardElementType.Int32 => Int32Type.Default,
        ShardElementType.UInt32 => UInt32Type.Default,
        ShardElementType.Int64 => Int64Type.Default,
        ShardElementType.UInt64 => UInt64Type.Default,
        ShardElementType.Float32 => FloatType.Default,
        ShardElementType.Float64 => DoubleType.Default,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a tensor element type."),
    };

    public static IArrowType ArrowType(ShardColumn column) => column.Kind switch
    {
        ShardColumnKind.Bytes => BinaryType.Default,
        ShardColumnKind.String => StringType.Default,
        ShardColumnKind.Int32 => Int32Type.Default,
        ShardColumnKind.Int64 => Int64Type.Default,
        ShardColumnKind.Float32 => FloatType.Default,
        ShardColumnKind.Float64 => DoubleType.Default,
        ShardColumnKind.Boolean => BooleanType.Default,
        _ => new FixedSizeListType(ElementArrowType(column.ElementType), column.ElementCount),
    };

    public static Schema ToArrow(ShardSchema schema)
    {
        var fields = new List<Field>(schema.Columns.Count);
        foreach (ShardColumn column in schema.Columns)
        {
            Dictionary<string, string>? metadata = null;
            if (column.Kind == ShardColumnKind.Tensor)
            {
                metadata = new Dictionary<string, string>
                {
                    [ExtensionNameKey] = FixedShapeTensor,
                    [ExtensionMetadataKey] = string.Create(CultureInfo.InvariantCulture, $"{{\"shape\":[{string.Join(",", column.Shape)}]}}"),
                };
            }

            fields.Add(new Field(column.Name, ArrowType(column), nullable: false, metadata));
        }

        return new Schema(fields, metadata: null);
    }

    /// <summary>Null when <paramref name="arrow"/> stores <paramref name="schema"/>; otherwise what differs.</summary>
    public static string? Mismatch(ShardSchema schema, Schema arrow)
    {
        if (arrow.FieldsList.Count != schema.Columns.Count)
        {
            return $"the file has {arrow.FieldsList.Count} columns, the index {schema.Columns.Count}";
        }

        for (int i = 0; i < schema.Columns.Count; i++)
        {
            ShardColumn column = schema.Columns[i];
            Field field = arrow.FieldsList[i];
            if (field.Name != column.Name)
            {
                return $"column {i} is '{field.Name}' in the file and '{column.Name}' in the index";
            }

            IArrowType expected = ArrowType(column);
            bool same = field.DataType.TypeId == expected.TypeId
                && (field.DataType is not FixedSizeListType list
                    || (list.ListSize == column.ElementCount && list.ValueDataType.TypeId == ((FixedSizeListType)expected).ValueDataType.TypeId));
            if (!same)
            {
                return $"column '{column.Name}' is {field.DataType.Name} in the file, but the index says {column.TypeText}";
            }
        }

        return null;
    }
}

namespace OneSeed.Data.Shards;

/// <summary>The element type of a <see cref="ShardColumnKind.Tensor"/> column.</summary>
/// <remarks>Reproducibility tier: <b>stable</b> (the names are written into <c>index.json</c>, NumPy's dtype names in lower case).</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members name tensor element types, as NumPy names its dtypes.")]
public enum ShardElementType
{
    /// <summary>No element type: the column is not a tensor.</summary>
    None,

    /// <summary><see cref="byte"/> (NumPy <c>uint8</c>).</summary>
    UInt8,

    /// <summary><see cref="sbyte"/> (NumPy <c>int8</c>).</summary>
    Int8,

    /// <summary><see cref="short"/> (NumPy <c>int16</c>).</summary>
    Int16,

    /// <summary><see cref="ushort"/> (NumPy <c>uint16</c>).</summary>
    UInt16,

    /// <summary><see cref="int"/> (NumPy <c>int32</c>).</summary>
    Int32,

    /// <summary><see cref="uint"/> (NumPy <c>uint32</c>).</summary>
    UInt32,

    /// <summary><see cref="long"/> (NumPy <c>int64</c>).</summary>
    Int64,

    /// <summary><see cref="ulong"/> (NumPy <c>uint64</c>).</summary>
    UInt64,

    /// <summary><see cref="float"/> (NumPy <c>float32</c>).</summary>
    Float32,

    /// <summary><see cref="double"/> (NumPy <c>float64</c>).</summary>
    Float64,
}

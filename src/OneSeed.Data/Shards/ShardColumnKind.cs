namespace OneSeed.Data.Shards;

/// <summary>What a shard column holds; each kind maps to one Arrow type (see <see cref="ShardColumn"/>).</summary>
/// <remarks>Reproducibility tier: <b>stable</b> (the names are written into <c>index.json</c>).</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members name the stored data types, as Arrow and NumPy name them.")]
public enum ShardColumnKind
{
    /// <summary>A byte string of any length (encoded images, serialized blobs): Arrow <c>Binary</c>.</summary>
    Bytes,

    /// <summary>A UTF-8 string: Arrow <c>Utf8</c>.</summary>
    String,

    /// <summary>A 32-bit signed integer: Arrow <c>Int32</c>.</summary>
    Int32,

    /// <summary>A 64-bit signed integer: Arrow <c>Int64</c>.</summary>
    Int64,

    /// <summary>A 32-bit IEEE-754 float: Arrow <c>Float</c> (single precision).</summary>
    Float32,

    /// <summary>A 64-bit IEEE-754 float: Arrow <c>Double</c>.</summary>
    Float64,

    /// <summary>A boolean: Arrow <c>Bool</c> (bit-packed).</summary>
    Boolean,

    /// <summary>
    /// A tensor of a fixed shape and element type, row-major: Arrow <c>FixedSizeList&lt;element&gt;</c> of the shape's
    /// product, tagged as the canonical extension <c>arrow.fixed_shape_tensor</c>.
    /// </summary>
    Tensor,
}

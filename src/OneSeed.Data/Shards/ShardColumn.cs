using System.Globalization;

namespace OneSeed.Data.Shards;

/// <summary>
/// One column of a <see cref="ShardSchema"/>: a name, a <see cref="ShardColumnKind"/>, and for tensors an element type
/// and a fixed shape.
/// </summary>
/// <remarks>
/// <para>
/// Arrow types: <see cref="ShardColumnKind.Bytes"/> is <c>Binary</c>, <see cref="ShardColumnKind.String"/> is
/// <c>Utf8</c>, the numbers are <c>Int32</c>, <c>Int64</c>, <c>Float</c>, <c>Double</c>, <c>Bool</c>. A tensor is a
/// <c>FixedSizeList</c> of its element type, of length <see cref="ElementCount"/>, row-major, with the field metadata
/// of Arrow's canonical <c>arrow.fixed_shape_tensor</c> extension (<c>{"shape":[…]}</c>): readers that know the
/// extension (pyarrow) see a tensor of that shape, the others (Arrow JS, DuckDB's <c>ARRAY</c>, Polars' <c>Array</c>)
/// see a typed list of numbers. A <c>FixedSizeBinary</c> would hide the element type from every reader.
/// Every column is non-nullable.
/// </para>
/// <para>Reproducibility tier: <b>stable</b> (part of the on-disk format).</para>
/// </remarks>
public sealed class ShardColumn : IEquatable<ShardColumn>
{
    /// <summary>The largest number of tensor dimensions accepted.</summary>
    public const int MaxRank = 32;

    private readonly int[] _shape;

    /// <summary>A scalar, string or bytes column.</summary>
    /// <param name="name">The column name (non-empty; unique within a schema).</param>
    /// <param name="kind">Any kind but <see cref="ShardColumnKind.Tensor"/> (use the tensor constructor).</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty, or <paramref name="kind"/> is <see cref="ShardColumnKind.Tensor"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public ShardColumn(string name, ShardColumnKind kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Column '{name}': kind {(int)kind} is not a ShardColumnKind.");
        }

        if (kind == ShardColumnKind.Tensor)
        {
            throw new ArgumentException($"Column '{name}': a tensor column needs an element type and a shape; use ShardColumn(name, elementType, shape).", nameof(kind));
        }

        Name = name;
        Kind = kind;
        _shape = [];
    }

    /// <summary>A tensor column: every value has <paramref name="shape"/> and <paramref name="elementType"/>, stored row-major.</summary>
    /// <param name="name">The column name (non-empty; unique within a schema).</param>
    /// <param name="elementType">The element type (not <see cref="ShardElementType.None"/>).</param>
    /// <param name="shape">1 to <see cref="MaxRank"/> dimensions, each ≥ 1, e.g. <c>3, 32, 32</c>; the product times the element size must stay below 2 GiB.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty, or <paramref name="shape"/> is empty, too long, or has a dimension below 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="elementType"/> is <see cref="ShardElementType.None"/> or undefined, or the tensor is too large.</exception>
    public ShardColumn(string name, ShardElementType elementType, params int[] shape)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(shape);
        if (elementType == ShardElementType.None || !Enum.IsDefined(elementType))
        {
            throw new ArgumentOutOfRangeException(nameof(elementType), elementType, $"Column '{name}': a tensor's element type must be one of UInt8 … Float64.");
        }

        if (shape.Length is 0 or > MaxRank)
        {
            throw new ArgumentException($"Column '{name}': a tensor shape has 1 to {MaxRank} dimensions, not {shape.Length}.", nameof(shape));
        }

        long count = 1;
        foreach (int dimension in shape)
        {
            if (dimension < 1)
            {
                throw new ArgumentException($"Column '{name}': every dimension of a tensor shape must be at least 1; the shape is [{string.Join(", ", shape)}].", nameof(shape));
            }

            count *= dimension;
            if (count * ShardArrow.ElementSize(elementType) > int.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(shape), $"Column '{name}': a tensor of shape [{string.Join(", ", shape)}] and {ShardArrow.Name(elementType)} elements exceeds 2 GiB.");
            }
        }

        Name = name;
        Kind = ShardColumnKind.Tensor;
        ElementType = elementType;
        _shape = (int[])shape.Clone();
        ElementCount = (int)count;
    }

    /// <summary>The column name.</summary>
    public string Name { get; }

    /// <summary>What the column holds.</summary>
    public ShardColumnKind Kind { get; }

    /// <summary>The element type of a tensor column; <see cref="ShardElementType.None"/> otherwise.</summary>
    public ShardElementType ElementType { get; }

    /// <summary>The shape of a tensor column; empty otherwise.</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>The number of elements of a tensor value (the product of <see cref="Shape"/>); 0 for other kinds.</summary>
    public int ElementCount { get; }

    /// <inheritdoc />
    public bool Equals(ShardColumn? other) =>
        other is not null && other.Name == Name && other.Kind == Kind && other.ElementType == ElementType && other._shape.AsSpan().SequenceEqual(_shape);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ShardColumn);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Kind, ElementType, ElementCount);

    /// <summary>The column as <c>name: kind</c>, tensors as <c>name: float32[3, 32, 32]</c>.</summary>
    public override string ToString() => $"{Name}: {TypeText}";

    /// <summary>The kind as written in index.json and in messages: <c>int64</c>, <c>bytes</c>, <c>float32[3, 32, 32]</c>.</summary>
    internal string TypeText => Kind == ShardColumnKind.Tensor
        ? string.Create(CultureInfo.InvariantCulture, $"{ShardArrow.Name(ElementType)}[{string.Join(", ", _shape)}]")
        : ShardArrow.Name(Kind);
}

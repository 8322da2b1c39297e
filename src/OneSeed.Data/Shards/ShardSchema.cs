namespace OneSeed.Data.Shards;

/// <summary>The columns of a sharded dataset, in order; every sample has a value in every column.</summary>
/// <remarks>Reproducibility tier: <b>stable</b> (written into <c>index.json</c> and into every shard's Arrow schema).</remarks>
public sealed class ShardSchema : IEquatable<ShardSchema>
{
    private readonly ShardColumn[] _columns;
    private readonly Dictionary<string, int> _ordinals;

    /// <summary>A schema of <paramref name="columns"/>, in that order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="columns"/> is empty or two columns have the same name.</exception>
    public ShardSchema(IEnumerable<ShardColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = [.. columns];
        if (_columns.Length == 0)
        {
            throw new ArgumentException("A schema needs at least one column.", nameof(columns));
        }

        _ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < _columns.Length; i++)
        {
            ShardColumn column = _columns[i] ?? throw new ArgumentNullException(nameof(columns), $"Column {i} of the schema is null.");
            if (!_ordinals.TryAdd(column.Name, i))
            {
                throw new ArgumentException($"The schema names column '{column.Name}' twice (positions {_ordinals[column.Name]} and {i}).", nameof(columns));
            }
        }
    }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<ShardColumn> Columns => _columns;

    /// <summary>The column called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No column has that name (the message lists the columns).</exception>
    public ShardColumn this[string name] => _columns[Ordinal(name)];

    /// <summary>The position of the column called <paramref name="name"/>, or −1.</summary>
    public int IndexOf(string name) => name is not null && _ordinals.TryGetValue(name, out int i) ? i : -1;

    /// <inheritdoc />
    public bool Equals(ShardSchema? other) => other is not null && other._columns.AsSpan().SequenceEqual(_columns);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ShardSchema);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (ShardColumn column in _columns)
        {
            hash.Add(column);
        }

        return hash.ToHashCode();
    }

    /// <summary>The schema as <c>(name: kind, …)</c>.</summary>
    public override string ToString() => $"({string.Join(", ", _columns.Select(c => c.ToString()))})";

    /// <summary>The position of column <paramref name="name"/>; an <see cref="ArgumentException"/> naming the columns if there is none.</summary>
    internal int Ordinal(string name)
    {
        int i = IndexOf(name);
        if (i < 0)
        {
            throw new ArgumentException($"No column '{name}'; the columns are {this}.", nameof(name));
        }

        return i;
    }
}

namespace OneSeed.Engines;

/// <summary>
/// A distribution's per-value step (one value of <typeparamref name="T"/> from however many raw draws it needs),
/// generic over the source so the JIT compiles one tight loop per (engine, distribution) pair.
/// </summary>
/// <remarks>A sampler may carry state across values (a cached second normal); bulk fills take it by reference.</remarks>
internal interface ISampler<T>
{
    T Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource;

    /// <summary>
    /// Whether every value takes at least one 64-bit draw or double and never a 32-bit draw, so bulk fills may draw
    /// the words ahead in chunks (<c>Distributions.UInt64DrawCursor</c>) without the engine running ahead of the values.
    /// </summary>
    bool DrawsWords => false;
}

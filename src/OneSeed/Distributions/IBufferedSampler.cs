namespace OneSeed.Distributions;

/// <summary>
/// A sampler that reads an engine's 64-bit draws through a <see cref="UInt64DrawCursor"/> chunk
/// (<see cref="UInt64DrawCursor.Fill{TSampler, T}"/>): an optional fast phase over the buffered words, then the exact
/// per-value path for the rest of the chunk.
/// </summary>
internal interface IBufferedSampler<T>
{
    /// <summary>
    /// Draws the next chunk of <paramref name="count"/> words (<see cref="UInt64DrawCursor.Refill(int)"/>). A sampler
    /// may start its fast phase during the engine's generation (<see cref="UInt64DrawCursor.Refill{TSink}(int, ref TSink)"/>):
    /// values it completes go from index <paramref name="i"/> of <paramref name="destination"/> on, their words are
    /// consumed, and the next index is returned.
    /// </summary>
    int Refill(ref UInt64DrawCursor draws, int count, ref T destination, int i);

    /// <summary>
    /// Produces values from the buffered words while its fast path allows, writing from index <paramref name="i"/> of
    /// <paramref name="destination"/> and consuming their words; returns the next index. A sampler without a fast path
    /// returns <paramref name="i"/>.
    /// </summary>
    int Fast(ref UInt64DrawCursor draws, ref T destination, int i);

    /// <summary>The next value through the exact scalar path.</summary>
    T Next(ref UInt64DrawCursor draws);
}

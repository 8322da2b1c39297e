namespace OneSeed.Engines;

/// <summary>
/// A vector pass over an engine's 64-bit words, eight at a time, that may run interleaved with the engine's generation
/// of the words after them (<see cref="Sfc64.Fill{TSink}(Span{ulong}, ref TSink)"/>), instead of after it.
/// </summary>
internal interface IWordGroupSink
{
    /// <summary>Words per group.</summary>
    const int GroupSize = 8;

    /// <summary>Words <paramref name="start"/> to <paramref name="start"/> + <see cref="GroupSize"/> of the span being filled are written.</summary>
    void Take(int start);
}

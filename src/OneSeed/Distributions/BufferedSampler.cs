using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Any sampler whose values each take at least one 64-bit draw (<see cref="ISampler{T}.DrawsWords"/>), over an
/// engine's words drawn ahead in chunks through its bulk path (<see cref="UInt64DrawCursor"/>): the same draws and
/// values as the per-value loop, with the engine's vector generation instead of one call per draw.
/// </summary>
internal struct BufferedSampler<TSampler, T>(TSampler sampler) : IBufferedSampler<T>
    where TSampler : struct, ISampler<T>
{
    private TSampler _sampler = sampler;

    /// <summary>The sampler, with whatever state it carries after the fill (a legacy Gaussian cache).</summary>
    public readonly TSampler Sampler => _sampler;

    /// <summary>
    /// Fills <paramref name="destination"/> with values of <paramref name="sampler"/>: through buffered words where the
    /// sampler and engine allow it, else the engine's per-value loop. The sampler's state after the fill comes back in it.
    /// </summary>
    public static void Fill(BitGenerator engine, Span<T> destination, ref TSampler sampler)
    {
        if (!sampler.DrawsWords || !UInt64DrawCursor.CanBuffer(engine))
        {
            engine.FillSampled(destination, ref sampler);
            return;
        }

        var buffered = new BufferedSampler<TSampler, T>(sampler);
        UInt64DrawCursor.Fill(engine, destination, ref buffered);
        sampler = buffered.Sampler;
    }

    public readonly int Refill(ref UInt64DrawCursor draws, int count, ref T destination, int i)
    {
        draws.Refill(count);
        return i;
    }

    public readonly int Fast(ref UInt64DrawCursor draws, ref T destination, int i) => i;

    public T Next(ref UInt64DrawCursor draws) => _sampler.Sample(ref draws);
}

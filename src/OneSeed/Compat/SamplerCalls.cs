using OneSeed.Distributions;
using OneSeed.Engines;

namespace OneSeed.Compat;

/// <summary>
/// How the NumPy façades run a sampler: one value through the engine's virtual draws (NumPy's <c>size=None</c>), or
/// an array of <c>size</c> values through the engine's bulk paths (<see cref="BufferedSampler{TSampler, T}"/>), the
/// same draws either way. The sampler is passed by reference, so whatever state it carries (a legacy Gaussian
/// cache) comes back to the caller.
/// </summary>
internal static class SamplerCalls
{
    public static double Double<TSampler>(BitGenerator engine, ref TSampler sampler)
        where TSampler : struct, ISampler<double>
    {
        var source = new VirtualSource(engine);
        return sampler.Sample(ref source);
    }

    public static long Int64<TSampler>(BitGenerator engine, ref TSampler sampler)
        where TSampler : struct, ISampler<long>
    {
        var source = new VirtualSource(engine);
        return sampler.Sample(ref source);
    }

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    public static double[] Doubles<TSampler>(BitGenerator engine, ref TSampler sampler, int size)
        where TSampler : struct, ISampler<double>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        double[] result = ResultArrays.Uninitialized<double>(size);
        BufferedSampler<TSampler, double>.Fill(engine, result, ref sampler);
        return result;
    }

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    public static long[] Int64s<TSampler>(BitGenerator engine, ref TSampler sampler, int size)
        where TSampler : struct, ISampler<long>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        long[] result = ResultArrays.Uninitialized<long>(size);
        BufferedSampler<TSampler, long>.Fill(engine, result, ref sampler);
        return result;
    }

    /// <summary>The size forms whose values come from a bulk fill and a transform (the same draws and values as the sampler's loop).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    public static T[] Filled<T>(int size, Action<T[]> fill)
        where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        T[] result = ResultArrays.Uninitialized<T>(size);
        fill(result);
        return result;
    }

    /// <inheritdoc cref="Filled{T}(int, Action{T[]})"/>
    public static double[] Filled(int size, Action<double[]> fill) => Filled<double>(size, fill);
}

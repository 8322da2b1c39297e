using System.Runtime.Intrinsics;

namespace OneSeed.Distributions;

/// <summary>
/// The self-checks of the glibc transcriptions (<see cref="GlibcLogFma"/>, <see cref="GlibcSinCosFma"/>): the vector
/// function against glibc's own, bit for bit, on inputs that take each of its paths.
/// </summary>
internal static class GlibcSelfCheck
{
    /// <summary>
    /// <paramref name="count"/> doubles in [0, 1) in steps of 2^-53, from a fixed SplitMix64 sequence: a spread that
    /// is the same in every process, as uniform as the callers' draws.
    /// </summary>
    internal static IEnumerable<double> UnitDoubles(ulong seed, int count)
    {
        ulong state = seed;
        for (int i = 0; i < count; i++)
        {
            state += 0x9E3779B97F4A7C15;
            ulong z = (state ^ (state >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            yield return ((z ^ (z >> 31)) >> 11) * (1.0 / (1L << 53));
        }
    }

    /// <summary>
    /// Whether <paramref name="vector"/>, four inputs at a time, returns the bits of <paramref name="glibc"/> for each
    /// (two results per input; a function of one result returns it twice).
    /// </summary>
    internal static bool Agrees(
        List<double> inputs,
        Func<Vector256<double>, (Vector256<double> First, Vector256<double> Second)> vector,
        Func<double, (double First, double Second)> glibc)
    {
        Span<double> lanes = stackalloc double[4];
        for (int i = 0; i < inputs.Count; i += 4)
        {
            for (int k = 0; k < 4; k++)
            {
                lanes[k] = inputs[Math.Min(i + k, inputs.Count - 1)];
            }

            (Vector256<double> first, Vector256<double> second) = vector(Vector256.Create<double>(lanes));
            for (int k = 0; k < 4; k++)
            {
                (double expectedFirst, double expectedSecond) = glibc(lanes[k]);
                if (BitConverter.DoubleToInt64Bits(first[k]) != BitConverter.DoubleToInt64Bits(expectedFirst)
                    || BitConverter.DoubleToInt64Bits(second[k]) != BitConverter.DoubleToInt64Bits(expectedSecond))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Whether <paramref name="vector"/>, four (x, y) pairs at a time, returns the bits of <paramref name="glibc"/> in
    /// every lane it claims for its domain, and claims most of them (at least half: a function that flags everything
    /// out would agree vacuously).
    /// </summary>
    internal static bool AgreesInDomain(
        List<(double X, double Y)> inputs,
        Func<Vector256<double>, Vector256<double>, (Vector256<double> Value, Vector256<double> InDomain)> vector,
        Func<double, double, double> glibc)
    {
        Span<double> xs = stackalloc double[4];
        Span<double> ys = stackalloc double[4];
        int inDomainLanes = 0;
        for (int i = 0; i < inputs.Count; i += 4)
        {
            for (int k = 0; k < 4; k++)
            {
                (xs[k], ys[k]) = inputs[Math.Min(i + k, inputs.Count - 1)];
            }

            (Vector256<double> value, Vector256<double> inDomain) = vector(Vector256.Create<double>(xs), Vector256.Create<double>(ys));
            for (int k = 0; k < 4; k++)
            {
                if (inDomain.AsInt64()[k] == 0)
                {
                    continue;
                }

                inDomainLanes++;
                if (BitConverter.DoubleToInt64Bits(value[k]) != BitConverter.DoubleToInt64Bits(glibc(xs[k], ys[k])))
                {
                    return false;
                }
            }
        }

        return 2 * inDomainLanes >= inputs.Count;
    }
}

using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// Pareto, Weibull, power and Rayleigh variates as NumPy makes them from one standard exponential:
/// <c>Generator</c>'s from the ziggurat exponential with <c>expm1</c> (<see cref="FdlibmMath.Expm1"/>, glibc's bits),
/// <c>RandomState</c>'s from <c>-log(1 - U)</c> with <c>exp(x) - 1</c>, as NumPy 1.16 wrote them. In bulk the
/// <c>pow</c> and <c>exp</c> calls run four lanes at a time through glibc's own algorithms where they serve
/// (<see cref="GlibcVectorMath.PowInPlace"/>, <see cref="GlibcVectorMath.MapInPlace"/>), with <see cref="Math"/>'s bits,
/// and <c>expm1</c> (and the legacy Rayleigh's <c>log1p</c>) through <see cref="FdlibmVectorMath"/>, with <see cref="FdlibmMath"/>'s bits.
/// </summary>
internal static class ExponentialTransforms
{
    /// <summary>NumPy's <c>random_pareto(a)</c>: <c>expm1(E / a)</c>.</summary>
    public static double Pareto<TSource>(ref TSource source, double a)
        where TSource : struct, IRawSource => FdlibmMath.Expm1(StandardExponential.Sample(ref source) / a);

    /// <summary>NumPy's <c>random_weibull(a)</c>: <c>E^(1/a)</c>, and 0 without a draw for a = 0.</summary>
    public static double Weibull<TSource>(ref TSource source, double a)
        where TSource : struct, IRawSource => a == 0.0 ? 0.0 : Math.Pow(StandardExponential.Sample(ref source), 1.0 / a);

    /// <summary>NumPy's <c>random_power(a)</c>: <c>(-expm1(-E))^(1/a)</c>.</summary>
    public static double Power<TSource>(ref TSource source, double a)
        where TSource : struct, IRawSource => Math.Pow(-FdlibmMath.Expm1(-StandardExponential.Sample(ref source)), 1.0 / a);

    /// <summary>NumPy's <c>random_rayleigh(mode)</c>: <c>mode * sqrt(2 E)</c>.</summary>
    public static double Rayleigh<TSource>(ref TSource source, double mode)
        where TSource : struct, IRawSource => mode * Math.Sqrt(2.0 * StandardExponential.Sample(ref source));

    /// <summary>
    /// Fills <paramref name="destination"/> with the values, and leaves the engine in the state, of one
    /// <paramref name="transform"/> per element: each takes exactly one exponential, so they come from the bulk
    /// exponential fill (the ziggurat's vector path, or the legacy one's bulk logarithms) and are transformed after.
    /// </summary>
    public static void Fill(BitGenerator engine, ExponentialTransform transform, double a, Span<double> destination)
    {
        if (a == 0.0 && transform is ExponentialTransform.Weibull or ExponentialTransform.LegacyWeibull)
        {
            // NumPy returns 0 without a draw.
            destination.Clear();
            return;
        }

        if (transform >= ExponentialTransform.LegacyPareto)
        {
            if (transform == ExponentialTransform.LegacyRayleigh)
            {
                // log1p(-U), not the exponential's log(1 - U): from the uniforms themselves.
                engine.Fill(destination);
                if (FdlibmVectorMath.IsSupported)
                {
                    GlibcVectorMath.MapInPlace(destination, new LegacyRayleighLanes(a));
                    return;
                }

                foreach (ref double u in destination)
                {
                    u = a * Math.Sqrt(-2.0 * FdlibmMath.Log1p(-u));
                }

                return;
            }

            Exponential.FillLegacy(engine, destination);
        }
        else
        {
            StandardExponential.Fill(engine, destination);
        }

        switch (transform)
        {
            case ExponentialTransform.Rayleigh:
                Rayleigh(destination, a);
                break;
            case ExponentialTransform.Pareto:
                if (FdlibmVectorMath.IsSupported)
                {
                    GlibcVectorMath.MapInPlace(destination, new ParetoLanes(a));
                    break;
                }

                foreach (ref double e in destination)
                {
                    e = FdlibmMath.Expm1(e / a);
                }

                break;
            case ExponentialTransform.LegacyPareto:
                if (GlibcVectorMath.ExpServes)
                {
                    GlibcVectorMath.MapInPlace(destination, new LegacyParetoLanes(a));
                    break;
                }

                foreach (ref double e in destination)
                {
                    e = Math.Exp(e / a) - 1;
                }

                break;
            case ExponentialTransform.Weibull or ExponentialTransform.LegacyWeibull:
                GlibcVectorMath.PowInPlace(destination, 1.0 / a);
                break;
            case ExponentialTransform.Power:
                if (FdlibmVectorMath.IsSupported)
                {
                    GlibcVectorMath.MapInPlace(destination, default(NegativeExpm1NegativeLanes));
                }
                else
                {
                    foreach (ref double e in destination)
                    {
                        e = -FdlibmMath.Expm1(-e);
                    }
                }

                GlibcVectorMath.PowInPlace(destination, 1.0 / a);
                break;
            default:
                if (GlibcVectorMath.ExpServes)
                {
                    GlibcVectorMath.MapInPlace(destination, default(OneMinusExpNegativeLanes));
                }
                else
                {
                    foreach (ref double e in destination)
                    {
                        e = 1 - Math.Exp(-e);
                    }
                }

                GlibcVectorMath.PowInPlace(destination, 1.0 / a);
                break;
        }
    }

    // mode * sqrt(2 E), four at a time: each operation is IEEE's, so the vector gives the scalar bits.
    private static void Rayleigh(Span<double> values, double mode)
    {
        ref double start = ref MemoryMarshal.GetReference(values);
        int i = 0;
        for (; i + 4 <= values.Length; i += 4)
        {
            Vector256<double> e = Vector256.LoadUnsafe(ref start, (nuint)i);
            (Vector256.Create(mode) * Vector256.Sqrt(Vector256.Create(2.0) * e)).StoreUnsafe(ref start, (nuint)i);
        }

        for (; i < values.Length; i++)
        {
            values[i] = mode * Math.Sqrt(2.0 * values[i]);
        }
    }

    // expm1(E / a) of random_pareto, four at a time.
    private readonly struct ParetoLanes(double a) : ILaneFunction
    {
        public Vector256<double> Apply(Vector256<double> x, out Vector256<double> exact) =>
            FdlibmVectorMath.Expm1(x / Vector256.Create(a), out exact);

        public double Apply(double x) => FdlibmMath.Expm1(x / a);
    }

    // legacy_rayleigh's mode * sqrt(-2 log1p(-U)) from its uniform, four at a time.
    private readonly struct LegacyRayleighLanes(double mode) : ILaneFunction
    {
        public Vector256<double> Apply(Vector256<double> u, out Vector256<double> exact) =>
            Vector256.Create(mode) * Vector256.Sqrt(Vector256.Create(-2.0) * FdlibmVectorMath.Log1p(-u, out exact));

        public double Apply(double u) => mode * Math.Sqrt(-2.0 * FdlibmMath.Log1p(-u));
    }

    // -expm1(-E), the base of random_power, four at a time.
    private readonly struct NegativeExpm1NegativeLanes : ILaneFunction
    {
        public Vector256<double> Apply(Vector256<double> x, out Vector256<double> exact) =>
            -FdlibmVectorMath.Expm1(-x, out exact);

        public double Apply(double x) => -FdlibmMath.Expm1(-x);
    }

    // exp(E / a) - 1 of legacy_pareto, four at a time through glibc's exp.
    private readonly struct LegacyParetoLanes(double a) : ILaneFunction
    {
        public Vector256<double> Apply(Vector256<double> x, out Vector256<double> exact) =>
            GlibcExpFma.Exp(x / Vector256.Create(a), out exact) - Vector256.Create(1.0);

        public double Apply(double x) => Math.Exp(x / a) - 1;
    }

    // 1 - exp(-E), the base of legacy_power, four at a time through glibc's exp.
    private readonly struct OneMinusExpNegativeLanes : ILaneFunction
    {
        public Vector256<double> Apply(Vector256<double> x, out Vector256<double> exact) =>
            Vector256.Create(1.0) - GlibcExpFma.Exp(-x, out exact);

        public double Apply(double x) => 1 - Math.Exp(-x);
    }

    /// <summary>NumPy's <c>legacy_pareto(a)</c>: <c>exp(E / a) - 1</c>.</summary>
    public static double LegacyPareto<TSource>(ref TSource source, double a)
        where TSource : struct, IRawSource => Math.Exp(Exponential.Legacy(ref source) / a) - 1;

    /// <summary>NumPy's <c>legacy_weibull(a)</c>.</summary>
    public static double LegacyWeibull<TSource>(ref TSource source, double a)
        where TSource : struct, IRawSource => a == 0.0 ? 0.0 : Math.Pow(Exponential.Legacy(ref source), 1.0 / a);

    /// <summary>NumPy's <c>legacy_power(a)</c>: <c>(1 - exp(-E))^(1/a)</c>.</summary>
    public static double LegacyPower<TSource>(ref TSource source, double a)
        where TSource : struct, IRawSource => Math.Pow(1 - Math.Exp(-Exponential.Legacy(ref source)), 1.0 / a);

    /// <summary>NumPy's <c>legacy_rayleigh(mode)</c>: <c>mode * sqrt(-2 log1p(-U))</c>.</summary>
    public static double LegacyRayleigh<TSource>(ref TSource source, double mode)
        where TSource : struct, IRawSource => mode * Math.Sqrt(-2.0 * FdlibmMath.Log1p(-source.NextDouble()));
}

/// <summary>Which of <see cref="ExponentialTransforms"/> a <see cref="ExponentialTransformSampler"/> draws.</summary>
internal enum ExponentialTransform
{
    Pareto,
    Weibull,
    Power,
    Rayleigh,
    LegacyPareto,
    LegacyWeibull,
    LegacyPower,
    LegacyRayleigh,
}

/// <summary>One of the <see cref="ExponentialTransforms"/> with its parameter, for bulk fills.</summary>
internal readonly struct ExponentialTransformSampler(ExponentialTransform transform, double parameter) : ISampler<double>
{
    public double Sample<TSource>(ref TSource source)
        where TSource : struct, IRawSource => transform switch
        {
            ExponentialTransform.Pareto => ExponentialTransforms.Pareto(ref source, parameter),
            ExponentialTransform.Weibull => ExponentialTransforms.Weibull(ref source, parameter),
            ExponentialTransform.Power => ExponentialTransforms.Power(ref source, parameter),
            ExponentialTransform.Rayleigh => ExponentialTransforms.Rayleigh(ref source, parameter),
            ExponentialTransform.LegacyPareto => ExponentialTransforms.LegacyPareto(ref source, parameter),
            ExponentialTransform.LegacyWeibull => ExponentialTransforms.LegacyWeibull(ref source, parameter),
            ExponentialTransform.LegacyPower => ExponentialTransforms.LegacyPower(ref source, parameter),
            _ => ExponentialTransforms.LegacyRayleigh(ref source, parameter),
        };
}

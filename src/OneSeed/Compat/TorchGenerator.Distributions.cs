using System.Buffers;
using System.Diagnostics;
using System.Numerics;
using OneSeed.Distributions;

namespace OneSeed.Compat;

// torch's CPU distribution samplers: Tensor.exponential_, torch.poisson, torch.binomial, torch._standard_gamma and
// torch._sample_dirichlet (aten/src/ATen/native/Distributions.cpp and Distributions.h, torch 1.13).
public sealed partial class TorchGenerator
{
    // ------------------------------------------------------------------ exponential

    /// <summary>
    /// <c>torch.empty(n).exponential_(lambd, generator=g)</c> (float32): <c>(-1 / lambd) * log(1 - u)</c> in double for a
    /// 53-bit uniform u per value (<c>at::exponential_distribution&lt;double&gt;</c>), rounded to float32.
    /// </summary>
    /// <remarks>Uses the platform's <c>log</c> through <see cref="Math.Log(double)"/>, as torch uses the C library's: glibc's bits on Linux (tier <b>stable</b> there).</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative, or <paramref name="lambd"/> is negative or NaN (torch: "exponential_ expects lambda &gt;= 0.0").</exception>
    public float[] Exponential(double lambd, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        CheckExponential(lambd);
        float[] result = ResultArrays.Uninitialized<float>(n);
        FillExponential(result, lambd);
        return result;
    }

    /// <summary><c>result.exponential_(lambd, generator=g)</c> on a float32 tensor: the values of <see cref="Exponential(double, int)"/>, written into the caller's memory.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambd"/> is negative or NaN.</exception>
    public void Exponential(double lambd, Span<float> result)
    {
        CheckExponential(lambd);
        FillExponential(result, lambd);
    }

    /// <summary><c>torch.empty(n, dtype=torch.float64).exponential_(lambd, generator=g)</c>: <c>(-1 / lambd) * log(1 - u)</c> for a 53-bit uniform u per value.</summary>
    /// <remarks>Uses the platform's <c>log</c>, as <see cref="Exponential(double, int)"/>.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative, or <paramref name="lambd"/> is negative or NaN.</exception>
    public double[] ExponentialDouble(double lambd, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        CheckExponential(lambd);
        double[] result = ResultArrays.Uninitialized<double>(n);
        FillExponentialDouble(result, lambd);
        return result;
    }

    /// <summary><c>result.exponential_(lambd, generator=g)</c> on a float64 tensor: the values of <see cref="ExponentialDouble(double, int)"/>, written into the caller's memory.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambd"/> is negative or NaN.</exception>
    public void ExponentialDouble(double lambd, Span<double> result)
    {
        CheckExponential(lambd);
        FillExponentialDouble(result, lambd);
    }

    private static void CheckExponential(double lambd)
    {
        if (!(lambd >= 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(lambd), lambd, $"exponential_ expects lambda >= 0.0, but found lambda={lambd:R}.");
        }
    }

    private void FillExponentialDouble(Span<double> result, double lambd)
    {
        // Uniforms then logarithms chunk by chunk: the same draws in the same order, each chunk still in L1.
        for (int start = 0; start < result.Length; start += UniformChunk)
        {
            Span<double> chunk = result.Slice(start, Math.Min(UniformChunk, result.Length - start));
            FillUniformDouble(chunk);
            TorchExponential.FromUniforms(chunk, lambd);
        }
    }

    private void FillExponential(Span<float> result, double lambd)
    {
        Span<double> buffer = stackalloc double[Math.Min(UniformChunk, result.Length)];
        for (int start = 0; start < result.Length; start += UniformChunk)
        {
            Span<double> chunk = buffer[..Math.Min(UniformChunk, result.Length - start)];
            FillUniformDouble(chunk);
            TorchExponential.FromUniforms(chunk, lambd);
            Span<float> target = result.Slice(start, chunk.Length);
            for (int i = 0; i < chunk.Length; i++)
            {
                target[i] = (float)chunk[i];
            }
        }
    }

    // ------------------------------------------------------------------ Poisson

    /// <summary>
    /// <c>torch.poisson(rates, generator=g)</c> for a float64 tensor of rates (torch's CPU <c>_s_poisson_cpu</c>): per
    /// rate, Hörmann's transformed rejection from 10 on (with the C library's <c>lgamma</c>), the multiplication
    /// method below 10, 0 without a draw for 0; the counts as float64.
    /// </summary>
    /// <remarks>
    /// A rate whose count does not fit an <c>int64_t</c> (+∞, or above about 9.2e18) gives −9223372036854775808, as
    /// torch's conversion gives on x86-64. Uses glibc's <c>log</c>, <c>exp</c> and <c>lgamma</c> (the last transcribed in
    /// <see cref="GlibcLogGamma"/>): tier <b>stable</b> on Linux.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A rate is negative or NaN (torch: "invalid Poisson rate, expected rate to be non-negative"); nothing is drawn.</exception>
    public double[] Poisson(ReadOnlySpan<double> rates)
    {
        double[] result = ResultArrays.Uninitialized<double>(rates.Length);
        Poisson(rates, result);
        return result;
    }

    /// <summary><c>torch.poisson(rates, generator=g, out=result)</c>: the values of <see cref="Poisson(ReadOnlySpan{double})"/>, written into the caller's memory.</summary>
    /// <exception cref="ArgumentException"><paramref name="result"/> is not as long as <paramref name="rates"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rate is negative or NaN; nothing is drawn.</exception>
    public void Poisson(ReadOnlySpan<double> rates, Span<double> result) => PoissonInto(rates, result);

    /// <summary><c>torch.poisson(rates, generator=g)</c> for a float32 tensor: each rate widened to double, the count rounded to float32.</summary>
    /// <remarks>See <see cref="Poisson(ReadOnlySpan{double})"/>.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A rate is negative or NaN; nothing is drawn.</exception>
    public float[] Poisson(ReadOnlySpan<float> rates)
    {
        float[] result = ResultArrays.Uninitialized<float>(rates.Length);
        Poisson(rates, result);
        return result;
    }

    /// <summary><c>torch.poisson(rates, generator=g, out=result)</c> for float32: the values of <see cref="Poisson(ReadOnlySpan{float})"/>, written into the caller's memory.</summary>
    /// <exception cref="ArgumentException"><paramref name="result"/> is not as long as <paramref name="rates"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rate is negative or NaN; nothing is drawn.</exception>
    public void Poisson(ReadOnlySpan<float> rates, Span<float> result) => PoissonInto(rates, result);

    private void PoissonInto<T>(ReadOnlySpan<T> rates, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckSameLength(rates.Length, result.Length, nameof(result));
        for (int i = 0; i < rates.Length; i++)
        {
            if (!(rates[i] >= T.Zero))
            {
                throw new ArgumentOutOfRangeException(nameof(rates), rates[i], $"invalid Poisson rate, expected rate to be non-negative (rates[{i}] = {rates[i]}).");
            }
        }

        // Every positive rate takes at least one uniform and a zero rate none: that many may be drawn ahead, in bulk.
        int positive = 0;
        foreach (T rate in rates)
        {
            positive += rate > T.Zero ? 1 : 0;
        }

        // The rate widened to double, the int64 count converted to the dtype (once, correctly rounded, as C++ does).
        double[] buffer = ArrayPool<double>.Shared.Rent(UniformChunk);
        var variates = new UniformsDrawnAhead(this, buffer);
        var sampler = new TorchPoisson(0);
        for (int i = 0; i < rates.Length; i++)
        {
            double lambda = double.CreateTruncating(rates[i]);
            if (lambda > 0)
            {
                variates.DrawAheadIfEmpty(positive--);
            }

            // A rate equal to the previous one (bit for bit, so +0 and -0 are not confused) reuses its constants.
            if (BitConverter.DoubleToInt64Bits(lambda) != BitConverter.DoubleToInt64Bits(sampler.Lambda))
            {
                sampler = new TorchPoisson(lambda);
            }

            result[i] = T.CreateTruncating(sampler.Sample(ref variates));
        }

        ArrayPool<double>.Shared.Return(buffer);
    }

    // ------------------------------------------------------------------ binomial

    /// <summary>
    /// <c>torch.binomial(counts, probs, generator=g)</c> for float64 tensors (torch's CPU <c>_s_binomial_cpu</c>): 0 for a
    /// count or probability ≤ 0, the count for p ≥ 1, else BTRS where count·p ≥ 10 and the inversion of geometric
    /// waiting times below, both on 1 − p (subtracted from the count) when p &gt; 0.5; NaN for a NaN probability.
    /// </summary>
    /// <remarks>
    /// Torch checks nothing here. OneSeed refuses a NaN count, on which torch loops forever for 0 &lt; p &lt; 1. Uses
    /// glibc's <c>log</c>, <c>log1p</c> (<see cref="FdlibmMath.Log1p"/>) and <c>sqrt</c>: tier <b>stable</b> on Linux.
    /// </remarks>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is NaN; nothing is drawn.</exception>
    public double[] Binomial(ReadOnlySpan<double> counts, ReadOnlySpan<double> probs)
    {
        double[] result = ResultArrays.Uninitialized<double>(counts.Length);
        Binomial(counts, probs, result);
        return result;
    }

    /// <summary><c>torch.binomial(counts, probs, generator=g)</c> into the caller's memory: the values of <see cref="Binomial(ReadOnlySpan{double}, ReadOnlySpan{double})"/>.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is NaN; nothing is drawn.</exception>
    public void Binomial(ReadOnlySpan<double> counts, ReadOnlySpan<double> probs, Span<double> result) =>
        BinomialInto<TorchFloat64, double>(counts, probs, result);

    /// <summary>
    /// <c>torch.binomial(counts, probs, generator=g)</c> for float32 tensors: the float64 algorithm with count,
    /// probability and the quantities torch keeps in <c>scalar_t</c> (n·p, √(n·p·(1−p)), p/(1−p), the tail counts) in
    /// float32, and glibc's <c>log1pf</c> (<see cref="FdlibmMathF.Log1pF"/>) for the inversion.
    /// </summary>
    /// <remarks>See <see cref="Binomial(ReadOnlySpan{double}, ReadOnlySpan{double})"/>.</remarks>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is NaN; nothing is drawn.</exception>
    public float[] Binomial(ReadOnlySpan<float> counts, ReadOnlySpan<float> probs)
    {
        float[] result = ResultArrays.Uninitialized<float>(counts.Length);
        Binomial(counts, probs, result);
        return result;
    }

    /// <summary><c>torch.binomial(counts, probs, generator=g)</c> for float32 into the caller's memory: the values of <see cref="Binomial(ReadOnlySpan{float}, ReadOnlySpan{float})"/>.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is NaN; nothing is drawn.</exception>
    public void Binomial(ReadOnlySpan<float> counts, ReadOnlySpan<float> probs, Span<float> result) =>
        BinomialInto<TorchFloat32, float>(counts, probs, result);

    private void BinomialInto<TScalar, T>(ReadOnlySpan<T> counts, ReadOnlySpan<T> probs, Span<T> result)
        where TScalar : struct, ITorchScalar
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckSameLength(counts.Length, probs.Length, nameof(probs));
        CheckSameLength(counts.Length, result.Length, nameof(result));
        for (int i = 0; i < counts.Length; i++)
        {
            if (T.IsNaN(counts[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(counts), counts[i], $"counts[{i}] is NaN: torch's binomial sampler never finishes on it, so it is refused.");
            }
        }

        var variates = new Variates(this);
        for (int i = 0; i < counts.Length; i++)
        {
            result[i] = T.CreateTruncating(TorchBinomial<TScalar>.Sample(ref variates, double.CreateTruncating(counts[i]), double.CreateTruncating(probs[i])));
        }
    }

    // ------------------------------------------------------------------ gamma and Dirichlet

    /// <summary>
    /// <c>torch._standard_gamma(alpha, generator=g)</c> for a float64 tensor (torch's CPU <c>_s_gamma_cpu</c>, what
    /// <c>torch.distributions.Gamma(...).sample()</c> calls): Marsaglia–Tsang on torch's cached double normals and 53-bit
    /// uniforms, α &lt; 1 boosted by <c>pow(1 − u, 1/α)</c>, every value clamped below to the smallest normal double.
    /// </summary>
    /// <remarks>
    /// Torch checks nothing, and neither does this: α = 0 gives the smallest normal without a draw, a NaN or negative α
    /// gives what torch's arithmetic gives. Uses glibc's <c>pow</c>, <c>log</c>, <c>sqrt</c>, <c>sin</c> and <c>cos</c>:
    /// tier <b>stable</b> on Linux.
    /// </remarks>
    public double[] StandardGamma(ReadOnlySpan<double> alpha)
    {
        double[] result = ResultArrays.Uninitialized<double>(alpha.Length);
        StandardGamma(alpha, result);
        return result;
    }

    /// <summary><c>torch._standard_gamma(alpha, generator=g)</c> into the caller's memory: the values of <see cref="StandardGamma(ReadOnlySpan{double})"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="result"/> is not as long as <paramref name="alpha"/>.</exception>
    public void StandardGamma(ReadOnlySpan<double> alpha, Span<double> result) => StandardGammaInto<TorchFloat64, double>(alpha, result);

    /// <summary>
    /// <c>torch._standard_gamma(alpha, generator=g)</c> for a float32 tensor: the float64 algorithm with α, 1/α and the
    /// boosted α + 1 in float32 (torch's <c>scalar_t</c>), the variate rounded to float32 and clamped below to the smallest
    /// normal float.
    /// </summary>
    /// <remarks>See <see cref="StandardGamma(ReadOnlySpan{double})"/>.</remarks>
    public float[] StandardGamma(ReadOnlySpan<float> alpha)
    {
        float[] result = ResultArrays.Uninitialized<float>(alpha.Length);
        StandardGamma(alpha, result);
        return result;
    }

    /// <summary><c>torch._standard_gamma(alpha, generator=g)</c> for float32 into the caller's memory: the values of <see cref="StandardGamma(ReadOnlySpan{float})"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="result"/> is not as long as <paramref name="alpha"/>.</exception>
    public void StandardGamma(ReadOnlySpan<float> alpha, Span<float> result) => StandardGammaInto<TorchFloat32, float>(alpha, result);

    private void StandardGammaInto<TScalar, T>(ReadOnlySpan<T> alpha, Span<T> result)
        where TScalar : struct, ITorchScalar
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckSameLength(alpha.Length, result.Length, nameof(result));
        var variates = new Variates(this);
        for (int i = 0; i < alpha.Length; i++)
        {
            double sample = TorchGamma<TScalar>.Sample(ref variates, double.CreateTruncating(alpha[i]));
            result[i] = T.CreateTruncating(TorchGamma<TScalar>.ClampToMinNormal(sample));
        }
    }

    /// <summary>
    /// <c>torch._sample_dirichlet(alpha, generator=g)</c> for a float64 tensor of shape [rows, k] (torch's CPU
    /// <c>_s_dirichlet_cpu</c>, what <c>torch.distributions.Dirichlet(alpha).sample()</c> and <c>Beta</c> call): a double
    /// gamma per entry in row-major order (clamped below to the smallest normal double), each row divided by its sum as
    /// torch's CPU <c>sum(-1)</c> adds it up, every value clamped to [smallest normal, largest value below 1].
    /// </summary>
    /// <remarks>
    /// Torch checks nothing (see <see cref="StandardGamma(ReadOnlySpan{double})"/>). The row sums are those of torch with
    /// its AVX2 kernels (any x86-64 CPU with AVX2) and, for a single row of 32768 or more values, one intra-op thread.
    /// Tier <b>stable</b> on Linux (glibc's <c>pow</c>, <c>log</c>, <c>sqrt</c>, <c>sin</c>, <c>cos</c>).
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="alpha"/> is null.</exception>
    public double[,] Dirichlet(double[,] alpha)
    {
        ArgumentNullException.ThrowIfNull(alpha);
        var result = new double[alpha.GetLength(0), alpha.GetLength(1)];
        FillDirichlet<TorchFloat64, double>(NumPyGenerator.Flat<double>(alpha), NumPyGenerator.Flat<double>(result), alpha.GetLength(1));
        return result;
    }

    /// <summary><c>torch._sample_dirichlet(alpha, generator=g)</c> for a one-dimensional float64 tensor: one row of <see cref="Dirichlet(double[,])"/>, into the caller's memory.</summary>
    /// <exception cref="ArgumentException"><paramref name="result"/> is not as long as <paramref name="alpha"/>.</exception>
    public void Dirichlet(ReadOnlySpan<double> alpha, Span<double> result)
    {
        CheckSameLength(alpha.Length, result.Length, nameof(result));
        FillDirichlet<TorchFloat64, double>(alpha, result, alpha.Length);
    }

    /// <summary>
    /// <c>torch._sample_dirichlet(alpha, generator=g)</c> for a float32 tensor of shape [rows, k]: the gammas in double
    /// from the widened α (as torch), each quotient rounded to float32 and clamped to [smallest normal float, 1 − 2^-24].
    /// </summary>
    /// <remarks>See <see cref="Dirichlet(double[,])"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="alpha"/> is null.</exception>
    public float[,] Dirichlet(float[,] alpha)
    {
        ArgumentNullException.ThrowIfNull(alpha);
        var result = new float[alpha.GetLength(0), alpha.GetLength(1)];
        FillDirichlet<TorchFloat32, float>(NumPyGenerator.Flat<float>(alpha), NumPyGenerator.Flat<float>(result), alpha.GetLength(1));
        return result;
    }

    /// <summary><c>torch._sample_dirichlet(alpha, generator=g)</c> for a one-dimensional float32 tensor: one row of <see cref="Dirichlet(float[,])"/>, into the caller's memory.</summary>
    /// <exception cref="ArgumentException"><paramref name="result"/> is not as long as <paramref name="alpha"/>.</exception>
    public void Dirichlet(ReadOnlySpan<float> alpha, Span<float> result)
    {
        CheckSameLength(alpha.Length, result.Length, nameof(result));
        FillDirichlet<TorchFloat32, float>(alpha, result, alpha.Length);
    }

    private void FillDirichlet<TScalar, T>(ReadOnlySpan<T> alpha, Span<T> result, int k)
        where TScalar : struct, ITorchScalar
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (k == 0)
        {
            return;
        }

        double[] rented = ArrayPool<double>.Shared.Rent(2 * k);
        Span<double> row = rented.AsSpan(0, k);
        Span<double> widened = rented.AsSpan(k, k);
        var variates = new Variates(this);
        for (int start = 0; start < alpha.Length; start += k)
        {
            for (int j = 0; j < k; j++)
            {
                widened[j] = double.CreateTruncating(alpha[start + j]);
            }

            TorchDirichlet.DrawGammas(ref variates, widened, row);
            TorchDirichlet.Normalize<TScalar>(row);
            for (int j = 0; j < k; j++)
            {
                result[start + j] = T.CreateTruncating(row[j]);
            }
        }

        ArrayPool<double>.Shared.Return(rented);
    }

    // ------------------------------------------------------------------ shared

    /// <summary>
    /// The uniforms of a sampler that draws nothing else, taken from a chunk drawn ahead through the bulk path and then
    /// from the engine. A chunk never holds more uniforms than the values still to sample will certainly take (the
    /// caller's lower bound), so the generator ends where drawing one at a time leaves it.
    /// </summary>
    private struct UniformsDrawnAhead(TorchGenerator generator, double[] buffer) : ITorchVariates
    {
        private int _position;
        private int _length;

        /// <summary>If the chunk is used up, draws the next one: at most <paramref name="certainDraws"/> uniforms.</summary>
        public void DrawAheadIfEmpty(int certainDraws)
        {
            if (_position == _length)
            {
                _length = Math.Min(buffer.Length, certainDraws);
                _position = 0;
                generator.FillUniformDouble(buffer.AsSpan(0, _length));
            }
        }

        public double NextDouble() => _position < _length ? buffer[_position++] : generator.NextUniformDouble();

        public readonly double NextStandardNormal() => throw new UnreachableException("Only samplers that draw uniforms alone read drawn-ahead uniforms.");
    }

    /// <summary>The draws of torch's samplers from this generator: 53-bit uniforms and the cached double normal.</summary>
    private readonly struct Variates(TorchGenerator generator) : ITorchVariates
    {
        public double NextDouble() => generator.NextUniformDouble();

        public double NextStandardNormal() => generator.ScalarNormal(0.0, 1.0);
    }
}

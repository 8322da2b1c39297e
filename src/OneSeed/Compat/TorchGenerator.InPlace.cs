using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using OneSeed.Distributions;

namespace OneSeed.Compat;

/// <summary>The in-place samplers of a torch tensor (<c>uniform_</c>, <c>geometric_</c>, <c>log_normal_</c>, <c>cauchy_</c>, <c>random_</c>, <c>bernoulli</c>).</summary>
public sealed partial class TorchGenerator
{
    // Doubles per scratch chunk where the output is not float64 (4 KiB: it stays in L1 with the output it feeds).
    private const int ScratchLength = 512;

    /// <summary>A transform of torch's CPU kernels that fills doubles with one value per element, in draw order.</summary>
    private interface IDoubleSampler
    {
        void Fill(TorchGenerator generator, Span<double> values);
    }

    // ------------------------------------------------------------------ uniform_

    /// <summary>
    /// <c>result.uniform_(from, to, generator=g)</c> on a float32 tensor of <paramref name="result"/>.Length values: the
    /// values of <see cref="Uniform(double, double, int)"/> (<c>u * (to - from) + from</c> in float32, fused), written
    /// into the caller's memory. Reproducibility tier: stable.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is outside the float32 range, <paramref name="from"/> &gt; <paramref name="to"/>, or the float32 range overflows.</exception>
    public void Uniform(double from, double to, Span<float> result)
    {
        CheckUniformRange(from, to, float.MaxValue);
        float low = (float)from;
        float range = (float)to - low;
        for (int start = 0; start < result.Length; start += UniformChunk)
        {
            Span<float> chunk = result.Slice(start, Math.Min(UniformChunk, result.Length - start));
            FillUniformFloat(chunk);
            ScaleFused(chunk, range, low);
        }
    }

    /// <summary>
    /// <c>result.uniform_(from, to, generator=g)</c> on a float64 tensor: the values of
    /// <see cref="UniformDouble(double, double, int)"/> (<c>u * (to - from) + from</c>, fused), written into the
    /// caller's memory. Reproducibility tier: stable.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, <paramref name="from"/> &gt; <paramref name="to"/>, or the range overflows.</exception>
    public void UniformDouble(double from, double to, Span<double> result)
    {
        CheckUniformRange(from, to, double.MaxValue);
        double range = to - from;
        for (int start = 0; start < result.Length; start += UniformChunk)
        {
            Span<double> chunk = result.Slice(start, Math.Min(UniformChunk, result.Length - start));
            FillUniformDouble(chunk);
            ScaleFused(chunk, range, from);
        }
    }

    // ------------------------------------------------------------------ geometric_

    /// <summary>
    /// <c>torch.empty(n).geometric_(p, generator=g)</c> (float32): per value one 53-bit uniform u and
    /// <c>ceil(log(u) / log(1 - p))</c> in double precision (torch's <c>geometric_distribution&lt;double&gt;</c> for every
    /// dtype), rounded to float32. Reproducibility tier: stable on glibc (its <c>log</c>; see docs/torch.md).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative or <paramref name="p"/> is not in (0, 1).</exception>
    public float[] Geometric(double p, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        CheckGeometric(p);
        float[] result = ResultArrays.Uninitialized<float>(n);
        FillSingles(new GeometricSampler(p), result);
        return result;
    }

    /// <summary><c>result.geometric_(p, generator=g)</c> on a float32 tensor: the values of <see cref="Geometric(double, int)"/>, written into the caller's memory.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not in (0, 1).</exception>
    public void Geometric(double p, Span<float> result)
    {
        CheckGeometric(p);
        FillSingles(new GeometricSampler(p), result);
    }

    /// <summary><c>torch.empty(n, dtype=torch.float64).geometric_(p, generator=g)</c>: as <see cref="Geometric(double, int)"/>, kept in double precision.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative or <paramref name="p"/> is not in (0, 1).</exception>
    public double[] GeometricDouble(double p, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        CheckGeometric(p);
        double[] result = ResultArrays.Uninitialized<double>(n);
        FillDoubles(new GeometricSampler(p), result);
        return result;
    }

    /// <summary><c>result.geometric_(p, generator=g)</c> on a float64 tensor: the values of <see cref="GeometricDouble(double, int)"/>, written into the caller's memory.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not in (0, 1).</exception>
    public void GeometricDouble(double p, Span<double> result)
    {
        CheckGeometric(p);
        FillDoubles(new GeometricSampler(p), result);
    }

    /// <summary>
    /// <c>torch.empty(n, dtype=torch.int64).geometric_(p, generator=g)</c>: the double values of
    /// <see cref="GeometricDouble(double, int)"/> cast to int64 as torch's x86-64 build casts them (truncation;
    /// <see cref="long.MinValue"/> where the value is infinite or beyond the int64 range, as for a p so small that
    /// 1 - p rounds to 1).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative or <paramref name="p"/> is not in (0, 1).</exception>
    public long[] GeometricInt64(double p, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        CheckGeometric(p);
        long[] result = ResultArrays.Uninitialized<long>(n);
        FillInt64s(new GeometricSampler(p), result);
        return result;
    }

    /// <summary><c>result.geometric_(p, generator=g)</c> on an int64 tensor: the values of <see cref="GeometricInt64(double, int)"/>, written into the caller's memory.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not in (0, 1).</exception>
    public void GeometricInt64(double p, Span<long> result)
    {
        CheckGeometric(p);
        FillInt64s(new GeometricSampler(p), result);
    }

    // ------------------------------------------------------------------ log_normal_

    /// <summary>
    /// <c>torch.empty(n).log_normal_(mean, std, generator=g)</c> (float32): per value one deviate of torch's scalar
    /// double Box–Muller (<c>normal_distribution&lt;double&gt;</c>, which shares the generator's cached double normal
    /// with <see cref="Randn(int)"/> below 16 values), then <c>exp(z * std + mean)</c> (fused) in double precision,
    /// rounded to float32. Reproducibility tier: stable on glibc (<c>log</c>, <c>sincos</c>, <c>exp</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative or <paramref name="std"/> is not &gt; 0 (torch accepts any mean, and an infinite std).</exception>
    public float[] LogNormal(double mean, double std, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        CheckLogNormal(std);
        float[] result = ResultArrays.Uninitialized<float>(n);
        FillSingles(new LogNormalSampler(mean, std), result);
        return result;
    }

    /// <summary><c>result.log_normal_(mean, std, generator=g)</c> on a float32 tensor: the values of <see cref="LogNormal(double, double, int)"/>, written into the caller's memory.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="std"/> is not &gt; 0.</exception>
    public void LogNormal(double mean, double std, Span<float> result)
    {
        CheckLogNormal(std);
        FillSingles(new LogNormalSampler(mean, std), result);
    }

    /// <summary><c>torch.empty(n, dtype=torch.float64).log_normal_(mean, std, generator=g)</c>: as <see cref="LogNormal(double, double, int)"/>, kept in double precision.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative or <paramref name="std"/> is not &gt; 0.</exception>
    public double[] LogNormalDouble(double mean, double std, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        CheckLogNormal(std);
        double[] result = ResultArrays.Uninitialized<double>(n);
        FillDoubles(new LogNormalSampler(mean, std), result);
        return result;
    }

    /// <summary><c>result.log_normal_(mean, std, generator=g)</c> on a float64 tensor: the values of <see cref="LogNormalDouble(double, double, int)"/>, written into the caller's memory.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="std"/> is not &gt; 0.</exception>
    public void LogNormalDouble(double mean, double std, Span<double> result)
    {
        CheckLogNormal(std);
        FillDoubles(new LogNormalSampler(mean, std), result);
    }

    // ------------------------------------------------------------------ cauchy_

    /// <summary>
    /// <c>torch.empty(n).cauchy_(median, sigma, generator=g)</c> (float32): per value one 53-bit uniform u and
    /// <c>median + sigma * tan(pi * (u - 0.5))</c> (fused) in double precision, rounded to float32. torch checks neither
    /// parameter, so neither does this (a negative or NaN sigma gives what torch gives). Reproducibility tier: stable
    /// on glibc (its <c>tan</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public float[] Cauchy(double median, double sigma, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        float[] result = ResultArrays.Uninitialized<float>(n);
        FillSingles(new CauchySampler(median, sigma), result);
        return result;
    }

    /// <summary><c>result.cauchy_(median, sigma, generator=g)</c> on a float32 tensor: the values of <see cref="Cauchy(double, double, int)"/>, written into the caller's memory.</summary>
    public void Cauchy(double median, double sigma, Span<float> result) => FillSingles(new CauchySampler(median, sigma), result);

    /// <summary><c>torch.empty(n, dtype=torch.float64).cauchy_(median, sigma, generator=g)</c>: as <see cref="Cauchy(double, double, int)"/>, kept in double precision.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public double[] CauchyDouble(double median, double sigma, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        double[] result = ResultArrays.Uninitialized<double>(n);
        FillDoubles(new CauchySampler(median, sigma), result);
        return result;
    }

    /// <summary><c>result.cauchy_(median, sigma, generator=g)</c> on a float64 tensor: the values of <see cref="CauchyDouble(double, double, int)"/>, written into the caller's memory.</summary>
    public void CauchyDouble(double median, double sigma, Span<double> result) => FillDoubles(new CauchySampler(median, sigma), result);

    // ------------------------------------------------------------------ random_

    /// <summary>
    /// <c>torch.empty(n, dtype=torch.int64).random_(from, to, generator=g)</c>: <c>from + draw % (to - from)</c>, the
    /// draw 32 bits for a range below 2^32 and 64 bits otherwise (the same values as <see cref="RandInt(long, long, int)"/>).
    /// <paramref name="to"/> null is torch's <c>to=None</c>: [from, 2^63 - 1], and for from = -2^63 the 64-bit draw
    /// itself. torch's <c>random_(to)</c> is <c>RandomFromTo(0, to, ...)</c>. Reproducibility tier: stable.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative or <paramref name="from"/> ≥ <paramref name="to"/>.</exception>
    public long[] RandomFromTo(long from, long? to, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        (ulong range, long low) = TorchRandomRange.ResolveInt64(from, to);
        long[] result = ResultArrays.Uninitialized<long>(n);
        FillRandomRange(range, low, result.AsSpan());
        return result;
    }

    /// <summary><c>result.random_(from, to, generator=g)</c> on an int64 tensor: the values of <see cref="RandomFromTo(long, long?, int)"/>, written into the caller's memory.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> ≥ <paramref name="to"/>.</exception>
    public void RandomFromTo(long from, long? to, Span<long> result)
    {
        (ulong range, long low) = TorchRandomRange.ResolveInt64(from, to);
        FillRandomRange(range, low, result);
    }

    /// <summary>
    /// <c>result.random_(from, to, generator=g)</c> on a float32 tensor. As torch: <paramref name="from"/> and
    /// <paramref name="to"/> are first moved to the nearest integers that survive the cast to float32
    /// (<c>update_from</c>/<c>update_to</c>), then each value is the int64 <c>from + draw % range</c> rounded to float32
    /// (which can round up to <paramref name="to"/> beyond 2^24, as in torch). <paramref name="to"/> null: [from, 2^24].
    /// Reproducibility tier: stable.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> ≥ <paramref name="to"/> (before or after the cast), or with <paramref name="to"/> null, <paramref name="from"/> &gt; 2^24.</exception>
    public void RandomFromTo(long from, long? to, Span<float> result)
    {
        (ulong range, long low) = TorchRandomRange.ResolveFloating(from, to, TorchRandomRange.SingleDigits);
        FillRandomRange(range, low, result);
    }

    /// <summary>
    /// <c>result.random_(from, to, generator=g)</c> on a float64 tensor: as the float32 form with float64's 53 digits
    /// (<paramref name="to"/> null: [from, 2^53]). Reproducibility tier: stable.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> ≥ <paramref name="to"/> (before or after the cast), or with <paramref name="to"/> null, <paramref name="from"/> &gt; 2^53.</exception>
    public void RandomFromTo(long from, long? to, Span<double> result)
    {
        (ulong range, long low) = TorchRandomRange.ResolveFloating(from, to, TorchRandomRange.DoubleDigits);
        FillRandomRange(range, low, result);
    }

    /// <summary><c>torch.empty(n, dtype=torch.int64).random_(generator=g)</c>: n values of <see cref="Random()"/> (64-bit draws modulo 2^63). Reproducibility tier: stable.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public long[] Random(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        long[] result = ResultArrays.Uninitialized<long>(n);
        Random(result.AsSpan());
        return result;
    }

    /// <summary><c>result.random_(generator=g)</c> on an int64 tensor: the values of <see cref="Random(int)"/>, written into the caller's memory.</summary>
    public void Random(Span<long> result) => FillRandomRange(1UL << 63, 0, result);

    /// <summary><c>result.random_(generator=g)</c> on a float32 tensor: a 32-bit draw modulo 2^24 + 1 per value, in [0, 2^24]. Reproducibility tier: stable.</summary>
    public void Random(Span<float> result) => FillRandomRange(TorchRandomRange.PlainRange(TorchRandomRange.SingleDigits), 0, result);

    /// <summary><c>result.random_(generator=g)</c> on a float64 tensor: a 64-bit draw modulo 2^53 + 1 per value, in [0, 2^53]. Reproducibility tier: stable.</summary>
    public void Random(Span<double> result) => FillRandomRange(TorchRandomRange.PlainRange(TorchRandomRange.DoubleDigits), 0, result);

    // ------------------------------------------------------------------ bernoulli

    /// <summary>
    /// <c>torch.bernoulli(p, generator=g)</c> for a float64 tensor of probabilities: per value one 53-bit uniform u
    /// and 1 if u &lt; p[i], else 0, as float64 (torch's output dtype is p's). Reproducibility tier: stable.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A probability is not in [0, 1] (torch refuses it too, but only after drawing the values before it).</exception>
    public double[] Bernoulli(ReadOnlySpan<double> p)
    {
        CheckProbabilities(p);
        double[] result = ResultArrays.Uninitialized<double>(p.Length);
        BernoulliChecked(p, result);
        return result;
    }

    /// <summary><c>torch.bernoulli(p, generator=g, out=result)</c> for float64 probabilities: the values of <see cref="Bernoulli(ReadOnlySpan{double})"/>, written into the caller's memory (which may be <paramref name="p"/> itself).</summary>
    /// <exception cref="ArgumentException"><paramref name="result"/> and <paramref name="p"/> differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A probability is not in [0, 1].</exception>
    public void Bernoulli(ReadOnlySpan<double> p, Span<double> result)
    {
        CheckSameLength(p.Length, result.Length, nameof(result));
        CheckProbabilities(p);
        BernoulliChecked(p, result);
    }

    /// <summary>
    /// <c>torch.bernoulli(p, generator=g)</c> for a float32 tensor of probabilities: torch then draws float32 uniforms
    /// (24 bits of one 32-bit draw, half the draws of the float64 form) and returns 1 if u &lt; p[i], else 0, as float32.
    /// Reproducibility tier: stable.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A probability is not in [0, 1].</exception>
    public float[] Bernoulli(ReadOnlySpan<float> p)
    {
        CheckProbabilities(p);
        float[] result = ResultArrays.Uninitialized<float>(p.Length);
        BernoulliChecked(p, result);
        return result;
    }

    /// <summary><c>torch.bernoulli(p, generator=g, out=result)</c> for float32 probabilities: the values of <see cref="Bernoulli(ReadOnlySpan{float})"/>, written into the caller's memory (which may be <paramref name="p"/> itself).</summary>
    /// <exception cref="ArgumentException"><paramref name="result"/> and <paramref name="p"/> differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A probability is not in [0, 1].</exception>
    public void Bernoulli(ReadOnlySpan<float> p, Span<float> result)
    {
        CheckSameLength(p.Length, result.Length, nameof(result));
        CheckProbabilities(p);
        BernoulliChecked(p, result);
    }

    /// <summary>
    /// <c>result.bernoulli_(p, generator=g)</c> on a float32 tensor with a scalar p: the draws of
    /// <see cref="Bernoulli(double, int)"/> (a 53-bit uniform per value, whatever the dtype; torch builds without MKL),
    /// as 0 and 1 in float32. Reproducibility tier: stable.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not in [0, 1].</exception>
    public void Bernoulli(double p, Span<float> result)
    {
        CheckProbability(p);
        Span<double> u = stackalloc double[ScratchLength];
        for (int start = 0; start < result.Length; start += ScratchLength)
        {
            Span<float> chunk = result.Slice(start, Math.Min(ScratchLength, result.Length - start));
            Span<double> draws = u[..chunk.Length];
            FillUniformDouble(draws);
            for (int i = 0; i < chunk.Length; i++)
            {
                chunk[i] = draws[i] < p ? 1f : 0f;
            }
        }
    }

    /// <summary><c>result.bernoulli_(p, generator=g)</c> on a float64 tensor with a scalar p: as <see cref="Bernoulli(double, Span{float})"/>, in float64.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not in [0, 1].</exception>
    public void BernoulliDouble(double p, Span<double> result)
    {
        CheckProbability(p);
        for (int start = 0; start < result.Length; start += UniformChunk)
        {
            Span<double> chunk = result.Slice(start, Math.Min(UniformChunk, result.Length - start));
            FillUniformDouble(chunk);
            foreach (ref double u in chunk)
            {
                u = u < p ? 1.0 : 0.0;
            }
        }
    }

    // ------------------------------------------------------------------ internals

    /// <summary>
    /// The raw deviates z of <paramref name="values"/>.Length successive calls of torch's
    /// <c>normal_distribution&lt;double&gt;</c> (before <c>z * std + mean</c>): the cached double normal first if there is
    /// one, then Box–Muller pairs (cos, sin) over two 53-bit uniforms each, and for an odd count the last pair's sine
    /// cached, as torch leaves it.
    /// </summary>
    private void FillScalarNormals(Span<double> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        if (_nextDoubleNormal is double cached)
        {
            values[0] = cached;
            _nextDoubleNormal = null;
            values = values[1..];
        }

        Span<double> pairs = values[..(values.Length & ~1)];
        for (int start = 0; start < pairs.Length; start += UniformChunk)
        {
            Span<double> chunk = pairs.Slice(start, Math.Min(UniformChunk, pairs.Length - start));
            FillUniformDouble(chunk);
            TorchBoxMuller.PairsInPlace(chunk);
        }

        if (values.Length != pairs.Length)
        {
            Span<double> last = stackalloc double[2];
            FillUniformDouble(last);
            TorchBoxMuller.PairsInPlace(last);
            values[^1] = last[0];
            _nextDoubleNormal = last[1];
        }
    }

    private void FillDoubles<TSampler>(TSampler sampler, Span<double> result)
        where TSampler : struct, IDoubleSampler
    {
        for (int start = 0; start < result.Length; start += UniformChunk)
        {
            sampler.Fill(this, result.Slice(start, Math.Min(UniformChunk, result.Length - start)));
        }
    }

    private void FillSingles<TSampler>(TSampler sampler, Span<float> result)
        where TSampler : struct, IDoubleSampler
    {
        Span<double> scratch = stackalloc double[ScratchLength];
        for (int start = 0; start < result.Length; start += ScratchLength)
        {
            Span<float> chunk = result.Slice(start, Math.Min(ScratchLength, result.Length - start));
            Span<double> values = scratch[..chunk.Length];
            sampler.Fill(this, values);
            for (int i = 0; i < chunk.Length; i++)
            {
                chunk[i] = (float)values[i];
            }
        }
    }

    private void FillInt64s<TSampler>(TSampler sampler, Span<long> result)
        where TSampler : struct, IDoubleSampler
    {
        // In place: a long and a double have the same size, and each value is read before its slot is rewritten.
        Span<double> values = MemoryMarshal.Cast<long, double>(result);
        FillDoubles(sampler, values);
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = CConversions.TruncateToInt64(values[i]);
        }
    }

    private void FillRandomRange<T>(ulong range, long low, Span<T> result)
        where T : INumberBase<T>
    {
        if (result.IsEmpty)
        {
            return;
        }

        Touch();
        if (TorchRandomRange.Takes64BitDraws(range))
        {
            Span<ulong> draws = stackalloc ulong[ScratchLength];
            for (int start = 0; start < result.Length; start += ScratchLength)
            {
                Span<ulong> chunk = draws[..Math.Min(ScratchLength, result.Length - start)];
                _engine.Fill(chunk);
                TorchRandomRange.Reduce(chunk, range, low, result.Slice(start, chunk.Length));
            }
        }
        else
        {
            Span<uint> draws = stackalloc uint[2 * ScratchLength];
            for (int start = 0; start < result.Length; start += draws.Length)
            {
                Span<uint> chunk = draws[..Math.Min(draws.Length, result.Length - start)];
                _engine.Fill(chunk);
                TorchRandomRange.Reduce(chunk, range, low, result.Slice(start, chunk.Length));
            }
        }
    }

    private void BernoulliChecked(ReadOnlySpan<double> p, Span<double> result)
    {
        // Through a scratch buffer, so that result may be p itself: each p[i] is read before result[i] is written.
        Span<double> u = stackalloc double[ScratchLength];
        for (int start = 0; start < result.Length; start += ScratchLength)
        {
            Span<double> draws = u[..Math.Min(ScratchLength, result.Length - start)];
            FillUniformDouble(draws);
            LessThanAsOne(draws, p.Slice(start, draws.Length), result.Slice(start, draws.Length));
        }
    }

    private void BernoulliChecked(ReadOnlySpan<float> p, Span<float> result)
    {
        Span<float> u = stackalloc float[2 * ScratchLength];
        for (int start = 0; start < result.Length; start += u.Length)
        {
            Span<float> draws = u[..Math.Min(u.Length, result.Length - start)];
            FillUniformFloat(draws);
            LessThanAsOne(draws, p.Slice(start, draws.Length), result.Slice(start, draws.Length));
        }
    }

    /// <summary>result[i] = u[i] &lt; p[i] ? 1 : 0 (torch's <c>transformation::bernoulli</c>); a compare per lane is exact.</summary>
    private static void LessThanAsOne<T>(ReadOnlySpan<T> u, ReadOnlySpan<T> p, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref T uStart = ref MemoryMarshal.GetReference(u);
            ref T pStart = ref MemoryMarshal.GetReference(p);
            ref T rStart = ref MemoryMarshal.GetReference(result);
            Vector256<T> one = Vector256.Create(T.One);
            for (; i + Vector256<T>.Count <= result.Length; i += Vector256<T>.Count)
            {
                Vector256<T> less = Vector256.LessThan(Vector256.LoadUnsafe(ref uStart, (nuint)i), Vector256.LoadUnsafe(ref pStart, (nuint)i));
                (less & one).StoreUnsafe(ref rStart, (nuint)i);
            }
        }

        for (; i < result.Length; i++)
        {
            result[i] = u[i] < p[i] ? T.One : T.Zero;
        }
    }

    /// <summary>values[i] = values[i] * scale + offset, one rounding (torch's uniform kernels, contracted by GCC).</summary>
    private static void ScaleFused(Span<float> values, float scale, float offset)
    {
        int i = 0;
        if (Fma.IsSupported)
        {
            ref float start = ref MemoryMarshal.GetReference(values);
            for (; i + Vector256<float>.Count <= values.Length; i += Vector256<float>.Count)
            {
                Fma.MultiplyAdd(Vector256.LoadUnsafe(ref start, (nuint)i), Vector256.Create(scale), Vector256.Create(offset)).StoreUnsafe(ref start, (nuint)i);
            }
        }

        for (; i < values.Length; i++)
        {
            values[i] = MathF.FusedMultiplyAdd(values[i], scale, offset);
        }
    }

    /// <summary>values[i] = values[i] * scale + offset, one rounding.</summary>
    private static void ScaleFused(Span<double> values, double scale, double offset)
    {
        int i = 0;
        if (Fma.IsSupported)
        {
            ref double start = ref MemoryMarshal.GetReference(values);
            for (; i + Vector256<double>.Count <= values.Length; i += Vector256<double>.Count)
            {
                Fma.MultiplyAdd(Vector256.LoadUnsafe(ref start, (nuint)i), Vector256.Create(scale), Vector256.Create(offset)).StoreUnsafe(ref start, (nuint)i);
            }
        }

        for (; i < values.Length; i++)
        {
            values[i] = Math.FusedMultiplyAdd(values[i], scale, offset);
        }
    }

    private static void CheckGeometric(double p)
    {
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, $"geometric_ expects p to be in (0, 1), but got p={p}.");
        }
    }

    private static void CheckLogNormal(double std)
    {
        if (!(std > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(std), std, $"log_normal_ expects std > 0.0, but found std={std}.");
        }
    }

    private static void CheckProbability(double p)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, $"bernoulli_ expects p to be in [0, 1], but got p={p}.");
        }
    }

    private static void CheckProbabilities<T>(ReadOnlySpan<T> p)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < p.Length; i++)
        {
            if (!(p[i] >= T.Zero && p[i] <= T.One))
            {
                throw new ArgumentOutOfRangeException(nameof(p), p[i], $"bernoulli expects every probability in [0, 1], but p[{i}] = {p[i]}.");
            }
        }
    }

    private readonly struct GeometricSampler(double p) : IDoubleSampler
    {
        public void Fill(TorchGenerator generator, Span<double> values)
        {
            generator.FillUniformDouble(values);
            TorchTransforms.Geometric(values, p);
        }
    }

    private readonly struct CauchySampler(double median, double sigma) : IDoubleSampler
    {
        public void Fill(TorchGenerator generator, Span<double> values)
        {
            generator.FillUniformDouble(values);
            TorchTransforms.Cauchy(values, median, sigma);
        }
    }

    private readonly struct LogNormalSampler(double mean, double std) : IDoubleSampler
    {
        public void Fill(TorchGenerator generator, Span<double> values)
        {
            generator.FillScalarNormals(values);
            TorchTransforms.LogNormal(values, mean, std);
        }
    }
}

using System.Collections;

namespace OneSeed.Compat;

/// <summary>
/// PyTorch's <c>torch.utils.data.RandomSampler(range(n), replacement, num_samples, generator=g)</c> over a
/// <see cref="TorchGenerator"/>: enumerating it yields exactly what <c>list(sampler)</c> yields in torch 1.13, and
/// each further enumeration continues the generator like torch's next epoch.
/// </summary>
/// <remarks>
/// <para>
/// Without replacement it yields <c>num_samples / n</c> whole permutations (<c>torch.randperm(n)</c>) and then the
/// first <c>num_samples % n</c> items of one more permutation, which torch draws even when none of it is used.
/// With replacement it yields <c>torch.randint(n, (32,))</c> blocks and a final block of <c>num_samples % 32</c>.
/// Draws are lazy, as torch's generator function: nothing is drawn before the first item is requested, and an
/// enumeration abandoned early leaves the generator where torch's would be.
/// </para>
/// <para>Reproducibility tier: <b>stable</b>.</para>
/// </remarks>
public sealed class TorchRandomSampler : IEnumerable<int>
{
    private const int ReplacementBlock = 32;

    /// <summary>Creates the sampler over indices [0, <paramref name="n"/>).</summary>
    /// <param name="n">The dataset length, at least 1 (torch fails on an empty dataset too).</param>
    /// <param name="generator">The generator the sampler draws from (torch's <c>generator=g</c>); shared, not copied.</param>
    /// <param name="replacement">Draw with replacement (<c>torch.randint</c>) instead of permutations.</param>
    /// <param name="numSamples">The number of indices per epoch, at least 1; default <paramref name="n"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is not positive, or the number of samples (given or defaulted to n) is not positive.</exception>
    public TorchRandomSampler(int n, TorchGenerator generator, bool replacement = false, int? numSamples = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentNullException.ThrowIfNull(generator);
        int samples = numSamples ?? n;
        if (samples <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numSamples), samples, "num_samples should be a positive integer (torch's RandomSampler refuses it, and an empty dataset without num_samples).");
        }

        if (n == 0)
        {
            // torch's modulo by len(data_source) would raise ZeroDivisionError on the first item.
            throw new ArgumentOutOfRangeException(nameof(n), n, "RandomSampler needs a non-empty dataset when drawing samples.");
        }

        Length = n;
        Generator = generator;
        Replacement = replacement;
        NumSamples = samples;
    }

    /// <summary>The dataset length n.</summary>
    public int Length { get; }

    /// <summary>The generator the sampler draws from.</summary>
    public TorchGenerator Generator { get; }

    /// <summary>Whether indices are drawn with replacement.</summary>
    public bool Replacement { get; }

    /// <summary>The number of indices each enumeration yields (<c>len(sampler)</c>).</summary>
    public int NumSamples { get; }

    /// <summary>Yields one epoch of indices, drawing lazily from <see cref="Generator"/> as torch does.</summary>
    public IEnumerator<int> GetEnumerator()
    {
        int n = Length;
        if (Replacement)
        {
            for (int block = 0; block < NumSamples / ReplacementBlock; block++)
            {
                foreach (long index in Generator.RandInt(n, ReplacementBlock))
                {
                    yield return (int)index;
                }
            }

            foreach (long index in Generator.RandInt(n, NumSamples % ReplacementBlock))
            {
                yield return (int)index;
            }
        }
        else
        {
            for (int round = 0; round < NumSamples / n; round++)
            {
                foreach (int index in Generator.RandPermInt32(n))
                {
                    yield return index;
                }
            }

            int[] last = Generator.RandPermInt32(n);
            for (int i = 0; i < NumSamples % n; i++)
            {
                yield return last[i];
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => $"TorchRandomSampler(n={Length}, replacement={Replacement}, num_samples={NumSamples})";
}

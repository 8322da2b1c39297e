namespace OneSeed.Data;

/// <summary>A map-style dataset: <see cref="Count"/> samples addressed by index, as PyTorch's <c>Dataset</c> with <c>__len__</c>/<c>__getitem__</c>.</summary>
/// <typeparam name="T">The sample type.</typeparam>
/// <remarks>
/// <para>
/// <see cref="Get"/> may be called from several worker threads at once, for different indices, in any order; it must
/// not depend on call order or on shared mutable state. Randomness (augmentations) should come from
/// <see cref="SampleContext.Rng"/>, which is a function of (loader seed, epoch, sample index) only, so a sample is the
/// same whichever worker computes it and however many workers there are.
/// </para>
/// <para>Reproducibility tier: an interface; the guarantee is the implementation's.</para>
/// </remarks>
public interface IDataset<out T>
{
    /// <summary>The number of samples; indices run from 0 to <c>Count − 1</c>.</summary>
    int Count { get; }

    /// <summary>Returns sample <paramref name="index"/>.</summary>
    /// <param name="index">The sample index, in [0, <see cref="Count"/>).</param>
    /// <param name="context">The sample's context (epoch, worker, per-sample generator); valid only during this call.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Get(index, context) is the documented dataset API (PyTorch's __getitem__); VB callers can still implement it with brackets.")]
    T Get(int index, SampleContext context);
}

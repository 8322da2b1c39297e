using OneSeed.Compat;
using static TorchSharp.torch;
using static TorchSharp.torchvision;

namespace OneSeed.TorchVision;

/// <summary>
/// torchvision 0.14's <c>transforms.RandomOrder(transforms)</c>: applies the transforms in a random order.
/// </summary>
/// <remarks>
/// <para>
/// torchvision draws the order from Python's <c>random</c> module, not from torch: <c>random.shuffle(list(range(n)))</c>.
/// So this draws from a <see cref="PythonRandom"/> (the one given, else <see cref="PythonRandom.Shared"/> at each call,
/// which <see cref="OneSeed.Seed.Everything(uint)"/> seeds as <c>random.seed</c> and data-loader workers replace), the
/// same shuffle bit for bit. The inner transforms draw from their own generators.
/// </para>
/// <para>Reproducibility tier: <b>stable</b> for the order; the result is as exact as the inner transforms.</para>
/// </remarks>
public sealed class RandomOrder : ITransform
{
    private readonly PythonRandom? _random;
    private readonly ITransform[] _transforms;

    /// <summary>Creates the composition.</summary>
    /// <param name="transforms">The transforms.</param>
    /// <param name="random">The Python-compatible generator to draw the order from; null (the default) uses <see cref="PythonRandom.Shared"/> at each call.</param>
    /// <exception cref="ArgumentNullException"><paramref name="transforms"/> or one of them is null.</exception>
    public RandomOrder(IReadOnlyList<ITransform> transforms, PythonRandom? random = null)
    {
        _transforms = TransformArguments.Transforms(transforms, nameof(transforms));
        _random = random;
    }

    /// <summary>The transforms, in their given order.</summary>
    public IReadOnlyList<ITransform> Transforms => _transforms;

    /// <summary>
    /// The order for one call: <c>random.shuffle(list(range(n)))</c>, the draws torchvision makes.
    /// </summary>
    /// <param name="random">The generator to draw from.</param>
    /// <param name="count">The number of transforms.</param>
    /// <returns>The indices of the transforms in the order they are applied.</returns>
    public static int[] GetOrder(PythonRandom random, int count)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int[] order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order.AsSpan());
        return order;
    }

    /// <summary>Applies the transforms in a random order.</summary>
    /// <param name="input">The image.</param>
    /// <returns>The last transform's output (<paramref name="input"/> itself when there are none). Intermediate outputs are disposed.</returns>
    public Tensor call(Tensor input)
    {
        global::OneSeed.TorchSharp.TorchSharpNative.EnsureLoaded();
        int[] order = GetOrder(_random ?? PythonRandom.Shared, _transforms.Length);
        return TransformArguments.ApplyInOrder(_transforms, order, input);
    }
}

using OneSeed.Compat;
using static TorchSharp.torch;
using static TorchSharp.torchvision;

namespace OneSeed.TorchVision;

/// <summary>
/// torchvision 0.14's <c>transforms.RandomChoice(transforms, p)</c>: applies one transform picked at random, with the
/// relative weights <c>p</c> or uniformly.
/// </summary>
/// <remarks>
/// <para>
/// torchvision picks with Python's <c>random.choices(transforms, weights=p)[0]</c>, not with torch. So this draws from a
/// <see cref="PythonRandom"/> (the one given, else <see cref="PythonRandom.Shared"/> at each call), the same choice bit for
/// bit: one <c>random()</c> per call.
/// </para>
/// <para>Reproducibility tier: <b>stable</b> for the choice; the result is as exact as the chosen transform.</para>
/// </remarks>
public sealed class RandomChoice : ITransform
{
    private readonly PythonRandom? _random;
    private readonly ITransform[] _transforms;
    private readonly double[]? _p;

    /// <summary>Creates the choice.</summary>
    /// <param name="transforms">The transforms to choose from; at least one.</param>
    /// <param name="p">Relative weights, one per transform, with a positive finite total; null (torchvision's default) for a uniform choice.</param>
    /// <param name="random">The Python-compatible generator to draw from; null (the default) uses <see cref="PythonRandom.Shared"/> at each call.</param>
    /// <exception cref="ArgumentNullException"><paramref name="transforms"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">
    /// There are no transforms, or the weights do not match them in number or do not have a positive finite total
    /// (torchvision fails on these only at the first call, inside <c>random.choices</c>).
    /// </exception>
    public RandomChoice(IReadOnlyList<ITransform> transforms, IReadOnlyList<double>? p = null, PythonRandom? random = null)
    {
        _transforms = TransformArguments.Transforms(transforms, nameof(transforms));
        if (_transforms.Length == 0)
        {
            throw new ArgumentException("RandomChoice needs at least one transform to choose from.", nameof(transforms));
        }

        if (p is not null)
        {
            if (p.Count != _transforms.Length)
            {
                throw new ArgumentException($"The number of weights ({p.Count}) does not match the number of transforms ({_transforms.Length}), as random.choices requires.", nameof(p));
            }

            double total = p.Sum();
            if (!(total > 0 && double.IsFinite(total)))
            {
                throw new ArgumentException($"The weights must have a positive finite total, as random.choices requires; got {total}.", nameof(p));
            }

            _p = p.ToArray();
        }

        _random = random;
    }

    /// <summary>The transforms to choose from.</summary>
    public IReadOnlyList<ITransform> Transforms => _transforms;

    /// <summary>The relative weights, or null for a uniform choice.</summary>
    public IReadOnlyList<double>? P => _p;

    /// <summary>Applies one transform chosen as <c>random.choices(transforms, weights=p)[0]</c>.</summary>
    /// <param name="input">The image.</param>
    /// <returns>The chosen transform's output.</returns>
    public Tensor call(Tensor input)
    {
        global::OneSeed.TorchSharp.TorchSharpNative.EnsureLoaded();
        PythonRandom random = _random ?? PythonRandom.Shared;
        ITransform chosen = random.Choices(_transforms, _p, null, 1)[0];
        return chosen.call(input);
    }
}

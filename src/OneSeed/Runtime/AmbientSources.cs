using OneSeed.Compat;

namespace OneSeed;

/// <summary>
/// The instances a <see cref="Seed.UseAmbient"/> scope installs behind the shared sources for one thread / async flow
/// (a data-loader worker, a test). Leave a property null to keep that source as it is.
/// </summary>
/// <remarks>Reproducibility tier: <b>stable</b> (<see cref="Seeded"/> seeds exactly as <see cref="Seed.Everything(uint)"/>).</remarks>
public sealed class AmbientSources
{
    /// <summary>What <see cref="PythonRandom.Shared"/> returns inside the scope.</summary>
    public PythonRandom? Python { get; init; }

    /// <summary>What <see cref="NumPyRandomState.Shared"/> returns inside the scope.</summary>
    public NumPyRandomState? NumPy { get; init; }

    /// <summary>What <see cref="TorchGenerator.Default"/> returns inside the scope.</summary>
    public TorchGenerator? Torch { get; init; }

    /// <summary>What <see cref="Seed.Global"/> returns inside the scope.</summary>
    public SynchronizedRandom? Global { get; init; }

    /// <summary>
    /// Fresh instances seeded as <see cref="Seed.Everything(uint)"/> would seed the shared ones with
    /// <paramref name="seed"/> (<c>random.seed(seed)</c>, <c>np.random.seed(seed)</c>, <c>torch.manual_seed(seed)</c>,
    /// <see cref="Seed.Global"/>'s derivation).
    /// </summary>
    public static AmbientSources Seeded(uint seed) => new()
    {
        Python = new PythonRandom((long)seed),
        NumPy = new NumPyRandomState(seed),
        Torch = new TorchGenerator((long)seed),
        Global = Seed.CreateGlobal(seed),
    };

    /// <inheritdoc />
    public override string ToString() => nameof(AmbientSources);
}

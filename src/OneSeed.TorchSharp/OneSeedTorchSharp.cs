using OneSeed.Diagnostics;

namespace OneSeed.TorchSharp;

/// <summary>
/// Connects TorchSharp to OneSeed's runtime in one call: <see cref="Register"/> makes <see cref="Seed.Everything(uint)"/>,
/// <see cref="Seed.Isolate"/> and <see cref="RngSnapshot"/> cover TorchSharp and adds the <c>torchsharp</c> fingerprint
/// section; <see cref="Everything(uint, bool)"/> is <c>Seed.Everything(s, deterministic: true)</c> of the issue.
/// </summary>
/// <remarks>
/// <code>
/// OneSeedTorchSharp.Everything(42, deterministic: true);   // or: OneSeedTorchSharp.Register(); Seed.Everything(42);
/// using var x = torch.rand(3);                              // = PyTorch's torch.rand(3) after torch.manual_seed(42)
/// </code>
/// <para>Reproducibility tier: as <see cref="TorchSharpStateSource"/> (seeding <b>stable</b>).</para>
/// </remarks>
public static class OneSeedTorchSharp
{
    private static readonly object Gate = new();

    /// <summary>
    /// Loads TorchSharp's native library (<see cref="TorchSharpNative.EnsureLoaded"/>), registers
    /// <see cref="TorchSharpStateSource.Instance"/> with the runtime (seeding it at once if <see cref="Seed.Everything(uint)"/>
    /// has already run) and <see cref="TorchSharpFingerprint.Instance"/> with <see cref="EnvironmentFingerprint"/>.
    /// Idempotent and thread-safe: later calls do nothing (unless the source was unregistered meanwhile).
    /// </summary>
    /// <exception cref="DllNotFoundException">TorchSharp's native library cannot be loaded (the message says why).</exception>
    /// <exception cref="InvalidOperationException">Another source named <c>torchsharp</c> is registered.</exception>
    public static void Register()
    {
        TorchSharpNative.EnsureLoaded();
        lock (Gate)
        {
            if (!Seed.IsRegistered(TorchSharpStateSource.Instance))
            {
                if (Seed.SourceNames.Contains(TorchSharpStateSource.SourceName))
                {
                    throw new InvalidOperationException($"Another source named '{TorchSharpStateSource.SourceName}' is registered; unregister it before OneSeedTorchSharp.Register().");
                }

                Seed.Register(TorchSharpStateSource.Instance);
            }

            EnvironmentFingerprint.RegisterContributor(TorchSharpFingerprint.Instance);
        }
    }

    /// <summary>
    /// <c>Seed.Everything(seed)</c> with TorchSharp included: registers TorchSharp (<see cref="Register"/>), and with
    /// <paramref name="deterministic"/> first turns on every determinism switch (<see cref="TorchSharpDeterminism.Enable"/>,
    /// before the seeding can start CUDA), then seeds everything. Afterwards <c>torch.rand(3)</c> in TorchSharp equals
    /// PyTorch's after <c>torch.manual_seed(seed)</c>.
    /// </summary>
    /// <param name="seed">The root seed, 0 to 2^32 - 1.</param>
    /// <param name="deterministic">Also enable TorchSharp's determinism settings (PyTorch's <c>use_deterministic_algorithms</c> etc.).</param>
    /// <returns><paramref name="seed"/>.</returns>
    public static uint Everything(uint seed, bool deterministic = false)
    {
        Prepare(deterministic);
        return Seed.Everything(seed);
    }

    /// <summary>
    /// <c>Seed.Everything()</c> (<c>ONESEED_SEED</c> or a fresh, logged seed) with TorchSharp included, as
    /// <see cref="Everything(uint, bool)"/>.
    /// </summary>
    /// <param name="deterministic">Also enable TorchSharp's determinism settings.</param>
    /// <returns>The seed used.</returns>
    /// <exception cref="FormatException"><c>ONESEED_SEED</c> is set but is not an integer.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><c>ONESEED_SEED</c> is outside 0 to 4294967295.</exception>
    public static uint Everything(bool deterministic = false)
    {
        Prepare(deterministic);
        return Seed.Everything();
    }

    private static void Prepare(bool deterministic)
    {
        TorchSharpNative.EnsureLoaded();
        if (deterministic)
        {
            // CUBLAS_WORKSPACE_CONFIG must be in the native environment before cuBLAS starts; seeding CUDA devices
            // (in Register, when Everything already ran, and in Seed.Everything) may start CUDA, so this comes first.
            _ = TorchSharpDeterminism.Enable();
        }

        Register();
    }
}

namespace OneSeed.TorchSharp;

/// <summary>
/// Static extension members (C# 14) on <see cref="Seed"/>: with <c>using OneSeed.TorchSharp;</c>,
/// <c>Seed.Everything(42, deterministic: true)</c> is <see cref="OneSeedTorchSharp.Everything(uint, bool)"/>.
/// </summary>
/// <remarks>
/// The core package cannot reference TorchSharp, so the <c>deterministic</c> overloads live here. Callers on C# 13 or
/// older call <see cref="OneSeedTorchSharp.Everything(uint, bool)"/> directly. Reproducibility tier: as
/// <see cref="OneSeedTorchSharp"/>.
/// </remarks>
public static class SeedTorchSharpExtensions
{
    extension(Seed)
    {
        /// <summary>
        /// <see cref="Seed.Everything(uint)"/> with TorchSharp registered and, if <paramref name="deterministic"/>, every
        /// TorchSharp determinism switch on: <see cref="OneSeedTorchSharp.Everything(uint, bool)"/>.
        /// </summary>
        /// <param name="seed">The root seed, 0 to 2^32 - 1.</param>
        /// <param name="deterministic">Also enable TorchSharp's determinism settings.</param>
        /// <returns><paramref name="seed"/>.</returns>
        public static uint Everything(uint seed, bool deterministic) => OneSeedTorchSharp.Everything(seed, deterministic);

        /// <summary>
        /// <see cref="Seed.Everything()"/> (<c>ONESEED_SEED</c> or a fresh, logged seed) with TorchSharp registered and, if
        /// <paramref name="deterministic"/>, its determinism switches on: <see cref="OneSeedTorchSharp.Everything(bool)"/>.
        /// </summary>
        /// <param name="deterministic">Also enable TorchSharp's determinism settings.</param>
        /// <returns>The seed used.</returns>
        public static uint Everything(bool deterministic) => OneSeedTorchSharp.Everything(deterministic);
    }
}

using System.Numerics;
using OneSeed.Engines;
using OneSeed.Seeding;

namespace OneSeed.Compat;

/// <summary>NumPy's module-level entry points: <c>np.random.default_rng</c>.</summary>
/// <remarks>Reproducibility tier: <b>stable</b> (the default engine is PCG64, as in NumPy 1.17+).</remarks>
public static class NumPy
{
    /// <summary><c>np.random.default_rng(seed)</c>: a <see cref="NumPyGenerator"/> over <see cref="Pcg64"/> seeded through <see cref="SeedSequence"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seed"/> is negative (NumPy refuses negative seeds too).</exception>
    public static NumPyGenerator DefaultRng(BigInteger seed) => new(new Pcg64(seed));

    /// <summary><c>np.random.default_rng([w0, w1, ...])</c> with an array of 32-bit words as entropy.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="entropy"/> is null.</exception>
    public static NumPyGenerator DefaultRng(uint[] entropy) => new(new Pcg64(new SeedSequence(entropy)));

    /// <summary><c>np.random.default_rng(seed_sequence)</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="seedSequence"/> is null.</exception>
    public static NumPyGenerator DefaultRng(SeedSequence seedSequence) => new(new Pcg64(seedSequence));

    /// <summary><c>np.random.default_rng(bit_generator)</c>: wraps an existing engine (sharing its state).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="bitGenerator"/> is null.</exception>
    public static NumPyGenerator DefaultRng(BitGenerator bitGenerator) => new(bitGenerator);

    /// <summary>
    /// <c>np.random.default_rng()</c>: fresh entropy from the operating system. Record
    /// <c>((Pcg64)rng.BitGenerator)</c>'s seed sequence entropy if the run must be repeatable; prefer passing a seed.
    /// </summary>
    public static NumPyGenerator DefaultRng() => new(new Pcg64(new SeedSequence()));
}

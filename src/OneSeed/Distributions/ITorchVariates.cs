namespace OneSeed.Distributions;

/// <summary>
/// The two draws torch's CPU distribution samplers (<c>aten/src/ATen/native/Distributions.{h,cpp}</c>) take from the
/// generator: <c>at::uniform_real_distribution&lt;double&gt;(0, 1)</c> and <c>at::normal_distribution&lt;double&gt;(0, 1)</c>.
/// The façade (<see cref="Compat.TorchGenerator"/>) implements it over its engine and its cached normal, so the
/// samplers here know nothing of the engine and leave the generator as torch leaves it.
/// </summary>
internal interface ITorchVariates
{
    /// <summary>One 53-bit uniform in [0, 1): the low 53 bits of a 64-bit draw times 2^-53.</summary>
    double NextDouble();

    /// <summary>One standard normal by Box–Muller, returning the cached second deviate first if there is one.</summary>
    double NextStandardNormal();
}

using OneSeed.Engines;

namespace OneSeed.Distributions;

/// <summary>
/// A legacy <c>RandomState</c> sampler that draws normals from the polar method and its cached second value
/// (<c>legacy_gauss</c>): the cache is part of the stream, so the façade hands its cache in before the draws and takes
/// it back after them.
/// </summary>
internal interface ILegacySampler<T> : ISampler<T>
{
    /// <summary>The Gaussian cache (<c>has_gauss</c>, <c>gauss</c>) the sampler draws normals through.</summary>
    PolarGaussian Gauss { get; set; }
}

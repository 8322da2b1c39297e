namespace OneSeed.Compat;

/// <summary>
/// The <c>mode</c> of torch's <c>nn.init.kaiming_uniform_</c> / <c>kaiming_normal_</c>: which fan the variance is
/// scaled by. Python's strings map with <see cref="TorchInit.ParseFanMode(string)"/> (<c>"fan_in"</c>, <c>"fan_out"</c>,
/// in any case, as torch lower-cases them).
/// </summary>
public enum TorchFanMode
{
    /// <summary><c>'fan_in'</c> (torch's default): keeps the variance of the weights in the forward pass.</summary>
    FanIn,

    /// <summary><c>'fan_out'</c>: keeps the variance in the backward pass.</summary>
    FanOut,
}

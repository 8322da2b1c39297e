namespace OneSeed.Compat;

/// <summary>
/// The nonlinearities torch's <c>nn.init.calculate_gain</c> knows (its <c>nonlinearity</c> strings, in PascalCase).
/// Python's strings map with <see cref="TorchInit.ParseNonlinearity(string)"/>, and
/// <see cref="TorchInit.CalculateGain(string, double?)"/> takes them directly.
/// </summary>
public enum TorchNonlinearity
{
    /// <summary><c>'linear'</c>: gain 1.</summary>
    Linear,

    /// <summary><c>'conv1d'</c>: gain 1.</summary>
    Conv1d,

    /// <summary><c>'conv2d'</c>: gain 1.</summary>
    Conv2d,

    /// <summary><c>'conv3d'</c>: gain 1.</summary>
    Conv3d,

    /// <summary><c>'conv_transpose1d'</c>: gain 1.</summary>
    ConvTranspose1d,

    /// <summary><c>'conv_transpose2d'</c>: gain 1.</summary>
    ConvTranspose2d,

    /// <summary><c>'conv_transpose3d'</c>: gain 1.</summary>
    ConvTranspose3d,

    /// <summary><c>'sigmoid'</c>: gain 1.</summary>
    Sigmoid,

    /// <summary><c>'tanh'</c>: gain 5/3.</summary>
    Tanh,

    /// <summary><c>'relu'</c>: gain √2.</summary>
    Relu,

    /// <summary><c>'leaky_relu'</c> (the default of the Kaiming initialisers): gain √(2 / (1 + negative_slope²)).</summary>
    LeakyRelu,

    /// <summary><c>'selu'</c>: gain 3/4.</summary>
    Selu,
}

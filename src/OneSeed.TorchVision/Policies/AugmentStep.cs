namespace OneSeed.TorchVision.Policies;

/// <summary>One drawn operation of a policy: what torchvision 0.14 passes to <c>_apply_op(img, op_name, magnitude, ...)</c>.</summary>
/// <param name="Operation">The operation.</param>
/// <param name="Magnitude">The signed magnitude, a Python float (the float32 table value widened, negated when the coin says so).</param>
internal readonly record struct AugmentStep(AugmentOperation Operation, double Magnitude);

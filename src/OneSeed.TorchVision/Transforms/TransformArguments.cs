using static TorchSharp.torch;
using static TorchSharp.torchvision;

namespace OneSeed.TorchVision;

/// <summary>Argument parsing and checks shared by the transforms, each as torchvision 0.14 does it.</summary>
internal static class TransformArguments
{
    /// <summary>
    /// <c>F_t._parse_pad_padding</c>, reordered to (left, top, right, bottom): one value for all borders, two for
    /// (left/right, top/bottom), four as given.
    /// </summary>
    public static long[] PaddingLtrb(IReadOnlyList<int> padding, string paramName) => padding.Count switch
    {
        1 => [padding[0], padding[0], padding[0], padding[0]],
        2 => [padding[0], padding[1], padding[0], padding[1]],
        4 => [padding[0], padding[1], padding[2], padding[3]],
        _ => throw new ArgumentException($"Padding must be 1, 2 or 4 values, as torchvision requires; got {padding.Count}.", paramName),
    };

    /// <summary>Refuses a value that is not a finite number.</summary>
    public static void RequireFinite(double value, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a finite number.");
        }
    }

    /// <summary>
    /// Refuses a (min, max) range given the wrong way round: torchvision only warns in the constructor, then torch's
    /// <c>uniform_</c> fails at the first call; refusing it here fails before any draw.
    /// </summary>
    public static void RequireOrdered((double Min, double Max) range, string paramName)
    {
        if (!(range.Min <= range.Max))
        {
            throw new ArgumentOutOfRangeException(paramName, range, $"{paramName} should be of kind (min, max); torch's uniform_ refuses ({range.Min}, {range.Max}).");
        }
    }

    /// <summary>A (min, max) range of finite numbers, the right way round.</summary>
    public static void RequireFiniteRange((double Min, double Max) range, string paramName)
    {
        RequireFinite(range.Min, paramName);
        RequireFinite(range.Max, paramName);
        RequireOrdered(range, paramName);
    }

    /// <summary>torchvision's <c>_setup_angle</c> for a single number: not negative, giving (-x, x).</summary>
    public static (double Min, double Max) SymmetricRange(double value, string paramName)
    {
        if (!(value >= 0))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"If {paramName} is a single number, it must be positive (torchvision's condition: not negative).");
        }

        return (-value, value);
    }

    /// <summary>The interpolation modes torchvision's tensor path supports for grid transforms (rotate, affine, perspective).</summary>
    public static void RequireNearestOrBilinear(global::TorchSharp.torch.InterpolationMode interpolation, string paramName)
    {
        if (interpolation is not (global::TorchSharp.torch.InterpolationMode.Nearest or global::TorchSharp.torch.InterpolationMode.Bilinear))
        {
            throw new ArgumentOutOfRangeException(paramName, interpolation, "Only Nearest and Bilinear are supported on tensors, as in torchvision.");
        }
    }

    /// <summary>torchvision's fill for grid transforms: null is 0; one value is used for every channel.</summary>
    public static double[] Fill(IReadOnlyList<double>? fill, string paramName)
    {
        if (fill is null)
        {
            return [0.0];
        }

        if (fill.Count == 0)
        {
            throw new ArgumentException("fill must hold one value, or one per channel.", paramName);
        }

        return fill.ToArray();
    }

    /// <summary>A copy of a list of transforms, refusing a null list or element.</summary>
    public static ITransform[] Transforms(IReadOnlyList<ITransform> transforms, string paramName)
    {
        ArgumentNullException.ThrowIfNull(transforms, paramName);
        ITransform[] copy = transforms.ToArray();
        for (int i = 0; i < copy.Length; i++)
        {
            if (copy[i] is null)
            {
                throw new ArgumentNullException(paramName, $"Transform {i} is null.");
            }
        }

        return copy;
    }

    /// <summary>
    /// Applies the transforms in the given order, disposing each intermediate output that is neither the input nor
    /// the next output (a transform that is not applied returns its input), so a long epoch does not hold native memory.
    /// </summary>
    public static Tensor ApplyInOrder(ITransform[] transforms, IEnumerable<int> order, Tensor input)
    {
        Tensor current = input;
        foreach (int i in order)
        {
            Tensor next = transforms[i].call(current);
            if (!ReferenceEquals(current, input) && !ReferenceEquals(current, next))
            {
                current.Dispose();
            }

            current = next;
        }

        return current;
    }
}

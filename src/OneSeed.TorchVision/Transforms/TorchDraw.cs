using OneSeed.Compat;
using OneSeed.TorchSharp;

namespace OneSeed.TorchVision;

/// <summary>
/// The scalar draws torchvision 0.14's transforms make, each as torch computes it: <c>torch.rand(1)</c> (a float32),
/// <c>torch.empty(1).uniform_(a, b).item()</c> (a float32 widened to a double), <c>torch.randint(low, high, (1,)).item()</c>.
/// </summary>
internal static class TorchDraw
{
    /// <summary>
    /// The generator a transform draws from: its own, else <see cref="TorchGenerator.Default"/> read now (at call time,
    /// so each data-loader worker's ambient generator is used), after making sure TorchSharp is loaded for the pixels.
    /// </summary>
    public static TorchGenerator Resolve(TorchGenerator? own)
    {
        TorchSharpNative.EnsureLoaded();
        return own ?? TorchGenerator.Default;
    }

    /// <summary><c>torch.rand(1)</c>: one float32 uniform in [0, 1).</summary>
    public static float Rand(TorchGenerator generator)
    {
        Span<float> one = stackalloc float[1];
        generator.Rand(one);
        return one[0];
    }

    /// <summary>
    /// <c>torch.rand(1) &lt; p</c> as a tensor comparison: torch casts the Python float <paramref name="p"/> to the
    /// tensor's float32 before comparing (so p = 0.7 compares against 0.699999988...).
    /// </summary>
    public static bool RandTensorLessThan(TorchGenerator generator, double p) => Rand(generator) < (float)p;

    /// <summary><c>torch.rand(1).item() &lt; p</c>: the float32 draw widened to a double and compared in double precision.</summary>
    public static bool RandItemLessThan(TorchGenerator generator, double p) => (double)Rand(generator) < p;

    /// <summary><c>torch.empty(1).uniform_(from, to).item()</c>: a float32 uniform (bounds rounded to float32) widened to a double.</summary>
    public static double Uniform(TorchGenerator generator, double from, double to)
    {
        Span<float> one = stackalloc float[1];
        generator.Uniform(from, to, one);
        return one[0];
    }

    /// <summary><c>torch.randint(low, high, size=(1,)).item()</c>.</summary>
    public static long RandInt(TorchGenerator generator, long low, long high) => generator.RandInt(low, high, 1)[0];

    /// <summary>Python's <c>int(round(x))</c>: round half to even, then to an integer.</summary>
    public static long PythonRound(double x) => checked((long)Math.Round(x, MidpointRounding.ToEven));

    /// <summary>
    /// <c>torch.log(torch.tensor(ratio))</c>: float32 logarithms as torch's CPU kernel computes them (SLEEF's vectorised
    /// <c>logf</c> on AVX2, which is not the C library's <c>logf</c>), so computed by libtorch through TorchSharp.
    /// </summary>
    public static (double Low, double High) Float32Log((double Low, double High) ratio)
    {
        using var values = global::TorchSharp.torch.tensor(new[] { (float)ratio.Low, (float)ratio.High });
        using var logs = values.log();
        float[] result = logs.data<float>().ToArray();
        return (result[0], result[1]);
    }

    /// <summary><c>torch.exp(t).item()</c> of a one-element float32 tensor, as torch's CPU kernel computes it (see <see cref="Float32Log"/>).</summary>
    public static double Float32Exp(double value)
    {
        using var input = global::TorchSharp.torch.tensor(new[] { (float)value });
        using var output = input.exp();
        return output.item<float>();
    }

    /// <summary>
    /// One attempt of the box search RandomResizedCrop and RandomErasing share: <c>area * uniform_(scale).item()</c> and
    /// <c>torch.exp(uniform_(log_ratio)).item()</c>, then the box's sides as Python rounds them,
    /// <c>int(round(sqrt(area * ratio)))</c> and <c>int(round(sqrt(area / ratio)))</c>.
    /// </summary>
    public static (long Wide, long Narrow) DrawBoxSides(TorchGenerator generator, long area, (double Min, double Max) scale, (double Low, double High) logRatio)
    {
        double targetArea = area * Uniform(generator, scale.Min, scale.Max);
        double aspectRatio = Float32Exp(Uniform(generator, logRatio.Low, logRatio.High));
        return (PythonRound(Math.Sqrt(targetArea * aspectRatio)), PythonRound(Math.Sqrt(targetArea / aspectRatio)));
    }
}
